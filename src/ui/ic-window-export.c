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
#include <string.h>

#include "ic-atomic-file.h"
#include "ic-changes.h"
#include "ic-csv.h"
#include "ic-json.h"
#include "ic-pack.h"
#include "ic-report-snapshot.h"
#include "ic-window-private.h"

typedef struct
{
  GListModel *reports;    /* snapshots */
  GListModel *all;        /* snapshots of every report, for JSON; or NULL */
  GListModel *failures;   /* IcFailure, which never change */
  char       *filters;    /* the filters, in words, for the pack's cover */
  char       *evidence;   /* the pack's Evidence search, or NULL */
  char       *path;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->reports);
  g_clear_object (&export->all);
  g_clear_object (&export->failures);
  g_free (export->filters);
  g_free (export->evidence);
  g_free (export->path);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* JSON: anything not a pack or a CSV. */
static gboolean
is_json_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return !g_str_has_suffix (lower, ".pdf") && !g_str_has_suffix (lower, ".csv");
}

/* The format follows the name: -summary.pdf the short pack, .pdf the
 * full pack (with an Evidence section for the search @evidence unless
 * NULL), -improvements.csv the improvement items, .csv the judgement
 * matrix, anything else JSON, written as the command line writes it
 * (recurrences and `changes` found among @all, every loaded report, or
 * among @reports when @all is NULL). Runs on any thread. */
gboolean
_ic_window_write_export (GListModel    *all,
                         GListModel    *reports,
                         GListModel    *failures,
                         const char    *filters,
                         const char    *evidence,
                         const char    *path,
                         GCancellable  *cancellable,
                         void         (*progress) (guint    n_written,
                                                   guint    n_pages,
                                                   gpointer user_data),
                         gpointer       progress_data,
                         GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *contents = NULL;

  if (g_str_has_suffix (lower, ".pdf"))
    {
      IcPackOptions options = {
        .filters = filters,
        .summary = g_str_has_suffix (lower, "-summary.pdf"),
        .evidence = evidence,
        .cancellable = cancellable,
        .progress = progress,
        .progress_data = progress_data,
      };

      return ic_pack_export_pdf (reports, failures, &options, path, error);
    }
  if (g_str_has_suffix (lower, "-improvements.csv"))
    contents = ic_csv_improvements (reports);
  else if (g_str_has_suffix (lower, ".csv"))
    contents = ic_csv_matrix (reports);
  else
    {
      g_autoptr(JsonNode) node = ic_changes_export_document (all != NULL ? all : reports, reports, failures);

      contents = ic_json_to_string (node);
    }
  /* The CSVs and the JSON take a moment: Cancel is heard before writing. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return ic_atomic_file_set_contents (path, contents, strlen (contents), error);
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
  IcWindow *window;
  guint     n_written;
  guint     n_pages;
} Progress;

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  IcWindow *self = progress->window;
  g_autofree char *text = NULL;

  /* The window closed, or this export is no longer the one shown. */
  if (self->export_progress == NULL || self->export_cancellable == NULL)
    return G_SOURCE_REMOVE;
  /* Translators: "Writing page 12 of 40" */
  text = g_strdup_printf (_("Writing page %u of %u"), progress->n_written, progress->n_pages);
  gtk_progress_bar_set_text (self->export_progress, text);
  gtk_progress_bar_set_fraction (self->export_progress, (double) progress->n_written / progress->n_pages);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->window);
  g_free (progress);
}

/* On the worker: the bar is updated on the main thread. */
static void
page_written_cb (guint    n_written,
                 guint    n_pages,
                 gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->window = g_object_ref (user_data);
  progress->n_written = n_written;
  progress->n_pages = n_pages;
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
  GError *error = NULL;

  if (_ic_window_write_export (export->all, export->reports, export->failures, export->filters,
                               export->evidence, export->path, cancellable, page_written_cb,
                               source_object, &error))
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
  export->reports = ic_report_snapshot_model (ic_window_get_reports (self));
  if (is_json_path (export->path))
    export->all = ic_report_snapshot_model (G_LIST_MODEL (self->store));
  export->failures = copy_failures (ic_report_store_get_failures (self->store));
  export->filters = ic_filter_spec_describe (ic_report_filter_get_spec (self->filter));
  export->evidence = g_strdup (self->pack_evidence);
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
