/* ic-matrix-nav.h: the matrix walked cell by cell from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-matrix-columns.h"
#include "ic-matrix-header.h"

G_BEGIN_DECLS

/* Arrow keys, Home and End (with Ctrl: first and last row) move between
 * the grade cells of @grid_view's rows (IcMatrixRow); Tab leaves the
 * grid in one step and, from the last title of @header, enters it at
 * the first row; the focused cell is scrolled into view. @rows are the
 * grid's reports in the order shown. */
void ic_matrix_nav_attach (GtkGridView     *grid_view,
                           GListModel      *rows,
                           IcMatrixColumns *columns,
                           IcMatrixHeader  *header);

G_END_DECLS
