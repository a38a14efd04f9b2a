/* ic-matrix-view.c
 *
 * Widgets rather than a drawn grid: every cell is a real widget with an
 * accessible label, so keyboard and screen reader users reach each
 * judgement. The drawn matrix is for print and export. The rows are a
 * GtkGridView of one column (see ic-matrix-columns.c for why not a
 * GtkColumnView) under an IcMatrixHeader whose titles sort them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-matrix-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-copy-pool.h"
#include "ic-filter-spec.h"
#include "ic-matrix-header.h"
#include "ic-matrix-nav.h"
#include "ic-matrix-row.h"
#include "ic-matrix-table.h"
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
  IcMatrixColumns   *columns;
  IcMatrixHeader    *header;
  gboolean           latest_only;
  guint              warm_up_id;
  GStrv              warmed_fonts;

  /* template widgets */
  GtkBox            *table_box;
  GtkGridView       *grid_view;
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
                GPtrArray    *reports,
                GHashTable   *later_visits)
{
  gboolean used[IC_N_AREAS] = { TRUE, FALSE, };

  for (guint i = 0; i < reports->len; i++)
    for (guint a = 1; a < IC_N_AREAS; a++)
      used[a] |= ic_report_get_grade (g_ptr_array_index (reports, i), a) != IC_GRADE_NONE;

  for (guint a = 0; a < IC_N_AREAS; a++)
    ic_matrix_columns_set_visible (self->columns, IC_MATRIX_COLUMN_AREA (a), used[a]);
  ic_matrix_columns_set_visible (self->columns, IC_MATRIX_COLUMN_LATER_VISITS,
                                 later_visits != NULL && g_hash_table_size (later_visits) > 0);
}

/* "16 reports" under Latest Inspections read as if the folder held 16
 * reports: a latest row stands for an authority, and the count says so,
 * beside the reports it was chosen from. */
static char *
count_text (guint    rows,
            guint    reports,
            gboolean latest_only)
{
  g_autofree char *authorities = NULL;
  g_autofree char *of = NULL;

  if (!latest_only)
    return g_strdup_printf (ngettext ("%u report", "%u reports", rows), rows);
  authorities = g_strdup_printf (ngettext ("%u authority", "%u authorities", rows), rows);
  of = g_strdup_printf (ngettext ("%u report", "%u reports", reports), reports);
  /* Translators: "16 authorities (latest of 95 reports)" */
  return g_strdup_printf (_("%s (latest of %s)"), authorities, of);
}

/* The feed's collect function: the rows to show, and the count and
 * columns that go with them. */
static GPtrArray *
collect_rows (GListModel *model,
              gpointer    user_data)
{
  IcMatrixView *self = user_data;
  g_autoptr(GHashTable) later_visits = NULL;
  GPtrArray *reports;
  g_autofree char *count = NULL;

  if (self->latest_only)
    {
      later_visits = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      reports = ic_report_latest_rows (model, later_visits);
    }
  else
    reports = collect_all (model);
  update_columns (self, reports, later_visits);
  ic_matrix_columns_set_later_visits (self->columns, later_visits);
  count = count_text (reports->len, g_list_model_get_n_items (model), self->latest_only);
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
grid_view_activate_cb (IcMatrixView *self,
                       guint         position,
                       GtkGridView  *grid_view)
{
  g_autoptr(IcReport) report = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (report != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-report", "s",
                                ic_report_get_source (report));
}

/* A title clicked: the rows sort by its column (none: the store's order,
 * authority then date). */
static void
sort_changed_cb (IcMatrixView *self)
{
  g_autoptr(GtkSorter) sorter = ic_matrix_header_new_sorter (self->header);

  gtk_sort_list_model_set_sorter (self->sorted, sorter);
  ic_row_feed_set_sorter (self->feed, sorter);
}

static void
build_table (IcMatrixView *self)
{
  GtkListItemFactory *factory;

  self->columns = ic_matrix_columns_new ();
  self->header = ic_matrix_table_install (self->table_box, self->scrolled_window, self->columns);
  g_signal_connect_object (self->header, "notify::sort-order", G_CALLBACK (sort_changed_cb), self,
                           G_CONNECT_SWAPPED);

  factory = ic_matrix_row_factory_new (self->columns);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
}

/* Before the first rows: see ic_matrix_row_warm_up(). */
static gboolean
warm_up_cb (gpointer user_data)
{
  IcMatrixView *self = user_data;

  self->warm_up_id = 0;
  self->warmed_fonts = ic_matrix_row_warm_up (GTK_WIDGET (self), self->columns);
  /* A screenful of rows and the few GTK keeps beyond it (33 in a 1200 ×
   * 800 window), for the first batches of a reopen. */
  ic_matrix_row_factory_prepare (gtk_grid_view_get_factory (self->grid_view), 48);
  /* The first frame with rows copies them to the window through it. */
  ic_copy_pool_prepare (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
ic_matrix_view_dispose (GObject *object)
{
  IcMatrixView *self = (IcMatrixView *)object;

  g_clear_handle_id (&self->warm_up_id, g_source_remove);
  g_clear_pointer (&self->warmed_fonts, g_strfreev);

  if (self->feed != NULL)
    ic_row_feed_set_source (self->feed, NULL);
  g_clear_object (&self->model);
  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_MATRIX_VIEW);
  g_clear_object (&self->sorted);
  g_clear_object (&self->feed);
  g_clear_object (&self->columns);

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
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, table_box);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, latest_button);
  gtk_widget_class_bind_template_child (widget_class, IcMatrixView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, latest_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "icmatrixview");
}

static void
ic_matrix_view_init (IcMatrixView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  build_table (self);
  self->feed = ic_row_feed_new (GTK_WIDGET (self), IC_TYPE_REPORT, collect_rows, self);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ic_row_feed_get_rows (self->feed)), NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  ic_ui_keep_at_top (GTK_WIDGET (self->grid_view), G_LIST_MODEL (selection), self->scrolled_window);
  ic_matrix_nav_attach (self->grid_view, G_LIST_MODEL (self->sorted), self->columns, self->header);
  ic_row_feed_flush (self->feed);
  /* After the window's first frame, while it waits for a folder. */
  self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
}

/**
 * ic_matrix_view_get_warmed_fonts:
 *
 * Returns: (transfer none) (nullable): the fonts the rows' first frame
 *   found warm, as Pango font names; %NULL until then
 */
const char * const *
ic_matrix_view_get_warmed_fonts (IcMatrixView *self)
{
  g_return_val_if_fail (IC_IS_MATRIX_VIEW (self), NULL);
  return (const char * const *) self->warmed_fonts;
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

/* @authority: (nullable): the authority whose rows stand out (the one a
 * peer group is compared with) */
void
ic_matrix_view_set_highlighted (IcMatrixView *self,
                              const char *authority)
{
  g_return_if_fail (IC_IS_MATRIX_VIEW (self));
  ic_matrix_columns_set_highlighted (self->columns, authority);
}
