/* test-loader.c: files and folders -> reports and failures in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <stdlib.h>
#include <string.h>

#include "ic-background.h"
#include "ic-json.h"
#include "ic-loader-private.h"
#include "ic-parser.h"
#include "ic-report-private.h"
#include "ic-search-index.h"
#include "ic-test-util.h"

/* A stand-in parser: the first line is the authority, and a first page
 * starting "NOT A REPORT" is refused the way the real parser refuses. */
static IcReport *
fake_parse (const char          *source,
            const char * const  *pages,
            gboolean             from_pdf,
            GError             **error)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_MAY, 2020);
  g_autofree char *first = g_strndup (pages[0], strcspn (pages[0], "\n"));
  IcReport *report;

  if (g_str_has_prefix (pages[0], "NOT A REPORT"))
    {
      g_set_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NOT_A_REPORT,
                   "not an Ofsted report (fake parser)");
      return NULL;
    }

  report = _ic_report_new (source);
  _ic_report_set_authority (report, first);
  _ic_report_set_end_date (report, date);
  return report;
}

static IcReport *
slow_parse (const char          *source,
            const char * const  *pages,
            gboolean             from_pdf,
            GError             **error)
{
  g_usleep (3000);
  return fake_parse (source, pages, from_pdf, error);
}

static void
write_bytes (const char *dir,
             const char *name,
             const char *data,
             gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
copy_fixture (const char *dir,
              const char *fixture,
              const char *name)
{
  g_autofree char *path = ic_test_fixture_path (fixture);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  write_bytes (dir, name, data, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **)a, *(char **)b);
}

/* Every path under @dir with its size and modification time, to prove
 * that loading wrote nothing there. */
static void
list_tree (const char *dir,
           GString    *out)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_string_append_printf (out, "%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld\n", path,
                              (gint64)st.st_size, (gint64)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
      if (S_ISDIR (st.st_mode))
        list_tree (path, out);
    }
}

static const char *
failure_reason (IcReportStore *store,
                const char    *dir,
                const char    *name)
{
  GListModel *failures = ic_report_store_get_failures (store);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      if (g_str_equal (ic_failure_get_source (failure), path))
        return ic_failure_get_reason (failure);
    }
  return NULL;
}

static IcReport *
find_authority (IcReportStore *store,
                const char    *authority)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);

      if (g_strcmp0 (ic_report_get_authority (report), authority) == 0)
        return report;
    }
  return NULL;
}

static char *
make_mixed_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ic-load-XXXXXX", &error);
  const char utf16[] = "\xff\xfe" "U\0t\0f\0" "1\0" "6\0\n\0" "p\0" "1\0\f\0" "p\0" "2\0";
  const char cp1252[] = "Cp1252 \x93quoted\x94\r\nline\r\n";
  const char junk[] = "\x01\x02\x03\x00\xff\xfe";

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "a/report.pdf");
  copy_fixture (dir, "two-pages.pdf", "b/deeper/copy.PDF");
  copy_fixture (dir, "web-page.pdf", "web-page.pdf");
  copy_fixture (dir, "password.pdf", "password.pdf");
  copy_fixture (dir, "damaged.pdf", "damaged.pdf");
  copy_fixture (dir, "no-text.pdf", "no-text.pdf");
  write_bytes (dir, "empty.pdf", "", 0);
  write_bytes (dir, "utf16.txt", utf16, sizeof utf16 - 1);
  write_bytes (dir, "cp1252.TXT", cp1252, -1);
  write_bytes (dir, "junk.txt", junk, sizeof junk - 1);
  write_bytes (dir, "refused.txt", "NOT A REPORT\n", -1);
  write_bytes (dir, "refused-copy.txt", "NOT A REPORT\n", -1);
  write_bytes (dir, "ignored.doc", "not looked at", -1);
  return dir;
}

/* With the helper process (meson test sets IC_EXTRACT_HELPER), a PDF that
 * crashes it fails alone; the test-only comment makes the helper abort. */
static gboolean
add_crashing_pdf (const char *dir)
{
  g_autofree char *path = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *data = NULL;
  g_autofree char *crash = NULL;
  gsize length;

  if (g_getenv ("IC_EXTRACT_HELPER") == NULL)
    {
      g_test_message ("IC_EXTRACT_HELPER is not set: no crashing PDF in this run");
      return FALSE;
    }
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  crash = g_strconcat (data, "\n%IC-TEST-CRASH\n", NULL);
  write_bytes (dir, "crash.pdf", crash, -1);
  return TRUE;
}

