/* test-ui-adaptive.c: peer groups from the filter bar, the window at 800 × 600, marks in cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ic-authority-info.h"
#include "ic-chart-private.h"
#include "ic-chart-widget.h"
#include "ic-charts-view.h"
#include "ic-authorities.h"
#include "ic-timeline-view.h"
#include "ic-failure.h"
#include "ic-filter-bar.h"
#include "ic-fold-paned.h"
#include "ic-grade-cell.h"
#include "ic-matrix-columns.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-matrix-view.h"
#include "ic-report-filter.h"
#include "ic-render-enum-types.h"
#include "ic-report-private.h"
#include "ic-report-page.h"
#include "ic-reports-view.h"
#include "ic-ui-test-util.h"
#include "ic-window-private.h"

#define ANCHOR "Barnsley"

static IcReport *
make_report (const char *authority,
             guint       year,
             IcGrade     overall)
{
  g_autofree char *source = g_strdup_printf ("/adaptive/%s-%u.txt", authority, year);
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (10, 3, year);

  _ic_report_set_content_id (report, source);
  _ic_report_set_authority (report, authority);
  _ic_report_set_authority_as_printed (report, authority);
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_title (report, "Inspection of a local authority");
  _ic_report_set_end_date (report, end);
  for (IcArea area = 0; area < 4; area++)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (area, ic_area_to_label (area), overall, 0);

      _ic_report_add_judgement (report, j);
    }
  /* The same concern in each report of an authority: its page links
   * them ("Raised again: …"), a long line. */
  {
    g_autoptr(IcImprovement) item = ic_improvement_new_with_themes (
      "The quality and consistency of plans for children in need of help and protection.",
      IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
      (const char *[]) { "plans_and_planning", NULL });

    _ic_report_add_improvement (report, item);
  }
  return report;
}

/* Two graded reports of the anchor, each neighbour and a few others. */
static void
fill_store (IcReportStore *store)
{
  g_auto(GStrv) neighbours = ic_authority_info_get_neighbours (ANCHOR);
  const char *others[] = { "Camden", "Devon", "Trafford" };
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_nonnull (neighbours);
  g_assert_cmpuint (g_strv_length (neighbours), >=, 6);
  for (guint y = 0; y < 2; y++)
    {
      g_ptr_array_add (reports, make_report (ANCHOR, 2018 + y, IC_GRADE_GOOD));
      for (guint i = 0; neighbours[i] != NULL; i++)
        g_ptr_array_add (reports, make_report (neighbours[i], 2017 + y, IC_GRADE_REQUIRES_IMPROVEMENT));
      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        g_ptr_array_add (reports, make_report (others[i], 2016 + y + i, IC_GRADE_INADEQUATE));
    }
  ic_report_store_add_batch (store, reports);
}

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_of_type (c, type, found);
}

