/* ic-load-job.h: one load, shared by the parts of the loader
 *
 * A load is a job: the pipeline (ic-load-pipeline.c) fills its pending
 * lists from worker threads, the batcher (ic-load-batcher.c) empties
 * them into the store on the main context, and IcLoader (ic-loader.c)
 * starts it and returns its task. Internal to the loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-cache.h"
#include "ic-load-profile.h"
#include "ic-loader-private.h"
#include "ic-scanner.h"
#include "ic-stall-probe.h"

G_BEGIN_DECLS

/* A file with the same bytes as another one, listed on its report. */
typedef struct
{
  char *path;
  char *content_id;
} IcLoadCopy;

/* A PDF whose first pages were read; the rest wait for the second pass. */
typedef struct
{
  const IcScanEntry *entry;  /* the coordinator's, alive for both passes */
  char              *content_id;
  char             **pages;
} IcLoadLater;

typedef struct
{
  IcLoader      *loader;
  IcReportStore *store;
  GTask         *task;
  GPtrArray     *files;          /* GFile */
  GCancellable  *cancellable;
  GMainContext  *context;
  IcParseFunc    parse;
  IcLoaderReportFunc report_func; /* called on workers; see ic_loader_set_report_func() */
  gpointer       report_data;
  guint          first_pass;     /* pages in the first pass; 0: one pass */
  guint          whole_up_to;    /* PDFs this short are read whole at once */
  gboolean       background;     /* workers and helpers at a lower priority */
  gboolean       retry_failures; /* the extractor's cached failures are ignored */
  gboolean       index_text;     /* each report gets its search index */
  gboolean       keep_pages;     /* each report keeps its pages' text */
  IcCache       *cache;          /* opened and closed by the coordinator */
  GHashTable    *known_content;  /* ids already in the store; read-only */
  GSource       *flush_source;
  IcStallProbe  *probe;          /* with IC_DEBUG_STALLS=1 only */
  IcLoadProfile *profile;        /* with IC_DEBUG_STAGES=1 only; the coordinator's */
  gulong         cancelled_id;
  gboolean       returned;
  GPtrArray     *waiting_copies; /* IcLoadCopy whose original is still being read */
  GHashTable    *unfinished;     /* sources of provisional reports in the store */
  guint          n_total_seen;

  GMutex         mutex;          /* guards what follows */
  GHashTable    *claimed;        /* content id -> NULL, or the reason it failed */
  GPtrArray     *reports;
  GPtrArray     *provisional;    /* reports from the first pages */
  GPtrArray     *finals;         /* reports that replace provisional ones */
  GPtrArray     *withdrawn;      /* paths whose provisional report must go */
  GPtrArray     *failures;
  GPtrArray     *copies;         /* IcLoadCopy */
  GPtrArray     *later;          /* IcLoadLater */
  guint          n_total;
  gboolean       finished;       /* every worker is done */
} IcLoadJob;

/* ic-load-job.c */
IcLoadJob *ic_load_job_new    (IcLoader      *loader,
                               IcReportStore *store,
                               GTask         *task,
                               GFile        **files,
                               guint          n_files,
                               GCancellable  *cancellable);
IcLoadJob *ic_load_job_ref    (IcLoadJob     *job);
void       ic_load_job_unref  (IcLoadJob     *job);
void       ic_load_copy_free  (IcLoadCopy    *copy);
void       ic_load_later_free (IcLoadLater   *later);

/* ic-load-pipeline.c: on the coordinator thread, until every file is
 * done (or the load is cancelled). */
void       ic_load_pipeline_run (IcLoadJob   *job);

/* ic-load-batcher.c: on the job's main context. */
typedef struct
{
  guint n_done;   /* files finished (read, or failed) */
  guint n_found;  /* files the scan found */
} IcLoadProgress;

IcLoadProgress ic_load_batcher_flush           (IcLoadJob *job,
                                                gboolean   last);
void       ic_load_batcher_withdraw_unfinished (IcLoadJob *job);


G_END_DECLS
