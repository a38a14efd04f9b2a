/* bench-load.c: how fast folders of reports load, against serial pdftotext
 * and mutool on the same files
 *
 * bench-load [--no-tools] [--user-cache] [--one-pass] [--whole-up-to=N] FOLDER…
 *
 * Runs the loader three times on the folders: cold (IC_NO_CACHE=1), fill
 * (an empty cache is filled) and warm (the filled cache is read), each on
 * a main loop as the window does. Unless --user-cache is given the cache
 * is a fresh temporary folder; --one-pass turns progressive loading off
 * (every PDF read in full at once); --whole-up-to=N reads a PDF of at
 * most N pages whole in its first pass (0: none, as before 2 December;
 * the loader's own choice without it). "all listed" is the time until every
 * file is in the store, with a provisional report at least. Then it runs `pdftotext` and
 * `mutool draw -F txt` once per PDF, one after another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "ic-loader-private.h"
#include "ic-scanner.h"

typedef struct
{
  const char *name;
  double      first;      /* seconds to the first file listed */
  double      listed;     /* seconds until every file is listed: a
                           * report (provisional or final), a copy, or
                           * a failure */
  double      last;       /* seconds to the end */
  guint       n_reports;
  guint       n_failures;
  guint       n_done;
  gint64      peak_kb;
  double      cpu;        /* user + system seconds of this process */
} Run;

typedef struct
{
  Run           *run;
  IcLoader      *loader;
  IcReportStore *store;
  gint64         start;
  gboolean       done;
} Watch;

static gint64
read_peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

/* Linux resets the peak RSS on writing 5 to clear_refs. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
reset_peak (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static guint64
tree_size (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 total = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) != 0)
        continue;
      total += S_ISDIR (st.st_mode) ? tree_size (child) : (guint64)st.st_size;
    }
  return total;
}

/* Files listed in the store: reports, their copies and failures. */
static void
listed_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Watch      *watch)
{
  guint n_reports = g_list_model_get_n_items (G_LIST_MODEL (watch->store));
  guint n_total = ic_loader_get_n_total (watch->loader);
  guint n = g_list_model_get_n_items (ic_report_store_get_failures (watch->store)) + n_reports;

  if (watch->run->first == 0 && n > 0)
    watch->run->first = (g_get_monotonic_time () - watch->start) / 1e6;
  if (watch->run->listed != 0 || n_total == 0)
    return;
  for (guint i = 0; i < n_reports; i++)
    n += g_strv_length ((char **)ic_report_get_duplicates (ic_report_store_get_report (watch->store, i)));
  if (n >= n_total)
    watch->run->listed = (g_get_monotonic_time () - watch->start) / 1e6;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  if (!ic_loader_load_finish (IC_LOADER (object), result, &error))
    g_printerr ("load failed: %s\n", error->message);
  watch->run->last = (g_get_monotonic_time () - watch->start) / 1e6;
  watch->done = TRUE;
}

static gboolean one_pass;
static int whole_up_to = -1;

static void
run_loader (Run        *run,
            GPtrArray  *folders)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  Watch watch = { run, loader, store, 0, FALSE };
  double cpu_start = cpu_seconds ();

  if (one_pass)
    _ic_loader_set_first_pass (loader, 0);
  if (whole_up_to >= 0)
    _ic_loader_set_whole_up_to (loader, whole_up_to);
  reset_peak ();
  g_signal_connect (store, "items-changed", G_CALLBACK (listed_cb), &watch);
  g_signal_connect (ic_report_store_get_failures (store), "items-changed",
                    G_CALLBACK (listed_cb), &watch);
  watch.start = g_get_monotonic_time ();
  ic_loader_load_async (loader, (GFile **)folders->pdata, folders->len, NULL, loaded_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);

  run->n_reports = g_list_model_get_n_items (G_LIST_MODEL (store));
  run->n_failures = g_list_model_get_n_items (ic_report_store_get_failures (store));
  run->n_done = ic_loader_get_n_done (loader);
  run->peak_kb = read_peak_kb ();
  run->cpu = cpu_seconds () - cpu_start;
  if (run->listed == 0)
    run->listed = run->last;
}

