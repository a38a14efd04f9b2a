/* ic-loader.c
 *
 * One load is a Job: a coordinator thread scans the paths and feeds a
 * pool of workers (one per core); each worker reads, hashes, extracts and
 * parses one file and leaves the result in the job's pending lists.
 *
 * PDFs not in the cache load progressively: the first pass extracts only
 * the first FIRST_PASS_PAGES pages (judgements and areas for improvement
 * are there in every kind of report but the oldest) and delivers a
 * provisional report parsed from them; once every file has had its first
 * pass, a second pass extracts the remaining pages, parses the whole text
 * and replaces the provisional report in the store. Page text does not
 * depend on which other pages are extracted, so the final report is the
 * one a single pass gives. Only final text and reports are cached. A
 * timer on the caller's main context moves pending results into the
 * store in batches, so the store and the properties are only touched on
 * that context and the list emits one items-changed per batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <time.h>

#include "ic-background.h"
#include "ic-cache.h"
#include "ic-extract-pool.h"
#include "ic-extractor.h"
#include "ic-loader-private.h"
#include "ic-parser.h"
#include "ic-read-file.h"
#include "ic-report-private.h"
#include "ic-scanner.h"
#include "ic-search-index.h"
#include "ic-stall-probe.h"
#include "ic-text.h"
#include "ic-themes.h"

/* Often enough for the list to grow smoothly, seldom enough that the
 * sorted insertions and items-changed handlers stay cheap. */
#define FLUSH_INTERVAL_MS 75

/* Judgements are on pages 1–2 and the areas for improvement within the
 * first six pages of ILACS, focused-visit and JTAI reports. */
#define FIRST_PASS_PAGES 6

typedef struct
{
  char *path;
  char *content_id;
} Copy;

/* A PDF whose first pages were read; the rest wait for the second pass. */
typedef struct
{
  const IcScanEntry *entry;  /* the coordinator's, alive for both passes */
  char              *content_id;
  char             **pages;
} Later;

typedef struct
{
  IcLoader      *loader;
  GTask         *task;
  GPtrArray     *files;          /* GFile */
  GCancellable  *cancellable;
  GMainContext  *context;
  IcParseFunc    parse;
  guint          first_pass;     /* pages in the first pass; 0: one pass */
  gboolean       background;     /* workers and helpers at a lower priority */
  IcCache       *cache;          /* opened and closed by the coordinator */
  GHashTable    *known_content;  /* ids already in the store; read-only */
  GSource       *flush_source;
  IcStallProbe  *probe;          /* with IC_DEBUG_STALLS=1 only */
  gulong         cancelled_id;
  gboolean       returned;
  GPtrArray     *waiting_copies; /* Copy whose original is still being read */
  GHashTable    *unfinished;     /* sources of provisional reports in the store */
  guint          n_total_seen;

  GMutex         mutex;          /* guards what follows */
  GHashTable    *claimed;        /* content id -> NULL, or the reason it failed */
  GPtrArray     *reports;
  GPtrArray     *provisional;    /* reports from the first pages */
  GPtrArray     *finals;         /* reports that replace provisional ones */
  GPtrArray     *withdrawn;      /* paths whose provisional report must go */
  GPtrArray     *failures;
  GPtrArray     *copies;         /* Copy */
  GPtrArray     *later;          /* Later */
  guint          n_total;
  gboolean       finished;       /* every worker is done */
} Job;

struct _IcLoader
{
  GObject        parent_instance;
  IcReportStore *store;
  guint          n_done;
  guint          n_total;
  guint          n_jobs;
  IcParseFunc    parse;
  guint          first_pass;
  gboolean       background;
};

