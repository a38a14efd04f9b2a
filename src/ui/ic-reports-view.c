/* ic-reports-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-report-page.h"
#include "ic-reports-view.h"
#include "ic-row-feed.h"
#include "ic-size-fence.h"
#include "ic-ui-util.h"

struct _IcReportsView
{
  GtkWidget         parent_instance;

  GtkSortListModel *sorted;
  IcRowFeed        *feed;

  /* template widgets */
  GtkStack         *stack;
  GtkColumnView    *column_view;
  GtkScrolledWindow *scrolled_window;
  IcReportPage     *report_page;
};

G_DEFINE_FINAL_TYPE (IcReportsView, ic_reports_view, GTK_TYPE_WIDGET)

static char *
start_text (IcReport *report)
{
  return ic_date_to_display (ic_report_get_start_date (report));
}

static char *
end_text (IcReport *report)
{
  return ic_date_to_display (ic_report_get_end_date (report));
}

static char *
overall_text (IcReport *report)
{
  IcGrade grade;

  return ic_ui_cell_text (report, IC_AREA_OVERALL_EFFECTIVENESS, &grade);
}

static char *
items_text (IcReport *report)
{
  return g_strdup_printf ("%u", g_list_model_get_n_items (ic_report_get_improvements (report)));
}

static char *
file_text (IcReport *report)
{
  return g_path_get_basename (ic_report_get_source (report));
}

static int
compare_start (gconstpointer a, gconstpointer b, gpointer data)
{
  return ic_ui_compare_dates (ic_report_get_start_date ((IcReport *) a),
                              ic_report_get_start_date ((IcReport *) b));
}

static int
compare_end (gconstpointer a, gconstpointer b, gpointer data)
{
  return ic_ui_compare_dates (ic_report_get_end_date ((IcReport *) a),
                              ic_report_get_end_date ((IcReport *) b));
}

static int
compare_overall (gconstpointer a, gconstpointer b, gpointer data)
{
  return ic_ui_compare_grades (ic_report_get_grade ((IcReport *) a, IC_AREA_OVERALL_EFFECTIVENESS),
                               ic_report_get_grade ((IcReport *) b, IC_AREA_OVERALL_EFFECTIVENESS));
}

static int
compare_items (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) g_list_model_get_n_items (ic_report_get_improvements ((IcReport *) a)) -
         (int) g_list_model_get_n_items (ic_report_get_improvements ((IcReport *) b));
}

static int
compare_file (gconstpointer a, gconstpointer b, gpointer data)
{
  return g_strcmp0 (ic_report_get_source ((IcReport *) a), ic_report_get_source ((IcReport *) b));
}

static void
build_columns (IcReportsView *self)
{
  GtkColumnView *cv = self->column_view;

  gtk_column_view_column_set_expand (
    ic_ui_add_text_column (cv, _("Authority"), ic_ui_authority_text, ic_ui_compare_authority), TRUE);
  ic_ui_add_text_column (cv, _("Type"), ic_ui_type_text, ic_ui_compare_type);
  ic_ui_add_text_column (cv, _("Started"), start_text, compare_start);
  ic_ui_add_text_column (cv, _("Ended"), end_text, compare_end);
  ic_ui_add_text_column (cv, _("Overall"), overall_text, compare_overall);
  ic_ui_add_text_column (cv, _("Items"), items_text, compare_items);
  gtk_column_view_column_set_expand (
    ic_ui_add_text_column (cv, _("File"), file_text, compare_file), TRUE);
}

static void
column_view_activate_cb (IcReportsView *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  g_autoptr(IcReport) report = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (report != NULL)
    ic_reports_view_show_report (self, report);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ic_reports_view_show_list (IC_REPORTS_VIEW (widget));
}

static void
ic_reports_view_dispose (GObject *object)
{
  IcReportsView *self = (IcReportsView *)object;

  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_REPORTS_VIEW);
  g_clear_object (&self->sorted);
  if (self->feed != NULL)
    ic_row_feed_set_source (self->feed, NULL);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (ic_reports_view_parent_class)->dispose (object);
}

static void
ic_reports_view_class_init (IcReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_reports_view_dispose;

  g_type_ensure (IC_TYPE_REPORT_PAGE);
  g_type_ensure (IC_TYPE_SIZE_FENCE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, report_page);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "reports.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "reports.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_reports_view_init (IcReportsView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
  /* The parts GTK 4.8 builds of a column view, which it leaves unnamed. */
  ic_a11y_name_part (GTK_WIDGET (self->column_view), GTK_TYPE_LIST_VIEW, _("Reports"));
  ic_a11y_set_name (gtk_widget_get_first_child (GTK_WIDGET (self->column_view)),
                    _("Column titles"));

  /* Fed a few rows at a time: see ic-row-feed.c. */
  self->feed = ic_row_feed_new (GTK_WIDGET (self), IC_TYPE_REPORT, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ic_row_feed_get_rows (self->feed)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  ic_row_feed_set_sorter (self->feed, gtk_column_view_get_sorter (self->column_view));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  ic_ui_keep_list_at_top (self->column_view, self->scrolled_window);
}

void
ic_reports_view_set_model (IcReportsView *self,
                           GListModel    *model)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  ic_row_feed_set_source (self->feed, model);
}

/* Every report loaded, filtered or not: a report page links to the
 * authority's other reports even when the filters hide them. */
void
ic_reports_view_set_all_reports (IcReportsView *self,
                                 GListModel    *reports)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  ic_report_page_set_reports (self->report_page, reports);
}

/**
 * ic_reports_view_get_rows:
 *
 * Returns: (transfer none): the reports listed, in their on-screen order
 */
GListModel *
ic_reports_view_get_rows (IcReportsView *self)
{
  g_return_val_if_fail (IC_IS_REPORTS_VIEW (self), NULL);
  ic_row_feed_flush (self->feed);
  return G_LIST_MODEL (self->sorted);
}

void
ic_reports_view_show_report (IcReportsView *self,
                             IcReport      *report)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  g_return_if_fail (IC_IS_REPORT (report));

  ic_report_page_set_report (self->report_page, report);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

void
ic_reports_view_show_list (IcReportsView *self)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

IcReport *
ic_reports_view_get_report (IcReportsView *self)
{
  g_return_val_if_fail (IC_IS_REPORTS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") != 0)
    return NULL;
  return ic_report_page_get_report (self->report_page);
}
