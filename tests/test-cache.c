/* test-cache.c: the text cache survives, refuses corrupt entries, stays small
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "ic-cache.h"
#include "ic-failure.h"
#include "ic-loader-private.h"
#include "ic-report-private.h"
#include "ic-sha256.h"
#include "ic-test-util.h"
#include "ic-themes.h"

#define ID_A "aaaa000000000000000000000000000000000000000000000000000000000000"
#define ID_B "bbbb000000000000000000000000000000000000000000000000000000000000"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ic-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  const char * const pages[] = { "page one", "page “two”", NULL };
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_auto(GStrv) found = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf = FALSE;

  g_assert_nonnull (cache);
  g_assert_false (ic_cache_lookup_pages (cache, ID_A, &from_pdf, &found, &reason));
  ic_cache_store_pages (cache, ID_A, TRUE, pages, NULL);
  ic_cache_store_pages (cache, ID_B, FALSE, NULL, "the PDF is password-protected");
  ic_cache_close (cache);

  /* A new process (here: a new handle) finds both. */
  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_assert_true (ic_cache_lookup_pages (cache, ID_A, &from_pdf, &found, &reason));
  g_assert_true (from_pdf);
  g_assert_null (reason);
  g_assert_cmpstrv (found, pages);
  g_clear_pointer (&found, g_strfreev);

  g_assert_true (ic_cache_lookup_pages (cache, ID_B, &from_pdf, &found, &reason));
  g_assert_false (from_pdf);
  g_assert_null (found);
  g_assert_cmpstr (reason, ==, "the PDF is password-protected");
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

static void
damage (const char *path,
        gboolean    truncate)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  if (truncate)
    length /= 2;
  else
    data[length - 3] ^= 0x20;
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

