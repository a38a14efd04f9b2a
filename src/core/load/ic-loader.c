/* ic-loader.c
 *
 * IcLoader starts loads and reports their progress. A load is a job
 * (ic-load-job.h) in three parts:
 *
 *   ic-load-pipeline.c  a coordinator thread scans the paths and runs each
 *                       file through read, hash, cache, extract, parse on
 *                       a crew of workers (ic-work-crew.c);
 *   ic-load-batcher.c   a timer on the caller's main context moves what
 *                       the workers produced into the store in batches;
 *   ic-loader.c         the task: started here, returned once every file
 *                       is done or as soon as the load is cancelled.
 *
 * With IC_DEBUG_STALLS=1 a stall probe (ic-stall-probe.c) times the
 * main loop during a load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include "ic-load-job.h"
#include "ic-parser.h"

/* Often enough for the list to grow smoothly, seldom enough that the
 * sorted insertions and items-changed handlers stay cheap. */
#define FLUSH_INTERVAL_MS 75

/* Judgements are on pages 1–2 and the areas for improvement within the
 * first six pages of ILACS, focused-visit and JTAI reports. */
#define FIRST_PASS_PAGES 6

/* A PDF of at most this many pages is read whole in its first pass: its
 * remaining pages cost less than opening it a second time (MuPDF parses
 * the file and loads its fonts again), parsing its first pages for a
 * report that is thrown away, and replacing that report in every list.
 * Longer reports (inspections of 20 to 60 pages) are listed from their
 * first pages. */
#define WHOLE_UP_TO_PAGES 15

struct _IcLoader
{
  GObject             parent_instance;
  IcReportStore      *store;
  guint               n_done;
  guint               n_total;
  guint               n_jobs;
  IcParseFunc         parse;
  guint               first_pass;
  guint               whole_up_to;    /* PDFs this short: one pass */
  gboolean            background;
  gboolean            progressive;    /* long PDFs: first pages, then the rest */
  gboolean            index_text;     /* a search index of every report's text */
  gboolean            keep_pages;     /* reports keep their pages' text */
  gboolean            retry_failures; /* for the next load only */
  IcLoaderReportFunc  report_func;
  gpointer            report_data;
  GDestroyNotify      report_destroy;
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


static void
stop_sources (IcLoadJob *job)
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

/* Moves what the workers produced into the store, and adds it to the
 * progress of the loads running now. */
static void
flush (IcLoadJob *job,
       gboolean   last)
{
  IcLoader *self = job->loader;
  IcLoadProgress batch = ic_load_batcher_flush (job, last);

  set_progress (self, self->n_done + batch.n_done, self->n_total + batch.n_found);
}

static void return_task (IcLoadJob *job);

static gboolean
finish_idle_cb (gpointer data)
{
  return_task (data);
  return G_SOURCE_REMOVE;
}

static void
attach_finish (IcLoadJob *job)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_priority (idle, G_PRIORITY_DEFAULT);
  g_source_set_callback (idle, finish_idle_cb, ic_load_job_ref (job), (GDestroyNotify)ic_load_job_unref);
  g_source_set_static_name (idle, "[ic-loader finish]");
  g_source_attach (idle, job->context);
}

static gpointer
coordinate_thread (gpointer data)
{
  IcLoadJob *job = data;

  ic_load_pipeline_run (job);
  attach_finish (job);
  ic_load_job_unref (job);
  return NULL;
}


static void
return_task (IcLoadJob *job)
{
  if (job->returned)
    return;
  job->returned = TRUE;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      stop_sources (job);
      ic_load_batcher_withdraw_unfinished (job);
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
  IcLoadJob *job = data;

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
              IcLoadJob    *job)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_priority (idle, G_PRIORITY_HIGH);
  g_source_set_callback (idle, cancelled_idle_cb, ic_load_job_ref (job), (GDestroyNotify)ic_load_job_unref);
  g_source_attach (idle, job->context);
}