G_DEFINE_FINAL_TYPE (IcLoader, ic_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_BACKGROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_free (Copy *copy)
{
  g_free (copy->path);
  g_free (copy->content_id);
  g_free (copy);
}

static void
later_free (Later *later)
{
  g_free (later->content_id);
  g_strfreev (later->pages);
  g_free (later);
}

static void
job_clear (Job *job)
{
  g_clear_object (&job->loader);
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
  g_mutex_clear (&job->mutex);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

/* Worker side ---------------------------------------------------------- */

static void
add_failure (Job        *job,
             const char *path,
             const char *reason)
{
  g_mutex_lock (&job->mutex);
  g_ptr_array_add (job->failures, ic_failure_new (path, reason));
  g_mutex_unlock (&job->mutex);
}

/* The first file with some content claims it; later files with the same
 * bytes become copies of it and are not read further. */
static gboolean
claim_content (Job        *job,
               const char *path,
               const char *content_id)
{
  gboolean first = FALSE;

  g_mutex_lock (&job->mutex);
  if (!g_hash_table_contains (job->known_content, content_id) &&
      !g_hash_table_contains (job->claimed, content_id))
    {
      g_hash_table_insert (job->claimed, g_strdup (content_id), NULL);
      first = TRUE;
    }
  else
    {
      Copy *copy = g_new0 (Copy, 1);

      copy->path = g_strdup (path);
      copy->content_id = g_strdup (content_id);
      g_ptr_array_add (job->copies, copy);
    }
  g_mutex_unlock (&job->mutex);

  return first;
}

static void
fail_content (Job        *job,
              const char *path,
              const char *content_id,
              const char *reason)
{
  g_mutex_lock (&job->mutex);
  g_hash_table_insert (job->claimed, g_strdup (content_id), g_strdup (reason));
  g_ptr_array_add (job->failures, ic_failure_new (path, reason));
  g_mutex_unlock (&job->mutex);
}

/* Pages [first, first + max) of a PDF (max 0: to the end), from a
 * helper process when there is one. */
static char **
extract_range (Job      *job,
               GBytes   *bytes,
               guint     first,
               guint     max,
               guint    *n_pages,
               GError  **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  IcExtractPool *pool = ic_extract_pool_get_default ();

  if (pool != NULL)
    return ic_extract_pool_get_page_range (pool, data, length, first, max, n_pages,
                                           job->cancellable, error);
  return ic_extract_in_process (data, length, first, max, n_pages, job->cancellable, error);
}

/* What the file holds is cached, but not an interrupted extraction, a
 * hang, which a busy machine can cause, nor a missing helper. */
static void
cache_pages (Job         *job,
             const char  *content_id,
             gboolean     from_pdf,
             char       **pages,
             GError      *error)
{
  if (job->cache != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG) &&
      !g_error_matches (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_HELPER))
    ic_cache_store_pages (job->cache, content_id, from_pdf, (const char * const *)pages,
                          error ? error->message : NULL);
}

/* Text from the file (and then into the cache). Returns NULL with @error
 * set when the content cannot be read. A PDF longer than the first pass
 * gives only its first pages, with @partial set, and is not cached. */
static char **
get_pages (Job         *job,
           IcFileKind   kind,
           GBytes      *bytes,
           const char  *content_id,
           gboolean    *partial,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_pages = 0;
  char **pages;

  if (kind == IC_FILE_KIND_PDF)
    {
      pages = extract_range (job, bytes, 0, job->first_pass, &n_pages, &local_error);
      *partial = pages != NULL && job->first_pass > 0 && n_pages > job->first_pass;
      if (*partial)
        return pages;
      if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, &local_error))
        g_clear_pointer (&pages, g_strfreev);
    }
  else if ((text = ic_text_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &local_error)) != NULL &&
           ic_text_check_page_count (text, &local_error))
    pages = ic_text_split_pages (text);
  else
    pages = NULL;

  cache_pages (job, content_id, kind == IC_FILE_KIND_PDF, pages, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return pages;
}

/* A report from the first pages, never cached; the file waits for the
 * second pass. A first part the parser refuses gives no provisional
 * report: the whole text may still be a report. */
static void
deliver_provisional (Job                *job,
                     const IcScanEntry  *entry,
                     const char         *content_id,
                     char              **pages)
{
  g_autoptr(IcReport) report = job->parse (entry->path, (const char * const *)pages, TRUE, NULL);
  Later *later = g_new0 (Later, 1);

  later->entry = entry;
  later->content_id = g_strdup (content_id);
  later->pages = pages;
  if (report != NULL)
    {
      _ic_report_set_content_id (report, content_id);
      _ic_report_set_pages (report, (const char * const *)pages);
      ic_theme_rules_assign_report (ic_theme_rules_get_default (), report);
    }

  g_mutex_lock (&job->mutex);
  if (report != NULL)
    g_ptr_array_add (job->provisional, g_steal_pointer (&report));
  g_ptr_array_add (job->later, later);
  g_mutex_unlock (&job->mutex);
}

