/* test-ui-export.c: Export… writes on a worker thread what the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "ic-csv.h"
#include "ic-filter-spec.h"
#include "ic-report-filter.h"
#include "ic-report-private.h"
#include "ic-test-util.h"
#include "ic-ui-test-reports.h"
#include "ic-window-private.h"

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates until *@done, with a tick so that a deadline is noticed. */
static void
wait_for (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (100, tick_cb, NULL);

  while (!*done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_true (*done);
}

static gboolean
not_loading (IcWindow *window)
{
  return !ic_window_get_loading (window);
}

static IcWindow *
open_folder (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  IcWindow *window = ic_window_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (100, tick_cb, NULL);

  g_object_ref_sink (window);
  ic_window_open (window, &folder, 1);
  while (!not_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_true (not_loading (window));
  return window;
}

static IcWindow *
open_fixtures (void)
{
  g_autofree char *path = ic_test_fixture_path ("parser");

  return open_folder (path);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *out = user_data;

  out->ok = _ic_window_export_finish (IC_WINDOW (object), result, &out->error);
  out->done = TRUE;
}

static gboolean
export_async (IcWindow    *window,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result result = { 0 };

  _ic_window_export_async (window, file, export_cb, &result);
  wait_for (&result.done);
  if (result.error != NULL)
    g_propagate_error (error, result.error);
  return result.ok;
}

/* PDF page objects, "/Type /Page" but not "/Type /Pages"; the file has
 * binary streams, so it is searched by length, not as a string. */
static guint
count_pages (const char *pdf,
             gsize       len)
{
  static const char key[] = "/Type /Page";
  gsize n_key = sizeof key - 1;
  guint n = 0;

  for (gsize i = 0; i + n_key < len; i++)
    if (memcmp (pdf + i, key, n_key) == 0 && pdf[i + n_key] != 's')
      n++;
  return n;
}

/* Every format written on the worker is the file the main thread would
 * write (PDFs: the same pages; they carry their creation time). */
static void
test_same_as_sync (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-async-XXXXXX", NULL);
  const char *names[] = { "m.csv", "m-improvements.csv", "all.json", "pack.pdf", "pack-summary.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sync_path = g_strconcat (dir, "/sync-", names[i], NULL);
      g_autofree char *async_path = g_strconcat (dir, "/async-", names[i], NULL);
      g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      gsize n_expected, n_got;
      g_autoptr(GError) error = NULL;

      g_assert_true (_ic_window_export (window, sync_file, &error));
      g_assert_true (export_async (window, async_path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (sync_path, &expected, &n_expected, NULL));
      g_assert_true (g_file_get_contents (async_path, &got, &n_got, NULL));
      if (g_str_has_suffix (names[i], ".pdf"))
        {
          g_assert_true (g_str_has_prefix (got, "%PDF-"));
          g_assert_cmpuint (count_pages (got, n_got), >, 0);
          g_assert_cmpuint (count_pages (got, n_got), ==, count_pages (expected, n_expected));
        }
      else
        g_assert_cmpstr (got, ==, expected);
    }
  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The file has the reports as they were when Export… was chosen: a
 * correction made while it is written does not reach it. */
static void
test_snapshot_at_start (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  IcSession *session = ic_window_get_session (window);
  g_autofree char *dir = g_dir_make_tmp ("ic-export-async-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "all.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  IcReport *report = ic_report_store_get_report (ic_window_get_store (window), 0);
  g_autofree char *content_id = g_strdup (ic_report_get_content_id (report));
  g_autofree char *authority = g_strdup (ic_report_get_authority (report));
  Result result = { 0 };

  _ic_window_export_async (window, file, export_cb, &result);
  g_assert_true (ic_session_correct (session, content_id, "authority", "Isles of Scilly", &error));
  wait_for (&result.done);
  g_assert_true (result.ok);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, authority));
  g_assert_null (strstr (contents, "Isles of Scilly"));

  g_assert_true (ic_session_correct (session, content_id, "authority", NULL, &error));
  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A folder with a focused visit and the same visit two years before, so
 * that every item recurs and the later report has changes. */
static char *
two_visits_folder (void)
{
  g_autofree char *fixture = ic_test_fixture_path ("parser/fv-2025.txt");
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-export-json-XXXXXX", NULL);
  g_autofree char *later = g_build_filename (dir, "visit-2025.txt", NULL);
  g_autofree char *earlier = g_build_filename (dir, "visit-2023.txt", NULL);
  g_autoptr(GString) older = NULL;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  older = g_string_new (text);
  g_string_replace (older, "November 2025", "November 2023", 0);
  g_string_replace (older, "January 2026", "January 2024", 0);
  g_assert_true (g_file_set_contents (later, text, -1, NULL));
  g_assert_true (g_file_set_contents (earlier, older->str, -1, NULL));
  return g_steal_pointer (&dir);
}

/* The window's JSON is the command line's: the same recurrences and the
 * same `changes` for each report, found among every loaded report even
 * when a filter shows fewer. */
static void
test_json_as_cli (void)
{
  g_autofree char *dir = two_visits_folder ();
  g_autoptr(IcWindow) window = open_folder (dir);
  g_autofree char *out_dir = g_dir_make_tmp ("ic-export-out-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (out_dir, "all.json", NULL);
  g_autofree char *window_json = NULL;
  g_auto(IcTestRun) cli = { 0 };
  const char *args[] = { "--export-json=-", dir, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (export_async (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &window_json, NULL, NULL));
  ic_test_run_program (&cli, NULL, NULL, NULL, args);
  g_assert_cmpint (cli.status, ==, 0);
  g_strchomp (cli.out);
  g_assert_nonnull (strstr (window_json, "\"raised_again\""));
  g_assert_nonnull (strstr (window_json, "\"later\""));
  g_assert_cmpstr (window_json, ==, cli.out);

  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (out_dir);
  ic_test_remove_tree (dir);
}

/* The format written follows the name: the file type chosen in Export…
 * gives the name its ending when the name's own would write another. */
static void
test_name_for_format (void)
{
  struct { const char *name, *format, *expected; } cases[] = {
    { "inspection-summary.pdf", "Judgement matrix (CSV)", "inspection.csv" },
    { "inspection-summary.pdf", "Improvement items (CSV, name ending -improvements.csv)",
      "inspection-improvements.csv" },
    { "inspection-summary.pdf", "Everything (JSON)", "inspection.json" },
    { "inspection-summary.pdf", "Meeting pack (PDF)", "inspection-summary.pdf" },
    { "Board.PDF", "Short pack for a board (PDF, name ending -summary.pdf)", "Board-summary.pdf" },
    { "grades.csv", "Meeting pack (PDF)", "grades.pdf" },
    { "notes", "Everything (JSON)", "notes.json" },
    { "grades.csv", "Judgement matrix (CSV)", "grades.csv" },
    { "care-search.csv", "Judgement matrix (CSV)", "care-search.csv" },
    { "inspection-summary.pdf", "Passages the search finds (CSV, name ending -search.csv)",
      "inspection-search.csv" },
    { "grades.csv", NULL, "grades.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = _ic_window_export_name_for_format (cases[i].name, cases[i].format);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Choosing "Judgement matrix (CSV)" with the name offered
 * ("inspection-summary.pdf") writes the matrix as a CSV, not a pack; a
 * file already there under the new name, which the chooser did not ask
 * about, is kept. */
static void
test_chosen_format_written (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-chosen-XXXXXX", NULL);
  g_autofree char *offered = g_build_filename (dir, "inspection-summary.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "inspection.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "inspection.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (offered);
  g_autofree char *contents = NULL;
  gint64 deadline;

  _ic_window_export_chosen (window, file, "Judgement matrix (CSV)");
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((!file_exists (csv) || window->export_cancellable != NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_false (g_str_has_prefix (contents, "%PDF"));
  /* The judgement matrix: its header, one line per report after it. */
  g_assert_true (g_str_has_prefix (contents, "authority,inspection_type,start_date,end_date,published_date,"));
  g_assert_false (g_file_test (offered, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);

  g_assert_true (g_file_set_contents (json, "kept", -1, NULL));
  _ic_window_export_chosen (window, file, "Everything (JSON)");
  /* No export started: none to wait for. */
  g_assert_null (window->export_cancellable);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "kept");

  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (dir);
}

/* An export into a folder being read is refused before any work starts,
 * as on the main thread. */
static void
test_refused (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *fixtures = ic_test_fixture_path ("parser");
  g_autofree char *path = g_build_filename (fixtures, "out.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (export_async (window, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
export_bar_shown (IcWindow *window)
{
  return gtk_widget_get_visible (GTK_WIDGET (window->export_revealer)) &&
         gtk_revealer_get_reveal_child (window->export_revealer);
}

/* While a pack is written the window shows how far it is, with Cancel;
 * the bar goes when it is done. */
static void
test_progress_shown (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Result result = { 0 };

  g_assert_false (export_bar_shown (window));
  _ic_window_export_async (window, file, export_cb, &result);
  g_assert_true (export_bar_shown (window));
  wait_for (&result.done);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_false (export_bar_shown (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel stops the pack being written: no file in place of the earlier
 * one, no temporary file beside it, and the bar goes. */
static void
test_cancel (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  Result result = { 0 };

  g_assert_true (g_file_set_contents (path, "the earlier pack", -1, NULL));
  _ic_window_export_async (window, file, export_cb, &result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  wait_for (&result.done);
  g_assert_false (result.ok);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  g_assert_false (export_bar_shown (window));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier pack");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "pack.pdf");
  g_assert_null (g_dir_read_name (listing));

  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
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

static void
spin_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* On the worker, at half way through the rows: waits there until the
 * window's Cancel is chosen, so the test cancels mid-file, not racing a
 * file of a few rows. */
typedef struct
{
  gint          at_half;       /* atomic: the worker is waiting */
  GCancellable *cancellable;   /* the export's, seen from the worker */
} Halt;

static void
halt_at_half_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Halt *halt = user_data;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (done != total / 2)
    return;
  g_atomic_int_set (&halt->at_half, 1);
  while (!g_cancellable_is_cancelled (halt->cancellable) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
}

/* Cancel stops a CSV being written as it stops a pack: the earlier file
 * stays, no temporary file is left, the bar goes, and a toast says the
 * file was not written. */
static void
test_cancel_csv (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  Result result = { 0 };

  Halt halt = { 0 };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (g_file_set_contents (path, "the earlier matrix", -1, NULL));
  window->export_step_hook = halt_at_half_cb;
  window->export_step_hook_data = &halt;
  _ic_window_export_async (window, file, export_cb, &result);
  g_assert_true (export_bar_shown (window));
  halt.cancellable = window->export_cancellable;
  while (!g_atomic_int_get (&halt.at_half) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_atomic_int_get (&halt.at_half));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL));
  wait_for (&result.done);
  g_assert_false (result.ok);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  g_assert_false (export_bar_shown (window));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier matrix");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "matrix.csv");
  g_assert_null (g_dir_read_name (listing));
  spin_ms (200);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay),
                            "Export cancelled: matrix.csv was not written"));

  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The bar counts a CSV's reports as it counts a pack's pages: the last
 * step told before the bar goes is every report written. */
static void
test_csv_progress_counted (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-progress-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *expected = NULL;
  guint n = g_list_model_get_n_items (ic_window_get_reports (window));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n, >, 10);
  /* Every report a row of the matrix, so of its CSV. */
  ic_matrix_view_set_latest_only (window->matrix_view, FALSE);
  g_assert_true (export_async (window, path, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("Writing report %u of %u", n, n);
  g_assert_cmpstr (gtk_progress_bar_get_text (window->export_progress), ==, expected);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (window->export_progress), ==, 1.0);

  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text of a PDF, its white space made single spaces. */
static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s ", page_text);
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_regex_replace_literal (spaces, text->str, -1, 0, " ", 0, NULL);
}

/* Bexley 2015, 2018 and 2021, each raising the same pre-proceedings
 * work. */
static IcWindow *
window_with_chain (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  static const guint years[] = { 2015, 2018, 2021 };

  g_object_ref_sink (window);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/bexley-%u.txt", years[i]);
      IcReport *report = make_report (source, "Bexley", IC_INSPECTION_TYPE_ILACS, 10, G_DATE_MAY, years[i],
                                      IC_GRADE_GOOD);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of pre-proceedings work under the "
                                        "public law outline, so that children do not wait.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { "permanence_and_adoption", NULL });

      _ic_report_add_improvement (report, item);
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

/* With "From 2020" the window's pack says the 2021 item was raised three
 * times, as the command line's does: counted among every loaded report,
 * not only the one the filter shows. */
static void
test_pack_counts_under_date_filter (void)
{
  g_autoptr(IcWindow) window = window_with_chain ();
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window))));
  g_autofree char *out_dir = g_dir_make_tmp ("ic-export-out-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (out_dir, "pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  ic_report_filter_reset (filter);
  ic_report_filter_set_from_year (filter, 2020);
  g_assert_cmpuint (g_list_model_get_n_items (ic_window_get_reports (window)), ==, 1);
  g_assert_true (export_async (window, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Raised 3 times"));

  ic_report_filter_reset (filter);
  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (out_dir);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @widget and every container up to @root are visible (the
 * window itself need not be shown). */
static gboolean
shown_within (GtkWidget *widget,
              GtkWidget *root)
{
  for (; widget != NULL && widget != root; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return widget == root;
}

/* The label of @widget's tree showing @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gtk_widget_get_visible (c) ? find_label (c, text) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Add to Pack" in the Search view gives the pack Export… writes the
 * Evidence section the command line's --search gives: a heading, the
 * search, and the passages quoted. */
static void
test_add_to_pack (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-evidence-XXXXXX", NULL);
  g_autofree char *before_path = g_build_filename (dir, "before.pdf", NULL);
  g_autofree char *after_path = g_build_filename (dir, "after.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *removed_path = g_build_filename (dir, "removed.pdf", NULL);
  g_autofree char *removed = NULL;
  GtkWidget *button;
  GtkWidget *remove;
  g_autoptr(GError) error = NULL;

  g_assert_true (export_async (window, before_path, &error));
  g_assert_no_error (error);
  before = pdf_text (before_path);
  g_assert_null (strstr (before, "What the reports say about"));

  ic_search_view_search (window->search_view, "\"care leavers\"");
  button = find_button (GTK_WIDGET (window->search_view), "Add to _Pack");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (export_async (window, after_path, &error));
  g_assert_no_error (error);
  after = pdf_text (after_path);
  g_assert_nonnull (strstr (after, "Evidence"));
  g_assert_nonnull (strstr (after, "What the reports say about \u201ccare leavers\u201d"));
  /* A passage quoted, the phrase in it. */
  g_assert_true (g_regex_match_simple ("\u201c[^\u201d]*care leavers[^\u201d]*\u201d", after,
                                       G_REGEX_CASELESS, 0));

  /* What the pack quotes is shown, and the same button takes it out. */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Remove from _Pack");
  g_assert_nonnull (find_label (GTK_WIDGET (window->search_view),
                                "The pack quotes the passages for \u201c\"care leavers\"\u201d"));
  /* Another search shown: the pack's is still named, with a way out. */
  ic_search_view_search (window->search_view, "adoption");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add to _Pack");
  g_assert_nonnull (find_label (GTK_WIDGET (window->search_view),
                                "The pack quotes the passages for \u201c\"care leavers\"\u201d"));
  remove = find_button (GTK_WIDGET (window->search_view), "_Remove from Pack");
  g_assert_nonnull (remove);
  g_assert_true (shown_within (remove, GTK_WIDGET (window->search_view)));
  g_signal_emit_by_name (remove, "clicked");
  g_assert_false (shown_within (remove, GTK_WIDGET (window->search_view)));
  g_assert_true (export_async (window, removed_path, &error));
  g_assert_no_error (error);
  removed = pdf_text (removed_path);
  g_assert_null (strstr (removed, "What the reports say about"));
  /* Added again and removed with the search's own button. */
  ic_search_view_search (window->search_view, "\"care leavers\"");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Remove from _Pack");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Add to _Pack");
  g_assert_null (window->pack_evidence);

  /* A query with no word cannot be added. */
  ic_search_view_search (window->search_view, "   ");
  g_assert_false (gtk_widget_get_sensitive (button));
  ic_test_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Prints @operation to a PDF in @dir and gives the PDF's text. */
static char *
print_text (IcPrintOperation *operation,
            const char       *dir,
            const char       *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  return pdf_text (path);
}

/* Ctrl+P in the Search view prints its passages, quoted as the pack's
 * Evidence section, and not the matrix; with no search shown there is
 * nothing to print. Print Pack quotes the search added to the pack, as
 * the exported pack does. */
static void
test_print_search (void)
{
  g_autoptr(IcWindow) window = open_fixtures ();
  g_autofree char *dir = g_dir_make_tmp ("ic-print-search-XXXXXX", NULL);
  g_autoptr(IcPrintOperation) none = NULL;
  g_autoptr(IcPrintOperation) search = NULL;
  g_autoptr(IcPrintOperation) pack = NULL;
  g_autoptr(IcPrintOperation) pack_without = NULL;
  g_autofree char *search_text = NULL;
  g_autofree char *pack_text = NULL;
  g_autofree char *pack_without_text = NULL;

  adw_view_stack_set_visible_child_name (window->view_stack, "search");
  none = _ic_window_new_print_operation (window, FALSE);
  g_assert_null (none);

  ic_search_view_search (window->search_view, "\"care leavers\"");
  search = _ic_window_new_print_operation (window, FALSE);
  g_assert_nonnull (search);
  search_text = print_text (search, dir, "search.pdf");
  g_assert_nonnull (strstr (search_text, "Evidence"));
  g_assert_nonnull (strstr (search_text, "What the reports say about \u201ccare leavers\u201d"));
  g_assert_true (g_regex_match_simple ("\u201c[^\u201d]*care leavers[^\u201d]*\u201d", search_text,
                                       G_REGEX_CASELESS, 0));
  g_assert_null (strstr (search_text, "Authority and report"));
  g_assert_null (strstr (search_text, "Contents"));

  pack_without = _ic_window_new_print_operation (window, TRUE);
  pack_without_text = print_text (pack_without, dir, "pack-without.pdf");
  g_assert_null (strstr (pack_without_text, "What the reports say about"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-pack", "s", "\"care leavers\"");
  pack = _ic_window_new_print_operation (window, TRUE);
  pack_text = print_text (pack, dir, "pack.pdf");
  g_assert_nonnull (strstr (pack_text, "What the reports say about \u201ccare leavers\u201d"));
  g_assert_nonnull (strstr (pack_text, "Contents"));

  if (g_getenv ("IC_KEEP_PRINTS") == NULL)
    ic_test_remove_tree (dir);
  else
    g_test_message ("prints kept in %s", dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';
  return n;
}

/* The matrix CSV, written by Export… on the worker and on the main
 * thread alike, both checked to be @expected. */
static void
assert_matrix_csv (IcWindow   *window,
                   const char *expected)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-export-latest-XXXXXX", NULL);
  g_autofree char *sync_path = g_build_filename (dir, "sync.csv", NULL);
  g_autofree char *async_path = g_build_filename (dir, "async.csv", NULL);
  g_autoptr(GFile) sync_file = g_file_new_for_path (sync_path);
  g_autofree char *sync_csv = NULL;
  g_autofree char *async_csv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_ic_window_export (window, sync_file, &error));
  g_assert_true (export_async (window, async_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sync_path, &sync_csv, NULL, NULL));
  g_assert_true (g_file_get_contents (async_path, &async_csv, NULL, NULL));
  g_assert_cmpstr (sync_csv, ==, expected);
  g_assert_cmpstr (async_csv, ==, expected);
  ic_test_remove_tree (dir);
}

/* The command line's CSV of @store with --latest and @region. */
static char *
cli_matrix_csv (IcReportStore *store,
                const char    *region,
                gboolean       latest)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autoptr(GListModel) kept = NULL;

  if (region != NULL)
    g_assert_true (ic_filter_spec_set_region (spec, region, NULL));
  ic_filter_spec_set_latest (spec, latest);
  kept = ic_filter_spec_select (spec, G_LIST_MODEL (store));
  return ic_csv_matrix (kept);
}

/* With "Latest Inspections" on, the judgement matrix CSV has the rows
 * the matrix shows: each authority's latest graded report (not a later
 * JTAI, not an earlier inspection), after the other filters, as the
 * command line's --latest writes it; off, every filtered report. */
static void
test_matrix_csv_latest (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportStore *store = ic_window_get_store (window);
  g_autofree char *latest = cli_matrix_csv (store, NULL, TRUE);
  g_autofree char *london = cli_matrix_csv (store, "London", TRUE);
  g_autofree char *every = cli_matrix_csv (store, NULL, FALSE);

  g_object_ref_sink (window);
  ic_report_filter_reset (window->filter);
  ic_matrix_view_set_latest_only (window->matrix_view, TRUE);
  g_assert_cmpuint (count_lines (latest), ==, 1 + 5);
  g_assert_nonnull (strstr (latest, "Richmond upon Thames,ilacs,,2022-02-04"));
  g_assert_null (strstr (latest, "jtai"));
  assert_matrix_csv (window, latest);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (window->matrix_view)), ==, 5);

  ic_report_filter_set_region (window->filter, "London");
  g_assert_cmpuint (count_lines (london), ==, 1 + 4);
  assert_matrix_csv (window, london);

  ic_report_filter_reset (window->filter);
  ic_matrix_view_set_latest_only (window->matrix_view, FALSE);
  g_assert_cmpuint (count_lines (every), ==, 1 + 7);
  assert_matrix_csv (window, every);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_dir_make_tmp ("ic-export-data-XXXXXX", &error);
  int status;

  /* Corrections of this test go to a folder of its own. */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-export/same-as-sync", test_same_as_sync);
  g_test_add_func ("/ui-export/snapshot-at-start", test_snapshot_at_start);
  g_test_add_func ("/ui-export/refused", test_refused);
  g_test_add_func ("/ui-export/name-for-format", test_name_for_format);
  g_test_add_func ("/ui-export/chosen-format-written", test_chosen_format_written);
  g_test_add_func ("/ui-export/json-as-cli", test_json_as_cli);
  g_test_add_func ("/ui-export/pack-counts-under-date-filter", test_pack_counts_under_date_filter);
  g_test_add_func ("/ui-export/progress-shown", test_progress_shown);
  g_test_add_func ("/ui-export/cancel", test_cancel);
  g_test_add_func ("/ui-export/cancel-csv", test_cancel_csv);
  g_test_add_func ("/ui-export/csv-progress-counted", test_csv_progress_counted);
  g_test_add_func ("/ui-export/add-to-pack", test_add_to_pack);
  g_test_add_func ("/ui-export/print-search", test_print_search);
  g_test_add_func ("/ui-export/matrix-csv-latest", test_matrix_csv_latest);

  status = g_test_run ();
  ic_test_remove_tree (data);
  return status;
}
