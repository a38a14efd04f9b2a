/* test-cli.c: the headless command line (README, "Command line"), run for real
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <unistd.h>

#include "ic-test-util.h"

/* Exports must not need a display; the cache only when asked for. */
static void
run_argv (IcTestRun   *run,
          gboolean     cached,
          const char  *first,
          va_list      args)
{
  g_autoptr(GPtrArray) argv = ic_test_collect_args (first, args);
  g_auto(GStrv) envp = g_get_environ ();

  if (!cached)
    envp = g_environ_setenv (envp, "IC_NO_CACHE", "1", TRUE);
  ic_test_run_program (run, NULL, envp, NULL, (const char * const *) argv->pdata);
}

static void
run_cli (IcTestRun        *run,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, FALSE, first, args);
  va_end (args);
}

/* The same with the cache in use (tests keep it in the build folder). */
static void
run_cli_cached (IcTestRun        *run,
                const char *first,
                ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, TRUE, first, args);
  va_end (args);
}

static char *
fixtures_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "parser", NULL);
}

/* The parser's fixtures grow as shapes are added: count them. */
static guint
count_text_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, ".txt");
  return n;
}

static void
test_json_to_stdout (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_auto(IcTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run_cli (&run, "--export-json=-", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "generator"), "inspection-compare "));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reports")), ==,
                    count_text_files (dir) - 2);
  /* The shopping list and the school are failures with its reason, on stderr too. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "failures")), ==, 2);
  g_assert_nonnull (strstr (run.err, "not-a-report.txt: not an Ofsted local authority report"));
  g_assert_true (json_object_has_member (root, "recurrences"));
}

/* The report of @source in the JSON @root, or NULL. */
static JsonObject *
find_report (JsonObject *root,
             const char *source)
{
  JsonArray *reports = json_object_get_array_member (root, "reports");

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);

      if (g_str_equal (json_object_get_string_member (report, "source"), source))
        return report;
    }
  return NULL;
}

static gboolean
has_string (JsonArray  *array,
            const char *string)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_str_equal (json_array_get_string_element (array, i), string))
      return TRUE;
  return FALSE;
}

/* A report read from a PDF cut short is in the JSON with what could be
 * read, marked "damage": "cut_short" and with the reason among its
 * warnings, and said to be on stderr with the file; a whole copy has no
 * "damage" and is not named. */
static void
test_cut_short_pdf (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "ilacs-2019.txt", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  g_autofree char *whole = g_build_filename (tmp, "whole.pdf", NULL);
  g_autofree char *cut = g_build_filename (tmp, "cut.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(IcTestRun) run = { 0 };
  const char *reason = "the PDF is cut short: its end is missing (a download or copy that did not finish?)";
  JsonObject *root, *report;
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  pdf = ic_test_text_pdf (text);
  len = g_bytes_get_size (pdf);
  g_assert_true (g_file_set_contents (whole, g_bytes_get_data (pdf, NULL), len, NULL));
  /* Without its cross-reference table and trailer: MuPDF rebuilds it. */
  g_assert_true (g_file_set_contents (cut, g_bytes_get_data (pdf, NULL), len - 200, NULL));

  run_cli (&run, "--export-json=-", tmp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "failures")), ==, 0);

  report = find_report (root, cut);
  g_assert_nonnull (report);
  g_assert_cmpstr (json_object_get_string_member (report, "damage"), ==, "cut_short");
  g_assert_true (has_string (json_object_get_array_member (report, "warnings"), reason));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "judgements")), ==, 4);
  report = find_report (root, whole);
  g_assert_nonnull (report);
  g_assert_false (json_object_has_member (report, "damage"));

  g_assert_nonnull (strstr (run.err, "cut.pdf: the PDF is cut short"));
  g_assert_null (strstr (run.err, "whole.pdf"));
  ic_test_remove_tree (tmp);
}

/* "-" is standard output for the pack as for the JSON: it was a file
 * named "-" in the current folder, a folder of reports here, which the
 * output guard (taking "-" for standard output) let through. */
static void
test_pack_to_stdout (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "ilacs-2019.txt", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  g_autofree char *report = g_build_filename (tmp, "report.txt", NULL);
  g_autofree char *dash = g_build_filename (tmp, "-", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "IC_NO_CACHE", "1", TRUE);
  const char *argv[] = { "--export-pdf=-", ".", NULL };
  g_auto(IcTestRun) run = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (report, contents, len, NULL));

  ic_test_run_program (&run, tmp, envp, NULL, argv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  ic_test_remove_tree (tmp);
}

static void
close_stdout (gpointer data)
{
  close (STDOUT_FILENO);
}