/* Parses @pages (or fails with @reason) and leaves the result for the
 * main context. @replaces: the second pass, whose report takes the place
 * of a provisional one. */
static void
deliver (Job         *job,
         const char  *path,
         const char  *content_id,
         gboolean     from_pdf,
         char       **pages,
         const char  *reason,
         gboolean     replaces)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = NULL;
  /* Only the real parser's reports are cached, never a test's stand-in. */
  IcCache *cache = job->parse == ic_parse_report ? job->cache : NULL;

  if (pages != NULL && cache != NULL)
    report = ic_cache_lookup_report (cache, content_id, path);
  if (pages != NULL && report == NULL)
    {
      report = job->parse (path, (const char * const *)pages, from_pdf, &error);
      if (report != NULL)
        _ic_report_set_content_id (report, content_id);
      if (report != NULL && cache != NULL)
        ic_cache_store_report (cache, report);
    }
  if (report == NULL)
    {
      if (replaces)
        {
          g_mutex_lock (&job->mutex);
          g_ptr_array_add (job->withdrawn, g_strdup (path));
          g_mutex_unlock (&job->mutex);
        }
      fail_content (job, path, content_id, reason ? reason : error->message);
      return;
    }

  _ic_report_set_pages (report, (const char * const *)pages);
  _ic_report_take_search_doc (report, ic_search_doc_new_cached (job->cache, content_id,
                                                                (const char * const *)pages, from_pdf));
  /* Themes come after the cache: a user's own rules apply on every load. */
  ic_theme_rules_assign_report (ic_theme_rules_get_default (), report);

  g_mutex_lock (&job->mutex);
  g_ptr_array_add (replaces ? job->finals : job->reports, g_steal_pointer (&report));
  g_mutex_unlock (&job->mutex);
}

static void
load_content (Job               *job,
              const IcScanEntry *entry,
              IcFileKind         kind,
              GBytes     *bytes,
              const char *content_id)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf = kind == IC_FILE_KIND_PDF;
  gboolean partial = FALSE;

  if (job->cache == NULL ||
      !ic_cache_lookup_pages (job->cache, content_id, &from_pdf, &pages, &reason))
    {
      pages = get_pages (job, kind, bytes, content_id, &partial, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (error != NULL)
        reason = g_strdup (error->message);
    }

  if (partial)
    deliver_provisional (job, entry, content_id, g_steal_pointer (&pages));
  else
    deliver (job, entry->path, content_id, from_pdf, pages, reason, FALSE);
}

/* The fast path of a reopen: a file whose path, size, mtime and inode are
 * in the cache's index is not read at all. Returns FALSE when the file
 * must be read after all. */
static gboolean
load_unchanged (Job               *job,
                const IcScanEntry *entry,
                gboolean          *claimed,
                char             **content_id)
{
  g_auto(GStrv) pages = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf = FALSE;

  *content_id = ic_cache_lookup_path (job->cache, entry);
  if (*content_id == NULL)
    return FALSE;
  if (!claim_content (job, entry->path, *content_id))
    return TRUE;
  *claimed = TRUE;
  if (!ic_cache_lookup_pages (job->cache, *content_id, &from_pdf, &pages, &reason))
    return FALSE;

  deliver (job, entry->path, *content_id, from_pdf, pages, reason, FALSE);
  return TRUE;
}

static void
fail_read (Job        *job,
           const char *path,
           GError     *error)
{
  g_autofree char *why = ic_scanner_reason_from_error (error);
  g_autofree char *message = g_strdup_printf ("cannot read the file: %s", why);

  add_failure (job, path, message);
}

