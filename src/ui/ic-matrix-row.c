/* ic-matrix-row.c
 *
 * A row lays its cells out side by side at the widths of the shared
 * IcMatrixColumns, leaving out hidden columns, so that rows line up with
 * each other and with the header. Text cells (IcTextCell) and grade
 * cells (IcGradeCell) are single style nodes: a matrix row is fifteen
 * nodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-grade-cell.h"
#include "ic-matrix-row.h"
#include "ic-text-cell.h"
#include "ic-ui-util.h"

struct _IcMatrixRow
{
  GtkWidget        parent_instance;

  IcMatrixColumns *columns;
  IcReport        *report;   /* the list item holds it while bound */
  GtkWidget      **cells;    /* one per column */
  guint            n_cells;
  GtkWidget       *visits_popover;  /* lists the later visits, when several */
};

G_DEFINE_FINAL_TYPE (IcMatrixRow, ic_matrix_row, GTK_TYPE_WIDGET)

static void
show_columns (IcMatrixRow *self)
{
  for (guint c = 0; c < self->n_cells; c++)
    gtk_widget_set_child_visible (self->cells[c], ic_matrix_columns_get_visible (self->columns, c));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ic_matrix_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IcMatrixRow *self = IC_MATRIX_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = ic_matrix_columns_get_total_width (self->columns);
  else
    ic_matrix_columns_measure_height (self->columns, self->cells, minimum, natural);
}

static void
ic_matrix_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IcMatrixRow *self = IC_MATRIX_ROW (widget);

  ic_matrix_columns_allocate (self->columns, widget, self->cells, width, height, 0);
  if (self->visits_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->visits_popover));
}

static void
ic_matrix_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IcMatrixRow *self = IC_MATRIX_ROW (widget);

  ic_matrix_columns_snapshot (self->columns, widget, self->cells, snapshot);
  if (self->visits_popover != NULL)
    gtk_widget_snapshot_child (widget, self->visits_popover, snapshot);
}

static void
cell_activate_cb (IcGradeCell *cell,
                  IcMatrixRow *self)
{
  if (self->report != NULL)
    gtk_widget_activate_action (GTK_WIDGET (cell), "win.open-report", "s",
                                ic_report_get_source (self->report));
}

/* The authority's name opens its page: its reports over time and what
 * changed between them. */
static void
authority_activate_cb (IcTextCell  *cell,
                       IcMatrixRow *self)
{
  if (self->report != NULL && ic_report_get_authority (self->report) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (cell), "win.open-authority", "s",
                                ic_report_get_authority (self->report));
}

static void
ic_matrix_row_dispose (GObject *object)
{
  IcMatrixRow *self = (IcMatrixRow *)object;

  for (guint c = 0; c < self->n_cells; c++)
    g_clear_pointer (&self->cells[c], gtk_widget_unparent);
  g_clear_pointer (&self->cells, g_free);
  g_clear_pointer (&self->visits_popover, gtk_widget_unparent);
  self->n_cells = 0;
  g_clear_object (&self->columns);

  G_OBJECT_CLASS (ic_matrix_row_parent_class)->dispose (object);
}

static void
ic_matrix_row_class_init (IcMatrixRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_matrix_row_dispose;
  widget_class->measure = ic_matrix_row_measure;
  widget_class->size_allocate = ic_matrix_row_size_allocate;
  widget_class->snapshot = ic_matrix_row_snapshot;
  gtk_widget_class_set_css_name (widget_class, "matrixrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
ic_matrix_row_init (IcMatrixRow *self)
{
}

static void
open_report (GtkWidget *widget,
             IcReport  *report)
{
  gtk_widget_activate_action (widget, "win.open-report", "s", ic_report_get_source (report));
}

static void
visit_clicked_cb (GtkButton   *button,
                  IcMatrixRow *self)
{
  IcReport *visit = g_object_get_data (G_OBJECT (button), "ic-report");

  gtk_popover_popdown (GTK_POPOVER (self->visits_popover));
  open_report (GTK_WIDGET (self), visit);
}

/* Several visits: a popover lists them, each opening its report. */
static void
show_visits_popover (IcMatrixRow *self,
                     GPtrArray   *visits)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = self->cells[IC_MATRIX_COLUMN_LATER_VISITS];
  graphene_rect_t bounds;

  g_clear_pointer (&self->visits_popover, gtk_widget_unparent);
  for (guint i = 0; i < visits->len; i++)
    {
      IcReport *visit = g_ptr_array_index (visits, i);
      g_autofree char *date = ic_ui_report_date (visit);
      g_autofree char *type = ic_ui_type_text (visit);
      g_autofree char *label = g_strdup_printf ("%s, %s", type, date);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "ic-report", g_object_ref (visit), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (visit_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  self->visits_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->visits_popover), box);
  gtk_widget_set_parent (self->visits_popover, GTK_WIDGET (self));
  if (gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->visits_popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->visits_popover));
}