static void
start_sources (IcLoadJob *job)
{
  job->flush_source = g_timeout_source_new (FLUSH_INTERVAL_MS);
  g_source_set_callback (job->flush_source, flush_cb, ic_load_job_ref (job), (GDestroyNotify)ic_load_job_unref);
  g_source_set_static_name (job->flush_source, "[ic-loader flush]");
  g_source_attach (job->flush_source, job->context);

  job->probe = ic_stall_probe_start_if_asked (job->context);

  if (job->cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (job->cancellable, G_CALLBACK (cancelled_cb),
                                               ic_load_job_ref (job), (GDestroyNotify)ic_load_job_unref);
}

/* GObject ---------------------------------------------------------------- */

static void
ic_loader_dispose (GObject *object)
{
  IcLoader *self = (IcLoader *)object;

  g_clear_object (&self->store);
  ic_loader_set_report_func (self, NULL, NULL, NULL);

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
  self->whole_up_to = WHOLE_UP_TO_PAGES;
  self->progressive = TRUE;
  self->index_text = TRUE;
  self->keep_pages = TRUE;
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
  IcLoadJob *job;

  g_return_if_fail (IC_IS_LOADER (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ic_loader_load_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->n_jobs++ == 0)
    set_progress (self, 0, 0);

  job = ic_load_job_new (self, self->store, task, files, n_files, cancellable);
  job->parse = self->parse;
  /* Read in one pass when nobody watches rows appear: a second pass
   * opens the PDF again and parses a report that is then thrown away. */
  job->first_pass = self->progressive ? self->first_pass : 0;
  job->whole_up_to = self->whole_up_to;
  job->retry_failures = self->retry_failures;
  self->retry_failures = FALSE;
  job->index_text = self->index_text;
  job->keep_pages = self->keep_pages;
  job->background = self->background;
  job->report_func = self->report_func;
  job->report_data = self->report_data;
  g_task_set_task_data (task, ic_load_job_ref (job), (GDestroyNotify)ic_load_job_unref);
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
  self->whole_up_to = n_pages;
}

void
_ic_loader_set_whole_up_to (IcLoader *self,
                            guint     n_pages)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->whole_up_to = n_pages;
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


/**
 * ic_loader_set_report_func:
 * @func: (nullable): called with every report a load reads, on a
 *   worker thread, before the report is published to the store;
 *   @provisional is TRUE for a report from a PDF's first pages, which a
 *   report of the whole text replaces later
 * @user_data: passed to @func from several threads at once
 * @destroy: (nullable): frees @user_data when it is replaced
 *
 * The pipeline's last stage, for work that belongs with reading (a
 * search index built while loading). Loads already running keep the
 * function they started with, so replace it only while none runs.
 */
void
ic_loader_set_report_func (IcLoader           *self,
                           IcLoaderReportFunc  func,
                           gpointer            user_data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (IC_IS_LOADER (self));
  g_return_if_fail (self->n_jobs == 0 || func == NULL);

  if (self->report_destroy != NULL)
    self->report_destroy (self->report_data);
  self->report_func = func;
  self->report_data = user_data;
  self->report_destroy = destroy;
}

/**
 * ic_loader_retry_extractor_failures:
 *
 * The next load reads again the PDFs whose cached failure is the text
 * extractor's own (a crash or a time-out), as Reload does, instead of
 * taking the failure from the cache.
 */
void
ic_loader_retry_extractor_failures (IcLoader *self)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->retry_failures = TRUE;
}

/**
 * ic_loader_set_progressive:
 * @progressive: whether long PDFs are listed from their first pages
 *   before they are read in full (the default), or read in one pass
 *
 * For loads started from now on. A window lists rows as they come; the
 * command line waits for the whole load, and a second pass would only
 * open each long PDF twice.
 */
void
ic_loader_set_progressive (IcLoader *self,
                           gboolean  progressive)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->progressive = !!progressive;
}

gboolean
ic_loader_get_progressive (IcLoader *self)
{
  g_return_val_if_fail (IC_IS_LOADER (self), TRUE);
  return self->progressive;
}

/**
 * ic_loader_set_index_text:
 * @index_text: whether every report read gets its search index (the
 *   default), from the cache or built from its pages
 *
 * For loads started from now on. The window searches at any moment; a
 * command line that does not search would spend a tenth of its time
 * indexing text nobody asks about.
 */
void
ic_loader_set_index_text (IcLoader *self,
                          gboolean  index_text)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->index_text = !!index_text;
}

/**
 * ic_loader_set_keep_pages:
 * @keep_pages: whether every report read keeps the text of its pages
 *   (the default; ic_report_get_pages())
 *
 * For loads started from now on. Only the window's report page reads a
 * report's pages once it is parsed and indexed: the command line drops
 * them, which is as much memory as all the reports' text (the search
 * index keeps its own normalised copy of it).
 */
void
ic_loader_set_keep_pages (IcLoader *self,
                          gboolean  keep_pages)
{
  g_return_if_fail (IC_IS_LOADER (self));
  self->keep_pages = !!keep_pages;
}
