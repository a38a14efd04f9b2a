/* ic-matrix-columns.c
 *
 * The matrix is a GtkGridView of one column whose rows (IcMatrixRow)
 * lay out their own cells, under a header of its own (IcMatrixHeader):
 * GTK 4.8's column view keeps widgets for 200 rows and restyles every
 * one of them on any change to the list, 10–45 ms a frame while reading,
 * where a grid view keeps about 30 (doc/ui-stalls.md). This object is
 * what the header and the rows share: each column's title, width and
 * whether it is shown, with a "changed" signal when any of them change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-matrix-columns.h"
#include "ic-ui-util.h"

struct _IcMatrixColumns
{
  GObject  parent_instance;

  int      widths[IC_MATRIX_N_COLUMNS];
  gboolean visible[IC_MATRIX_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (IcMatrixColumns, ic_matrix_columns, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ic_matrix_columns_class_init (IcMatrixColumnsClass *klass)
{
  /**
   * IcMatrixColumns::changed:
   *
   * A column's width or visibility changed: rows and header lay out again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ic_matrix_columns_init (IcMatrixColumns *self)
{
  /* Until the header has measured its titles. */
  self->widths[IC_MATRIX_COLUMN_AUTHORITY] = 230;
  self->widths[IC_MATRIX_COLUMN_TYPE] = 190;
  self->widths[IC_MATRIX_COLUMN_ENDED] = 140;
  for (guint c = 0; c < IC_MATRIX_N_COLUMNS; c++)
    {
      if (c >= IC_MATRIX_COLUMN_FIRST_AREA)
        self->widths[c] = 130;
      self->visible[c] = TRUE;
    }
}

IcMatrixColumns *
ic_matrix_columns_new (void)
{
  return g_object_new (IC_TYPE_MATRIX_COLUMNS, NULL);
}

const char *
ic_matrix_columns_get_title (IcMatrixColumns *self,
                             guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), NULL);
  g_return_val_if_fail (column < IC_MATRIX_N_COLUMNS, NULL);

  switch (column)
    {
    case IC_MATRIX_COLUMN_AUTHORITY:
      return _("Authority");
    case IC_MATRIX_COLUMN_TYPE:
      return _("Type");
    case IC_MATRIX_COLUMN_ENDED:
      return _("Ended");
    default:
      return ic_area_to_short_label (column - IC_MATRIX_COLUMN_FIRST_AREA);
    }
}

int
ic_matrix_columns_get_width (IcMatrixColumns *self,
                             guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), 0);
  g_return_val_if_fail (column < IC_MATRIX_N_COLUMNS, 0);
  return self->widths[column];
}

void
ic_matrix_columns_set_width (IcMatrixColumns *self,
                             guint            column,
                             int              width)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));
  g_return_if_fail (column < IC_MATRIX_N_COLUMNS);

  if (self->widths[column] == width)
    return;
  self->widths[column] = width;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
ic_matrix_columns_get_visible (IcMatrixColumns *self,
                               guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), FALSE);
  g_return_val_if_fail (column < IC_MATRIX_N_COLUMNS, FALSE);
  return self->visible[column];
}

void
ic_matrix_columns_set_visible (IcMatrixColumns *self,
                               guint            column,
                               gboolean         visible)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));
  g_return_if_fail (column < IC_MATRIX_N_COLUMNS);

  visible = !!visible;
  if (self->visible[column] == visible)
    return;
  self->visible[column] = visible;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The width of a row: every shown column. */
int
ic_matrix_columns_get_total_width (IcMatrixColumns *self)
{
  int total = 0;

  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), 0);

  for (guint c = 0; c < IC_MATRIX_N_COLUMNS; c++)
    if (self->visible[c])
      total += self->widths[c];
  return total;
}

/**
 * ic_matrix_columns_measure_height:
 * @children: one widget per column, as many as %IC_MATRIX_N_COLUMNS
 *
 * The height of a row of @children: the tallest shown one at its
 * column's width.
 */
void
ic_matrix_columns_measure_height (IcMatrixColumns  *self,
                                  GtkWidget       **children,
                                  int              *minimum,
                                  int              *natural)
{
  *minimum = *natural = 0;
  for (guint c = 0; c < IC_MATRIX_N_COLUMNS; c++)
    {
      int child_min, child_nat;

      if (!self->visible[c])
        continue;
      gtk_widget_measure (children[c], GTK_ORIENTATION_VERTICAL, self->widths[c],
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/**
 * ic_matrix_columns_allocate:
 * @children: one widget per column, as many as %IC_MATRIX_N_COLUMNS
 * @scrolled: how far the row is scrolled to the side
 *
 * Places the shown @children side by side at their columns' widths in a
 * row @width wide, mirrored for right-to-left text.
 */
void
ic_matrix_columns_allocate (IcMatrixColumns  *self,
                            GtkWidget        *row,
                            GtkWidget       **children,
                            int               width,
                            int               height,
                            int               scrolled)
{
  gboolean rtl = gtk_widget_get_direction (row) == GTK_TEXT_DIR_RTL;
  int x = 0;

  for (guint c = 0; c < IC_MATRIX_N_COLUMNS; c++)
    {
      int left = x - scrolled;

      if (!self->visible[c])
        continue;
      if (rtl)
        left = width - left - self->widths[c];
      gtk_widget_allocate (children[c], self->widths[c], height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (left, 0)));
      x += self->widths[c];
    }
}

static int
compare_ended (IcReport *a,
               IcReport *b)
{
  return ic_ui_compare_dates (ic_report_get_sort_date (a), ic_report_get_sort_date (b));
}

/* Whether @report has nothing to show in @column: no grade for the
 * area, or no date. */
gboolean
ic_matrix_columns_is_blank (guint     column,
                            IcReport *report)
{
  const GDate *date;

  if (column >= IC_MATRIX_COLUMN_FIRST_AREA)
    return ic_report_get_grade (report, column - IC_MATRIX_COLUMN_FIRST_AREA) == IC_GRADE_NONE;
  if (column == IC_MATRIX_COLUMN_ENDED)
    {
      date = ic_report_get_sort_date (report);
      return date == NULL || !g_date_valid (date);
    }
  return FALSE;
}

/* The ascending order of @column. */
int
ic_matrix_columns_compare (guint     column,
                           IcReport *a,
                           IcReport *b)
{
  IcArea area;

  switch (column)
    {
    case IC_MATRIX_COLUMN_AUTHORITY:
      return ic_ui_compare_authority (a, b, NULL);
    case IC_MATRIX_COLUMN_TYPE:
      return ic_ui_compare_type (a, b, NULL);
    case IC_MATRIX_COLUMN_ENDED:
      return compare_ended (a, b);
    default:
      area = column - IC_MATRIX_COLUMN_FIRST_AREA;
      return ic_ui_compare_grades (ic_report_get_grade (a, area), ic_report_get_grade (b, area));
    }
}
