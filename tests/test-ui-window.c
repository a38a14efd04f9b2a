/* test-ui-window.c: the window, its views, filters and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-authorities.h"
#include "ic-corrections.h"
#include "ic-chart-private.h"
#include "ic-chart-widget.h"
#include "ic-correction-widgets.h"
#include "ic-failure.h"
#include "ic-grade-cell.h"
#include "ic-failures-dialog.h"
#include "ic-loader.h"
#include "ic-timeline-view.h"
#include "ic-matrix-view.h"
#include "ic-pages.h"
#include "ic-passage-text.h"
#include "ic-search-index.h"
#include "ic-search-view.h"
#include "ic-print-operation.h"
#include "ic-report-filter.h"
#include "ic-report-page.h"
#include "ic-report-private.h"
#include "ic-reports-view.h"
#include "ic-row-feed.h"
#include "ic-text-cell.h"
#include "ic-themes.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-sheet.h"
#include "ic-test-util.h"
#include "ic-ui-util.h"
#include "ic-window-private.h"

/* Made-up reports: the shapes of real ones, none of their text. */
static IcReport *
make_report (const char       *source,
             const char       *authority,
             IcInspectionType  type,
             guint             day,
             GDateMonth        month,
             guint             year,
             IcGrade           overall)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (day, month, year);
  g_autoptr(IcImprovement) item = NULL;

  _ic_report_set_content_id (report, source);
  _ic_report_set_authority (report, authority);
  _ic_report_set_authority_as_printed (report, authority);
  _ic_report_set_inspection_type (report, type);
  _ic_report_set_title (report, "Inspection of a local authority");
  _ic_report_set_end_date (report, end);
  if (overall != IC_GRADE_NONE)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS,
                                                   "Overall effectiveness", overall, 0);
      g_autoptr(IcJudgement) k = ic_judgement_new (IC_AREA_CHILDREN_IN_CARE,
                                                   "Children in care", overall, 0);

      _ic_report_add_judgement (report, j);
      _ic_report_add_judgement (report, k);
    }
  item = ic_improvement_new_with_themes ("The quality of plans for children.",
                                         IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                         (const char *[]) { "plans_and_planning", NULL });
  _ic_report_add_improvement (report, item);
  {
    const char *pages[] = { "Page one mentions planning.", "Planning again on page two.", NULL };
    _ic_report_set_pages (report, pages);
  }
  return report;
}

static void
fill_store (IcReportStore *store)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (reports, make_report ("/r/richmond-2022.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                         IC_GRADE_GOOD));
  g_ptr_array_add (reports, make_report ("/r/richmond-2024.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_JTAI, 19, G_DATE_JULY, 2024,
                                         IC_GRADE_NONE));
  g_ptr_array_add (reports, make_report ("/r/richmond-2018.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_ILACS, 9, G_DATE_MARCH, 2018,
                                         IC_GRADE_REQUIRES_IMPROVEMENT));
  g_ptr_array_add (reports, make_report ("/r/greenwich-2019.txt", "Greenwich",
                                         IC_INSPECTION_TYPE_ILACS, 13, G_DATE_DECEMBER, 2019,
                                         IC_GRADE_INADEQUATE));
  g_ptr_array_add (reports, make_report ("/r/redbridge-2012.txt", "Redbridge",
                                         IC_INSPECTION_TYPE_CHILD_PROTECTION, 17, G_DATE_OCTOBER,
                                         2012, IC_GRADE_ADEQUATE));
  /* Lewisham is one of Greenwich's statistical neighbours; Norfolk is
   * outside London. */
  g_ptr_array_add (reports, make_report ("/r/lewisham-2021.txt", "Lewisham",
                                         IC_INSPECTION_TYPE_ILACS, 3, G_DATE_JUNE, 2021,
                                         IC_GRADE_GOOD));
  g_ptr_array_add (reports, make_report ("/r/norfolk-2013.txt", "Norfolk",
                                         IC_INSPECTION_TYPE_LOOKED_AFTER_CHILDREN, 20,
                                         G_DATE_SEPTEMBER, 2013, IC_GRADE_INADEQUATE));
  ic_report_store_add_batch (store, reports);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_filter_criteria (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  IcReportFilter *filter = ic_report_filter_new ();
  g_autoptr(GtkFilterListModel) filtered = NULL;
  guint notified = 0;

  fill_store (store);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        GTK_FILTER (g_object_ref (filter)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);
  g_assert_false (ic_report_filter_is_active (filter));

  g_signal_connect (filter, "notify::search", G_CALLBACK (count_notify_cb), &notified);
  ic_report_filter_set_search (filter, "RICHMOND");
  ic_report_filter_set_search (filter, "richmond");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 3);

  ic_report_filter_set_type_key (filter, "ilacs");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 2);

  ic_report_filter_set_from_year (filter, 2020);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 1);

  ic_report_filter_reset (filter);
  g_assert_false (ic_report_filter_is_active (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);
  ic_report_filter_set_to_year (filter, 2019);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 4);
  ic_report_filter_set_to_year (filter, 0);

  /* Region and peer group come from the authority data. */
  ic_report_filter_set_region (filter, "London");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 6);
  ic_report_filter_set_region (filter, NULL);

  /* A peer group is the authority with its statistical neighbours. */
  ic_report_filter_set_peer (filter, "Greenwich");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 2);
  ic_report_filter_set_peer (filter, "");
  g_assert_null (ic_report_filter_get_peer (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);

  g_clear_object (&filtered);
  g_assert_finalize_object (filter);
}

static void
test_cell_description (void)
{
  g_autoptr(IcReport) report = make_report ("/r/x.txt", "Richmond upon Thames",
                                            IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                            IC_GRADE_GOOD);
  g_autoptr(IcReport) visit = make_report ("/r/y.txt", "Greenwich", IC_INSPECTION_TYPE_FOCUSED_VISIT,
                                           1, G_DATE_MAY, 2021, IC_GRADE_NONE);
  /* Judged under the 2023 framework, which grades care leavers apart: a
   * missing care leavers' grade is not "part of children in care". */
  g_autoptr(IcReport) later = make_report ("/r/z.txt", "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           8, G_DATE_MARCH, 2024, IC_GRADE_GOOD);
  g_autofree char *text = ic_ui_cell_description (report, IC_AREA_OVERALL_EFFECTIVENESS);
  g_autofree char *later_care_leavers = NULL;
  g_autofree char *care_leavers = NULL;
  g_autofree char *not_graded = NULL;
  IcGrade grade;

  g_assert_cmpstr (text, ==,
                   "Richmond upon Thames, Overall effectiveness, Good, inspection ended 4 February 2022");
  care_leavers = ic_ui_cell_text (report, IC_AREA_CARE_LEAVERS, &grade);
  g_assert_cmpstr (care_leavers, ==, "Part of children in care");
  later_care_leavers = ic_ui_cell_text (later, IC_AREA_CARE_LEAVERS, &grade);
  g_assert_cmpstr (later_care_leavers, ==, "—");
  not_graded = ic_ui_cell_text (visit, IC_AREA_OVERALL_EFFECTIVENESS, &grade);
  g_assert_cmpstr (not_graded, ==, "Not graded");
}

/* A page's text is shown from its first line with text to its last. */
static void
test_trim_blank_lines (void)
{
  struct { const char *in, *out; } cases[] = {
    { "\n\n  \n   Indented first line\nsecond\n\n \n", "   Indented first line\nsecond" },
    { "No blank lines", "No blank lines" },
    { "\r\n\t\r\nWindows\r\n\r\n", "Windows" },
    { " \n \n", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len;
      const char *start = ic_ui_trim_blank_lines (cases[i].in, &len);
      g_autofree char *got = g_strndup (start, len);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static IcWindow *
new_window_with_reports (void)
{
  IcWindow *window = ic_window_new (NULL);

  fill_store (ic_window_get_store (window));
  return window;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_links (GtkWidget  *widget,
             const char *prefix)
{
  guint n = 0;

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "recurrence-link") &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), prefix))
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_links (c, prefix);
  return n;
}

static void
test_views_follow_filter (void)
{
  IcWindow *window = new_window_with_reports ();
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window),
                                                                 IC_TYPE_REPORTS_VIEW));
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (ic_window_get_reports (window));
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (filtered));

  ic_report_filter_reset (filter);
  ic_matrix_view_set_latest_only (matrix, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 7);

  /* Latest: one row per authority, and for Richmond the 2022 inspection,
   * not the later ungraded JTAI letter. */
  ic_matrix_view_set_latest_only (matrix, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (ic_matrix_view_get_rows (matrix), i);

      if (g_str_equal (ic_report_get_authority (r), "Richmond upon Thames"))
        g_assert_cmpstr (ic_report_get_source (r), ==, "/r/richmond-2022.txt");
    }

  ic_report_filter_set_search (filter, "green");
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 1);
  ic_report_filter_reset (filter);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 7);

  /* Activating a matrix cell opens that report on the Reports page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  g_assert_nonnull (ic_reports_view_get_report (reports));
  g_assert_cmpstr (ic_report_get_source (ic_reports_view_get_report (reports)), ==,
                   "/r/greenwich-2019.txt");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_report_page_find (void)
{
  g_autoptr(IcReport) report = make_report ("/r/x.txt", "Richmond upon Thames",
                                            IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                            IC_GRADE_GOOD);
  IcReportPage *page = g_object_ref_sink (g_object_new (IC_TYPE_REPORT_PAGE, NULL));

  ic_report_page_set_report (page, report);
  g_assert_true (ic_report_page_get_report (page) == report);
  g_assert_cmpuint (ic_report_page_find (page, "planning"), ==, 2);
  g_assert_cmpuint (ic_report_page_find (page, "absent words"), ==, 0);
  g_assert_finalize_object (page);
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* cairo writes page objects uncompressed: "/Type /Page" not followed by "s". */
  for (gsize i = 0; i + 12 < len; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      n++;
  return n;
}

