/* ic-matrix-columns.h: the matrix's columns, shared by its header and rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report.h"

G_BEGIN_DECLS

/* Authority, type and date, then one column per judgement area. */
typedef enum
{
  IC_MATRIX_COLUMN_AUTHORITY,
  IC_MATRIX_COLUMN_TYPE,
  IC_MATRIX_COLUMN_ENDED,
  IC_MATRIX_COLUMN_FIRST_AREA,
} IcMatrixColumn;

#define IC_MATRIX_N_COLUMNS (IC_MATRIX_COLUMN_FIRST_AREA + IC_N_AREAS)
#define IC_MATRIX_COLUMN_AREA(area) (IC_MATRIX_COLUMN_FIRST_AREA + (area))

#define IC_TYPE_MATRIX_COLUMNS (ic_matrix_columns_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixColumns, ic_matrix_columns, IC, MATRIX_COLUMNS, GObject)

IcMatrixColumns *ic_matrix_columns_new         (void) G_GNUC_WARN_UNUSED_RESULT;
const char      *ic_matrix_columns_get_title   (IcMatrixColumns *self,
                                                guint            column);
int              ic_matrix_columns_get_width   (IcMatrixColumns *self,
                                                guint            column);
void             ic_matrix_columns_set_width   (IcMatrixColumns *self,
                                                guint            column,
                                                int              width);
gboolean         ic_matrix_columns_get_visible (IcMatrixColumns *self,
                                                guint            column);
void             ic_matrix_columns_set_visible (IcMatrixColumns *self,
                                                guint            column,
                                                gboolean         visible);
int              ic_matrix_columns_get_total_width (IcMatrixColumns *self);
void             ic_matrix_columns_measure_height (IcMatrixColumns  *self,
                                                   GtkWidget       **children,
                                                   int              *minimum,
                                                   int              *natural);
void             ic_matrix_columns_allocate    (IcMatrixColumns  *self,
                                                GtkWidget        *row,
                                                GtkWidget       **children,
                                                int               width,
                                                int               height,
                                                int               scrolled);
gboolean         ic_matrix_columns_is_blank    (guint            column,
                                                IcReport        *report);
int              ic_matrix_columns_compare     (guint            column,
                                                IcReport        *a,
                                                IcReport        *b);

G_END_DECLS