static void
load_entry (IcScanEntry *entry,
            Job         *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *indexed_id = NULL;
  g_autofree char *content_id = NULL;
  gboolean claimed = FALSE;
  IcFileKind kind;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  if (entry->failure != NULL)
    {
      add_failure (job, entry->path, entry->failure);
      return;
    }
  if (job->cache != NULL && load_unchanged (job, entry, &claimed, &indexed_id))
    return;

  /* Read, not mapped: see ic-read-file.c. */
  bytes = ic_read_file_bytes (entry->path, &error);
  if (bytes == NULL)
    {
      fail_read (job, entry->path, error);
      return;
    }

  kind = ic_scanner_sniff (entry->path, g_bytes_get_data (bytes, NULL),
                           g_bytes_get_size (bytes), &reason);
  if (kind == IC_FILE_KIND_NONE)
    {
      add_failure (job, entry->path, reason);
      return;
    }

  content_id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (job->cache != NULL)
    ic_cache_remember_path (job->cache, entry, content_id);
  if ((claimed && g_str_equal (content_id, indexed_id)) ||
      claim_content (job, entry->path, content_id))
    load_content (job, entry, kind, bytes, content_id);
}

static char **
join_pages (char **first,
            char **rest)
{
  guint n_first = g_strv_length (first), n_rest = g_strv_length (rest);
  char **pages = g_new0 (char *, n_first + n_rest + 1);

  for (guint i = 0; i < n_first; i++)
    pages[i] = g_strdup (first[i]);
  for (guint i = 0; i < n_rest; i++)
    pages[n_first + i] = g_strdup (rest[i]);
  return pages;
}

/* The file still has the bytes of the first pass if it has the size,
 * time and inode it was found with (as for the cache's path index:
 * hashing every file again would cost more than extracting its text). */
static gboolean
unchanged (const IcScanEntry  *entry,
           GError            **error)
{
  GStatBuf st;

  if (g_stat (entry->path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot read the file: %s",
                   g_strerror (saved));
      return FALSE;
    }
  if ((guint64)st.st_size != entry->size || (guint64)st.st_ino != entry->inode ||
      (guint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 != entry->mtime)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "the file changed while it was being read; open it again");
      return FALSE;
    }
  return TRUE;
}

/* All the pages: the first pass's and the rest. */
static char **
read_rest (Job      *job,
           Later    *later,
           GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!unchanged (later->entry, error))
    return NULL;
  bytes = ic_read_file_bytes (later->entry->path, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *why = ic_scanner_reason_from_error (local_error);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot read the file: %s", why);
      return NULL;
    }
  rest = extract_range (job, bytes, job->first_pass, 0, NULL, error);
  return rest ? join_pages (later->pages, rest) : NULL;
}

/* The second pass of a PDF: the whole text, cached, and its report in
 * place of the provisional one. */
static void
load_rest (Later *later,
           Job   *job)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gboolean changed;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;

  pages = read_rest (job, later, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, &error))
    g_clear_pointer (&pages, g_strfreev);

  /* A file that cannot be opened again or changed tells nothing about
   * the content of the first pass. */
  changed = error != NULL && error->domain != IC_EXTRACT_ERROR;
  if (!changed)
    cache_pages (job, later->content_id, TRUE, pages, error);
  deliver (job, later->entry->path, later->content_id, TRUE, pages,
           error ? error->message : NULL, TRUE);
}

static void return_task (Job *job);

static gboolean
finish_idle_cb (gpointer data)
{
  return_task (data);
  return G_SOURCE_REMOVE;
}

static void
attach_finish (Job *job)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_priority (idle, G_PRIORITY_DEFAULT);
  g_source_set_callback (idle, finish_idle_cb, job_ref (job), (GDestroyNotify)job_unref);
  g_source_set_static_name (idle, "[ic-loader finish]");
  g_source_attach (idle, job->context);
}

/* The coordinator thread and helpers of a background load run at a lower
 * priority (ic-background.c). */
static void
start_background (Job *job)
{
  IcExtractPool *pool = ic_extract_pool_get_default ();

  ic_background_lower_thread ();
  if (pool != NULL)
    ic_extract_pool_set_background (pool);
}

typedef struct
{
  Job         *job;
  GFunc        func;
  GAsyncQueue *queue;   /* items, then one end mark per thread */
} Crew;

static gpointer
crew_thread (gpointer data)
{
  Crew *crew = data;
  gpointer item;

  if (crew->job->background)
    ic_background_lower_thread ();
  while ((item = g_async_queue_pop (crew->queue)) != crew)
    crew->func (item, crew->job);
  return NULL;
}

