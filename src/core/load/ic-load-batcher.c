/* ic-load-batcher.c: what the workers produced, into the store
 *
 * On the load's main context, a timer (ic-loader.c) moves pending
 * results into the store in batches, so the store and the loader's
 * progress are only touched on that context and the list emits one
 * items-changed per batch. Copies of a file are listed on its report
 * once the original is in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-load-job.h"

/* A copy of a report is listed on it; a copy of a file that failed fails
 * the same way. Returns FALSE while the original is still being read. */
static gboolean
resolve_copy (IcLoadJob  *job,
              IcLoadCopy *copy,
              GPtrArray  *failures,
              gboolean    last)
{
  IcReport *original = ic_report_store_find_content (job->store, copy->content_id);
  const char *reason = NULL;

  if (original != NULL)
    {
      ic_report_store_add_duplicate (job->store, original, copy->path);
      return TRUE;
    }

  g_mutex_lock (&job->mutex);
  reason = g_hash_table_lookup (job->claimed, copy->content_id);
  if (reason != NULL)
    g_ptr_array_add (failures, ic_failure_new (copy->path, reason));
  g_mutex_unlock (&job->mutex);

  if (reason == NULL && last)
    g_ptr_array_add (failures, ic_failure_new (copy->path,
                                               N_("identical to a file that could not be loaded")));
  return reason != NULL || last;
}

static guint
resolve_copies (IcLoadJob *job,
                GPtrArray *copies,
                GPtrArray *failures,
                gboolean   last)
{
  guint resolved = 0;

  for (guint i = 0; i < copies->len;)
    {
      if (resolve_copy (job, g_ptr_array_index (copies, i), failures, last))
        {
          g_ptr_array_remove_index (copies, i);
          resolved++;
        }
      else
        i++;
    }

  return resolved;
}

static GPtrArray *
steal_array (GPtrArray      **array,
             GDestroyNotify   free_func)
{
  GPtrArray *stolen = *array;

  *array = g_ptr_array_new_with_free_func (free_func);
  return stolen;
}

/* The second pass of a file failed: its provisional report goes, and the
 * copies listed on it fail with it. */
static void
withdraw (IcReportStore *store,
          const char    *path,
          GPtrArray     *failures)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);
      const char * const *copies = ic_report_get_duplicates (report);

      if (g_strcmp0 (ic_report_get_source (report), path) != 0)
        continue;
      for (guint j = 0; copies != NULL && copies[j] != NULL; j++)
        g_ptr_array_add (failures, ic_failure_new (copies[j],
                                                   N_("identical to a file that could not be loaded")));
      ic_report_store_remove_source (store, path);
      return;
    }
}

/* Moves what the workers produced into the store: one batch of reports
 * and one of failures (a second pass adds one batch of replacements).
 * Adds to @progress the files finished and found since the last batch. */
static void
flush_batch (IcLoadJob      *job,
             gboolean        last,
             IcLoadProgress *progress)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) provisional = NULL;
  g_autoptr(GPtrArray) finals = NULL;
  g_autoptr(GPtrArray) withdrawn = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  guint n_done, n_total;

  /* A worker holds the lock for microseconds, but one preempted while
   * holding it on a busy machine would stall the main loop: the batch
   * then waits for the next tick. The last one waits for the lock. */
  if (last)
    g_mutex_lock (&job->mutex);
  else if (!g_mutex_trylock (&job->mutex))
    {
      if (job->probe != NULL)
        ic_stall_probe_add_put_off (job->probe);
      return;
    }
  reports = steal_array (&job->reports, g_object_unref);
  provisional = steal_array (&job->provisional, g_object_unref);
  finals = steal_array (&job->finals, g_object_unref);
  withdrawn = steal_array (&job->withdrawn, g_free);
  failures = steal_array (&job->failures, g_object_unref);
  copies = steal_array (&job->copies, (GDestroyNotify)ic_load_copy_free);
  n_total = job->n_total;
  g_mutex_unlock (&job->mutex);

  /* A provisional report is not a file done: its final one is. */
  n_done = reports->len + finals->len + failures->len;
  for (guint i = 0; i < provisional->len; i++)
    g_hash_table_add (job->unfinished,
                      g_strdup (ic_report_get_source (g_ptr_array_index (provisional, i))));
  for (guint i = 0; i < finals->len; i++)
    g_hash_table_remove (job->unfinished, ic_report_get_source (g_ptr_array_index (finals, i)));
  for (guint i = 0; i < withdrawn->len; i++)
    g_hash_table_remove (job->unfinished, g_ptr_array_index (withdrawn, i));
  g_ptr_array_extend_and_steal (reports, g_steal_pointer (&provisional));
  if (reports->len > 0)
    ic_report_store_add_batch (job->store, reports);
  if (finals->len > 0)
    ic_report_store_replace_batch (job->store, finals);
  for (guint i = 0; i < withdrawn->len; i++)
    withdraw (job->store, g_ptr_array_index (withdrawn, i), failures);

  /* Copies are resolved after the store has the originals of this batch. */
  g_ptr_array_extend_and_steal (job->waiting_copies, g_steal_pointer (&copies));
  n_done += resolve_copies (job, job->waiting_copies, failures, last);
  ic_report_store_add_failures (job->store, failures);

  progress->n_done += n_done;
  progress->n_found += n_total - job->n_total_seen;
  job->n_total_seen = n_total;
}

/* With a stall probe, the batch is timed: wall time includes waiting
 * for a CPU, CPU time is the work the main thread did. */
IcLoadProgress
ic_load_batcher_flush (IcLoadJob *job,
                       gboolean   last)
{
  IcLoadProgress progress = { 0, 0 };
  gint64 start, cpu_start;

  if (job->probe == NULL)
    {
      flush_batch (job, last, &progress);
      return progress;
    }
  start = g_get_monotonic_time ();
  cpu_start = ic_stall_probe_thread_cpu_us ();
  flush_batch (job, last, &progress);
  ic_stall_probe_add_batch (job->probe, g_get_monotonic_time () - start,
                            ic_stall_probe_thread_cpu_us () - cpu_start);
  return progress;
}

/* A cancelled load leaves no provisional report behind: it would pass
 * for the whole report. */
void
ic_load_batcher_withdraw_unfinished (IcLoadJob *job)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer source;

  g_hash_table_iter_init (&iter, job->unfinished);
  while (g_hash_table_iter_next (&iter, &source, NULL))
    g_ptr_array_add (sources, source);
  if (sources->len > 0)
    ic_report_store_remove_sources (job->store, sources);
  g_hash_table_remove_all (job->unfinished);
}
