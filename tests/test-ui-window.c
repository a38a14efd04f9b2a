/* test-ui-window.c: the window: its filters, corrections, exports, search,
 * focus, and reports arriving while it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-authorities.h"
#include "ic-corrections.h"
#include "ic-chart-links.h"
#include "ic-chart-private.h"
#include "ic-chart-widget.h"
#include "ic-charts-view.h"
#include "ic-correction-widgets.h"
#include "ic-failure.h"
#include "ic-grade-cell.h"
#include "ic-failures-dialog.h"
#include "ic-loader.h"
#include "ic-timeline-view.h"
#include "ic-matrix-view.h"
#include "ic-pages.h"
#include "ic-passage-text.h"
#include "ic-search-index.h"
#include "ic-search-view.h"
#include "ic-print-operation.h"
#include "ic-report-filter.h"
#include "ic-fold-paned.h"
#include "ic-report-page.h"
#include "ic-report-private.h"
#include "ic-reports-view.h"
#include "ic-row-feed.h"
#include "ic-text-cell.h"
#include "ic-themes.h"
#include "ic-toasts.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-sheet.h"
#include "ic-test-util.h"
#include "ic-ui-util.h"
#include "ic-window-private.h"
#include "ic-ui-test-reports.h"
#include "ic-ui-test-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_filter_criteria (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  IcReportFilter *filter = ic_report_filter_new ();
  g_autoptr(GtkFilterListModel) filtered = NULL;
  guint notified = 0;

  fill_store (store);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                        GTK_FILTER (g_object_ref (filter)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);
  g_assert_false (ic_report_filter_is_active (filter));

  g_signal_connect (filter, "notify::search", G_CALLBACK (count_notify_cb), &notified);
  ic_report_filter_set_search (filter, "RICHMOND");
  ic_report_filter_set_search (filter, "richmond");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 3);

  ic_report_filter_set_type_key (filter, "ilacs");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 2);

  ic_report_filter_set_from_year (filter, 2020);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 1);

  ic_report_filter_reset (filter);
  g_assert_false (ic_report_filter_is_active (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);
  ic_report_filter_set_to_year (filter, 2019);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 4);
  ic_report_filter_set_to_year (filter, 0);

  /* Region and peer group come from the authority data. */
  ic_report_filter_set_region (filter, "London");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 6);
  ic_report_filter_set_region (filter, NULL);

  /* A peer group is the authority with its statistical neighbours. */
  ic_report_filter_set_peer (filter, "Greenwich");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 2);
  ic_report_filter_set_peer (filter, "");
  g_assert_null (ic_report_filter_get_peer (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 7);

  g_clear_object (&filtered);
  g_assert_finalize_object (filter);
}

static guint
count_links (GtkWidget  *widget,
             const char *prefix)
{
  guint n = 0;

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "recurrence-link") &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), prefix))
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_links (c, prefix);
  return n;
}

static void
test_views_follow_filter (void)
{
  IcWindow *window = new_window_with_reports ();
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window),
                                                                 IC_TYPE_REPORTS_VIEW));
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (ic_window_get_reports (window));
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (filtered));

  ic_report_filter_reset (filter);
  ic_matrix_view_set_latest_only (matrix, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 7);

  /* Latest: one row per authority, and for Richmond the 2022 inspection,
   * not the later ungraded JTAI letter. */
  ic_matrix_view_set_latest_only (matrix, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (ic_matrix_view_get_rows (matrix), i);

      if (g_str_equal (ic_report_get_authority (r), "Richmond upon Thames"))
        g_assert_cmpstr (ic_report_get_source (r), ==, "/r/richmond-2022.txt");
    }

  ic_report_filter_set_search (filter, "green");
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 1);
  ic_report_filter_reset (filter);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 7);

  /* Activating a matrix cell opens that report on the Reports page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  g_assert_nonnull (ic_reports_view_get_report (reports));
  g_assert_cmpstr (ic_report_get_source (ic_reports_view_get_report (reports)), ==,
                   "/r/greenwich-2019.txt");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export (void)
{
  IcWindow *window = new_window_with_reports ();
  g_autofree char *dir = g_dir_make_tmp ("ic-export-XXXXXX", NULL);
  const char *names[] = { "m.csv", "m-improvements.csv", "all.json", "pack.pdf", "pack-summary.pdf" };
  g_autoptr(GError) error = NULL;
  IcReportFilter *filter = window->filter;

  /* Exports follow the filters, like every view; the matrix shows every
   * report, so its CSV has each (/ui-export/matrix-csv-latest: the latest). */
  ic_report_filter_reset (filter);
  ic_report_filter_set_search (filter, "richmond");
  ic_matrix_view_set_latest_only (window->matrix_view, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (_ic_window_export (window, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      if (i == 0)
        {
          g_assert_true (g_str_has_prefix (contents, "authority,inspection_type,"));
          g_assert_cmpuint (g_strv_length (lines), >=, 4);    /* header + 3 Richmond reports */
          g_assert_null (strstr (contents, "Greenwich"));
        }
      else if (i == 1)
        g_assert_true (g_str_has_prefix (contents, "authority,inspection_type,end_date,index,"));
      else if (i == 2)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root;

          g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
          root = json_node_get_object (json_parser_get_root (parser));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reports")),
                            ==, 3);
        }
      else
        {
          /* A name ending -summary.pdf is the short pack. */
          IcPackOptions options = { .summary = i == 4 };
          g_autoptr(IcPages) pages = ic_pages_paginate (ic_window_get_reports (window), NULL, &options,
                                                        IC_A4_WIDTH, IC_A4_HEIGHT);

          g_assert_cmpuint (count_pdf_pages (path), ==, ic_pages_get_n_pages (pages));
        }
      g_unlink (path);
    }
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A correction changes the report everywhere, is saved outside the
 * report folders, and Undo puts the parsed value back. */
static void
test_correction_undo (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");
  g_autofree char *path = ic_corrections_get_default_path ();

  g_assert_nonnull (report);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", "grade.overall_effectiveness", "good");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (report),
                                  "grade.overall_effectiveness"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_str_has_prefix (path, "/r/"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the key binding a widget's class gives KEYVAL with MODIFIERS, as
 * a key press that the focused list took would. */
static gboolean
press_binding (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Activates what the window's Ctrl+@keyval shortcut does, as a key
 * press that no focused widget took would. */
static gboolean
press_window_shortcut (GtkWidget *window,
                       guint      keyval)
{
  return press_binding (window, keyval, GDK_CONTROL_MASK);
}

static void
spin_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* Corrections and undos in quick succession, as Ctrl+Z pressed twice
 * gives: each replaces the last one's toast while that toast may still
 * be sliding in. libadwaita 1.2 crashes (or, under AddressSanitizer,
 * reports a use after free) when a toast is dismissed in the first
 * 200 ms of its 500 ms replace animation; the gaps below cover every
 * phase of it. */
static void
test_corrections_in_quick_succession (void)
{
  static const guint gaps_ms[] = { 20, 60, 110, 150, 190, 240, 320, 420, 520 };
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (gaps_ms); i++)
      {
        gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                                    "/r/greenwich-2019.txt", "grade.overall_effectiveness",
                                    "good");
        spin_ms (gaps_ms[i]);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
        spin_ms (gaps_ms[(i + round + 1) % G_N_ELEMENTS (gaps_ms)]);
      }
  /* Every toast shown, replaced and hidden. */
  spin_ms (1500);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* The toast on @overlay whose title is @title, or NULL. */
static GtkWidget *
find_toast (AdwToastOverlay *overlay,
            const char      *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (overlay)); c;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_equal (G_OBJECT_TYPE_NAME (c), "AdwToastWidget") && has_label (c, title))
      return c;
  return NULL;
}

/* Closes the toast titled @title as its × button does. */
static void
close_toast (AdwToastOverlay *overlay,
             const char      *title)
{
  GtkWidget *toast = find_toast (overlay, title);
  GtkWidget *close = toast != NULL ? gtk_widget_get_last_child (toast) : NULL;

  g_assert_true (GTK_IS_BUTTON (close));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (close)), ==, "window-close-symbolic");
  g_signal_emit_by_name (close, "clicked");
}

/* Exports the judgement matrix to @dir as @name, as Export… does, and
 * waits for the toast that says so to have slid in. */
static void
export_with_toast (IcWindow   *window,
                   const char *dir,
                   const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = g_strdup_printf ("Exported “%s”", name);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  _ic_window_export_chosen (window, file, "Judgement matrix (CSV)");
  while (find_toast (window->toast_overlay, title) == NULL && g_get_monotonic_time () < deadline)
    spin_ms (10);
  g_assert_nonnull (find_toast (window->toast_overlay, title));
  spin_ms (600);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* Waits for @toast's slide in to end; returns how long it took, in ms. */
static gint64
wait_slid_in (AdwToast *toast)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 10 * G_USEC_PER_SEC;

  while (ic_toasts_is_sliding_in (toast) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ic_toasts_is_sliding_in (toast));
  return (g_get_monotonic_time () - start) / G_TIME_SPAN_MILLISECOND;
}

/* A toast is dismissed as asked once it has slid in: 300 ms after it is
 * added to an empty overlay, 500 ms while another hides; a queued one at
 * once. */
static void
test_toasts_dismissed_after_slide (void)
{
  GtkWidget *window = gtk_window_new ();
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  AdwToast *first = adw_toast_new ("first");
  AdwToast *second = adw_toast_new ("second");
  AdwToast *queued = adw_toast_new ("queued");
  guint first_gone = 0, second_gone = 0, queued_gone = 0;

  adw_toast_overlay_set_child (overlay, gtk_label_new ("content"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  g_signal_connect (first, "dismissed", G_CALLBACK (count_cb), &first_gone);
  g_signal_connect (second, "dismissed", G_CALLBACK (count_cb), &second_gone);
  g_signal_connect (queued, "dismissed", G_CALLBACK (count_cb), &queued_gone);

  ic_toasts_add (overlay, g_object_ref (first));
  g_assert_true (ic_toasts_is_sliding_in (first));
  ic_toasts_dismiss (first);
  g_assert_cmpuint (first_gone, ==, 0);
  /* A frame of 16 ms may start its slide before it was added. */
  g_assert_cmpint (wait_slid_in (first), >=, 300 - 20);
  g_assert_cmpuint (first_gone, ==, 1);

  /* The first still hides: the second slides in over 500 ms. */
  ic_toasts_add (overlay, g_object_ref (second));
  ic_toasts_add (overlay, g_object_ref (queued));
  g_assert_true (ic_toasts_is_sliding_in (second));
  g_assert_false (ic_toasts_is_sliding_in (queued));
  ic_toasts_dismiss (queued);
  g_assert_cmpuint (queued_gone, ==, 1);
  ic_toasts_dismiss (second);
  g_assert_cmpuint (second_gone, ==, 0);
  g_assert_cmpint (wait_slid_in (second), >=, 500 - 20);
  g_assert_cmpuint (second_gone, ==, 1);

  /* Slid in: dismissed at once. */
  spin_ms (400);
  g_clear_object (&first);
  first = adw_toast_new ("again");
  ic_toasts_add (overlay, g_object_ref (first));
  wait_slid_in (first);
  ic_toasts_dismiss (first);
  g_assert_false (ic_toasts_is_sliding_in (first));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (first);
  g_object_unref (second);
  g_object_unref (queued);
}

/* A correction's toast queued behind another kind of toast (an export's)
 * starts sliding in when that one goes, not when the correction was
 * made; an undo just after it appears replaces it in the first 200 ms of
 * its 500 ms slide, where libadwaita 1.2 crashes (or, under
 * AddressSanitizer, reports a use after free) if it is dismissed then. */
static void
test_correction_toast_queued_behind_export (void)
{
  static const guint gaps_ms[] = { 0, 60, 120, 180 };
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");
  g_autofree char *dir = g_dir_make_tmp ("ic-toast-queue-XXXXXX", NULL);

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);
  for (guint i = 0; i < G_N_ELEMENTS (gaps_ms); i++)
    {
      g_autofree char *name = g_strdup_printf ("matrix-%u.csv", i);
      g_autofree char *title = g_strdup_printf ("Exported “%s”", name);
      gboolean put_off;

      export_with_toast (window, dir, name);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                                  "/r/greenwich-2019.txt", "grade.overall_effectiveness", "good");
      /* The export's toast stays a while: the correction's starts
       * sliding in when it goes, not when the correction is made. */
      spin_ms (400);
      g_assert_nonnull (find_toast (window->toast_overlay, title));
      close_toast (window->toast_overlay, title);
      spin_ms (gaps_ms[i]);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
      g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                       IC_GRADE_INADEQUATE);
      /* Still sliding in: not dismissed yet (a hiding toast takes no
       * clicks). Asserted after the wait, where a dismissal too early
       * crashes. */
      put_off = gtk_widget_get_can_target (find_toast (window->toast_overlay, "Correction saved"));
      /* The undo's toast follows once the correction's has slid in. */
      spin_ms (1200);
      g_assert_true (put_off);
      g_assert_nonnull (find_toast (window->toast_overlay, "Correction undone"));
      g_assert_null (find_toast (window->toast_overlay, "Correction saved"));
      /* The user's × is safe only once the toast has slid in. */
      wait_slid_in (window->correction_toast);
      close_toast (window->toast_overlay, "Correction undone");
      spin_ms (400);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (dir);
}