/* Runs @func over @items on a thread per core and waits for them all.
 * The threads are this load's own, not a GThreadPool's: GLib hands the
 * threads of any pool, exclusive ones too, to later pools, and a thread
 * lowered for a background load would keep its priority there. */
static void
run_workers (Job       *job,
             GFunc      func,
             GPtrArray *items)
{
  Crew crew = { job, func, NULL };
  guint n = MIN (g_get_num_processors (), items->len);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  if (n == 0)
    return;
  crew.queue = g_async_queue_new ();

  for (guint i = 0; i < items->len; i++)
    g_async_queue_push (crew.queue, g_ptr_array_index (items, i));
  for (guint i = 0; i < n; i++)
    g_async_queue_push (crew.queue, &crew);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (threads, g_thread_new ("ic-load-worker", crew_thread, &crew));
  for (guint i = 0; i < n; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_async_queue_unref (crew.queue);
}

static gpointer
coordinate_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GPtrArray) entries = NULL;

  if (job->background)
    start_background (job);
  job->cache = ic_cache_open_default ();
  entries = ic_scanner_scan ((GFile **)job->files->pdata, job->files->len, job->cancellable);

  g_mutex_lock (&job->mutex);
  job->n_total = entries->len;
  g_mutex_unlock (&job->mutex);

  /* Waits for every file; cancelled ones return at once. */
  run_workers (job, (GFunc)load_entry, entries);

  /* Every file has had its first pass: now the rest of the long PDFs. */
  run_workers (job, (GFunc)load_rest, job->later);
  g_clear_pointer (&job->cache, ic_cache_close);

  g_mutex_lock (&job->mutex);
  job->finished = TRUE;
  g_mutex_unlock (&job->mutex);

  attach_finish (job);
  job_unref (job);
  return NULL;
}

/* Main-context side ---------------------------------------------------- */

static void
set_progress (IcLoader *self,
              guint     n_done,
              guint     n_total)
{
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
}

/* A copy of a report is listed on it; a copy of a file that failed fails
 * the same way. Returns FALSE while the original is still being read. */
static gboolean
resolve_copy (Job        *job,
              Copy       *copy,
              GPtrArray  *failures,
              gboolean    last)
{
  IcReport *original = ic_report_store_find_content (job->loader->store, copy->content_id);
  const char *reason = NULL;

  if (original != NULL)
    {
      if (g_strcmp0 (ic_report_get_source (original), copy->path) != 0 &&
          !g_strv_contains (ic_report_get_duplicates (original), copy->path))
        _ic_report_add_duplicate (original, copy->path);
      return TRUE;
    }

  g_mutex_lock (&job->mutex);
  reason = g_hash_table_lookup (job->claimed, copy->content_id);
  if (reason != NULL)
    g_ptr_array_add (failures, ic_failure_new (copy->path, reason));
  g_mutex_unlock (&job->mutex);

  if (reason == NULL && last)
    g_ptr_array_add (failures, ic_failure_new (copy->path,
                                               "identical to a file that could not be loaded"));
  return reason != NULL || last;
}

static guint
resolve_copies (Job       *job,
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
                                                   "identical to a file that could not be loaded"));
      ic_report_store_remove_source (store, path);
      return;
    }
}

/* Moves what the workers produced into the store: one batch of reports
 * and one of failures (a second pass adds one batch of replacements). */
static void
flush_batch (Job      *job,
             gboolean  last)
{
  IcLoader *self = job->loader;
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
  copies = steal_array (&job->copies, (GDestroyNotify)copy_free);
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
    ic_report_store_add_batch (self->store, reports);
  if (finals->len > 0)
    ic_report_store_replace_batch (self->store, finals);
  for (guint i = 0; i < withdrawn->len; i++)
    withdraw (self->store, g_ptr_array_index (withdrawn, i), failures);

  /* Copies are resolved after the store has the originals of this batch. */
  g_ptr_array_extend_and_steal (job->waiting_copies, g_steal_pointer (&copies));
  n_done += resolve_copies (job, job->waiting_copies, failures, last);
  ic_report_store_add_failures (self->store, failures);

  set_progress (self, self->n_done + n_done, self->n_total + n_total - job->n_total_seen);
  job->n_total_seen = n_total;
}

