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
_ic_window_write_export (GListModel  *all,
                         GListModel  *reports,
                         GListModel  *failures,
                         const char  *filters,
                         const char  *evidence,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *contents = NULL;

  if (g_str_has_suffix (lower, ".pdf"))
    {
      IcPackOptions options = {
        .filters = filters,
        .summary = g_str_has_suffix (lower, "-summary.pdf"),
        .evidence = evidence,
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

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  GError *error = NULL;

  if (_ic_window_write_export (export->all, export->reports, export->failures, export->filters,
                               export->evidence, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The checks that need the window (where the file may go) run here, on
 * the main thread; the writing runs on a worker. */
void
_ic_window_export_async (IcWindow            *self,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
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
