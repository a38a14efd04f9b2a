/* test-cli-search.c: --search with --export-search-csv (CONTRACT.md) on
 * the project's own report fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "ic-test-util.h"

#define HEADER "authority,inspection_type,end_date,overall_effectiveness,source,page,snippet\r\n"

typedef struct
{
  char *dir;     /* the reports */
  char *out;     /* where outputs go */
  char *halton;  /* the report that holds the phrase */
} Fixture;

static void
copy_fixture (const char *name,
              const char *dest,
              const char *prefix)
{
  g_autofree char *path = ic_test_fixture_path (name);
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  joined = g_strconcat (prefix, text, NULL);
  g_assert_true (g_file_set_contents (dest, joined, -1, NULL));
}

/* Two reports: Halton's ILACS holds "edge of care" twice (once on a line
 * of ours that a spreadsheet would run as a formula, once wrapped over
 * two lines), the focused visit never. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *fv = NULL;

  fixture->dir = g_dir_make_tmp ("ic-cli-search-XXXXXX", NULL);
  fixture->out = g_dir_make_tmp ("ic-cli-search-out-XXXXXX", NULL);
  fixture->halton = g_build_filename (fixture->dir, "halton.txt", NULL);
  fv = g_build_filename (fixture->dir, "visit.txt", NULL);
  copy_fixture ("parser/ilacs-2025-care-leavers.txt", fixture->halton,
                "=HYPERLINK(\"x\") Edge of care\n");
  copy_fixture ("parser/fv-2025.txt", fv, "");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  ic_test_remove_tree (fixture->dir);
  ic_test_remove_tree (fixture->out);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->halton);
}

static void
run_cli (IcTestRun  *run,
         const char *first,
         ...)
{
  va_list args;
  g_autoptr(GPtrArray) argv = NULL;

  va_start (args, first);
  argv = ic_test_collect_args (first, args);
  va_end (args);
  ic_test_run_program (run, NULL, NULL, NULL, (const char * const *) argv->pdata);
}

/* How often the file holds @phrase, with white space and case folded:
 * counted here without the index. */
static guint
count_in_file (const char *path,
               const char *phrase)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; *p; p++)
    {
      char c = g_ascii_isspace (*p) ? ' ' : g_ascii_tolower (*p);

      if (c != ' ' || (folded->len > 0 && folded->str[folded->len - 1] != ' '))
        g_string_append_c (folded, c);
    }
  for (const char *p = strstr (folded->str, phrase); p; p = strstr (p + 1, phrase))
    n++;
  return n;
}

