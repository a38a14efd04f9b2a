/* ic-matrix-table.h: the matrix's header over its scrolled rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-matrix-header.h"

G_BEGIN_DECLS

#define IC_TYPE_MATRIX_TABLE (ic_matrix_table_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixTable, ic_matrix_table, IC, MATRIX_TABLE, GtkWidget)

GtkWidget      *ic_matrix_table_new     (GtkWidget         *header,
                                         GtkWidget         *body);
IcMatrixHeader *ic_matrix_table_install (GtkBox            *box,
                                         GtkScrolledWindow *body,
                                         IcMatrixColumns   *columns);

G_END_DECLS