/* Ctrl+Z undoes the last correction and says so in a toast that takes
 * the place of the correction's own. */
static void
test_correction_undo_shortcut (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/greenwich-2019.txt");

  g_assert_nonnull (report);
  gtk_window_present (GTK_WINDOW (window));
  spin_ms (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", "grade.overall_effectiveness", "good");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  spin_ms (300);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Correction saved"));

  g_assert_true (press_window_shortcut (GTK_WIDGET (window), GDK_KEY_z));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);
  spin_ms (600);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Correction undone"));
  g_assert_false (has_label (GTK_WIDGET (window->toast_overlay), "Correction saved"));

  /* Nothing left: the grade stays, and the toast says why. */
  g_assert_true (press_window_shortcut (GTK_WIDGET (window), GDK_KEY_z));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                   IC_GRADE_INADEQUATE);
  spin_ms (600);
  g_assert_true (has_label (GTK_WIDGET (window->toast_overlay), "Nothing to undo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
page_says (GtkWidget  *widget,
           const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (page_says (c, text))
      return TRUE;
  return FALSE;
}

static guint
count_revert_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 "win.revert-correction") == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_revert_buttons (c);
  return n;
}

/* How many visible revert buttons have @tooltip. */
static guint
count_revert_tooltips (GtkWidget  *widget,
                       const char *tooltip)
{
  guint n = 0;

  if (GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.revert-correction") == 0 &&
      g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_revert_tooltips (c, tooltip);
  return n;
}

/* Authority, kind, dates and an item's themes are corrected through the
 * same actions as grades: each shows on the report page as corrected,
 * each can be undone, and each can be reverted to the parsed value. */
static void
test_correct_every_field (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportStore *store = ic_window_get_store (window);
  IcReport *report = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_autoptr(IcImprovement) item = NULL;
  g_autoptr(GDate) parsed_end = g_date_new_dmy (13, G_DATE_DECEMBER, 2019);
  g_autoptr(GDate) start = g_date_new_dmy (2, G_DATE_DECEMBER, 2019);
  g_autofree char *themes_field = ic_ui_themes_field (0);

  g_assert_nonnull (report);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);

  /* Authority: Bexley, one of the authorities the app knows. */
  correct (window, "authority", "Bexley");
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Bexley");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == report);
  g_assert_true (page_says (reports, "Bexley · corrected by you"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Greenwich");
  g_assert_false (page_says (reports, "Bexley · corrected by you"));
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);

  /* Kind of inspection, then revert to what was read. */
  correct (window, "inspection_type", ic_inspection_type_to_key (IC_INSPECTION_TYPE_SIF));
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SIF);
  g_assert_cmpuint (count_revert_buttons (reports), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "inspection_type");
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_ILACS);
  /* …and Undo of the revert brings the correction back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SIF);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "inspection_type");

  /* Dates. */
  correct (window, "start_date", "2019-12-02");
  correct (window, "end_date", "2019-12-14");
  g_assert_cmpint (g_date_compare (ic_report_get_start_date (report), start), ==, 0);
  g_assert_cmpint (g_date_get_day (ic_report_get_end_date (report)), ==, 14);
  g_assert_cmpuint (count_revert_buttons (reports), ==, 2);
  /* In the words of the toast, not "parsed value". */
  g_assert_cmpuint (count_revert_tooltips (reports, "Revert to the value as read"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpint (g_date_compare (ic_report_get_end_date (report), parsed_end), ==, 0);
  g_assert_cmpint (g_date_compare (ic_report_get_start_date (report), start), ==, 0);

  /* An item's themes: add one, remove the first. */
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_false (ic_improvement_has_theme (item, "workforce"));
  correct (window, themes_field, "plans_and_planning,workforce");
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_true (ic_improvement_has_theme (item, "workforce"));
  g_assert_true (page_says (reports, "Corrected by you"));
  correct (window, themes_field, "workforce");
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_cmpstr (ic_improvement_get_main_theme (item), ==, "workforce");
  g_assert_false (ic_improvement_has_theme (item, "plans_and_planning"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_true (ic_improvement_has_theme (item, "plans_and_planning"));
  g_assert_true (ic_improvement_has_theme (item, "workforce"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", themes_field);
  g_clear_object (&item);
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_false (ic_improvement_has_theme (item, "workforce"));

  /* Not a theme: the window says why and changes nothing. */
  correct (window, themes_field, "no_such_theme");
  g_assert_false (ic_improvement_has_theme (item, "no_such_theme"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/greenwich-2019.txt", "start_date");
  g_assert_cmpuint (count_revert_buttons (reports), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A click on a timeline mark lists the reports behind it, with links. */
static void
test_timeline_click (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  GtkWidget *chart = find_child_of_type (timeline, IC_TYPE_CHART_WIDGET);
  GtkWidget *list = find_child_of_type (timeline, GTK_TYPE_LIST_BOX);
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/richmond-2022.txt");
  IcChartHit hit = { .report = report, .authority = "Richmond upon Thames", .area = -1,
                     .theme = "plans_and_planning" };
  IcChartHit heat = { .year = 2022, .area = -1, .theme = "plans_and_planning" };
  guint rows = 0;

  ic_report_filter_reset (window->filter);
  g_signal_emit_by_name (chart, "hit-activated", &hit);

  /* Richmond's three reports all raise plans and planning. */
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    rows++;
  g_assert_cmpuint (rows, ==, 3);

  /* A cell of the heat strip spans authorities: its rows name them. */
  g_signal_emit_by_name (chart, "hit-activated", &heat);
  g_assert_nonnull (gtk_widget_get_first_child (list));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (list)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list))),
                   ==, "Richmond upon Thames");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_first_child (list))),
                   ==, "Inspection (ILACS) · 4\u00a0February\u00a02022");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A timeline mark's tooltip, table line and screen reader name (all
 * ic_chart_widget_describe_hit()): where items of the report in the
 * mark's row were raised a different number of times, each one's count
 * and which the mark shows, where it said only the most ("raised 3
 * times"); one count as before. */
static void
test_timeline_mark_items_times (void)
{
  g_autoptr(IcReport) report = make_report ("/r/bexley-2021.txt", "Bexley", IC_INSPECTION_TYPE_ILACS, 10,
                                            G_DATE_MAY, 2021, IC_GRADE_GOOD);
  const guint two[] = { 3, 2 };
  const guint three[] = { 4, 3, 2 };
  IcChartHit hit = { .report = report, .authority = "Bexley", .area = -1,
                     .theme = "permanence_and_adoption", .times_raised = 3 };
  g_autofree char *one_text = ic_chart_widget_describe_hit (&hit);
  g_autofree char *two_text = NULL;
  g_autofree char *three_text = NULL;

  hit.item_times = two;
  hit.n_item_times = G_N_ELEMENTS (two);
  two_text = ic_chart_widget_describe_hit (&hit);
  hit.item_times = three;
  hit.n_item_times = G_N_ELEMENTS (three);
  hit.times_raised = 4;
  three_text = ic_chart_widget_describe_hit (&hit);
  g_assert_true (g_str_has_suffix (one_text, "Permanence and adoption · raised 3 times"));
  g_assert_true (g_str_has_suffix (two_text, "Permanence and adoption · items raised 3 and 2 times; "
                                             "the mark shows 3×"));
  g_assert_true (g_str_has_suffix (three_text, " · items raised 4, 3 and 2 times; the mark shows 4×"));
}

/* A mark looks the same whether its items were raised again by close
 * or by possible matches: its tooltip, table line and screen reader
 * name say which, where they said "raised 3 times" of both. */
static void
test_timeline_mark_possible (void)
{
  g_autoptr(IcReport) report = make_report ("/r/bexley-2021.txt", "Bexley", IC_INSPECTION_TYPE_ILACS, 10,
                                            G_DATE_MAY, 2021, IC_GRADE_GOOD);
  const guint two[] = { 3, 2 };
  IcChartHit hit = { .report = report, .authority = "Bexley", .area = -1, .theme = "permanence_and_adoption",
                     .times_raised = 3, .n_raised_again = 1, .n_possible = 1 };
  g_autofree char *one_text = ic_chart_widget_describe_hit (&hit);
  g_autofree char *some_text = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *close_text = NULL;

  hit.n_raised_again = 2;
  some_text = ic_chart_widget_describe_hit (&hit);
  hit.item_times = two;
  hit.n_item_times = G_N_ELEMENTS (two);
  hit.n_possible = 2;
  all_text = ic_chart_widget_describe_hit (&hit);
  hit.n_possible = 0;
  close_text = ic_chart_widget_describe_hit (&hit);
  g_assert_true (g_str_has_suffix (one_text, " · raised 3 times (possible match)"));
  g_assert_true (g_str_has_suffix (some_text, " · raised 3 times (1 of 2 items a possible match)"));
  g_assert_true (g_str_has_suffix (all_text, " · items raised 3 and 2 times; the mark shows 3× (all possible matches)"));
  g_assert_true (g_str_has_suffix (close_text, "the mark shows 3×"));
}

/* A theme's mark, like a theme chip, searches every report for the
 * theme: its button opens the Search view with the theme's query. */
static void
test_timeline_theme_search (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  GtkWidget *chart = find_child_of_type (timeline, IC_TYPE_CHART_WIDGET);
  GtkWidget *search = GTK_WIDGET (gtk_widget_get_template_child (timeline, IC_TYPE_TIMELINE_VIEW, "details_search"));
  IcReport *report = ic_report_store_find_content (ic_window_get_store (window),
                                                   "/r/richmond-2022.txt");
  IcChartHit hit = { .report = report, .authority = "Richmond upon Thames", .area = -1,
                     .theme = "plans_and_planning" };
  IcChartHit heat = { .year = 2022, .area = -1 };
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), "plans_and_planning");
  GtkWidget *entry;

  g_assert_nonnull (query);
  g_assert_false (gtk_widget_get_visible (search));
  g_signal_emit_by_name (chart, "hit-activated", &hit);
  g_assert_true (gtk_widget_get_visible (search));
  g_signal_emit_by_name (search, "clicked");
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "search");
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, query);

  /* A mark of no theme has nothing to search for. */
  g_signal_emit_by_name (chart, "hit-activated", &heat);
  g_assert_false (gtk_widget_get_visible (search));
  gtk_window_destroy (GTK_WINDOW (window));
}