static GtkWidget *
find_by_id (IcWindow   *window,
            const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window->filter_bar),
                                                   IC_TYPE_FILTER_BAR, id));
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static IcWindow *
new_window (int width,
            int height)
{
  IcWindow *window = ic_window_new (NULL);

  ic_report_filter_reset (window->filter);
  ic_matrix_view_set_latest_only (window->matrix_view, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  fill_store (window->store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  return window;
}

static guint
position_of (GtkDropDown *drop_down,
             const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* Whether every report shown is of the peer group, and every report of
 * the group is shown. */
static void
assert_shows_peer_group (IcWindow *window)
{
  g_auto(GStrv) neighbours = ic_authority_info_get_neighbours (ANCHOR);
  GListModel *shown = ic_window_get_reports (window);
  guint expected = 2 * (1 + g_strv_length (neighbours));

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (shown, i);
      const char *authority = ic_report_get_authority (report);

      g_assert_true (g_str_equal (authority, ANCHOR) ||
                     g_strv_contains ((const char * const *) neighbours, authority));
    }
}

typedef struct
{
  IcWindow   *window;
  const char *search;
} SearchWait;

static gboolean
search_applied (gpointer data)
{
  SearchWait *wait = data;

  return g_strcmp0 (ic_report_filter_get_search (wait->window->filter), wait->search) == 0;
}

/* The search entry applies what is typed after its delay (150 ms), and
 * later than that on a loaded machine: wait for it, not for a time. */
static void
wait_for_search (IcWindow   *window,
                 const char *search)
{
  SearchWait wait = { window, search };

  g_assert_true (run_until (search_applied, &wait));
  g_assert_cmpstr (ic_report_filter_get_search (window->filter), ==, search);
}

/* "Compare With…" in the filter bar picks an authority; its peer group
 * is shown whole (a search typed before is cleared), the authority's
 * rows stand out, and a search typed after is shown combined with it. */
static void
test_compare_with (void)
{
  IcWindow *window = new_window (1300, 850);
  GtkDropDown *compare = GTK_DROP_DOWN (find_by_id (window, "compare_dropdown"));
  GtkEditable *search = GTK_EDITABLE (find_by_id (window, "search_entry"));
  GtkWidget *chip = find_by_id (window, "peer_box");
  GtkLabel *chip_label = GTK_LABEL (find_by_id (window, "peer_label"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_highlighted = 0;

  g_assert_nonnull (compare);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (compare)));
  g_assert_false (gtk_widget_get_visible (chip));

  gtk_editable_set_text (search, "Trafford");
  wait_for_search (window, "trafford");
  g_assert_cmpuint (g_list_model_get_n_items (ic_window_get_reports (window)), ==, 2);

  gtk_drop_down_set_selected (compare, position_of (compare, ANCHOR));
  g_assert_cmpstr (ic_report_filter_get_peer (window->filter), ==, ANCHOR);
  g_assert_null (ic_report_filter_get_search (window->filter));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  wait_ms (400);
  /* The entry's delayed search-changed must not bring the search back. */
  g_assert_null (ic_report_filter_get_search (window->filter));
  assert_shows_peer_group (window);
  g_assert_true (gtk_widget_get_visible (chip));
  g_assert_nonnull (strstr (gtk_label_get_label (chip_label), "authorities"));

  /* The anchor's rows, and only they, are highlighted. */
  collect_of_type (GTK_WIDGET (window->matrix_view), IC_TYPE_MATRIX_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      IcReport *report = ic_matrix_row_get_report (g_ptr_array_index (rows, i));
      gboolean highlighted = gtk_widget_has_css_class (g_ptr_array_index (rows, i), "highlighted");

      if (report == NULL || !gtk_widget_get_child_visible (gtk_widget_get_parent (g_ptr_array_index (rows, i))))
        continue;
      g_assert_cmpint (highlighted, ==, g_str_equal (ic_report_get_authority (report), ANCHOR));
      n_highlighted += highlighted;
    }
  g_assert_cmpuint (n_highlighted, ==, 2);

  /* A search typed within the group is combined with it, and says so. */
  gtk_editable_set_text (search, "Barn");
  wait_for_search (window, "barn");
  g_assert_cmpstr (ic_report_filter_get_peer (window->filter), ==, ANCHOR);
  g_assert_cmpuint (g_list_model_get_n_items (ic_window_get_reports (window)), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_label (chip_label), "“Barn”"));

  /* Clearing the peer group keeps the search; Clear Filters clears both. */
  gtk_widget_activate_action (GTK_WIDGET (window->filter_bar), "filter.clear-peer", NULL);
  g_assert_null (ic_report_filter_get_peer (window->filter));
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, 0);
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_cmpstr (ic_report_filter_get_search (window->filter), ==, "barn");
  gtk_drop_down_set_selected (compare, position_of (compare, ANCHOR));
  gtk_widget_activate_action (GTK_WIDGET (window->filter_bar), "filter.clear", NULL);
  wait_ms (400);
  g_assert_false (ic_report_filter_is_active (window->filter));
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");

  /* A peer group set elsewhere (a report page's Peer Group) shows in
   * the drop-down. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.peer-group", "s", ANCHOR);
  g_assert_cmpuint (gtk_drop_down_get_selected (compare), ==, position_of (compare, ANCHOR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static IcChartWidget *
history_widget (IcWindow *window)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (window->charts_view), IC_TYPE_CHART_WIDGET, charts);
  for (guint i = 0; i < charts->len; i++)
    if (ic_chart_widget_get_kind (g_ptr_array_index (charts, i)) == IC_CHART_HISTORY)
      return g_ptr_array_index (charts, i);
  g_assert_not_reached ();
}

static GtkLabel *
caption_of (GtkWidget *chart)
{
  GtkWidget *card = gtk_widget_get_parent (chart);

  for (GtkWidget *c = gtk_widget_get_first_child (card); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "dim-label"))
      return GTK_LABEL (c);
  g_assert_not_reached ();
}

/* The grade history says which authorities it draws, and with a peer
 * group draws every member with graded reports, not six of them. */
static void
test_history_follows_peers (void)
{
  IcWindow *window = new_window (1300, 850);
  IcChartWidget *history = history_widget (window);
  g_auto(GStrv) neighbours = ic_authority_info_get_neighbours (ANCHOR);
  IcChart *chart;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  wait_ms (200);
  ic_chart_widget_update (history);
  chart = ic_chart_widget_get_chart (history);
  g_assert_cmpuint (chart->history_authorities->len, ==, 6);
  g_assert_nonnull (strstr (gtk_label_get_label (caption_of (GTK_WIDGET (history))), "six"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.peer-group", "s", ANCHOR);
  ic_chart_widget_update (history);
  chart = ic_chart_widget_get_chart (history);
  g_assert_cmpuint (chart->history_authorities->len, ==, 1 + g_strv_length (neighbours));
  g_assert_nonnull (strstr (gtk_label_get_label (caption_of (GTK_WIDGET (history))), ANCHOR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_links (GtkWidget *widget)
{
  guint n = GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "recurrence-link");

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_links (c);
  return n;
}

/* Every view, and a report's page, fits a window of 800 × 600, the
 * smallest the GNOME guidelines ask an application to fit. */
static void
test_narrow_window (void)
{
  IcWindow *window = new_window (800, 600);
  const char *views[] = { "matrix", "timeline", "charts", "reports" };

  for (guint v = 0; v <= G_N_ELEMENTS (views); v++)
    {
      int min, nat;

      if (v < G_N_ELEMENTS (views))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
      else
        {
          g_autoptr(IcReport) report = g_list_model_get_item (ic_window_get_reports (window), 0);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                                      ic_report_get_source (report));
        }
      wait_ms (300);
      if (v == G_N_ELEMENTS (views))
        g_assert_cmpuint (count_links (GTK_WIDGET (window->reports_view)), >, 0);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      if (g_test_verbose ())
        g_test_message ("%s: minimum width %d", v < G_N_ELEMENTS (views) ? views[v] : "report", min);
      g_assert_cmpint (min, <=, 800);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, <=, 600);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's toast, once it has slid in (GTK 4.8: AdwToastWidget). */
static GtkWidget *
shown_toast (IcWindow *window)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay)); c;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget") && gtk_widget_get_mapped (c))
      return c;
  return NULL;
}

static GtkWidget *
switcher_bar (IcWindow *window)
{
  return find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
}

static gboolean
toast_and_bar_shown (gpointer data)
{
  IcWindow *window = data;

  return shown_toast (window) != NULL && gtk_widget_get_height (switcher_bar (window)) > 20;
}

/* At 800 × 600 the views' buttons are in a bar at the bottom, and a
 * toast (one that stays: "1 file could not be read") is shown above it,
 * not over the buttons. */
static void
test_toast_above_switcher_bar (void)
{
  IcWindow *window = new_window (800, 600);
  graphene_rect_t toast, bar;

  _ic_window_toast (window, "A made-up message");
  g_assert_true (run_until (toast_and_bar_shown, window));
  wait_ms (600);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar (window))));
  g_assert_true (gtk_widget_compute_bounds (shown_toast (window), GTK_WIDGET (window), &toast));
  g_assert_true (gtk_widget_compute_bounds (switcher_bar (window), GTK_WIDGET (window), &bar));
  g_test_message ("toast %.0f to %.0f, bar from %.0f", toast.origin.y, toast.origin.y + toast.size.height,
                  bar.origin.y);
  g_assert_cmpfloat (toast.origin.y + toast.size.height, <=, bar.origin.y);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without reports there are no views to switch: no bar, narrow or not. */
