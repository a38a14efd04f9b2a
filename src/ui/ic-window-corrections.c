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

#include "ic-toasts.h"
#include "ic-window-private.h"

/* Shows @toast in place of the last correction's: a toast queued behind
 * it would speak of a change already undone. The last one goes once it
 * has slid in, where libadwaita 1.2 survives it (ic-toasts.c), and this
 * one follows it then. */
static void
show_correction_toast (IcWindow *self,
                       AdwToast *toast)
{
  if (self->correction_toast != NULL)
    ic_toasts_dismiss (self->correction_toast);
  g_set_weak_pointer (&self->correction_toast, toast);
  ic_toasts_add (self->toast_overlay, toast);
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