static IcChartWidget *
find_chart_of_kind (GtkWidget   *widget,
                    IcChartKind  kind)
{
  if (IC_IS_CHART_WIDGET (widget) && ic_chart_widget_get_kind (IC_CHART_WIDGET (widget)) == kind)
    return IC_CHART_WIDGET (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      IcChartWidget *found = find_chart_of_kind (c, kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Search view's rows: its authorities' headings joined by commas,
 * and how many passages. */
static char *
search_rows (IcWindow *window,
             guint    *n_passages)
{
  GListModel *rows = ic_search_view_get_rows (window->search_view);
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  *n_passages = 0;
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      const char *heading = ic_search_view_row_heading (row);

      if (heading != NULL)
        g_strv_builder_add (headings, heading);
      else
        (*n_passages)++;
    }
  names = g_strv_builder_end (headings);
  return g_strjoinv (", ", names);
}

/* A theme of the Charts view's themes chart, like a theme chip, searches
 * every report for the theme with the filters in force: its row (label
 * and bar) is a button named for that, one tab stop for all the themes
 * with the arrows walking them. */
static void
test_charts_theme_search (void)
{
  IcWindow *window = new_window_with_reports ();
  IcChartWidget *chart = find_chart_of_kind (GTK_WIDGET (window->charts_view), IC_CHART_THEMES);
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), "plans_and_planning");
  GtkWidget *target, *first;
  graphene_rect_t bounds;
  IcChartHit hit;
  GtkWidget *entry;
  g_autofree char *headings = NULL;
  guint passages;

  g_assert_nonnull (chart);
  /* A second theme, for the keyboard to walk to, in a report outside
   * the peer group chosen below. */
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
    IcReport *report = make_report ("/r/norfolk-2016.txt", "Norfolk", IC_INSPECTION_TYPE_ILACS,
                                    4, G_DATE_MAY, 2016, IC_GRADE_GOOD);
    g_autoptr(IcImprovement) item = ic_improvement_new_with_themes (
      "Support for care leavers.", IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
      (const char *[]) { "care_leavers", NULL });

    _ic_report_add_improvement (report, item);
    g_ptr_array_add (more, report);
    ic_report_store_add_batch (ic_window_get_store (window), more);
  }
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  ic_chart_widget_update (chart);
  wait_frames (5);

  target = find_widget_with_tooltip (GTK_WIDGET (chart), "Search every report for Plans and planning");
  g_assert_nonnull (target);
  g_assert_true (GTK_IS_BUTTON (target));
  g_assert_true (gtk_widget_get_parent (target) == GTK_WIDGET (chart));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (target)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  /* It lies over the theme's row as drawn: the pointer finds it there. */
  g_assert_true (gtk_widget_compute_bounds (target, GTK_WIDGET (chart), &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (GTK_WIDGET (chart)));
  g_assert_cmpfloat (bounds.size.height, >, 10);
  g_assert_true (ic_chart_hit_test (ic_chart_widget_get_chart (chart),
                                    gtk_widget_get_width (GTK_WIDGET (chart)),
                                    gtk_widget_get_height (GTK_WIDGET (chart)),
                                    bounds.origin.x + bounds.size.width / 2,
                                    bounds.origin.y + bounds.size.height / 2, &hit));
  g_assert_cmpstr (hit.theme, ==, "plans_and_planning");
  g_assert_true (gtk_widget_pick (GTK_WIDGET (chart), bounds.origin.x + bounds.size.width / 2,
                                  bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT) == target);

  /* Tab enters at the first theme, Down walks on, Tab leaves the group. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (chart), GTK_DIR_TAB_FORWARD));
  first = focus_of (window);
  g_assert_true (GTK_IS_BUTTON (first) && gtk_widget_get_parent (first) == GTK_WIDGET (chart));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (chart), GTK_DIR_DOWN));
  g_assert_true (focus_of (window) != first);
  g_assert_true (gtk_widget_get_parent (focus_of (window)) == GTK_WIDGET (chart));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (chart), GTK_DIR_TAB_FORWARD));

  /* With Greenwich's peer group chosen, the search finds the theme in
   * the group's reports only: two authorities, both pages of each. */
  ic_report_filter_set_peer (window->filter, "Greenwich");
  settle ();
  ic_chart_widget_update (chart);
  wait_frames (3);
  target = find_widget_with_tooltip (GTK_WIDGET (chart), "Search every report for Plans and planning");
  g_assert_nonnull (target);
  g_signal_emit_by_name (target, "clicked");
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "search");
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, query);
  headings = search_rows (window, &passages);
  g_test_message ("found in %s", headings);
  g_assert_nonnull (strstr (headings, "Greenwich"));
  g_assert_cmpuint (passages, ==, 4);
  /* The filters are kept in the settings, for the next window. */
  ic_report_filter_reset (window->filter);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long made-up report: 120 pages of filler, one passage on page 100,
 * far below the text's first screen. */
static IcReport *
make_long_report (void)
{
  IcReport *report = make_report ("/r/longshire-2023.txt", "Longshire", IC_INSPECTION_TYPE_ILACS,
                                   6, G_DATE_MARCH, 2023, IC_GRADE_GOOD);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 1; p <= 120; p++)
    {
      GString *page = g_string_new (NULL);

      for (guint line = 0; line < 40; line++)
        g_string_append_printf (page, "Filler line %u of made-up page %u about nothing much.\n", line, p);
      if (p == 100)
        g_string_append (page, "Inspectors saw a made-up passage about the purple lighthouse.\n");
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }
  g_ptr_array_add (pages, NULL);
  _ic_report_set_pages (report, (const char * const *) pages->pdata);
  return report;
}

/* Activating a search hit opens the report's page with the passage on
 * screen: its rectangle lies inside the text's visible area. In a window
 * of @width too narrow for details and text side by side, the text is
 * the pane shown. */
static void
search_hit_scrolls_at (int width,
                       int height)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *page;
  GtkTextView *view;
  GtkTextIter start, end;
  GdkRectangle visible, first, last;

  g_ptr_array_add (reports, make_long_report ());
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  wait_frames (10);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-passage", "(sus)",
                              "/r/longshire-2023.txt", 100, "made-up passage about the purple lighthouse");
  wait_frames (40);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  page = find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_REPORT_PAGE);
  view = GTK_TEXT_VIEW (find_child_of_type (page, GTK_TYPE_TEXT_VIEW));
  g_assert_true (ic_fold_paned_get_folded (IC_FOLD_PANED (find_child_of_type (page, IC_TYPE_FOLD_PANED)))
                 == (width < 700));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &start, &end));
  g_assert_cmpint (gtk_text_iter_get_line (&start), >, 3900);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);
  g_test_message ("passage at y %d–%d, visible %d–%d", first.y, last.y + last.height,
                  visible.y, visible.y + visible.height);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (first.y, >=, visible.y);
  g_assert_cmpint (last.y + last.height, <=, visible.y + visible.height);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_hit_scrolls (void)
{
  search_hit_scrolls_at (1200, 800);
}

/* Folded, the page opened on its details, the passage hidden (a report
 * with judgements folds at 800 pixels, this made-up one narrower). */
static void
test_search_hit_scrolls_narrow (void)
{
  search_hit_scrolls_at (600, 600);
}

static gboolean selected_passage_focused (gpointer data);
static gboolean focus_outside (gpointer data);

static guint selected_row (GtkWidget *list);

static gboolean
passage_selected (gpointer list)
{
  return selected_row (list) == 1;
}

/* Frames the window painted, counted on its frame clock. */
static void
count_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

/* The window as the next screenshot would take it: NULL when it has
 * not been drawn since it last changed. */
static GskRenderNode *
window_node (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

typedef struct
{
  GtkTextView *view;
  guint       *painted;
  guint        painted_at_open;
} HitShown;

/* The passage is selected and on screen, and the window has painted a
 * few frames since the hit was opened. */
static gboolean
hit_shown (gpointer data)
{
  HitShown *shown = data;
  GtkTextIter start, end;
  GdkRectangle visible, first;

  if (*shown->painted < shown->painted_at_open + 5 || !gtk_widget_get_mapped (GTK_WIDGET (shown->view)) ||
      !gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (shown->view), &start, &end))
    return FALSE;
  gtk_text_view_get_visible_rect (shown->view, &visible);
  gtk_text_view_get_iter_location (shown->view, &start, &first);
  return visible.y > 0 && first.y >= visible.y && first.y + first.height <= visible.y + visible.height;
}

/* A hit opened from the keyboard (Tab into the results, Enter on the
 * passage, the focus ring on): the report page is drawn, frame after
 * frame, with the passage selected and scrolled to. */
static void
test_search_hit_keyboard (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *list, *entry, *focus;
  g_autoptr(GskRenderNode) node = NULL;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  guint painted = 0;
  HitShown shown = { NULL, &painted, 0 };

  g_ptr_array_add (reports, make_long_report ());
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (count_paint_cb), &painted);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "purple lighthouse");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_GRID_VIEW);
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));

  /* The heading and the passage, the passage selected. */
  g_assert_true (run_until (passage_selected, list));
  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < 5 && focus_outside (list); i++)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_true (run_until (selected_passage_focused, list));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  wait_frames (5);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE);

  shown.painted_at_open = painted;
  g_assert_true (press_binding (focus, GDK_KEY_Return, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  shown.view = GTK_TEXT_VIEW (find_child_of_type (GTK_WIDGET (window->reports_view), GTK_TYPE_TEXT_VIEW));
  g_assert_true (run_until (hit_shown, &shown));
  g_test_message ("%u frames painted after opening the hit", painted - shown.painted_at_open);
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (shown.view), &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (selected, "purple lighthouse"));
  g_assert_cmpint (gtk_text_iter_get_line (&start), >, 3900);
  /* Settled, the window keeps what it drew: a screenshot has it. */
  settle ();
  node = window_node (GTK_WIDGET (window));
  g_assert_nonnull (node);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        count_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard goes where the user went: Alt+1–4 into the view shown,
 * opening a report to its page, Back to where it was opened from. */
static void
test_focus_follows (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReport *report = ic_report_store_get_report (ic_window_get_store (window), 0);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (10);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_assert_nonnull (focus_of (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->timeline_view)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->charts_view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", ic_report_get_source (report));
  page = find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_REPORT_PAGE);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), page));
  /* Back returns where the report was opened from: the charts. */
  gtk_widget_activate_action (GTK_WIDGET (window->reports_view), "reports.back", NULL);
  g_assert_nonnull (focus_of (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "charts");
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->charts_view)));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), page));

  /* Opened from the list, Back returns to the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", ic_report_get_source (report));
  gtk_widget_activate_action (GTK_WIDGET (window->reports_view), "reports.back", NULL);
  g_assert_nonnull (focus_of (window));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (window->reports_view)));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), page));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window (shown by win.show-help-overlay) parses. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/InspectionCompare/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* The screen readers' announcer (an "alert" label). */
