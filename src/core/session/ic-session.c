/* ic-session.c: roots, loading, filter and analysis of one session
 *
 * Every way in (a window's Open Folder, Add Files, drop, command line,
 * Open With, recent folders, a folder changing on disk, and the headless
 * command line) ends in ic_session_open(), ic_session_open_sync() or
 * _ic_session_start_load(), so they all read files the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-session"

#include "config.h"

#include "ic-recurrence.h"
#include "ic-session-private.h"

G_DEFINE_FINAL_TYPE (IcSession, ic_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CORRECTIONS,
  PROP_FILTER,
  PROP_LOADING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_BACKGROUND,
  PROP_WATCH_FOLDERS,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  SIGNAL_LOAD_FAILED,
  SIGNAL_FAILURES_ADDED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_loading (IcSession *self,
             gboolean   loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Failures are announced once per load, all together, so that a
 * presenter can say "N files could not be read" once. */
static void
announce_new_failures (IcSession *self)
{
  guint n = g_list_model_get_n_items (ic_report_store_get_failures (self->store));
  guint n_new = n > self->n_failures_seen ? n - self->n_failures_seen : 0;

  self->n_failures_seen = n;
  if (n_new > 0)
    g_signal_emit (self, signals[SIGNAL_FAILURES_ADDED], 0, n_new);
}

static void
load_next_queued (IcSession *self)
{
  g_autoptr(GPtrArray) next = NULL;

  if (self->queue->len == 0)
    return;
  next = g_ptr_array_steal_index (self->queue, 0);
  _ic_session_start_load (self, next);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcSession) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  ic_loader_load_finish (IC_LOADER (object), result, &error);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (error != NULL && !cancelled)
    g_signal_emit (self, signals[SIGNAL_LOAD_FAILED], 0, error->message);

  /* Disposed while reading: nothing is left to update. */
  if (self->store == NULL)
    return;

  set_loading (self, FALSE);
  announce_new_failures (self);
  if (cancelled)
    g_ptr_array_set_size (self->queue, 0);
  load_next_queued (self);
}

/* @files: (element-type GFile); waits in the queue while a load runs. */
void
_ic_session_start_load (IcSession *self,
                        GPtrArray *files)
{
  g_assert (IC_IS_SESSION (self));

  if (self->loading)
    {
      g_ptr_array_add (self->queue, g_ptr_array_ref (files));
      return;
    }

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    g_set_object (&self->cancellable, g_cancellable_new ());

  set_loading (self, TRUE);
  ic_loader_load_async (self->loader, (GFile **) files->pdata, files->len,
                        self->cancellable, load_cb, g_object_ref (self));
}