static double
run_tool (const char * const *command,
          GPtrArray          *pdfs)
{
  gint64 start = g_get_monotonic_time ();
  guint n = g_strv_length ((char **)command);

  for (guint i = 0; i < pdfs->len; i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (argv, (char *)command[j]);
      g_ptr_array_add (argv, g_ptr_array_index (pdfs, i));
      g_ptr_array_add (argv, NULL);
      if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("%s: %s\n", command[0], error->message);
          return -1;
        }
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

static void
print_run (const Run *run,
           guint      n_files,
           double     megabytes)
{
  g_print ("| %s | %u | %u | %u | %.2f | %.2f | %.2f | %.0f | %.1f | %.0f | %.2f |\n",
           run->name, run->n_done, run->n_reports, run->n_failures, run->first, run->listed,
           run->last,
           n_files / run->last, megabytes / run->last, run->peak_kb / 1024.0, run->cpu);
}

int
main (int   argc,
      char *argv[])
{
  gboolean no_tools = FALSE, user_cache = FALSE;
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new ();
  g_autofree char *cache_dir = NULL;
  Run runs[] = { { "cold (no cache)" }, { "fill (empty cache)" }, { "warm (cache)" } };
  const char * const mutool[] = { "mutool", "draw", "-q", "-F", "txt", "-o", "/dev/null", NULL };
  double megabytes = 0, t_pdftotext = -1, t_mutool = -1;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--no-tools"))
        no_tools = TRUE;
      else if (g_str_equal (argv[i], "--user-cache"))
        user_cache = TRUE;
      else if (g_str_equal (argv[i], "--one-pass"))
        one_pass = TRUE;
      else if (g_str_has_prefix (argv[i], "--whole-up-to="))
        whole_up_to = atoi (argv[i] + strlen ("--whole-up-to="));
      else
        g_ptr_array_add (folders, g_file_new_for_commandline_arg (argv[i]));
    }
  if (folders->len == 0)
    {
      g_printerr ("usage: bench-load [--no-tools] [--user-cache] [--one-pass] [--whole-up-to=N] "
                  "FOLDER…\n");
      return 2;
    }

  /* Before anything asks GLib for the cache folder: it remembers it. */
  if (!user_cache)
    {
      cache_dir = g_dir_make_tmp ("ic-bench-cache-XXXXXX", NULL);
      g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
    }

  entries = ic_scanner_scan ((GFile **)folders->pdata, folders->len, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      IcScanEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *lower = g_ascii_strdown (entry->path, -1);

      megabytes += entry->size / 1e6;
      if (g_str_has_suffix (lower, ".pdf"))
        g_ptr_array_add (pdfs, entry->path);
    }
  g_print ("%u files (%u named .pdf), %.1f MB, %u processors\n\n",
           entries->len, pdfs->len, megabytes, g_get_num_processors ());

  g_setenv ("IC_NO_CACHE", "1", TRUE);
  run_loader (&runs[0], folders);
  g_unsetenv ("IC_NO_CACHE");
  run_loader (&runs[1], folders);
  run_loader (&runs[2], folders);

  g_print ("| run | files done | reports | failures | first s | all listed s | last s | files/s | MB/s | peak RSS MB | CPU s |\n");
  g_print ("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    print_run (&runs[i], entries->len, megabytes);
  {
    g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "inspection-compare", NULL);

    g_print ("\ncache: %.1f MB in %s\n", tree_size (cache) / 1e6, cache);
  }

  if (!no_tools)
    {
      /* pdftotext writes to "-" (standard output, sent to /dev/null). */
      const char * const pdftotext_stdout[] = { "sh", "-c", "exec pdftotext -q -enc UTF-8 \"$0\" -", NULL };

      t_pdftotext = run_tool (pdftotext_stdout, pdfs);
      t_mutool = run_tool (mutool, pdfs);
      g_print ("\n| serial tool, one process per PDF | s | PDFs/s |\n|---|---|---|\n");
      g_print ("| pdftotext | %.2f | %.0f |\n", t_pdftotext, pdfs->len / t_pdftotext);
      g_print ("| mutool draw -F txt | %.2f | %.0f |\n", t_mutool, pdfs->len / t_mutool);
      g_print ("\ncold / serial mutool = %.2f; cold / serial pdftotext = %.2f; "
               "warm / serial mutool = %.3f\n",
               runs[0].last / t_mutool, runs[0].last / t_pdftotext, runs[2].last / t_mutool);
    }

  if (cache_dir != NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", cache_dir);

      if (system (command) != 0)
        g_printerr ("could not remove %s\n", cache_dir);
    }
  return 0;
}