static void
test_mixed (void)
{
  g_autofree char *dir = make_mixed_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = g_build_filename (dir, "a/report.pdf", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "b/deeper/copy.PDF", NULL);
  const char * const *duplicates;
  IcReport *report;

  gboolean crash = add_crashing_pdf (dir);

  list_tree (dir, before);
  _ic_loader_set_parse_func (loader, fake_parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  list_tree (dir, after);
  g_assert_cmpstr (before->str, ==, after->str);

  /* 12 files found (13 with crash.pdf); the PDF and its copy make one report. */
  g_assert_cmpuint (ic_loader_get_n_total (loader), ==, 12 + crash);
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, 12 + crash);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (store)), ==, 8 + crash);
  if (crash)
    g_assert_cmpstr (failure_reason (store, dir, "crash.pdf"), ==,
                     "the PDF made the text extractor crash");

  report = find_authority (store, "Fixture report");
  g_assert_nonnull (report);
  g_assert_cmpuint (strlen (ic_report_get_content_id (report)), ==, 64);
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
  g_assert_cmpstr (ic_report_get_pages (report)[1], ==, "Second page text\n\n");
  duplicates = ic_report_get_duplicates (report);
  g_assert_cmpuint (g_strv_length ((char **)duplicates), ==, 1);
  /* Whichever worker got there first is the report; the other the copy. */
  g_assert_true ((g_str_equal (ic_report_get_source (report), pdf_path) &&
                  g_str_equal (duplicates[0], copy_path)) ||
                 (g_str_equal (ic_report_get_source (report), copy_path) &&
                  g_str_equal (duplicates[0], pdf_path)));

  report = find_authority (store, "Utf16");
  g_assert_nonnull (report);
  g_assert_cmpstr (ic_report_get_pages (report)[0], ==, "Utf16\np1");
  g_assert_cmpstr (ic_report_get_pages (report)[1], ==, "p2");
  report = find_authority (store, "Cp1252 “quoted”");
  g_assert_nonnull (report);
  g_assert_cmpstr (ic_report_get_pages (report)[0], ==, "Cp1252 “quoted”\nline\n");

  g_assert_cmpstr (failure_reason (store, dir, "web-page.pdf"), ==, "not a PDF: it is a web page");
  g_assert_cmpstr (failure_reason (store, dir, "password.pdf"), ==, "the PDF is password-protected");
  g_assert_true (g_str_has_prefix (failure_reason (store, dir, "damaged.pdf"), "the PDF is damaged: "));
  g_assert_cmpstr (failure_reason (store, dir, "no-text.pdf"), ==, "the PDF has no text (scanned image?)");
  g_assert_cmpstr (failure_reason (store, dir, "empty.pdf"), ==, "the file is empty");
  g_assert_cmpstr (failure_reason (store, dir, "junk.txt"), ==, "not a text file");
  /* The parser's own message; a copy of a refused file is refused too. */
  g_assert_cmpstr (failure_reason (store, dir, "refused.txt"), ==, "not an Ofsted report (fake parser)");
  g_assert_cmpstr (failure_reason (store, dir, "refused-copy.txt"), ==, "not an Ofsted report (fake parser)");

  ic_test_remove_tree (dir);
}

/* The first @keep bytes of @fixture, as a download stopped early
 * leaves it. */
static void
copy_fixture_head (const char *dir,
                   const char *fixture,
                   const char *name,
                   gsize       keep)
{
  g_autofree char *path = ic_test_fixture_path (fixture);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, keep);
  write_bytes (dir, name, data, keep);
}

/* A copy of @fixture without its last @cut bytes, as a download that
 * did not finish leaves it. */
static void
copy_fixture_cut (const char *dir,
                  const char *fixture,
                  const char *name,
                  gsize       cut)
{
  g_autofree char *path = ic_test_fixture_path (fixture);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_size, >, cut);
  copy_fixture_head (dir, fixture, name, st.st_size - cut);
}

/* A PDF cut short is said to be, where the text read from its start
 * was said to be "not an Ofsted local authority report" and one with no
 * text then "no text (scanned image?)"; a whole PDF keeps its reason. */
static void
test_cut_short (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-load-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  const char *cut = "the PDF is cut short: its end is missing (a download or copy that did not finish?)";

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "whole.pdf");
  copy_fixture_cut (dir, "two-pages.pdf", "cut.pdf", 200);
  copy_fixture_cut (dir, "no-text.pdf", "cut-no-text.pdf", 200);
  copy_fixture_head (dir, "two-pages.pdf", "cut-unreadable.pdf", 200);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (store)), ==, 4);
  g_assert_cmpstr (failure_reason (store, dir, "whole.pdf"), ==, "not an Ofsted local authority report");
  g_assert_cmpstr (failure_reason (store, dir, "cut.pdf"), ==, cut);
  g_assert_cmpstr (failure_reason (store, dir, "cut-no-text.pdf"), ==, cut);
  /* Too little left for MuPDF to open: the cut, not "damaged: <MuPDF's words>". */
  g_assert_cmpstr (failure_reason (store, dir, "cut-unreadable.pdf"), ==, cut);
  ic_test_remove_tree (dir);
}

/* A PDF cut short whose start still reads as a report is loaded with
 * what could be read, and says that it is cut short: by its code and
 * among its warnings. A whole copy says nothing of the kind. */
static void
test_cut_short_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-load-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  const char *cut = "the PDF is cut short: its end is missing (a download or copy that did not finish?)";
  IcReport *report;

  g_assert_no_error (error);
  write_bytes (dir, "whole.txt", "Whole report\n", -1);
  copy_fixture_cut (dir, "two-pages.pdf", "cut.pdf", 200);
  _ic_loader_set_parse_func (loader, fake_parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (store)), ==, 0);
  report = find_authority (store, "Fixture report");
  g_assert_nonnull (report);
  g_assert_cmpint (ic_report_get_damage (report), ==, IC_DAMAGE_CUT_SHORT);
  g_assert_true (g_strv_contains (ic_report_get_warnings (report), cut));
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
  report = find_authority (store, "Whole report");
  g_assert_nonnull (report);
  g_assert_cmpint (ic_report_get_damage (report), ==, IC_DAMAGE_NONE);
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_warnings (report)), ==, 0);
  ic_test_remove_tree (dir);
}

/* Loading the same folder again adds nothing and counts every file. */
static void
test_reload (void)
{
  g_autofree char *dir = make_mixed_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  IcReport *report;

  _ic_loader_set_parse_func (loader, fake_parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, 12);
  g_assert_cmpuint (ic_loader_get_n_total (loader), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  report = find_authority (store, "Fixture report");
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_duplicates (report)), ==, 1);
  ic_test_remove_tree (dir);
}