static void
export_print (GListModel   *reports,
              IcPrintScope  scope,
              const char   *path)
{
  IcPrintOperation *operation = ic_print_operation_new (reports, NULL, scope);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_finalize_object (operation);
}

static void
export_report_print (GListModel *reports,
                     IcReport   *report,
                     const char *path)
{
  IcPrintOperation *operation = ic_print_operation_new (reports, NULL, IC_PRINT_SCOPE_REPORTS);
  g_autoptr(GError) error = NULL;

  ic_print_operation_set_report (operation, report);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_finalize_object (operation);
}

/* The Reports tab prints what it shows: the list, one row a report, or
 * the open report's page with its judgements, items, themes and
 * strengths, corrected values marked. */
static void
test_print_reports_tab (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GListStore) many = g_list_store_new (IC_TYPE_REPORT);
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *list = g_build_filename (dir, "list.pdf", NULL);
  g_autofree char *long_list = g_build_filename (dir, "long-list.pdf", NULL);
  g_autofree char *page = g_build_filename (dir, "page.pdf", NULL);
  IcReport *report;

  fill_store (store);
  report = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  {
    /* A published report changes only by a swap of its value. */
    g_autoptr(IcReport) draft = _ic_report_edit (report);

    _ic_report_add_strength (draft, "Made-up strength: leaders know their services well.");
    _ic_report_mark_corrected (draft, "grade.overall_effectiveness");
    _ic_report_commit (report, draft);
  }
  {
    g_autoptr(IcSheet) sheet = ic_sheet_new_report (report);
    g_autofree char *text = ic_sheet_to_text (sheet);

    g_assert_nonnull (strstr (text, "Greenwich\n"));
    g_assert_nonnull (strstr (text, "Overall effectiveness\tInadequate (corrected)"));
    g_assert_nonnull (strstr (text, "1. The quality of plans for children."));
    g_assert_nonnull (strstr (text, "Themes: Plans and planning"));
    g_assert_nonnull (strstr (text, "• Made-up strength"));
    g_assert_cmpuint (ic_sheet_paginate (sheet, IC_A4_WIDTH - 72, IC_A4_HEIGHT - 72), ==, 1);
  }
  {
    g_autoptr(IcSheet) sheet = ic_sheet_new_list (G_LIST_MODEL (store));
    g_autofree char *text = ic_sheet_to_text (sheet);

    g_assert_nonnull (strstr (text, "7 inspection reports\n"));
    g_assert_nonnull (strstr (text, "Norfolk\tLooked after children"));
  }

  export_report_print (G_LIST_MODEL (store), NULL, list);
  g_assert_cmpuint (count_pdf_pages (list), ==, 1);
  export_report_print (G_LIST_MODEL (store), report, page);
  g_assert_cmpuint (count_pdf_pages (page), ==, 1);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/%u.txt", i);
      g_autoptr(IcReport) r = make_report (source, "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           1, G_DATE_MAY, 2010 + i % 15, IC_GRADE_GOOD);
      g_list_store_append (many, r);
    }
  export_report_print (G_LIST_MODEL (many), NULL, long_list);
  g_assert_cmpuint (count_pdf_pages (long_list), >, 3);

  g_unlink (list);
  g_unlink (long_list);
  g_unlink (page);
  g_rmdir (dir);
}

static void
test_print_export (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GListStore) many = g_list_store_new (IC_TYPE_REPORT);
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *small = g_build_filename (dir, "small.pdf", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *big = g_build_filename (dir, "big.pdf", NULL);

  fill_store (store);
  export_print (G_LIST_MODEL (store), IC_PRINT_SCOPE_MATRIX, small);
  g_assert_cmpuint (count_pdf_pages (small), ==, 1);

  /* The pack prints the pages the render library lays out for A4. */
  {
    g_autoptr(IcPages) pages = ic_pages_paginate (G_LIST_MODEL (store), NULL, NULL,
                                                  IC_A4_WIDTH, IC_A4_HEIGHT);

    g_assert_cmpuint (ic_pages_get_n_pages (pages), >, 2);
    export_print (G_LIST_MODEL (store), IC_PRINT_SCOPE_PACK, pack);
    g_assert_cmpuint (count_pdf_pages (pack), ==, ic_pages_get_n_pages (pages));
  }

  /* 200 rows do not fit one A4 landscape page: the table carries on. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/%u.txt", i);
      g_autoptr(IcReport) r = make_report (source, "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           1, G_DATE_MAY, 2010 + i % 15, IC_GRADE_GOOD);
      g_list_store_append (many, r);
    }
  export_print (G_LIST_MODEL (many), IC_PRINT_SCOPE_MATRIX, big);
  g_assert_cmpuint (count_pdf_pages (big), >, 3);

  g_unlink (small);
  g_unlink (pack);
  g_unlink (big);
  g_rmdir (dir);
}

static void
test_export (void)
{
  IcWindow *window = new_window_with_reports ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-XXXXXX", NULL);
  const char *names[] = { "m.csv", "m-improvements.csv", "all.json", "pack.pdf", "pack-summary.pdf" };
  g_autoptr(GError) error = NULL;
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window))));

  /* Exports follow the filters, like every view. */
  ic_report_filter_reset (filter);
  ic_report_filter_set_search (filter, "richmond");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (_ic_window_export (window, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      if (i == 0)
        {
          g_assert_true (g_str_has_prefix (contents, "authority,inspection_type,"));
          g_assert_cmpuint (g_strv_length (lines), >=, 4);    /* header + 3 Richmond reports */
          g_assert_null (strstr (contents, "Greenwich"));
        }
      else if (i == 1)
        g_assert_true (g_str_has_prefix (contents, "authority,inspection_type,end_date,index,"));
      else if (i == 2)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root;

          g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
          root = json_node_get_object (json_parser_get_root (parser));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reports")),
                            ==, 3);
        }
      else
        {
          /* A name ending -summary.pdf is the short pack. */
          IcPackOptions options = { .summary = i == 4 };
          g_autoptr(IcPages) pages = ic_pages_paginate (ic_window_get_reports (window), NULL, &options,
                                                        IC_A4_WIDTH, IC_A4_HEIGHT);

          g_assert_cmpuint (count_pdf_pages (path), ==, ic_pages_get_n_pages (pages));
        }
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Wakes the main loop now and then so that deadlines are checked. */
static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A correction changes the report everywhere, is saved outside the
 * report folders, and Undo puts the parsed value back. */
static void
test_correction_undo (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");
  g_autofree char *path = ic_corrections_get_default_path ();

  g_assert_nonnull (report);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", "grade.overall_effectiveness", "good");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (report),
                                  "grade.overall_effectiveness"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_str_has_prefix (path, "/r/"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Activates what the window's Ctrl+@keyval shortcut does, as a key
 * press that no focused widget took would. */
static gboolean
press_window_shortcut (GtkWidget *window,
                       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static void
spin_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* Ctrl+Z undoes the last correction and says so in a toast that takes
 * the place of the correction's own. */
static void
test_correction_undo_shortcut (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");

  g_assert_nonnull (report);
  gtk_window_present (GTK_WINDOW (window));
  spin_ms (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", "grade.overall_effectiveness", "good");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  spin_ms (300);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Correction saved"));

  g_assert_true (press_window_shortcut (GTK_WIDGET (window), GDK_KEY_z));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);
  spin_ms (600);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Correction undone"));
  g_assert_false (has_label (GTK_WIDGET (window->toast_overlay), "Correction saved"));

  /* Nothing left: the grade stays, and the toast says why. */
  g_assert_true (press_window_shortcut (GTK_WIDGET (window), GDK_KEY_z));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);
  spin_ms (600);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Nothing to undo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
page_says (GtkWidget  *widget,
           const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (page_says (c, text))
      return TRUE;
  return FALSE;
}

static guint
count_revert_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 "win.revert-correction") == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_revert_buttons (c);
  return n;
}

static void
correct (IcWindow   *window,
         const char *field,
         const char *value)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", field, value);
}

/* Authority, kind, dates and an item's themes are corrected through the
 * same actions as grades: each shows on the report page as corrected,
 * each can be undone, and each can be reverted to the parsed value. */