/* With a stall probe, the batch is timed: wall time includes waiting
 * for a CPU, CPU time is the work the main thread did. */
static void
flush (Job      *job,
       gboolean  last)
{
  gint64 start, cpu_start;

  if (job->probe == NULL)
    {
      flush_batch (job, last);
      return;
    }
  start = g_get_monotonic_time ();
  cpu_start = ic_stall_probe_thread_cpu_us ();
  flush_batch (job, last);
  ic_stall_probe_add_batch (job->probe, g_get_monotonic_time () - start,
                            ic_stall_probe_thread_cpu_us () - cpu_start);
}

static void
stop_sources (Job *job)
{
  if (job->flush_source != NULL)
    g_source_destroy (job->flush_source);
  g_clear_pointer (&job->flush_source, g_source_unref);
  if (job->probe != NULL)
    ic_stall_probe_report (job->probe);
  g_clear_pointer (&job->probe, ic_stall_probe_free);
  if (job->cancelled_id != 0)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  job->cancelled_id = 0;
}

/* A cancelled load leaves no provisional report behind: it would pass
 * for the whole report. */
static void
withdraw_unfinished (Job *job)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer source;

  g_hash_table_iter_init (&iter, job->unfinished);
  while (g_hash_table_iter_next (&iter, &source, NULL))
    g_ptr_array_add (sources, source);
  if (sources->len > 0)
    ic_report_store_remove_sources (job->loader->store, sources);
  g_hash_table_remove_all (job->unfinished);
}

/* Returns the task once: either when every file is done, or as soon as
 * the load is cancelled (the workers then stop on their own). */
static void
return_task (Job *job)
{
  if (job->returned)
    return;
  job->returned = TRUE;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      stop_sources (job);
      withdraw_unfinished (job);
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "Loading was cancelled");
    }
  else
    {
      flush (job, TRUE);
      stop_sources (job);
      g_task_return_boolean (job->task, TRUE);
    }
  /* The task holds the job as its data; dropping it here ends the cycle. */
  g_clear_object (&job->task);

  if (--job->loader->n_jobs == 0)
    g_debug ("all loads done: %u of %u", job->loader->n_done, job->loader->n_total);
}

static gboolean
flush_cb (gpointer data)
{
  Job *job = data;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      return_task (job);
      return G_SOURCE_REMOVE;
    }

  flush (job, FALSE);
  return G_SOURCE_CONTINUE;
}

static gboolean
cancelled_idle_cb (gpointer data)
{
  return_task (data);
  return G_SOURCE_REMOVE;
}

/* Runs in whichever thread cancels; hands over to the job's context. */
static void
cancelled_cb (GCancellable *cancellable,
              Job          *job)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_priority (idle, G_PRIORITY_HIGH);
  g_source_set_callback (idle, cancelled_idle_cb, job_ref (job), (GDestroyNotify)job_unref);
  g_source_attach (idle, job->context);
}