static char *
make_many (guint n)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ic-many-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("d%u/report-%03u.txt", i % 7, i);
      g_autofree char *text = g_strdup_printf ("Authority %03u\nSome text\n", i);

      write_bytes (dir, name, text, -1);
    }
  return dir;
}

typedef struct
{
  guint          items_changed;
  guint          n_done_notifies;
  GAsyncResult  *result;
  GCancellable  *cancellable;
  gint64         cancelled_at;
  gint64         returned_at;
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  watch->items_changed++;
  if (watch->cancellable != NULL && watch->cancelled_at == 0)
    {
      watch->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (watch->cancellable);
    }
}

static void
n_done_cb (GObject    *object,
           GParamSpec *pspec,
           Watch      *watch)
{
  watch->n_done_notifies++;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Watch *watch = user_data;

  watch->returned_at = g_get_monotonic_time ();
  watch->result = g_object_ref (result);
}

static void
run_async (IcLoader *loader,
           GFile    *folder,
           Watch    *watch)
{
  ic_loader_load_async (loader, &folder, 1, watch->cancellable, loaded_cb, watch);
  while (watch->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_batches (void)
{
  g_autofree char *dir = make_many (200);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };

  _ic_loader_set_parse_func (loader, slow_parse);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  g_signal_connect (loader, "notify::n-done", G_CALLBACK (n_done_cb), &watch);
  run_async (loader, folder, &watch);
  g_assert_true (ic_loader_load_finish (loader, watch.result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 200);
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, 200);
  /* 200 files of 3 ms each take at least 300 ms on two cores: several
   * batches, far fewer than one per file. */
  g_test_message ("%u items-changed, %u n-done notifications", watch.items_changed,
                  watch.n_done_notifies);
  g_assert_cmpuint (watch.items_changed, >, 1);
  g_assert_cmpuint (watch.items_changed, <, 100);
  g_assert_cmpuint (watch.n_done_notifies, >, 1);
  g_clear_object (&watch.result);
  ic_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autofree char *dir = make_many (400);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  guint n_at_return;

  _ic_loader_set_parse_func (loader, slow_parse);
  watch.cancellable = cancellable;
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  run_async (loader, folder, &watch);
  g_assert_false (ic_loader_load_finish (loader, watch.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("returned %.1f ms after cancel",
                  (watch.returned_at - watch.cancelled_at) / 1000.0);
  /* The target is 100 ms; a loaded test machine gets some slack. */
  g_assert_cmpint (watch.returned_at - watch.cancelled_at, <, 500 * 1000);

  /* Nothing more reaches the store after the load returned. */
  n_at_return = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n_at_return, <, 400);
  for (guint i = 0; i < 30; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_at_return);
  g_clear_object (&watch.result);
  ic_test_remove_tree (dir);
}

/* IC_DEBUG_STALLS=1 makes an asynchronous load print its longest
 * main-loop gap; the subprocess loads 50 files, the parent reads stderr. */
static void
test_stalls (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_many (50);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);
      Watch watch = { 0 };

      g_setenv ("IC_DEBUG_STALLS", "1", TRUE);
      _ic_loader_set_parse_func (loader, fake_parse);
      run_async (loader, folder, &watch);
      g_assert_true (ic_loader_load_finish (loader, watch.result, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 50);
      g_clear_object (&watch.result);
      ic_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*longest main-loop stall while loading: *ms*");
}

/* IC_DEBUG_STAGES=1 makes a load print where its time went, one row a
 * step with the number of files that went through it: 50 text files,
 * no cache (IC_NO_CACHE), each read, hashed, decoded, parsed, indexed
 * and given themes once. */
static void
test_stages (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_many (50);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);

      g_setenv ("IC_DEBUG_STAGES", "1", TRUE);
      _ic_loader_set_parse_func (loader, fake_parse);
      ic_loader_set_index_text (loader, TRUE);
      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 50);
      ic_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*load profile (IC_DEBUG_STAGES): *s wall*"
                             "| scan (coordinator) | 1 |*"
                             "| read file | 50 |*"
                             "| hash (SHA-256) | 50 |*"
                             "| cache read (path, pages, report) | 0 |*"
                             "| extract (PDF helper or text decode) | 50 |*"
                             "| parse | 50 |*"
                             "| cache write | 0 |*"
                             "| search index (cache read or build) | 50 |*"
                             "| themes | 50 |*");
}

/* Without IC_DEBUG_STAGES a load prints nothing. */
static void
test_stages_off (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_many (5);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);

      g_unsetenv ("IC_DEBUG_STAGES");
      _ic_loader_set_parse_func (loader, fake_parse);
      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
      ic_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*load profile*");
}

/* A stand-in parser that tells how many pages it saw: the authority is
 * "<first line> (<n> pages)". */
static IcReport *
counting_parse (const char          *source,
                const char * const  *pages,
                gboolean             from_pdf,
                GError             **error)
{
  IcReport *report = fake_parse (source, pages, from_pdf, error);
  g_autofree char *authority = NULL;

  if (report == NULL)
    return NULL;
  authority = g_strdup_printf ("%s (%u pages)", ic_report_get_authority (report),
                               g_strv_length ((char **)pages));
  _ic_report_set_authority (report, authority);
  return report;
}

typedef struct
{
  GPtrArray *authorities;   /* every authority the store listed, in order */
  guint      n_replaced;    /* items-changed that replaced as many as they removed */
} Seen;

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Seen       *seen)
{
  if (removed > 0 && removed == added)
    seen->n_replaced++;
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (model, i);

      g_ptr_array_add (seen->authorities, g_strdup (ic_report_get_authority (report)));
    }
}

