/* ic-window-corrections.c: the window's correction actions, with undo
 *
 * The session keeps, saves and applies corrections and remembers what to
 * undo (ic-session-corrections.c); the window turns actions into session
 * calls and says what happened in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-corrections"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-window-private.h"

/* libadwaita 1.2 slides a toast in over 500 ms when it replaces one
 * (300 ms otherwise) and hides one over 300 ms. A toast dismissed in the
 * first 200 ms of a 500 ms slide finishes hiding first, is freed, and
 * the app crashes when the slide ends
 * (/ui/window/corrections-in-quick-succession). So a toast is dismissed
 * no sooner than this after it started sliding in: 150 ms of margin for
 * the first frame of each animation coming late.
 * The times are the window's own reckoning: a correction's toast queued
 * behind another kind of toast (an export's) starts later than
 * reckoned, which only makes this wait too short if another correction
 * follows within 200 ms of it starting. */
#define TOAST_SAFE_TO_DISMISS_USEC (350 * G_TIME_SPAN_MILLISECOND)

/* Dismisses the toast whose dismissal waited until it was safe. */
static void
dismiss_put_off_toast (IcWindow *self)
{
  g_clear_handle_id (&self->put_off_dismiss_id, g_source_remove);
  if (self->put_off_toast != NULL)
    adw_toast_dismiss (self->put_off_toast);
  g_clear_object (&self->put_off_toast);
}

static gboolean
dismiss_put_off_toast_cb (gpointer data)
{
  IcWindow *self = data;

  self->put_off_dismiss_id = 0;
  dismiss_put_off_toast (self);
  /* The toast queued behind it starts sliding in now. */
  self->correction_toast_in_at = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

/* Dismisses the last correction's toast now if that is safe, else once
 * it is. Returns when the next toast will start sliding in. */
static gint64
dismiss_last_correction_toast (IcWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 safe_at = self->correction_toast_in_at + TOAST_SAFE_TO_DISMISS_USEC;

  /* Still queued behind the toast put off: the next one takes its place
   * in the queue; dismissing a queued toast frees nothing animating. */
  if (self->put_off_toast != NULL)
    {
      adw_toast_dismiss (self->correction_toast);
      return self->correction_toast_in_at;
    }
  if (now >= safe_at)
    {
      adw_toast_dismiss (self->correction_toast);
      return now;
    }
  self->put_off_toast = g_object_ref (self->correction_toast);
  self->put_off_dismiss_id =
    g_timeout_add ((guint) ((safe_at - now) / G_TIME_SPAN_MILLISECOND) + 1,
                   dismiss_put_off_toast_cb, self);
  return safe_at;
}

/* Shows @toast in place of the last correction's: a toast queued behind
 * it would speak of a change already undone. */
static void
show_correction_toast (IcWindow *self,
                       AdwToast *toast)
{
  gint64 in_at = g_get_monotonic_time ();

  if (self->correction_toast != NULL)
    {
      in_at = dismiss_last_correction_toast (self);
      g_clear_weak_pointer (&self->correction_toast);
    }
  g_set_weak_pointer (&self->correction_toast, toast);
  self->correction_toast_in_at = in_at;
  ic_a11y_add_toast (self->toast_overlay, toast);
}

/* Sets or (@value NULL) removes a correction, with an Undo toast. */
static void
change_correction (IcWindow   *self,
                   const char *content_id,
                   const char *field,
                   const char *value)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  /* Only reports on show can be corrected from the window. */
  if (ic_report_store_find_content (self->store, content_id) == NULL)
    return;

  if (!ic_session_correct (self->session, content_id, field, value, &error))
    {
      _ic_window_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (value != NULL ? _("Correction saved") : _("Back to the value as read"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-correction");
  show_correction_toast (self, toast);
}

/* @param: (content id, field, value), e.g. ("…", "grade.leadership", "good") */
static void
correct_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *content_id, *field, *value;

  g_variant_get (param, "(&s&s&s)", &content_id, &field, &value);
  change_correction (IC_WINDOW (widget), content_id, field, value);
}

/* @param: (content id, field): back to the value read from the report */
static void
revert_correction_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *content_id, *field;

  g_variant_get (param, "(&s&s)", &content_id, &field);
  change_correction (IC_WINDOW (widget), content_id, field, NULL);
}

static void
undo_correction_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* Ctrl+Z with nothing to undo says so rather than nothing. */
  if (!ic_session_get_can_undo (self->session))
    show_correction_toast (self, adw_toast_new (_("Nothing to undo")));
  else if (!ic_session_undo_correction (self->session, &error))
    _ic_window_toast (self, error->message);
  else
    show_correction_toast (self, adw_toast_new (_("Correction undone")));
}

void
_ic_window_corrections_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.correct", "(sss)", correct_action);
  gtk_widget_class_install_action (widget_class, "win.revert-correction", "(ss)",
                                   revert_correction_action);
  gtk_widget_class_install_action (widget_class, "win.undo-correction", NULL,
                                   undo_correction_action);
}