static void
test_no_switcher_bar_when_empty (void)
{
  IcWindow *window = ic_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  g_assert_false (gtk_widget_get_mapped (switcher_bar (window)) &&
                  adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar (window))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Scrolled sideways, the matrix keeps each row's authority (and its
 * title) at the left edge; the grades move under it. */
static void
test_pinned_authority (void)
{
  IcWindow *window = new_window (800, 600);
  GtkWidget *matrix = GTK_WIDGET (window->matrix_view);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_child_of_type (matrix, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (scrolled);
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (matrix, IC_TYPE_MATRIX_HEADER));
  IcMatrixRow *row = IC_MATRIX_ROW (find_child_of_type (matrix, IC_TYPE_MATRIX_ROW));
  GtkWidget *authority = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AUTHORITY);
  GtkWidget *grade = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  GtkWidget *title = ic_matrix_header_get_button (header, IC_MATRIX_COLUMN_AUTHORITY);
  graphene_rect_t authority_before, grade_before, authority_after, grade_after, title_after;
  double scroll;

  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment),
                     >, 200);
  g_assert_true (gtk_widget_compute_bounds (authority, GTK_WIDGET (scrolled), &authority_before));
  g_assert_true (gtk_widget_compute_bounds (grade, GTK_WIDGET (scrolled), &grade_before));

  gtk_adjustment_set_value (hadjustment, 200);
  scroll = gtk_adjustment_get_value (hadjustment);
  wait_ms (200);
  g_assert_true (gtk_widget_compute_bounds (authority, GTK_WIDGET (scrolled), &authority_after));
  g_assert_true (gtk_widget_compute_bounds (grade, GTK_WIDGET (scrolled), &grade_after));
  g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (scrolled), &title_after));

  g_assert_cmpfloat_with_epsilon (grade_after.origin.x, grade_before.origin.x - scroll, 1);
  g_assert_cmpfloat_with_epsilon (authority_after.origin.x, authority_before.origin.x, 1);
  g_assert_cmpfloat_with_epsilon (title_after.origin.x, authority_after.origin.x, 8);
  g_assert_true (gtk_widget_has_css_class (authority, "pinned"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static IcMatrixRow *
row_of (IcWindow   *window,
        const char *source)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (window->matrix_view), IC_TYPE_MATRIX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      IcReport *report = ic_matrix_row_get_report (g_ptr_array_index (rows, i));

      if (report != NULL && g_str_equal (ic_report_get_source (report), source))
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

/* A grade a user corrected shows the pack's mark in the window's
 * matrix, and its tooltip and spoken description say what the report
 * said; undone, the mark goes. */
static void
test_corrected_mark (void)
{
  IcWindow *window = new_window (1300, 850);
  const char *source = "/adaptive/" ANCHOR "-2018.txt";
  guint column = IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS);
  IcGradeCell *cell;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.peer-group", "s", ANCHOR);
  wait_ms (300);
  g_assert_nonnull (row_of (window, source));
  cell = IC_GRADE_CELL (ic_matrix_row_get_cell (row_of (window, source), column));
  g_assert_cmpstr (ic_grade_cell_get_text (cell), ==, "Good");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              source, "grade.overall_effectiveness", "inadequate");
  wait_ms (300);
  cell = IC_GRADE_CELL (ic_matrix_row_get_cell (row_of (window, source), column));
  g_assert_cmpstr (ic_grade_cell_get_text (cell), ==, "Inadequate \u2020");
  g_assert_nonnull (strstr (ic_grade_cell_get_description (cell),
                            "corrected by the user; the report says Good"));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (cell)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  wait_ms (300);
  cell = IC_GRADE_CELL (ic_matrix_row_get_cell (row_of (window, source), column));
  g_assert_cmpstr (ic_grade_cell_get_text (cell), ==, "Good");
  g_assert_null (strstr (ic_grade_cell_get_description (cell), "corrected"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One report of each of @n authorities, all raising one theme in 2019. */
static void
fill_many (IcReportStore *store,
           guint          n)
{
  GPtrArray *all = ic_authorities_get_all ();
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len && reports->len < n; i++)
    if (ic_authority_is_current (g_ptr_array_index (all, i)))
      g_ptr_array_add (reports, make_report (ic_authority_get_name (g_ptr_array_index (all, i)),
                                             2019, IC_GRADE_GOOD));
  ic_report_store_add_batch (store, reports);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static guint
sum_counts (GArray *marks)
{
  guint sum = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const IcChartHit *hit = &g_array_index (marks, IcChartMark, i).hit;

      g_assert_null (hit->report);
      g_assert_cmpint (hit->year, >, 0);
      if (hit->year == 2019)
        sum += hit->count;
    }
  return sum;
}

/* More than 25 authorities: the timeline counts each theme's reports per
 * year (a heat strip) instead of one solid band of marks; fewer draw
 * marks. Both are walked and opened by keyboard, the one opened stays
 * outlined, and "Show as Table" lists the same things as lines. */
static void
test_timeline_at_scale (void)
{
  IcWindow *window = new_window (1300, 850);
  GtkWidget *view = GTK_WIDGET (window->timeline_view);
  IcChartWidget *chart = IC_CHART_WIDGET (find_child_of_type (view, IC_TYPE_CHART_WIDGET));
  GtkToggleButton *table = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (view, IC_TYPE_TIMELINE_VIEW,
                                                                              "table_button"));
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (view, IC_TYPE_TIMELINE_VIEW,
                                                                    "table_view"));
  GtkRevealer *details = GTK_REVEALER (gtk_widget_get_template_child (view, IC_TYPE_TIMELINE_VIEW,
                                                                      "details_revealer"));
  GArray *marks;
  g_autofree char *first_line = NULL;

  fill_many (window->store, 40);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  wait_ms (300);
  ic_chart_widget_update (chart);
  wait_ms (100);
  marks = ic_chart_widget_get_marks (chart);
  g_assert_nonnull (marks);
  g_assert_cmpuint (marks->len, >, 0);
  /* The anchor's and neighbours' 2019 reports, and the forty. */
  g_assert_cmpuint (sum_counts (marks), >=, 40);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));

  gtk_toggle_button_set_active (table, TRUE);
  wait_ms (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, marks->len);
  {
    g_autoptr(GtkStringObject) line = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);

    first_line = g_strdup (gtk_string_object_get_string (line));
  }
  {
    const IcChartHit *hit = &g_array_index (marks, IcChartMark, 0).hit;
    g_autofree char *year = g_strdup_printf ("%d", hit->year);
    g_autofree char *count = g_strdup_printf (": %u report", hit->count);

    g_assert_nonnull (strstr (first_line, "Plans and planning"));
    g_assert_nonnull (strstr (first_line, year));
    g_assert_nonnull (strstr (first_line, count));
  }
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (gtk_revealer_get_reveal_child (details));
  gtk_toggle_button_set_active (table, FALSE);

  /* A peer group: marks, one per report raising a theme. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.peer-group", "s", ANCHOR);
  ic_chart_widget_update (chart);
  wait_ms (100);
  marks = ic_chart_widget_get_marks (chart);
  g_assert_cmpuint (marks->len, >, 2);
  for (guint i = 0; i < marks->len; i++)
    g_assert_nonnull (g_array_index (marks, IcChartMark, i).hit.report);

  g_assert_cmpint (ic_chart_widget_get_focused_mark (chart), ==, -1);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));
  g_assert_cmpint (ic_chart_widget_get_focused_mark (chart), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Right));
  g_assert_cmpint (ic_chart_widget_get_focused_mark (chart), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_End));
  g_assert_cmpint (ic_chart_widget_get_focused_mark (chart), ==, (int) marks->len - 1);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Home));
  gtk_revealer_set_reveal_child (details, FALSE);
  g_assert_true (press_key (GTK_WIDGET (chart), GDK_KEY_Return));
  g_assert_true (gtk_revealer_get_reveal_child (details));
  {
    const IcChartHit *hit = &g_array_index (marks, IcChartMark, 0).hit;
    g_autofree char *key = g_strdup_printf ("%s\t%s\t0", ic_report_get_source (hit->report), hit->theme);

    g_assert_cmpstr (ic_chart_widget_get_selected_key (chart), ==, key);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Back (Alt+Left) from a report opened in the matrix returns to the
 * matrix, the keyboard on the cell that opened it. */
