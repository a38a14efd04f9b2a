/* ic-window-actions.c: the win.* actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-display-text.h"
#include "ic-toasts.h"
#include "ic-ui-util.h"
#include "ic-atomic-file.h"
#include "ic-csv.h"
#include "ic-json.h"
#include "ic-output-path.h"
#include "ic-pack.h"
#include "ic-print-operation.h"
#include "ic-report-snapshot.h"
#include "ic-window-private.h"

static GPtrArray *
chooser_files (GtkFileChooser *chooser)
{
  g_autoptr(GListModel) list = gtk_file_chooser_get_files (chooser);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  return files;
}

static void
open_response_cb (IcWindow             *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = chooser_files (GTK_FILE_CHOOSER (native));

      ic_window_open (self, (GFile **) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
run_open_chooser (IcWindow             *self,
                  const char           *title,
                  GtkFileChooserAction  action)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Open"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Reports (PDF or text)"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_folder_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_open_chooser (IC_WINDOW (widget), _("Open Folders of Reports"),
                    GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
add_files_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_open_chooser (IC_WINDOW (widget), _("Add Report Files"), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_recent_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  ic_window_open (IC_WINDOW (widget), &file, 1);
}

static void
cancel_load_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ic_session_cancel (IC_WINDOW (widget)->session);
}

static void
cancel_export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _ic_window_cancel_export (IC_WINDOW (widget));
}

static void
reload_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ic_session_reload (IC_WINDOW (widget)->session);
}

static void
open_report_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  IcReport *report = ic_session_find_source (self->session,
                                              g_variant_get_string (param, NULL));

  if (report == NULL)
    return;
  ic_reports_view_set_return (self->reports_view,
                              adw_view_stack_get_visible_child_name (self->view_stack),
                              gtk_root_get_focus (GTK_ROOT (self)));
  ic_reports_view_show_report (self->reports_view, report);
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");
  /* From a matrix cell or a timeline mark: the focus follows to the
   * page, not left on a widget now hidden. */
  ic_ui_focus_first (GTK_WIDGET (self->reports_view));
}

/* An authority's page (its name in the matrix, the list of reports, a
 * report page or a neighbour's link): its reports over time and what
 * changed between them. */
static void
open_authority_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_reports_view_set_return (self->reports_view,
                              adw_view_stack_get_visible_child_name (self->view_stack),
                              gtk_root_get_focus (GTK_ROOT (self)));
  ic_reports_view_show_authority (self->reports_view, g_variant_get_string (param, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");
  ic_ui_focus_first (GTK_WIDGET (self->reports_view));
}

/* A passage the search found: its report's page, scrolled to the
 * passage, which is highlighted. */
static void
open_passage_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  const char *source, *passage;
  guint page;
  IcReport *report;

  g_variant_get (param, "(&su&s)", &source, &page, &passage);
  report = ic_session_find_source (self->session, source);
  if (report == NULL)
    return;
  ic_reports_view_show_passage (self->reports_view, report, page, passage);
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");
  ic_ui_focus_first (GTK_WIDGET (self->reports_view));
}

/* The Search view, searching for @param (a theme chip's words). */
static void
search_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_search_view_search (self->search_view, g_variant_get_string (param, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "search");
}

static void
peer_group_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);

  ic_report_filter_set_peer (self->filter, g_variant_get_string (param, NULL));
  ic_reports_view_show_list (self->reports_view);
}

/* The pack Export… writes quotes what the search @param finds, as the
 * command line's --search with --export-pdf does; one search at a time. */
static void
add_to_pack_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autofree char *title = NULL;

  g_free (self->pack_evidence);
  self->pack_evidence = g_variant_dup_string (param, NULL);
  ic_search_view_set_pack_query (self->search_view, self->pack_evidence);
  title = g_strdup_printf (_("The exported pack will quote the passages for “%s”"), self->pack_evidence);
  _ic_window_toast (self, title);
}