static void
test_corrupt (void)
{
  g_autofree char *dir = make_dir ();
  const char * const pages[] = { "some text on a page", NULL };
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_autofree char *path_a = ic_cache_get_entry_path (cache, ID_A);
  g_autofree char *path_b = ic_cache_get_entry_path (cache, ID_B);
  g_auto(GStrv) found = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf;

  ic_cache_store_pages (cache, ID_A, TRUE, pages, NULL);
  ic_cache_store_pages (cache, ID_B, TRUE, pages, NULL);
  /* A write cut short by a crash, and a flipped bit in the text. */
  damage (path_a, TRUE);
  damage (path_b, FALSE);

  g_assert_false (ic_cache_lookup_pages (cache, ID_A, &from_pdf, &found, &reason));
  g_assert_false (ic_cache_lookup_pages (cache, ID_B, &from_pdf, &found, &reason));
  g_assert_null (found);
  g_assert_null (reason);
  /* Removed, so that the next load writes them afresh. */
  g_assert_false (g_file_test (path_a, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path_b, G_FILE_TEST_EXISTS));
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

static char *
numbered_id (guint i)
{
  return g_strdup_printf ("%04x%060x", i, 0);
}

/* Entries are not synced one by one (two syncs each made 5,000 small
 * files several times slower with the cache than without): 2,500
 * entries and their reports cost two syncs, one per 1,000 entries. */
static void
test_batched_syncs (void)
{
  g_autofree char *dir = make_dir ();
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  const char * const pages[] = { "a small page", NULL };

  for (guint i = 0; i < 1250; i++)
    {
      g_autofree char *id = numbered_id (i);
      g_autoptr(IcReport) report = _ic_report_new ("/reports/a.txt");

      _ic_report_set_content_id (report, id);
      ic_cache_store_pages (cache, id, FALSE, pages, NULL);
      ic_cache_store_report (cache, report, NULL);
    }
  g_assert_cmpuint (ic_cache_get_n_syncs (cache), ==, 2);
  ic_cache_close (cache);

  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  for (guint i = 0; i < 1250; i++)
    {
      g_autofree char *id = numbered_id (i);
      gboolean themed;
      g_autoptr(IcReport) report = ic_cache_lookup_report (cache, id, "/reports/b.txt", NULL, &themed);
      g_auto(GStrv) found = NULL;
      g_autofree char *reason = NULL;
      gboolean from_pdf;

      g_assert_true (ic_cache_lookup_pages (cache, id, &from_pdf, &found, &reason));
      g_assert_cmpstrv (found, pages);
      g_assert_nonnull (report);
    }
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

/* What a crash before a batch's sync can leave: entries cut short,
 * entries of zeros (data never written, size already set), a
 * temporary file never renamed. None of it is trusted; the rest of the
 * batch is read. */
static void
test_torn_batch (void)
{
  g_autofree char *dir = make_dir ();
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  const char * const pages[] = { "text of a page in a batch", NULL };
  g_autofree char *left_over = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = numbered_id (i);

      ic_cache_store_pages (cache, id, FALSE, pages, NULL);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = numbered_id (i);
      g_autofree char *path = ic_cache_get_entry_path (cache, id);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      if (i % 2 == 0)
        length = i * length / 20;
      else
        memset (data, 0, length);
      g_assert_true (g_file_set_contents (path, data, length, NULL));
      if (i == 0)
        left_over = g_strconcat (path, ".A1B2C3", NULL);
    }
  g_assert_true (g_file_set_contents (left_over, "half an entr", -1, NULL));
  ic_cache_close (cache);

  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = numbered_id (i);
      g_autofree char *path = ic_cache_get_entry_path (cache, id);
      g_auto(GStrv) found = NULL;
      g_autofree char *reason = NULL;
      gboolean from_pdf;
      gboolean hit = ic_cache_lookup_pages (cache, id, &from_pdf, &found, &reason);

      g_assert_cmpint (hit, ==, i >= 20);
      g_assert_null (reason);
      if (hit)
        g_assert_cmpstrv (found, pages);
      else
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

static void
test_index (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *index = g_build_filename (dir, "path-index", NULL);
  IcScanEntry entry = { .path = (char *)"/reports/a.pdf", .size = 10, .mtime = 20, .inode = 30 };
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_autofree char *id = NULL;

  g_assert_null (ic_cache_lookup_path (cache, &entry));
  ic_cache_remember_path (cache, &entry, ID_A);
  ic_cache_close (cache);

  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  id = ic_cache_lookup_path (cache, &entry);
  g_assert_cmpstr (id, ==, ID_A);
  /* Any change of size, time or inode means the file must be read. */
  entry.mtime++;
  g_assert_null (ic_cache_lookup_path (cache, &entry));
  entry.mtime--;
  entry.inode++;
  g_assert_null (ic_cache_lookup_path (cache, &entry));
  entry.inode--;
  ic_cache_close (cache);

  damage (index, TRUE);
  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_assert_null (ic_cache_lookup_path (cache, &entry));
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

static void
test_disabled (void)
{
  g_autofree char *dir = make_dir ();

  g_setenv ("IC_NO_CACHE", "1", TRUE);
  g_assert_null (ic_cache_open (dir, IC_CACHE_MAX_BYTES));
  g_unsetenv ("IC_NO_CACHE");
  ic_test_remove_tree (dir);
}

static void
test_trim (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *old_version = g_build_filename (dir, "pages-0", "ab", NULL);
  g_autofree char *filler = g_strnfill (1000, 'x');
  const char * const pages[] = { filler, NULL };
  IcCache *cache = ic_cache_open (dir, 10 * 1024);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint kept = 0;

  g_assert_cmpint (g_mkdir_with_parents (old_version, 0700), ==, 0);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("%02x%062u", i, 0);
      char *path = ic_cache_get_entry_path (cache, id);
      struct utimbuf times = { .actime = 1000000 + i * 100, .modtime = 1000000 + i * 100 };

      ic_cache_store_pages (cache, id, TRUE, pages, NULL);
      g_assert_cmpint (g_utime (path, &times), ==, 0);
      g_ptr_array_add (paths, path);
    }
  ic_cache_close (cache);

  /* About 20 KB against a 10 KB bound: the oldest go, the newest stay. */
  for (guint i = 0; i < paths->len; i++)
    {
      gboolean exists = g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_EXISTS);

      if (exists)
        kept++;
      if (i > 0 && exists)
        g_assert_true (g_file_test (g_ptr_array_index (paths, paths->len - 1), G_FILE_TEST_EXISTS));
    }
  g_test_message ("kept %u of 20 entries", kept);
  g_assert_cmpuint (kept, >, 0);
  g_assert_cmpuint (kept, <=, 7);
  g_assert_false (g_file_test (g_ptr_array_index (paths, 0), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (g_ptr_array_index (paths, 19), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_version, G_FILE_TEST_EXISTS));
  ic_test_remove_tree (dir);
}

static IcReport *
first_line_parse (const char          *source,
                  const char * const  *pages,
                  gboolean             from_pdf,
                  GError             **error)
{
  IcReport *report = _ic_report_new (source);
  g_autofree char *first = g_strndup (pages[0], strcspn (pages[0], "\n"));

  _ic_report_set_authority (report, first);
  return report;
}

static char *
load_first_line (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);

  _ic_loader_set_parse_func (loader, first_line_parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  return g_strdup (ic_report_get_authority (ic_report_store_get_report (store, 0)));
}

/* Rewrites the file in place with the same size, inode and mtime: only a
 * loader that does not read unchanged files still sees the old text. */
static void
rewrite_keeping_stat (const char *path,
                      const char *text)
{
  GStatBuf st;
  FILE *file;
  struct utimbuf times;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  file = g_fopen (path, "r+");
  g_assert_nonnull (file);
  g_assert_cmpint (fwrite (text, 1, strlen (text), file), ==, strlen (text));
  fclose (file);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static void
test_loader_fast_path (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *uncached = NULL;

  g_assert_true (g_file_set_contents (path, "Original\n", -1, NULL));
  /* utime() below sets whole seconds; start from whole seconds too. */
  rewrite_keeping_stat (path, "Original\n");
  first = load_first_line (dir);
  g_assert_cmpstr (first, ==, "Original");

  /* Same size and times: the index says unchanged, the file is not read. */
  rewrite_keeping_stat (path, "Modified\n");
  second = load_first_line (dir);
  g_assert_cmpstr (second, ==, "Original");

  g_setenv ("IC_NO_CACHE", "1", TRUE);
  uncached = load_first_line (dir);
  g_unsetenv ("IC_NO_CACHE");
  g_assert_cmpstr (uncached, ==, "Modified");
  ic_test_remove_tree (dir);
}

/* Loads @dir into a new store, with @parse, or the real parser when
 * NULL. */
static IcReportStore *
load_with (const char *dir,
           IcParseFunc parse)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  IcReportStore *store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GError) error = NULL;

  if (parse != NULL)
    _ic_loader_set_parse_func (loader, parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/* Opened again, unchanged, with its text from the cache, a PDF cut short
 * still says so: read in part by a parser that takes it, refused for
 * the cut by the real one. A reopen does not read the file itself until
 * the text must be parsed again, and then reads its tail. */
static void
test_reopen_cut_short (void)
{
  const char *cut = "the PDF is cut short: its end is missing (a download or copy that did not finish?)";
  g_autofree char *dir = make_dir ();
  g_autofree char *fixture = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *path = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, length - 200, NULL));
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(IcReportStore) read = load_with (dir, first_line_parse);
      g_autoptr(IcReportStore) refused = load_with (dir, NULL);
      GListModel *failures = ic_report_store_get_failures (refused);
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, 0);
      IcReport *report;

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (read)), ==, 1);
      report = ic_report_store_get_report (read, 0);
      g_assert_cmpint (ic_report_get_damage (report), ==, IC_DAMAGE_CUT_SHORT);
      g_assert_true (g_strv_contains (ic_report_get_warnings (report), cut));
      g_assert_cmpuint (g_list_model_get_n_items (failures), ==, 1);
      g_assert_cmpstr (ic_failure_get_reason (failure), ==, cut);
    }
  ic_test_remove_tree (dir);
}