static void
test_back_returns (void)
{
  IcWindow *window = new_window (1300, 850);
  const char *source = "/adaptive/" ANCHOR "-2018.txt";
  GtkWidget *cell;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.peer-group", "s", ANCHOR);
  wait_ms (300);
  cell = ic_matrix_row_get_cell (row_of (window, source), IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_true (gtk_widget_grab_focus (cell));
  gtk_widget_activate_action (cell, "win.open-report", "s", source);
  wait_ms (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  g_assert_nonnull (ic_reports_view_get_report (window->reports_view));
  g_assert_false (gtk_widget_has_focus (cell));

  gtk_widget_activate_action (GTK_WIDGET (window->reports_view), "reports.back", NULL);
  wait_ms (200);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "matrix");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == cell);
  /* The Reports tab shows its list again, not the page left. */
  g_assert_null (ic_reports_view_get_report (window->reports_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
other_toplevel (IcWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (w != GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

/* Closing the failures dialog gives the keyboard back: to what had it,
 * or, when that is gone (a toast's Details button), to the view. */
static void
test_dialog_focus_returns (void)
{
  IcWindow *window = new_window (1300, 850);
  GtkWidget *compare = find_by_id (window, "compare_dropdown");
  GtkWindow *dialog;
  GtkWidget *focus;

  {
    g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (failures, ic_failure_new ("/adaptive/broken.pdf", "Made-up reason"));
    ic_report_store_add_failures (window->store, failures);
  }
  g_assert_true (gtk_widget_child_focus (compare, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, compare));

  _ic_window_show_failures (window);
  wait_ms (200);
  dialog = other_toplevel (window);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  wait_ms (200);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  _ic_window_show_failures (window);
  wait_ms (200);
  dialog = other_toplevel (window);
  gtk_widget_set_visible (compare, FALSE);
  gtk_window_destroy (dialog);
  wait_ms (200);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->matrix_view)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* While reports are shown that a chart has not caught up with (a folder
 * read again), it says "Updating…", never "No reports to show". */
static void
test_no_false_empty (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  GtkWidget *chart = g_object_ref_sink (ic_chart_widget_new (IC_CHART_TIMELINE));

  ic_chart_widget_set_model (IC_CHART_WIDGET (chart), G_LIST_MODEL (reports));
  ic_chart_widget_update (IC_CHART_WIDGET (chart));
  g_assert_cmpstr (ic_chart_widget_get_placeholder (IC_CHART_WIDGET (chart)), ==, "No reports to show");
  /* Reports arrive; the chart waits for a pause before preparing. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IcReport) report = make_report (ANCHOR, 2017 + i, IC_GRADE_GOOD);

      g_list_store_append (reports, report);
    }
  g_assert_cmpstr (ic_chart_widget_get_placeholder (IC_CHART_WIDGET (chart)), ==, "Updating…");
  ic_chart_widget_update (IC_CHART_WIDGET (chart));
  g_assert_null (ic_chart_widget_get_placeholder (IC_CHART_WIDGET (chart)));
  g_object_unref (chart);
}

/* A chart drawn for reports no longer chosen is stale from the change
 * until its new one is ready (then veiled and marked "Updating…" when
 * drawn), never shown as current. */
static void
test_stale_chart_marked (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  GtkWidget *chart = g_object_ref_sink (ic_chart_widget_new (IC_CHART_GRADES));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(IcReport) report = make_report (ANCHOR, 2017 + i, IC_GRADE_GOOD);

      g_list_store_append (reports, report);
    }
  ic_chart_widget_set_model (IC_CHART_WIDGET (chart), G_LIST_MODEL (reports));
  ic_chart_widget_update (IC_CHART_WIDGET (chart));
  g_assert_null (ic_chart_widget_get_placeholder (IC_CHART_WIDGET (chart)));
  g_assert_false (ic_chart_widget_is_stale (IC_CHART_WIDGET (chart)));

  /* A filter drops a report: the chart drawn no longer describes them. */
  g_list_store_remove (reports, 0);
  g_assert_true (ic_chart_widget_is_stale (IC_CHART_WIDGET (chart)));
  ic_chart_widget_update (IC_CHART_WIDGET (chart));
  g_assert_false (ic_chart_widget_is_stale (IC_CHART_WIDGET (chart)));
  g_object_unref (chart);
}

/* A chart's kind is a property of its enum type: set in a template by
 * its nick, in code by its value, and a value outside the enum is
 * refused by GObject, leaving the kind as it was. */
static void
test_chart_kind_property (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  IcChartWidget *chart;
  GParamSpec *pspec;

  g_type_ensure (IC_TYPE_CHART_WIDGET);
  builder = gtk_builder_new_from_string (
    "<interface><object class='IcChartWidget' id='chart'>"
    "<property name='kind'>history</property>"
    "</object></interface>", -1);
  chart = IC_CHART_WIDGET (gtk_builder_get_object (builder, "chart"));
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (chart), "kind");
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == IC_TYPE_CHART_KIND);
  g_assert_cmpint (ic_chart_widget_get_kind (chart), ==, IC_CHART_HISTORY);

  g_object_set (chart, "kind", IC_CHART_YEARS, NULL);
  g_assert_cmpint (ic_chart_widget_get_kind (chart), ==, IC_CHART_YEARS);

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*kind*");
  g_object_set (chart, "kind", IC_N_CHART_KINDS, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (ic_chart_widget_get_kind (chart), ==, IC_CHART_YEARS);
}

/* The lines of a card's "Show as Table", in order. */
static GPtrArray *
table_lines (IcWindow    *window,
             IcChartKind  kind)
{
  GtkListBox *list = ic_charts_view_get_table_list (window->charts_view, kind);
  GPtrArray *lines = g_ptr_array_new ();

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (lines, (gpointer) gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  return lines;
}

static IcChartWidget *
chart_of_kind (IcWindow    *window,
               IcChartKind  kind)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  collect_of_type (GTK_WIDGET (window->charts_view), IC_TYPE_CHART_WIDGET, charts);
  for (guint i = 0; i < charts->len; i++)
    if (ic_chart_widget_get_kind (g_ptr_array_index (charts, i)) == kind)
      {
        ic_chart_widget_update (g_ptr_array_index (charts, i));
        return g_ptr_array_index (charts, i);
      }
  g_assert_not_reached ();
}

/* Each chart card's "Show as Table" lists the numbers the chart draws,
 * for the reports of fill_store (): the anchor Good in 2018 and 2019,
 * its neighbours Requires improvement in 2017 and 2018, three others
 * Inadequate, all raising one theme. */
static void
test_charts_as_tables (void)
{
  IcWindow *window = new_window (1300, 850);
  g_auto(GStrv) neighbours = ic_authority_info_get_neighbours (ANCHOR);
  guint n = g_strv_length (neighbours);
  g_autoptr(GPtrArray) grades = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GPtrArray) history = NULL;
  IcChartWidget *grade_chart;
  guint per = 2, total = 2 * (1 + n + 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  wait_ms (200);
  grade_chart = chart_of_kind (window, IC_CHART_GRADES);
  chart_of_kind (window, IC_CHART_THEMES);
  chart_of_kind (window, IC_CHART_HISTORY);
  chart_of_kind (window, IC_CHART_YEARS);
  for (IcChartKind kind = IC_CHART_GRADES; kind <= IC_CHART_YEARS; kind++)
    ic_charts_view_show_table (window->charts_view, kind, TRUE);
  wait_ms (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (grade_chart)));

  /* One line per judgement area, each value after its grade. */
  if (ic_chart_widget_get_chart (grade_chart)->latest_only)
    per = 1;
  grades = table_lines (window, IC_CHART_GRADES);
  g_assert_cmpuint (grades->len, ==, 4);
  {
    g_autofree char *expected = g_strdup_printf ("%s: Outstanding 0, Good %u, Requires improvement %u, "
                                                 "Adequate 0, Inadequate %u, Total %u",
                                                 ic_area_to_short_label (IC_AREA_OVERALL_EFFECTIVENESS),
                                                 per, per * n, per * 3, per * (1 + n + 3));

    g_assert_cmpstr (g_ptr_array_index (grades, 0), ==, expected);
  }
  /* Above the table, what the hidden chart said it counts. */
  {
    GtkWidget *caption = gtk_widget_get_prev_sibling (
      GTK_WIDGET (ic_charts_view_get_table_list (window->charts_view, IC_CHART_GRADES)));
    g_autofree char *expected = per == 1
      ? g_strdup_printf ("Latest graded report of each authority (%u authorities)", 1 + n + 3)
      : g_strdup_printf ("Every graded report (%u reports)", per * (1 + n + 3));

    g_assert_true (GTK_IS_LABEL (caption));
    g_assert_true (gtk_widget_get_visible (caption));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (caption)), ==, expected);
  }

  themes = table_lines (window, IC_CHART_THEMES);
  g_assert_cmpuint (themes->len, ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("Plans and planning: Reports %u", total);

    g_assert_cmpstr (g_ptr_array_index (themes, 0), ==, expected);
  }

  /* Camden 2016–17, Devon 2017–18, Trafford 2018–19. */
  years = table_lines (window, IC_CHART_YEARS);
  g_assert_cmpuint (years->len, ==, 4);
  {
    g_autofree char *y2017 = g_strdup_printf ("2017: Graded inspections %u, Visits and letters (not graded) 0", n + 2);
    g_autofree char *y2018 = g_strdup_printf ("2018: Graded inspections %u, Visits and letters (not graded) 0", n + 3);

    g_assert_cmpstr (g_ptr_array_index (years, 0), ==, "2016: Graded inspections 1, Visits and letters (not graded) 0");
    g_assert_cmpstr (g_ptr_array_index (years, 1), ==, y2017);
    g_assert_cmpstr (g_ptr_array_index (years, 2), ==, y2018);
    g_assert_cmpstr (g_ptr_array_index (years, 3), ==, "2019: Graded inspections 2, Visits and letters (not graded) 0");
  }

  /* Six authorities drawn, two graded reports each, each its grade. */
  history = table_lines (window, IC_CHART_HISTORY);
  g_assert_cmpuint (history->len, ==, 12);
  for (guint i = 0; i < history->len; i++)
    {
      const char *line = g_ptr_array_index (history, i);
      g_autofree char *authority = g_strndup (line, strcspn (line, ":"));
      const char *grade = g_str_equal (authority, ANCHOR) ? "Good"
                          : g_strv_contains ((const char * const *) neighbours, authority)
                          ? "Requires improvement" : "Inadequate";
      g_autofree char *suffix = g_strdup_printf ("%s %s", ic_area_to_short_label (IC_AREA_OVERALL_EFFECTIVENESS), grade);

      g_assert_true (g_str_has_suffix (line, suffix));
    }

  ic_charts_view_show_table (window->charts_view, IC_CHART_GRADES, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (grade_chart)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sorting from the keyboard (Enter on a column title, the button's
 * activate signal) leaves the keyboard on the title, its focus ring
 * shown, in both lists that sort by their titles. */
static void
assert_sort_keeps_focus (IcWindow   *window,
                         const char *view_name,
                         GtkWidget  *view)
{
  IcMatrixHeader *header;
  GtkWidget *title;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view_name);
  wait_ms (200);
  header = IC_MATRIX_HEADER (find_child_of_type (view, IC_TYPE_MATRIX_HEADER));
  title = ic_matrix_header_get_button (header, 2);
  g_assert_true (gtk_widget_grab_focus (title));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_activate (title));
  /* A button activated clicks after showing itself pressed (250 ms). */
  for (guint i = 0; i < 100 && ic_matrix_header_get_sort_column (header) != 2; i++)
    wait_ms (50);
  wait_ms (100);

  g_assert_cmpuint (ic_matrix_header_get_sort_column (header), ==, 2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == title);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  /* GTK shows the ring (the state flag) only in the active window; the
   * ui tests share one X server, so another test's window may have
   * taken the activation meanwhile: take it back first. */
  for (guint i = 0; i < 100 && !gtk_window_is_active (GTK_WINDOW (window)); i++)
    {
      gtk_window_present (GTK_WINDOW (window));
      wait_ms (50);
    }
  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == title);
  g_assert_true (gtk_widget_get_state_flags (title) & GTK_STATE_FLAG_FOCUS_VISIBLE);
}