static void
visits_activate_cb (IcGradeCell *cell,
                    IcMatrixRow *self)
{
  GPtrArray *visits = ic_matrix_columns_get_later_visits (self->columns, self->report);

  if (visits == NULL || visits->len == 0)
    return;
  if (visits->len == 1)
    open_report (GTK_WIDGET (cell), g_ptr_array_index (visits, 0));
  else
    show_visits_popover (self, visits);
}

static GtkWidget *
new_cell (IcMatrixRow              *self,
          const IcMatrixColumnSpec *spec)
{
  GtkWidget *cell;

  if (spec->kind == IC_MATRIX_CELL_VISITS)
    {
      cell = ic_grade_cell_new ();
      gtk_widget_add_css_class (cell, "visit-badge");
      g_signal_connect (cell, "activate", G_CALLBACK (visits_activate_cb), self);
      return cell;
    }

  if (spec->kind == IC_MATRIX_CELL_HEADING || spec->kind == IC_MATRIX_CELL_AUTHORITY)
    {
      cell = ic_text_cell_new_link ();
      g_signal_connect (cell, "activate", G_CALLBACK (authority_activate_cb), self);
      if (spec->kind == IC_MATRIX_CELL_HEADING)
        gtk_widget_add_css_class (cell, "heading");
      /* The list of reports has no keyboard walk between cells (Tab
       * would stop at every row's): there the keyboard opens a report,
       * whose page has the way to the authority. */
      else
        gtk_widget_set_focusable (cell, FALSE);
      return cell;
    }
  if (spec->kind == IC_MATRIX_CELL_TEXT)
    return ic_text_cell_new ();
  cell = ic_grade_cell_new ();
  gtk_widget_add_css_class (cell, "grade-cell");
  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), self);
  return cell;
}

/* "visit Mar 2025", or "3 visits, latest Mar 2025": the current story
 * after the graded inspection the row shows. */
static void
fill_later_visits (IcMatrixRow *self)
{
  GtkWidget *cell = self->n_cells > IC_MATRIX_COLUMN_LATER_VISITS
                    ? self->cells[IC_MATRIX_COLUMN_LATER_VISITS] : NULL;
  GPtrArray *visits = ic_matrix_columns_get_later_visits (self->columns, self->report);
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  IcReport *last;

  if (cell == NULL || !IC_IS_GRADE_CELL (cell))
    return;
  gtk_widget_set_visible (cell, visits != NULL && visits->len > 0);
  if (visits == NULL || visits->len == 0)
    return;
  last = g_ptr_array_index (visits, visits->len - 1);
  month = ic_ui_month_text (ic_report_get_sort_date (last));
  text = visits->len == 1 ? g_strdup_printf (_("visit %s"), month)
                          : g_strdup_printf (_("%u visits, latest %s"), visits->len, month);
  description = g_strdup_printf (ngettext ("%s, %u later visit, latest %s",
                                           "%s, %u later visits, latest %s", visits->len),
                                 ic_report_get_authority (self->report), visits->len, month);
  ic_grade_cell_set_text (IC_GRADE_CELL (cell), text);
  ic_grade_cell_set_description (IC_GRADE_CELL (cell), description);
}

/* The authority a peer group is compared with stands out among its
 * neighbours. */