void
_ic_session_notify_can_undo (IcSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
loader_progress_cb (IcSession  *self,
                    GParamSpec *pspec,
                    IcLoader   *loader)
{
  if (g_str_equal (pspec->name, "n-done"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static void
ic_session_dispose (GObject *object)
{
  IcSession *self = (IcSession *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  _ic_session_watch_dispose (self);
  _ic_session_corrections_dispose (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loader);
  g_clear_object (&self->filter);
  g_clear_object (&self->corrections);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ic_session_parent_class)->dispose (object);
}

static void
ic_session_finalize (GObject *object)
{
  IcSession *self = (IcSession *)object;

  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_session_parent_class)->finalize (object);
}

static void
ic_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IcSession *self = IC_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, ic_session_get_store (self));
      break;
    case PROP_CORRECTIONS:
      g_value_set_object (value, ic_session_get_corrections (self));
      break;
    case PROP_FILTER:
      g_value_set_object (value, ic_session_get_filter (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, ic_session_get_loading (self));
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, ic_session_get_n_done (self));
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, ic_session_get_n_total (self));
      break;
    case PROP_BACKGROUND:
      g_value_set_boolean (value, ic_session_get_background (self));
      break;
    case PROP_WATCH_FOLDERS:
      g_value_set_boolean (value, ic_session_get_watch_folders (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ic_session_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IcSession *self = IC_SESSION (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      ic_session_set_filter (self, g_value_get_object (value));
      break;
    case PROP_BACKGROUND:
      ic_session_set_background (self, g_value_get_boolean (value));
      break;
    case PROP_WATCH_FOLDERS:
      ic_session_set_watch_folders (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, IC_TYPE_REPORT_STORE, ro);
  properties[PROP_CORRECTIONS] = g_param_spec_object ("corrections", NULL, NULL,
                                                      IC_TYPE_CORRECTIONS, ro);
  /* The filter views and exports apply: the window's filter bar edits
   * it, the command line's filter options fill it. */
  properties[PROP_FILTER] = g_param_spec_object ("filter", NULL, NULL, IC_TYPE_FILTER_SPEC, rw);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_BACKGROUND] = g_param_spec_boolean ("background", NULL, NULL, FALSE, rw);
  properties[PROP_WATCH_FOLDERS] = g_param_spec_boolean ("watch-folders", NULL, NULL, FALSE, rw);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_session_class_init (IcSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ic_session_dispose;
  object_class->finalize = ic_session_finalize;
  object_class->get_property = ic_session_get_property;
  object_class->set_property = ic_session_set_property;
  install_properties (object_class);

  /**
   * IcSession::load-failed:
   * @message: why the load stopped (never cancellation)
   */
  signals[SIGNAL_LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * IcSession::failures-added:
   * @n_new: files that could not be read in the load that just ended
   */
  signals[SIGNAL_FAILURES_ADDED] =
    g_signal_new ("failures-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
ic_session_init (IcSession *self)
{
  self->store = ic_report_store_new ();
  self->corrections = ic_corrections_new (NULL);
  /* Reports get their corrections as they arrive in the store, and again
   * whenever one changes. */
  ic_report_store_set_corrections (self->store, self->corrections);
  self->loader = ic_loader_new (self->store);
  self->filter = ic_filter_spec_new ();
  self->cancellable = g_cancellable_new ();
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->loader, "notify::n-done", G_CALLBACK (loader_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify::n-total", G_CALLBACK (loader_progress_cb), self,
                           G_CONNECT_SWAPPED);
  _ic_session_watch_init (self);
}

IcSession *
ic_session_new (void)
{
  return g_object_new (IC_TYPE_SESSION, NULL);
}

/**
 * ic_session_get_store:
 *
 * Returns: (transfer none): every report read, unfiltered
 */
IcReportStore *
ic_session_get_store (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);
  return self->store;
}

/**
 * ic_session_get_corrections:
 *
 * Returns: (transfer none): the user's corrections, applied by the store
 */
IcCorrections *
ic_session_get_corrections (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);
  return self->corrections;
}

static GPtrArray *
add_roots (IcSession  *self,
           GFile     **files,
           guint       n_files)
{
  GPtrArray *to_load = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    {
      g_ptr_array_add (self->roots, g_object_ref (files[i]));
      g_ptr_array_add (to_load, g_object_ref (files[i]));
    }
  return to_load;
}

/**
 * ic_session_open:
 * @files: (array length=n_files): folders and files to read
 *
 * Adds @files to the roots and reads them on the thread-default main
 * context; with #IcSession:watch-folders, folders are read again when
 * reports in them change on disk.
 */
void
ic_session_open (IcSession  *self,
                 GFile     **files,
                 guint       n_files)
{
  g_autoptr(GPtrArray) to_load = NULL;

  g_return_if_fail (IC_IS_SESSION (self));
  g_return_if_fail (files != NULL || n_files == 0);

  to_load = add_roots (self, files, n_files);
  if (self->watch_folders)
    for (guint i = 0; i < n_files; i++)
      _ic_session_watch_folder (self, files[i]);
  if (to_load->len > 0)
    _ic_session_start_load (self, to_load);
}

/**
 * ic_session_open_sync:
 * @files: (array length=n_files): folders and files to read
 *
 * The same reading as ic_session_open(), to completion, for the headless
 * command line. Files that cannot be read are the store's failures; only
 * cancellation makes this fail.
 */
gboolean
ic_session_open_sync (IcSession     *self,
                      GFile        **files,
                      guint          n_files,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) to_load = NULL;
  gboolean ok;

  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (!self->loading, FALSE);

  to_load = add_roots (self, files, n_files);
  set_loading (self, TRUE);
  /* Nothing shows rows while a synchronous open runs: one pass each. */
  ic_loader_set_progressive (self->loader, FALSE);
  ok = ic_loader_load_sync (self->loader, (GFile **) to_load->pdata, to_load->len,
                            cancellable, error);
  ic_loader_set_progressive (self->loader, TRUE);
  set_loading (self, FALSE);
  announce_new_failures (self);
  return ok;
}

/**
 * ic_session_retry_extractor_failures:
 *
 * The next load reads again the PDFs the text extractor failed on (a
 * crash or a time-out) rather than taking that failure from the cache:
 * a Reload, or the command line's --reload.
 */
void
ic_session_retry_extractor_failures (IcSession *self)
{
  g_return_if_fail (IC_IS_SESSION (self));
  ic_loader_retry_extractor_failures (self->loader);
}

/**
 * ic_session_set_index_text:
 * @index_text: whether the reports read from now on get a search index
 *   (the default)
 *
 * The command line turns it off when it does not search.
 */
void
ic_session_set_index_text (IcSession *self,
                           gboolean   index_text)
{
  g_return_if_fail (IC_IS_SESSION (self));
  ic_loader_set_index_text (self->loader, index_text);
}

/**
 * ic_session_set_keep_pages:
 * @keep_pages: whether the reports read from now on keep the text of
 *   their pages (the default)
 *
 * The command line, which shows no report page, turns it off.
 */
void
ic_session_set_keep_pages (IcSession *self,
                           gboolean   keep_pages)
{
  g_return_if_fail (IC_IS_SESSION (self));
  ic_loader_set_keep_pages (self->loader, keep_pages);
}

/**
 * ic_session_reload:
 *
 * Reads every folder and file opened so far again, from scratch: PDFs
 * the text extractor failed on are tried again too.
 */
void
ic_session_reload (IcSession *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (IC_IS_SESSION (self));

  for (guint i = 0; i < self->roots->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (self->roots, i)));
  ic_report_store_clear (self->store);
  self->n_failures_seen = 0;
  if (files->len == 0)
    return;
  ic_session_retry_extractor_failures (self);
  _ic_session_start_load (self, files);
}

/**
 * ic_session_cancel:
 *
 * Stops the load in progress and drops the loads waiting for it; what
 * was read so far stays.
 */
void
ic_session_cancel (IcSession *self)
{
  g_return_if_fail (IC_IS_SESSION (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

guint
ic_session_get_n_roots (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), 0);
  return self->roots->len;
}

/**
 * ic_session_get_root:
 *
 * Returns: (transfer none): the @index'th folder or file opened
 */
GFile *
ic_session_get_root (IcSession *self,
                     guint      index)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->roots->len, NULL);
  return g_ptr_array_index (self->roots, index);
}

gboolean
ic_session_get_loading (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  return self->loading;
}

guint
ic_session_get_n_done (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), 0);
  return ic_loader_get_n_done (self->loader);
}

