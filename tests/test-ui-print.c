/* test-ui-print.c: a printed view, through GtkPrintOperation to a PDF,
 * read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <poppler.h>
#include <string.h>

#include "ic-authorities.h"
#include "ic-corrections.h"
#include "ic-print-operation.h"
#include "ic-report-private.h"
#include "ic-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

#define FILTERS "London \u00b7 from 2023"

/* One graded inspection for each of @n authorities of the table, dated
 * 10 March 2024; the first one's leadership is corrected from Good to
 * Inadequate by @corrections. */
static GListModel *
graded_reports (guint          n,
                IcCorrections *corrections)
{
  GPtrArray *all = ic_authorities_get_all ();
  GListStore *store = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GDate) end = g_date_new_dmy (10, G_DATE_MARCH, 2024);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n && i < all->len; i++)
    {
      const char *name = ic_authority_get_name (g_ptr_array_index (all, i));
      g_autofree char *source = g_strdup_printf ("/r/%u.pdf", i);
      g_autofree char *content_id = g_strdup_printf ("content-%u", i);
      g_autoptr(IcReport) report = _ic_report_new (source);

      _ic_report_set_content_id (report, content_id);
      _ic_report_set_authority (report, name);
      _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
      _ic_report_set_end_date (report, end);
      _ic_report_set_grade (report, IC_AREA_OVERALL_EFFECTIVENESS, IC_GRADE_GOOD);
      _ic_report_set_grade (report, IC_AREA_LEADERSHIP, IC_GRADE_GOOD);
      _ic_report_set_grade (report, IC_AREA_HELP_AND_PROTECTION, IC_GRADE_REQUIRES_IMPROVEMENT);
      _ic_report_set_grade (report, IC_AREA_CHILDREN_IN_CARE, IC_GRADE_OUTSTANDING);
      if (i == 0)
        {
          g_assert_true (ic_corrections_set_field (corrections, content_id, "grade.leadership",
                                                   "inadequate", &error));
          g_assert_no_error (error);
          ic_corrections_apply (corrections, report);
          g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
        }
      g_list_store_append (store, report);
    }
  return G_LIST_MODEL (store);
}