static void
show_highlight (IcMatrixRow *self)
{
  if (ic_matrix_columns_is_highlighted (self->columns, self->report))
    gtk_widget_add_css_class (GTK_WIDGET (self), "highlighted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "highlighted");
}

static guint n_rows_made;

/* How many rows were made since the program started: a list reuses its
 * rows (ic_matrix_row_factory_new()), which tests and profiles check. */
guint
ic_matrix_row_get_n_made (void)
{
  return n_rows_made;
}

GtkWidget *
ic_matrix_row_new (IcMatrixColumns *columns)
{
  IcMatrixRow *self = g_object_new (IC_TYPE_MATRIX_ROW, NULL);

  n_rows_made++;
  self->columns = g_object_ref (columns);
  self->n_cells = ic_matrix_columns_get_n_columns (columns);
  self->cells = g_new0 (GtkWidget *, self->n_cells);
  for (guint c = 0; c < self->n_cells; c++)
    {
      self->cells[c] = new_cell (self, ic_matrix_columns_get_spec (columns, c));
      gtk_widget_set_parent (self->cells[c], GTK_WIDGET (self));
    }
  g_signal_connect_object (columns, "changed", G_CALLBACK (show_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (columns, "content-changed", G_CALLBACK (fill_later_visits), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (columns, "content-changed", G_CALLBACK (show_highlight), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (columns, "scrolled", G_CALLBACK (gtk_widget_queue_allocate), self,
                           G_CONNECT_SWAPPED);
  if (ic_matrix_columns_get_pinned (columns) >= 0)
    gtk_widget_add_css_class (self->cells[ic_matrix_columns_get_pinned (columns)], "pinned");
  show_columns (self);
  return GTK_WIDGET (self);
}

static void
fill_grade (IcMatrixRow *self,
            guint        column,
            IcArea       area)
{
  IcGradeCell *cell = IC_GRADE_CELL (self->cells[column]);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  IcGrade grade;

  text = ic_ui_cell_text (self->report, area, &grade);
  description = ic_ui_cell_description (self->report, area);
  ic_ui_mark_corrected_grade (self->report, area, &text, &description);
  ic_grade_cell_set_text (cell, text);
  ic_grade_cell_set_description (cell, description);
  ic_ui_set_grade_class (GTK_WIDGET (cell), grade);
}

/* The row, and the grid view's item holding it (which GTK 4.8 names by
 * its type), are named by the texts of its text cells: "Dorset,
 * Inspection (ILACS), 21 March 2025". Each grade cell says its own
 * sentence. */
static void
name_row (IcMatrixRow *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint c = 0; c < self->n_cells; c++)
    {
      const char *words;

      if (!IC_IS_TEXT_CELL (self->cells[c]))
        continue;
      words = ic_text_cell_get_text (IC_TEXT_CELL (self->cells[c]));
      if (words != NULL && *words != '\0')
        g_string_append_printf (name, "%s%s", name->len ? ", " : "", words);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

/* Shows @report; called again when it changes in place. */
void
ic_matrix_row_set_report (IcMatrixRow *self,
                          IcReport    *report)
{
  g_return_if_fail (IC_IS_MATRIX_ROW (self));
  g_return_if_fail (report == NULL || IC_IS_REPORT (report));

  self->report = report;
  show_highlight (self);
  if (report == NULL)
    return;
  for (guint c = 0; c < self->n_cells; c++)
    {
      const IcMatrixColumnSpec *spec = ic_matrix_columns_get_spec (self->columns, c);
      g_autofree char *text = NULL;

      if (spec->kind == IC_MATRIX_CELL_GRADE)
        {
          fill_grade (self, c, spec->area);
          continue;
        }
      if (spec->kind == IC_MATRIX_CELL_VISITS)
        {
          fill_later_visits (self);
          continue;
        }
      text = spec->text (report);
      ic_text_cell_set_text (IC_TEXT_CELL (self->cells[c]), text);
    }
  name_row (self);
}

/**
 * ic_matrix_row_get_cell:
 *
 * Returns: (transfer none): the cell of @column
 */
GtkWidget *
ic_matrix_row_get_cell (IcMatrixRow *self,
                        guint        column)
{
  g_return_val_if_fail (IC_IS_MATRIX_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_cells, NULL);
  return self->cells[column];
}

/**
 * ic_matrix_row_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
IcReport *
ic_matrix_row_get_report (IcMatrixRow *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_ROW (self), NULL);
  return self->report;
}

/* A list of rows --------------------------------------------------------- */

/* GTK 4.8 keeps a list item's widgets only while the same item stays in
 * the list: when reports arrive all over the list (a reopen's batches of
 * hundreds), every row on screen shows another report, and GTK destroys
 * its row and makes a new one, fifteen cells each (half of such a
 * batch's main-thread time, doc/ui-stalls.md). The factory keeps the
 * rows GTK lets go of and gives them to its next list items. */
#define MAX_SPARE_ROWS 64

typedef struct
{
  IcMatrixColumns *columns;
  GPtrArray       *spare;
} RowFactory;

static void
row_factory_free (RowFactory *factory)
{
  g_clear_object (&factory->columns);
  g_ptr_array_unref (factory->spare);
  g_free (factory);
}

static void
factory_setup_cb (GtkSignalListItemFactory *signal_factory,
                  GtkListItem              *item,
                  RowFactory               *factory)
{
  GtkWidget *row = NULL;

  while (row == NULL && factory->spare->len > 0)
    {
      row = g_ptr_array_steal_index (factory->spare, factory->spare->len - 1);
      if (gtk_widget_get_parent (row) != NULL)
        g_clear_object (&row);
    }
  if (row == NULL)
    row = g_object_ref_sink (ic_matrix_row_new (factory->columns));
  gtk_list_item_set_child (item, row);
  g_object_unref (row);
}

static void
fill_row (GtkListItem *item,
          gpointer     user_data)
{
  ic_matrix_row_set_report (IC_MATRIX_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
factory_bind_cb (GtkSignalListItemFactory *signal_factory,
                 GtkListItem              *item,
                 RowFactory               *factory)
{
  ic_ui_bind_report_item (item, fill_row, NULL);
}

/* GTK 4.8 unbinds a list item that goes away after taking it off the
 * window (so its row is no longer rooted), then tears it down; the row
 * is kept then, while the list item still holds it. */
static void
factory_unbind_cb (GtkSignalListItemFactory *signal_factory,
                   GtkListItem              *item,
                   RowFactory               *factory)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  ic_ui_unbind_report_item (item);
  ic_matrix_row_set_report (IC_MATRIX_ROW (row), NULL);
  g_clear_pointer (&IC_MATRIX_ROW (row)->visits_popover, gtk_widget_unparent);
  if (gtk_widget_get_root (row) != NULL || factory->spare->len >= MAX_SPARE_ROWS)
    return;
  g_ptr_array_add (factory->spare, g_object_ref (row));
  gtk_list_item_set_child (item, NULL);
}

/**
 * ic_matrix_row_factory_prepare:
 * @factory: from ic_matrix_row_factory_new()
 *
 * Makes rows ahead, up to @n_rows in all, while nothing waits for them:
 * the first batch of hundreds of reports finds none let go of yet.
 */
void
ic_matrix_row_factory_prepare (GtkListItemFactory *signal_factory,
                               guint               n_rows)
{
  RowFactory *factory = g_object_get_data (G_OBJECT (signal_factory), "ic-row-factory");

  g_return_if_fail (factory != NULL);

  n_rows = MIN (n_rows, MAX_SPARE_ROWS);
  while (factory->spare->len < n_rows)
    g_ptr_array_add (factory->spare, g_object_ref_sink (ic_matrix_row_new (factory->columns)));
}

/**
 * ic_matrix_row_factory_new:
 *
 * Returns: (transfer full): a factory of IcMatrixRows of @columns, each
 *   showing its list item's report, that gives rows a list let go of to
 *   its next list items
 */
GtkListItemFactory *
ic_matrix_row_factory_new (IcMatrixColumns *columns)
{
  GtkListItemFactory *signal_factory = gtk_signal_list_item_factory_new ();
  RowFactory *factory = g_new0 (RowFactory, 1);

  factory->columns = g_object_ref (columns);
  factory->spare = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_set_data_full (G_OBJECT (signal_factory), "ic-row-factory", factory,
                          (GDestroyNotify) row_factory_free);
  g_signal_connect (signal_factory, "setup", G_CALLBACK (factory_setup_cb), factory);
  g_signal_connect (signal_factory, "bind", G_CALLBACK (factory_bind_cb), factory);
  g_signal_connect (signal_factory, "unbind", G_CALLBACK (factory_unbind_cb), factory);
  return signal_factory;
}

/* The characters rows draw: names, report types, dates and grades. */
static const char warm_text[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
  ".,;:!?'\"()[]/&+-\u2013\u2014\u2019\u2026";

/* Lays out and draws warm_text in @cell's font, unless @fonts has it. */
static void
warm_font (GtkWidget  *cell,
           cairo_t    *cr,
           GHashTable *fonts)
{
  /* A new context reads the cell's style as it is now. */
  PangoContext *context = gtk_widget_create_pango_context (cell);
  char *name = pango_font_description_to_string (pango_context_get_font_description (context));
  PangoLayout *layout;
  PangoFontMetrics *metrics;

  if (!g_hash_table_add (fonts, name))
    {
      g_object_unref (context);
      return;
    }
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, warm_text, -1);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  pango_font_metrics_unref (metrics);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  g_object_unref (context);
}

/* Measures in @cell, at its column's @width, each text it can show in
 * its grade class: rows showing them share the sizes (ic-drawn-cell.c)
 * instead of laying the grades out in their first frame, a layout for
 * each text and column width. */
static void
warm_grade_sizes (GtkWidget *cell,
                  int        width,
                  IcGrade    grade)
{
  const char * const *texts = ic_ui_no_grade_texts ();
  const char *graded[] = { ic_grade_to_label (grade), NULL };

  if (grade != IC_GRADE_NONE)
    texts = graded;
  for (guint i = 0; texts[i] != NULL; i++)
    {
      ic_grade_cell_set_text (IC_GRADE_CELL (cell), texts[i]);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
    }
  ic_grade_cell_set_text (IC_GRADE_CELL (cell), NULL);
}

/**
 * ic_matrix_row_warm_up:
 * @parent: the widget rows of @columns will be shown in
 *
 * The first frame with rows would shape and rasterise, for the first
 * time, every glyph of every font the rows use (hinting them in
 * FreeType), while the user waits for it. This does that work now, in
 * the fonts a row under @parent has: it lays out and draws the
 * characters rows show in each of its cells' fonts (grades both graded,
 * in bold, and not), offscreen. Pango and cairo keep the fonts, shapes
 * and glyphs for the rows. It also measures, at its column's width, each
 * grade and each text a grade cell shows without a grade.
 *
 * Returns: (transfer full): the fonts warmed, as Pango font names
 */
GStrv
ic_matrix_row_warm_up (GtkWidget       *parent,
                       IcMatrixColumns *columns)
{
  IcMatrixRow *row = IC_MATRIX_ROW (ic_matrix_row_new (columns));
  g_autoptr(GHashTable) fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Wide enough that no glyph falls outside it: cairo skips drawing,
   * and rasterising, what is clipped away. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 60);
  cairo_t *cr = cairo_create (surface);
  const IcGrade grades[] = { IC_GRADE_GOOD, IC_GRADE_NONE };
  GStrv names;

  gtk_widget_set_child_visible (GTK_WIDGET (row), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (row), parent);
  for (guint c = 0; c < row->n_cells; c++)
    {
      GtkWidget *cell = row->cells[c];

      if (ic_matrix_columns_get_spec (columns, c)->kind != IC_MATRIX_CELL_GRADE)
        {
          warm_font (cell, cr, fonts);
          continue;
        }
      for (guint g = 0; g < G_N_ELEMENTS (grades); g++)
        {
          ic_ui_set_grade_class (cell, grades[g]);
          warm_font (cell, cr, fonts);
        }
      for (IcGrade g = IC_GRADE_NONE; g < IC_N_GRADES; g++)
        {
          ic_ui_set_grade_class (cell, g);
          warm_grade_sizes (cell, ic_matrix_columns_get_width (columns, c), g);
        }
    }
  gtk_widget_unparent (GTK_WIDGET (row));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  names = (GStrv) g_hash_table_get_keys_as_array (fonts, NULL);
  g_hash_table_steal_all (fonts);
  return names;
}
