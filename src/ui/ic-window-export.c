/* ic-window-export.c: Export… writes its file on a worker thread
 *
 * A pack of a national archive takes seconds to draw: the window stays
 * responsive meanwhile. The worker is handed snapshots of the filtered
 * reports (ic-report-snapshot.c), never the reports the window shows, so
 * a correction made while it writes cannot change the file half way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-toasts.h"
#include "ic-chart-links.h"
#include "ic-csv.h"
#include "ic-display-text.h"
#include "ic-filter-spec.h"
#include "ic-json-export.h"
#include "ic-matrix-view.h"
#include "ic-pack.h"
#include "ic-report-snapshot.h"
#include "ic-search-view.h"
#include "ic-window-private.h"

typedef struct
{
  GListModel *reports;    /* snapshots */
  GListModel *all;        /* snapshots of every report, for JSON; or NULL */
  GListModel *failures;   /* IcFailure, which never change */
  char       *filters;    /* the filters, in words, for the pack's cover */
  char       *evidence;   /* the pack's Evidence search, or NULL */
  char       *search;     /* the Search view's query, for -search.csv; or NULL */
  char       *path;
  IcProgressFunc step_hook;  /* the window's export_step_hook */
  gpointer       step_hook_data;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->reports);
  g_clear_object (&export->all);
  g_clear_object (&export->failures);
  g_free (export->filters);
  g_free (export->evidence);
  g_free (export->search);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* The format follows the name (see _ic_window_write_export()). */
typedef enum
{
  EXPORT_PACK,
  EXPORT_SEARCH_CSV,
  EXPORT_IMPROVEMENTS_CSV,
  EXPORT_MATRIX_CSV,
  EXPORT_JSON,
} ExportFormat;

static ExportFormat
format_of (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return EXPORT_PACK;
  if (g_str_has_suffix (lower, "-search.csv"))
    return EXPORT_SEARCH_CSV;
  if (g_str_has_suffix (lower, "-improvements.csv"))
    return EXPORT_IMPROVEMENTS_CSV;
  if (g_str_has_suffix (lower, ".csv"))
    return EXPORT_MATRIX_CSV;
  return EXPORT_JSON;
}

static gboolean
write_pack (GListModel        *all,
            GListModel        *reports,
            GListModel        *failures,
            const char        *filters,
            const char        *evidence,
            const char        *path,
            const IcProgress  *progress,
            GError           **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GPtrArray) found = all != NULL ? ic_find_recurrences (all) : NULL;
  /* Counts among every loaded report, as the command line's pack. */
  g_autoptr(GPtrArray) links = found != NULL ? ic_chart_links_of_selection (found, reports) : NULL;
  IcPackOptions options = {
    .recurrences = links,
    .all_reports = all,
    .filters = filters,
    .summary = g_str_has_suffix (lower, "-summary.pdf"),
    .evidence = evidence,
    .cancellable = progress->cancellable,
    .progress = progress->progress,
    .progress_data = progress->progress_data,
  };

  return ic_pack_export_pdf (reports, failures, &options, path, error);
}

static gboolean
write_search_csv (GListModel        *reports,
                  const char        *search,
                  const char        *path,
                  const IcProgress  *progress,
                  GError           **error)
{
  g_autoptr(IcSearchQuery) query = search != NULL ? ic_search_query_new (search) : NULL;
  g_autoptr(GArray) hits = NULL;

  if (query == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Type a search first: a file named …-search.csv has the passages it finds"));
      return FALSE;
    }
  hits = ic_search_run (reports, query);
  if (!ic_progress_go_on (progress, error))
    return FALSE;
  return ic_csv_write_search (hits, query, path, progress, error);
}

/* The format follows the name: -summary.pdf the short pack, .pdf the
 * full pack (with an Evidence section for the search @evidence unless
 * NULL), -search.csv the passages the query @search finds,
 * -improvements.csv the improvement items, .csv the judgement matrix,
 * anything else JSON, written as the command line writes it
 * (recurrences and `changes`, and the pack's, found among @all, every
 * loaded report, or among @reports when @all is NULL). Every format is told step by step
 * to @progress and stopped by its cancellable, leaving an earlier file
 * at @path as it was. Runs on any thread. */
