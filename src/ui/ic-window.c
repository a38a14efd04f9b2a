/* ic-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-display-text.h"
#include "ic-a11y.h"
#include "ic-toasts.h"
#include "ic-window-private.h"

G_DEFINE_FINAL_TYPE (IcWindow, ic_window, ADW_TYPE_APPLICATION_WINDOW)

/* In a narrow window the switcher leaves the header for the bar at the
 * bottom; with no views to switch (no reports yet), neither shows. */
static void
update_switcher_bar (IcWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                                    adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title));
}

/* The empty state until there is something to show or being read. */
void
_ic_window_update_main_page (IcWindow *self)
{
  gboolean has_reports = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;

  gboolean loading = ic_session_get_loading (self->session);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    has_reports || loading ? "content" : "empty");
  /* Views have nothing to switch between until there are reports. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     has_reports || loading);
  update_switcher_bar (self);
  _ic_window_update_actions (self);
}

static void
store_items_changed_cb (IcWindow *self)
{
  _ic_window_update_main_page (self);
}

/* The filter's properties hold NULL for "no filter", which the schema
 * stores as @user_data: "" (the report type: "all"). */
static gboolean
filter_word_from_setting (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *word = g_variant_get_string (variant, NULL);

  g_value_set_string (value, g_str_equal (word, user_data) ? NULL : word);
  return TRUE;
}

static GVariant *
filter_word_to_setting (const GValue       *value,
                        const GVariantType *type,
                        gpointer            user_data)
{
  const char *word = g_value_get_string (value);

  return g_variant_new_string (word != NULL && word[0] != '\0' ? word : user_data);
}

/* Filters are saved as they change, so a crash does not lose them. A
 * window reads them once, when it opens (GET_NO_CHANGES): a second
 * window's filters do not change this one's, since two windows are
 * there to compare different things. */
static void
bind_filter (IcWindow *self)
{
  const GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES;
  static const struct
  {
    const char *key;
    const char *property;
    const char *none;
  } words[] = {
    { "filter-search", "search", "" },
    { "filter-type", "type-key", "all" },
    { "filter-region", "region", "" },
    { "filter-peer", "peer", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_settings_bind_with_mapping (self->settings, words[i].key, self->filter, words[i].property, flags,
                                  filter_word_from_setting, filter_word_to_setting,
                                  (gpointer) words[i].none, NULL);
  g_settings_bind (self->settings, "filter-from-year", self->filter, "from-year", flags);
  g_settings_bind (self->settings, "filter-to-year", self->filter, "to-year", flags);
}

/* The authority compared stands out in the lists, and the grade history
 * draws its group. */
static void
peer_changed_cb (IcWindow *self)
{
  IcFilterSpec *spec = ic_report_filter_get_spec (self->filter);
  const char *peer = ic_report_filter_get_peer (self->filter);

  ic_matrix_view_set_highlighted (self->matrix_view, peer);
  ic_reports_view_set_highlighted (self->reports_view, peer);
  ic_charts_view_set_peer_group (self->charts_view, peer, ic_filter_spec_get_peer_group (spec));
}

static void
restore_state (IcWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);

  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_SET);
  g_settings_bind (self->settings, "matrix-latest-only", self->matrix_view, "latest-only",
                   G_SETTINGS_BIND_DEFAULT);
  bind_filter (self);
}

static gboolean
ic_window_close_request (GtkWindow *window)
{
  IcWindow *self = IC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  ic_session_cancel (self->session);

  return GTK_WINDOW_CLASS (ic_window_parent_class)->close_request (window);
}

