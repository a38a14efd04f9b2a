/* ic-matrix-row.h: one row of the judgement matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-matrix-columns.h"

G_BEGIN_DECLS

#define IC_TYPE_MATRIX_ROW (ic_matrix_row_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixRow, ic_matrix_row, IC, MATRIX_ROW, GtkWidget)

GtkWidget *ic_matrix_row_new        (IcMatrixColumns *columns);
guint      ic_matrix_row_get_n_made (void);
void       ic_matrix_row_set_report (IcMatrixRow     *self,
                                     IcReport        *report);
IcReport  *ic_matrix_row_get_report (IcMatrixRow     *self);
GtkWidget *ic_matrix_row_get_cell   (IcMatrixRow     *self,
                                     guint            column);
GStrv      ic_matrix_row_warm_up    (GtkWidget       *parent,
                                     IcMatrixColumns *columns);

GtkListItemFactory *ic_matrix_row_factory_new     (IcMatrixColumns    *columns);
void                ic_matrix_row_factory_prepare (GtkListItemFactory *factory,
                                                   guint               n_rows);

G_END_DECLS