/* Bytes that are not a repeated pattern, the same in every run. */
/* A parser fixture made unique by a line of its own, so that its content
 * id is new to the cache the tests share. */
static char *
write_unique_fixture (const char *dir,
                      const char *fixture)
{
  g_autofree char *source = ic_test_fixture_path (fixture);
  g_autofree char *text = NULL;
  g_autofree char *unique = NULL;
  char *path = g_build_filename (dir, "report.txt", NULL);

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  unique = g_strdup_printf ("%s\nRun %" G_GINT64_FORMAT "\n", text, g_get_real_time ());
  g_assert_true (g_file_set_contents (path, unique, -1, NULL));
  return path;
}

/* Loads @dir with the real parser; returns its one report. */
static IcReport *
load_real (const char *dir,
           gboolean    keep_pages)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GError) error = NULL;

  ic_loader_set_keep_pages (loader, keep_pages);
  ic_loader_set_index_text (loader, keep_pages);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  return g_object_ref (ic_report_store_get_report (store, 0));
}

static gboolean
has_pages_entry (const char *content_id)
{
  IcCache *cache = ic_cache_open_default ();
  g_autofree char *path = ic_cache_get_entry_path (cache, content_id);

  ic_cache_close (cache);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A reopen that keeps no text (the command line) takes the parsed report
 * from the cache without reading the text: with the text's entry gone,
 * the file is not read and extracted again, and the report is the same.
 * A reopen that keeps the pages (the window) still reads them. */
static void
test_reopen_without_text (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_unique_fixture (dir, "parser/ilacs-2019.txt");
  g_autoptr(IcReport) first = load_real (dir, FALSE);
  g_autoptr(IcReport) again = NULL;
  g_autoptr(IcReport) with_pages = NULL;
  const char *id = ic_report_get_content_id (first);
  IcCache *cache = ic_cache_open_default ();
  g_autofree char *entry = ic_cache_get_entry_path (cache, id);

  ic_cache_close (cache);
  g_assert_cmpstr (ic_report_get_authority (first), ==, "Rutland");
  g_assert_cmpint (g_unlink (entry), ==, 0);

  again = load_real (dir, FALSE);
  g_assert_false (has_pages_entry (id));
  g_assert_cmpstr (ic_report_get_content_id (again), ==, id);
  g_assert_cmpstr (ic_report_get_authority (again), ==, "Rutland");
  g_assert_cmpstr (ic_report_get_source (again), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (again)), ==,
                    g_list_model_get_n_items (ic_report_get_improvements (first)));
  g_assert_null (ic_report_get_pages (again)[0]);

  with_pages = load_real (dir, TRUE);
  g_assert_true (has_pages_entry (id));
  g_assert_nonnull (ic_report_get_pages (with_pages)[0]);
  g_assert_cmpstr (ic_report_get_authority (with_pages), ==, "Rutland");
  ic_test_remove_tree (dir);
}

