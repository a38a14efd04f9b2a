/* ic-matrix-view.c
 *
 * A GtkColumnView rather than a drawn grid: every cell is a real widget
 * with an accessible label, so keyboard and screen reader users reach
 * each judgement. The drawn matrix is for print and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-grade-cell.h"
#include "ic-matrix-view.h"
#include "ic-report.h"
#include "ic-row-feed.h"
#include "ic-size-fence.h"
#include "ic-ui-util.h"

struct _IcMatrixView
{
  GtkWidget          parent_instance;

  GListModel        *model;
  IcRowFeed         *feed;
  GtkSortListModel  *sorted;
  GtkColumnViewColumn *area_columns[IC_N_AREAS];
  gboolean           latest_only;

  /* template widgets */
  GtkColumnView     *column_view;
  GtkScrolledWindow *scrolled_window;
  GtkToggleButton   *latest_button;
  GtkLabel          *count_label;
};

G_DEFINE_FINAL_TYPE (IcMatrixView, ic_matrix_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_LATEST_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Latest graded inspection of each authority; an authority with no graded
 * report keeps its latest report so that it is not lost from the matrix.
 * The store is sorted by authority, then date, so runs are contiguous. */
static GPtrArray *
collect_latest (GListModel *model)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(IcReport) best = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (model, i);

      if (best != NULL &&
          g_strcmp0 (ic_report_get_authority (best), ic_report_get_authority (report)) != 0)
        g_ptr_array_add (out, g_steal_pointer (&best));

      if (best == NULL ||
          ic_inspection_type_is_graded (ic_report_get_inspection_type (report)) ||
          !ic_inspection_type_is_graded (ic_report_get_inspection_type (best)))
        g_set_object (&best, report);
    }
  if (best != NULL)
    g_ptr_array_add (out, g_steal_pointer (&best));

  return out;
}

static GPtrArray *
collect_all (GListModel *model)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_list_model_get_item (model, i));
  return out;
}

/* Only the judgement areas some row has are shown, so an ILACS-only
 * folder does not carry eight empty 2012 columns. */
static void
update_columns (IcMatrixView *self,
                GPtrArray    *reports)
{
  gboolean used[IC_N_AREAS] = { TRUE, FALSE, };

  for (guint i = 0; i < reports->len; i++)
    for (guint a = 1; a < IC_N_AREAS; a++)
      used[a] |= ic_report_get_grade (g_ptr_array_index (reports, i), a) != IC_GRADE_NONE;

  for (guint a = 0; a < IC_N_AREAS; a++)
    gtk_column_view_column_set_visible (self->area_columns[a], used[a]);
}

/* The feed's collect function: the rows to show, and the count and
 * columns that go with them. */
static GPtrArray *
collect_rows (GListModel *model,
              gpointer    user_data)
{
  IcMatrixView *self = user_data;
  GPtrArray *reports = self->latest_only ? collect_latest (model) : collect_all (model);
  g_autofree char *count = NULL;

  update_columns (self, reports);
  count = g_strdup_printf (ngettext ("%u report", "%u reports", reports->len), reports->len);
  gtk_label_set_label (self->count_label, count);
  return reports;
}

static void
latest_toggled_cb (IcMatrixView    *self,
                   GtkToggleButton *button)
{
  ic_matrix_view_set_latest_only (self, gtk_toggle_button_get_active (button));
}

static void
column_view_activate_cb (IcMatrixView  *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  g_autoptr(IcReport) report = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (report != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-report", "s",
                                ic_report_get_source (report));
}

static void
cell_activate_cb (IcGradeCell *cell)
{
  IcReport *report = g_object_get_data (G_OBJECT (cell), "ic-report");

  if (report != NULL)
    gtk_widget_activate_action (GTK_WIDGET (cell), "win.open-report", "s",
                                ic_report_get_source (report));
}

/* Cells: a button per judgement (IcGradeCell, one style node), so Tab
 * reaches it, Enter opens the report and its accessible label reads the
 * whole judgement. */
static void
setup_grade_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *cell = ic_grade_cell_new ();

  gtk_widget_add_css_class (cell, "grade-cell");
  g_signal_connect (cell, "activate", G_CALLBACK (cell_activate_cb), NULL);
  gtk_list_item_set_child (item, cell);
}

static void
fill_grade (GtkListItem *item,
            gpointer     user_data)
{
  IcArea area = GPOINTER_TO_UINT (user_data);
  IcReport *report = gtk_list_item_get_item (item);
  IcGradeCell *cell = IC_GRADE_CELL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  IcGrade grade;

  text = ic_ui_cell_text (report, area, &grade);
  description = ic_ui_cell_description (report, area);
  ic_grade_cell_set_text (cell, text);
  ic_grade_cell_set_description (cell, description);
  ic_ui_set_grade_class (GTK_WIDGET (cell), grade);
  /* Not a GtkActionable target: setting an action per bound cell made
   * each new row take milliseconds; cell_activate_cb() looks it up. */
  g_object_set_data (G_OBJECT (cell), "ic-report", report);
}

