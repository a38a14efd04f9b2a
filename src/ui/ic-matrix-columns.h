/* ic-matrix-columns.h: the columns of a table of reports (the matrix, the
 * list of reports), shared by its header and rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report.h"

G_BEGIN_DECLS

/* The matrix: authority, type, date, the visits after a latest graded
 * inspection, then one column per judgement area. */
typedef enum
{
  IC_MATRIX_COLUMN_AUTHORITY,
  IC_MATRIX_COLUMN_TYPE,
  IC_MATRIX_COLUMN_ENDED,
  IC_MATRIX_COLUMN_LATER_VISITS,
  IC_MATRIX_COLUMN_FIRST_AREA,
} IcMatrixColumn;

#define IC_MATRIX_N_COLUMNS (IC_MATRIX_COLUMN_FIRST_AREA + IC_N_AREAS)
#define IC_MATRIX_COLUMN_AREA(area) (IC_MATRIX_COLUMN_FIRST_AREA + (area))

typedef enum
{
  IC_MATRIX_CELL_TEXT,     /* one line, cut short with "…" */
  IC_MATRIX_CELL_HEADING,  /* the authority, in bold: a link to its page */
  IC_MATRIX_CELL_AUTHORITY, /* the authority, a link to its page */
  IC_MATRIX_CELL_GRADE,    /* a coloured grade that opens its report */
  IC_MATRIX_CELL_VISITS,   /* a badge for the visits after the report */
} IcMatrixCellKind;

/**
 * IcMatrixColumnSpec:
 * @title: untranslated (marked with N_())
 * @width: until the header has measured its title
 * @kind: the kind of cell
 * @area: the judgement area of a %IC_MATRIX_CELL_GRADE column
 * @expand: takes a share of the width left over
 * @text: the text of a text cell (transfer full)
 * @compare: the ascending order of the column
 * @is_blank: (nullable): whether a report has nothing in the column (it
 *   then sorts last either way)
 */
typedef struct
{
  const char        *title;
  int                width;
  IcMatrixCellKind   kind;
  IcArea             area;
  gboolean           expand;
  char            *(*text)     (IcReport *report);
  int              (*compare)  (IcReport *a,
                                IcReport *b);
  gboolean         (*is_blank) (IcReport *report);
} IcMatrixColumnSpec;

#define IC_TYPE_MATRIX_COLUMNS (ic_matrix_columns_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixColumns, ic_matrix_columns, IC, MATRIX_COLUMNS, GObject)

IcMatrixColumns          *ic_matrix_columns_new         (void) G_GNUC_WARN_UNUSED_RESULT;
IcMatrixColumns          *ic_matrix_columns_new_with_specs (const IcMatrixColumnSpec *specs,
                                                            guint                     n_specs) G_GNUC_WARN_UNUSED_RESULT;
guint                     ic_matrix_columns_get_n_columns (IcMatrixColumns *self);
const IcMatrixColumnSpec *ic_matrix_columns_get_spec    (IcMatrixColumns *self,
                                                         guint            column);
const char               *ic_matrix_columns_get_title   (IcMatrixColumns *self,
                                                         guint            column);
int                       ic_matrix_columns_get_width   (IcMatrixColumns *self,
                                                         guint            column);
void                      ic_matrix_columns_set_width   (IcMatrixColumns *self,
                                                         guint            column,
                                                         int              width);
gboolean                  ic_matrix_columns_get_visible (IcMatrixColumns *self,
                                                         guint            column);
void                      ic_matrix_columns_set_visible (IcMatrixColumns *self,
                                                         guint            column,
                                                         gboolean         visible);
int                       ic_matrix_columns_get_total_width (IcMatrixColumns *self);
void                      ic_matrix_columns_measure_height (IcMatrixColumns  *self,
                                                            GtkWidget       **children,
                                                            int              *minimum,
                                                            int              *natural);
void                      ic_matrix_columns_allocate    (IcMatrixColumns  *self,
                                                         GtkWidget        *row,
                                                         GtkWidget       **children,
                                                         int               width,
                                                         int               height,
                                                         int               scrolled);
void                      ic_matrix_columns_snapshot    (IcMatrixColumns  *self,
                                                         GtkWidget        *row,
                                                         GtkWidget       **children,
                                                         GtkSnapshot      *snapshot);
int                       ic_matrix_columns_get_pinned  (IcMatrixColumns *self);
void                      ic_matrix_columns_set_pinned_offset (IcMatrixColumns *self,
                                                               int              offset);
int                       ic_matrix_columns_get_pinned_offset (IcMatrixColumns *self);
void                      ic_matrix_columns_set_highlighted (IcMatrixColumns *self,
                                                             const char      *authority);
gboolean                  ic_matrix_columns_is_highlighted (IcMatrixColumns *self,
                                                            IcReport        *report);
void                      ic_matrix_columns_set_later_visits (IcMatrixColumns *self,
                                                              GHashTable      *visits);
GPtrArray                *ic_matrix_columns_get_later_visits (IcMatrixColumns *self,
                                                              IcReport        *report);
gboolean                  ic_matrix_columns_is_blank    (IcMatrixColumns *self,
                                                         guint            column,
                                                         IcReport        *report);
int                       ic_matrix_columns_compare     (IcMatrixColumns *self,
                                                         guint            column,
                                                         IcReport        *a,
                                                         IcReport        *b);

G_END_DECLS