static gboolean
seen_authority_with_suffix (Seen       *seen,
                            const char *suffix)
{
  for (guint i = 0; i < seen->authorities->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (seen->authorities, i), suffix))
      return TRUE;
  return FALSE;
}

/* A first pass of one page: a two-page PDF is listed first from its first
 * page, then replaced by the report of both, keeping its copy. A PDF
 * whose second pass fails (no text on any page) loses its provisional
 * report and fails. */
static void
test_progressive (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-progressive-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
  Seen seen = { authorities, 0 };
  IcReport *report;

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "a/report.pdf");
  copy_fixture (dir, "two-pages.pdf", "b/copy.pdf");
  copy_fixture (dir, "no-text.pdf", "no-text.pdf");
  copy_fixture (dir, "password.pdf", "password.pdf");
  _ic_loader_set_parse_func (loader, counting_parse);
  _ic_loader_set_first_pass (loader, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);

  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (seen_authority_with_suffix (&seen, " (1 pages)"));
  g_assert_cmpuint (seen.n_replaced, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  report = ic_report_store_get_report (store, 0);
  g_assert_true (g_str_has_suffix (ic_report_get_authority (report), " (2 pages)"));
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_duplicates (report)), ==, 1);
  g_assert_cmpstr (failure_reason (store, dir, "no-text.pdf"), ==,
                   "the PDF has no text (scanned image?)");
  g_assert_cmpstr (failure_reason (store, dir, "password.pdf"), ==,
                   "the PDF is password-protected");
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, 4);
  g_assert_cmpuint (ic_loader_get_n_total (loader), ==, 4);
  ic_test_remove_tree (dir);
}

/* Writes to the file while its first pages are parsed, as an editor
 * saving it would. */
static IcReport *
changing_parse (const char          *source,
                const char * const  *pages,
                gboolean             from_pdf,
                GError             **error)
{
  if (g_strv_length ((char **)pages) == 1)
    {
      g_autofree char *data = NULL;
      g_autofree char *longer = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &data, &length, NULL));
      longer = g_strconcat (data, "\n% saved again\n", NULL);
      g_assert_true (g_file_set_contents (source, longer, -1, NULL));
    }
  return counting_parse (source, pages, from_pdf, error);
}

/* A file that changes between the passes fails with a reason, and its
 * provisional report goes. */
static void
test_progressive_changed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-progressive-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
  Seen seen = { authorities, 0 };

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "report.pdf");
  _ic_loader_set_parse_func (loader, changing_parse);
  _ic_loader_set_first_pass (loader, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);

  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (seen_authority_with_suffix (&seen, " (1 pages)"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpstr (failure_reason (store, dir, "report.pdf"), ==,
                   "the file changed while it was being read; open it again");
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, 1);
  ic_test_remove_tree (dir);
}

/* Removes the file while its first pages are parsed. */
static IcReport *
removing_parse (const char          *source,
                const char * const  *pages,
                gboolean             from_pdf,
                GError             **error)
{
  if (g_strv_length ((char **)pages) == 1)
    g_assert_cmpint (g_unlink (source), ==, 0);
  return counting_parse (source, pages, from_pdf, error);
}

/* A file removed between the passes is missing in the same words as
 * everywhere else ("no such file or folder"), not the C library's. */
static void
test_progressive_removed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-progressive-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "report.pdf");
  _ic_loader_set_parse_func (loader, removing_parse);
  _ic_loader_set_first_pass (loader, 1);

  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (failure_reason (store, dir, "report.pdf"), ==,
                   "cannot read the file: no such file or folder");
  ic_test_remove_tree (dir);
}

static GCancellable *cancel_on_final;

/* Cancels the load at the first report of a whole file, after giving
 * the 75 ms flush timer time to list the provisional reports. */
static IcReport *
cancelling_parse (const char          *source,
                  const char * const  *pages,
                  gboolean             from_pdf,
                  GError             **error)
{
  if (g_strv_length ((char **)pages) > 1)
    {
      g_usleep (500 * 1000);
      g_cancellable_cancel (cancel_on_final);
    }
  return counting_parse (source, pages, from_pdf, error);
}

/* Cancelled in the second pass, the load leaves only final reports: a
 * provisional one would pass for the whole report. */
static void
test_progressive_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-progressive-XXXXXX", &error);
  g_autofree char *fixture = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *data = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Seen seen = { authorities, 0 };
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  /* Different bytes, so that no file is a copy of another. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.pdf", i);
      g_autofree char *bytes = g_strdup_printf ("%s\n%% %u\n", data, i);

      write_bytes (dir, name, bytes, -1);
    }
  cancel_on_final = cancellable;
  _ic_loader_set_parse_func (loader, cancelling_parse);
  _ic_loader_set_first_pass (loader, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);

  g_assert_false (ic_loader_load_sync (loader, &folder, 1, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_assert_true (g_str_has_suffix (ic_report_get_authority (ic_report_store_get_report (store, i)),
                                     " (2 pages)"));
  g_test_message ("%u listed on the way, %u left", seen.authorities->len,
                  g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_assert_true (seen_authority_with_suffix (&seen, " (1 pages)"));
  cancel_on_final = NULL;
  ic_test_remove_tree (dir);
}

static void
count_changed_cb (IcReport *report,
                  guint    *n_changed)
{
  (*n_changed)++;
}

/* replace_batch gives the report with the same content id what the new
 * one has, in place: the same object (rows and pages showing it keep it),
 * its copies kept, re-sorted with one items-changed, then one
 * IcReport::changed. */
