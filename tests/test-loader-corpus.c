/* test-loader-corpus.c: the loader on every real PDF of the corpus
 *
 * Slow (every PDF goes through MuPDF twice), so it is a test program of
 * its own in the `slow` suite, which the inner loop skips:
 * `meson test -C _build --no-suite slow`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "ic-json.h"
#include "ic-loader-private.h"
#include "ic-test-util.h"

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

/* Every report of @store is in @expected, field for field and page for
 * page, and the failures are as many. */
static void
assert_same_reports (IcReportStore *store,
                     IcReportStore *expected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (expected)));
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (store)), ==,
                    g_list_model_get_n_items (ic_report_store_get_failures (expected)));
  for (guint i = 0; i < n; i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);
      IcReport *other = ic_report_store_find_content (expected, ic_report_get_content_id (report));
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonNode) other_node = NULL;
      g_autofree char *json = NULL;
      g_autofree char *other_json = NULL;

      g_assert_nonnull (other);
      node = ic_json_report_to_node (report);
      other_node = ic_json_report_to_node (other);
      json = ic_json_to_string (node);
      other_json = ic_json_to_string (other_node);
      g_assert_cmpstrv (ic_report_get_pages (report), ic_report_get_pages (other));
      g_assert_cmpstr (json, ==, other_json);
    }
}

static void
count_replacements_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       guint      *n_replaced)
{
  if (removed > 0 && removed == added)
    (*n_replaced)++;
}

/* Every file is a report, a copy or a failure with a one-line reason. */
static void
assert_all_accounted (IcLoader      *loader,
                      IcReportStore *store)
{
  GListModel *failures = ic_report_store_get_failures (store);
  guint n_reports = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_failures = g_list_model_get_n_items (failures);
  guint n_copies = 0;

  for (guint i = 0; i < n_reports; i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);

      n_copies += g_strv_length ((char **)ic_report_get_duplicates (report));
      g_assert_nonnull (ic_report_get_pages (report));
    }
  for (guint i = 0; i < n_failures; i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);
      const char *reason = ic_failure_get_reason (failure);

      g_assert_true (reason != NULL && reason[0] != '\0' && strchr (reason, '\n') == NULL);
      g_test_message ("failure: %s: %s", ic_failure_get_source (failure), reason);
    }

  g_test_message ("%u files: %u reports, %u copies, %u failures",
                  ic_loader_get_n_total (loader), n_reports, n_copies, n_failures);
  g_assert_cmpuint (ic_loader_get_n_total (loader), ==, 181 + 11);
  g_assert_cmpuint (ic_loader_get_n_done (loader), ==, ic_loader_get_n_total (loader));
  g_assert_cmpuint (n_reports + n_copies + n_failures, ==, ic_loader_get_n_total (loader));
}

static IcReportStore *
load (GFile    **files,
      gboolean   progressive,
      gboolean   cached,
      guint     *n_replaced)
{
  IcReportStore *store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GError) error = NULL;

  if (cached)
    g_unsetenv ("IC_NO_CACHE");
  else
    g_setenv ("IC_NO_CACHE", "1", TRUE);
  if (!progressive)
    _ic_loader_set_first_pass (loader, 0);
  if (n_replaced != NULL)
    g_signal_connect (store, "items-changed", G_CALLBACK (count_replacements_cb), n_replaced);

  g_assert_true (ic_loader_load_sync (loader, files, 2, NULL, &error));
  g_assert_no_error (error);
  assert_all_accounted (loader, store);
  return store;
}

/* The real parser on every real PDF: in one pass with no cache, then
 * progressively (first pages first) filling an empty cache, then from
 * that cache. All three give the same reports and page texts, the
 * progressive load did list provisional reports first, and no report
 * folder was written to. */
static void
test_corpus (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autofree char *pdf = ic_test_corpus_path ("pdf");
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(IcReportStore) one_pass = NULL;
  g_autoptr(IcReportStore) progressive = NULL;
  g_autoptr(IcReportStore) cached = NULL;
  guint n_replaced = 0, n_replaced_cached = 0;
  GFile *files[2];

  if (bulk == NULL || pdf == NULL)
    return;

  list_tree (bulk, before);
  list_tree (pdf, before);
  files[0] = g_file_new_for_path (bulk);
  files[1] = g_file_new_for_path (pdf);

  one_pass = load (files, FALSE, FALSE, NULL);
  progressive = load (files, TRUE, TRUE, &n_replaced);
  g_test_message ("%u replacement batches", n_replaced);
  g_assert_cmpuint (n_replaced, >, 0);
  assert_same_reports (progressive, one_pass);

  /* Every full read was cached: nothing is provisional any more. */
  cached = load (files, TRUE, TRUE, &n_replaced_cached);
  g_assert_cmpuint (n_replaced_cached, ==, 0);
  assert_same_reports (cached, progressive);

  list_tree (bulk, after);
  list_tree (pdf, after);
  g_assert_cmpstr (before->str, ==, after->str);
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("ic-loader-corpus-XXXXXX", NULL);
  int status;

  /* An empty cache of its own, so that the progressive load is cold. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader-corpus/corpus", test_corpus);

  status = g_test_run ();
  ic_test_remove_tree (cache);
  return status;
}