/* Standard output closed by the caller (">&-"): the JSON meant for it
 * fails, in words, and goes nowhere else (the number 1 was taken by the
 * next file opened, and the write failed as "invalid argument"). */
static void
test_stdout_closed (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_autofree char *cache = g_dir_make_tmp ("ic-cli-cache-XXXXXX", NULL);
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "IC_NO_CACHE");
  const char *argv[] = { "--export-json=-", dir, NULL };

  /* With the cache in use, as most runs are: it opens files early. */
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(IcTestRun) run = { 0 };

      ic_test_run_program (&run, NULL, envp, close_stdout, argv);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, "inspection-compare: standard output: cannot write: it is closed\n"));
    }
  ic_test_remove_tree (cache);
}

static void
test_csv_files (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  g_autofree char *matrix = g_build_filename (tmp, "matrix.csv", NULL);
  g_autofree char *items = g_build_filename (tmp, "items.csv", NULL);
  g_autofree char *matrix_arg = g_strconcat ("--export-csv=", matrix, NULL);
  g_autofree char *items_arg = g_strconcat ("--export-improvements-csv=", items, NULL);
  g_autofree char *text = NULL;
  g_auto(IcTestRun) run = { 0 };

  run_cli (&run, matrix_arg, items_arg, dir, NULL);
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (g_file_get_contents (matrix, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "authority,inspection_type,start_date,end_date,published_date,"
                                         "overall_effectiveness,leadership,help_and_protection,"));
  g_assert_nonnull (strstr (text, ",quality_of_provision,corrected\r\n"));
  g_assert_nonnull (strstr (text, "\r\nRedbridge,child_protection,2012-10-08,2012-10-17,,adequate,inadequate,good,"));
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_get_contents (items, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "authority,inspection_type,end_date,index,timeframe,themes,text,source,"
                                         "corrected\r\n"));
  /* A text holding a comma is quoted (RFC 4180). */
  g_assert_nonnull (strstr (text, ",\"the quality of plans for care leavers, so that every young person"));

  g_unlink (matrix);
  g_unlink (items);
  g_rmdir (tmp);
}

/* Ctrl+C while the outputs are written (IC_CLI_TEST_INTERRUPT: SIGINT
 * at half way through the first): each file given is left as it was,
 * no temporary file beside it, and the program says it was interrupted
 * (status 130, as a shell reports Ctrl+C). */
static void
test_interrupted (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  const char *names[] = { "all.json", "matrix.csv", "items.csv" };
  const char *options[] = { "--export-json=", "--export-csv=", "--export-improvements-csv=" };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "IC_CLI_TEST_INTERRUPT", "1", TRUE);
  g_auto(IcTestRun) run = { 0 };
  g_autoptr(GDir) listing = NULL;
  const char *args[5] = { NULL };
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp, names[i], NULL);

      g_assert_true (g_file_set_contents (path, "the earlier file", -1, NULL));
      args[i] = g_strconcat (options[i], path, NULL);
    }
  args[3] = dir;
  envp = g_environ_setenv (envp, "IC_NO_CACHE", "1", TRUE);
  ic_test_run_program (&run, NULL, envp, NULL, args);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free ((char *) args[i]);

  g_assert_cmpint (run.status, ==, 130);
  g_assert_nonnull (strstr (run.err, "Interrupted"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp, names[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the earlier file");
    }
  listing = g_dir_open (tmp, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (names));

  ic_test_remove_tree (tmp);
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_auto(IcTestRun) missing = { 0 };
  g_auto(IcTestRun) unknown = { 0 };
  g_auto(IcTestRun) none = { 0 };

  run_cli (&missing, "--export-json=-", "/no/such/folder", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.err, ==, "inspection-compare: /no/such/folder: no such file or folder\n");

  run_cli (&unknown, "--export-json=-", "--frobnicate", dir, NULL);
  g_assert_cmpint (unknown.status, ==, 2);

  run_cli (&none, "--export-json=-", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "no input"));
}