static void
bind_grade_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ic_ui_bind_report_cell (item, fill_grade, user_data);
}

static void
unbind_grade_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ic_ui_unbind_report_cell (item);
}

static int
compare_grade_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IcArea area = GPOINTER_TO_UINT (user_data);

  return ic_ui_compare_grades (ic_report_get_grade ((IcReport *) a, area),
                               ic_report_get_grade ((IcReport *) b, area));
}

static void
add_area_column (IcMatrixView *self,
                 IcArea        area)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkCustomSorter) sorter = NULL;
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_grade_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_grade_cb), GUINT_TO_POINTER (area));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_grade_cb), NULL);

  column = gtk_column_view_column_new (ic_area_to_short_label (area), factory);
  sorter = gtk_custom_sorter_new (compare_grade_cb, GUINT_TO_POINTER (area), NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  self->area_columns[area] = column;
  g_object_unref (column);
}

static int
compare_date_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return ic_ui_compare_dates (ic_report_get_sort_date ((IcReport *) a),
                              ic_report_get_sort_date ((IcReport *) b));
}

static void
build_columns (IcMatrixView *self)
{
  GtkColumnViewColumn *authority;

  authority = ic_ui_add_styled_text_column (self->column_view, _("Authority"), ic_ui_authority_text,
                                            ic_ui_compare_authority, "heading");
  gtk_column_view_column_set_fixed_width (authority, 230);
  gtk_column_view_column_set_fixed_width (
    ic_ui_add_text_column (self->column_view, _("Type"), ic_ui_type_text, ic_ui_compare_type), 190);
  gtk_column_view_column_set_fixed_width (
    ic_ui_add_text_column (self->column_view, _("Ended"), ic_ui_report_date, compare_date_cb), 140);
  for (guint a = 0; a < IC_N_AREAS; a++)
    add_area_column (self, a);
}

static void
ic_matrix_view_dispose (GObject *object)
{
  IcMatrixView *self = (IcMatrixView *)object;

  if (self->feed != NULL)
    ic_row_feed_set_source (self->feed, NULL);
  g_clear_object (&self->model);
  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_MATRIX_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (ic_matrix_view_parent_class)->dispose (object);
}

static void
ic_matrix_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcMatrixView *self = IC_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_LATEST_ONLY:
      g_value_set_boolean (value, self->latest_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_matrix_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcMatrixView *self = IC_MATRIX_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ic_matrix_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_LATEST_ONLY:
      ic_matrix_view_set_latest_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_matrix_view_class_init (IcMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (IC_TYPE_SIZE_FENCE);

  object_class->dispose = ic_matrix_view_dispose;
  object_class->get_property = ic_matrix_view_get_property;
  object_class->set_property = ic_matrix_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATEST_ONLY] =
    g_param_spec_boolean ("latest-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, latest_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, latest_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "icmatrixview");
}

static void
ic_matrix_view_init (IcMatrixView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->feed = ic_row_feed_new (GTK_WIDGET (self), IC_TYPE_REPORT, collect_rows, self);
  build_columns (self);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ic_row_feed_get_rows (self->feed)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  ic_row_feed_set_sorter (self->feed, gtk_column_view_get_sorter (self->column_view));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  ic_ui_keep_list_at_top (self->column_view, self->scrolled_window);
  ic_row_feed_flush (self->feed);
}

GListModel *
ic_matrix_view_get_model (IcMatrixView *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_VIEW (self), NULL);
  return self->model;
}

void
ic_matrix_view_set_model (IcMatrixView *self,
                          GListModel   *model)
{
  g_return_if_fail (IC_IS_MATRIX_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  g_set_object (&self->model, model);
  ic_row_feed_set_source (self->feed, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
ic_matrix_view_get_latest_only (IcMatrixView *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_VIEW (self), FALSE);
  return self->latest_only;
}

void
ic_matrix_view_set_latest_only (IcMatrixView *self,
                                gboolean      latest_only)
{
  g_return_if_fail (IC_IS_MATRIX_VIEW (self));

  latest_only = !!latest_only;
  if (self->latest_only == latest_only)
    return;

  self->latest_only = latest_only;
  gtk_toggle_button_set_active (self->latest_button, latest_only);
  ic_row_feed_refresh (self->feed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_ONLY]);
}

/**
 * ic_matrix_view_get_rows:
 *
 * Returns: (transfer none): the reports shown, sorted as on screen
 */
GListModel *
ic_matrix_view_get_rows (IcMatrixView *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_VIEW (self), NULL);

  /* Callers (printing, tests) want the rows as of now. */
  ic_row_feed_flush (self->feed);
  return G_LIST_MODEL (self->sorted);
}