static GtkWidget *
find_alert_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_alert_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window with the application's own style sheet, as a user sees it
 * (the tests otherwise run without it): no widget measures a negative
 * size (GTK's warning is fatal here), and the announcer takes no room
 * from the window's content. */
static void
test_app_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();
  FrameCount frames = { 0, 3 };
  IcWindow *window;
  GtkWidget *announcer, *overlay, *content;

  gtk_css_provider_load_from_resource (css, "/io/github/InspectionCompare/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = ic_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  g_assert_true (run_until (frames_passed, &frames));

  announcer = find_alert_label (GTK_WIDGET (window));
  g_assert_nonnull (announcer);
  g_assert_true (gtk_widget_get_mapped (announcer));
  overlay = gtk_widget_get_parent (announcer);
  g_assert_true (GTK_IS_OVERLAY (overlay));
  content = gtk_overlay_get_child (GTK_OVERLAY (overlay));
  g_assert_cmpint (gtk_widget_get_height (content), ==, gtk_widget_get_height (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (css));
}

/* Details of "N files could not be read" name each file and reason. */
static void
test_failures_dialog (void)
{
  g_autoptr(GListStore) failures = g_list_store_new (IC_TYPE_FAILURE);
  g_autoptr(IcFailure) a = ic_failure_new ("/x/web-page.pdf", "not a PDF: it is a web page");
  g_autoptr(IcFailure) b = ic_failure_new ("/x/scan.pdf", "the PDF has no text");
  GtkWidget *dialog;
  GtkWidget *list;
  guint rows = 0;

  g_list_store_append (failures, a);
  g_list_store_append (failures, b);
  dialog = ic_failures_dialog_new (NULL, G_LIST_MODEL (failures), 3);
  list = find_child_of_type (dialog, GTK_TYPE_LIST_BOX);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    {
      g_assert_true (ADW_IS_ACTION_ROW (c));
      rows++;
    }
  g_assert_cmpuint (rows, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list))),
                   ==, "web-page.pdf");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "2 Files Could Not Be Read");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "These files were skipped. The other reports were read as usual.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Every file failed: the dialog must not speak of "the other reports". */
  dialog = ic_failures_dialog_new (NULL, G_LIST_MODEL (failures), 0);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "These files were skipped. No report could be read.");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
wait_until_loaded (IcWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);

  /* Let the load start, then run the main loop as the app would. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (ic_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_assert_false (ic_window_get_loading (window));
}

static void
test_corpus (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *pdf = NULL;
  g_autofree char *bad = ic_test_fixture_path ("web-page-saved-as.pdf");
  IcWindow *window;
  IcMatrixView *matrix;
  IcReportsView *reports;
  GListModel *failures;
  GFile *files[3];
  gboolean named = FALSE;

  if (seeds == NULL)
    return;
  pdf = ic_test_corpus_path ("pdf");
  if (pdf == NULL)
    return;

  window = ic_window_new (NULL);
  matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  ic_report_filter_reset (window->filter);

  /* The same call Open Folder, drops and the command line make. */
  files[0] = g_file_new_for_path (seeds);
  files[1] = g_file_new_for_path (pdf);
  files[2] = g_file_new_for_path (bad);
  ic_window_open (window, files, 3);
  g_assert_true (ic_window_get_loading (window));
  wait_until_loaded (window);

  /* 5 seed texts and 11 PDFs, each its own report. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window))), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (ic_reports_view_get_rows (reports)), ==, 16);
  ic_matrix_view_set_latest_only (matrix, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (matrix)), ==, 16);

  failures = ic_report_store_get_failures (ic_window_get_store (window));
  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      g_test_message ("failure: %s: %s", ic_failure_get_source (failure),
                      ic_failure_get_reason (failure));
      if (g_str_has_suffix (ic_failure_get_source (failure), "web-page-saved-as.pdf"))
        named = ic_failure_get_reason (failure)[0] != '\0';
    }
  g_assert_true (named);

  /* Seed 001 raises seed 000's front-door point again (a recurrence): its
   * page links back to the earlier report. */
  {
    IcReportStore *store = ic_window_get_store (window);
    IcReport *later = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
      {
        IcReport *r = ic_report_store_get_report (store, i);

        if (strstr (ic_report_get_source (r), "001_") != NULL)
          later = r;
      }
    g_assert_nonnull (later);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                                ic_report_get_source (later));
    g_assert_true (ic_reports_view_get_report (reports) == later);
    g_assert_cmpuint (count_links (GTK_WIDGET (reports), "Raised before"), >, 0);
  }

  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

static gboolean
matrix_has_rows (gpointer matrix)
{
  return shown_rows (matrix) > 0;
}

static gboolean
matrix_complete (gpointer window)
{
  GtkWidget *matrix = find_child_of_type (window, IC_TYPE_MATRIX_VIEW);

  return shown_rows (matrix) == g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window)));
}

static gboolean
list_complete (gpointer list)
{
  return shown_rows (list) == g_list_model_get_n_items (
    ic_window_get_reports (IC_WINDOW (gtk_widget_get_root (list))));
}

static gboolean
timeline_has_links (gpointer widget)
{
  IcChart *chart = ic_chart_widget_get_chart (widget);

  return chart != NULL && chart->links->len > 0;
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The rows a view shows are exactly those @filter lets through; with
 * @one_per_authority, one row for each authority among them. */
static void
assert_rows_exact (GtkWidget      *view,
                   IcReportStore  *store,
                   IcReportFilter *filter,
                   gboolean        one_per_authority)
{
  GListModel *shown = shown_model (view);
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) authorities = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_shown = g_list_model_get_n_items (shown);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);

      if (ic_report_filter_match_report (filter, report))
        {
          g_hash_table_add (expected, report);
          g_hash_table_add (authorities, (gpointer) ic_report_get_authority (report));
        }
    }
  g_assert_cmpuint (n_shown, ==, one_per_authority ? g_hash_table_size (authorities)
                                                   : g_hash_table_size (expected));
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (shown, i);

      g_assert_true (g_hash_table_contains (expected, report));
    }
}

/* After any filter change, the rows on screen are exactly the matching
 * ones after one turn of the main loop, in the matrix (all reports or
 * the latest of each authority) and in the list of reports, at the
 * scale of the national archive. */
static void
test_filter_exact_at_scale (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  IcReportFilter *filter = window->filter;
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GtkWidget *list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);

  ic_report_filter_reset (filter);
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  fill_store_at_scale (store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (widget_mapped, matrix));

  for (guint step = 0; step < 9; step++)
    {
      gboolean latest = step == 7;

      ic_report_filter_reset (filter);
      switch (step)
        {
        case 0: ic_report_filter_set_search (filter, "trafford"); break;
        case 1: ic_report_filter_set_region (filter, "London"); break;
        case 2: ic_report_filter_set_peer (filter, "Greenwich"); break;
        case 3: ic_report_filter_set_type_key (filter, "focused_visit"); break;
        case 4: ic_report_filter_set_from_year (filter, 2023); break;
        case 5: ic_report_filter_set_to_year (filter, 2015); break;
        case 6: ic_report_filter_set_region (filter, "North West");
                ic_report_filter_set_from_year (filter, 2020); break;
        default: break;
        }
      ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), latest);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
      g_main_context_iteration (NULL, FALSE);
      assert_rows_exact (matrix, store, filter, latest);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
      g_main_context_iteration (NULL, FALSE);
      assert_rows_exact (list, store, filter, FALSE);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
chart_current (gpointer widget)
{
  return ic_chart_widget_is_current (widget);
}

static char *
link_key (const IcChartLink *link)
{
  return g_strdup_printf ("%s|%s|%u|%u|%u|%d|%d|%u", link->authority, link->theme,
                          g_date_get_julian (&link->earlier), g_date_get_julian (&link->later),
                          link->times_raised, link->carried_forward, link->mark_only, link->item);
}

/* The joins the analysis finds among every report of @store of the
 * authorities of @shown, picked for @shown: a date filter hides reports,
 * not the times an area was raised (README, "Recurrences"). */
static GPtrArray *
links_of_every_loaded (IcReportStore *store,
                       GListModel    *shown)
{
  g_autoptr(GHashTable) authorities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListStore) loaded = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GPtrArray) all = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (shown, i);

      g_hash_table_add (authorities, (gpointer) ic_report_get_authority (report));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    if (g_hash_table_contains (authorities, ic_report_get_authority (ic_report_store_get_report (store, i))))
      g_list_store_append (loaded, ic_report_store_get_report (store, i));
  all = ic_chart_links_find (G_LIST_MODEL (loaded));
  return ic_chart_links_pick (all, shown);
}

/* @chart was prepared for exactly the reports @filter lets through, and
 * a timeline with the joins the analysis finds among every loaded
 * report of their authorities; returns how many joins it draws. */
static guint
assert_chart_exact (IcChartWidget  *widget,
                    IcReportStore  *store,
                    IcReportFilter *filter)
{
  IcChart *chart = ic_chart_widget_get_chart (widget);
  g_autoptr(GListStore) expected = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (ic_chart_widget_is_current (widget));
  g_assert_false (ic_chart_widget_is_stale (widget));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    if (ic_report_filter_match_report (filter, ic_report_store_get_report (store, i)))
      g_list_store_append (expected, ic_report_store_get_report (store, i));
  g_assert_cmpuint (chart->reports->len, ==, g_list_model_get_n_items (G_LIST_MODEL (expected)));
  for (guint i = 0; i < chart->reports->len; i++)
    g_assert_true (g_list_store_find (expected, g_ptr_array_index (chart->reports, i), NULL));
  if (ic_chart_get_kind (chart) != IC_CHART_TIMELINE)
    return 0;

  links = links_of_every_loaded (store, G_LIST_MODEL (expected));
  g_assert_cmpuint (chart->links->len, ==, links->len);
  for (guint i = 0; i < links->len; i++)
    g_hash_table_add (keys, link_key (g_ptr_array_index (links, i)));
  for (guint i = 0; i < chart->links->len; i++)
    {
      g_autofree char *key = link_key (g_ptr_array_index (chart->links, i));

      g_assert_true (g_hash_table_contains (keys, key));
    }
  return links->len;
}

/* fill_store_at_scale()'s 900 reports, each also raising an area its
 * authority's other reports raise, so that the timeline has joins. */
static void
fill_store_recurring_at_scale (IcReportStore *store)
{
  g_autoptr(IcReportStore) scale = ic_report_store_new ();
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  fill_store_at_scale (scale);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (scale)); i++)
    {
      IcReport *shape = ic_report_store_get_report (scale, i);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of return home interviews for children who go missing.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { "exploitation_and_missing", NULL });
      IcReport *report = make_report (ic_report_get_source (shape), ic_report_get_authority (shape),
                                      ic_report_get_inspection_type (shape),
                                      g_date_get_day (ic_report_get_end_date (shape)),
                                      g_date_get_month (ic_report_get_end_date (shape)),
                                      g_date_get_year (ic_report_get_end_date (shape)),
                                      ic_report_get_grade (shape, IC_AREA_OVERALL_EFFECTIVENESS));

      _ic_report_add_improvement (report, item);
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (store, reports);
}