static void
test_replace (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
  const char *names[] = { "Barnet", "Camden", "Ealing" };
  Seen seen = { authorities, 0 };
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_MAY, 2020);
  g_autoptr(IcJudgement) judgement = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS, "Overall",
                                                       IC_GRADE_GOOD, 3);
  IcReport *barnet, *report;
  guint n_changed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%u", i);

      report = _ic_report_new (names[i]);
      _ic_report_set_authority (report, names[i]);
      _ic_report_set_end_date (report, date);
      _ic_report_set_content_id (report, id);
      g_ptr_array_add (batch, report);
    }
  ic_report_store_add_batch (store, batch);
  barnet = ic_report_store_find_content (store, "id-0");
  ic_report_store_add_duplicate (store, barnet, "copy-of-barnet");
  g_signal_connect (barnet, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_ptr_array_set_size (batch, 0);

  /* Barnet's full report turns out to be Hackney's: it moves to the end. */
  report = _ic_report_new ("Barnet");
  _ic_report_set_authority (report, "Hackney");
  _ic_report_set_end_date (report, date);
  _ic_report_set_content_id (report, "id-0");
  _ic_report_add_judgement (report, judgement);
  _ic_report_add_strength (report, "Strong leadership");
  g_ptr_array_add (batch, report);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);
  ic_report_store_replace_batch (store, batch);

  g_assert_cmpuint (seen.n_replaced, ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_cmpstr (ic_report_get_authority (ic_report_store_get_report (store, 0)), ==, "Camden");
  g_assert_true (ic_report_store_get_report (store, 2) == barnet);
  g_assert_true (ic_report_store_find_content (store, "id-0") == barnet);
  g_assert_cmpstr (ic_report_get_authority (barnet), ==, "Hackney");
  g_assert_cmpint (ic_report_get_grade (barnet, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_assert_cmpstrv (ic_report_get_strengths (barnet), ((const char *[]){ "Strong leadership", NULL }));
  g_assert_cmpstrv (ic_report_get_duplicates (barnet), ((const char *[]){ "copy-of-barnet", NULL }));
}

/* A corrected report read again in full keeps its corrections, applied
 * to the new parse: the correction wins where it says something, the new
 * parse everywhere else, and undoing it gives the new parse's value. */
static void
test_replace_keeps_corrections (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-replace-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "corrections.json", NULL);
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) end = g_date_new_dmy (1, G_DATE_MAY, 2020);
  g_autoptr(IcJudgement) good = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS, "Overall", IC_GRADE_GOOD, 2);
  IcReport *first, *full;

  first = _ic_report_new ("a.pdf");
  _ic_report_set_authority (first, "Barnet");
  _ic_report_set_content_id (first, "id-a");
  g_ptr_array_add (batch, first);
  ic_report_store_set_corrections (store, corrections);
  ic_report_store_add_batch (store, batch);
  g_assert_true (ic_corrections_set_field (corrections, "id-a", "grade.overall_effectiveness",
                                           "inadequate", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ic_report_get_grade (first, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
  g_ptr_array_set_size (batch, 0);

  /* The full read finds what the first pages lacked: a date and a grade. */
  full = _ic_report_new ("a.pdf");
  _ic_report_set_authority (full, "Barnet");
  _ic_report_set_end_date (full, end);
  _ic_report_add_judgement (full, good);
  _ic_report_set_content_id (full, "id-a");
  g_ptr_array_add (batch, full);
  ic_report_store_replace_batch (store, batch);

  g_assert_true (ic_report_store_get_report (store, 0) == first);
  g_assert_nonnull (ic_report_get_end_date (first));
  g_assert_cmpint (g_date_compare (ic_report_get_end_date (first), end), ==, 0);
  g_assert_cmpint (ic_report_get_grade (first, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (first), "grade.overall_effectiveness"));

  /* Undone, the grade is the full read's, not the first pages' (none). */
  g_assert_true (ic_corrections_remove (corrections, "id-a", "grade.overall_effectiveness"));
  g_assert_cmpint (ic_report_get_grade (first, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  ic_test_remove_tree (dir);
}

/* The nice value of each thread that parsed a report (-100: none yet). */
static int parse_nice_min = 100, parse_nice_max = -100;
static GMutex parse_nice_lock;

static IcReport *
nice_recording_parse (const char          *source,
                      const char * const  *pages,
                      gboolean             from_pdf,
                      GError             **error)
{
  int nice = ic_background_get_thread_nice ();

  g_mutex_lock (&parse_nice_lock);
  parse_nice_min = MIN (parse_nice_min, nice);
  parse_nice_max = MAX (parse_nice_max, nice);
  g_mutex_unlock (&parse_nice_lock);
  return fake_parse (source, pages, from_pdf, error);
}

static void
load_recording_nice (IcLoader   *loader,
                     const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  parse_nice_min = 100;
  parse_nice_max = -100;
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
}

/* The nice values of this process's children (the extraction helpers),
 * from /proc. */
static GArray *
children_nice (void)
{
  GArray *nices = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *task;

  while (tasks != NULL && (task = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/children", task);
      g_autofree char *pids = NULL;
      g_auto(GStrv) list = NULL;

      if (!g_file_get_contents (path, &pids, NULL, NULL))
        continue;
      list = g_strsplit (g_strstrip (pids), " ", -1);
      for (guint i = 0; list[i] != NULL && *list[i] != '\0'; i++)
        {
          g_autofree char *stat_path = g_strdup_printf ("/proc/%s/stat", list[i]);
          g_autofree char *stat = NULL;
          g_auto(GStrv) fields = NULL;
          int nice;

          if (!g_file_get_contents (stat_path, &stat, NULL, NULL) || strrchr (stat, ')') == NULL)
            continue;
          /* After "pid (comm)": state is field 3, nice field 19. */
          fields = g_strsplit (strrchr (stat, ')') + 2, " ", -1);
          if (g_strv_length (fields) < 17)
            continue;
          nice = atoi (fields[16]);
          g_array_append_val (nices, nice);
        }
    }
  return nices;
}

/* A background load parses on threads of its own at IC_BACKGROUND_NICE
 * and leaves the caller's thread and GLib's shared threads alone: a later
 * normal load parses at the process's priority again. */
static void
test_background (void)
{
  g_autofree char *dir = make_many (40);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(IcReportStore) store2 = ic_report_store_new ();
  g_autoptr(IcLoader) loader2 = ic_loader_new (store2);
  int own_nice = ic_background_get_thread_nice ();

#ifndef __linux__
  g_test_skip ("thread priorities are only set on Linux");
  return;
#endif
  if (own_nice >= IC_BACKGROUND_NICE)
    {
      g_test_skip ("the tests already run at the background priority");
      return;
    }

  g_assert_false (ic_loader_get_background (loader));
  ic_loader_set_background (loader, TRUE);
  g_assert_true (ic_loader_get_background (loader));
  _ic_loader_set_parse_func (loader, nice_recording_parse);
  load_recording_nice (loader, dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 40);
  g_assert_cmpint (parse_nice_min, ==, IC_BACKGROUND_NICE);
  g_assert_cmpint (parse_nice_max, ==, IC_BACKGROUND_NICE);
  g_assert_cmpint (ic_background_get_thread_nice (), ==, own_nice);

  _ic_loader_set_parse_func (loader2, nice_recording_parse);
  load_recording_nice (loader2, dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store2)), ==, 40);
  g_assert_cmpint (parse_nice_max, ==, own_nice);
  ic_test_remove_tree (dir);

  /* PDFs: the extraction helpers the background load used are lowered
   * too, and stay so for the process. */
  if (g_getenv ("IC_EXTRACT_HELPER") != NULL)
    {
      g_autofree char *pdf_dir = make_mixed_folder ();
      g_autoptr(GArray) nices = NULL;

      load_recording_nice (loader, pdf_dir);
      nices = children_nice ();
      g_assert_cmpuint (nices->len, >, 0);
      for (guint i = 0; i < nices->len; i++)
        g_assert_cmpint (g_array_index (nices, int, i), ==, IC_BACKGROUND_NICE);
      ic_test_remove_tree (pdf_dir);
    }
  else
    g_test_message ("IC_EXTRACT_HELPER is not set: helper priorities not checked");
}

typedef struct
{
  GMutex     mutex;
  GPtrArray *sources;
  GThread   *main_thread;
  guint      n_on_main;
  guint      n_provisional;
  guint      n_sealed;
} Told;

static void
told_cb (IcReport *report,
         gboolean  provisional,
         gpointer  user_data)
{
  Told *told = user_data;

  g_mutex_lock (&told->mutex);
  g_ptr_array_add (told->sources, g_strdup (ic_report_get_source (report)));
  told->n_on_main += g_thread_self () == told->main_thread;
  told->n_provisional += provisional;
  told->n_sealed += _ic_report_is_sealed (report);
  g_mutex_unlock (&told->mutex);
}

/* The pipeline's last stage: every report a load reads is handed to the
 * loader's report function once, on a worker thread, before it is
 * published; copies and refused files are not. */
static void
test_report_func (void)
{
  g_autofree char *dir = make_mixed_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GError) error = NULL;
  Told told = { .sources = g_ptr_array_new_with_free_func (g_free),
                .main_thread = g_thread_self () };
  guint n;

  g_mutex_init (&told.mutex);
  _ic_loader_set_parse_func (loader, fake_parse);
  ic_loader_set_report_func (loader, told_cb, &told, NULL);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (told.sources->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (told.sources,
                                                     ic_report_get_source (ic_report_store_get_report (store, i)),
                                                     g_str_equal, NULL));
  g_assert_cmpuint (told.n_on_main, ==, 0);
  g_assert_cmpuint (told.n_provisional, ==, 0);
  /* Told before publishing; sealed once in the store. */
  g_assert_cmpuint (told.n_sealed, ==, 0);
  for (guint i = 0; i < n; i++)
    g_assert_true (_ic_report_is_sealed (ic_report_store_get_report (store, i)));

  ic_loader_set_report_func (loader, NULL, NULL, NULL);
  g_ptr_array_unref (told.sources);
  g_mutex_clear (&told.mutex);
}

/* A load that will not search gives its reports no index (the command
 * line without --search); by default every report has one. */
static void
test_index_text_switch (void)
{
  g_autofree char *dir = make_mixed_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gboolean index_text[] = { FALSE, TRUE };

  for (guint run = 0; run < G_N_ELEMENTS (index_text); run++)
    {
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);
      g_autoptr(GError) error = NULL;
      guint n;

      _ic_loader_set_parse_func (loader, fake_parse);
      ic_loader_set_index_text (loader, index_text[run]);
      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_assert_cmpuint (n, ==, 3);
      for (guint i = 0; i < n; i++)
        {
          IcReport *report = ic_report_store_get_report (store, i);

          g_assert_true ((_ic_report_get_search_doc (report) != NULL) == index_text[run]);
        }
    }
}

/* The command line drops every report's pages once it is parsed and
 * indexed (nothing there reads them again): the index still holds the
 * text; by default the pages stay for the window's report page. */
static void
test_keep_pages_switch (void)
{
  g_autofree char *dir = make_mixed_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  gboolean keep_pages[] = { FALSE, TRUE };

  for (guint run = 0; run < G_N_ELEMENTS (keep_pages); run++)
    {
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);
      g_autoptr(GError) error = NULL;
      guint n, with_text = 0;

      _ic_loader_set_parse_func (loader, fake_parse);
      if (run == 0)
        ic_loader_set_keep_pages (loader, keep_pages[run]);
      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_assert_cmpuint (n, ==, 3);
      for (guint i = 0; i < n; i++)
        {
          IcReport *report = ic_report_store_get_report (store, i);
          const char * const *pages = ic_report_get_pages (report);
          IcSearchDoc *doc = _ic_report_get_search_doc (report);

          g_assert_nonnull (pages);
          g_assert_true ((pages[0] != NULL) == keep_pages[run]);
          g_assert_nonnull (doc);
          with_text += ic_search_doc_get_text (doc)[0] != '\0';
        }
      g_assert_cmpuint (with_text, ==, n);
    }
  ic_test_remove_tree (dir);
}

