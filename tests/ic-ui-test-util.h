/* ic-ui-test-util.h: what the ui test programs share: start-up, finding
 * widgets, running the main loop until something happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-link-dialog.h"

G_BEGIN_DECLS

/* Sets up GTK and libadwaita for a test program (call first in main). */
void ic_ui_test_init (int    *argc,
                      char ***argv);

GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type);

guint
count_pdf_pages (const char *path);

/* Wakes the main loop now and then so that deadlines are checked. */
gboolean
tick_cb (gpointer data);

void
collect_cells (GtkWidget *widget,
               GPtrArray *cells);

void
wait_frames (guint n);

/* The rows a view shows: the matrix and the list are grid views. */
GListModel *
shown_model (GtkWidget *view);

guint
shown_rows (GtkWidget *view);

/* Runs the main loop until @done or 60 s; returns @done. */
gboolean
run_until (gboolean (*done) (gpointer), gpointer data);

/* Frames drawn so far (count_frame_cb), and how many to wait for
 * (frames_passed). */
typedef struct
{
  guint ticks;
  guint until;
} FrameCount;

gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data);

gboolean
frames_passed (gpointer data);

gboolean
view_complete (gpointer view);

GtkWidget *
find_widget_with_tooltip (GtkWidget  *widget,
                          const char *tooltip);

void
settle (void);

/* Adds @widget and the widgets below it that have @css_class to @found. */
void
collect_by_class (GtkWidget  *widget,
                  const char *css_class,
                  GPtrArray  *found);

/* The Link to an Earlier Item dialog open, or NULL. */
IcLinkDialog *
open_link_dialog (void);

G_END_DECLS