static void
test_sort_keeps_focus (void)
{
  IcWindow *window = new_window (1300, 850);

  assert_sort_keeps_focus (window, "matrix", GTK_WIDGET (window->matrix_view));
  assert_sort_keeps_focus (window, "reports", GTK_WIDGET (window->reports_view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1100 pixels the filter bar's controls fit one line if the search
 * entry gives up some of its width: Clear Filters is not wrapped onto a
 * line of its own. */
static void
test_filter_bar_one_line (void)
{
  IcWindow *window = new_window (1100, 700);
  GtkWidget *bar = GTK_WIDGET (window->filter_bar);
  GtkWidget *entry = find_by_id (window, "search_entry");
  GtkWidget *clear = NULL;
  graphene_rect_t entry_bounds, clear_bounds;

  for (GtkWidget *c = gtk_widget_get_first_child (bar); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_ACTIONABLE (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), "filter.clear") == 0)
      clear = c;
  g_assert_nonnull (clear);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1100);
  g_assert_true (gtk_widget_compute_bounds (entry, bar, &entry_bounds));
  g_assert_true (gtk_widget_compute_bounds (clear, bar, &clear_bounds));
  g_assert_cmpfloat (clear_bounds.origin.y, <, entry_bounds.origin.y + entry_bounds.size.height);
  g_assert_cmpfloat (clear_bounds.origin.x + clear_bounds.size.width, <=, gtk_widget_get_width (bar));
  /* Narrowed, not gone: room to type in. */
  g_assert_cmpfloat (entry_bounds.size.width, >=, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
row_subtitled (GtkWidget  *widget,
               const char *title,
               const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0 &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (row_subtitled (c, title, subtitle))
      return TRUE;
  return FALSE;
}

/* A report page gives each judgement's PDF page, to check the grade
 * against the report; a grade printed under its own label says both. */
static void
test_judgement_pages (void)
{
  IcWindow *window = new_window (1300, 850);
  IcReport *report = _ic_report_new ("/adaptive/paged.pdf");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) end = g_date_new_dmy (10, 3, 2022);
  g_autoptr(IcJudgement) overall = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS,
                                                     ic_area_to_label (IC_AREA_OVERALL_EFFECTIVENESS),
                                                     IC_GRADE_GOOD, 2);
  g_autoptr(IcJudgement) leadership = ic_judgement_new (IC_AREA_LEADERSHIP,
                                                        "The impact of leaders on social work practice",
                                                        IC_GRADE_OUTSTANDING, 3);

  _ic_report_set_content_id (report, "/adaptive/paged.pdf");
  _ic_report_set_authority (report, "Trafford");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_end_date (report, end);
  _ic_report_add_judgement (report, overall);
  _ic_report_add_judgement (report, leadership);
  g_ptr_array_add (batch, report);
  ic_report_store_add_batch (window->store, batch);
  ic_reports_view_show_report (window->reports_view, report);
  wait_ms (200);

  g_assert_true (row_subtitled (GTK_WIDGET (window->reports_view),
                                ic_area_to_label (IC_AREA_OVERALL_EFFECTIVENESS), "page 2"));
  g_assert_true (row_subtitled (GTK_WIDGET (window->reports_view), ic_area_to_label (IC_AREA_LEADERSHIP),
                                "The impact of leaders on social work practice · page 3"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A report's details and full text share the width by a handle the
 * user drags (a GtkPaned), and the details keep the width dragged to. */
static void
test_report_panes_resize (void)
{
  IcWindow *window = new_window (1300, 850);
  IcReport *report = ic_report_store_get_report (window->store, 0);
  IcFoldPaned *panes;
  GtkPaned *paned;
  GtkWidget *details;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  ic_reports_view_show_report (window->reports_view, report);
  wait_ms (300);
  panes = IC_FOLD_PANED (find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_FOLD_PANED));
  g_assert_nonnull (panes);
  paned = ic_fold_paned_get_paned (panes);
  details = gtk_paned_get_start_child (paned);
  g_assert_false (ic_fold_paned_get_folded (panes));
  g_assert_true (gtk_widget_get_visible (details));
  g_assert_true (gtk_widget_get_visible (gtk_paned_get_end_child (paned)));

  /* As a drag of the handle sets it. */
  gtk_paned_set_position (paned, 700);
  wait_ms (200);
  g_assert_cmpint (gtk_widget_get_width (details), ==, 700);
  gtk_paned_set_position (paned, 450);
  wait_ms (200);
  g_assert_cmpint (gtk_widget_get_width (details), ==, 450);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 850);
  wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (details), ==, 450);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  IcFoldPaned *panes;
  GtkWidget   *shown;   /* the pane to show when folded, or NULL */
  gboolean     folded;
} FoldState;

/* The panes have taken @state's fold and shown its pane; the window
 * manager and a busy machine decide when, so tests wait for it rather
 * than for a fixed time. */
static gboolean
fold_reached (gpointer data)
{
  FoldState *state = data;
  GtkWidget *start = ic_fold_paned_get_start_child (state->panes);
  GtkWidget *end = ic_fold_paned_get_end_child (state->panes);

  if (ic_fold_paned_get_folded (state->panes) != state->folded)
    return FALSE;
  if (!state->folded)
    return gtk_widget_get_visible (start) && gtk_widget_get_visible (end);
  return gtk_widget_get_visible (state->shown)
         && !gtk_widget_get_visible (state->shown == start ? end : start)
         && gtk_widget_get_width (state->shown) >= 440;
}

/* The page's "Full Text" button, which shows the text pane when folded. */
static gboolean
full_text_button_shown (gpointer data)
{
  GtkWidget *panes = data;
  GtkWidget *page = gtk_widget_get_ancestor (panes, IC_TYPE_REPORT_PAGE);
  GtkWidget *button = find_widget_with_tooltip (page, "Show the report's full text");

  return ic_fold_paned_get_folded (IC_FOLD_PANED (panes)) && button != NULL &&
         gtk_widget_get_visible (button) && gtk_widget_get_mapped (button);
}

/* A report's page folding as the window narrows shows "Full Text" in its
 * header; the header was drawn unallocated for a frame as it did (a
 * warning, fatal here). */
static void
test_report_page_folds (void)
{
  IcWindow *window = new_window (1300, 850);
  IcReport *report = ic_report_store_get_report (window->store, 0);
  GtkWidget *panes;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  ic_reports_view_show_report (window->reports_view, report);
  wait_ms (300);
  panes = find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_FOLD_PANED);
  g_assert_false (ic_fold_paned_get_folded (IC_FOLD_PANED (panes)));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 600);
  g_assert_true (run_until (full_text_button_shown, panes));
  wait_ms (300);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Narrower than both panes at their smallest, one pane at a time: the
 * one asked for; wider again, both. */