/* The cached report is found through the path index: a file that changed
 * (other size, time) is read again, never given its old report. */
static void
test_reopen_changed_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_unique_fixture (dir, "parser/ilacs-2019.txt");
  g_autoptr(IcReport) first = load_real (dir, FALSE);
  g_autoptr(IcReport) changed = NULL;

  g_assert_cmpstr (ic_report_get_authority (first), ==, "Rutland");
  g_free (write_unique_fixture (dir, "parser/fv-2025.txt"));
  changed = load_real (dir, FALSE);
  g_assert_cmpstr (ic_report_get_authority (changed), ==, "Westmorland and Furness");
  g_assert_cmpstr (ic_report_get_content_id (changed), !=, ic_report_get_content_id (first));
  ic_test_remove_tree (dir);
}

/* The main theme of each item, joined. */
static char *
main_themes (IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) themes = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      const char *theme = ic_improvement_get_main_theme (item);

      g_strv_builder_add (builder, theme ? theme : "-");
    }
  themes = g_strv_builder_end (builder);
  return g_strjoinv (" ", themes);
}

/* The cached report of @content_id, and whether the rules in force gave
 * its themes. */
static IcReport *
cached_report (const char *content_id,
               gboolean   *themed)
{
  IcCache *cache = ic_cache_open_default ();
  IcReport *report = ic_cache_lookup_report (cache, content_id, "r.txt",
                                             ic_theme_rules_get_digest (ic_theme_rules_get_default ()),
                                             themed);

  ic_cache_close (cache);
  return report;
}

/* A report is cached with its warnings in the language it was parsed in:
 * a run in another language does not take it (and parses it again, in
 * its own); English takes it. */
static void
test_reports_by_language (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_unique_fixture (dir, "parser/ilacs-2019.txt");
  g_autoptr(IcReport) loaded = load_real (dir, FALSE);
  g_autoptr(IcReport) english = NULL;
  g_autoptr(IcReport) translated = NULL;
  const char *id = ic_report_get_content_id (loaded);
  gboolean themed = FALSE;
  char *translation = NULL;

  english = cached_report (id, &themed);
  g_assert_nonnull (english);
  translation = ic_test_translation_begin ("No lead inspector was found.", "Aucun inspecteur principal trouvé.");
  translated = cached_report (id, &themed);
  ic_test_translation_end (translation);
  g_assert_null (translated);
  ic_test_remove_tree (dir);
}

/* A report is cached with its items' themes and the digest of the rules
 * that gave them, so a reopen does not give them again; other rules'
 * digest does not take them. */