static void
test_correct_every_field (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportStore *store = ic_window_get_store (window);
  IcReport *report = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_autoptr(IcImprovement) item = NULL;
  g_autoptr(GDate) parsed_end = g_date_new_dmy (13, G_DATE_DECEMBER, 2019);
  g_autoptr(GDate) start = g_date_new_dmy (2, G_DATE_DECEMBER, 2019);
  g_autofree char *themes_field = ic_ui_themes_field (0);

  g_assert_nonnull (report);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);

  /* Authority: Bexley, one of the authorities the app knows. */
  correct (window, "authority", "Bexley");
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Bexley");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == report);
  g_assert_true (page_says (reports, "Bexley · corrected by you"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Greenwich");
  g_assert_false (page_says (reports, "Bexley · corrected by you"));
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);

  /* Kind of inspection, then revert to what was read. */
  correct (window, "inspection_type", ic_inspection_type_to_key (IC_INSPECTION_TYPE_SIF));
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SIF);
  g_assert_cmpuint (count_revert_buttons (reports), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "inspection_type");
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_ILACS);
  /* …and Undo of the revert brings the correction back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SIF);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "inspection_type");

  /* Dates. */
  correct (window, "start_date", "2019-12-02");
  correct (window, "end_date", "2019-12-14");
  g_assert_cmpint (g_date_compare (ic_report_get_start_date (report), start), ==, 0);
  g_assert_cmpint (g_date_get_day (ic_report_get_end_date (report)), ==, 14);
  g_assert_cmpuint (count_revert_buttons (reports), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (g_date_compare (ic_report_get_end_date (report), parsed_end), ==, 0);
  g_assert_cmpint (g_date_compare (ic_report_get_start_date (report), start), ==, 0);

  /* An item's themes: add one, remove the first. */
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_false (ic_improvement_has_theme (item, "workforce"));
  correct (window, themes_field, "plans_and_planning,workforce");
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_true (ic_improvement_has_theme (item, "workforce"));
  g_assert_true (page_says (reports, "Corrected by you"));
  correct (window, themes_field, "workforce");
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_cmpstr (ic_improvement_get_main_theme (item), ==, "workforce");
  g_assert_false (ic_improvement_has_theme (item, "plans_and_planning"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_true (ic_improvement_has_theme (item, "plans_and_planning"));
  g_assert_true (ic_improvement_has_theme (item, "workforce"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", themes_field);
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_false (ic_improvement_has_theme (item, "workforce"));

  /* Not a theme: the window says why and changes nothing. */
  correct (window, themes_field, "no_such_theme");
  g_assert_false (ic_improvement_has_theme (item, "no_such_theme"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "start_date");
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Bexley 2018 and 2021, each with the same words about pre-proceedings
 * (item 1): any matcher links them. */
static IcWindow *
new_window_with_chain (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct { const char *source; IcInspectionType type; guint year; } made[] = {
    { "/r/bexley-2018.txt", IC_INSPECTION_TYPE_ILACS, 2018 },
    { "/r/bexley-2021.txt", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2021 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      IcReport *report = make_report (made[i].source, "Bexley", made[i].type, 10, G_DATE_MAY, made[i].year,
                                      made[i].type == IC_INSPECTION_TYPE_ILACS ? IC_GRADE_GOOD : IC_GRADE_NONE);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of pre-proceedings work under the "
                                        "public law outline, so that children do not wait.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { "permanence_and_adoption", NULL });

      g_autofree char *content_id = g_strdup_printf ("bexley%u", made[i].year);

      /* Content ids are hashes, with no dot to split a field name at. */
      _ic_report_set_content_id (report, content_id);
      _ic_report_add_improvement (report, item);
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

static void
collect_by_class (GtkWidget  *widget,
                  const char *css_class,
                  GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_by_class (c, css_class, found);
}

/* The Unlink button of the page whose correction names @field. */
static GtkWidget *
unlink_button_for (GtkWidget  *page,
                   const char *field)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_class (page, "recurrence-unlink", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, i));
      const char *id, *button_field;

      g_variant_get_child (target, 0, "&s", &id);
      g_variant_get_child (target, 1, "&s", &button_field);
      if (g_str_equal (button_field, field))
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

static guint
count_class (GtkWidget  *widget,
             const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_by_class (widget, css_class, found);
  return found->len;
}

/* "Since the … of …: N raised again, …" on the page: N. */
static guint
raised_again (GtkWidget *widget)
{
  const char *text;

  if (GTK_IS_LABEL (widget) && (text = gtk_label_get_label (GTK_LABEL (widget))) != NULL &&
      g_str_has_prefix (text, "Since the ") && strstr (text, " raised again") != NULL)
    {
      g_autofree char *head = g_strndup (text, strstr (text, " raised again") - text);

      return (guint) g_ascii_strtoull (strrchr (head, ' ') + 1, NULL, 10);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      guint n = raised_again (c);

      if (n != G_MAXUINT)
        return n;
    }
  return G_MAXUINT;
}

/* Links on the page whose label ends with @end. */
static guint
count_links_ending (GtkWidget  *widget,
                    const char *end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  guint n = 0;

  collect_by_class (widget, "recurrence-link", found);
  for (guint i = 0; i < found->len; i++)
    n += g_str_has_suffix (gtk_button_get_label (g_ptr_array_index (found, i)), end);
  return n;
}

static guint
timeline_links (IcWindow *window)
{
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  IcChartWidget *chart = IC_CHART_WIDGET (find_child_of_type (timeline, IC_TYPE_CHART_WIDGET));

  ic_chart_widget_update (chart);
  return ic_chart_widget_get_chart (chart)->links->len;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* The Same Area As menu of the page's item @index, opened: its entries'
 * correction fields and targets. */
static GVariant *
same_area_target (GtkWidget  *page,
                  guint       index,
                  const char *field)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GMenuModel *menu;

  collect_by_class (page, "recurrence-same-area", buttons);
  g_assert_cmpuint (buttons->len, >, index);
  gtk_menu_button_popup (g_ptr_array_index (buttons, index));
  menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, index));
  g_assert_nonnull (menu);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET,
                                                                             G_VARIANT_TYPE ("(sss)"));
          const char *entry_field;

          g_variant_get_child (target, 1, "&s", &entry_field);
          if (g_str_equal (entry_field, field))
            {
              gtk_menu_button_popdown (g_ptr_array_index (buttons, index));
              return g_steal_pointer (&target);
            }
        }
    }
  gtk_menu_button_popdown (g_ptr_array_index (buttons, index));
  return NULL;
}

/* Unlink on a recurrence link: the link leaves the page, the counts of
 * what changed and the timeline's joins follow, the correction is saved;
 * Undo brings it back; Same Area As links the pair again, as the user's
 * link, and its Unlink takes it back. */
static void
test_recurrence_unlink_relink (void)
{
  IcWindow *window = new_window_with_chain ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  IcReport *later = ic_report_store_find_content (ic_window_get_store (window), "bexley2021");
  const char *field = "improvements.1.recurs_from.bexley2018.1";
  g_autofree char *path = ic_corrections_get_default_path ();
  g_autoptr(GVariant) target = NULL;
  GtkWidget *unlink;
  guint links, raised, buttons;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* The corrections file outlives a run: start from the method's word. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "bexley2021", field);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/bexley-2021.txt");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == later);
  links = timeline_links (window);
  raised = raised_again (reports);
  buttons = count_class (reports, "recurrence-unlink");
  unlink = unlink_button_for (reports, field);
  g_assert_nonnull (unlink);
  g_assert_cmpuint (raised, >=, 1);
  g_assert_cmpuint (raised, !=, G_MAXUINT);

  /* Unlink: gone from the page, one fewer raised again, one step fewer
   * on the timeline, and saved. */
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_null (unlink_button_for (reports, field));
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, buttons - 1);
  g_assert_cmpuint (raised_again (reports), ==, raised - 1);
  g_assert_cmpuint (timeline_links (window), ==, links - 1);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (later), field));
  g_assert_true (file_contains (path, "recurs_from"));

  /* Undo: the link is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_nonnull (unlink_button_for (reports, field));
  g_assert_cmpuint (raised_again (reports), ==, raised);
  g_assert_cmpuint (timeline_links (window), ==, links);

  /* Unlinked again, the pair is offered by Same Area As; choosing it
   * links the items as the user's link. */
  g_assert_null (same_area_target (reports, 1, field));
  g_signal_emit_by_name (unlink_button_for (reports, field), "clicked");
  target = same_area_target (reports, 1, field);
  g_assert_nonnull (target);
  gtk_widget_activate_action_variant (reports, "win.correct", target);
  unlink = unlink_button_for (reports, field);
  g_assert_nonnull (unlink);
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 1);
  g_assert_cmpuint (raised_again (reports), ==, raised);

  /* The user's own link unlinks like any other, and stays unlinked
   * though the method would link the pair. */
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_null (unlink_button_for (reports, field));
  g_assert_cmpuint (raised_again (reports), ==, raised - 1);
  g_assert_true (file_contains (path, "different"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "bexley2021", field);
  g_assert_false (file_contains (path, "bexley2021"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a timeline mark lists the reports behind it, with links. */
static void
test_timeline_click (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  GtkWidget *chart = find_child_of_type (timeline, IC_TYPE_CHART_WIDGET);
  GtkWidget *list = find_child_of_type (timeline, GTK_TYPE_LIST_BOX);
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/richmond-2022.txt");
  IcChartHit hit = { .report = report, .authority = "Richmond upon Thames", .area = -1,
                     .theme = "plans_and_planning" };
  guint rows = 0;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  g_signal_emit_by_name (chart, "hit-activated", &hit);

  /* Richmond's three reports all raise plans and planning. */
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    rows++;
  g_assert_cmpuint (rows, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (IC_IS_GRADE_CELL (widget) && gtk_widget_has_css_class (widget, "grade-cell"))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_cells (c, cells);
}

/* Text cells compute their tooltip when asked: a tooltip set on every
 * bound cell asked the X server where the pointer was, once per cell. */
static guint
assert_text_cells_ask_for_tooltips (GtkWidget *widget)
{
  guint n = 0;

  if (IC_IS_TEXT_CELL (widget) && ic_text_cell_get_text (IC_TEXT_CELL (widget)) != NULL &&
      *ic_text_cell_get_text (IC_TEXT_CELL (widget)) != '\0')
    {
      g_assert_null (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_widget_get_has_tooltip (widget));
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += assert_text_cells_ask_for_tooltips (c);
  return n;
}

/* Tab goes from one judgement cell to the next, each named in full. */
static void
test_matrix_keyboard (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window),
                                                                IC_TYPE_REPORTS_VIEW));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  const char *description;
  IcReport *report;
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (200000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  collect_cells (matrix, cells);
  g_assert_cmpuint (cells->len, >=, 2);
  g_assert_cmpuint (assert_text_cells_ask_for_tooltips (matrix), >, 0);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (cells, 0)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (IC_IS_GRADE_CELL (focus) && gtk_widget_has_css_class (focus, "grade-cell"));
  g_assert_true (focus != g_ptr_array_index (cells, 0));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);

  /* Enter (the cell's activate signal) opens the cell's report. */
  g_assert_null (ic_reports_view_get_report (reports));
  g_assert_true (gtk_widget_activate (focus));
  report = ic_reports_view_get_report (reports);
  g_assert_nonnull (report);
  description = ic_grade_cell_get_description (IC_GRADE_CELL (focus));
  g_assert_nonnull (strstr (description, ic_report_get_authority (report)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses a key as GTK's capture phase would hand it to the grid view. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) &&
          gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static IcReport *
report_at (GListModel *rows,
           guint       position)
{
  g_autoptr(IcReport) report = g_list_model_get_item (rows, position);

  return report;
}

static GtkWidget *
focus_of (IcWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

/* The row of the focused grade cell, once the grid view has built it and
 * the cell has the focus (it may first scroll to the row). */
static IcMatrixRow *
wait_for_focused_row (IcWindow *window,
                      IcReport *report)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWidget *focus = focus_of (window);
      GtkWidget *row = focus ? gtk_widget_get_parent (focus) : NULL;

      if (IC_IS_MATRIX_ROW (row) && ic_matrix_row_get_report (IC_MATRIX_ROW (row)) == report)
        return IC_MATRIX_ROW (row);
      wait_frames (1);
    }
  return NULL;
}

/* The matrix is walked as a grid: arrows move a cell at a time, Home and
 * End to the row's ends, Ctrl+Home and Ctrl+End to the first and last
 * rows; Tab leaves it in one step, and enters it at the first row. */
static void
test_matrix_grid_keys (void)
{
  IcWindow *window = new_window_with_reports ();
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  GtkWidget *grid_view = find_child_of_type (GTK_WIDGET (matrix), GTK_TYPE_GRID_VIEW);
  GtkWidget *header = find_child_of_type (GTK_WIDGET (matrix), IC_TYPE_MATRIX_HEADER);
  GListModel *rows;
  GtkWidget *first, *row;

  ic_matrix_view_set_latest_only (matrix, FALSE);
  /* Earlier tests may have left another view to come back to. */
  adw_view_stack_set_visible_child_name (window->view_stack, "matrix");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 500);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (20);
  rows = ic_matrix_view_get_rows (matrix);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);

  /* Tab from the last column title: the first row's first grade. */
  for (int c = IC_MATRIX_N_COLUMNS - 1; c >= 0; c--)
    if (gtk_widget_get_child_visible (ic_matrix_header_get_button (IC_MATRIX_HEADER (header), c)))
      {
        g_assert_true (gtk_widget_grab_focus (ic_matrix_header_get_button (IC_MATRIX_HEADER (header), c)));
        break;
      }
  g_assert_true (press_key (header, GDK_KEY_Tab, 0));
  row = GTK_WIDGET (wait_for_focused_row (window, report_at (rows, 0)));
  g_assert_nonnull (row);
  first = focus_of (window);
  g_assert_true (first == ic_matrix_row_get_cell (IC_MATRIX_ROW (row), IC_MATRIX_COLUMN_FIRST_AREA));

  /* Right: the next shown area of the same row; Left back. */
  g_assert_true (press_key (grid_view, GDK_KEY_Right, 0));
  g_assert_true (gtk_widget_get_parent (focus_of (window)) == row);
  g_assert_true (focus_of (window) != first);
  g_assert_true (press_key (grid_view, GDK_KEY_Left, 0));
  g_assert_true (focus_of (window) == first);

  /* Down: the same column of the next row. */
  g_assert_true (press_key (grid_view, GDK_KEY_Down, 0));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 1)));
  g_assert_true (focus_of (window) == ic_matrix_row_get_cell (IC_MATRIX_ROW (gtk_widget_get_parent (focus_of (window))),
                                                              IC_MATRIX_COLUMN_FIRST_AREA));

  /* Ctrl+End: the last row; Ctrl+Home: the first cell again. */
  g_assert_true (press_key (grid_view, GDK_KEY_End, GDK_CONTROL_MASK));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 6)));
  g_assert_true (press_key (grid_view, GDK_KEY_Home, GDK_CONTROL_MASK));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 0)));
  g_assert_true (focus_of (window) == first);

  /* Tab leaves the grid: the focus is outside it, not on another cell. */
  g_assert_true (press_key (grid_view, GDK_KEY_Tab, 0));
  g_assert_nonnull (focus_of (window));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), grid_view));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard goes where the user went: Alt+1–4 into the view shown,
 * opening a report to its page, Back to where it was opened from. */
