/* ic-window-load.c: how the window shows its session reading files
 *
 * The session reads (ic-session.c); the window shows the progress, says
 * which files could not be read, and remembers recent folders. Every way
 * in (Open Folder, Add Files, drop, command line, Open With, recent
 * folders) ends in ic_window_open().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-load"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-toasts.h"
#include "ic-failures-dialog.h"
#include "ic-window-private.h"

#define MAX_RECENT 10

static void
update_progress (IcWindow *self)
{
  guint done = ic_session_get_n_done (self->session);
  guint total = ic_session_get_n_total (self->session);
  g_autofree char *text = NULL;

  if (!ic_session_get_loading (self->session))
    return;
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
loading_changed_cb (IcWindow *self)
{
  gboolean loading = ic_session_get_loading (self->session);

  /* Without a slide (see the template) a hidden revealer keeps its
   * height: hide it as well. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), loading);
  gtk_revealer_set_reveal_child (self->progress_revealer, loading);
  update_progress (self);
  _ic_window_update_main_page (self);
}

/* One toast for all the files that could not be read, never one per
 * file; Details lists them. */
static void
failures_added_cb (IcWindow  *self,
                   guint      n_new,
                   IcSession *session)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  title = g_strdup_printf (ngettext ("%u file could not be read", "%u files could not be read",
                                     n_new), n_new);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-failures");
  adw_toast_set_timeout (toast, 10);
  ic_toasts_add (self->toast_overlay, toast);
  _ic_window_announce (self, title);
}

static void
load_failed_cb (IcWindow   *self,
                const char *message,
                IcSession  *session)
{
  _ic_window_toast (self, message);
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

/**
 * ic_window_open:
 * @files: (array length=n_files): folders and files to read
 */
void
ic_window_open (IcWindow  *self,
                GFile    **files,
                guint      n_files)
{
  g_return_if_fail (IC_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
      remember_recent (self, files[i]);
  _ic_window_update_recent (self);
  ic_session_open (self->session, files, n_files);
}

void
_ic_window_load_init (IcWindow *self)
{
  /* Reading must not take the cores the window needs to draw. */
  ic_session_set_background (self->session, TRUE);
  ic_session_set_watch_folders (self->session, TRUE);
  g_signal_connect_object (self->session, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::n-done", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::n-total", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "failures-added", G_CALLBACK (failures_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "load-failed", G_CALLBACK (load_failed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_ic_window_show_failures (IcWindow *self)
{
  GtkWidget *dialog = ic_failures_dialog_new (GTK_WINDOW (self),
                                              ic_report_store_get_failures (self->store),
                                              g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  _ic_window_restore_focus_after (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
