/* ic-toasts.c: the window's toasts, dismissed only when libadwaita 1.2
 * survives it
 *
 * libadwaita 1.2's AdwToastOverlay (src/adw-toast-overlay.c) shows a
 * toast when it is added to an overlay showing none, when the toast
 * shown before it is dismissed, or when it has high priority (the one
 * shown goes back to the queue): it then builds the toast's widget, the
 * overlay's last child, and slides it in, over 500 ms while another
 * toast is still hiding, over 300 ms otherwise. Dismissing a toast
 * hides it over 300 ms, and the end of the hide frees the overlay's
 * record of the toast. If the slide ends in the same frame or a later
 * one, its end writes to the freed record and the app crashes; the
 * hide's tick runs first in a frame, being the newer. A wait counted in
 * time alone is not enough: a frame late by the margin ends both in
 * one. So a toast is dismissed only from the first frame whose time is
 * at or past the end of its slide: the slide ends in that frame, the
 * hide 300 ms later.
 *
 * The start of a slide is read where it happens, not when the toast was
 * added: after each toast is added and after each is dismissed (the
 * overlay's own handler shows the next one in the queue before ours
 * runs). The frame clock's time read then is the slide's own start or a
 * little later: outside a frame it never goes back. A toast queued and
 * never shown is dismissed at once: nothing of it animates.
 *
 * Still open to the crash: the user closing a toast (its × button, or
 * Escape) in the first 200 ms of a 500 ms slide, which libadwaita
 * handles itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-toasts"

#include "config.h"

#include "ic-toasts.h"

#include "ic-a11y.h"

/* libadwaita 1.2's SHOW_DURATION and REPLACE_DURATION. */
#define SLIDE_MS         300
#define REPLACE_SLIDE_MS 500

#define TRACK_KEY "ic-toasts-track"

/* What is known of a toast added here. It may slide in more than once:
 * a high priority toast puts the one shown back in the queue. */
typedef struct
{
  GtkWidget *widget;          /* (weak): its widget when last shown */
  gint64     slid_in_at;      /* frame time, µs: when its last slide ends */
  guint      tick_id;         /* on the overlay, while it slides in */
  gboolean   dismiss_when_in;
  gboolean   dismissed;
} Track;

static void
track_free (gpointer data)
{
  Track *track = data;

  g_clear_weak_pointer (&track->widget);
  g_free (track);
}

static Track *
track_of (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), TRACK_KEY);
}

static gboolean
is_toast_widget (GtkWidget *widget)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

/* (transfer full) */
static AdwToast *
toast_of (GtkWidget *toast_widget)
{
  AdwToast *toast = NULL;

  g_object_get (toast_widget, "toast", &toast, NULL);
  return toast;
}

static gboolean
slide_tick_cb (GtkWidget     *overlay,
               GdkFrameClock *clock,
               gpointer       data)
{
  AdwToast *toast = data;
  Track *track = track_of (toast);

  if (gdk_frame_clock_get_frame_time (clock) < track->slid_in_at)
    return G_SOURCE_CONTINUE;
  track->tick_id = 0;
  if (track->dismiss_when_in)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
start_slide (GtkWidget *overlay,
             AdwToast  *toast,
             GtkWidget *widget,
             gboolean   replacing)
{
  Track *track = track_of (toast);
  GdkFrameClock *clock;
  gint64 slid_in_at;

  g_set_weak_pointer (&track->widget, widget);
  /* libadwaita skips the slide then: it is over already. */
  if (!gtk_widget_get_mapped (overlay) || !adw_get_enable_animations (overlay))
    return;
  clock = gtk_widget_get_frame_clock (overlay);
  slid_in_at = gdk_frame_clock_get_frame_time (clock)
               + (replacing ? REPLACE_SLIDE_MS : SLIDE_MS) * G_TIME_SPAN_MILLISECOND;
  track->slid_in_at = MAX (track->slid_in_at, slid_in_at);
  if (track->tick_id == 0)
    track->tick_id = gtk_widget_add_tick_callback (overlay, slide_tick_cb, g_object_ref (toast),
                                                   g_object_unref);
}

/* The toast @overlay shows is the one whose widget takes clicks (hiding
 * ones do not) and which is not dismissed; it slides in over the longer
 * time when another toast is hiding. When that widget is new, the toast
 * has just started sliding in. */
static void
note_shown_toast (GtkWidget *overlay)
{
  GtkWidget *shown = NULL;
  g_autoptr(AdwToast) toast = NULL;
  gboolean replacing = FALSE;

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c; c = gtk_widget_get_next_sibling (c))
    {
      g_autoptr(AdwToast) its = NULL;
      Track *track;

      if (!is_toast_widget (c))
        continue;
      its = toast_of (c);
      track = its != NULL ? track_of (its) : NULL;
      if (gtk_widget_get_can_target (c) && track != NULL && !track->dismissed)
        {
          shown = c;
          g_set_object (&toast, its);
        }
      else
        replacing = TRUE;
    }
  if (toast == NULL || track_of (toast)->widget == shown)
    return;
  start_slide (overlay, toast, shown, replacing);
  ic_a11y_name_toast_buttons (shown);
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  Track *track = track_of (toast);

  track->dismissed = TRUE;
  /* Closed by the user while sliding in: nothing left to wait for. */
  if (track->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (overlay, track->tick_id);
      track->tick_id = 0;
    }
  note_shown_toast (overlay);
}

void
ic_toasts_add (AdwToastOverlay *overlay,
               AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_object_set_data_full (G_OBJECT (toast), TRACK_KEY, g_new0 (Track, 1), track_free);
  /* After the overlay's own handler, which shows the next toast. */
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay,
                           G_CONNECT_AFTER);
  adw_toast_overlay_add_toast (overlay, toast);
  note_shown_toast (GTK_WIDGET (overlay));
}

void
ic_toasts_dismiss (AdwToast *toast)
{
  Track *track;

  g_return_if_fail (ADW_IS_TOAST (toast));

  track = track_of (toast);
  if (track != NULL && track->tick_id != 0)
    track->dismiss_when_in = TRUE;
  else
    adw_toast_dismiss (toast);
}

gboolean
ic_toasts_is_sliding_in (AdwToast *toast)
{
  Track *track;

  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  track = track_of (toast);
  return track != NULL && track->tick_id != 0;
}