static gboolean
drop_cb (IcWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  ic_window_open (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static void
setup_drop_target (IcWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
ic_window_dispose (GObject *object)
{
  IcWindow *self = (IcWindow *)object;

  /* A load in progress keeps the session alive until it ends: stop it,
   * and hear nothing more from it. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      ic_session_cancel (self->session);
    }
  _ic_window_cancel_export (self);
  g_clear_object (&self->export_cancellable);
  g_clear_weak_pointer (&self->correction_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), IC_TYPE_WINDOW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pack_evidence, g_free);

  G_OBJECT_CLASS (ic_window_parent_class)->dispose (object);
}

static void
ic_window_class_init (IcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ic_window_dispose;
  window_class->close_request = ic_window_close_request;

  g_type_ensure (IC_TYPE_FILTER_BAR);
  g_type_ensure (IC_TYPE_MATRIX_VIEW);
  g_type_ensure (IC_TYPE_TIMELINE_VIEW);
  g_type_ensure (IC_TYPE_CHARTS_VIEW);
  g_type_ensure (IC_TYPE_REPORTS_VIEW);
  g_type_ensure (IC_TYPE_SEARCH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, announcer);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, charts_view);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, reports_view);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, IcWindow, recent_menu);

  _ic_window_init_actions (klass);
  _ic_window_corrections_class_init (widget_class);
}

/* The squeezer inside AdwViewSwitcherTitle: it has no API of its own. */
static AdwSqueezer *
find_squeezer (GtkWidget *widget)
{
  if (ADW_IS_SQUEEZER (widget))
    return ADW_SQUEEZER (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      AdwSqueezer *found = find_squeezer (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
ic_window_init (IcWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *reports;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The title turns into the view switcher when reading starts, with a
   * crossfade that GTK 4.8's cairo renderer draws as two window-sized
   * layers: 15-22 ms of the main thread a frame for 200 ms, as the first
   * rows arrive (doc/ui-stalls.md). The switcher appears at once. */
  if (find_squeezer (GTK_WIDGET (self->switcher_title)) != NULL)
    adw_squeezer_set_transition_type (find_squeezer (GTK_WIDGET (self->switcher_title)),
                                      ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  ic_a11y_plain_button_names (GTK_WIDGET (self));
  ic_a11y_name_part (GTK_WIDGET (self->open_button), GTK_TYPE_MENU_BUTTON,
                     _("Add files and recent folders"));

  self->settings = g_settings_new (APP_ID);
  self->session = ic_session_new ();
  self->store = g_object_ref (ic_session_get_store (self->session));
  if (!ic_session_load_corrections (self->session, &error))
    _ic_window_toast (self, error->message);
  self->filter = ic_report_filter_new ();
  /* The filter bar edits the session's filter; views apply it. */
  ic_session_set_filter (self->session, ic_report_filter_get_spec (self->filter));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  reports = G_LIST_MODEL (self->filtered);

  ic_matrix_view_set_model (self->matrix_view, reports);
  ic_timeline_view_set_model (self->timeline_view, reports);
  ic_charts_view_set_model (self->charts_view, reports);
  ic_reports_view_set_model (self->reports_view, reports);
  ic_reports_view_set_all_reports (self->reports_view, G_LIST_MODEL (self->store));
  ic_search_view_set_model (self->search_view, reports);

  g_signal_connect_object (self->filter, "notify::peer", G_CALLBACK (peer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  restore_state (self);
  ic_filter_bar_set_filter (self->filter_bar, self->filter);
  g_signal_connect_object (self->store, "items-changed", G_CALLBACK (store_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  _ic_window_load_init (self);
  setup_drop_target (self);
  _ic_window_update_recent (self);
  _ic_window_update_main_page (self);
}

IcWindow *
ic_window_new (GtkApplication *application)
{
  return g_object_new (IC_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ic_window_get_session:
 *
 * Returns: (transfer none): what the window presents
 */
IcSession *
ic_window_get_session (IcWindow *self)
{
  g_return_val_if_fail (IC_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * ic_window_get_store:
 *
 * Returns: (transfer none): every report loaded, unfiltered
 */
IcReportStore *
ic_window_get_store (IcWindow *self)
{
  g_return_val_if_fail (IC_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * ic_window_get_reports:
 *
 * Returns: (transfer none): the reports that pass the filters, as every
 *   view shows them
 */
GListModel *
ic_window_get_reports (IcWindow *self)
{
  g_return_val_if_fail (IC_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

gboolean
ic_window_get_loading (IcWindow *self)
{
  g_return_val_if_fail (IC_IS_WINDOW (self), FALSE);
  return ic_session_get_loading (self->session);
}

void
_ic_window_toast (IcWindow   *self,
                  const char *title)
{
  /* Messages may name files: libadwaita 1.2 reads a toast's title as
   * markup, and noncharacters stop the text renderer. */
  g_autofree char *clean = ic_display_text (title);
  g_autofree char *markup = g_markup_escape_text (clean, -1);
  AdwToast *toast = adw_toast_new (markup);

  ic_toasts_add (self->toast_overlay, toast);
  _ic_window_announce (self, clean);
}

typedef struct
{
  IcWindow  *window;  /* weak */
  GtkWidget *focus;   /* weak */
} FocusReturn;

static void
dialog_destroyed_cb (GtkWidget   *dialog,
                     FocusReturn *back)
{
  if (back->window != NULL)
    {
      if (back->focus != NULL && gtk_widget_get_mapped (back->focus))
        gtk_widget_grab_focus (back->focus);
      else
        /* What had the keyboard is gone (a toast's button): the view. */
        gtk_widget_child_focus (adw_view_stack_get_visible_child (back->window->view_stack),
                                GTK_DIR_TAB_FORWARD);
    }
  g_clear_weak_pointer (&back->window);
  g_clear_weak_pointer (&back->focus);
  g_free (back);
}

/* When @dialog closes, the keyboard goes back where it was before it
 * opened, or to the view shown when that is gone. */
void
_ic_window_restore_focus_after (IcWindow  *self,
                                GtkWindow *dialog)
{
  FocusReturn *back = g_new0 (FocusReturn, 1);

  g_set_weak_pointer (&back->window, self);
  g_set_weak_pointer (&back->focus, gtk_root_get_focus (GTK_ROOT (self)));
  g_signal_connect (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), back);
}

/* Says @text to screen readers through the window's alert label. */
void
_ic_window_announce (IcWindow   *self,
                     const char *text)
{
  gtk_label_set_label (self->announcer, text);
}
