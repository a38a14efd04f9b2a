/* test-cli-outputs.c: filters and packs of the command line, on the real
 * reports, read back (JSON, CSV, the pack's PDF with poppler)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <string.h>

#include "ic-authorities.h"
#include "ic-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

/* Runs the program with the cache of the test build, so the corpus is
 * read once, and @data_home (when not NULL) where the user's corrections
 * are read from. */
static void
run_argv (IcTestRun  *run,
          const char *data_home,
          const char *first,
          va_list     args)
{
  g_autoptr(GPtrArray) argv = ic_test_collect_args (first, args);
  g_auto(GStrv) envp = g_get_environ ();

  if (data_home != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  ic_test_run_program (run, NULL, envp, NULL, (const char * const *) argv->pdata);
}

static void
run_cli (IcTestRun        *run,
         const char *first,
         ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, NULL, first, args);
  va_end (args);
}

static void
run_cli_corrected (IcTestRun        *run,
                   const char *data_home,
                   const char *first,
                   ...)
{
  va_list args;

  va_start (args, first);
  run_argv (run, data_home, first, args);
  va_end (args);
}

static char *
out_path (const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "render-out", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

static char *
arg (const char *option,
     const char *value)
{
  return g_strdup_printf ("%s=%s", option, value);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

  return poppler_page_get_text (page);
}

static char *
all_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = page_text (doc, i);

      g_string_append_printf (all, "%s\f", text);
    }
  return g_string_free (all, FALSE);
}

/* Whether @name stands in @text as a whole name (not inside a word). */
static gboolean
names (const char *text,
       const char *name)
{
  g_autofree char *escaped = g_regex_escape_string (name, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static JsonArray *
json_reports (JsonParser *parser,
              const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "reports");
}

static const char *
region_of (const char *authority)
{
  const IcAuthority *known = ic_authorities_lookup (authority);

  return known ? ic_authority_get_region (known) : NULL;
}

/* --region=London: every output names only London's authorities, and the
 * pack's cover says so. */
static void
test_region_london (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autofree char *pdf = out_path ("cli-london.pdf");
  g_autofree char *json = out_path ("cli-london.json");
  g_autofree char *all_json = out_path ("cli-all.json");
  g_autofree char *csv = out_path ("cli-london.csv");
  g_autofree char *pdf_arg = NULL, *json_arg = NULL, *all_arg = NULL, *csv_arg = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) all_parser = json_parser_new ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_auto(GStrv) csv_lines = NULL;
  g_autoptr(GHashTable) london = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) elsewhere = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(IcTestRun) run = { 0 }, all = { 0 };
  JsonArray *reports, *every;
  GHashTableIter iter;
  const char *name;

  if (bulk == NULL)
    return;
  pdf_arg = arg ("--export-pdf", pdf);
  json_arg = arg ("--export-json", json);
  csv_arg = arg ("--export-csv", csv);
  all_arg = arg ("--export-json", all_json);

  run_cli (&run, "--region=London", pdf_arg, json_arg, csv_arg, bulk, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&all, all_arg, bulk, NULL);
  g_assert_cmpint (all.status, ==, 0);

  reports = json_reports (parser, json);
  every = json_reports (all_parser, all_json);
  g_assert_cmpuint (json_array_get_length (reports), >, 0);
  g_assert_cmpuint (json_array_get_length (reports), <, json_array_get_length (every));
  for (guint i = 0; i < json_array_get_length (every); i++)
    {
      const char *authority = json_object_get_string_member (json_array_get_object_element (every, i), "authority");

      if (g_strcmp0 (region_of (authority), "London") == 0)
        g_hash_table_add (london, (gpointer) authority);
      else
        g_hash_table_add (elsewhere, (gpointer) authority);
    }
  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      const char *authority = json_object_get_string_member (json_array_get_object_element (reports, i), "authority");

      g_assert_cmpstr (region_of (authority), ==, "London");
    }
  /* Every London report is kept. */
  {
    guint n_london = 0;

    for (guint i = 0; i < json_array_get_length (every); i++)
      n_london += g_hash_table_contains (london, json_object_get_string_member (
                                           json_array_get_object_element (every, i), "authority"));
    g_assert_cmpuint (json_array_get_length (reports), ==, n_london);
  }

  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  csv_lines = g_strsplit (csv_text, "\n", -1);
  /* A header, a row per report and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (csv_lines), ==, json_array_get_length (reports) + 2);

  doc = open_pdf (pdf);
  cover = page_text (doc, 0);
  ic_test_note (cover);
  g_assert_nonnull (strstr (cover, "Filters"));
  g_assert_true (names (cover, "London"));
  text = all_text (doc);
  g_hash_table_iter_init (&iter, london);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_assert_true (names (text, name));
  g_hash_table_iter_init (&iter, elsewhere);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (names (text, name))
      {
        g_autofree char *message = g_strdup_printf ("the London pack names %s", name);

        ic_test_note (message);
        g_test_fail ();
      }
}

/* "N" -> how many items say "Raised N times" in @text. */
static GHashTable *
pack_times (const char *text)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("Raised (\\d+) times", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      char *n = g_match_info_fetch (match, 1);

      g_hash_table_insert (times, n, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (times, n)) + 1));
    }
  return times;
}

