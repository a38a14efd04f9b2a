/* ic-matrix-columns.c
 *
 * The matrix and the list of reports are each a GtkGridView of one
 * column whose rows (IcMatrixRow) lay out their own cells, under a
 * header of their own (IcMatrixHeader):
 * GTK 4.8's column view keeps widgets for 200 rows and restyles every
 * one of them on any change to the list, 10–45 ms a frame while reading,
 * where a grid view keeps about 30 (doc/ui-stalls.md). This object is
 * what the header and the rows share: each column's kind of cell, text
 * and order (IcMatrixColumnSpec), title, width and whether it is shown,
 * with a "changed" signal when a width or visibility changes.
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
  GObject             parent_instance;

  IcMatrixColumnSpec *specs;
  guint               n_columns;
  int                *widths;
  gboolean           *visible;
  GHashTable         *later_visits;  /* IcReport -> GPtrArray of IcReport */
  char               *highlighted;   /* an authority whose rows stand out */
  int                 pinned_offset; /* how far the rows are scrolled sideways */
};

G_DEFINE_FINAL_TYPE (IcMatrixColumns, ic_matrix_columns, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  SIGNAL_CONTENT_CHANGED,
  SIGNAL_SCROLLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ic_matrix_columns_finalize (GObject *object)
{
  IcMatrixColumns *self = (IcMatrixColumns *)object;

  g_free (self->specs);
  g_free (self->widths);
  g_free (self->visible);
  g_clear_pointer (&self->later_visits, g_hash_table_unref);
  g_free (self->highlighted);

  G_OBJECT_CLASS (ic_matrix_columns_parent_class)->finalize (object);
}

static void
ic_matrix_columns_class_init (IcMatrixColumnsClass *klass)
{
  /**
   * IcMatrixColumns::changed:
   *
   * A column's width or visibility changed: rows and header lay out again.
   */
  G_OBJECT_CLASS (klass)->finalize = ic_matrix_columns_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * IcMatrixColumns::content-changed:
   *
   * What cells show beyond their report changed (the later visits): rows
   * fill themselves again.
   */
  signals[SIGNAL_CONTENT_CHANGED] =
    g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * IcMatrixColumns::scrolled:
   *
   * The rows scrolled sideways: the pinned column moves to stay in view.
   */
  signals[SIGNAL_SCROLLED] =
    g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ic_matrix_columns_init (IcMatrixColumns *self)
{
}

static int
compare_authority (IcReport *a,
                   IcReport *b)
{
  return ic_ui_compare_authority (a, b, NULL);
}

static int
compare_type (IcReport *a,
              IcReport *b)
{
  return ic_ui_compare_type (a, b, NULL);
}

static int
compare_ended (IcReport *a,
               IcReport *b)
{
  return ic_ui_compare_dates (ic_report_get_sort_date (a), ic_report_get_sort_date (b));
}

static gboolean
no_date (IcReport *report)
{
  const GDate *date = ic_report_get_sort_date (report);

  return date == NULL || !g_date_valid (date);
}

/**
 * ic_matrix_columns_new_with_specs:
 * @specs: (array length=n_specs): the columns, in order; copied
 */
IcMatrixColumns *
ic_matrix_columns_new_with_specs (const IcMatrixColumnSpec *specs,
                                  guint                     n_specs)
{
  IcMatrixColumns *self = g_object_new (IC_TYPE_MATRIX_COLUMNS, NULL);

  self->n_columns = n_specs;
  self->specs = g_memdup2 (specs, n_specs * sizeof *specs);
  self->widths = g_new (int, n_specs);
  self->visible = g_new (gboolean, n_specs);
  for (guint c = 0; c < n_specs; c++)
    {
      self->widths[c] = specs[c].width;
      self->visible[c] = TRUE;
    }
  return self;
}

/* The judgement matrix's columns. */
IcMatrixColumns *
ic_matrix_columns_new (void)
{
  IcMatrixColumnSpec specs[IC_MATRIX_N_COLUMNS] = {
    [IC_MATRIX_COLUMN_AUTHORITY] = { N_("Authority"), 230, IC_MATRIX_CELL_HEADING, 0, FALSE,
                                     ic_ui_authority_text, compare_authority, NULL },
    [IC_MATRIX_COLUMN_TYPE] = { N_("Type"), 190, IC_MATRIX_CELL_TEXT, 0, FALSE,
                                ic_ui_type_text, compare_type, NULL },
    [IC_MATRIX_COLUMN_ENDED] = { N_("Ended"), 140, IC_MATRIX_CELL_TEXT, 0, FALSE,
                                 ic_ui_report_date, compare_ended, no_date },
    [IC_MATRIX_COLUMN_LATER_VISITS] = { N_("Since"), 150, IC_MATRIX_CELL_VISITS },
  };

  for (guint a = 0; a < IC_N_AREAS; a++)
    specs[IC_MATRIX_COLUMN_AREA (a)] = (IcMatrixColumnSpec) { NULL, 130, IC_MATRIX_CELL_GRADE, a };
  return ic_matrix_columns_new_with_specs (specs, IC_MATRIX_N_COLUMNS);
}

guint
ic_matrix_columns_get_n_columns (IcMatrixColumns *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), 0);
  return self->n_columns;
}

