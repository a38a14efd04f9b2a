/* test-ui-hardening.c: the window's Export and Save Chart never endanger
 * a report, and keep an earlier file when the disk fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "ic-test-util.h"
#include "ic-window-private.h"

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until_loaded (IcWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (ic_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_assert_false (ic_window_get_loading (window));
}

/* A window reading tmp/reports (a text and a PDF). */
static IcWindow *
open_reports (const char *tmp)
{
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *pdf = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  IcWindow *window = ic_window_new (NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  copy_file (text, a);
  copy_file (pdf, b);
  ic_window_open (window, &folder, 1);
  wait_until_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window))), >=, 1);
  return window;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Export (every format) and Save Chart aimed at a report or into the
 * folder being read: refused with a reason, nothing written. */
static void
test_export_refused (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-ui-hardening-XXXXXX", NULL);
  IcWindow *window = open_reports (tmp);
  g_autofree char *report = g_build_filename (tmp, "reports", "b.pdf", NULL);
  g_autofree char *before = read_file (report);
  const char *names[] = { "b.pdf", "a.txt", "new.csv", "new-improvements.csv", "new.json", "new.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp, "reports", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

      g_assert_false (_ic_window_export (window, file, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "refused"));
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, existed);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (tmp, "reports", i == 0 ? "b.pdf" : "chart.svg", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (_ic_window_save_chart (window, IC_CHART_GRADES, path, &error));
      g_assert_nonnull (strstr (error->message, "refused"));
    }
  {
    g_autofree char *chart = g_build_filename (tmp, "reports", "chart.svg", NULL);
    g_autofree char *after = read_file (report);

    g_assert_false (g_file_test (chart, G_FILE_TEST_EXISTS));
    g_assert_true (g_str_equal (before, after));
  }

  /* Beside the folder is fine. */
  {
    g_autofree char *path = g_build_filename (tmp, "pack.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (_ic_window_export (window, file, &error));
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (tmp);
}

/* The disk fills half-way: the earlier file stays, the error says why. */
static void
test_export_full_disk (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-ui-hardening-XXXXXX", NULL);
  IcWindow *window = open_reports (tmp);
  const char *names[] = { "m.csv", "all.json", "pack.pdf", "chart.png", "chart.svg", "chart.pdf" };
  struct rlimit old, small;

  /* Only the soft limit: it can be raised again. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small.rlim_cur = 200;
  small.rlim_max = old.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (tmp, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean ok;

      g_assert_true (g_file_set_contents (path, "EARLIER", -1, NULL));
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
      if (g_str_has_prefix (names[i], "chart"))
        ok = _ic_window_save_chart (window, IC_CHART_TIMELINE, path, &error);
      else
        ok = _ic_window_export (window, file, &error);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);

      g_assert_false (ok);
      g_assert_nonnull (strstr (error->message, "larger than allowed"));
      after = read_file (path);
      g_assert_cmpstr (after, ==, "EARLIER");
    }
  signal (SIGXFSZ, SIG_DFL);
  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (tmp);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ChartSaved;

static void
chart_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  ChartSaved *saved = data;

  saved->ok = _ic_window_save_chart_finish (IC_WINDOW (object), result, &saved->error);
  saved->done = TRUE;
}

/* The worker's result comes back through the main context, which
 * wakes for it: no timer needed (meson's time limit catches a hang). */
static void
wait_chart_saved (ChartSaved *saved)
{
  while (!saved->done)
    g_main_context_iteration (NULL, TRUE);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

  g_assert_nonnull (mapped);
  return g_mapped_file_get_bytes (mapped);
}

/* Save Chart from the window: the chart drawn on a worker from a
 * snapshot is the file the direct export writes, and a report folder is
 * refused before any drawing. */
static void
test_save_chart_async (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-ui-hardening-XXXXXX", NULL);
  IcWindow *window = open_reports (tmp);
  g_autofree char *async_path = g_build_filename (tmp, "async.png", NULL);
  g_autofree char *sync_path = g_build_filename (tmp, "sync.png", NULL);
  g_autofree char *refused_path = g_build_filename (tmp, "reports", "chart.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (async_path);
  g_autoptr(GFile) refused = g_file_new_for_path (refused_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) async_png = NULL;
  g_autoptr(GBytes) sync_png = NULL;
  ChartSaved saved = { 0 }, not_saved = { 0 };

  _ic_window_save_chart_async (window, IC_CHART_GRADES, file, chart_saved_cb, &saved);
  g_assert_false (saved.done);
  wait_chart_saved (&saved);
  g_assert_no_error (saved.error);
  g_assert_true (saved.ok);
  g_assert_true (_ic_window_save_chart (window, IC_CHART_GRADES, sync_path, &error));
  g_assert_no_error (error);
  /* PNG: its bytes are the pixels (an SVG carries per-surface ids). */
  async_png = read_bytes (async_path);
  sync_png = read_bytes (sync_path);
  g_assert_cmpuint (g_bytes_get_size (async_png), >, 1000);
  g_assert_true (g_bytes_equal (async_png, sync_png));

  _ic_window_save_chart_async (window, IC_CHART_GRADES, refused, chart_saved_cb, &not_saved);
  wait_chart_saved (&not_saved);
  g_assert_false (not_saved.ok);
  g_assert_nonnull (strstr (not_saved.error->message, "refused"));
  g_assert_false (g_file_test (refused_path, G_FILE_TEST_EXISTS));
  g_clear_error (&not_saved.error);

  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (tmp);
}

static gboolean
has_noncharacter (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        return TRUE;
    }
  return FALSE;
}

/* Every label under @widget, and how many were looked at. */
static void
assert_labels_clean (GtkWidget *widget,
                     guint     *n_labels)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (has_noncharacter (text))
        g_error ("a label shows a noncharacter: %s", g_strescape (text, NULL));
      (*n_labels)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_clean (child, n_labels);
}

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/* Noncharacters (which stop the text renderer) in a report's
 * inspector and items: no label of the window's report
 * page shows one; they are U+FFFD, as in the pack and the matrix. */
static void
test_noncharacters_in_labels (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-ui-hardening-XXXXXX", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *report = g_build_filename (dir, "odd.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *text = NULL;
  g_autoptr(GString) hostile = NULL;
  IcWindow *window;
  guint n_labels = 0;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  hostile = g_string_new (text);
  g_string_replace (hostile, "Ann Tester", "Ann \xef\xb7\x90Tester", 1);
  g_string_replace (hostile, "- ensure that every child",
                    "- ensure \xef\xbf\xbe that \xef\xbf\xbf every \xf0\x9f\xbf\xbe child", 1);
  g_assert_true (g_file_set_contents (report, hostile->str, -1, NULL));

  window = ic_window_new (NULL);
  ic_window_open (window, &folder, 1);
  wait_until_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window))), ==, 1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", report);
  settle ();

  assert_labels_clean (GTK_WIDGET (window), &n_labels);
  g_test_message ("%u labels looked at", n_labels);
  g_assert_cmpuint (n_labels, >, 20);
  gtk_window_destroy (GTK_WINDOW (window));
  ic_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("IC_NO_CACHE", "1", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/hardening/export-refused", test_export_refused);
  g_test_add_func ("/ui/hardening/export-full-disk", test_export_full_disk);
  g_test_add_func ("/ui/hardening/save-chart-async", test_save_chart_async);
  g_test_add_func ("/ui/hardening/noncharacters-in-labels", test_noncharacters_in_labels);

  return g_test_run ();
}