static void
test_unwritable_output (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_auto(IcTestRun) run = { 0 };

  run_cli (&run, "--export-json=/no/such/folder/out.json", dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* One line naming the path and the reason. */
  g_assert_nonnull (strstr (run.err, "\ninspection-compare: /no/such/folder/out.json: "));
  g_assert_true (g_str_has_suffix (run.err, "/no/such/folder/out.json: cannot write: the folder does not exist\n"));
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Every entry with its mode, size, modification and change times and a
 * checksum of its content: anything written would show. */
static void
snapshot_into (const char *dir,
               GPtrArray  *rows)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  GStatBuf st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_ptr_array_add (rows, g_strdup_printf ("%s/ %o %ld.%09ld %ld.%09ld", dir, st.st_mode,
                                          (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                          (long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec));
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize len = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          snapshot_into (path, rows);
          continue;
        }
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
      g_ptr_array_add (rows, g_strdup_printf ("%s %o %ld %ld.%09ld %ld.%09ld %s", path, st.st_mode,
                                              (long)st.st_size,
                                              (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                                              (long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec, sum));
    }
}

static char *
snapshot (const char *dir)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  snapshot_into (dir, rows);
  g_ptr_array_sort (rows, compare_rows);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **)rows->pdata);
}

/* The lines naming files under @dir, sorted: the failures, whatever the
 * order the workers finished in and whatever else (a sanitizer's summary)
 * the run printed. */
static char *
failure_lines (const char *text,
               const char *dir)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], dir))
      g_ptr_array_add (kept, lines[i]);
  g_ptr_array_sort (kept, compare_rows);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("\n", (char **)kept->pdata);
}

static void
copy_fixtures_read_only (const char *to)
{
  g_autofree char *from = fixtures_dir ();
  g_autoptr(GDir) listing = g_dir_open (from, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (dst, contents, len, NULL));
      g_assert_cmpint (g_chmod (dst, 0444), ==, 0);
    }
  g_assert_cmpint (g_chmod (to, 0555), ==, 0);
}

/* A read-only folder of reports, read twice (the second time from the
 * cache) and exported in every format: nothing in it changes. */
static void
test_read_only_folder_untouched (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *out = g_build_filename (tmp, "pack.pdf", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", out, NULL);
  g_autofree char *csv_arg = g_strconcat ("--export-csv=", tmp, "/matrix.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cold_err = NULL;
  g_autofree char *warm_err = NULL;
  g_auto(IcTestRun) cold = { 0 };
  g_auto(IcTestRun) warm = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  copy_fixtures_read_only (dir);
  before = snapshot (dir);

  /* Only one export can go to standard output. */
  run_cli_cached (&cold, "--export-json=-", csv_arg, pdf_arg, dir, NULL);
  run_cli_cached (&warm, "--export-json=-", dir, NULL);
  g_assert_cmpint (cold.status, ==, 0);
  g_assert_cmpint (warm.status, ==, 0);
  /* The same failures, in whatever order the workers finished. */
  cold_err = failure_lines (cold.err, dir);
  warm_err = failure_lines (warm.err, dir);
  g_assert_cmpstr (cold_err, ==, warm_err);
  g_assert_nonnull (strstr (cold_err, "not-a-report.txt: not an Ofsted local authority report"));

  after = snapshot (dir);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  ic_test_remove_tree (tmp);
}

static void
test_device_output_stays_a_device (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_auto(IcTestRun) run = { 0 };
  GStatBuf st;

  run_cli (&run, "--export-csv=/dev/null", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

/* A file name that is not UTF-8 (Latin-1 "é") still gives valid JSON. */
static void
test_non_utf8_file_name (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-XXXXXX", NULL);
  g_autofree char *name = g_build_filename (tmp, "r\xe9port.txt", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(IcTestRun) run = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (name, contents, len, NULL));

  run_cli (&run, "--export-json=-", tmp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (run.err, "CRITICAL"));
  g_assert_nonnull (strstr (run.out, "\"authority\" : \"Redbridge\""));

  /* The search CSV names the same file in UTF-8 too (CONTRACT.md: CSV is UTF-8). */
  ic_test_run_clear (&run);
  run_cli (&run, "--search=Redbridge", "--export-search-csv=-", tmp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\r\nRedbridge,child_protection,"));
  g_assert_true (g_utf8_validate (run.out, -1, NULL));
  ic_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json-to-stdout", test_json_to_stdout);
  g_test_add_func ("/cli/pack-to-stdout", test_pack_to_stdout);
  g_test_add_func ("/cli/cut-short-pdf", test_cut_short_pdf);
  g_test_add_func ("/cli/stdout-closed", test_stdout_closed);
  g_test_add_func ("/cli/csv-files", test_csv_files);
  g_test_add_func ("/cli/interrupted", test_interrupted);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/unwritable-output", test_unwritable_output);
  g_test_add_func ("/cli/read-only-folder-untouched", test_read_only_folder_untouched);
  g_test_add_func ("/cli/device-output-stays-a-device", test_device_output_stays_a_device);
  g_test_add_func ("/cli/non-utf8-file-name", test_non_utf8_file_name);

  return g_test_run ();
}
