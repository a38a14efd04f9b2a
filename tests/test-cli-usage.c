/* test-cli-usage.c: --help, usage errors, URIs and the PDF helper, run
 * as the real program with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-test-util.h"

/* Runs the program with @envp (the test's environment when NULL). */
static void
run_with_env (IcTestRun   *run,
              char       **envp,
              const char  *first,
              ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first);
  argv = ic_test_collect_args (first, args);
  va_end (args);
  ic_test_run_program (run, NULL, envp, NULL, (const char * const *) argv->pdata);
}

#define run_cli(run, ...) run_with_env ((run), NULL, __VA_ARGS__)

static char *
fixture_text (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "ilacs-2019.txt", NULL);
}

/* --help lists every option the program takes, the chart names and the
 * exit statuses, and is not GApplication's help. */
static void
test_help (void)
{
  static const char *options[] = {
    "--export-json=FILE", "--export-csv=FILE", "--export-improvements-csv=FILE",
    "--export-pdf=FILE", "--render=CHART", "--output=FILE", "--pack=full|summary",
    "--authority=NAME", "--region=NAME", "--peers-of=NAME", "--type=KEY", "--from=YEAR",
    "--to=YEAR", "--latest", "--reload",
  };
  static const char *charts[] = { "matrix", "timeline", "grades", "themes", "history", "years" };
  g_auto(IcTestRun) run = { 0 };
  g_autofree char *render_line = NULL;

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "[OPTION…] [FOLDER|FILE…]"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (run.out, options[i]));
  g_assert_nonnull (strstr (run.out, "--render=CHART"));
  render_line = g_strndup (strstr (run.out, "--render=CHART"), strcspn (strstr (run.out, "--render=CHART"), "\n"));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    g_assert_nonnull (strstr (render_line, charts[i]));
  g_assert_nonnull (strstr (run.out, "Exit status:"));
  g_assert_nonnull (strstr (run.out, "  2  usage error"));
  g_assert_null (strstr (run.out, "gapplication"));
}

static void
test_unknown_option (void)
{
  g_autofree char *text = fixture_text ();
  g_auto(IcTestRun) run = { 0 };
  g_auto(IcTestRun) alone = { 0 };

  run_cli (&run, "--bogus", text, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--bogus"));
  g_assert_cmpstr (run.out, ==, "");

  /* An option with no output asked for is a usage error, not a window. */
  run_cli (&alone, "--output=chart.png", text, NULL);
  g_assert_cmpint (alone.status, ==, 2);
}

static void
test_unknown_chart (void)
{
  g_autofree char *text = fixture_text ();
  g_auto(IcTestRun) run = { 0 };

  run_cli (&run, "--render=pie", "--output=pie.png", text, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "use matrix, timeline, grades, themes, history or years"));
}

/* An option of one value given twice with two values is a usage error
 * naming both: GOption kept the last, so --export-json=a --export-json=b
 * wrote b alone and said every output was written (exit 0). */
static void
test_option_twice (void)
{
  g_autofree char *text = fixture_text ();
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-twice-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (tmp, "first.json", NULL);
  g_autofree char *second = g_build_filename (tmp, "second.json", NULL);
  g_autofree char *first_arg = g_strconcat ("--export-json=", first, NULL);
  g_autofree char *second_arg = g_strconcat ("--export-json=", second, NULL);
  g_auto(IcTestRun) outputs = { 0 };
  g_auto(IcTestRun) years = { 0 };
  g_auto(IcTestRun) regions = { 0 };
  g_auto(IcTestRun) same = { 0 };

  run_cli (&outputs, first_arg, second_arg, text, NULL);
  g_assert_cmpint (outputs.status, ==, 2);
  g_assert_nonnull (strstr (outputs.err, "--export-json is given twice"));
  g_assert_nonnull (strstr (outputs.err, first));
  g_assert_nonnull (strstr (outputs.err, second));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  run_cli (&years, "--from=2015", "--from", "2020", "--export-csv=-", text, NULL);
  g_assert_cmpint (years.status, ==, 2);
  g_assert_nonnull (strstr (years.err, "--from is given twice (“2015” and “2020”)"));
  g_assert_cmpstr (years.out, ==, "");

  run_cli (&regions, "--region=London", "--region=East Midlands", "--export-csv=-", text, NULL);
  g_assert_cmpint (regions.status, ==, 2);
  g_assert_nonnull (strstr (regions.err, "--region is given twice"));

  /* The same value again is harmless, as a script may add it twice. */
  run_cli (&same, "--export-csv=-", "--export-csv=-", "--from=2019", "--from=2019", text, NULL);
  g_assert_cmpint (same.status, ==, 0);
  g_assert_nonnull (strstr (same.out, "\nRutland,ilacs,2019-03-04,2019-03-15,"));
  ic_test_remove_tree (tmp);
}

/* --pack chooses the pack --export-pdf writes: without it, the pack the
 * user asked for was not written and the run exited 0. */
static void
test_pack_without_pdf (void)
{
  g_autofree char *text = fixture_text ();
  g_auto(IcTestRun) run = { 0 };

  run_cli (&run, "--pack=summary", "--export-csv=-", text, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--pack needs --export-pdf=FILE"));
  g_assert_cmpstr (run.out, ==, "");
}

/* An empty or blank name is a filter that names nothing known (exit 2),
 * not no filter: --region="$UNSET" exported every region. */
static void
test_blank_filter_name (void)
{
  g_autofree char *text = fixture_text ();
  const char *cases[][2] = {
    { "--region=", "--region needs a name: “” names nothing" },
    { "--peers-of= ", "--peers-of needs a name: “ ” names nothing" },
    { "--authority=", "“” is not an authority the authority table knows" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(IcTestRun) run = { 0 };

      run_cli (&run, cases[i][0], "--export-csv=-", text, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i][1]));
    }
}

