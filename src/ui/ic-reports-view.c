/* ic-reports-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-authority-page.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-matrix-table.h"
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
  IcMatrixColumns  *columns;
  IcMatrixHeader   *header;

  /* Where Back returns to from the page about to be opened, as
   * ic_reports_view_set_return() was told: the view's name and the
   * widget that had the keyboard there. */
  char             *return_view;
  GtkWidget        *return_focus;  /* weak */
  /* Where each Back returns to, the last on top (IcReturn). */
  GPtrArray        *returns;
  GListModel       *all_reports;   /* every report loaded, filtered or not */

  /* template widgets */
  GtkStack         *stack;
  GtkBox           *table_box;
  GtkGridView      *grid_view;
  GtkScrolledWindow *scrolled_window;
  IcReportPage     *report_page;
  IcAuthorityPage  *authority_page;
};

G_DEFINE_FINAL_TYPE (IcReportsView, ic_reports_view, GTK_TYPE_WIDGET)

/* Pages open pages (a matrix cell a report, an authority a report, a
 * report its authority, a recurrence link another report): Back walks
 * back through them, as a browser does, to the view they were opened
 * from, with the keyboard on the widget that opened each. */
#define MAX_RETURNS 32

typedef struct
{
  char      *view;       /* a window view other than this one, or NULL */
  char      *page;       /* else this view's page: "list", "authority", "report" */
  IcReport  *report;     /* the report a "report" page showed */
  char      *authority;  /* the authority an "authority" page showed */
  GWeakRef   focus;
} IcReturn;

static void
ic_return_free (gpointer data)
{
  IcReturn *ret = data;

  g_free (ret->view);
  g_free (ret->page);
  g_clear_object (&ret->report);
  g_free (ret->authority);
  g_weak_ref_clear (&ret->focus);
  g_free (ret);
}

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

/* A file read in part (a PDF cut short) says so in the list, where a
 * report's grades and items are read at a glance: its banner is only
 * seen once the report is opened. */
static char *
file_text (IcReport *report)
{
  g_autofree char *name = g_path_get_basename (ic_report_get_source (report));

  if (ic_report_get_damage (report) == IC_DAMAGE_NONE)
    return g_steal_pointer (&name);
  /* Translators: a file name in the list of reports, for a PDF cut short
   * of which only a part could be read. */
  return g_strdup_printf (_("%s (read in part)"), name);
}

static int
compare_start (IcReport *a,
               IcReport *b)
{
  return ic_ui_compare_dates (ic_report_get_start_date (a),
                              ic_report_get_start_date (b));
}

static int
compare_end (IcReport *a,
             IcReport *b)
{
  return ic_ui_compare_dates (ic_report_get_end_date (a),
                              ic_report_get_end_date (b));
}

static int
compare_overall (IcReport *a,
                 IcReport *b)
{
  return ic_ui_compare_grades (ic_ui_sort_grade (a, IC_AREA_OVERALL_EFFECTIVENESS),
                               ic_ui_sort_grade (b, IC_AREA_OVERALL_EFFECTIVENESS));
}

static int
compare_items (IcReport *a,
               IcReport *b)
{
  return (int) g_list_model_get_n_items (ic_report_get_improvements (a)) -
         (int) g_list_model_get_n_items (ic_report_get_improvements (b));
}

static int
compare_file (IcReport *a,
              IcReport *b)
{
  return g_strcmp0 (ic_report_get_source (a), ic_report_get_source (b));
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

/* A grid of row widgets, as the matrix: a GtkColumnView keeps 200 rows
 * of widgets and restyles them all on any change, 35–75 ms of the main
 * thread when a filter changes at 900 reports (doc/ui-stalls.md). */
static const IcMatrixColumnSpec list_columns[] = {
  { N_("Authority"), 200, IC_MATRIX_CELL_AUTHORITY, 0, TRUE, ic_ui_authority_text, compare_authority },
  { N_("Type"), 180, IC_MATRIX_CELL_TEXT, 0, FALSE, ic_ui_type_text, compare_type },
  { N_("Started"), 140, IC_MATRIX_CELL_TEXT, 0, FALSE, start_text, compare_start },
  { N_("Ended"), 140, IC_MATRIX_CELL_TEXT, 0, FALSE, end_text, compare_end },
  { N_("Overall"), 170, IC_MATRIX_CELL_TEXT, 0, FALSE, overall_text, compare_overall },
  { N_("Items"), 70, IC_MATRIX_CELL_TEXT, 0, FALSE, items_text, compare_items },
  { N_("File"), 260, IC_MATRIX_CELL_TEXT, 0, TRUE, file_text, compare_file },
};

/* A title clicked: the rows sort by its column (none: the store's order,
 * authority then date). */
static void
sort_changed_cb (IcReportsView *self)
{
  g_autoptr(GtkSorter) sorter = ic_matrix_header_new_sorter (self->header);

  gtk_sort_list_model_set_sorter (self->sorted, sorter);
  ic_row_feed_set_sorter (self->feed, sorter);
}

static void
build_table (IcReportsView *self)
{
  GtkListItemFactory *factory;

  self->columns = ic_matrix_columns_new_with_specs (list_columns, G_N_ELEMENTS (list_columns));
  self->header = ic_matrix_table_install (self->table_box, self->scrolled_window, self->columns);
  g_signal_connect_object (self->header, "notify::sort-order", G_CALLBACK (sort_changed_cb), self,
                           G_CONNECT_SWAPPED);

  factory = ic_matrix_row_factory_new (self->columns);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
}

static void
grid_view_activate_cb (IcReportsView *self,
                       guint          position,
                       GtkGridView   *grid_view)
{
  g_autoptr(IcReport) report = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (report == NULL)
    return;
  ic_reports_view_set_return (self, "reports", gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))));
  ic_reports_view_show_report (self, report);
}

