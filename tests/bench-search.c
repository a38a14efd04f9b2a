/* bench-search.c: what the search index costs and how fast it answers
 *
 * bench-search FOLDER…
 *
 * Loads the folders (with the cache as the environment says:
 * IC_NO_CACHE=1 for a cold load), then builds every report's search
 * document again, one after another, to time the index alone, and runs a
 * few queries over every report (the median of five runs each).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ic-loader.h"
#include "ic-search-index.h"
#include "ic-parser-private.h"

static const char * const queries[] = {
  "\"return home interviews\"", "edge of care", "supervision", "\"corporate parenting\"",
  "management oversight", "child",
  /* A prefix typed on the way to a word: the broadest query the window meets. */
  "in",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
time_query (GListModel *reports,
            const char *text)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (text);
  double times[5];
  guint n_hits = 0;

  for (guint r = 0; r < G_N_ELEMENTS (times); r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GArray) hits = ic_search_run (reports, query);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      n_hits = hits->len;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  printf ("query %-28s %6u hits  %7.2f ms (median of 5)\n", text, n_hits, times[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GListModel *reports = G_LIST_MODEL (store);
  gint64 start;
  double load_s, build_s, split_s;
  guint64 bytes = 0, text = 0;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
  start = g_get_monotonic_time ();
  if (!ic_loader_load_sync (loader, (GFile **) files->pdata, files->len, NULL, &error))
    {
      fprintf (stderr, "bench-search: %s\n", error->message);
      return 1;
    }
  load_s = (g_get_monotonic_time () - start) / 1e6;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      g_autofree char *lower = g_ascii_strdown (ic_report_get_source (report), -1);
      g_autoptr(IcSearchDoc) doc = ic_search_doc_new (ic_report_get_pages (report),
                                                      g_str_has_suffix (lower, ".pdf"));

      bytes += ic_search_doc_get_size (doc);
      for (const char * const *p = ic_report_get_pages (report); *p; p++)
        text += strlen (*p);
    }
  build_s = (g_get_monotonic_time () - start) / 1e6;

  /* The part of it that splits pages into lines: the loader gives the
   * index the parser's lines instead (ic_parse_report_and_lines()). */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      g_autofree char *lower = g_ascii_strdown (ic_report_get_source (report), -1);
      g_autoptr(GArray) lines = _ic_parser_split_lines (ic_report_get_pages (report),
                                                        g_str_has_suffix (lower, ".pdf"));
    }
  split_s = (g_get_monotonic_time () - start) / 1e6;

  printf ("reports %u, load %.2f s (index built in it), pages' text %.1f MB\n",
          g_list_model_get_n_items (reports), load_s, text / 1e6);
  printf ("index alone, one thread: %.2f s, %.1f MB\n", build_s, bytes / 1e6);
  printf ("of which splitting pages into lines (the parser's, when loading): %.2f s\n", split_s);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    time_query (reports, queries[i]);
  return 0;
}