static void
start_sources (Job *job)
{
  job->flush_source = g_timeout_source_new (FLUSH_INTERVAL_MS);
  g_source_set_callback (job->flush_source, flush_cb, job_ref (job), (GDestroyNotify)job_unref);
  g_source_set_static_name (job->flush_source, "[ic-loader flush]");
  g_source_attach (job->flush_source, job->context);

  job->probe = ic_stall_probe_start_if_asked (job->context);

  if (job->cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (job->cancellable, G_CALLBACK (cancelled_cb),
                                               job_ref (job), (GDestroyNotify)job_unref);
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

static Job *
job_new (IcLoader     *self,
         GTask        *task,
         GFile       **files,
         guint         n_files,
         GCancellable *cancellable)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  g_mutex_init (&job->mutex);
  job->loader = g_object_ref (self);
  job->task = g_object_ref (task);
  job->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->context = g_main_context_ref_thread_default ();
  job->parse = self->parse;
  job->background = self->background;
  job->known_content = collect_content_ids (self->store);
  job->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job->first_pass = self->first_pass;
  job->reports = g_ptr_array_new_with_free_func (g_object_unref);
  job->provisional = g_ptr_array_new_with_free_func (g_object_unref);
  job->finals = g_ptr_array_new_with_free_func (g_object_unref);
  job->withdrawn = g_ptr_array_new_with_free_func (g_free);
  job->later = g_ptr_array_new_with_free_func ((GDestroyNotify)later_free);
  job->failures = g_ptr_array_new_with_free_func (g_object_unref);
  job->copies = g_ptr_array_new_with_free_func ((GDestroyNotify)copy_free);
  job->waiting_copies = g_ptr_array_new_with_free_func ((GDestroyNotify)copy_free);
  job->unfinished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return job;
}

/* GObject ---------------------------------------------------------------- */

static void
ic_loader_dispose (GObject *object)
{
  IcLoader *self = (IcLoader *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ic_loader_parent_class)->dispose (object);
}

static void
ic_loader_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IcLoader *self = IC_LOADER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_BACKGROUND:
      g_value_set_boolean (value, self->background);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_loader_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IcLoader *self = IC_LOADER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_BACKGROUND:
      ic_loader_set_background (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_loader_class_init (IcLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ic_loader_dispose;
  object_class->get_property = ic_loader_get_property;
  object_class->set_property = ic_loader_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IC_TYPE_REPORT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Files finished (read, or failed) and files found, over the loads
   * running now; both restart from 0 when a load starts on an idle loader. */
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IcLoader:background:
   *
   * Whether loads started from now on read at a lower CPU priority, so
   * that a window stays responsive (ic-background.c). Once a load has
   * run in the background, the process's extraction helpers stay there.
   */
  properties[PROP_BACKGROUND] =
    g_param_spec_boolean ("background", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_loader_init (IcLoader *self)
{
  self->parse = ic_parse_report;
  self->first_pass = FIRST_PASS_PAGES;
}

IcLoader *
ic_loader_new (IcReportStore *store)
{
  g_return_val_if_fail (IC_IS_REPORT_STORE (store), NULL);

  return g_object_new (IC_TYPE_LOADER, "store", store, NULL);
}

/**
 * ic_loader_load_async:
 * @files: (array length=n_files): folders and files
 *
 * Loads every report under @files into the store. Files that cannot be
 * read are added to the store's failures with a reason; they do not make
 * the load fail. Only cancellation does.
 */
void
ic_loader_load_async (IcLoader             *self,
                      GFile               **files,
                      guint                 n_files,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (IC_IS_LOADER (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_loader_load_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->n_jobs++ == 0)
    set_progress (self, 0, 0);

  job = job_new (self, task, files, n_files, cancellable);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify)job_unref);
  start_sources (job);
  g_thread_unref (g_thread_new ("ic-loader", coordinate_thread, job));
}

gboolean
ic_loader_load_finish (IcLoader      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (IC_IS_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_sync_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * ic_loader_load_sync:
 *
 * The asynchronous load, run on a private main context until it ends.
 */
gboolean
ic_loader_load_sync (IcLoader      *self,
                     GFile        **files,
                     guint          n_files,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (IC_IS_LOADER (self), FALSE);

  g_main_context_push_thread_default (context);
  ic_loader_load_async (self, files, n_files, cancellable, load_sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return ic_loader_load_finish (self, result, error);
}

gboolean
ic_loader_get_background (IcLoader *self)
{
  g_return_val_if_fail (IC_IS_LOADER (self), FALSE);
  return self->background;
}

void
ic_loader_set_background (IcLoader *self,
                          gboolean  background)
{
  g_return_if_fail (IC_IS_LOADER (self));

  background = !!background;
  if (self->background == background)
    return;
  self->background = background;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND]);
}

void
_ic_loader_set_parse_func (IcLoader    *self,
                           IcParseFunc  parse)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->parse = parse != NULL ? parse : ic_parse_report;
}

void
_ic_loader_set_first_pass (IcLoader *self,
                           guint     n_pages)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->first_pass = n_pages;
}

guint
ic_loader_get_n_done (IcLoader *self)
{
  g_return_val_if_fail (IC_IS_LOADER (self), 0);
  return self->n_done;
}

guint
ic_loader_get_n_total (IcLoader *self)
{
  g_return_val_if_fail (IC_IS_LOADER (self), 0);
  return self->n_total;
}