static void
test_focus_follows (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_get_report (ic_window_get_store (window), 0);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (10);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_assert_nonnull (focus_of (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->timeline_view)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->charts_view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", ic_report_get_source (report));
  page = find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_REPORT_PAGE);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), page));
  /* Back returns where the report was opened from: the charts. */
  gtk_widget_activate_action (GTK_WIDGET (window->reports_view), "reports.back", NULL);
  g_assert_nonnull (focus_of (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "charts");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->charts_view)));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), page));

  /* Opened from the list, Back returns to the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", ic_report_get_source (report));
  gtk_widget_activate_action (GTK_WIDGET (window->reports_view), "reports.back", NULL);
  g_assert_nonnull (focus_of (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->reports_view)));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), page));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint position, removed, added, n;
} Change;

static void
record_change_cb (GListModel *rows,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  *change = (Change) { position, removed, added, change->n + 1 };
}

static GtkStringObject *
string_at (GListModel *model,
           guint       position)
{
  GtkStringObject *item = g_list_model_get_item (model, position);

  g_object_unref (item);
  return item;
}

/* A row that another takes the place of (a provisional report replaced
 * by the whole one) is one change where it is: the view rebinds that row
 * in place instead of removing it and moving every row below twice. */
static void
test_row_feed_replace (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GListStore) source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(IcRowFeed) feed = ic_row_feed_new (widget, GTK_TYPE_STRING_OBJECT, NULL, NULL);
  g_autoptr(GtkStringObject) replacement = gtk_string_object_new ("c2");
  GListModel *rows = ic_row_feed_get_rows (feed);
  const char *names[] = { "a", "b", "c", "d", "e" };
  Change change = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (names[i]);
      g_list_store_append (source, item);
    }
  ic_row_feed_set_source (feed, G_LIST_MODEL (source));
  ic_row_feed_flush (feed);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);

  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change_cb), &change);
  g_list_store_splice (source, 2, 1, (gpointer *) &replacement, 1);
  ic_row_feed_flush (feed);
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (string_at (rows, 2) == replacement);

  /* Removing and adding rows still ends with the source's rows. */
  g_list_store_remove (source, 0);
  g_list_store_remove (source, 3);
  ic_row_feed_flush (feed);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (string_at (rows, i) == string_at (G_LIST_MODEL (source), i));

  g_signal_handlers_disconnect_by_func (rows, record_change_cb, &change);
  g_object_unref (widget);
}

/* A text cell is one line: it can shrink to "…", says when it is cut
 * short (its tooltip then shows the whole text) and names itself to a
 * screen reader with its text. */
static void
test_text_cell (void)
{
  GtkWidget *cell = g_object_ref_sink (ic_text_cell_new ());
  int min_width, nat_width, height, wide_height, dummy;

  ic_text_cell_set_text (IC_TEXT_CELL (cell), "Blackburn with Darwen Borough Council");
  g_assert_cmpstr (ic_text_cell_get_text (IC_TEXT_CELL (cell)), ==,
                   "Blackburn with Darwen Borough Council");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (nat_width, >, 4 * min_width);
  /* One line however narrow. */
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, min_width, &height, &dummy, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, nat_width, &wide_height, &dummy, NULL, NULL);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (height, ==, wide_height);

  gtk_widget_allocate (cell, nat_width / 3, height, -1, NULL);
  g_assert_true (ic_text_cell_is_cut (IC_TEXT_CELL (cell)));
  gtk_widget_allocate (cell, nat_width + 10, height, -1, NULL);
  g_assert_false (ic_text_cell_is_cut (IC_TEXT_CELL (cell)));
  g_object_unref (cell);
}

