/* ic-session-watch.c: reading a folder again when its reports change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-session"

#include "config.h"

#include "ic-session-private.h"

/* Saving a folder of downloads fires many events; wait for quiet. */
#define RELOAD_DELAY_MS 1500

static gboolean
is_report_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".txt");
}

static void
remove_folder_reports (IcSession  *self,
                       const char *folder)
{
  g_autofree char *prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      IcReport *report = ic_report_store_get_report (self->store, i);

      if (g_str_has_prefix (ic_report_get_source (report), prefix))
        g_ptr_array_add (sources, g_strdup (ic_report_get_source (report)));
    }
  for (guint i = 0; i < sources->len; i++)
    ic_report_store_remove_source (self->store, g_ptr_array_index (sources, i));
}

static gboolean
reload_pending_cb (gpointer data)
{
  IcSession *self = data;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  const char *path;

  self->reload_source = 0;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    {
      remove_folder_reports (self, path);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  g_hash_table_remove_all (self->pending);
  if (files->len > 0)
    _ic_session_start_load (self, files);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (IcSession         *self,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other ? g_file_get_basename (other) : NULL;
  const char *folder = g_object_get_data (G_OBJECT (monitor), "ic-folder");

  g_assert (IC_IS_SESSION (self));

  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  /* Saving often writes a temporary file and renames it: then the report
   * is the rename's other file. */
  if ((name == NULL || !is_report_name (name)) &&
      (other_name == NULL || !is_report_name (other_name)))
    return;

  g_hash_table_add (self->pending, g_strdup (folder));
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_pending_cb, self);
}

/* Files are not watched: a changed file is noticed by its folder's
 * monitor when the folder was opened. */
void
_ic_session_watch_folder (IcSession *self,
                          GFile     *folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return;
  path = g_file_get_path (folder);
  if (path == NULL || g_hash_table_contains (self->monitors, path))
    return;

  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", path, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (monitor), "ic-folder", g_strdup (path), g_free);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (folder_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_insert (self->monitors, g_steal_pointer (&path), g_steal_pointer (&monitor));
}

void
_ic_session_unwatch_all (IcSession *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_hash_table_remove_all (self->monitors);
  g_hash_table_remove_all (self->pending);
}

void
_ic_session_watch_init (IcSession *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_ic_session_watch_dispose (IcSession *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
}