const IcMatrixColumnSpec *
ic_matrix_columns_get_spec (IcMatrixColumns *self,
                            guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return &self->specs[column];
}

const char *
ic_matrix_columns_get_title (IcMatrixColumns *self,
                             guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (self->specs[column].kind == IC_MATRIX_CELL_GRADE)
    return ic_area_to_short_label (self->specs[column].area);
  return _(self->specs[column].title);
}

int
ic_matrix_columns_get_width (IcMatrixColumns *self,
                             guint            column)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->widths[column];
}

void
ic_matrix_columns_set_width (IcMatrixColumns *self,
                             guint            column,
                             int              width)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));
  g_return_if_fail (column < self->n_columns);

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
  g_return_val_if_fail (column < self->n_columns, FALSE);
  return self->visible[column];
}

void
ic_matrix_columns_set_visible (IcMatrixColumns *self,
                               guint            column,
                               gboolean         visible)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));
  g_return_if_fail (column < self->n_columns);

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

  for (guint c = 0; c < self->n_columns; c++)
    if (self->visible[c])
      total += self->widths[c];
  return total;
}

/**
 * ic_matrix_columns_measure_height:
 * @children: one widget per column, as many as %self->n_columns
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
  for (guint c = 0; c < self->n_columns; c++)
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
 * ic_matrix_columns_get_pinned:
 *
 * Returns: the column that stays in view when the rows scroll sideways
 *   (the authority, which names the row), or -1 for none
 */
int
ic_matrix_columns_get_pinned (IcMatrixColumns *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), -1);

  if (self->n_columns > 0 && self->visible[0] && self->specs[0].kind == IC_MATRIX_CELL_HEADING)
    return 0;
  return -1;
}

/* @offset: how far the rows are scrolled sideways, in pixels. */
void
ic_matrix_columns_set_pinned_offset (IcMatrixColumns *self,
                                     int              offset)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));

  offset = MAX (offset, 0);
  if (offset == self->pinned_offset)
    return;
  self->pinned_offset = offset;
  g_signal_emit (self, signals[SIGNAL_SCROLLED], 0);
}

int
ic_matrix_columns_get_pinned_offset (IcMatrixColumns *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), 0);
  return self->pinned_offset;
}

/**
 * ic_matrix_columns_allocate:
 * @children: one widget per column, as many as %self->n_columns
 * @scrolled: how far the row itself is moved to the side (the header
 *   follows the rows this way; rows are moved by their scrolled window)
 *
 * Places the shown @children side by side at their columns' widths in a
 * row @width wide, mirrored for right-to-left text. The pinned column
 * stays at the left edge of the view however far the rows scroll, so a
 * row is never a line of grades without its authority; the row draws it
 * over the others (ic_matrix_columns_snapshot()).
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
  int spare = MAX (0, width - ic_matrix_columns_get_total_width (self));
  int pinned = rtl ? -1 : ic_matrix_columns_get_pinned (self);
  guint n_expand = 0;
  int x = 0;

  for (guint c = 0; c < self->n_columns; c++)
    n_expand += self->visible[c] && self->specs[c].expand;
  for (guint c = 0; c < self->n_columns; c++)
    {
      int left = x - scrolled;
      int column_width = self->widths[c];

      if (!self->visible[c])
        continue;
      if (self->specs[c].expand)
        {
          column_width += spare / n_expand;
          spare -= spare / n_expand;
          n_expand--;
        }
      if ((int) c == pinned)
        left += self->pinned_offset;
      if (rtl)
        left = width - left - column_width;
      gtk_widget_allocate (children[c], column_width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (left, 0)));
      x += column_width;
    }
}

/* Draws @children of @row, the pinned column last, over the columns
 * scrolled under it. */