static void
set_filter_step (IcReportFilter *filter,
                 guint           step)
{
  ic_report_filter_reset (filter);
  switch (step)
    {
    case 0: ic_report_filter_set_search (filter, "trafford"); break;
    case 1: ic_report_filter_set_region (filter, "London"); break;
    case 2: ic_report_filter_set_peer (filter, "Greenwich"); break;
    case 3: ic_report_filter_set_type_key (filter, "focused_visit"); break;
    default: break;
    }
}

/* After a filter change, the timeline and the charts on screen are
 * prepared for exactly the matching reports within a few turns of the
 * main loop at the scale of the national archive (no wait for a pause
 * in the changes), the timeline's joins being those of its authorities'
 * loaded reports, picked for those shown. A filter that cuts
 * authorities' histories (a year) needs no joins found anew. */
static void
test_charts_filter_at_scale (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  IcReportFilter *filter = window->filter;
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  GtkWidget *charts = find_child_of_type (GTK_WIDGET (window), IC_TYPE_CHARTS_VIEW);
  IcChartWidget *timeline_chart = IC_CHART_WIDGET (find_child_of_type (timeline, IC_TYPE_CHART_WIDGET));
  IcChartWidget *grades = find_chart_of_kind (charts, IC_CHART_GRADES);
  IcChartWidget *themes = find_chart_of_kind (charts, IC_CHART_THEMES);

  ic_report_filter_reset (filter);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  fill_store_recurring_at_scale (store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (widget_mapped, timeline_chart));
  /* Reports arriving are prepared after a pause, in a worker. */
  g_assert_true (run_until (chart_current, timeline_chart));

  for (guint step = 0; step < 5; step++)
    {
      set_filter_step (filter, step);
      for (guint turn = 0; turn < 3; turn++)
        g_main_context_iteration (NULL, FALSE);
      /* One focused visit per authority (step 3): its item still says
       * it was raised before, in the reports of other types. */
      g_assert_cmpuint (assert_chart_exact (timeline_chart, store, filter), >, 0);
    }

  /* A year cuts the histories shown, not those the joins are found in:
   * the chart is current at once. */
  ic_report_filter_set_from_year (filter, 2020);
  for (guint turn = 0; turn < 3; turn++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (assert_chart_exact (timeline_chart, store, filter), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  g_assert_true (run_until (widget_mapped, grades));
  for (guint step = 0; step < 5; step++)
    {
      set_filter_step (filter, step);
      for (guint turn = 0; turn < 3; turn++)
        g_main_context_iteration (NULL, FALSE);
      assert_chart_exact (grades, store, filter);
      assert_chart_exact (themes, store, filter);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* fill_store_at_scale()'s 900 reports, each raising one more theme of
 * the taxonomy, a different one from report to report, so that the
 * themes chart's rows and their order change with the filter. */
static void
fill_store_themed_at_scale (IcReportStore *store)
{
  g_autoptr(GPtrArray) reports = make_reports_at_scale ();
  const char * const *keys = _ic_theme_keys ();
  guint n_keys = g_strv_length ((char **) keys);

  for (guint i = 0; i < reports->len; i++)
    {
      const char *theme = keys[(i * 7 + i / 6) % n_keys];
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("An area for improvement.", IC_ITEM_KIND_IMPROVEMENT,
                                        IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { theme, NULL });

      _ic_report_add_improvement (g_ptr_array_index (reports, i), item);
    }
  ic_report_store_add_batch (store, reports);
}

/* The Charts page's four charts are prepared, and laid out. */
static gboolean
charts_current (gpointer charts)
{
  for (IcChartKind kind = IC_CHART_GRADES; kind < IC_N_CHART_KINDS; kind++)
    {
      IcChartWidget *chart = find_chart_of_kind (charts, kind);

      if (!ic_chart_widget_is_current (chart) || gtk_widget_get_width (GTK_WIDGET (chart)) == 0)
        return FALSE;
    }
  return TRUE;
}

static cairo_surface_t *
draw_chart (IcChart *chart,
            int      width,
            int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  ic_chart_draw (chart, cr, width, height, ic_palette_get_screen (FALSE));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The chart @widget shows has the numbers, and draws the picture, of a
 * chart prepared now from the reports its model holds: nothing it
 * counted is of reports as they were before a filter change or a
 * correction. */
static void
assert_chart_fresh (IcChartWidget *widget)
{
  IcChart *shown = ic_chart_widget_get_chart (widget);
  IcChartKind kind = ic_chart_widget_get_kind (widget);
  g_autoptr(GPtrArray) no_links = g_ptr_array_new ();
  /* The history draws the authorities the view chose (a peer group), or
   * picks them itself; its note says which, so the fresh chart is told
   * the same. */
  IcChartOptions options = { .latest_only = kind == IC_CHART_GRADES, .links = no_links,
                             .font_size = shown->font_size,
                             .authorities = ic_chart_widget_get_authorities (widget) };
  g_autoptr(IcChart) fresh = NULL;
  g_autoptr(GPtrArray) shown_table = ic_chart_get_table (shown);
  g_autoptr(GPtrArray) fresh_table = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (widget));
  int height = gtk_widget_get_height (GTK_WIDGET (widget));
  cairo_surface_t *a, *b;

  g_assert_true (ic_chart_widget_is_current (widget));
  fresh = ic_chart_new (kind, ic_chart_widget_get_model (widget), &options);
  fresh_table = ic_chart_get_table (fresh);
  g_assert_cmpuint (shown_table->len, ==, fresh_table->len);
  for (guint i = 0; i < fresh_table->len; i++)
    g_assert_true (g_strv_equal (g_ptr_array_index (shown_table, i), g_ptr_array_index (fresh_table, i)));

  g_assert_cmpint (width, >, 0);
  a = draw_chart (shown, width, height);
  b = draw_chart (fresh, width, height);
  g_assert_cmpmem (cairo_image_surface_get_data (a), cairo_image_surface_get_stride (a) * height,
                   cairo_image_surface_get_data (b), cairo_image_surface_get_stride (b) * height);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
assert_charts_fresh (GtkWidget *charts)
{
  for (IcChartKind kind = IC_CHART_GRADES; kind < IC_N_CHART_KINDS; kind++)
    assert_chart_fresh (find_chart_of_kind (charts, kind));
}

/* What the Charts page counts is counted when each chart is prepared,
 * once, not as it is drawn: after each filter change, and after a
 * correction of a report the charts show, the four charts have the
 * numbers and draw the picture of charts prepared anew from the
 * reports shown. */
static void
test_charts_counts_current (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  IcReportFilter *filter = window->filter;
  GtkWidget *charts = find_child_of_type (GTK_WIDGET (window), IC_TYPE_CHARTS_VIEW);
  IcChartWidget *grades = find_chart_of_kind (charts, IC_CHART_GRADES);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(IcReport) corrected = NULL;
  IcGrade grade;

  ic_report_filter_reset (filter);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  fill_store_themed_at_scale (store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (widget_mapped, grades));
  g_assert_true (run_until (charts_current, charts));

  for (guint step = 0; step < 5; step++)
    {
      set_filter_step (filter, step);
      for (guint turn = 0; turn < 3; turn++)
        g_main_context_iteration (NULL, FALSE);
      assert_charts_fresh (charts);
    }

  /* The latest graded report of the first authority, its overall grade
   * corrected: the grades chart's first bar changes. */
  before = ic_chart_get_table (ic_chart_widget_get_chart (grades));
  corrected = g_object_ref (g_ptr_array_index (ic_chart_widget_get_chart (grades)->rows, 0));
  grade = ic_report_get_grade (corrected, IC_AREA_OVERALL_EFFECTIVENESS) == IC_GRADE_GOOD
    ? IC_GRADE_INADEQUATE : IC_GRADE_GOOD;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              ic_report_get_content_id (corrected), "grade.overall_effectiveness",
                              ic_grade_to_key (grade));
  g_assert_cmpint (ic_report_get_grade (corrected, IC_AREA_OVERALL_EFFECTIVENESS), ==, grade);
  g_assert_true (run_until (charts_current, charts));
  assert_charts_fresh (charts);
  after = ic_chart_get_table (ic_chart_widget_get_chart (grades));
  g_assert_false (g_strv_equal (g_ptr_array_index (before, 1), g_ptr_array_index (after, 1)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The themes chart's buttons are its rows', in their order, each
 * leading to its theme's search; returns them by tooltip. */
static GHashTable *
assert_theme_targets_follow (IcChartWidget *themes)
{
  GArray *marks = ic_chart_widget_get_marks (themes);
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (themes)); c; c = gtk_widget_get_next_sibling (c), i++)
    {
      IcChartMark *mark = &g_array_index (marks, IcChartMark, i);
      g_autofree char *tooltip = g_strdup_printf ("Search every report for %s",
                                                  ic_theme_get_label (mark->hit.theme));

      g_assert_cmpuint (i, <, marks->len);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (c), ==, tooltip);
      g_hash_table_insert (targets, g_steal_pointer (&tooltip), c);
    }
  g_assert_cmpuint (i, ==, marks->len);
  return targets;
}

/* A filter change mostly shows the same themes again: their buttons
 * over the themes chart are kept (each new one asks the X server where
 * the pointer is, for its tooltip), moved into the new order of the
 * rows. */
static void
test_charts_theme_targets_kept (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportFilter *filter = window->filter;
  GtkWidget *charts = find_child_of_type (GTK_WIDGET (window), IC_TYPE_CHARTS_VIEW);
  IcChartWidget *themes = find_chart_of_kind (charts, IC_CHART_THEMES);
  g_autoptr(GHashTable) all = NULL;
  guint n_kept = 0;

  ic_report_filter_reset (filter);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  fill_store_themed_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (charts_current, charts));
  all = assert_theme_targets_follow (themes);
  g_assert_cmpuint (g_hash_table_size (all), >, 10);

  for (guint step = 0; step < 5; step++)
    {
      g_autoptr(GHashTable) shown = NULL;
      GHashTableIter iter;
      gpointer tooltip, target;

      set_filter_step (filter, step);
      for (guint turn = 0; turn < 3; turn++)
        g_main_context_iteration (NULL, FALSE);
      g_assert_true (ic_chart_widget_is_current (themes));
      shown = assert_theme_targets_follow (themes);
      g_hash_table_iter_init (&iter, shown);
      while (g_hash_table_iter_next (&iter, &tooltip, &target))
        {
          g_assert_true (g_hash_table_lookup (all, tooltip) == target);
          n_kept++;
        }
    }
  g_assert_cmpuint (n_kept, >, g_hash_table_size (all));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gboolean painted;
} Painted;

static void
after_paint_cb (GdkFrameClock *clock,
                Painted       *painted)
{
  painted->painted = TRUE;
}

static gboolean
was_painted (gpointer data)
{
  return ((Painted *) data)->painted;
}

/* The status line under the search entry ("900 passages in 900 reports"). */
static GtkLabel *
find_status_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_status_label (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the core finds for @text in the window's reports, as the status
 * line words it. */
static char *
core_status (IcWindow   *window,
             const char *text)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (text);
  g_autoptr(GArray) hits = ic_search_run (ic_window_get_reports (window), query);
  g_autoptr(GHashTable) reports = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (reports, g_array_index (hits, IcSearchHit, i).report);
  return g_strdup_printf ("%u passages in %u reports", hits->len, g_hash_table_size (reports));
}

/* The first frame after a query shows that query's results: the count
 * the core finds, and on screen only passages of the new query, each
 * laid out; passages kept for rows off screen are not laid out (that is
 * what makes the first frame quick). */
static void
test_search_first_frame (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *list;
  GdkFrameClock *clock;
  Painted painted = { FALSE };
  g_autofree char *expected = NULL;
  graphene_rect_t shown;
  guint n_visible = 0, n_laid_out = 0, n_rows = 0;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "planning");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_GRID_VIEW);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  g_assert_true (run_until (was_painted, &painted));

  /* Every report says "planning" on both pages, "page one" on one. */
  painted.painted = FALSE;
  ic_search_view_search (window->search_view, "\"page one\"");
  g_assert_true (run_until (was_painted, &painted));
  g_clear_signal_handler (&handler, clock);

  expected = core_status (window, "\"page one\"");
  g_assert_cmpstr (expected, ==, "900 passages in 900 reports");
  g_assert_cmpstr (gtk_label_get_label (find_status_label (GTK_WIDGET (window->search_view))), ==, expected);
  g_assert_true (gtk_widget_compute_bounds (list, list, &shown));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      IcPassageText *passage = IC_PASSAGE_TEXT (find_child_of_type (row, IC_TYPE_PASSAGE_TEXT));
      GtkWidget *heading = gtk_widget_get_prev_sibling (GTK_WIDGET (passage));
      graphene_rect_t bounds;

      /* An authority's heading: six reports, one passage each. */
      if (gtk_widget_get_visible (heading) &&
          gtk_widget_compute_bounds (heading, list, &bounds) &&
          graphene_rect_intersection (&bounds, &shown, NULL))
        g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (heading)), ", 6 passages"));
      if (!gtk_widget_get_visible (GTK_WIDGET (passage)))
        continue;
      n_rows++;
      n_laid_out += ic_passage_text_get_laid_out (passage) != NULL;
      if (!gtk_widget_compute_bounds (GTK_WIDGET (passage), list, &bounds) ||
          !graphene_rect_intersection (&bounds, &shown, NULL))
        continue;
      n_visible++;
      g_assert_nonnull (ic_passage_text_get_laid_out (passage));
      g_assert_nonnull (strstr (ic_passage_text_get_text (passage), "Page one mentions planning"));
      /* Each report's text is the same two sentences: a row left from
       * "planning" would highlight that word instead. */
      g_assert_nonnull (strstr (ic_passage_text_get_laid_out (passage), ">Page one</span>"));
      g_assert_null (strstr (ic_passage_text_get_laid_out (passage), ">planning</span>"));
    }
  g_test_message ("%u passage rows kept, %u on screen, %u laid out", n_rows, n_visible, n_laid_out);
  g_assert_cmpuint (n_visible, >=, 5);
  g_assert_cmpuint (n_rows, >, 2 * n_visible);
  g_assert_cmpuint (n_laid_out, <=, n_visible + 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A key pressed on a row of @list, as GTK passes it on: first to the
 * list's key controllers of the capture phase, then to the bindings. */
static gboolean
press_list_key (GtkWidget       *list,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
    }
  return handled || press_binding (list, keyval, modifiers);
}