static void
remove_from_pack_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);

  g_clear_pointer (&self->pack_evidence, g_free);
  ic_search_view_set_pack_query (self->search_view, NULL);
  _ic_window_toast (self, _("The exported pack will quote no passages"));
}

static void
show_error_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _ic_window_toast (IC_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_failures_action (GtkWidget *widget, const char *name, GVariant *param)
{
  _ic_window_show_failures (IC_WINDOW (widget));
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ic_filter_bar_focus_search (IC_WINDOW (widget)->filter_bar);
}

static void
show_view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  AdwViewStack *stack = IC_WINDOW (widget)->view_stack;

  adw_view_stack_set_visible_child_name (stack, g_variant_get_string (param, NULL));
  /* Alt+1–5 take the keyboard to the view shown, at its first control. */
  ic_ui_focus_first (adw_view_stack_get_visible_child (stack));
}

static IcPrintScope
current_scope (IcWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "search") == 0)
    return IC_PRINT_SCOPE_EVIDENCE;
  if (g_strcmp0 (view, "timeline") == 0)
    return IC_PRINT_SCOPE_TIMELINE;
  if (g_strcmp0 (view, "charts") == 0)
    return IC_PRINT_SCOPE_CHARTS;
  if (g_strcmp0 (view, "reports") == 0)
    return IC_PRINT_SCOPE_REPORTS;
  return IC_PRINT_SCOPE_MATRIX;
}

/* The rows a print of @scope gives, in their on-screen order. */
static GListModel *
dup_print_rows (IcWindow     *self,
                IcPrintScope  scope)
{
  switch (scope)
    {
    case IC_PRINT_SCOPE_MATRIX:
      return g_object_ref (ic_matrix_view_get_rows (self->matrix_view));
    case IC_PRINT_SCOPE_REPORTS:
      return g_object_ref (ic_reports_view_get_rows (self->reports_view));
    case IC_PRINT_SCOPE_EVIDENCE:
      return ic_search_view_dup_searched_reports (self->search_view);
    case IC_PRINT_SCOPE_TIMELINE:
    case IC_PRINT_SCOPE_CHARTS:
    case IC_PRINT_SCOPE_PACK:
    default:
      return g_object_ref (ic_window_get_reports (self));
    }
}

/**
 * _ic_window_new_print_operation:
 * @pack: the whole pack, or else the view shown
 *
 * What Ctrl+P (or Print Pack) prints. The Search view prints its
 * passages, quoted as the pack's Evidence section; the pack printed
 * quotes the search added to it, as the exported pack does.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL when the
 *   Search view shows no search (there is nothing to print)
 */
IcPrintOperation *
_ic_window_new_print_operation (IcWindow *self,
                                gboolean  pack)
{
  IcPrintScope scope = pack ? IC_PRINT_SCOPE_PACK : current_scope (self);
  const char *query = ic_search_view_get_query (self->search_view);
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *filters = ic_filter_spec_describe (ic_report_filter_get_spec (self->filter));
  IcPrintOperation *operation;

  if (scope == IC_PRINT_SCOPE_EVIDENCE && query == NULL)
    return NULL;
  rows = dup_print_rows (self, scope);
  operation = ic_print_operation_new (rows, ic_report_store_get_failures (self->store), scope);
  ic_print_operation_set_all_reports (operation, G_LIST_MODEL (self->store));
  ic_print_operation_set_filters (operation, filters);
  if (scope == IC_PRINT_SCOPE_EVIDENCE)
    ic_print_operation_set_evidence (operation, query);
  else if (scope == IC_PRINT_SCOPE_PACK)
    ic_print_operation_set_evidence (operation, self->pack_evidence);
  /* What is shown: the list, or the report opened from it. */
  if (scope == IC_PRINT_SCOPE_REPORTS)
    ic_print_operation_set_report (operation, ic_reports_view_get_report (self->reports_view));
  return operation;
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autoptr(IcPrintOperation) operation =
    _ic_window_new_print_operation (self, g_str_equal (name, "win.print-pack"));

  if (operation == NULL)
    {
      _ic_window_toast (self, _("Type a search first: Print gives the passages it finds"));
      return;
    }
  ic_print_operation_run_dialog (operation, widget);
}