static void
count_provisional_cb (IcReport *report,
                      gboolean  provisional,
                      gpointer  user_data)
{
  guint *counts = user_data;

  g_atomic_int_inc (&counts[provisional ? 1 : 0]);
}

static void
count_damaged_cb (IcReport *report,
                  gboolean  provisional,
                  gpointer  user_data)
{
  guint *counts = user_data;

  if (ic_report_get_damage (report) == IC_DAMAGE_CUT_SHORT)
    g_atomic_int_inc (&counts[provisional ? 1 : 0]);
}

/* A PDF cut short read progressively is said to be from its first
 * pages: the report listed from them, before the whole is read, shows
 * the same warning as the one that replaces it. */
static void
test_cut_short_provisional (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-cut-provisional-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  guint counts[2] = { 0, 0 };  /* final, provisional */

  g_assert_no_error (error);
  copy_fixture_cut (dir, "two-pages.pdf", "cut.pdf", 200);
  _ic_loader_set_parse_func (loader, fake_parse);
  _ic_loader_set_first_pass (loader, 1);
  ic_loader_set_report_func (loader, count_damaged_cb, counts, NULL);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[0], ==, 1);
  ic_test_remove_tree (dir);
}

/* Not progressive (the command line): a PDF longer than the first pass
 * is read once, whole; no report from its first pages is parsed. */