/* The focused row of the result list shows a passage (not a heading)
 * and lies inside the list's window. */
static gboolean
focused_passage_shown (gpointer data)
{
  GtkWidget *list = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  graphene_rect_t bounds;

  if (focus == NULL || gtk_widget_get_parent (focus) != list)
    return FALSE;
  if (find_child_of_type (focus, IC_TYPE_PASSAGE_TEXT) == NULL
      || !gtk_widget_get_visible (find_child_of_type (focus, IC_TYPE_PASSAGE_TEXT)))
    return FALSE;
  if (!gtk_widget_compute_bounds (focus, list, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
}

/* The last passage of a long result is reached by the keyboard and
 * scrolled into view whole, and the one before it: rows of different
 * heights (headings, passages) in the one-column grid. */
static void
test_search_keyboard (void)
{
  IcWindow *window = ic_window_new (NULL);
  GListModel *rows = ic_search_view_get_rows (window->search_view);
  GtkWidget *list;
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "planning");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_GRID_VIEW);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1950);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  settle ();

  g_assert_true (press_list_key (list, GDK_KEY_End, 0));
  g_assert_true (run_until (focused_passage_shown, list));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1);

  /* Up: the passage before it, still in view. */
  g_assert_true (press_list_key (list, GDK_KEY_Up, 0));
  settle ();
  g_assert_true (focused_passage_shown (list));
  /* And scrolled back, the list's top. */
  gtk_adjustment_set_value (adjustment, 0);
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Row @position's heading, or NULL for a passage. */
static char *
row_heading (GListModel *rows,
             guint       position)
{
  g_autoptr(GObject) row = g_list_model_get_item (rows, position);

  return g_strdup (ic_search_view_row_heading (row));
}

static gboolean
adjustment_at_top (gpointer adjustment)
{
  return gtk_adjustment_get_value (adjustment) <= 0;
}

static guint
selected_row (GtkWidget *list)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (GTK_GRID_VIEW (list))));
}

/* The focused row is the selected one, a passage, in view. */
static gboolean
selected_passage_focused (gpointer data)
{
  GtkWidget *list = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  return focused_passage_shown (list) &&
         (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) != 0;
}

/* Presses @keyval on the focused row and waits for the focus to land on
 * the passage at @expected. */
static void
assert_key_moves_to (GtkWidget       *list,
                     guint            keyval,
                     GdkModifierType  modifiers,
                     guint            expected)
{
  g_assert_true (press_list_key (list, keyval, modifiers));
  g_assert_true (run_until (selected_passage_focused, list));
  g_assert_cmpuint (selected_row (list), ==, expected);
}

static gboolean
focus_outside (gpointer data)
{
  GtkWidget *list = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  return focus != NULL && focus != list && !gtk_widget_is_ancestor (focus, list) &&
         focus != gtk_widget_get_parent (list);
}

/* Headings (an authority, rows 0, 13, 26, …; 12 passages each) are rows
 * that cannot take the focus: the keys pass over them to passages, the
 * first passage is what is selected when results come, what Tab into
 * the list focuses and what Enter in the entry opens. */
static void
test_search_keyboard_headings (void)
{
  IcWindow *window = ic_window_new (NULL);
  GListModel *rows = ic_search_view_get_rows (window->search_view);
  GtkWidget *entry, *list;
  GtkAdjustment *adjustment;
  g_autoptr(GObject) first = NULL;
  const char *source;
  guint page;
  g_autofree char *passage = NULL;
  g_autofree char *heading = NULL;
  IcReportPage *report_page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "planning");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_GRID_VIEW);
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1950);
  heading = row_heading (rows, 0);
  g_assert_nonnull (heading);

  /* The first passage is selected, not its heading. */
  g_assert_cmpuint (selected_row (list), ==, 1);

  /* Tab from the entry reaches the list at the first passage. */
  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < 5 && focus_outside (list); i++)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_false (focus_outside (list));
  g_assert_true (run_until (selected_passage_focused, list));
  g_assert_cmpuint (selected_row (list), ==, 1);

  /* Down from an authority's last passage to the next one's first. */
  for (guint i = 2; i <= 12; i++)
    assert_key_moves_to (list, GDK_KEY_Down, 0, i);
  assert_key_moves_to (list, GDK_KEY_Down, 0, 14);
  /* Its ring shows (as after a real key press). */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_cmphex (gtk_widget_get_state_flags (gtk_root_get_focus (GTK_ROOT (window))) &
                   (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE), ==,
                   GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE);
  assert_key_moves_to (list, GDK_KEY_Up, 0, 12);
  assert_key_moves_to (list, GDK_KEY_Down, 0, 14);

  /* Page Down goes a screenful on, to a passage. */
  g_assert_true (press_list_key (list, GDK_KEY_Page_Down, 0));
  g_assert_true (run_until (selected_passage_focused, list));
  g_assert_cmpuint (selected_row (list), >, 14 + 3);
  g_clear_pointer (&heading, g_free);
  heading = row_heading (rows, selected_row (list));
  g_assert_null (heading);

  /* End and Home, with and without Ctrl; Home shows the first heading. */
  assert_key_moves_to (list, GDK_KEY_End, 0, 1949);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  assert_key_moves_to (list, GDK_KEY_Home, 0, 1);
  g_assert_true (run_until (adjustment_at_top, adjustment));
  assert_key_moves_to (list, GDK_KEY_End, GDK_CONTROL_MASK, 1949);
  g_assert_true (press_list_key (list, GDK_KEY_Page_Up, 0));
  g_assert_true (run_until (selected_passage_focused, list));
  g_assert_cmpuint (selected_row (list), <, 1949 - 3);
  assert_key_moves_to (list, GDK_KEY_Home, GDK_CONTROL_MASK, 1);
  assert_key_moves_to (list, GDK_KEY_Page_Up, 0, 1);
  assert_key_moves_to (list, GDK_KEY_Up, 0, 1);

  /* Tab leaves the list in one step, not to the next passage. */
  g_assert_true (press_list_key (list, GDK_KEY_Tab, 0));
  g_assert_true (focus_outside (list));

  /* Enter in the entry opens the selected passage's report. */
  first = g_list_model_get_item (rows, 1);
  g_assert_true (ic_search_view_row_passage (first, &source, &page, &passage));
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  report_page = IC_REPORT_PAGE (find_child_of_type (GTK_WIDGET (window->reports_view), IC_TYPE_REPORT_PAGE));
  g_assert_cmpstr (ic_report_get_source (ic_report_page_get_report (report_page)), ==, source);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Counts the rows the Search view's model makes. */
static guint rows_made;
static gpointer (*make_row) (GListModel *model,
                             guint       position);

static gpointer
count_made_row (GListModel *model,
                guint       position)
{
  rows_made++;
  return make_row (model, position);
}

/* A query makes row objects for the rows the list keeps widgets for (a
 * screenful),
 * not for every row of its result (GTK 4.8's list, told in one change
 * that every row was replaced, looked for its place at each new row,
 * making them all); and each row is the core's passage at that
 * position, under its authority's heading. */