/* The same, of the JSON's `times_raised`. */
static GHashTable *
json_times (JsonArray *reports)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      JsonArray *again;

      if (json_object_get_null_member (report, "changes"))
        continue;
      again = json_object_get_array_member (json_object_get_object_member (report, "changes"), "raised_again");
      for (guint k = 0; k < json_array_get_length (again); k++)
        {
          char *n = g_strdup_printf ("%" G_GINT64_FORMAT,
                                     json_object_get_int_member (json_array_get_object_element (again, k),
                                                                 "times_raised"));

          g_hash_table_insert (times, n, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (times, n)) + 1));
        }
    }
  return times;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The pack's "N raised again, M new, K no longer raised" (or "N raised
 * again (1 of them a possible match), …"), one string "N/M/K" each,
 * sorted. */
static GPtrArray *
pack_changes (const char *text)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) regex = g_regex_new ("(\\d+) raised again(?: \\([^)]*\\))?, (\\d+) new, (\\d+) no longer raised",
                                          0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *again = g_match_info_fetch (match, 1);
      g_autofree char *added = g_match_info_fetch (match, 2);
      g_autofree char *dropped = g_match_info_fetch (match, 3);

      g_ptr_array_add (changes, g_strdup_printf ("%s/%s/%s", again, added, dropped));
    }
  g_ptr_array_sort (changes, compare_strings);
  return changes;
}

/* The same, of the JSON's `changes` that name a report since. */
static GPtrArray *
json_changes (JsonArray *reports)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      JsonObject *c;

      if (json_object_get_null_member (report, "changes"))
        continue;
      c = json_object_get_object_member (report, "changes");
      if (json_object_get_null_member (c, "since"))
        continue;
      g_ptr_array_add (changes, g_strdup_printf ("%u/%u/%u",
                                                 json_array_get_length (json_object_get_array_member (c, "raised_again")),
                                                 json_array_get_length (json_object_get_array_member (c, "new")),
                                                 json_array_get_length (json_object_get_array_member (c, "no_longer_raised"))));
    }
  g_ptr_array_sort (changes, compare_strings);
  return changes;
}

/* With --from, the pack says each item was raised as many times as the
 * JSON does: counted among every loaded report, not cut at the year;
 * and what changed since each report's previous one is the JSON's too
 * (an area raised before the year shown is raised again, not new). */
static void
test_pack_counts_from (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autofree char *history = ic_test_corpus_path ("history");
  g_autofree char *pdf = out_path ("cli-lambeth-from.pdf");
  g_autofree char *json = out_path ("cli-lambeth-from.json");
  g_autofree char *pdf_arg = NULL, *json_arg = NULL, *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GHashTable) in_pack = NULL;
  g_autoptr(GHashTable) in_json = NULL;
  g_autoptr(GPtrArray) changes_in_pack = NULL;
  g_autoptr(GPtrArray) changes_in_json = NULL;
  g_auto(IcTestRun) run = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (bulk == NULL || history == NULL)
    return;
  pdf_arg = arg ("--export-pdf", pdf);
  json_arg = arg ("--export-json", json);
  run_cli (&run, "--authority=Lambeth", "--from=2020", pdf_arg, json_arg, history, bulk, NULL);
  g_assert_cmpint (run.status, ==, 0);
  doc = open_pdf (pdf);
  text = all_text (doc);
  in_pack = pack_times (text);
  in_json = json_times (json_reports (parser, json));
  g_hash_table_remove (in_json, "1");
  g_assert_cmpuint (g_hash_table_size (in_json), >, 0);
  g_assert_cmpuint (g_hash_table_size (in_pack), ==, g_hash_table_size (in_json));
  g_hash_table_iter_init (&iter, in_json);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (in_pack, key)), ==, GPOINTER_TO_UINT (value));

  changes_in_pack = pack_changes (text);
  changes_in_json = json_changes (json_reports (parser, json));
  g_assert_cmpuint (changes_in_json->len, >, 1);
  g_assert_cmpuint (changes_in_pack->len, ==, changes_in_json->len);
  for (guint i = 0; i < changes_in_json->len; i++)
    g_assert_cmpstr (g_ptr_array_index (changes_in_pack, i), ==, g_ptr_array_index (changes_in_json, i));
}