/* A grade wraps between words, never inside one, and grows taller when
 * its column is narrow. */
static void
test_grade_cell_size (void)
{
  GtkWidget *cell = g_object_ref_sink (ic_grade_cell_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("improvement"));
  int min_width, nat_width, word_width, one_line, narrow, dummy;

  ic_grade_cell_set_text (IC_GRADE_CELL (cell), "Requires improvement");
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &word_width, &dummy, NULL, NULL);
  g_assert_cmpint (min_width, >=, word_width);
  g_assert_cmpint (nat_width, >, min_width);

  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, 1000, &one_line, &dummy, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, min_width, &narrow, &dummy, NULL, NULL);
  g_assert_cmpint (one_line, >, 0);
  g_assert_cmpint (narrow, >=, 2 * one_line - 2);

  ic_grade_cell_set_description (IC_GRADE_CELL (cell), "Leadership: good");
  g_assert_cmpstr (ic_grade_cell_get_description (IC_GRADE_CELL (cell)), ==, "Leadership: good");
  g_object_unref (label);
  g_object_unref (cell);
}

/* The shortcuts window (shown by win.show-help-overlay) parses. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/InspectionCompare/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Details of "N files could not be read" name each file and reason. */
static void
test_failures_dialog (void)
{
  g_autoptr(GListStore) failures = g_list_store_new (IC_TYPE_FAILURE);
  g_autoptr(IcFailure) a = ic_failure_new ("/x/web-page.pdf", "not a PDF: it is a web page");
  g_autoptr(IcFailure) b = ic_failure_new ("/x/scan.pdf", "the PDF has no text");
  GtkWidget *dialog;
  GtkWidget *list;
  guint rows = 0;

  g_list_store_append (failures, a);
  g_list_store_append (failures, b);
  dialog = ic_failures_dialog_new (NULL, G_LIST_MODEL (failures), 3);
  list = find_child_of_type (dialog, GTK_TYPE_LIST_BOX);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    {
      g_assert_true (ADW_IS_ACTION_ROW (c));
      rows++;
    }
  g_assert_cmpuint (rows, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list))),
                   ==, "web-page.pdf");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "2 Files Could Not Be Read");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "These files were skipped. The other reports were read as usual.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Every file failed: the dialog must not speak of "the other reports". */
  dialog = ic_failures_dialog_new (NULL, G_LIST_MODEL (failures), 0);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "These files were skipped. No report could be read.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
wait_until_loaded (IcWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);

  /* Let the load start, then run the main loop as the app would. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (ic_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_assert_false (ic_window_get_loading (window));
}

static void
test_corpus (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *pdf = NULL;
  g_autofree char *bad = ic_test_fixture_path ("web-page-saved-as.pdf");
  IcWindow *window;
  IcMatrixView *matrix;
  IcReportsView *reports;
  GListModel *failures;
  GFile *files[3];
  gboolean named = FALSE;

  if (seeds == NULL)
    return;
  pdf = ic_test_corpus_path ("pdf");
  if (pdf == NULL)
    return;

  window = ic_window_new (NULL);
  matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));

  /* The same call Open Folder, drops and the command line make. */
  files[0] = g_file_new_for_path (seeds);
  files[1] = g_file_new_for_path (pdf);
  files[2] = g_file_new_for_path (bad);
  ic_window_open (window, files, 3);
  g_assert_true (ic_window_get_loading (window));
  wait_until_loaded (window);

  /* 5 seed texts and 11 PDFs, each its own report. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window))), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 16);
  ic_matrix_view_set_latest_only (matrix, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 16);

  failures = ic_report_store_get_failures (ic_window_get_store (window));
  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      g_test_message ("failure: %s: %s", ic_failure_get_source (failure),
                      ic_failure_get_reason (failure));
      if (g_str_has_suffix (ic_failure_get_source (failure), "web-page-saved-as.pdf"))
        named = ic_failure_get_reason (failure)[0] != '\0';
    }
  g_assert_true (named);

  /* Seed 001 raises seed 000's front-door point again (a recurrence): its
   * page links back to the earlier report. */
  {
    IcReportStore *store = ic_window_get_store (window);
    IcReport *later = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
      {
        IcReport *r = ic_report_store_get_report (store, i);

        if (strstr (ic_report_get_source (r), "001_") != NULL)
          later = r;
      }
    g_assert_nonnull (later);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                                ic_report_get_source (later));
    g_assert_true (ic_reports_view_get_report (reports) == later);
    g_assert_cmpuint (count_links (GTK_WIDGET (reports), "Raised before"), >, 0);
  }

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The rows a view shows: the matrix and the list are grid views. */
static GListModel *
shown_model (GtkWidget *view)
{
  GtkWidget *grid_view = find_child_of_type (view, GTK_TYPE_GRID_VIEW);

  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid_view)));
}

static guint
shown_rows (GtkWidget *view)
{
  return g_list_model_get_n_items (shown_model (view));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

/* Runs the main loop until @done or 60 s; returns @done. */
static gboolean
run_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (10);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  return done (data);
}

static gboolean
matrix_has_rows (gpointer matrix)
{
  return shown_rows (matrix) > 0;
}

static gboolean
matrix_complete (gpointer window)
{
  GtkWidget *matrix = find_child_of_type (window, IC_TYPE_MATRIX_VIEW);

  return shown_rows (matrix) == g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window)));
}

static gboolean
list_complete (gpointer list)
{
  return shown_rows (list) == g_list_model_get_n_items (
    ic_window_get_reports (IC_WINDOW (gtk_widget_get_root (list))));
}

static gboolean
timeline_has_links (gpointer widget)
{
  IcChart *chart = ic_chart_widget_get_chart (widget);

  return chart != NULL && chart->links->len > 0;
}

/* The whole corpus arriving in batches, as the loader hands it over:
 * each batch is one change of the store, the matrix shows rows while
 * more are still arriving and completes on its own, and the timeline's
 * recurrences are found off the main thread and then drawn. */
typedef struct
{
  guint ticks;
  guint until;
} FrameCount;

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ((FrameCount *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_passed (gpointer data)
{
  FrameCount *count = data;

  return count->ticks >= count->until;
}

static gboolean
view_complete (gpointer view)
{
  return shown_rows (view) == g_list_model_get_n_items (
    ic_window_get_reports (IC_WINDOW (gtk_widget_get_root (view))));
}

/* 900 made-up reports: six for each of 150 real authorities, so that
 * region and peer filters pick real groups. */
static void
fill_store_at_scale (IcReportStore *store)
{
  static const IcInspectionType types[] = {
    IC_INSPECTION_TYPE_ILACS, IC_INSPECTION_TYPE_FOCUSED_VISIT, IC_INSPECTION_TYPE_SIF,
    IC_INSPECTION_TYPE_JTAI, IC_INSPECTION_TYPE_MONITORING_VISIT, IC_INSPECTION_TYPE_ILACS,
  };
  static const IcGrade grades[] = {
    IC_GRADE_GOOD, IC_GRADE_NONE, IC_GRADE_INADEQUATE, IC_GRADE_NONE, IC_GRADE_NONE,
    IC_GRADE_OUTSTANDING,
  };
  GPtrArray *all = ic_authorities_get_all ();  /* owned by the authority table */
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_authorities = 0;

  for (guint i = 0; i < all->len && n_authorities < 150; i++)
    {
      const IcAuthority *authority = g_ptr_array_index (all, i);

      if (!ic_authority_is_current (authority))
        continue;
      n_authorities++;
      for (guint k = 0; k < G_N_ELEMENTS (types); k++)
        {
          g_autofree char *source = g_strdup_printf ("/scale/%u-%u.txt", i, k);

          g_ptr_array_add (reports, make_report (source, ic_authority_get_name (authority),
                                                 types[k], 1 + k, 1 + (i % 12),
                                                 2012 + (i + 3 * k) % 14, grades[k]));
        }
    }
  g_assert_cmpuint (reports->len, ==, 900);
  ic_report_store_add_batch (store, reports);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The rows a view shows are exactly those @filter lets through; with
 * @one_per_authority, one row for each authority among them. */
static void
assert_rows_exact (GtkWidget      *view,
                   IcReportStore  *store,
                   IcReportFilter *filter,
                   gboolean        one_per_authority)
{
  GListModel *shown = shown_model (view);
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) authorities = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_shown = g_list_model_get_n_items (shown);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);

      if (ic_report_filter_match_report (filter, report))
        {
          g_hash_table_add (expected, report);
          g_hash_table_add (authorities, (gpointer) ic_report_get_authority (report));
        }
    }
  g_assert_cmpuint (n_shown, ==, one_per_authority ? g_hash_table_size (authorities)
                                                   : g_hash_table_size (expected));
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (shown, i);

      g_assert_true (g_hash_table_contains (expected, report));
    }
}

/* After any filter change, the rows on screen are exactly the matching
 * ones after one turn of the main loop, in the matrix (all reports or
 * the latest of each authority) and in the list of reports, at the
 * scale of the national archive. */