static void
test_search_rows_made (void)
{
  IcWindow *window = ic_window_new (NULL);
  GListModel *rows = ic_search_view_get_rows (window->search_view);
  GListModelInterface *iface = G_TYPE_INSTANCE_GET_INTERFACE (rows, G_TYPE_LIST_MODEL, GListModelInterface);
  g_autoptr(IcSearchQuery) query = ic_search_query_new ("planning");
  g_autoptr(GArray) hits = NULL;
  GtkWidget *list;
  GdkFrameClock *clock;
  Painted painted = { FALSE };
  g_autofree char *authority = NULL;
  GtkAdjustment *adjustment;
  guint n_widgets = 0, n_passages = 0, n_headings = 0;
  gulong handler;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_search (window->search_view, "\"page one\"");
  settle ();
  list = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_GRID_VIEW);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, list));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  g_assert_true (run_until (was_painted, &painted));

  /* From one broad result to another, read further down: every row
   * replaced. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  gtk_adjustment_set_value (adjustment, 3000);
  painted.painted = FALSE;
  g_assert_true (run_until (was_painted, &painted));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  painted.painted = FALSE;
  make_row = iface->get_item;
  iface->get_item = count_made_row;
  ic_search_view_search (window->search_view, "planning");
  g_assert_true (run_until (was_painted, &painted));
  iface->get_item = make_row;
  g_clear_signal_handler (&handler, clock);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n_widgets += find_child_of_type (row, IC_TYPE_PASSAGE_TEXT) != NULL;
  g_test_message ("%u rows, %u made, %u kept as widgets", g_list_model_get_n_items (rows), rows_made, n_widgets);
  g_assert_cmpuint (n_widgets, >, 0);
  g_assert_cmpuint (rows_made, <=, 3 * n_widgets);
  g_assert_cmpuint (rows_made, <, g_list_model_get_n_items (rows) / 4);
  /* A screenful, not the 200 rows GTK 4.8's list view keeps widgets
   * for: the result list is a grid view of one column. */
  g_assert_cmpuint (rows_made, <=, 100);
  /* The new result from its top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Every position: the core's passages in order, each authority's
   * under one heading. */
  hits = ic_search_run (ic_window_get_reports (window), query);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      const char *source;
      guint page;
      g_autofree char *passage = NULL;
      IcSearchHit *hit;

      if (ic_search_view_row_heading (row) != NULL)
        {
          g_assert_cmpstr (ic_search_view_row_heading (row), !=, authority);
          g_free (authority);
          authority = g_strdup (ic_search_view_row_heading (row));
          n_headings++;
          continue;
        }
      g_assert_true (ic_search_view_row_passage (row, &source, &page, &passage));
      g_assert_cmpuint (n_passages, <, hits->len);
      hit = &g_array_index (hits, IcSearchHit, n_passages++);
      g_assert_cmpstr (source, ==, ic_report_get_source (hit->report));
      g_assert_cmpuint (page, ==, hit->page);
      g_assert_cmpstr (authority, ==, ic_report_get_authority (hit->report));
      g_assert_cmpstr (strstr (passage, "lanning"), !=, NULL);
    }
  g_assert_cmpuint (n_passages, ==, hits->len);
  g_assert_cmpuint (n_passages, ==, 1800);
  g_assert_cmpuint (n_headings, ==, 150);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A theme chip on the report page opens the Search view with the
 * theme's query, its terms joined by OR, and its passages. */
static void
test_theme_chip_search (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), "plans_and_planning");
  GListModel *rows;
  GtkWidget *chip;
  GtkWidget *entry;
  guint passages = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  settle ();
  chip = find_widget_with_tooltip (GTK_WIDGET (reports), "Search every report for Plans and planning");
  g_assert_nonnull (chip);
  g_assert_true (GTK_IS_BUTTON (chip));
  g_signal_emit_by_name (chip, "clicked");
  settle ();

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "search");
  entry = find_child_of_type (GTK_WIDGET (window->search_view), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (strstr (query, " OR "));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, query);
  rows = ic_search_view_get_rows (window->search_view);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      passages += ic_search_view_row_heading (row) == NULL;
    }
  /* "planning" (stem of the lead term "plan") on both pages of each of
   * the seven reports. */
  g_assert_cmpuint (passages, ==, 14);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_grade_cell (GtkWidget  *matrix,
                 const char *authority,
                 IcArea      area)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *prefix = g_strdup_printf ("%s, %s, ", authority, ic_area_to_label (area));

  collect_cells (matrix, cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_str_has_prefix (ic_grade_cell_get_description (g_ptr_array_index (cells, i)), prefix))
      return g_ptr_array_index (cells, i);
  return NULL;
}

/* A report read in full after its first pages (or corrected) changes in
 * place: the matrix's cells and the open report page show the new
 * content with no change to the rows, which would restyle every row on
 * screen; a view sorted by a column places the row anew. */
static void
test_report_changes_in_place (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportStore *store = ic_window_get_store (window);
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (GTK_WIDGET (matrix), IC_TYPE_MATRIX_HEADER));
  GListModel *shown = shown_model (GTK_WIDGET (matrix));
  IcReport *greenwich = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *overall = ic_matrix_header_get_button (header, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  IcReport *full;
  GtkWidget *cell;
  guint n_changes = 0;

  gtk_window_present (GTK_WINDOW (window));
  ic_matrix_view_set_latest_only (matrix, FALSE);
  ic_matrix_view_get_rows (matrix);
  settle ();
  cell = find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS);
  g_assert_nonnull (cell);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (cell)), ==, "Inadequate");
  ic_reports_view_show_report (reports, greenwich);
  g_assert_false (page_says (GTK_WIDGET (reports), "A. Inspector"));

  full = make_report ("/r/greenwich-2019.txt", "Greenwich", IC_INSPECTION_TYPE_ILACS, 13,
                      G_DATE_DECEMBER, 2019, IC_GRADE_GOOD);
  _ic_report_set_lead_inspector (full, "A. Inspector");
  g_ptr_array_add (batch, full);
  g_signal_connect (shown, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  ic_report_store_replace_batch (store, batch);
  ic_matrix_view_get_rows (matrix);
  settle ();

  g_assert_true (ic_report_store_find_content (store, "/r/greenwich-2019.txt") == greenwich);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_true (find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS) == cell);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (cell)), ==, "Good");
  g_assert_true (gtk_widget_has_css_class (cell, "grade-good"));
  g_assert_false (gtk_widget_has_css_class (cell, "grade-inadequate"));
  g_assert_true (page_says (GTK_WIDGET (reports), "A. Inspector"));

  /* Clicking a title sorts by its column; sorted by overall
   * effectiveness, a corrected grade moves its row. */
  g_signal_emit_by_name (overall, "clicked");
  ic_matrix_view_get_rows (matrix);
  g_assert_true (g_list_model_get_item (shown, 0) == (gpointer) greenwich);
  g_object_unref (greenwich);
  correct (window, "grade.overall_effectiveness", "inadequate");
  settle ();
  ic_matrix_view_get_rows (matrix);
  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IcReport) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(IcReport) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (ic_ui_compare_grades (ic_report_get_grade (a, IC_AREA_OVERALL_EFFECTIVENESS),
                                             ic_report_get_grade (b, IC_AREA_OVERALL_EFFECTIVENESS)), <=, 0);
    }
  /* Marked as the user's, not Ofsted's (ic_ui_mark_corrected_grade). */
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (
    find_grade_cell (GTK_WIDGET (matrix), "Greenwich", IC_AREA_OVERALL_EFFECTIVENESS))), ==,
    "Inadequate \u2020");

  /* Clicked again: worst first, and reports with no grade still last. */
  g_signal_emit_by_name (overall, "clicked");
  ic_matrix_view_get_rows (matrix);
  {
    guint n = g_list_model_get_n_items (shown);
    g_autoptr(IcReport) first = g_list_model_get_item (shown, 0);
    g_autoptr(IcReport) last = g_list_model_get_item (shown, n - 1);

    g_assert_cmpint (ic_report_get_grade (first, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
    g_assert_cmpint (ic_report_get_grade (last, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_NONE);
  }

  g_signal_handlers_disconnect_by_func (shown, count_changes_cb, &n_changes);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The whole corpus arriving in batches, as the loader hands it over:
 * each batch is one change of the store, the matrix shows rows while
 * more are still arriving and completes on its own, and the timeline's
 * recurrences are found off the main thread and then drawn. */
static void
test_paced_rows (void)
{
  g_autofree char *corpus = ic_test_corpus_path (NULL);
  g_autoptr(IcReportStore) source = NULL;
  g_autoptr(IcLoader) loader = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  IcWindow *window;
  GtkWidget *matrix, *timeline, *list;
  guint n, n_changes = 0, n_batches = 0, shown_while_arriving = 0;

  if (corpus == NULL)
    return;
  source = ic_report_store_new ();
  loader = ic_loader_new (source);
  folder = g_file_new_for_path (corpus);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (source));
  g_assert_cmpuint (n, >, 100);

  window = ic_window_new (NULL);
  ic_report_filter_reset (window->filter);
  matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  /* Earlier tests may have left another view current in the settings. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (ic_window_get_store (window), "items-changed", G_CALLBACK (count_changes_cb),
                    &n_changes);

  for (guint i = 0; i < n; i += 40, n_batches++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();

      for (guint j = i; j < MIN (i + 40, n); j++)
        g_ptr_array_add (batch, ic_report_store_get_report (source, j));
      ic_report_store_add_batch (ic_window_get_store (window), batch);
      if (i + 40 < n)
        {
          g_assert_true (run_until (matrix_has_rows, matrix));
          shown_while_arriving = MAX (shown_while_arriving, shown_rows (matrix));
        }
    }
  g_assert_cmpuint (n_changes, ==, n_batches);
  g_assert_cmpuint (n_batches, >, 2);
  g_assert_cmpuint (shown_while_arriving, >, 0);
  g_assert_cmpuint (shown_while_arriving, <, n);

  g_assert_true (run_until (matrix_complete, window));
  g_assert_cmpuint (g_list_model_get_n_items (ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix))), ==, n);

  /* The list of reports, never shown yet, made no rows meanwhile; shown,
   * it fills in by itself. */
  list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_assert_cmpuint (shown_rows (list), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  g_assert_true (run_until (list_complete, list));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_CHART_WIDGET);
  g_assert_true (run_until (timeline_has_links, timeline));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
wait_for_reports (IcWindow *window,
                  guint     n)
{
  GListModel *store = G_LIST_MODEL (ic_window_get_store (window));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while ((g_list_model_get_n_items (store) != n || ic_window_get_loading (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_test_message ("%u reports, %u wanted", g_list_model_get_n_items (store), n);
  return g_list_model_get_n_items (store) == n;
}

static void
copy_seed (const char *seeds,
           const char *name,
           const char *dir)
{
  g_autofree char *from = g_build_filename (seeds, name, NULL);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

/* A folder that changes on disk is read again, and is remembered. */
static void
test_folder_watch (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *names[2];
  IcWindow *window;

  if (seeds == NULL)
    return;

  listing = g_dir_open (seeds, 0, NULL);
  names[0] = g_strdup (g_dir_read_name (listing));
  names[1] = g_strdup (g_dir_read_name (listing));
  dir = g_dir_make_tmp ("ic-watch-XXXXXX", NULL);
  copy_seed (seeds, names[0], dir);

  window = ic_window_new (NULL);
  folder = g_file_new_for_path (dir);
  ic_window_open (window, &folder, 1);
  g_assert_true (wait_for_reports (window, 1));

  settings = g_settings_new (APP_ID);
  recent = g_settings_get_strv (settings, "recent-folders");
  g_assert_cmpstr (recent[0], ==, dir);

  copy_seed (seeds, names[1], dir);
  g_assert_true (wait_for_reports (window, 2));

  first = g_build_filename (dir, names[0], NULL);
  g_unlink (first);
  g_assert_true (wait_for_reports (window, 1));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
      g_free ((char *) names[i]);
    }
  g_rmdir (dir);
}

/* The words an enum key of the schema takes, in order. */
static GStrv
schema_enum_words (GSettings  *settings,
                   const char *key_name)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) words = NULL;
  const char *kind;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, key_name);
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &words);
  g_assert_cmpstr (kind, ==, "enum");
  return g_variant_dup_strv (words, NULL);
}

/* The view and the report type are enum keys of the schema: the view's
 * words are the window's pages, the type's the contract's keys and "all";
 * the filter's type is saved and restored through them. */
static void
test_settings_enums (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) views = schema_enum_words (settings, "last-view");
  g_auto(GStrv) types = schema_enum_words (settings, "filter-type");
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (window->view_stack));
  guint n_pages = g_list_model_get_n_items (pages);

  g_assert_cmpuint (g_strv_length (views), ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      g_assert_true (g_strv_contains ((const char *const *) views, adw_view_stack_page_get_name (page)));
    }

  g_assert_cmpuint (g_strv_length (types), ==, IC_N_INSPECTION_TYPES + 1);
  g_assert_true (g_strv_contains ((const char *const *) types, "all"));
  for (guint i = 0; i < IC_N_INSPECTION_TYPES; i++)
    g_assert_true (g_strv_contains ((const char *const *) types, ic_inspection_type_to_key (i)));

  adw_view_stack_set_visible_child_name (window->view_stack, "timeline");
  g_assert_cmpint (g_settings_get_enum (settings, "last-view"), ==, 1);
  ic_report_filter_set_type_key (window->filter, "focused_visit");
  g_assert_cmpint (g_settings_get_enum (settings, "filter-type"), ==, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  ic_report_filter_set_type_key (window->filter, NULL);
  g_assert_cmpint (g_settings_get_enum (settings, "filter-type"), ==, -1);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_string (settings, "filter-type", "sif");
  window = ic_window_new (NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "timeline");
  g_assert_cmpstr (ic_report_filter_get_type_key (window->filter), ==, "sif");
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "filter-type");
  g_settings_reset (settings, "last-view");
  window = ic_window_new (NULL);
  g_assert_null (ic_report_filter_get_type_key (window->filter));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_saved_word (GSettings  *settings,
                   const char *key,
                   const char *expected)
{
  g_autofree char *word = g_settings_get_string (settings, key);

  g_assert_cmpstr (word, ==, expected);
}

/* Every filter is saved as it changes and read by the next window; an
 * open window keeps its own filters when another changes them. */
static void
test_filters_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IcWindow *first = ic_window_new (NULL);
  IcWindow *second = NULL;

  ic_report_filter_reset (first->filter);
  ic_report_filter_set_search (first->filter, "Green");
  ic_report_filter_set_type_key (first->filter, "jtai");
  ic_report_filter_set_region (first->filter, "London");
  ic_report_filter_set_peer (first->filter, "Greenwich");
  ic_report_filter_set_from_year (first->filter, 2019);
  ic_report_filter_set_to_year (first->filter, 2024);
  assert_saved_word (settings, "filter-region", "London");

  second = ic_window_new (NULL);
  /* The search as the filter holds it (folded for matching). */
  g_assert_cmpstr (ic_report_filter_get_search (second->filter), ==,
                   ic_report_filter_get_search (first->filter));
  g_assert_nonnull (ic_report_filter_get_search (second->filter));
  g_assert_cmpstr (ic_report_filter_get_type_key (second->filter), ==, "jtai");
  g_assert_cmpstr (ic_report_filter_get_region (second->filter), ==, "London");
  g_assert_cmpstr (ic_report_filter_get_peer (second->filter), ==, "Greenwich");
  g_assert_cmpint (ic_report_filter_get_from_year (second->filter), ==, 2019);
  g_assert_cmpint (ic_report_filter_get_to_year (second->filter), ==, 2024);

  /* No filter is saved as the schema's words for none. */
  ic_report_filter_reset (second->filter);
  assert_saved_word (settings, "filter-search", "");
  assert_saved_word (settings, "filter-type", "all");
  assert_saved_word (settings, "filter-peer", "");
  g_assert_cmpint (g_settings_get_int (settings, "filter-to-year"), ==, 0);
  g_assert_cmpstr (ic_report_filter_get_region (first->filter), ==, "London");
  g_assert_cmpstr (ic_report_filter_get_type_key (first->filter), ==, "jtai");
  g_assert_cmpint (ic_report_filter_get_from_year (first->filter), ==, 2019);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
}

