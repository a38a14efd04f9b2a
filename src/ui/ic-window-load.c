/* ic-window-load.c: reading folders and files into the window's store
 *
 * Every way in (Open Folder, Add Files, drop, command line, Open With,
 * recent folders, a folder changing on disk) ends in ic_window_open() or
 * start_load(), so they all behave the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-load"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-failures-dialog.h"
#include "ic-window-private.h"

#include "ic-loader.h"

#define MAX_RECENT 10
/* Saving a folder of downloads fires many events; wait for quiet. */
#define RELOAD_DELAY_MS 1500

static void start_load (IcWindow *self, GPtrArray *files);

static void
update_progress (IcWindow *self)
{
  guint done = 0, total = 0;
  g_autofree char *text = NULL;

  done = ic_loader_get_n_done (IC_LOADER (self->loader));
  total = ic_loader_get_n_total (IC_LOADER (self->loader));
  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Looking for reports…"));
      return;
    }
  /* Translators: "Reading 12 of 181 reports" */
  text = g_strdup_printf (ngettext ("Reading %u of %u report", "Reading %u of %u reports", total),
                          done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
}

static void
set_loading (IcWindow *self,
             gboolean  loading)
{
  self->loading = loading;
  /* Without a slide (see the template) a hidden revealer keeps its
   * height: hide it as well. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), loading);
  gtk_revealer_set_reveal_child (self->progress_revealer, loading);
  if (loading)
    update_progress (self);
  _ic_window_update_main_page (self);
}

/* One toast for all the files that could not be read, never one per
 * file; Details lists them. */
static void
report_new_failures (IcWindow *self)
{
  GListModel *failures = ic_report_store_get_failures (self->store);
  guint n = g_list_model_get_n_items (failures);
  guint n_new = n > self->n_failures_seen ? n - self->n_failures_seen : 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  self->n_failures_seen = n;
  if (n_new == 0)
    return;

  title = g_strdup_printf (ngettext ("%u file could not be read", "%u files could not be read",
                                     n_new), n_new);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-failures");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _ic_window_announce (self, title);
}

static void
load_next_queued (IcWindow *self)
{
  g_autoptr(GPtrArray) next = NULL;

  if (self->queue->len == 0)
    return;
  next = g_ptr_array_steal_index (self->queue, 0);
  start_load (self, next);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(IcWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ic_loader_load_finish (IC_LOADER (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _ic_window_toast (self, error->message);

  /* The window may be closing: its template is gone after dispose. */
  if (self->store == NULL)
    return;

  set_loading (self, FALSE);
  report_new_failures (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_ptr_array_set_size (self->queue, 0);
  load_next_queued (self);
}

/* @files: (element-type GFile) */
static void
start_load (IcWindow  *self,
            GPtrArray *files)
{
  if (self->loading)
    {
      g_ptr_array_add (self->queue, g_ptr_array_ref (files));
      return;
    }

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    g_set_object (&self->cancellable, g_cancellable_new ());

  set_loading (self, TRUE);
  ic_loader_load_async (IC_LOADER (self->loader), (GFile **) files->pdata, files->len,
                        self->cancellable, load_cb, g_object_ref (self));
}

static void
remember_recent (IcWindow *self,
                 GFile    *folder)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = g_file_get_path (folder);
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (path == NULL)
    return;
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-folders", (const char * const *) recent);
}

void
_ic_window_update_recent (IcWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-folders");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static gboolean
is_report_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".txt");
}

static void
remove_folder_reports (IcWindow   *self,
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
  IcWindow *self = data;
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
    start_load (self, files);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (IcWindow          *self,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *other_name = other ? g_file_get_basename (other) : NULL;
  const char *folder = g_object_get_data (G_OBJECT (monitor), "ic-folder");

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

static void
watch_folder (IcWindow *self,
              GFile    *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autoptr(GError) error = NULL;

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

/**
 * ic_window_open:
 * @files: (array length=n_files): folders and files to read
 */
void
ic_window_open (IcWindow  *self,
                GFile    **files,
                guint      n_files)
{
  g_autoptr(GPtrArray) to_load = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (IC_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          remember_recent (self, files[i]);
          watch_folder (self, files[i]);
        }
      g_ptr_array_add (self->roots, g_object_ref (files[i]));
      g_ptr_array_add (to_load, g_object_ref (files[i]));
    }
  _ic_window_update_recent (self);
  if (to_load->len > 0)
    start_load (self, to_load);
}

void
_ic_window_cancel_load (IcWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* Reads every folder and file opened so far again, from scratch. */
void
_ic_window_reload (IcWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->roots->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (self->roots, i)));
  ic_report_store_clear (self->store);
  self->n_failures_seen = 0;
  if (files->len > 0)
    start_load (self, files);
}

IcReport *
_ic_window_find_report (IcWindow   *self,
                        const char *source)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      IcReport *report = ic_report_store_get_report (self->store, i);

      if (g_strcmp0 (ic_report_get_source (report), source) == 0)
        return report;
    }
  return NULL;
}

void
_ic_window_load_init (IcWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->loader = G_OBJECT (ic_loader_new (self->store));
  /* Reading must not take the cores the window needs to draw. */
  ic_loader_set_background (IC_LOADER (self->loader), TRUE);
  g_signal_connect_object (self->loader, "notify::n-done", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "notify::n-total", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
}

void
_ic_window_load_dispose (IcWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->roots, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
}

void
_ic_window_show_failures (IcWindow *self)
{
  GtkWidget *dialog = ic_failures_dialog_new (GTK_WINDOW (self),
                                              ic_report_store_get_failures (self->store));

  gtk_window_present (GTK_WINDOW (dialog));
}