/* Export ---------------------------------------------------------------- */

static void
open_uri_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr(GError) error = NULL;
  GdkAppLaunchContext *context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL),
                                          G_APP_LAUNCH_CONTEXT (context), &error))
    _ic_window_toast (IC_WINDOW (widget), error->message);
  g_object_unref (context);
}

static void
toast_exported (IcWindow *self,
                GFile    *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *clean = ic_display_text (display);
  g_autofree char *name = g_markup_escape_text (clean, -1);
  g_autofree char *uri = g_file_get_uri (file);
  /* A toast's title is markup in libadwaita 1.2. */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  ic_toasts_add (self->toast_overlay, toast);
}

/* As on the command line, an export never replaces a report nor lands in
 * a folder being read: the folders and files opened, and every file read. */
gboolean
_ic_window_check_output (IcWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(IcOutputGuard) guard = ic_output_guard_new ();

  for (guint i = 0; i < ic_session_get_n_roots (self->session); i++)
    {
      g_autofree char *root = g_file_get_path (ic_session_get_root (self->session, i));

      if (root != NULL)
        ic_output_guard_add_input (guard, root);
    }
  ic_output_guard_add_loaded (guard, G_LIST_MODEL (self->store), ic_report_store_get_failures (self->store));
  return ic_output_guard_check (guard, path, error);
}

/* The same export as Export…, on the main thread; see
 * _ic_window_write_export() for the formats. */
gboolean
_ic_window_export (IcWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *filters = NULL;
  g_autoptr(GListModel) reports = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only a file on this computer can be exported to"));
      return FALSE;
    }
  if (!_ic_window_check_output (self, path, error))
    return FALSE;

  filters = ic_filter_spec_describe (ic_report_filter_get_spec (self->filter));
  reports = _ic_window_export_reports (self, path);
  return _ic_window_write_export (G_LIST_MODEL (self->store), reports,
                                  ic_report_store_get_failures (self->store),
                                  filters, self->pack_evidence,
                                  ic_search_view_get_query (self->search_view), path, NULL, NULL,
                                  NULL, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IcWindow *self = IC_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = _ic_window_export_finish (self, result, &error);

  /* The window closed while the file was written, or Cancel: the file
   * was not written, and the window said so (ic-window-export.c). */
  if (self->toast_overlay == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ok)
    toast_exported (self, file);
  else
    _ic_window_toast (self, error->message);
}

/* Export…'s formats, in the order offered: the file type, and the
 * ending of a name that writes it (_ic_window_write_export()). */
static const struct
{
  const char *label;
  const char *ending;
} export_formats[] = {
  { N_("Meeting pack (PDF)"), ".pdf" },
  { N_("Short pack for a board (PDF, name ending -summary.pdf)"), "-summary.pdf" },
  { N_("Judgement matrix (CSV)"), ".csv" },
  { N_("Improvement items (CSV, name ending -improvements.csv)"), "-improvements.csv" },
  { N_("Passages the search finds (CSV, name ending -search.csv)"), "-search.csv" },
  { N_("Everything (JSON)"), ".json" },
};

/**
 * _ic_window_export_name_for_format:
 * @name: the file name the user gave
 * @format: (nullable): the file type chosen, as Export… labels it
 *
 * The format written follows the name, so a name whose ending writes
 * another format than the one chosen gets the chosen one's ending in
 * place of its own ("inspection-summary.pdf" with "Judgement matrix
 * (CSV)" is "inspection.csv"); a name that fits is kept.
 *
 * Returns: (transfer full): the name to write
 */
char *
_ic_window_export_name_for_format (const char *name,
                                   const char *format)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *ending = NULL;
  gsize stem = strlen (name), own = 0;

  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (format, _(export_formats[i].label)))
      ending = export_formats[i].ending;
  if (ending == NULL || g_str_has_suffix (lower, ending))
    return g_strdup (name);
  /* The name's own ending, the longest that fits ("-summary.pdf"). */
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_has_suffix (lower, export_formats[i].ending))
      own = MAX (own, strlen (export_formats[i].ending));
  return g_strdup_printf ("%.*s%s", (int) (stem - own), name, ending);
}