static void
test_themes_kept (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_unique_fixture (dir, "parser/ilacs-2019.txt");
  g_autoptr(IcReport) loaded = load_real (dir, FALSE);
  g_autoptr(IcReport) cached = NULL;
  g_autoptr(IcReport) other = NULL;
  g_autofree char *themes = main_themes (loaded);
  g_autofree char *cached_themes = NULL;
  const char *id = ic_report_get_content_id (loaded);
  IcCache *cache;
  gboolean themed = FALSE;

  g_assert_cmpstr (themes, ==, "health_and_wellbeing supervision_and_management_oversight plans_and_planning");
  cached = cached_report (id, &themed);
  g_assert_nonnull (cached);
  g_assert_true (themed);
  cached_themes = main_themes (cached);
  g_assert_cmpstr (cached_themes, ==, themes);

  cache = ic_cache_open_default ();
  other = ic_cache_lookup_report (cache, id, "r.txt", "not the rules in force", &themed);
  ic_cache_close (cache);
  g_assert_nonnull (other);
  g_assert_false (themed);
  ic_test_remove_tree (dir);
}

/* A user's own rules give their themes to a report cached with the
 * shipped rules' themes, and it is cached again with theirs; back with
 * the shipped rules, the shipped themes return. */
static void
test_themes_by_other_rules (void)
{
  const char *mine = "[recording]\nlead=the\n";
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *rules_path = NULL;
  g_autofree char *rules_dir = NULL;
  g_autoptr(IcReport) first = NULL;
  g_autoptr(IcReport) back = NULL;
  g_autofree char *first_themes = NULL;
  g_autofree char *back_themes = NULL;
  g_autofree char *id_path = NULL;
  g_autofree char *id = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *folder = NULL;
      g_autoptr(IcReport) report = NULL;
      g_autoptr(IcReport) cached = NULL;
      g_autofree char *themes = NULL;
      gboolean themed = FALSE;

      g_assert_true (g_file_get_contents (g_getenv ("IC_TEST_ID_PATH"), &id, NULL, NULL));
      folder = g_path_get_dirname (g_getenv ("IC_TEST_ID_PATH"));
      g_assert_cmpstr (ic_theme_rules_get_origin (ic_theme_rules_get_default ()), !=,
                       "themes.rules (shipped)");
      report = load_real (folder, FALSE);
      themes = main_themes (report);
      g_assert_cmpstr (themes, ==, "recording recording recording");
      cached = cached_report (id, &themed);
      g_assert_true (themed);
      return;
    }

  dir = make_dir ();
  g_free (write_unique_fixture (dir, "parser/ilacs-2019.txt"));
  first = load_real (dir, FALSE);
  first_themes = main_themes (first);
  g_assert_cmpstr (first_themes, ==, "health_and_wellbeing supervision_and_management_oversight plans_and_planning");

  config = make_dir ();
  rules_path = g_build_filename (config, "inspection-compare", "themes.rules", NULL);
  rules_dir = g_path_get_dirname (rules_path);
  g_assert_cmpint (g_mkdir_with_parents (rules_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (rules_path, mine, -1, NULL));
  id_path = g_build_filename (dir, "content-id", NULL);
  g_assert_true (g_file_set_contents (id_path, ic_report_get_content_id (first), -1, NULL));
  g_setenv ("IC_TEST_ID_PATH", id_path, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("IC_TEST_ID_PATH");

  /* The id file is not a report: loading sees only report.txt's report
   * and a failure, so it goes before loading again. */
  g_assert_cmpint (g_unlink (id_path), ==, 0);
  back = load_real (dir, FALSE);
  back_themes = main_themes (back);
  g_assert_cmpstr (back_themes, ==, first_themes);
  ic_test_remove_tree (dir);
  ic_test_remove_tree (config);
}

static guint8 *
pseudo_random_bytes (gsize length)
{
  guint8 *data = g_malloc (length + 1);
  guint32 state = 2463534242u;

  for (gsize i = 0; i < length; i++)
    {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      data[i] = state & 0xff;
    }
  return data;
}

static char *
glib_sha256_in_chunks (const guint8 *data,
                       gsize         length,
                       gsize         chunk)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (gsize done = 0; done < length; done += chunk)
    g_checksum_update (checksum, data + done, MIN (chunk, length - done));
  return g_strdup (g_checksum_get_string (checksum));
}

/* Content ids and the cache's checksums were GLib's SHA-256: the same
 * digests keep existing caches, corrections and content ids valid. */