gboolean
_ic_window_write_export (GListModel    *all,
                         GListModel    *reports,
                         GListModel    *failures,
                         const char    *filters,
                         const char    *evidence,
                         const char    *search,
                         const char    *path,
                         GCancellable  *cancellable,
                         IcProgressFunc progress_func,
                         gpointer       progress_data,
                         GError       **error)
{
  IcProgress progress = { cancellable, progress_func, progress_data };

  switch (format_of (path))
    {
    case EXPORT_PACK:
      return write_pack (all, reports, failures, filters, evidence, path, &progress, error);
    case EXPORT_SEARCH_CSV:
      return write_search_csv (reports, search, path, &progress, error);
    case EXPORT_IMPROVEMENTS_CSV:
      return ic_csv_write_improvements (reports, path, &progress, error);
    case EXPORT_MATRIX_CSV:
      return ic_csv_write_matrix (reports, path, &progress, error);
    case EXPORT_JSON:
    default:
      return ic_json_export_write (all != NULL ? all : reports, reports, failures, NULL,
                                   IC_JSON_EXPORT_AS_IS, path, &progress, error);
    }
}

/**
 * _ic_window_export_reports:
 * @path: the file to write, whose name says its format
 *
 * The judgement matrix CSV has the rows the matrix shows: with "Latest
 * Inspections" on, the latest graded report of each authority
 * (ic_report_latest_rows()), in authority order as the command line
 * writes them; the visits after it, a badge in the row, are no rows of
 * it. Every other format has every report the filters keep.
 *
 * Returns: (transfer full): the reports to write
 */
GListModel *
_ic_window_export_reports (IcWindow   *self,
                           const char *path)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListStore *store;

  if (format_of (path) != EXPORT_MATRIX_CSV || !ic_matrix_view_get_latest_only (self->matrix_view))
    return g_object_ref (ic_window_get_reports (self));
  rows = ic_report_latest_rows (ic_window_get_reports (self), NULL);
  store = g_list_store_new (IC_TYPE_REPORT);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

static GListModel *
copy_failures (GListModel *failures)
{
  GListStore *copy = g_list_store_new (IC_TYPE_FAILURE);

  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      g_list_store_append (copy, failure);
    }
  return G_LIST_MODEL (copy);
}

typedef struct
{
  IcWindow     *window;
  ExportFormat  format;
  guint         done;
  guint         total;
} Progress;

static char *
progress_text (ExportFormat format,
               guint        done,
               guint        total)
{
  switch (format)
    {
    case EXPORT_PACK:
      /* Translators: "Writing page 12 of 40" */
      return g_strdup_printf (_("Writing page %u of %u"), done, total);
    case EXPORT_SEARCH_CSV:
      /* Translators: "Writing passage 120 of 400" */
      return g_strdup_printf (_("Writing passage %u of %u"), done, total);
    case EXPORT_IMPROVEMENTS_CSV:
    case EXPORT_MATRIX_CSV:
    case EXPORT_JSON:
    default:
      /* Translators: "Writing report 120 of 905" */
      return g_strdup_printf (_("Writing report %u of %u"), done, total);
    }
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  IcWindow *self = progress->window;
  g_autofree char *text = NULL;

  /* The window closed, or this export is no longer the one shown. */
  if (self->export_progress == NULL || self->export_cancellable == NULL)
    return G_SOURCE_REMOVE;
  text = progress_text (progress->format, progress->done, progress->total);
  gtk_progress_bar_set_text (self->export_progress, text);
  gtk_progress_bar_set_fraction (self->export_progress, (double) progress->done / progress->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress);
}

/* What the worker last showed: a CSV of a national archive has
 * thousands of steps, and the bar is told only when its percentage
 * moves, so the main loop gets at most a hundred updates. */
typedef struct
{
  IcWindow     *window;
  ExportFormat  format;
  guint         shown_percent;
  gboolean      shown;
  Export       *export;
} Follow;