/* Rows drawn under the grid view of @view, each with its report. */
static void
collect_matrix_rows (GtkWidget *widget,
                     GPtrArray *rows)
{
  if (IC_IS_MATRIX_ROW (widget) && gtk_widget_get_mapped (widget) &&
      ic_matrix_row_get_report (IC_MATRIX_ROW (widget)) != NULL)
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_matrix_rows (c, rows);
}

/* While the window waits for a folder, the fonts of the matrix's rows
 * are laid out and drawn offscreen, so that the first frame with rows
 * does not shape and rasterise them for the first time: every font a
 * row then draws with was warmed, and the rows show their reports. The
 * grades are measured at their columns' widths too: no grade cell lays
 * its text out to measure it in the rows' first frame. */
static void
test_first_rows_warm (void)
{
  IcWindow *window = ic_window_new (NULL);
  GListModel *shown;
  const char * const *warmed;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_cells = 0, n_grade_cells = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  warmed = ic_matrix_view_get_warmed_fonts (window->matrix_view);
  g_assert_nonnull (warmed);
  g_assert_cmpuint (g_strv_length ((GStrv) warmed), >=, 2);

  fill_store (ic_window_get_store (window));
  wait_frames (5);
  shown = shown_model (GTK_WIDGET (window->matrix_view));
  collect_matrix_rows (GTK_WIDGET (window->matrix_view), rows);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (shown));
  for (guint i = 0; i < rows->len; i++)
    {
      IcMatrixRow *row = g_ptr_array_index (rows, i);
      IcReport *report = ic_matrix_row_get_report (row);
      g_autoptr(IcReport) in_model = NULL;

      /* Each row is the report at its place in the matrix. */
      for (guint p = 0; p < g_list_model_get_n_items (shown) && in_model == NULL; p++)
        {
          g_autoptr(IcReport) r = g_list_model_get_item (shown, p);

          if (r == report)
            in_model = g_steal_pointer (&r);
        }
      g_assert_nonnull (in_model);
      g_assert_cmpstr (ic_text_cell_get_text (IC_TEXT_CELL (ic_matrix_row_get_cell (row, 0))), ==,
                       ic_report_get_authority (report));
      for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (row)); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell))
        {
          const PangoFontDescription *font;
          g_autofree char *name = NULL;

          if (!gtk_widget_get_child_visible (cell) || !gtk_widget_get_visible (cell))
            continue;
          font = pango_context_get_font_description (gtk_widget_get_pango_context (cell));
          name = pango_font_description_to_string (font);
          if (!g_strv_contains (warmed, name))
            g_error ("%s's font %s was not warmed", G_OBJECT_TYPE_NAME (cell), name);
          /* Its grade was measured at its column's width meanwhile. */
          if (gtk_widget_has_css_class (cell, "grade-cell") &&
              ic_drawn_cell_get_n_own_layouts (IC_DRAWN_CELL (cell)) > 0)
            g_error ("the grade cell \"%s\" laid its text out %u times to measure it",
                     ic_drawn_cell_get_text (IC_DRAWN_CELL (cell)),
                     ic_drawn_cell_get_n_own_layouts (IC_DRAWN_CELL (cell)));
          n_grade_cells += gtk_widget_has_css_class (cell, "grade-cell");
          n_cells++;
        }
    }
  g_assert_cmpuint (n_cells, >=, 5 * 4);
  g_assert_cmpuint (n_grade_cells, >=, 5 * 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
fading_frame_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  if (adw_squeezer_get_transition_running (ADW_SQUEEZER (widget)))
    (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
shows_switcher (gpointer squeezer)
{
  return ADW_IS_VIEW_SWITCHER (adw_squeezer_get_visible_child (squeezer));
}

static gboolean
transition_over (gpointer squeezer)
{
  return !adw_squeezer_get_transition_running (squeezer);
}

/* The title turns into the view switcher at once when reports arrive:
 * its crossfade cost every frame of its 200 ms two window-sized layers
 * (doc/ui-stalls.md). */
static void
test_switcher_at_once (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *squeezer;
  guint fading = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  squeezer = find_child_of_type (GTK_WIDGET (window->switcher_title), ADW_TYPE_SQUEEZER);
  g_assert_nonnull (squeezer);
  g_assert_false (shows_switcher (squeezer));
  gtk_widget_add_tick_callback (squeezer, fading_frame_cb, &fading, NULL);

  fill_store (ic_window_get_store (window));
  g_assert_true (run_until (shows_switcher, squeezer));
  g_assert_true (run_until (transition_over, squeezer));
  wait_frames (3);
  /* A crossfade would be drawn in a dozen frames. */
  g_assert_cmpuint (fading, <=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/filter/criteria", test_filter_criteria);
  g_test_add_func ("/ui/window/views-follow-filter", test_views_follow_filter);
  g_test_add_func ("/ui/window/export", test_export);
  g_test_add_func ("/ui/window/correction-undo", test_correction_undo);
  g_test_add_func ("/ui/window/correction-undo-shortcut", test_correction_undo_shortcut);
  g_test_add_func ("/ui/window/corrections-in-quick-succession",
                   test_corrections_in_quick_succession);
  g_test_add_func ("/ui/toasts/dismissed-after-slide", test_toasts_dismissed_after_slide);
  g_test_add_func ("/ui/window/correction-toast-queued-behind-export",
                   test_correction_toast_queued_behind_export);
  g_test_add_func ("/ui/window/correct-every-field", test_correct_every_field);
  g_test_add_func ("/ui/window/timeline-click", test_timeline_click);
  g_test_add_func ("/ui/window/timeline-theme-search", test_timeline_theme_search);
  g_test_add_func ("/ui/window/timeline-mark-items-times", test_timeline_mark_items_times);
  g_test_add_func ("/ui/window/timeline-mark-possible", test_timeline_mark_possible);
  g_test_add_func ("/ui/window/theme-chip-search", test_theme_chip_search);
  g_test_add_func ("/ui/window/charts-theme-search", test_charts_theme_search);
  g_test_add_func ("/ui/window/search-first-frame", test_search_first_frame);
  g_test_add_func ("/ui/window/search-rows-made", test_search_rows_made);
  g_test_add_func ("/ui/window/search-keyboard", test_search_keyboard);
  g_test_add_func ("/ui/window/search-keyboard-headings", test_search_keyboard_headings);
  g_test_add_func ("/ui/window/search-hit-scrolls", test_search_hit_scrolls);
  g_test_add_func ("/ui/window/search-hit-scrolls-narrow", test_search_hit_scrolls_narrow);
  g_test_add_func ("/ui/window/search-hit-keyboard", test_search_hit_keyboard);
  g_test_add_func ("/ui/window/focus-follows", test_focus_follows);
  g_test_add_func ("/ui/window/report-changes-in-place", test_report_changes_in_place);
  g_test_add_func ("/ui/window/app-style", test_app_style);
  g_test_add_func ("/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/ui/failures-dialog", test_failures_dialog);
  g_test_add_func ("/ui/window/corpus", test_corpus);
  g_test_add_func ("/ui/window/paced-rows", test_paced_rows);
  g_test_add_func ("/ui/window/filter-exact-at-scale", test_filter_exact_at_scale);
  g_test_add_func ("/ui/window/charts-filter-at-scale", test_charts_filter_at_scale);
  g_test_add_func ("/ui/window/charts-counts-current", test_charts_counts_current);
  g_test_add_func ("/ui/window/charts-theme-targets-kept", test_charts_theme_targets_kept);
  g_test_add_func ("/ui/window/folder-watch", test_folder_watch);
  g_test_add_func ("/ui/window/settings-enums", test_settings_enums);
  g_test_add_func ("/ui/window/filters-saved", test_filters_saved);
  g_test_add_func ("/ui/window/first-rows-warm", test_first_rows_warm);
  g_test_add_func ("/ui/window/switcher-at-once", test_switcher_at_once);

  return g_test_run ();
}