static void
test_sha256_as_glib (void)
{
  /* Around SHA-256's 64-byte block and its 55-byte padding limit, and
   * a few megabytes that span many blocks and are no multiple of one. */
  const gsize lengths[] = { 0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 3 * 1024 * 1024 + 17 };
  g_autofree guint8 *data = pseudo_random_bytes (lengths[G_N_ELEMENTS (lengths) - 1]);

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (lengths[i] > 0 ? data : NULL, lengths[i]);
      g_autofree char *ours = ic_sha256_hex (bytes);
      g_autofree char *glib = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_autofree char *glib_chunked = glib_sha256_in_chunks (data, lengths[i], 4093);
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      guint8 digest[IC_SHA256_LENGTH], glib_digest[IC_SHA256_LENGTH];
      gsize glib_length = sizeof glib_digest;

      g_test_message ("%" G_GSIZE_FORMAT " bytes", lengths[i]);
      g_assert_cmpstr (ours, ==, glib);
      g_assert_cmpstr (ours, ==, glib_chunked);
      ic_sha256_digest (data, lengths[i], digest);
      g_checksum_update (checksum, data, lengths[i]);
      g_checksum_get_digest (checksum, glib_digest, &glib_length);
      g_assert_cmpmem (digest, sizeof digest, glib_digest, glib_length);
    }
  /* The well-known digest of "abc", so that both cannot be wrong alike. */
  {
    g_autoptr(GBytes) abc = g_bytes_new_static ("abc", 3);
    g_autofree char *ours = ic_sha256_hex (abc);

    g_assert_cmpstr (ours, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}

/* An entry checked with GLib's SHA-256 (as every entry written before
 * nettle was) still reads; and an entry written now carries the digest
 * GLib would have written. */
static void
test_entry_checked_by_glib (void)
{
  g_autofree char *dir = make_dir ();
  const char * const pages[] = { "a page written before", "and its next page", NULL };
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_autofree char *path = ic_cache_get_entry_path (cache, ID_A);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *data = NULL;
  g_auto(GStrv) found = NULL;
  g_autofree char *reason = NULL;
  guint8 glib_digest[IC_SHA256_LENGTH];
  gsize glib_length = sizeof glib_digest;
  gboolean from_pdf = FALSE;
  gsize length = 0;

  ic_cache_store_pages (cache, ID_A, TRUE, pages, NULL);
  ic_cache_close (cache);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, IC_SHA256_LENGTH);
  g_checksum_update (checksum, (const guchar *)data + IC_SHA256_LENGTH, length - IC_SHA256_LENGTH);
  g_checksum_get_digest (checksum, glib_digest, &glib_length);
  g_assert_cmpmem (data, IC_SHA256_LENGTH, glib_digest, glib_length);

  /* Signed again by GLib, as the build before wrote it. */
  memcpy (data, glib_digest, IC_SHA256_LENGTH);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  g_assert_true (ic_cache_lookup_pages (cache, ID_A, &from_pdf, &found, &reason));
  g_assert_cmpstrv (found, pages);
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

/* A report's content id is the SHA-256 of its file in hexadecimal, as
 * GLib gave it: corrections saved against it still apply. */
static void
test_content_id_as_glib (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  const char *text = "Some Council\nA report of a few words, not a multiple of 64 bytes.\n";
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  _ic_loader_set_parse_func (loader, first_line_parse);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpstr (ic_report_get_content_id (ic_report_store_get_report (store, 0)), ==, expected);
  ic_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache/round-trip", test_round_trip);
  g_test_add_func ("/cache/reopen-cut-short", test_reopen_cut_short);
  g_test_add_func ("/cache/corrupt", test_corrupt);
  g_test_add_func ("/cache/batched-syncs", test_batched_syncs);
  g_test_add_func ("/cache/torn-batch", test_torn_batch);
  g_test_add_func ("/cache/index", test_index);
  g_test_add_func ("/cache/disabled", test_disabled);
  g_test_add_func ("/cache/trim", test_trim);
  g_test_add_func ("/cache/loader-fast-path", test_loader_fast_path);
  g_test_add_func ("/cache/reopen-without-text", test_reopen_without_text);
  g_test_add_func ("/cache/reopen-changed-file", test_reopen_changed_file);
  g_test_add_func ("/cache/themes-kept", test_themes_kept);
  g_test_add_func ("/cache/reports-by-language", test_reports_by_language);
  g_test_add_func ("/cache/themes-by-other-rules", test_themes_by_other_rules);
  g_test_add_func ("/cache/sha256-as-glib", test_sha256_as_glib);
  g_test_add_func ("/cache/entry-checked-by-glib", test_entry_checked_by_glib);
  g_test_add_func ("/cache/content-id-as-glib", test_content_id_as_glib);

  return g_test_run ();
}
