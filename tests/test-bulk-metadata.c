/* test-bulk-metadata.c: authority names and visit dates in real reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bulk corpus files are named <urn>_<slug>__<title>_-_<dd>_<month>_<yyyy>.pdf
 * after Ofsted's site, which gives an independent answer for every file: the
 * authority (by URN) and the publication date.  The text of the first pages
 * comes from pdftotext (poppler-utils), not from the app's own extractor, so
 * these tests check the name and date readers alone.
 */
#include "config.h"

#include <stdlib.h>

#include "ic-authorities.h"
#include "ic-dates.h"
#include "ic-test-util.h"

typedef struct
{
  char  *path;
  char  *name;
  char  *text;
  guint  urn;
  GDate  published;
} BulkFile;

static void
bulk_file_free (gpointer data)
{
  BulkFile *file = data;

  g_free (file->path);
  g_free (file->name);
  g_free (file->text);
  g_free (file);
}

static char *
first_pages_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-q", "-l", "2", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* "..._-_22_june_2023.pdf" -> 22 June 2023 */
static void
parse_file_date (const char *name,
                 GDate      *date)
{
  const char *dash = g_strrstr (name, "_-_");
  g_autofree char *tail = NULL;

  g_assert_nonnull (dash);
  tail = g_strdelimit (g_strndup (dash + 3, strlen (dash + 3) - 4), "_", ' ');
  g_assert_true (ic_dates_parse_day (tail, date));
}

static GPtrArray *
load_bulk (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (bulk_file_free);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *name;

  if (bulk == NULL)
    return NULL;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }

  dir = g_dir_open (bulk, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BulkFile *file;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      file = g_new0 (BulkFile, 1);
      file->name = g_strdup (name);
      file->path = g_build_filename (bulk, name, NULL);
      file->urn = (guint) strtoul (name, NULL, 10);
      file->text = first_pages_text (file->path);
      parse_file_date (name, &file->published);
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

static GPtrArray *bulk_files;

static GPtrArray *
get_bulk (void)
{
  if (bulk_files == NULL)
    bulk_files = load_bulk ();
  return bulk_files;
}

/* Letters start with Ofsted's own address (in Manchester); their subject
 * follows "focused visit to" in the title or the first sentence. */
static const char *
subject_text (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *visit = strstr (lower, "focused visit to");

  return visit != NULL ? text + (visit - lower) : text;
}

static void
test_authority_in_text (void)
{
  GPtrArray *files = get_bulk ();

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      BulkFile *file = g_ptr_array_index (files, i);
      const IcAuthority *found = ic_authorities_find_in_text (subject_text (file->text), NULL, NULL);

      g_test_message ("%s", file->name);
      g_assert_nonnull (found);
      g_assert_cmpuint (ic_authority_get_urn (found), ==, file->urn);
    }
  g_assert_cmpuint (files->len, ==, 181);
}

/* The visit or inspection took place in the year before publication. */
static void
test_dates_in_text (void)
{
  GPtrArray *files = get_bulk ();

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      BulkFile *file = g_ptr_array_index (files, i);
      GDate start;
      GDate end;
      GDate year_before = file->published;

      g_date_subtract_years (&year_before, 1);
      g_test_message ("%s", file->name);
      g_assert_true (ic_dates_find_range (subject_text (file->text), &start, &end));
      g_assert_cmpint (g_date_compare (&end, &file->published), <=, 0);
      g_assert_cmpint (g_date_compare (&start, &year_before), >=, 0);
      g_assert_cmpint (g_date_days_between (&start, &end), <=, 31);
    }
}

static char *
json_string (const char *json,
             const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": \"", key);
  const char *at = strstr (json, needle);
  const char *end;

  g_assert_nonnull (at);
  at += strlen (needle);
  end = strchr (at, '"');
  g_assert_nonnull (end);

  return g_strndup (at, end - at);
}

/* The pdf/ reports have expected parses: their authority is the first one
 * named (letters: after "focused visit to"), and their fieldwork dates are
 * one of the ranges printed on the first pages. */
static void
test_expected_pdfs (void)
{
  g_autofree char *pdfs = ic_test_corpus_path ("pdf");
  g_autofree char *expected = ic_test_corpus_path ("expected");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint checked = 0;

  if (pdfs == NULL || expected == NULL)
    return;
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  dir = g_dir_open (pdfs, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (pdfs, name, NULL);
      g_autofree char *stem = g_strndup (name, strlen (name) - 4);
      g_autofree char *json_path = g_strdup_printf ("%s/%s.json", expected, stem);
      g_autofree char *json = NULL;
      g_autofree char *text = NULL;
      g_autofree char *authority = NULL;
      g_autofree char *want = NULL;
      g_autofree char *want_start = NULL;
      g_autofree char *want_end = NULL;
      const char *rest;
      gboolean seen = FALSE;
      GDate start;
      GDate end;
      gsize at;
      gsize len;

      if (!g_str_has_suffix (name, ".pdf") || !g_file_get_contents (json_path, &json, NULL, NULL))
        continue;
      text = first_pages_text (path);
      authority = json_string (json, "authority");
      want_start = json_string (json, "start_date");
      want_end = json_string (json, "end_date");
      want = g_strdup_printf ("%s/%s", want_start, want_end);
      g_test_message ("%s: %s, %s", name, authority, want);
      g_assert_cmpstr (ic_authority_get_name (ic_authorities_find_in_text (subject_text (text),
                                                                           NULL, NULL)),
                       ==, authority);

      for (rest = text; !seen && ic_dates_find_range_span (rest, &start, &end, &at, &len);
           rest += at + len)
        {
          char got[32];
          char e[16];

          g_date_strftime (got, sizeof got, "%Y-%m-%d/", &start);
          g_date_strftime (e, sizeof e, "%Y-%m-%d", &end);
          seen = g_str_equal (want, strcat (got, e));
        }
      g_assert_true (seen);
      checked++;
    }

  g_assert_cmpuint (checked, ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bulk-metadata/authority", test_authority_in_text);
  g_test_add_func ("/bulk-metadata/dates", test_dates_in_text);
  g_test_add_func ("/bulk-metadata/expected-pdfs", test_expected_pdfs);

  status = g_test_run ();
  g_clear_pointer (&bulk_files, g_ptr_array_unref);

  return status;
}