static void
test_one_pass (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-one-pass-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  guint counts[2] = { 0, 0 };  /* final, provisional */
  IcReport *report;

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "report.pdf");
  _ic_loader_set_parse_func (loader, counting_parse);
  _ic_loader_set_first_pass (loader, 1);
  ic_loader_set_report_func (loader, count_provisional_cb, counts, NULL);
  g_assert_true (ic_loader_get_progressive (loader));
  ic_loader_set_progressive (loader, FALSE);

  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  report = ic_report_store_get_report (store, 0);
  g_assert_true (g_str_has_suffix (ic_report_get_authority (report), " (2 pages)"));
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);

  /* The same file progressively: first its first page, then the whole. */
  g_clear_object (&loader);
  g_clear_object (&store);
  store = ic_report_store_new ();
  loader = ic_loader_new (store);
  counts[0] = counts[1] = 0;
  _ic_loader_set_parse_func (loader, counting_parse);
  _ic_loader_set_first_pass (loader, 1);
  ic_loader_set_report_func (loader, count_provisional_cb, counts, NULL);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[0], ==, 1);
  ic_test_remove_tree (dir);
}

/* Progressive, but a PDF short enough is read whole in its first pass:
 * its final report is listed at once, no report from its first pages is
 * parsed, and it is not opened a second time for the rest. */
static void
test_short_whole (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-short-whole-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
  Seen seen = { authorities, 0 };
  guint counts[2] = { 0, 0 };  /* final, provisional */
  IcReport *report;

  g_assert_no_error (error);
  copy_fixture (dir, "two-pages.pdf", "report.pdf");
  _ic_loader_set_parse_func (loader, counting_parse);
  _ic_loader_set_first_pass (loader, 1);
  _ic_loader_set_whole_up_to (loader, 2);
  ic_loader_set_report_func (loader, count_provisional_cb, counts, NULL);
  g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);
  g_assert_true (ic_loader_get_progressive (loader));

  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_false (seen_authority_with_suffix (&seen, " (1 pages)"));
  g_assert_cmpuint (seen.n_replaced, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  report = ic_report_store_get_report (store, 0);
  g_assert_true (g_str_has_suffix (ic_report_get_authority (report), " (2 pages)"));
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
  ic_test_remove_tree (dir);
}

/* Progressive, a long PDF read by a helper: its report from the first
 * pages is listed, then the whole one replaces it, and the helper opens
 * the PDF once for both (one request), where a second pass would send,
 * open and parse the file again. */