static void
print_to_pdf (GListModel   *reports,
              IcPrintScope  scope,
              const char   *path)
{
  IcPrintOperation *operation = ic_print_operation_new (reports, NULL, scope);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  ic_print_operation_set_filters (operation, FILTERS);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_finalize_object (operation);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Ctrl+P on the matrix prints the pack's own matrix pages: title,
 * filters, date and "Page x of y" on every page, the column headings on
 * every page, no row cut over two pages, and a corrected cell marked with
 * its footnote. */
static void
test_print_matrix (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.pdf", NULL);
  g_autofree char *store_path = g_build_filename (dir, "corrections.json", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(IcCorrections) corrections = ic_corrections_new (store_path);
  g_autoptr(GListModel) reports = graded_reports (60, corrections);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *today_text = ic_date_to_display (today);
  g_autofree char *as_at = g_strdup_printf ("As at %s", today_text);
  g_autofree char *message = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint rows = 0;
  int n;

  print_to_pdf (reports, IC_PRINT_SCOPE_MATRIX, path);
  uri = g_filename_to_uri (path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (doc);
  n = poppler_document_get_n_pages (doc);
  message = g_strdup_printf ("printed matrix of 60 authorities: %d pages", n);
  ic_test_note (message);
  g_assert_cmpint (n, >, 1);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n);
      guint dates = count (text, "10 March 2024 \u00b7 Inspection");

      g_assert_nonnull (strstr (text, "Judgement matrix"));
      g_assert_nonnull (strstr (text, "Filters: " FILTERS));
      g_assert_nonnull (strstr (text, as_at));
      g_assert_nonnull (strstr (text, number));
      /* The column headings on every page. */
      g_assert_nonnull (strstr (text, "Authority and report"));
      g_assert_nonnull (strstr (text, "Overall effectiveness"));
      g_assert_nonnull (strstr (text, "Children in care"));
      /* No row cut over two pages: every row's label (its date) is on the
       * page of its cells (one "Outstanding" each, and one in the legend). */
      g_assert_cmpuint (count (text, "Outstanding"), ==, dates + 1);
      rows += dates;
      g_string_append (all, text);
    }
  g_assert_cmpuint (rows, ==, g_list_model_get_n_items (reports));

  /* The corrected cell: its mark, and what the report said. */
  g_assert_nonnull (strstr (all->str, "Inadequate\u2020"));
  g_assert_nonnull (strstr (all->str, "Leadership: corrected by the user; the report says Good"));

  g_unlink (path);
  g_rmdir (dir);
}

/* The timeline and the charts print as the pack's pages of that view:
 * its chart titles, the running line with filters and "Page x of y" on
 * every page, and none of the other views' pages. */
static void
check_view_pages (IcPrintScope         scope,
                  const char          *running_title,
                  const char * const  *titles)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "view.pdf", NULL);
  g_autofree char *store_path = g_build_filename (dir, "corrections.json", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *running = g_strdup_printf ("%s \u00b7 Filters: " FILTERS, running_title);
  g_autoptr(IcCorrections) corrections = ic_corrections_new (store_path);
  g_autoptr(GListModel) reports = graded_reports (12, corrections);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  int n;

  print_to_pdf (reports, scope, path);
  uri = g_filename_to_uri (path, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (doc);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, >=, 1);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n);

      g_assert_nonnull (strstr (text, running));
      g_assert_nonnull (strstr (text, number));
      g_string_append (all, text);
    }
  for (guint i = 0; titles[i] != NULL; i++)
    g_assert_nonnull (strstr (all->str, titles[i]));
  g_assert_null (strstr (all->str, "Authority and report"));
  g_assert_null (strstr (all->str, "Contents"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Bexley 2015, 2018 and 2021, the same area raised in each. */
static GListModel *
chain_reports (void)
{
  GListStore *store = g_list_store_new (IC_TYPE_REPORT);
  static const guint years[] = { 2015, 2018, 2021 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/bexley-%u.pdf", years[i]);
      g_autoptr(IcReport) report = _ic_report_new (source);
      g_autoptr(GDate) end = g_date_new_dmy (10, G_DATE_MAY, years[i]);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of pre-proceedings work under the "
                                        "public law outline, so that children do not wait.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { "permanence_and_adoption", NULL });

      _ic_report_set_authority (report, "Bexley");
      _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
      _ic_report_set_end_date (report, end);
      _ic_report_add_improvement (report, item);
      g_list_store_append (store, report);
    }
  return G_LIST_MODEL (store);
}

/* The printed timeline and pack of only the 2021 report (a date filter)
 * say its area was raised three times, counted among every loaded
 * report as on screen. */
static void
test_print_counts_under_date_filter (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GListModel) all = chain_reports ();
  g_autoptr(GListStore) shown = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(IcReport) last = g_list_model_get_item (all, 2);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  IcPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_list_store_append (shown, last);
  operation = ic_print_operation_new (G_LIST_MODEL (shown), NULL, IC_PRINT_SCOPE_PACK);
  ic_print_operation_set_all_reports (operation, all);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_finalize_object (operation);
  doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }
  g_assert_nonnull (strstr (text->str, "Raised 3 times"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_print_timeline (void)
{
  const char *titles[] = { "Improvement areas over time", NULL };

  check_view_pages (IC_PRINT_SCOPE_TIMELINE, "Improvement areas over time", titles);
}

static void
test_print_charts (void)
{
  const char *titles[] = {
    "Grades by judgement area", "Reports raising each improvement theme",
    "Grade history", "Inspections and visits per year", NULL
  };

  check_view_pages (IC_PRINT_SCOPE_CHARTS, "Charts", titles);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/print/matrix-pages", test_print_matrix);
  g_test_add_func ("/ui/print/timeline-pages", test_print_timeline);
  g_test_add_func ("/ui/print/counts-under-date-filter", test_print_counts_under_date_filter);
  g_test_add_func ("/ui/print/charts-pages", test_print_charts);

  return g_test_run ();
}