static void
test_fold_paned_folds (void)
{
  GtkWidget *window = gtk_window_new ();
  IcFoldPaned *panes = g_object_new (IC_TYPE_FOLD_PANED, NULL);
  GtkWidget *start = gtk_label_new ("details");
  GtkWidget *end = gtk_label_new ("text");
  FoldState state = { panes, start, TRUE };
  int min;

  gtk_widget_set_size_request (start, 300, 100);
  gtk_widget_set_size_request (end, 300, 100);
  ic_fold_paned_set_start_child (panes, start);
  ic_fold_paned_set_end_child (panes, end);
  gtk_widget_measure (GTK_WIDGET (panes), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, ==, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panes));
  gtk_window_set_default_size (GTK_WINDOW (window), 450, 200);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (fold_reached, &state));

  state.shown = end;
  ic_fold_paned_set_visible_child (panes, end);
  g_assert_true (run_until (fold_reached, &state));

  state.folded = FALSE;
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 200);
  g_assert_true (run_until (fold_reached, &state));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The line under the timeline's caption that explains the marks (the
 * chart's first line, drawn from its left edge) starts where the
 * caption does, wide or narrow. */
static void
test_timeline_note_aligned (void)
{
  static const int sizes[][2] = { { 1300, 850 }, { 800, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      IcWindow *window = new_window (sizes[i][0], sizes[i][1]);
      GtkWidget *view = GTK_WIDGET (window->timeline_view);
      GtkWidget *chart = find_child_of_type (view, IC_TYPE_CHART_WIDGET);
      /* The view's first label. */
      GtkWidget *caption = find_child_of_type (view, GTK_TYPE_LABEL);
      graphene_rect_t chart_box, caption_box;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
      wait_ms (300);
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (caption)), "Improvement areas raised"));
      g_assert_true (gtk_widget_compute_bounds (chart, view, &chart_box));
      g_assert_true (gtk_widget_compute_bounds (caption, view, &caption_box));
      g_assert_cmpfloat (caption_box.origin.x, >, 0);
      g_assert_cmpfloat (chart_box.origin.x, ==, caption_box.origin.x);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The authority search's placeholder shows whole even when the filter
 * bar narrows the entry to its least, which it does at 800 px (and
 * 1100 px) to keep its other controls in sight. */