/* An empty path (a script's unset "$DIR") is not the current folder,
 * which GIO takes it for: the run read the folder it was started in. */
static void
test_empty_path (void)
{
  g_autofree char *fixture = fixture_text ();
  g_autofree char *tmp = g_dir_make_tmp ("ic-cli-empty-XXXXXX", NULL);
  g_autofree char *report = g_build_filename (tmp, "report.txt", NULL);
  g_autofree char *contents = NULL;
  const char *argv[] = { "--export-csv=-", "", NULL };
  g_auto(IcTestRun) run = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (report, contents, len, NULL));

  ic_test_run_program (&run, tmp, NULL, NULL, argv);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "inspection-compare: an empty argument (\"\") names no file or folder\n"));
  ic_test_remove_tree (tmp);
}

/* A name that is not text in the system's encoding (UTF-8 here) names
 * the option and shows the value; GOption said only "Invalid byte
 * sequence in conversion input". */
static void
test_name_not_text (void)
{
  g_autofree char *text = fixture_text ();
  const char *options[] = { "--authority=Caf\xe9", "--region=Caf\xe9", "--type=\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_auto(IcTestRun) run = { 0 };
      g_autofree char *option = g_strndup (options[i], strcspn (options[i], "="));
      g_autofree char *expected = g_strconcat ("inspection-compare: ", option, ": “", NULL);

      run_cli (&run, options[i], "--export-csv=-", text, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, expected));
      g_assert_nonnull (strstr (run.err, "” is not text in this system's encoding\n"));
    }
}

/* A year that is not one names the option. */
static void
test_bad_year (void)
{
  g_autofree char *text = fixture_text ();
  g_auto(IcTestRun) word = { 0 };
  g_auto(IcTestRun) negative = { 0 };

  run_cli (&word, "--from=abc", "--export-csv=-", text, NULL);
  g_assert_cmpint (word.status, ==, 2);
  g_assert_nonnull (strstr (word.err, "--from: “abc” is not a year"));

  run_cli (&negative, "--to=-2019", "--export-csv=-", text, NULL);
  g_assert_cmpint (negative.status, ==, 2);
  g_assert_nonnull (strstr (negative.err, "--to: a year cannot be negative"));
}

/* A file manager hands over file:// URIs; the window takes them, and so
 * does the command line. */
static void
test_file_uri (void)
{
  g_autofree char *text = fixture_text ();
  g_autofree char *uri = g_filename_to_uri (text, NULL, NULL);
  g_autofree char *missing = g_strconcat (uri, "-missing", NULL);
  g_auto(IcTestRun) run = { 0 };
  g_auto(IcTestRun) gone = { 0 };

  run_cli (&run, "--export-csv=-", uri, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nRutland,ilacs,2019-03-04,2019-03-15,"));

  run_cli (&gone, "--export-csv=-", missing, NULL);
  g_assert_cmpint (gone.status, ==, 2);
  g_assert_nonnull (strstr (gone.err, "-missing: no such file or folder"));
}

static char *
first_failure (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *failures;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  failures = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "failures");
  g_assert_cmpuint (json_array_get_length (failures), ==, 1);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (failures, 0),
                                                  "reason"));
}

/* The app reads PDFs only through its helper: without one, a PDF is a
 * failure that says so (text files still load), and it is not cached, so
 * that the same PDF reads once the helper is there. */
static void
test_missing_helper (void)
{
  g_autofree char *pdf = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *cache = g_dir_make_tmp ("ic-cli-cache-XXXXXX", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_auto(IcTestRun) without = { 0 };
  g_auto(IcTestRun) with = { 0 };
  g_autofree char *reason = NULL;
  g_autofree char *then = NULL;

  g_assert_nonnull (g_getenv ("IC_EXTRACT_HELPER"));
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_unsetenv (env, "IC_NO_CACHE");

  env = g_environ_setenv (env, "IC_EXTRACT_HELPER", "/nonexistent/inspection-compare-extract", TRUE);
  run_with_env (&without, env, "--export-json=-", pdf, NULL);
  g_assert_cmpint (without.status, ==, 0);
  reason = first_failure (without.out);
  g_assert_cmpstr (reason, ==, "cannot read PDFs: the text extractor inspection-compare-extract "
                               "is not installed or does not start");

  env = g_environ_setenv (env, "IC_EXTRACT_HELPER", g_getenv ("IC_EXTRACT_HELPER"), TRUE);
  run_with_env (&with, env, "--export-json=-", pdf, NULL);
  g_assert_cmpint (with.status, ==, 0);
  then = first_failure (with.out);
  g_assert_cmpstr (then, ==, "not an Ofsted local authority report");

  ic_test_remove_tree (cache);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-usage/help", test_help);
  g_test_add_func ("/cli-usage/unknown-option", test_unknown_option);
  g_test_add_func ("/cli-usage/unknown-chart", test_unknown_chart);
  g_test_add_func ("/cli-usage/option-twice", test_option_twice);
  g_test_add_func ("/cli-usage/bad-year", test_bad_year);
  g_test_add_func ("/cli-usage/pack-without-pdf", test_pack_without_pdf);
  g_test_add_func ("/cli-usage/blank-filter-name", test_blank_filter_name);
  g_test_add_func ("/cli-usage/empty-path", test_empty_path);
  g_test_add_func ("/cli-usage/name-not-text", test_name_not_text);
  g_test_add_func ("/cli-usage/file-uri", test_file_uri);
  g_test_add_func ("/cli-usage/missing-helper", test_missing_helper);

  return g_test_run ();
}
