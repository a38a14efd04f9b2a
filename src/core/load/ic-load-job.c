/* ic-load-job.c: what one load holds, and its lifetime
 *
 * A job is shared by the coordinator thread, the workers, the main
 * context's timer and the task, each holding a reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include "ic-load-job.h"

void
ic_load_copy_free (IcLoadCopy *copy)
{
  g_free (copy->path);
  g_free (copy->content_id);
  g_free (copy);
}

void
ic_load_later_free (IcLoadLater *later)
{
  g_free (later->content_id);
  g_strfreev (later->pages);
  g_free (later);
}

static void
job_clear (IcLoadJob *job)
{
  g_clear_object (&job->loader);
  g_clear_object (&job->store);
  g_clear_object (&job->task);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->known_content, g_hash_table_unref);
  g_clear_pointer (&job->claimed, g_hash_table_unref);
  g_clear_pointer (&job->reports, g_ptr_array_unref);
  g_clear_pointer (&job->provisional, g_ptr_array_unref);
  g_clear_pointer (&job->finals, g_ptr_array_unref);
  g_clear_pointer (&job->withdrawn, g_ptr_array_unref);
  g_clear_pointer (&job->later, g_ptr_array_unref);
  g_clear_pointer (&job->failures, g_ptr_array_unref);
  g_clear_pointer (&job->copies, g_ptr_array_unref);
  g_clear_pointer (&job->waiting_copies, g_ptr_array_unref);
  g_clear_pointer (&job->unfinished, g_hash_table_unref);
  g_clear_pointer (&job->probe, ic_stall_probe_free);
  g_clear_pointer (&job->profile, ic_load_profile_free);
  g_mutex_clear (&job->mutex);
}

void
ic_load_job_unref (IcLoadJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
}

IcLoadJob *
ic_load_job_ref (IcLoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static GHashTable *
collect_content_ids (IcReportStore *store)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      const char *id = ic_report_get_content_id (ic_report_store_get_report (store, i));

      if (id != NULL)
        g_hash_table_add (ids, g_strdup (id));
    }

  return ids;
}

/* The loader fills in how to parse and whom to tell (parse, first_pass,
 * background, report_func) before the job starts. */
IcLoadJob *
ic_load_job_new (IcLoader       *loader,
                 IcReportStore  *store,
                 GTask          *task,
                 GFile         **files,
                 guint           n_files,
                 GCancellable   *cancellable)
{
  IcLoadJob *job = g_atomic_rc_box_new0 (IcLoadJob);

  g_mutex_init (&job->mutex);
  job->loader = g_object_ref (loader);
  job->store = g_object_ref (store);
  job->task = g_object_ref (task);
  job->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  job->known_content = collect_content_ids (store);
  job->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->reports = g_ptr_array_new_with_free_func (g_object_unref);
  job->provisional = g_ptr_array_new_with_free_func (g_object_unref);
  job->finals = g_ptr_array_new_with_free_func (g_object_unref);
  job->withdrawn = g_ptr_array_new_with_free_func (g_free);
  job->later = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_load_later_free);
  job->failures = g_ptr_array_new_with_free_func (g_object_unref);
  job->copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_load_copy_free);
  job->waiting_copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_load_copy_free);
  job->unfinished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return job;
}