void
ic_matrix_columns_snapshot (IcMatrixColumns  *self,
                            GtkWidget        *row,
                            GtkWidget       **children,
                            GtkSnapshot      *snapshot)
{
  int pinned = ic_matrix_columns_get_pinned (self);

  for (guint c = 0; c < self->n_columns; c++)
    if ((int) c != pinned)
      gtk_widget_snapshot_child (row, children[c], snapshot);
  if (pinned >= 0)
    gtk_widget_snapshot_child (row, children[pinned], snapshot);
}

/**
 * ic_matrix_columns_set_highlighted:
 * @authority: (nullable): an authority whose rows stand out (the one a
 *   peer group is compared with), or %NULL
 */
void
ic_matrix_columns_set_highlighted (IcMatrixColumns *self,
                                   const char      *authority)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));

  if (g_strcmp0 (self->highlighted, authority) == 0)
    return;
  g_free (self->highlighted);
  self->highlighted = g_strdup (authority);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

gboolean
ic_matrix_columns_is_highlighted (IcMatrixColumns *self,
                                  IcReport        *report)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), FALSE);

  return self->highlighted != NULL && report != NULL &&
         g_strcmp0 (ic_report_get_authority (report), self->highlighted) == 0;
}

/**
 * ic_matrix_columns_set_later_visits:
 * @visits: (nullable): each report shown -> a #GPtrArray of the ungraded
 *   visits after it, oldest first
 *
 * Shown in the %IC_MATRIX_CELL_VISITS column.
 */
void
ic_matrix_columns_set_later_visits (IcMatrixColumns *self,
                                    GHashTable      *visits)
{
  g_return_if_fail (IC_IS_MATRIX_COLUMNS (self));

  if (visits == NULL && self->later_visits == NULL)
    return;
  g_clear_pointer (&self->later_visits, g_hash_table_unref);
  if (visits != NULL)
    self->later_visits = g_hash_table_ref (visits);
  g_signal_emit (self, signals[SIGNAL_CONTENT_CHANGED], 0);
}

/**
 * ic_matrix_columns_get_later_visits:
 *
 * Returns: (transfer none) (nullable) (element-type IcReport): the
 *   visits after @report, oldest first, or %NULL for none
 */
GPtrArray *
ic_matrix_columns_get_later_visits (IcMatrixColumns *self,
                                    IcReport        *report)
{
  g_return_val_if_fail (IC_IS_MATRIX_COLUMNS (self), NULL);

  if (self->later_visits == NULL || report == NULL)
    return NULL;
  return g_hash_table_lookup (self->later_visits, report);
}

static guint
n_later_visits (IcMatrixColumns *self,
                IcReport        *report)
{
  GPtrArray *visits = ic_matrix_columns_get_later_visits (self, report);

  return visits != NULL ? visits->len : 0;
}

/* Whether @report has nothing to show in @column: no grade for the
 * area, or no date. */
gboolean
ic_matrix_columns_is_blank (IcMatrixColumns *self,
                            guint            column,
                            IcReport        *report)
{
  const IcMatrixColumnSpec *spec = ic_matrix_columns_get_spec (self, column);

  if (spec->kind == IC_MATRIX_CELL_GRADE)
    return ic_ui_sort_grade (report, spec->area) == IC_GRADE_NONE;
  if (spec->kind == IC_MATRIX_CELL_VISITS)
    return n_later_visits (self, report) == 0;
  return spec->is_blank != NULL && spec->is_blank (report);
}

/* The ascending order of @column. */
int
ic_matrix_columns_compare (IcMatrixColumns *self,
                           guint            column,
                           IcReport        *a,
                           IcReport        *b)
{
  const IcMatrixColumnSpec *spec = ic_matrix_columns_get_spec (self, column);

  if (spec->kind == IC_MATRIX_CELL_GRADE)
    return ic_ui_compare_grades (ic_ui_sort_grade (a, spec->area),
                                 ic_ui_sort_grade (b, spec->area));
  if (spec->kind == IC_MATRIX_CELL_VISITS)
    return (int) n_later_visits (self, a) - (int) n_later_visits (self, b);
  return spec->compare (a, b);
}