/* A filter naming nothing known is a usage error that says what. */
static void
test_unknown_filters (void)
{
  g_autofree char *json = out_path ("cli-unknown.json");
  g_autofree char *json_arg = arg ("--export-json", json);
  const char *cases[][2] = {
    { "--region=Middle Earth", "Middle Earth" },
    { "--authority=Atlantis", "Atlantis" },
    { "--peers-of=Gotham", "Gotham" },
    { "--type=ofsted", "ofsted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(IcTestRun) run = { 0 };

      g_remove (json);
      run_cli (&run, cases[i][0], json_arg, ".", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i][1]));
      /* The option is known; its value is not. */
      g_assert_null (strstr (run.err, "Unknown option"));
      g_assert_nonnull (strstr (run.err, " not "));
      g_assert_null (strchr (strchr (run.err, '\n') + 1, '\n'));
      g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
    }
}

/* --pack=summary: the short pack of the whole bulk corpus fits twelve
 * pages: cover with the filters, matrix, charts, recurring areas, sources. */
static void
test_summary_bulk (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autofree char *pdf = out_path ("cli-summary.pdf");
  g_autofree char *pdf_arg = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_auto(IcTestRun) run = { 0 }, bad = { 0 };
  const char *sections[] = {
    "Judgement matrix", "Grades by judgement area", "Reports raising each improvement theme",
    "Recurring improvement areas", "Sources",
  };
  int n;

  if (bulk == NULL)
    return;
  pdf_arg = arg ("--export-pdf", pdf);
  run_cli (&run, "--pack=summary", pdf_arg, bulk, NULL);
  g_assert_cmpint (run.status, ==, 0);

  doc = open_pdf (pdf);
  n = poppler_document_get_n_pages (doc);
  message = g_strdup_printf ("summary pack of the bulk corpus: %d pages", n);
  ic_test_note (message);
  g_assert_cmpint (n, <=, 12);
  cover = page_text (doc, 0);
  g_assert_nonnull (strstr (cover, "Filters"));
  g_assert_nonnull (strstr (cover, "all reports"));
  text = all_text (doc);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_nonnull (strstr (text, sections[i]));
  /* No section per authority and no contents page. */
  g_assert_null (strstr (text, "Latest grades ("));
  g_assert_null (strstr (text, "Contents"));
  for (int i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n);
      g_autofree char *page = page_text (doc, i);

      g_assert_nonnull (strstr (page, number));
    }

  run_cli (&bad, "--pack=short", pdf_arg, bulk, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "short"));
}

/* A grade a user corrected is marked, with what the report said, in the
 * pack (cell mark and footnote), the matrix CSV and the JSON. */
static void
test_correction_marked (void)
{
  g_autofree char *report = ic_test_corpus_path ("pdf/013_ilacs_doncaster_2022.pdf");
  g_autofree char *home = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *corrections = NULL;
  g_autofree char *pdf = out_path ("cli-corrected.pdf");
  g_autofree char *csv = out_path ("cli-corrected.csv");
  g_autofree char *json = out_path ("cli-corrected.json");
  g_autofree char *pdf_arg = NULL, *csv_arg = NULL, *json_arg = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PopplerDocument) doc = NULL;
  g_auto(IcTestRun) run = { 0 };
  JsonObject *corrected;
  gsize len;

  if (report == NULL)
    return;
  home = g_dir_make_tmp ("ic-corrected-XXXXXX", NULL);
  dir = g_build_filename (home, "inspection-compare", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (report, &contents, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": "
                                 "{ \"grade.help_and_protection\": \"good\" } } }", sha);
  store = g_build_filename (dir, "corrections.json", NULL);
  g_assert_true (g_file_set_contents (store, corrections, -1, NULL));

  pdf_arg = arg ("--export-pdf", pdf);
  csv_arg = arg ("--export-csv", csv);
  json_arg = arg ("--export-json", json);
  run_cli_corrected (&run, home, pdf_arg, csv_arg, json_arg, report, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The pack: the cell carries the mark, a footnote says what the report said. */
  doc = open_pdf (pdf);
  text = all_text (doc);
  g_assert_nonnull (strstr (text, "Good\u2020"));
  g_assert_nonnull (strstr (text, "\u2020 Doncaster"));
  g_assert_nonnull (strstr (text, "Help and protection: corrected by the user; the report says Requires improvement"));

  /* The CSV: the row's corrected column names the column. */
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_nonnull (strstr (csv_text, ",corrected\r\n"));
  g_assert_nonnull (strstr (csv_text, ",help_and_protection\r\n"));

  /* The JSON: the field, with the value as parsed. */
  g_assert_true (json_parser_load_from_file (parser, json, NULL));
  corrected = json_object_get_object_member (
    json_array_get_object_element (json_reports (parser, json), 0), "corrected");
  g_assert_cmpstr (json_object_get_string_member (corrected, "grade.help_and_protection"), ==,
                   "requires_improvement");

  ic_test_remove_tree (home);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-outputs/region-london", test_region_london);
  g_test_add_func ("/cli-outputs/pack-counts-from", test_pack_counts_from);
  g_test_add_func ("/cli-outputs/unknown-filters", test_unknown_filters);
  g_test_add_func ("/cli-outputs/summary-bulk", test_summary_bulk);
  g_test_add_func ("/cli-outputs/correction-marked", test_correction_marked);

  return g_test_run ();
}