/**
 * _ic_window_export_chosen:
 * @format: (nullable): the file type chosen with @file
 *
 * Exports to @file, named anew for @format. The chooser asked before
 * replacing @file, not a file of the new name: one already there is
 * left alone and the user told.
 */
void
_ic_window_export_chosen (IcWindow   *self,
                          GFile      *file,
                          const char *format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *wanted = _ic_window_export_name_for_format (name, format);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) target = NULL;

  if (g_str_equal (name, wanted) || parent == NULL)
    target = g_object_ref (file);
  else
    target = g_file_get_child (parent, wanted);
  if (target != file && g_file_query_exists (target, NULL))
    {
      g_autofree char *text = g_strdup_printf (_("“%s” already exists: export again and choose it to replace it"),
                                               wanted);

      _ic_window_toast (self, text);
      return;
    }
  _ic_window_export_async (self, target, export_done_cb, g_object_ref (target));
}

static void
export_response_cb (IcWindow             *self,
                    int                   response,
                    GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  GtkFileFilter *filter = NULL;
  g_autofree char *format = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
      format = filter != NULL ? g_strdup (gtk_file_filter_get_name (filter)) : NULL;
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  if (file == NULL)
    return;

  _ic_window_export_chosen (self, file, format);
}

static void
add_export_filter (GtkFileChooser *chooser,
                   const char     *label,
                   const char     *ending)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", ending, NULL);

  gtk_file_filter_set_name (filter, label);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  chooser = GTK_FILE_CHOOSER (native);
  gtk_file_chooser_set_current_name (chooser, _("inspection-summary.pdf"));
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    add_export_filter (chooser, _(export_formats[i].label), export_formats[i].ending);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
_ic_window_save_chart (IcWindow     *self,
                       IcChartKind   kind,
                       const char   *path,
                       GError      **error)
{
  return _ic_window_check_output (self, path, error) &&
         ic_chart_export (kind, ic_window_get_reports (self), path, error);
}

/* Save Chart draws the chart anew from a snapshot of the reports on a
 * worker, as the other exports do: the timeline of the national archive
 * takes seconds to draw, and the window must not freeze for them. */
typedef struct
{
  IcChartKind  kind;
  GListModel  *reports;
  char        *path;
} ChartSave;

static void
chart_save_free (ChartSave *save)
{
  g_clear_object (&save->reports);
  g_free (save->path);
  g_free (save);
}