static void
test_streamed_once (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("ic-streamed-XXXXXX", &error);
      g_autofree char *log_dir = g_dir_make_tmp ("ic-streamed-log-XXXXXX", &error);
      g_autofree char *log = g_build_filename (log_dir, "requests", NULL);
      g_autofree char *requests = NULL;
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);
      g_autoptr(GPtrArray) authorities = g_ptr_array_new_with_free_func (g_free);
      Seen seen = { authorities, 0 };
      guint counts[2] = { 0, 0 };  /* final, provisional */
      IcReport *report;

      g_assert_no_error (error);
      /* Read by the helpers this process starts from now on. */
      g_setenv ("IC_EXTRACT_HELPER_TEST_LOG", log, TRUE);
      copy_fixture (dir, "two-pages.pdf", "report.pdf");
      _ic_loader_set_parse_func (loader, counting_parse);
      _ic_loader_set_first_pass (loader, 1);
      ic_loader_set_report_func (loader, count_provisional_cb, counts, NULL);
      g_signal_connect (store, "items-changed", G_CALLBACK (record_cb), &seen);

      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (counts[1], ==, 1);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_true (seen_authority_with_suffix (&seen, " (1 pages)"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
      report = ic_report_store_get_report (store, 0);
      g_assert_true (g_str_has_suffix (ic_report_get_authority (report), " (2 pages)"));
      g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
      g_assert_true (g_file_get_contents (log, &requests, NULL, NULL));
      g_assert_cmpstr (requests, ==, "request\n");
      ic_test_remove_tree (dir);
      ic_test_remove_tree (log_dir);
      return;
    }

  if (g_getenv ("IC_EXTRACT_HELPER") == NULL)
    {
      g_test_skip ("IC_EXTRACT_HELPER is not set");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A helper that dies once it has sent a long PDF's first pages costs
 * only that helper: its report from the first pages is listed once, and
 * a fresh helper is asked for the rest alone. */
static void
test_streamed_crash_after_first (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("ic-streamed-XXXXXX", &error);
      g_autofree char *log_dir = g_dir_make_tmp ("ic-streamed-log-XXXXXX", &error);
      g_autofree char *log = g_build_filename (log_dir, "requests", NULL);
      g_autofree char *fixture = ic_test_fixture_path ("two-pages.pdf");
      g_autofree char *data = NULL;
      g_autofree char *crashing = NULL;
      g_autofree char *requests = NULL;
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(IcReportStore) store = ic_report_store_new ();
      g_autoptr(IcLoader) loader = ic_loader_new (store);
      guint counts[2] = { 0, 0 };  /* final, provisional */
      IcReport *report;

      g_assert_no_error (error);
      g_setenv ("IC_EXTRACT_HELPER_TEST_LOG", log, TRUE);
      g_assert_true (g_file_get_contents (fixture, &data, NULL, NULL));
      crashing = g_strconcat (data, "\n%IC-TEST-DIE-AFTER-FIRST\n", NULL);
      write_bytes (dir, "report.pdf", crashing, -1);
      _ic_loader_set_parse_func (loader, counting_parse);
      _ic_loader_set_first_pass (loader, 1);
      ic_loader_set_report_func (loader, count_provisional_cb, counts, NULL);

      g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (counts[1], ==, 1);
      g_assert_cmpuint (counts[0], ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (store)), ==, 0);
      report = ic_report_store_get_report (store, 0);
      g_assert_true (g_str_has_suffix (ic_report_get_authority (report), " (2 pages)"));
      g_assert_cmpuint (g_strv_length ((char **)ic_report_get_pages (report)), ==, 2);
      /* The streamed request, then the rest from a fresh helper. */
      g_assert_true (g_file_get_contents (log, &requests, NULL, NULL));
      g_assert_cmpstr (requests, ==, "request\nrequest\n");
      ic_test_remove_tree (dir);
      ic_test_remove_tree (log_dir);
      return;
    }

  if (g_getenv ("IC_EXTRACT_HELPER") == NULL)
    {
      g_test_skip ("IC_EXTRACT_HELPER is not set");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Lets the helper process obey the crash comment of add_crashing_pdf(). */
  g_setenv ("IC_EXTRACT_HELPER_TEST", "1", TRUE);
  /* Every file takes the full path, with no cache (test-cache.c tests it
   * on its own, test-loader-corpus.c with the loader). */
  g_setenv ("IC_NO_CACHE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/mixed", test_mixed);
  g_test_add_func ("/loader/cut-short", test_cut_short);
  g_test_add_func ("/loader/cut-short-read", test_cut_short_read);
  g_test_add_func ("/loader/cut-short-provisional", test_cut_short_provisional);
  g_test_add_func ("/loader/reload", test_reload);
  g_test_add_func ("/loader/batches", test_batches);
  g_test_add_func ("/loader/cancel", test_cancel);
  g_test_add_func ("/loader/stalls", test_stalls);
  g_test_add_func ("/loader/stages", test_stages);
  g_test_add_func ("/loader/stages-off", test_stages_off);
  g_test_add_func ("/loader/progressive", test_progressive);
  g_test_add_func ("/loader/progressive-changed", test_progressive_changed);
  g_test_add_func ("/loader/progressive-removed", test_progressive_removed);
  g_test_add_func ("/loader/progressive-cancel", test_progressive_cancel);
  g_test_add_func ("/loader/replace", test_replace);
  g_test_add_func ("/loader/replace-keeps-corrections", test_replace_keeps_corrections);
  g_test_add_func ("/loader/background", test_background);
  g_test_add_func ("/loader/report-func", test_report_func);
  g_test_add_func ("/loader/index-text-switch", test_index_text_switch);
  g_test_add_func ("/loader/keep-pages-switch", test_keep_pages_switch);
  g_test_add_func ("/loader/one-pass", test_one_pass);
  g_test_add_func ("/loader/short-whole", test_short_whole);
  g_test_add_func ("/loader/streamed-once", test_streamed_once);
  g_test_add_func ("/loader/streamed-crash-after-first", test_streamed_crash_after_first);

  return g_test_run ();
}
