/* ic-matrix-header.h: column titles of the judgement matrix, which sort it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-matrix-columns.h"

G_BEGIN_DECLS

#define IC_MATRIX_NOT_SORTED G_MAXUINT

#define IC_TYPE_MATRIX_HEADER (ic_matrix_header_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixHeader, ic_matrix_header, IC, MATRIX_HEADER, GtkWidget)

GtkWidget  *ic_matrix_header_new             (IcMatrixColumns *columns);
void        ic_matrix_header_set_hadjustment (IcMatrixHeader  *self,
                                              GtkAdjustment   *adjustment);
void        ic_matrix_header_sort_by         (IcMatrixHeader  *self,
                                              guint            column,
                                              GtkSortType      order);
guint       ic_matrix_header_get_sort_column (IcMatrixHeader  *self);
GtkSortType ic_matrix_header_get_sort_order  (IcMatrixHeader  *self);
GtkWidget  *ic_matrix_header_get_button      (IcMatrixHeader  *self,
                                              guint            column);

IcMatrixColumns *ic_matrix_header_get_columns (IcMatrixHeader *self);
GtkSorter  *ic_matrix_header_new_sorter      (IcMatrixHeader  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