static void
save_chart_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  ChartSave *save = data;
  GError *error = NULL;

  if (ic_chart_export (save->kind, save->reports, save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_ic_window_save_chart_async (IcWindow            *self,
                             IcChartKind          kind,
                             GFile               *file,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autofree char *path = g_file_get_path (file);
  ChartSave *save;
  GError *error = NULL;

  g_task_set_source_tag (task, _ic_window_save_chart_async);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only a file on this computer can be exported to"));
      return;
    }
  if (!_ic_window_check_output (self, path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save = g_new0 (ChartSave, 1);
  save->kind = kind;
  save->reports = ic_report_snapshot_model (ic_window_get_reports (self));
  save->path = g_steal_pointer (&path);
  g_task_set_task_data (task, save, (GDestroyNotify) chart_save_free);
  g_task_run_in_thread (task, save_chart_thread);
}

gboolean
_ic_window_save_chart_finish (IcWindow      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_chart_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  IcWindow *self = IC_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  gboolean ok = _ic_window_save_chart_finish (self, result, &error);

  /* The window may have been closed while the chart was drawn. */
  if (self->toast_overlay == NULL)
    return;
  if (ok)
    toast_exported (self, file);
  else
    _ic_window_toast (self, error->message);
}

static void
save_chart_response_cb (IcWindow             *self,
                        int                   response,
                        GtkFileChooserNative *native)
{
  IcChartKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "ic-chart-kind"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
  if (file != NULL)
    _ic_window_save_chart_async (self, kind, file, save_chart_done_cb, g_object_ref (file));
}

/* @param: "KIND.FORMAT", e.g. "themes.svg"; the format is the extension. */
static void
save_chart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (param, NULL), ".", 2);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;
  IcChartKind kind;

  if (parts[0] == NULL || parts[1] == NULL || !ic_chart_kind_from_name (parts[0], &kind))
    return;

  native = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  file_name = g_strdup_printf ("%s.%s", parts[0], parts[1]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data (G_OBJECT (native), "ic-chart-kind", GUINT_TO_POINTER (kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (save_chart_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_chart_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autoptr(IcPrintOperation) operation = NULL;
  IcChartKind kind;

  if (!ic_chart_kind_from_name (g_variant_get_string (param, NULL), &kind))
    return;
  operation = ic_print_operation_new (ic_window_get_reports (self), NULL, IC_PRINT_SCOPE_CHARTS);
  ic_print_operation_set_all_reports (operation, G_LIST_MODEL (self->store));
  ic_print_operation_set_chart (operation, kind);
  ic_print_operation_run_dialog (operation, widget);
}

void
_ic_window_update_actions (IcWindow *self)
{
  gboolean has_reports = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gboolean loading = ic_session_get_loading (self->session);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.cancel-load", loading);
  gtk_widget_action_set_enabled (widget, "win.cancel-export", self->export_cancellable != NULL);
  gtk_widget_action_set_enabled (widget, "win.reload",
                                 !loading && ic_session_get_n_roots (self->session) > 0);
  gtk_widget_action_set_enabled (widget, "win.print", has_reports);
  gtk_widget_action_set_enabled (widget, "win.print-pack", has_reports);
  gtk_widget_action_set_enabled (widget, "win.export", has_reports);
  gtk_widget_action_set_enabled (widget, "win.show-failures",
                                 g_list_model_get_n_items (ic_report_store_get_failures (self->store)) > 0);
}

void
_ic_window_init_actions (IcWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (wc, "win.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (wc, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (wc, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (wc, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (wc, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (wc, "win.open-report", "s", open_report_action);
  gtk_widget_class_install_action (wc, "win.open-passage", "(sus)", open_passage_action);
  gtk_widget_class_install_action (wc, "win.open-authority", "s", open_authority_action);
  gtk_widget_class_install_action (wc, "win.search", "s", search_action);
  gtk_widget_class_install_action (wc, "win.add-to-pack", "s", add_to_pack_action);
  gtk_widget_class_install_action (wc, "win.remove-from-pack", NULL, remove_from_pack_action);
  gtk_widget_class_install_action (wc, "win.peer-group", "s", peer_group_action);
  gtk_widget_class_install_action (wc, "win.show-error", "s", show_error_action);
  gtk_widget_class_install_action (wc, "win.show-failures", NULL, show_failures_action);
  gtk_widget_class_install_action (wc, "win.find", NULL, find_action);
  gtk_widget_class_install_action (wc, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (wc, "win.print", NULL, print_action);
  gtk_widget_class_install_action (wc, "win.print-pack", NULL, print_action);
  gtk_widget_class_install_action (wc, "win.export", NULL, export_action);
  gtk_widget_class_install_action (wc, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (wc, "win.save-chart", "s", save_chart_action);
  gtk_widget_class_install_action (wc, "win.print-chart", "s", print_chart_action);

  gtk_widget_class_add_binding_action (wc, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-files", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_Escape, 0, "win.cancel-load", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-pack", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  /* A text field being edited takes Ctrl+Z first, for its own undo. */
  gtk_widget_class_add_binding_action (wc, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-correction", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "matrix");
  gtk_widget_class_add_binding_action (wc, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (wc, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "charts");
  gtk_widget_class_add_binding_action (wc, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "reports");
  gtk_widget_class_add_binding_action (wc, GDK_KEY_5, GDK_ALT_MASK, "win.show-view", "s", "search");
}