guint
ic_session_get_n_total (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), 0);
  return ic_loader_get_n_total (self->loader);
}

gboolean
ic_session_get_background (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  return ic_loader_get_background (self->loader);
}

/* A window reads in the background so that reading does not take the
 * cores it needs to draw; the command line reads at full speed. */
void
ic_session_set_background (IcSession *self,
                           gboolean   background)
{
  g_return_if_fail (IC_IS_SESSION (self));

  if (ic_loader_get_background (self->loader) == !!background)
    return;
  ic_loader_set_background (self->loader, background);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND]);
}

gboolean
ic_session_get_watch_folders (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  return self->watch_folders;
}

/* Watching starts with the folders opened after it is turned on; turning
 * it off stops watching every folder. */
void
ic_session_set_watch_folders (IcSession *self,
                              gboolean   watch_folders)
{
  g_return_if_fail (IC_IS_SESSION (self));

  if (self->watch_folders == !!watch_folders)
    return;
  self->watch_folders = !!watch_folders;
  if (!self->watch_folders)
    _ic_session_unwatch_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH_FOLDERS]);
}

/**
 * ic_session_find_source:
 *
 * Returns: (transfer none) (nullable): the report read from @source
 */
IcReport *
ic_session_find_source (IcSession  *self,
                        const char *source)
{
  guint n;

  g_return_val_if_fail (IC_IS_SESSION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      IcReport *report = ic_report_store_get_report (self->store, i);

      if (g_strcmp0 (ic_report_get_source (report), source) == 0)
        return report;
    }
  return NULL;
}

/**
 * ic_session_get_filter:
 *
 * Returns: (transfer none): the filter views and exports apply; an empty
 *   one keeps every report
 */
IcFilterSpec *
ic_session_get_filter (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);
  return self->filter;
}

/**
 * ic_session_set_filter:
 * @filter: (nullable): the filter to share; NULL for a new empty one
 *
 * The session keeps @filter itself, not a copy, so whoever edits it (a
 * filter bar) and whoever applies it (views, exports) see one filter.
 */
void
ic_session_set_filter (IcSession    *self,
                       IcFilterSpec *filter)
{
  g_autoptr(IcFilterSpec) empty = NULL;

  g_return_if_fail (IC_IS_SESSION (self));
  g_return_if_fail (filter == NULL || IC_IS_FILTER_SPEC (filter));

  if (filter == NULL)
    filter = empty = ic_filter_spec_new ();
  if (g_set_object (&self->filter, filter))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * ic_session_find_recurrences:
 * @reports: (nullable): the reports to look in; NULL for all of them
 *
 * Returns: (transfer full) (element-type IcRecurrence): improvement areas
 *   that come back in an authority's later reports
 */
GPtrArray *
ic_session_find_recurrences (IcSession  *self,
                             GListModel *reports)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);

  return ic_find_recurrences (reports != NULL ? reports : G_LIST_MODEL (self->store));
}

/**
 * ic_session_count_themes:
 * @reports: (nullable): the reports to count; NULL for all of them
 *
 * Returns: (transfer full): how many reports of each authority raise
 *   each theme between @from and @to
 */
IcThemeCounts *
ic_session_count_themes (IcSession   *self,
                         GListModel  *reports,
                         const GDate *from,
                         const GDate *to,
                         gboolean     main_only)
{
  g_return_val_if_fail (IC_IS_SESSION (self), NULL);

  return ic_theme_counts_new (reports != NULL ? reports : G_LIST_MODEL (self->store),
                              from, to, main_only);
}