static void
test_search_placeholder_whole (void)
{
  IcWindow *window = new_window (1300, 850);
  GtkWidget *entry = find_by_id (window, "search_entry");
  GtkWidget *text = find_child_of_type (entry, GTK_TYPE_TEXT);
  /* GtkText's placeholder: the one label inside the entry. */
  GtkWidget *placeholder = find_child_of_type (entry, GTK_TYPE_LABEL);
  int entry_min, needed, room;

  g_assert_nonnull (placeholder);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==,
                   gtk_text_get_placeholder_text (GTK_TEXT (text)));
  gtk_widget_measure (entry, GTK_ORIENTATION_HORIZONTAL, -1, &entry_min, NULL, NULL, NULL);
  gtk_widget_measure (placeholder, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &needed, NULL, NULL);
  /* The placeholder's room shrinks as the entry does, pixel for pixel. */
  room = gtk_widget_get_width (placeholder) - (gtk_widget_get_width (entry) - entry_min);
  g_assert_cmpint (needed, <=, room);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/filter-bar/compare-with", test_compare_with);
  g_test_add_func ("/ui/charts/history-follows-peers", test_history_follows_peers);
  g_test_add_func ("/ui/window/narrow", test_narrow_window);
  g_test_add_func ("/ui/report-page/folds", test_report_page_folds);
  g_test_add_func ("/ui/window/toast-above-switcher-bar", test_toast_above_switcher_bar);
  g_test_add_func ("/ui/window/no-switcher-bar-when-empty", test_no_switcher_bar_when_empty);
  g_test_add_func ("/ui/matrix/pinned-authority", test_pinned_authority);
  g_test_add_func ("/ui/matrix/corrected-mark", test_corrected_mark);
  g_test_add_func ("/ui/timeline/at-scale", test_timeline_at_scale);
  g_test_add_func ("/ui/timeline/note-aligned", test_timeline_note_aligned);
  g_test_add_func ("/ui/charts/as-tables", test_charts_as_tables);
  g_test_add_func ("/ui/timeline/no-false-empty", test_no_false_empty);
  g_test_add_func ("/ui/timeline/stale-chart-marked", test_stale_chart_marked);
  g_test_add_func ("/ui/charts/kind-property", test_chart_kind_property);
  g_test_add_func ("/ui/window/back-returns", test_back_returns);
  g_test_add_func ("/ui/window/dialog-focus-returns", test_dialog_focus_returns);
  g_test_add_func ("/ui/matrix/sort-keeps-focus", test_sort_keeps_focus);
  g_test_add_func ("/ui/filter-bar/one-line-at-1100", test_filter_bar_one_line);
  g_test_add_func ("/ui/filter-bar/search-placeholder-whole", test_search_placeholder_whole);
  g_test_add_func ("/ui/report-page/judgement-pages", test_judgement_pages);
  g_test_add_func ("/ui/report-page/panes-resize", test_report_panes_resize);
  g_test_add_func ("/ui/fold-paned/folds", test_fold_paned_folds);

  return g_test_run ();
}