/* Remembers where Back returns to from the page about to be shown: the
 * view and widget ic_reports_view_set_return() named, or else the page
 * shown now. */
static void
push_return (IcReportsView *self)
{
  IcReturn *ret = g_new0 (IcReturn, 1);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  g_autofree char *view = g_steal_pointer (&self->return_view);

  g_weak_ref_init (&ret->focus, self->return_focus);
  g_clear_weak_pointer (&self->return_focus);
  if (view != NULL && !g_str_equal (view, "reports"))
    {
      ret->view = g_steal_pointer (&view);
      ret->page = g_strdup ("list");
    }
  else
    {
      ret->page = g_strdup (page != NULL ? page : "list");
      if (g_strcmp0 (page, "report") == 0)
        ret->report = g_object_ref (ic_report_page_get_report (self->report_page));
      else if (g_strcmp0 (page, "authority") == 0)
        ret->authority = g_strdup (ic_authority_page_get_authority (self->authority_page));
    }
  if (self->returns->len == MAX_RETURNS)
    g_ptr_array_remove_index (self->returns, 0);
  g_ptr_array_add (self->returns, ret);
}

static void
show_page (IcReportsView *self,
           const char    *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* Back (Alt+Left) goes where the user came from: the matrix cell, the
 * timeline mark, the list row, the authority's row or the report that
 * opened the page, with the keyboard on it again. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IcReportsView *self = IC_REPORTS_VIEW (widget);
  IcReturn *ret = self->returns->len > 0
                  ? g_ptr_array_steal_index (self->returns, self->returns->len - 1) : NULL;
  g_autoptr(GtkWidget) focus = ret != NULL ? g_weak_ref_get (&ret->focus) : NULL;

  if (ret == NULL || g_str_equal (ret->page, "list"))
    {
      ic_reports_view_show_list (self);
      if (ret != NULL && ret->view != NULL)
        gtk_widget_activate_action (widget, "win.show-view", "s", ret->view);
    }
  else if (g_str_equal (ret->page, "report") && ret->report != NULL)
    {
      ic_report_page_set_report (self->report_page, ret->report);
      show_page (self, "report");
    }
  else if (g_str_equal (ret->page, "authority") && ret->authority != NULL)
    {
      ic_authority_page_set_authority (self->authority_page, ret->authority);
      show_page (self, "authority");
    }
  else
    ic_reports_view_show_list (self);
  if (ret != NULL)
    ic_return_free (ret);
  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

/* A report or an item the authority page lists: (source, page, words
 * of the item, or ""). */
static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcReportsView *self = IC_REPORTS_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  const char *source, *passage;
  IcReport *report = NULL;  /* owned */
  guint page;

  g_variant_get (parameter, "(&su&s)", &source, &page, &passage);
  for (guint i = 0; report == NULL && self->all_reports != NULL &&
                    i < g_list_model_get_n_items (self->all_reports); i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (self->all_reports, i);

      if (g_strcmp0 (ic_report_get_source (r), source) == 0)
        report = g_steal_pointer (&r);
    }
  if (report == NULL)
    return;
  ic_reports_view_set_return (self, "reports", focus);
  if (*passage != '\0')
    ic_reports_view_show_passage (self, report, page, passage);
  else
    ic_reports_view_show_report (self, report);
  g_object_unref (report);
  ic_ui_focus_first (GTK_WIDGET (self->report_page));
}

/**
 * ic_reports_view_set_return:
 * @view: (nullable): the window's view a page is opened from
 * @focus: (nullable): the widget that had the keyboard there
 *
 * Where Back returns to from the page about to be shown.
 */