/* On the worker: the bar is updated on the main thread. */
static void
step_written_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Follow *follow = user_data;
  guint percent = total > 0 ? (guint) ((guint64) done * 100 / total) : 100;
  Progress *progress;

  if (follow->export->step_hook != NULL)
    follow->export->step_hook (done, total, follow->export->step_hook_data);
  if (follow->shown && percent == follow->shown_percent && done != total)
    return;
  follow->shown = TRUE;
  follow->shown_percent = percent;
  progress = g_new0 (Progress, 1);
  progress->window = g_object_ref (follow->window);
  progress->format = follow->format;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress,
                              (GDestroyNotify) progress_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  Follow follow = { source_object, format_of (export->path), 0, FALSE, export };
  GError *error = NULL;

  if (_ic_window_write_export (export->all, export->reports, export->failures, export->filters,
                               export->evidence, export->search, export->path, cancellable,
                               step_written_cb, &follow, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_export_bar (IcWindow *self,
                 gboolean  shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->export_revealer), shown);
  gtk_revealer_set_reveal_child (self->export_revealer, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", shown);
}

/* Cancel was chosen and heard, so the file was not written: said in
 * words, since a bar that just goes could also mean it was. A Cancel
 * that came after the file was whole is not heard: the file is there. */
static void
toast_if_cancelled (IcWindow *self,
                    GTask    *task)
{
  Export *export = g_task_get_task_data (task);
  g_autofree char *name = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (!g_task_had_error (task) || !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  name = g_filename_display_basename (export->path);
  clean = ic_display_text (name);
  /* Translators: %s is a file name, "inspection-summary.pdf" */
  text = g_strdup_printf (_("Export cancelled: %s was not written"), clean);
  /* A toast's title is markup in libadwaita 1.2. */
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  /* The answer to the click just made: shown at once, not queued behind
   * a toast already up (the reading failures' one stays until closed). */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  ic_toasts_add (self->toast_overlay, toast);
  _ic_window_announce (self, text);
}

/* After the caller's callback: the bar goes, unless a later export
 * (which has its own cancellable) still runs. */
static void
export_completed_cb (GTask      *task,
                     GParamSpec *pspec,
                     IcWindow   *self)
{
  if (self->export_revealer == NULL || self->export_cancellable != g_task_get_cancellable (task))
    return;
  g_clear_object (&self->export_cancellable);
  show_export_bar (self, FALSE);
  toast_if_cancelled (self, task);
}

static void
start_progress (IcWindow *self,
                GTask    *task)
{
  g_set_object (&self->export_cancellable, g_task_get_cancellable (task));
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_progress_bar_set_text (self->export_progress, _("Exporting…"));
  show_export_bar (self, TRUE);
  g_signal_connect_object (task, "notify::completed", G_CALLBACK (export_completed_cb), self, 0);
}

/* Cancel: the file is not written, an earlier file of its name stays. */
void
_ic_window_cancel_export (IcWindow *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* The checks that need the window (where the file may go) run here, on
 * the main thread; the writing runs on a worker, with a progress bar and
 * Cancel in the window while it does. */
void
_ic_window_export_async (IcWindow            *self,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(Export) export = g_new0 (Export, 1);
  g_autoptr(GListModel) reports = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, _ic_window_export_async);
  export->path = g_file_get_path (file);
  if (export->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only a file on this computer can be exported to"));
      return;
    }
  if (!_ic_window_check_output (self, export->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  reports = _ic_window_export_reports (self, export->path);
  export->reports = ic_report_snapshot_model (reports);
  if (format_of (export->path) == EXPORT_JSON || format_of (export->path) == EXPORT_PACK)
    export->all = ic_report_snapshot_model (G_LIST_MODEL (self->store));
  export->failures = copy_failures (ic_report_store_get_failures (self->store));
  export->filters = ic_filter_spec_describe (ic_report_filter_get_spec (self->filter));
  export->evidence = g_strdup (self->pack_evidence);
  export->search = g_strdup (ic_search_view_get_query (self->search_view));
  export->step_hook = self->export_step_hook;
  export->step_hook_data = self->export_step_hook_data;
  g_task_set_task_data (task, g_steal_pointer (&export), (GDestroyNotify) export_free);
  /* Cancel is answered by the writer, which removes its temporary file,
   * not by GTask returning early. */
  g_task_set_check_cancellable (task, FALSE);
  start_progress (self, task);
  g_task_run_in_thread (task, export_thread);
}

gboolean
_ic_window_export_finish (IcWindow      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