static void
test_filter_exact_at_scale (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window))));
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GtkWidget *list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);

  ic_report_filter_reset (filter);
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  fill_store_at_scale (store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (widget_mapped, matrix));

  for (guint step = 0; step < 9; step++)
    {
      gboolean latest = step == 7;

      ic_report_filter_reset (filter);
      switch (step)
        {
        case 0: ic_report_filter_set_search (filter, "trafford"); break;
        case 1: ic_report_filter_set_region (filter, "London"); break;
        case 2: ic_report_filter_set_peer (filter, "Greenwich"); break;
        case 3: ic_report_filter_set_type_key (filter, "focused_visit"); break;
        case 4: ic_report_filter_set_from_year (filter, 2023); break;
        case 5: ic_report_filter_set_to_year (filter, 2015); break;
        case 6: ic_report_filter_set_region (filter, "North West");
                ic_report_filter_set_from_year (filter, 2020); break;
        default: break;
        }
      ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), latest);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
      g_main_context_iteration (NULL, FALSE);
      assert_rows_exact (matrix, store, filter, latest);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
      g_main_context_iteration (NULL, FALSE);
      assert_rows_exact (list, store, filter, FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c);
  return n;
}

/* GTK 4.8 restyles every row widget a list keeps on any change to it,
 * so the list of 900 reports keeps widgets only for about the rows on
 * screen (a GtkColumnView keeps 200 rows of cells: over 1,600 widgets). */
static void
test_reports_list_few_widgets (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  GtkWidget *scrolled = find_child_of_type (list, GTK_TYPE_SCROLLED_WINDOW);
  FrameCount frames = { 0, 0 };

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  g_assert_true (run_until (view_complete, list));
  frames.until = frames.ticks + 5;
  g_assert_true (run_until (frames_passed, &frames));

  g_assert_cmpuint (shown_rows (list), ==, 900);
  g_test_message ("%u widgets in the list", count_widgets (scrolled));
  g_assert_cmpuint (count_widgets (scrolled), <, 600);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void settle (void);

typedef struct
{
  gboolean painted;
} Painted;

static void
after_paint_cb (GdkFrameClock *clock,
                Painted       *painted)
{
  painted->painted = TRUE;
}

static gboolean
was_painted (gpointer data)
{
  return ((Painted *) data)->painted;
}

/* The status line under the search entry ("900 passages in 900 reports"). */
static GtkLabel *
find_status_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_status_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the core finds for @text in the window's reports, as the status
 * line words it. */
static char *
core_status (IcWindow   *window,
             const char *text)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (text);
  g_autoptr(GArray) hits = ic_search_run (ic_window_get_reports (window), query);
  g_autoptr(GHashTable) reports = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (reports, g_array_index (hits, IcSearchHit, i).report);
  return g_strdup_printf ("%u passages in %u reports", hits->len, g_hash_table_size (reports));
}

/* The first frame after a query shows that query's results: the count
 * the core finds, and on screen only passages of the new query, each
 * laid out; passages kept for rows off screen are not laid out (that is
 * what makes the first frame quick). */