static char **
read_lines (const char *path)
{
  g_autofree char *csv = NULL;

  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, HEADER));
  return g_strsplit (csv + strlen (HEADER), "\r\n", -1);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(IcTestRun) run = { 0 };
  g_autofree char *csv = g_build_filename (fixture->out, "hits.csv", NULL);
  g_auto(GStrv) rows = NULL;
  guint expected = count_in_file (fixture->halton, "edge of care");
  guint formula = 0;

  g_assert_cmpuint (expected, ==, 2);
  run_cli (&run, "--search=\"Edge of Care\"", "--export-search-csv", csv, fixture->dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  rows = read_lines (csv);
  /* The last element is the empty text after the final CRLF. */
  g_assert_cmpuint (g_strv_length (rows), ==, expected + 1);
  for (guint i = 0; i < expected; i++)
    {
      g_autofree char *lower = NULL;

      g_assert_true (g_str_has_prefix (rows[i], "Halton,ilacs,2025-06-13,good,"));
      g_assert_nonnull (strstr (rows[i], fixture->halton));
      g_assert_null (strchr (rows[i], '\n'));
      lower = g_utf8_strdown (rows[i], -1);
      g_assert_nonnull (strstr (lower, "edge of care"));
      /* Text files have no PDF pages: the page cell is empty. */
      g_assert_nonnull (strstr (rows[i], ".txt,,"));
      formula += strstr (rows[i], ",\"'=HYPERLINK(") != NULL;
    }
  g_assert_cmpuint (formula, ==, 1);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->out, "hits.csv", NULL);
  g_auto(GStrv) rows = NULL;

  {
    g_auto(IcTestRun) run = { 0 };

    run_cli (&run, "--search=children", "--export-search-csv", csv, "--type=focused_visit",
             fixture->dir, NULL);
    g_assert_cmpint (run.status, ==, 0);
    rows = read_lines (csv);
    g_assert_cmpuint (g_strv_length (rows), >, 1);
    for (guint i = 0; rows[i + 1] != NULL; i++)
      g_assert_nonnull (strstr (rows[i], ",focused_visit,"));
  }
  {
    g_auto(IcTestRun) run = { 0 };

    run_cli (&run, "--search=\"edge of care\"", "--export-search-csv", csv, "--type=focused_visit",
             fixture->dir, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_clear_pointer (&rows, g_strfreev);
    rows = read_lines (csv);
    /* The header alone. */
    g_assert_cmpuint (g_strv_length (rows), ==, 0);
  }
  {
    g_auto(IcTestRun) run = { 0 };

    run_cli (&run, "--search=care", "--export-search-csv", csv, "--region=Nowhere Land",
             fixture->dir, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Nowhere Land"));
  }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->out, "hits.csv", NULL);
  g_autofree char *inside = g_build_filename (fixture->dir, "hits.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->out, "no-such-folder", "hits.csv", NULL);
  struct { const char *a, *b; int status; const char *says; } cases[] = {
    { "--export-search-csv", csv, 2, "--search" },
    { "--search=care", NULL, 2, "--export-search-csv" },
    { "--search=\"\"", csv, 2, "no word" },
    { "--search=care", inside, 2, inside },
    { "--search=care", missing, 1, missing },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(IcTestRun) run = { 0 };

      if (cases[i].b == NULL)
        run_cli (&run, cases[i].a, fixture->dir, NULL);
      else if (g_str_equal (cases[i].a, "--export-search-csv"))
        run_cli (&run, cases[i].a, cases[i].b, fixture->dir, NULL);
      else
        run_cli (&run, cases[i].a, "--export-search-csv", cases[i].b, fixture->dir, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
  /* Nothing was written into the reports' folder. */
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
}

/* A write that fails (/dev/full fails every write) exits 1 naming the
 * path. */
static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(IcTestRun) run = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  run_cli (&run, "--search=care", "--export-search-csv", "/dev/full", fixture->dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/dev/full"));
}

/* The pack with --search has an Evidence section quoting the passage,
 * with its authority, grade and date. */
static void
test_pack_evidence (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->out, "pack.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(IcTestRun) run = { 0 };
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;

  run_cli (&run, "--search=\"edge of care\"", "--export-pdf", pdf, fixture->dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (document);
  g_assert_nonnull (strstr (text->str, "Evidence"));
  g_assert_nonnull (strstr (text->str, "2 passages"));
  /* The phrase typed in quotes is quoted once. */
  g_assert_nonnull (strstr (text->str, "say about \u201cedge of care\u201d"));
  g_assert_nonnull (strstr (text->str, "plans are written for children on the edge of care"));
  g_assert_nonnull (strstr (text->str, "Halton \u00b7 Inspection (ILACS) \u00b7 Good \u00b7 13 June 2025"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-search/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);
  g_test_add ("/cli-search/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/cli-search/usage", Fixture, NULL, fixture_setup, test_usage, fixture_teardown);
  g_test_add ("/cli-search/pack-evidence", Fixture, NULL, fixture_setup, test_pack_evidence, fixture_teardown);
  g_test_add ("/cli-search/write-fails", Fixture, NULL, fixture_setup, test_write_fails, fixture_teardown);

  return g_test_run ();
}