void
ic_reports_view_set_return (IcReportsView *self,
                            const char    *view,
                            GtkWidget     *focus)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));

  g_free (self->return_view);
  self->return_view = g_strdup (view);
  g_set_weak_pointer (&self->return_focus, focus);
}

static void
ic_reports_view_dispose (GObject *object)
{
  IcReportsView *self = (IcReportsView *)object;

  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_REPORTS_VIEW);
  g_clear_pointer (&self->return_view, g_free);
  g_clear_weak_pointer (&self->return_focus);
  g_clear_pointer (&self->returns, g_ptr_array_unref);
  g_clear_object (&self->all_reports);
  g_clear_object (&self->sorted);
  g_clear_object (&self->columns);
  if (self->feed != NULL)
    ic_row_feed_set_source (self->feed, NULL);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (ic_reports_view_parent_class)->dispose (object);
}

/* While the stack slides from one page to another, the page going away
 * is still mapped: Tab into the view, or a page just opened taking the
 * keyboard, goes to the page shown, not to the one leaving. */
static gboolean
ic_reports_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  IcReportsView *self = IC_REPORTS_VIEW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return page != NULL && gtk_widget_child_focus (page, direction);
}

static void
ic_reports_view_class_init (IcReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_reports_view_dispose;
  widget_class->focus = ic_reports_view_focus;

  g_type_ensure (IC_TYPE_REPORT_PAGE);
  g_type_ensure (IC_TYPE_AUTHORITY_PAGE);
  g_type_ensure (IC_TYPE_SIZE_FENCE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, table_box);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, report_page);
  gtk_widget_class_bind_template_child (widget_class, IcReportsView, authority_page);
  gtk_widget_class_bind_template_callback (widget_class, grid_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "reports.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "reports.open-item", "(sus)", open_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "reports.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_reports_view_init (IcReportsView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->returns = g_ptr_array_new_with_free_func (ic_return_free);
  build_table (self);

  /* See ic-row-feed.c. */
  self->feed = ic_row_feed_new (GTK_WIDGET (self), IC_TYPE_REPORT, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (ic_row_feed_get_rows (self->feed)), NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  ic_ui_keep_at_top (GTK_WIDGET (self->grid_view), G_LIST_MODEL (selection), self->scrolled_window);
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
  g_set_object (&self->all_reports, reports);
  ic_report_page_set_reports (self->report_page, reports);
  ic_authority_page_set_reports (self->authority_page, reports);
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

  push_return (self);
  ic_report_page_set_report (self->report_page, report);
  show_page (self, "report");
}

/* The authority's page: its reports over time and what changed from
 * each to the next. */
void
ic_reports_view_show_authority (IcReportsView *self,
                                const char    *authority)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  g_return_if_fail (authority != NULL);

  push_return (self);
  ic_authority_page_set_authority (self->authority_page, authority);
  show_page (self, "authority");
}

/**
 * ic_reports_view_get_authority:
 *
 * Returns: (transfer none) (nullable): the authority whose page is shown
 */
const char *
ic_reports_view_get_authority (IcReportsView *self)
{
  g_return_val_if_fail (IC_IS_REPORTS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "authority") != 0)
    return NULL;
  return ic_authority_page_get_authority (self->authority_page);
}

/* The report's page, its text scrolled to @passage on PDF page @page
 * (0: anywhere) and the passage highlighted. */
void
ic_reports_view_show_passage (IcReportsView *self,
                              IcReport      *report,
                              guint          page,
                              const char    *passage)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));

  ic_reports_view_show_report (self, report);
  ic_report_page_show_passage (self->report_page, page, passage);
}

void
ic_reports_view_show_list (IcReportsView *self)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  gtk_stack_set_visible_child_name (self->stack, "list");
  /* The list is where every walk of pages starts again. */
  g_ptr_array_set_size (self->returns, 0);
  /* Back from a page: the keyboard is on the list again, if it was on
   * a page that is now hidden. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->report_page)) ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self->authority_page))))
        gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
    }
}

IcReport *
ic_reports_view_get_report (IcReportsView *self)
{
  g_return_val_if_fail (IC_IS_REPORTS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") != 0)
    return NULL;
  return ic_report_page_get_report (self->report_page);
}

/* @authority: (nullable): the authority whose rows stand out (the one a
 * peer group is compared with) */
void
ic_reports_view_set_highlighted (IcReportsView *self,
                               const char *authority)
{
  g_return_if_fail (IC_IS_REPORTS_VIEW (self));
  ic_matrix_columns_set_highlighted (self->columns, authority);
}
