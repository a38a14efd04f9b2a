/* ic-heading-nav.h: the keyboard in a list whose headings are rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the row at @position of the list's model is a heading. */
typedef gboolean (*IcHeadingFunc) (guint    position,
                                   gpointer user_data);

/* The arrow keys, Page Up and Down, Home and End (with or without Ctrl)
 * move the focus and the selection of @grid_view (a one-column grid of
 * a GtkSingleSelection) to the nearest row that is not a heading, its
 * heading scrolled into view with it; the focus entering the grid goes
 * to the selected row. The factory's setup calls
 * ic_heading_nav_setup_item() for each item. */
void  ic_heading_nav_attach      (GtkGridView   *grid_view,
                                  IcHeadingFunc  is_heading,
                                  gpointer       user_data);
void  ic_heading_nav_setup_item  (GtkListItem   *item);
guint ic_heading_nav_first_row   (GtkGridView   *grid_view);

G_END_DECLS