static void
test_search_first_frame (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *list;
  GdkFrameClock *clock;
  Painted painted = { FALSE };
  g_autofree char *expected = NULL;
  graphene_rect_t shown;
  guint n_visible = 0, n_laid_out = 0, n_rows = 0;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "planning");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_LIST_VIEW);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  g_assert_true (run_until (was_painted, &painted));

  /* Every report says "planning" on both pages, "page one" on one. */
  painted.painted = FALSE;
  ic_search_view_search (window->search_view, "\"page one\"");
  g_assert_true (run_until (was_painted, &painted));
  g_clear_signal_handler (&handler, clock);

  expected = core_status (window, "\"page one\"");
  g_assert_cmpstr (expected, ==, "900 passages in 900 reports");
  g_assert_cmpstr (gtk_label_get_label (find_status_label (GTK_WIDGET (window->search_view))), ==, expected);
  g_assert_true (gtk_widget_compute_bounds (list, list, &shown));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      IcPassageText *passage = IC_PASSAGE_TEXT (find_child_of_type (row, IC_TYPE_PASSAGE_TEXT));
      GtkWidget *heading = gtk_widget_get_prev_sibling (GTK_WIDGET (passage));
      graphene_rect_t bounds;

      /* An authority's heading: six reports, one passage each. */
      if (gtk_widget_get_visible (heading) &&
          gtk_widget_compute_bounds (heading, list, &bounds) &&
          graphene_rect_intersection (&bounds, &shown, NULL))
        g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (heading)), ", 6 passages"));
      if (!gtk_widget_get_visible (GTK_WIDGET (passage)))
        continue;
      n_rows++;
      n_laid_out += ic_passage_text_get_laid_out (passage) != NULL;
      if (!gtk_widget_compute_bounds (GTK_WIDGET (passage), list, &bounds) ||
          !graphene_rect_intersection (&bounds, &shown, NULL))
        continue;
      n_visible++;
      g_assert_nonnull (ic_passage_text_get_laid_out (passage));
      g_assert_nonnull (strstr (ic_passage_text_get_text (passage), "Page one mentions planning"));
      /* Each report's text is the same two sentences: a row left from
       * "planning" would highlight that word instead. */
      g_assert_nonnull (strstr (ic_passage_text_get_laid_out (passage), ">Page one</span>"));
      g_assert_null (strstr (ic_passage_text_get_laid_out (passage), ">planning</span>"));
    }
  g_test_message ("%u passage rows kept, %u on screen, %u laid out", n_rows, n_visible, n_laid_out);
  g_assert_cmpuint (n_visible, >=, 5);
  g_assert_cmpuint (n_rows, >, 2 * n_visible);
  g_assert_cmpuint (n_laid_out, <=, n_visible + 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of the matrix showing @report, or NULL. */
static IcMatrixRow *
find_matrix_row (GtkWidget *widget,
                 IcReport  *report)
{
  if (IC_IS_MATRIX_ROW (widget))
    {
      GtkWidget *authority = ic_matrix_row_get_cell (IC_MATRIX_ROW (widget), IC_MATRIX_COLUMN_AUTHORITY);
      GtkWidget *ended = ic_matrix_row_get_cell (IC_MATRIX_ROW (widget), IC_MATRIX_COLUMN_ENDED);
      g_autofree char *date = ic_ui_report_date (report);

      if (g_strcmp0 (ic_text_cell_get_text (IC_TEXT_CELL (authority)), ic_report_get_authority (report)) == 0 &&
          g_strcmp0 (ic_text_cell_get_text (IC_TEXT_CELL (ended)), date) == 0)
        return IC_MATRIX_ROW (widget);
      return NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      IcMatrixRow *row = find_matrix_row (c, report);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static IcReport *
add_judgement (IcReport *report,
               IcArea    area,
               IcGrade   grade)
{
  g_autoptr(IcJudgement) j = ic_judgement_new (area, ic_area_to_label (area), grade, 1);

  _ic_report_add_judgement (report, j);
  return report;
}

/* "Latest Inspections" tells the current story: each authority's latest
 * graded report, with the visits after it as a badge that opens them;
 * an inspection under the April 2026 framework, which gives no overall
 * effectiveness, says so and sorts by its other grades. */
static void
test_matrix_latest_story (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (matrix, IC_TYPE_MATRIX_HEADER));
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_MAY, 2026);
  IcReport *graded, *visit, *later_visit, *framework_2026, *good, *sif, *sif_visit;
  GListModel *rows;
  GtkWidget *badge, *overall;
  IcMatrixRow *row;

  graded = make_report ("/r/a-2019.txt", "Barnet", IC_INSPECTION_TYPE_ILACS, 8, G_DATE_MARCH, 2019, IC_GRADE_GOOD);
  visit = make_report ("/r/a-2023.txt", "Barnet", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2, G_DATE_FEBRUARY, 2023, IC_GRADE_NONE);
  later_visit = make_report ("/r/a-2024.txt", "Barnet", IC_INSPECTION_TYPE_MONITORING_VISIT, 10, G_DATE_JULY, 2024, IC_GRADE_NONE);
  framework_2026 = make_report ("/r/b-2026.txt", "Camden", IC_INSPECTION_TYPE_ILACS, 15, G_DATE_MAY, 2026, IC_GRADE_NONE);
  _ic_report_set_start_date (framework_2026, start);
  add_judgement (framework_2026, IC_AREA_LEADERSHIP, IC_GRADE_INADEQUATE);
  add_judgement (framework_2026, IC_AREA_CHILDREN_IN_CARE, IC_GRADE_GOOD);
  good = make_report ("/r/c-2022.txt", "Dorset", IC_INSPECTION_TYPE_ILACS, 1, G_DATE_APRIL, 2022, IC_GRADE_GOOD);
  sif = make_report ("/r/d-2015.txt", "Ealing", IC_INSPECTION_TYPE_SIF, 1, G_DATE_JUNE, 2015, IC_GRADE_REQUIRES_IMPROVEMENT);
  sif_visit = make_report ("/r/d-2017.txt", "Ealing", IC_INSPECTION_TYPE_FOCUSED_VISIT, 9, G_DATE_NOVEMBER, 2017, IC_GRADE_NONE);
  for (IcReport **r = (IcReport *[]) { graded, visit, later_visit, framework_2026, good, sif, sif_visit, NULL }; *r; r++)
    g_ptr_array_add (batch, *r);

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 700);
  ic_report_store_add_batch (store, batch);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* One row per authority: the graded report, never a later visit. */
  rows = ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  row = find_matrix_row (matrix, graded);
  g_assert_nonnull (row);
  badge = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (badge)), ==, "2 visits, latest Jul 2024");
  row = find_matrix_row (matrix, good);
  g_assert_false (gtk_widget_get_visible (ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS)));

  /* One later visit: the badge opens it. */
  row = find_matrix_row (matrix, sif);
  badge = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (badge)), ==, "visit Nov 2017");
  g_assert_true (gtk_widget_activate (badge));
  g_assert_true (ic_reports_view_get_report (reports) == sif_visit);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  settle ();

  /* The 2026 framework's missing overall grade is named, and the report
   * sorts by its worst grade (inadequate leadership), worst first. */
  row = find_matrix_row (matrix, framework_2026);
  overall = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (overall)), ==, "Not given (2026 framework)");
  ic_matrix_header_sort_by (header, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS), GTK_SORT_DESCENDING);
  rows = ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  {
    g_autoptr(IcReport) first = g_list_model_get_item (rows, 0);

    g_assert_true (first == framework_2026);
  }

  /* All reports: no badges. */
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  settle ();
  row = find_matrix_row (matrix, graded);
  g_assert_false (gtk_widget_get_visible (ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_with_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The grades a correction menu offers, as keys. */
static char *
menu_grades (GtkWidget *button)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_autoptr(GString) keys = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      g_string_append_printf (keys, "%s%s", i ? " " : "", g_variant_get_string (target, NULL));
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static char *
menu_state (GtkWidget *button)
{
  GActionGroup *group = g_object_get_data (G_OBJECT (button), "ic-correction-actions");
  g_autoptr(GVariant) state = g_action_group_get_action_state (group, "grade");

  return g_variant_dup_string (state, NULL);
}

/* A grade's correction menu offers the grades of the report's framework
 * and ticks the current one. */
/* A theme chip on the report page opens the Search view with the
 * theme's query, its terms joined by OR, and its passages. */
static void
test_theme_chip_search (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), "plans_and_planning");
  GListModel *rows;
  GtkWidget *chip;
  GtkWidget *entry;
  guint passages = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  settle ();
  chip = find_widget_with_tooltip (GTK_WIDGET (reports), "Search every report for Plans and planning");
  g_assert_nonnull (chip);
  g_assert_true (GTK_IS_BUTTON (chip));
  g_signal_emit_by_name (chip, "clicked");
  settle ();

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "search");
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (strstr (query, " OR "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, query);
  rows = ic_search_view_get_rows (window->search_view);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      passages += ic_search_view_row_heading (row) == NULL;
    }
  /* "planning" (stem of the lead term "plan") on both pages of each of
   * the seven reports. */
  g_assert_cmpuint (passages, ==, 14);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_correction_menu_grades (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  const char *tooltip = "Correct the grade for Overall effectiveness";
  GtkWidget *button;
  g_autofree char *ilacs = NULL, *ilacs_state = NULL, *old = NULL, *old_state = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  settle ();
  button = find_widget_with_tooltip (GTK_WIDGET (reports), tooltip);
  g_assert_nonnull (button);
  ilacs = menu_grades (button);
  ilacs_state = menu_state (button);
  g_assert_cmpstr (ilacs, ==, "outstanding good requires_improvement inadequate none");
  g_assert_cmpstr (ilacs_state, ==, "inadequate");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/redbridge-2012.txt");
  settle ();
  button = find_widget_with_tooltip (GTK_WIDGET (reports), tooltip);
  old = menu_grades (button);
  old_state = menu_state (button);
  g_assert_cmpstr (old, ==, "outstanding good adequate inadequate none");
  g_assert_cmpstr (old_state, ==, "adequate");

  /* Choosing a grade corrects the report. */
  g_assert_true (gtk_widget_activate_action (button, "correction.grade", "s", "good"));
  settle ();
  g_assert_cmpint (ic_report_get_grade (ic_reports_view_get_report (reports), IC_AREA_OVERALL_EFFECTIVENESS),
                   ==, IC_GRADE_GOOD);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/redbridge-2012.txt", "grade.overall_effectiveness");
  settle ();
  g_assert_cmpint (ic_report_get_grade (ic_reports_view_get_report (reports), IC_AREA_OVERALL_EFFECTIVENESS),
                   ==, IC_GRADE_ADEQUATE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Rows that arrive above the first one shown (reports read out of
 * order) leave a list at the top at the top. @data: the view's name. */
static void
test_list_stays_at_top (gconstpointer data)
{
  const char *name = data;
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GtkWidget *view = g_str_equal (name, "matrix") ? matrix
                    : find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_child_of_type (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  FrameCount frames = { 0, 0 };
  double highest = 0;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);

  /* Each report sorts before all those already shown. */
  for (guint i = 40; i-- > 0;)
    {
      g_autofree char *source = g_strdup_printf ("/r/top-%02u.txt", i);
      g_autofree char *authority = g_strdup_printf ("Authority %02u", i);
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (batch, make_report (source, authority, IC_INSPECTION_TYPE_ILACS, 1,
                                           G_DATE_MAY, 2020, IC_GRADE_GOOD));
      ic_report_store_add_batch (ic_window_get_store (window), batch);
      g_assert_true (run_until (view_complete, view));
      /* Laid out: the view places its rows when it allocates them. */
      frames.until = frames.ticks + 3;
      g_assert_true (run_until (frames_passed, &frames));
      highest = MAX (highest, gtk_adjustment_get_value (vadjustment));
    }
  /* The list is longer than the window, so it could have moved. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat (highest, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_grade_cell (GtkWidget  *matrix,
                 const char *authority,
                 IcArea      area)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *prefix = g_strdup_printf ("%s, %s, ", authority, ic_area_to_label (area));

  collect_cells (matrix, cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_str_has_prefix (ic_grade_cell_get_description (g_ptr_array_index (cells, i)), prefix))
      return g_ptr_array_index (cells, i);
  return NULL;
}

static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A report read in full after its first pages (or corrected) changes in
 * place: the matrix's cells and the open report page show the new
 * content with no change to the rows, which would restyle every row on
 * screen; a view sorted by a column places the row anew. */
static void
test_report_changes_in_place (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportStore *store = ic_window_get_store (window);
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (GTK_WIDGET (matrix), IC_TYPE_MATRIX_HEADER));
  GListModel *shown = shown_model (GTK_WIDGET (matrix));
  IcReport *greenwich = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *overall = ic_matrix_header_get_button (header, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  IcReport *full;
  GtkWidget *cell;
  guint n_changes = 0;

  gtk_window_present (GTK_WINDOW (window));
  ic_matrix_view_set_latest_only (matrix, FALSE);
  ic_matrix_view_get_rows (matrix);
  settle ();
  cell = find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS);
  g_assert_nonnull (cell);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (cell)), ==, "Inadequate");
  ic_reports_view_show_report (reports, greenwich);
  g_assert_false (page_says (GTK_WIDGET (reports), "A. Inspector"));

  full = make_report ("/r/greenwich-2019.txt", "Greenwich", IC_INSPECTION_TYPE_ILACS, 13,
                      G_DATE_DECEMBER, 2019, IC_GRADE_GOOD);
  _ic_report_set_lead_inspector (full, "A. Inspector");
  g_ptr_array_add (batch, full);
  g_signal_connect (shown, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  ic_report_store_replace_batch (store, batch);
  ic_matrix_view_get_rows (matrix);
  settle ();

  g_assert_true (ic_report_store_find_content (store, "/r/greenwich-2019.txt") == greenwich);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_true (find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS) == cell);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (cell)), ==, "Good");
  g_assert_true (gtk_widget_has_css_class (cell, "grade-good"));
  g_assert_false (gtk_widget_has_css_class (cell, "grade-inadequate"));
  g_assert_true (page_says (GTK_WIDGET (reports), "A. Inspector"));

  /* Clicking a title sorts by its column; sorted by overall
   * effectiveness, a corrected grade moves its row. */
  g_signal_emit_by_name (overall, "clicked");
  ic_matrix_view_get_rows (matrix);
  g_assert_true (g_list_model_get_item (shown, 0) == (gpointer) greenwich);
  g_object_unref (greenwich);
  correct (window, "grade.overall_effectiveness", "inadequate");
  settle ();
  ic_matrix_view_get_rows (matrix);
  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IcReport) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(IcReport) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (ic_ui_compare_grades (ic_report_get_grade (a, IC_AREA_OVERALL_EFFECTIVENESS),
                                             ic_report_get_grade (b, IC_AREA_OVERALL_EFFECTIVENESS)), <=, 0);
    }
  /* Marked as the user's, not Ofsted's (ic_ui_mark_corrected_grade). */
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (
    find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS))), ==,
    "Inadequate \u2020");

  /* Clicked again: worst first, and reports with no grade still last. */
  g_signal_emit_by_name (overall, "clicked");
  ic_matrix_view_get_rows (matrix);
  {
    guint n = g_list_model_get_n_items (shown);
    g_autoptr(IcReport) first = g_list_model_get_item (shown, 0);
    g_autoptr(IcReport) last = g_list_model_get_item (shown, n - 1);

    g_assert_cmpint (ic_report_get_grade (first, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
    g_assert_cmpint (ic_report_get_grade (last, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_NONE);
  }

  g_signal_handlers_disconnect_by_func (shown, count_changes_cb, &n_changes);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where @widget's border box starts, from the left of the window. */
static double
x_in_window (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds));
  return bounds.origin.x;
}

static gboolean
adjustment_laid_out (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > 0;
}

/* The matrix's titles stand over their columns, also when the rows are
 * wider than the window and scrolled sideways. */
static void
test_matrix_header_follows_rows (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (matrix, IC_TYPE_MATRIX_HEADER));
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (find_child_of_type (matrix, GTK_TYPE_SCROLLED_WINDOW)));
  guint column = IC_MATRIX_COLUMN_AREA (IC_AREA_CHILDREN_IN_CARE);
  FrameCount frames = { 0, 0 };
  IcMatrixRow *row;

  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  IcReport *every_area = make_report ("/r/york-2013.txt", "York", IC_INSPECTION_TYPE_SIF, 1,
                                      G_DATE_MAY, 2013, IC_GRADE_NONE);

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* Every area's column shown: wider than the window. */
  for (guint a = 0; a < IC_N_AREAS; a++)
    {
      g_autoptr(IcJudgement) judgement = ic_judgement_new (a, ic_area_to_label (a), IC_GRADE_GOOD, 1);

      _ic_report_add_judgement (every_area, judgement);
    }
  g_ptr_array_add (batch, every_area);
  ic_report_store_add_batch (ic_window_get_store (window), batch);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  g_assert_true (run_until (adjustment_laid_out, hadjustment));
  frames.until = frames.ticks + 3;
  g_assert_true (run_until (frames_passed, &frames));
  row = IC_MATRIX_ROW (find_child_of_type (matrix, IC_TYPE_MATRIX_ROW));
  g_assert_nonnull (row);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));

  for (guint step = 0; step < 2; step++)
    {
      GtkWidget *title = ic_matrix_header_get_button (header, column);
      GtkWidget *cell = ic_matrix_row_get_cell (row, column);

      double cell_x = x_in_window (cell);
      double title_x = x_in_window (title);

      /* A cell keeps a few pixels of margin and padding inside its column. */
      g_test_message ("scrolled %.0f: title at %.0f, cell at %.0f in the window",
                      gtk_adjustment_get_value (hadjustment), title_x, cell_x);
      g_assert_cmpfloat (cell_x - title_x, >=, 0);
      g_assert_cmpfloat (cell_x - title_x, <=, 8);
      gtk_adjustment_set_value (hadjustment, 200);
      frames.until = frames.ticks + 3;
      g_assert_true (run_until (frames_passed, &frames));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 200);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_paced_rows (void)
{
  g_autofree char *corpus = ic_test_corpus_path (NULL);
  g_autoptr(IcReportStore) source = NULL;
  g_autoptr(IcLoader) loader = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  IcWindow *window;
  GtkWidget *matrix, *timeline, *list;
  guint n, n_changes = 0, n_batches = 0, shown_while_arriving = 0;

  if (corpus == NULL)
    return;
  source = ic_report_store_new ();
  loader = ic_loader_new (source);
  folder = g_file_new_for_path (corpus);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  g_assert_cmpuint (n, >, 100);

  window = ic_window_new (NULL);
  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  /* Earlier tests may have left another view current in the settings. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (ic_window_get_store (window), "items-changed", G_CALLBACK (count_changes_cb),
                    &n_changes);

  for (guint i = 0; i < n; i += 40, n_batches++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();

      for (guint j = i; j < MIN (i + 40, n); j++)
        g_ptr_array_add (batch, ic_report_store_get_report (source, j));
      ic_report_store_add_batch (ic_window_get_store (window), batch);
      if (i + 40 < n)
        {
          g_assert_true (run_until (matrix_has_rows, matrix));
          shown_while_arriving = MAX (shown_while_arriving, shown_rows (matrix));
        }
    }
  g_assert_cmpuint (n_changes, ==, n_batches);
  g_assert_cmpuint (n_batches, >, 2);
  g_assert_cmpuint (shown_while_arriving, >, 0);
  g_assert_cmpuint (shown_while_arriving, <, n);

  g_assert_true (run_until (matrix_complete, window));
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix))), ==, n);

  /* The list of reports, never shown yet, made no rows meanwhile; shown,
   * it fills in by itself. */
  list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_assert_cmpuint (shown_rows (list), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  g_assert_true (run_until (list_complete, list));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_CHART_WIDGET);
  g_assert_true (run_until (timeline_has_links, timeline));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
wait_for_reports (IcWindow *window,
                  guint     n)
{
  GListModel *store = G_LIST_MODEL (ic_window_get_store (window));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while ((g_list_model_get_n_items (store) != n || ic_window_get_loading (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_test_message ("%u reports, %u wanted", g_list_model_get_n_items (store), n);
  return g_list_model_get_n_items (store) == n;
}

static void
copy_seed (const char *seeds,
           const char *name,
           const char *dir)
{
  g_autofree char *from = g_build_filename (seeds, name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

/* A folder that changes on disk is read again, and is remembered. */
static void
test_folder_watch (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *names[2];
  IcWindow *window;

  if (seeds == NULL)
    return;

  listing = g_dir_open (seeds, 0, NULL);
  names[0] = g_strdup (g_dir_read_name (listing));
  names[1] = g_strdup (g_dir_read_name (listing));
  dir = g_dir_make_tmp ("ic-watch-XXXXXX", NULL);
  copy_seed (seeds, names[0], dir);

  window = ic_window_new (NULL);
  folder = g_file_new_for_path (dir);
  ic_window_open (window, &folder, 1);
  g_assert_true (wait_for_reports (window, 1));

  settings = g_settings_new (APP_ID);
  recent = g_settings_get_strv (settings, "recent-folders");
  g_assert_cmpstr (recent[0], ==, dir);

  copy_seed (seeds, names[1], dir);
  g_assert_true (wait_for_reports (window, 2));

  first = g_build_filename (dir, names[0], NULL);
  g_unlink (first);
  g_assert_true (wait_for_reports (window, 1));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
      g_free ((char *) names[i]);
    }
  g_rmdir (dir);
}

#ifdef __SANITIZE_ADDRESS__
/* GTK loads its print backends as modules; with ASan's fast unwinder a
 * backend's allocation shows as "<unknown module>" and escapes the
 * suppressions for system libraries. Full stacks let LSan attribute it. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

int
main (int   argc,
      char *argv[])
{
  /* No accessibility bus under xvfb: its warning would be fatal. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Under xvfb GL is Mesa's software driver, whose allocations LSan
   * cannot attribute; the cairo renderer draws the same widgets. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("LC_TIME", "C", TRUE);

  g_test_add_func ("/ui/filter/criteria", test_filter_criteria);
  g_test_add_func ("/ui/matrix/cell-description", test_cell_description);
  g_test_add_func ("/ui/report-page/trim-blank-lines", test_trim_blank_lines);
  g_test_add_func ("/ui/window/views-follow-filter", test_views_follow_filter);
  g_test_add_func ("/ui/report-page/find", test_report_page_find);
  g_test_add_func ("/ui/print/export", test_print_export);
  g_test_add_func ("/ui/print/reports-tab", test_print_reports_tab);
  g_test_add_func ("/ui/window/export", test_export);
  g_test_add_func ("/ui/window/correction-undo", test_correction_undo);
  g_test_add_func ("/ui/window/correction-undo-shortcut", test_correction_undo_shortcut);
  g_test_add_func ("/ui/window/correct-every-field", test_correct_every_field);
  g_test_add_func ("/ui/window/timeline-click", test_timeline_click);
  g_test_add_func ("/ui/window/theme-chip-search", test_theme_chip_search);
  g_test_add_func ("/ui/window/search-first-frame", test_search_first_frame);
  g_test_add_func ("/ui/matrix/keyboard", test_matrix_keyboard);
  g_test_add_func ("/ui/matrix/grid-keys", test_matrix_grid_keys);
  g_test_add_func ("/ui/window/focus-follows", test_focus_follows);
  g_test_add_func ("/ui/matrix/grade-cell-size", test_grade_cell_size);
  g_test_add_func ("/ui/list/text-cell", test_text_cell);
  g_test_add_func ("/ui/row-feed/replace", test_row_feed_replace);
  g_test_add_func ("/ui/window/report-changes-in-place", test_report_changes_in_place);
  g_test_add_func ("/ui/matrix/header-follows-rows", test_matrix_header_follows_rows);
  g_test_add_func ("/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/failures-dialog", test_failures_dialog);
  g_test_add_func ("/ui/window/corpus", test_corpus);
  g_test_add_func ("/ui/window/paced-rows", test_paced_rows);
  g_test_add_func ("/ui/window/filter-exact-at-scale", test_filter_exact_at_scale);
  g_test_add_data_func ("/ui/matrix/stays-at-top", "matrix", test_list_stays_at_top);
  g_test_add_data_func ("/ui/reports/stays-at-top", "reports", test_list_stays_at_top);
  g_test_add_func ("/ui/reports/few-widgets", test_reports_list_few_widgets);
  g_test_add_func ("/ui/matrix/latest-story", test_matrix_latest_story);
  g_test_add_func ("/ui/report-page/correction-menu-grades", test_correction_menu_grades);
  g_test_add_func ("/ui/report-page/recurrence-unlink-relink", test_recurrence_unlink_relink);
  g_test_add_func ("/ui/window/folder-watch", test_folder_watch);

  return g_test_run ();
}
