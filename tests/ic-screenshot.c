/* ic-screenshot.c: saves a PNG of each view of the window, light and dark
 *
 *   ic-screenshot OUTDIR [FOLDER|FILE…]
 *
 * Without paths it shows made-up reports (no report text). A developer
 * tool for looking at the window under Xvfb (`xvfb-run`, or
 * tests/own-display.sh for a server of its own); not run as a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* struct ucred */
#define _GNU_SOURCE

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ic-chart-widget.h"
#include "ic-drawn-cell.h"
#include "ic-authority-page.h"
#include "ic-link-dialog.h"
#include "ic-charts-view.h"
#include "ic-palette.h"
#include "ic-print-operation.h"
#include "ic-report-private.h"
#include "ic-matrix-header.h"
#include "ic-matrix-view.h"
#include "ic-report-filter.h"
#include "ic-reports-view.h"
#include "ic-search-view.h"
#include "ic-themes.h"
#include "ic-window.h"
#include "ic-window-private.h"
#include "ic-ui-test-util.h"

static IcReport *
fake (const char *authority, IcInspectionType type, guint year, guint month, IcGrade g, const char *theme)
{
  g_autofree char *source = g_strdup_printf ("/reports/%s-%u-%s.pdf", authority, year,
                                             ic_inspection_type_to_key (type));
  IcReport *r = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (12, month, year);
  g_autoptr(GDate) start = g_date_new_dmy (1, month, year);
  g_autoptr(IcImprovement) item = NULL;

  _ic_report_set_content_id (r, source);
  _ic_report_set_authority (r, authority);
  _ic_report_set_inspection_type (r, type);
  _ic_report_set_title (r, "Inspection of local authority children's services");
  _ic_report_set_start_date (r, start);
  _ic_report_set_end_date (r, end);
  if (g != IC_GRADE_NONE)
    for (guint a = 0; a < 4; a++)
      {
        g_autoptr(IcJudgement) j = ic_judgement_new (a, ic_area_to_label (a),
                                                     a == 2 && g < IC_GRADE_INADEQUATE ? g + 1 : g, 0);
        _ic_report_add_judgement (r, j);
      }
  item = ic_improvement_new_with_themes ("Made-up improvement item about the quality of plans.",
                                         IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 3,
                                         (const char *[]) { theme, "recording", NULL });
  _ic_report_add_improvement (r, item);
  _ic_report_add_strength (r, "Made-up strength.");
  _ic_report_add_warning (r, "Made-up warning: the lead inspector was not found.");
  _ic_report_set_pages (r, (const char *[]) { "Made-up page text about plans and planning.", NULL });
  return r;
}

static void wait_ms (guint ms);
static gint64 thread_cpu_us (void);
static gint64 load_start;

/* IC_SHOT_BATCHES=150,700,55: a warm reopen's shape without a folder:
 * 151 made-up authorities of six reports each, in a fixed shuffled order,
 * arriving in batches of these sizes 400 ms apart (the cache's reads
 * come in a few large batches, scattered over the authorities' order). */
static void
fill_in_batches (IcReportStore *store,
                 const char    *sizes)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) counts = g_strsplit (sizes, ",", -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  guint next = 0;

  for (guint i = 0; i < 151; i++)
    {
      g_autofree char *name = g_strdup_printf ("Authority %03u", i);

      for (guint k = 0; k < 6; k++)
        g_ptr_array_add (all, fake (name, k % 3 == 2 ? IC_INSPECTION_TYPE_FOCUSED_VISIT : k % 3 == 0
                                    ? IC_INSPECTION_TYPE_SIF : IC_INSPECTION_TYPE_ILACS,
                                    2012 + k * 2, 1 + i % 12, k % 3 == 2 ? IC_GRADE_NONE : 1 + (i + k) % 4,
                                    "front_door"));
    }
  for (guint i = all->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      gpointer t = all->pdata[i];

      all->pdata[i] = all->pdata[j];
      all->pdata[j] = t;
    }
  for (guint b = 0; counts[b] != NULL && next < all->len; b++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = MIN ((guint) atoi (counts[b]), all->len - next);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (batch, g_object_ref (all->pdata[next++]));
      gint64 cpu = thread_cpu_us ();

      ic_report_store_add_batch (store, batch);
      g_printerr ("PROF batch of %u reports at %.3f s: %.1f ms of CPU to add\n", n,
                  (g_get_monotonic_time () - load_start) / 1e6, (thread_cpu_us () - cpu) / 1e3);
      wait_ms (400);
    }
}

static void
fill (IcReportStore *store)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  const char *names[] = { "Richmond upon Thames", "Greenwich", "Redbridge", "Kingston upon Thames",
                          "Bristol, City of", "County Durham", "St. Helens", "Norfolk" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_SIF, 2015 + i % 3, 3, 1 + i % 5, "front_door"));
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_ILACS, 2019 + i % 4, 6, 1 + (i + 2) % 5 == 4 ? 3 : 1 + (i + 2) % 5, "plans_and_planning"));
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_FOCUSED_VISIT, 2023, 1 + i, IC_GRADE_NONE, "workforce"));
    }
  {
    /* Under the April 2026 framework: no overall effectiveness. */
    IcReport *r = fake ("Camden", IC_INSPECTION_TYPE_ILACS, 2026, 6, IC_GRADE_NONE, "leadership");

    for (guint area = 1; area < 5; area++)
      {
        g_autoptr(IcJudgement) j = ic_judgement_new (area, ic_area_to_label (area),
                                                     area == 1 ? IC_GRADE_INADEQUATE : IC_GRADE_GOOD, 0);
        _ic_report_add_judgement (r, j);
      }
    g_ptr_array_add (a, r);
  }
  ic_report_store_add_batch (store, a);
}

static void
print_wide (GtkWidget *widget, int depth)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min < (g_getenv ("IC_SHOT_WIDE") ? atoi (g_getenv ("IC_SHOT_WIDE")) : 500))
    return;
  g_print ("%*s%s %d\n", depth, "", G_OBJECT_TYPE_NAME (widget), min);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    print_wide (c, depth + 1);
}

/* The window as last drawn. A widget paintable holds the window's last
 * render node, which a change (a row scrolled in, a focus ring) drops
 * until the next frame: taken then, the shot was empty. So it waits for
 * the frames that draw it, up to 5 s. */
static GskRenderNode *
drawn_node (GtkWidget *window,
            int        w,
            int        h)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () > give_up)
        return node;
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  int min_width;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_print ("%s: %d x %d, at least %d wide\n", name, w, h, min_width);
  if (min_width > 800 && g_getenv ("IC_SHOT_WIDE"))
    print_wide (window, 0);

  node = drawn_node (window, w, h);
  if (node == NULL)
    {
      g_printerr ("%s: the window drew no frame in 5 s, no shot\n", name);
      return;
    }
  /* IC_SHOT_NODES=1: the render nodes too, for what a frame draws. */
  if (g_getenv ("IC_SHOT_NODES") != NULL)
    {
      g_autofree char *nodes = g_strdup_printf ("%s/%s.node", dir, name);

      gsk_render_node_write_to_file (node, nodes, NULL);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("%s: could not write %s\n", name, path);
      return;
    }
  g_print ("%s\n", path);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  _ic_window_export_finish (IC_WINDOW (object), result, &error);
  g_print ("export: %s\n", error ? error->message : "written");
  *(gboolean *) user_data = TRUE;
}

/* What printing on the Reports tab gives, for looking at: the list, or
 * @report's page. */
static void
export_reports_print (GListModel *rows,
                      IcReport   *report,
                      const char *dir,
                      const char *name)
{
  g_autoptr(IcPrintOperation) operation = ic_print_operation_new (rows, NULL, IC_PRINT_SCOPE_REPORTS);
  g_autofree char *path = g_strdup_printf ("%s/%s.pdf", dir, name);

  ic_print_operation_set_report (operation, report);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           NULL, NULL);
  g_print ("%s\n", path);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

/* The longest the main loop went without running this tick while
 * reading: what a user would feel as a freeze. */
static gint64 last_tick, worst_gap;
/* IC_PROF=N: the phases of every frame and every main-loop gap longer
 * than N ms (1: 45 ms), with the time since the folder was opened. */
static gint64 prof_threshold_us;
/* The same for the main thread's CPU time: on a busy machine, the part of
 * a gap that is the window's own work rather than waiting for a core. */
static gint64 last_cpu, worst_cpu, last_x;
static gint64 xserver_cpu_us (void);

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
gap_tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (last_tick != 0)
    {
      worst_gap = MAX (worst_gap, now - last_tick);
      if (g_getenv ("IC_PROF") && now - last_tick > prof_threshold_us)
        g_printerr ("PROF gap %.1f ms (CPU %.1f, X server %.1f) ending at %.3f s\n", (now - last_tick) / 1e3,
                    (cpu - last_cpu) / 1e3, (xserver_cpu_us () - last_x) / 1e3, (now - load_start) / 1e6);
      worst_cpu = MAX (worst_cpu, cpu - last_cpu);
    }
  last_tick = now;
  last_cpu = cpu;
  last_x = xserver_cpu_us ();
  return G_SOURCE_CONTINUE;
}


/* What a read costs besides the main thread, for the window ÷ command
 * line ratio (doc/scale.md): the process's other threads (the loader's
 * workers), the PDF helpers (children of this process) and the X server
 * composing what the window draws, which all share the same cores. */
typedef struct
{
  gint64 process_us;
  gint64 children_us;
  gint64 server_us;
  guint  frames;
} ReadCost;

static guint n_frames;

static void
count_paint_cb (GdkFrameClock *clock)
{
  n_frames++;
}

static gint64
rusage_us (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* utime + stime of a process from /proc (0 if it is gone). */
static gint64
pid_cpu_us (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int)pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
    return 0;
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return 0;
  /* Fields from the state on: utime and stime are the 12th and 13th. */
  fields = g_strsplit (after_name + 2, " ", 16);
  if (g_strv_length (fields) < 14)
    return 0;
  return (g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10)) *
         G_USEC_PER_SEC / sysconf (_SC_CLK_TCK);
}

/* The CPU of the living children of every thread of this process, plus
 * that of children already reaped. */
static gint64
children_cpu_us (void)
{
  gint64 total = rusage_us (RUSAGE_CHILDREN);
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (tasks != NULL && (tid = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/proc/self/task/%s/children", tid);
      g_autofree char *list = NULL;
      g_auto(GStrv) pids = NULL;

      if (!g_file_get_contents (path, &list, NULL, NULL))
        continue;
      pids = g_strsplit (g_strstrip (list), " ", -1);
      for (guint i = 0; pids[i] != NULL; i++)
        total += pid_cpu_us (atoi (pids[i]));
    }
  return total;
}

/* The X server's process, from the peer of the display's socket. */
static pid_t
server_pid (void)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gdk_display_get_default ();
  struct ucred peer;
  socklen_t length = sizeof peer;

  if (GDK_IS_X11_DISPLAY (display) &&
      getsockopt (ConnectionNumber (gdk_x11_display_get_xdisplay (display)), SOL_SOCKET,
                  SO_PEERCRED, &peer, &length) == 0)
    return peer.pid;
#endif
  return 0;
}

static ReadCost
read_cost_now (void)
{
  return (ReadCost) { rusage_us (RUSAGE_SELF), children_cpu_us (), pid_cpu_us (server_pid ()),
                      n_frames };
}

static void
print_read_cost (ReadCost start,
                 gint64   main_us)
{
  ReadCost end = read_cost_now ();

  g_print ("CPU over the read: main thread %.2f s, other threads %.2f s, PDF helpers %.2f s, "
           "X server %.2f s; all %.2f s; %u frames drawn\n",
           main_us / 1e6, (end.process_us - start.process_us - main_us) / 1e6,
           (end.children_us - start.children_us) / 1e6, (end.server_us - start.server_us) / 1e6,
           (end.process_us - start.process_us + end.children_us - start.children_us +
            end.server_us - start.server_us) / 1e6,
           end.frames - start.frames);
}

/* The X server's CPU time (µs) in a frame: with the cairo renderer the
 * drawing is XRender requests the server carries out, so a frame's wall
 * time is the window's CPU, the server's, and waiting for a core. */
static char *xserver_schedstat;

/* The server's main thread, found from the display's socket: under
 * tests/own-display.sh its command line names no display to match. */
static char *
find_xserver_schedstat (void)
{
  pid_t pid = server_pid ();

  if (pid <= 0)
    return NULL;
  return g_strdup_printf ("/proc/%d/task/%d/schedstat", (int) pid, (int) pid);
}

static gint64
xserver_cpu_us (void)
{
  g_autofree char *text = NULL;

  if (xserver_schedstat == NULL || !g_file_get_contents (xserver_schedstat, &text, NULL, NULL))
    return 0;
  return g_ascii_strtoll (text, NULL, 10) / 1000;
}

static gint64 t_before, cpu_before, x_before;
static guint layouts_before;
static long faults_before;

/* Pages the main thread faulted in: fresh memory a frame touches. */
static long
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}
static GListModel *prof_store;  /* the rows a frame may show */

static void
before_cb (GdkFrameClock *c)
{
  t_before = g_get_monotonic_time ();
  cpu_before = thread_cpu_us ();
  x_before = xserver_cpu_us ();
  layouts_before = ic_drawn_cell_get_n_text_layouts ();
  faults_before = thread_faults ();
}
static gint64 t_update, t_layout, t_paint;
static void upd_cb (void) { t_update = g_get_monotonic_time (); }
static gint64 t_bp;
static void bp_after_cb (void) { t_bp = g_get_monotonic_time (); }
static void lay_cb (void) { t_layout = g_get_monotonic_time (); }
static void pai_cb (void) { t_paint = g_get_monotonic_time (); }
static void
after_cb (GdkFrameClock *c)
{
  gint64 d = g_get_monotonic_time () - t_before;
  if (d > prof_threshold_us)
    g_printerr ("PROF at %.3f s frame: %.1f ms (before-paint %.1f update %.1f layout %.1f paint %.1f; "
                "CPU: main thread %.1f, X server %.1f; %u reports; %u texts laid out to measure them; %ld pages faulted in)\n",
                (t_before - load_start) / 1e6, d / 1e3,
                (t_bp - t_before) / 1e3, (t_update - t_bp) / 1e3, (t_layout - t_update) / 1e3, (t_paint - t_layout) / 1e3,
                (thread_cpu_us () - cpu_before) / 1e3, (xserver_cpu_us () - x_before) / 1e3,
                prof_store != NULL ? g_list_model_get_n_items (prof_store) : 0,
                ic_drawn_cell_get_n_text_layouts () - layouts_before, thread_faults () - faults_before);
}

/* IC_PROF=N: every frame and main-loop gap longer than N ms from now. */
static void
start_profile (IcWindow *window)
{
  guint64 ms;
  GdkFrameClock *clock;

  if (g_getenv ("IC_PROF") == NULL)
    return;
  ms = g_ascii_strtoull (g_getenv ("IC_PROF"), NULL, 10);
  prof_threshold_us = (ms > 1 ? ms : 45) * 1000;
  xserver_schedstat = find_xserver_schedstat ();
  /* For `perf report --time` of a `perf record -k CLOCK_MONOTONIC`. */
  g_printerr ("PROF folder opened at %.6f s (CLOCK_MONOTONIC)\n", load_start / 1e6);
  prof_store = G_LIST_MODEL (ic_window_get_store (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_cb), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (upd_cb), NULL);
  g_signal_connect_after (clock, "before-paint", G_CALLBACK (bp_after_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (lay_cb), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (pai_cb), NULL);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* For the shot of a CSV or JSON, which a national archive writes in a
 * second: the reports take ten seconds in all, so the shot taken once
 * the bar counts catches it on its way. */
static void
slow_step_cb (guint    done,
              guint    total,
              gpointer user_data)
{
  g_usleep (10 * G_USEC_PER_SEC / MAX (total, 1));
}

/* The bar of Export… while @name (a pack when "1") is written, shot once
 * pages (or reports) are being written; then Cancel, and its toast. */
static void
shoot_export_progress (IcWindow   *window,
                       const char *dir,
                       const char *name)
{
  g_autofree char *path = g_build_filename (dir, strchr (name, '.') ? name : "export-progress.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  if (!g_str_has_suffix (path, ".pdf"))
    window->export_step_hook = slow_step_cb;
  _ic_window_export_async (window, file, export_done_cb, &done);
  /* Frames while the pack is laid out, until the bar counts; then the
   * shot. */
  while (!done && gtk_progress_bar_get_fraction (window->export_progress) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (300);
  save (GTK_WIDGET (window), dir, "export-progress");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-export", NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (500);
  save (GTK_WIDGET (window), dir, "export-cancelled");
  window->export_step_hook = NULL;
}

/* IC_SHOT_EXPORT_STALLS=a.csv,b-improvements.csv,c.json,d.pdf: each
 * export written whole, one after the other, with the longest main-loop
 * gap (1 ms tick) and main-thread CPU stretch while it runs, from the
 * moment Export… is chosen (the snapshots are taken on the main thread)
 * to the callback. */
static void
measure_export_stalls (IcWindow   *window,
                       const char *dir,
                       const char *names)
{
  g_auto(GStrv) list = g_strsplit (names, ",", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, list[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean done = FALSE;
      gint64 start;
      guint tick;

      wait_ms (500);
      last_tick = 0;
      worst_gap = worst_cpu = 0;
      tick = g_timeout_add (1, gap_tick_cb, NULL);
      /* The first tick: the gap then includes Export…'s own work. */
      while (last_tick == 0)
        g_main_context_iteration (NULL, TRUE);
      start = g_get_monotonic_time ();
      _ic_window_export_async (window, file, export_done_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (tick);
      g_print ("export %s (%u reports): %.2f s, longest main-loop gap %.1f ms (main-thread CPU %.1f ms)\n",
               list[i], g_list_model_get_n_items (ic_window_get_reports (window)),
               (g_get_monotonic_time () - start) / 1e6, worst_gap / 1e3, worst_cpu / 1e3);
    }
}

/* The matrix sorted by overall effectiveness, worst first, and scrolled
 * to the side: the header's arrow, and its titles over their columns. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The report page scrolled to its improvements: what changed since the
 * previous report, the items and their recurrence links. */
static void
save_report_changes (IcWindow   *window,
                     const char *dir,
                     const char *name)
{
  GtkWidget *caption = find_label (GTK_WIDGET (window), "What changed");
  GtkWidget *scrolled = caption ? gtk_widget_get_ancestor (caption, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_point_t at;

  if (scrolled == NULL ||
      !gtk_widget_compute_point (caption, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                 &GRAPHENE_POINT_INIT (0, 0), &at))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 40);
  wait_ms (600);
  save (GTK_WIDGET (window), dir, name);
}

static void
save_matrix_sorted_and_scrolled (IcWindow   *window,
                                 const char *dir)
{
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_type (GTK_WIDGET (window), IC_TYPE_MATRIX_HEADER));
  GtkWidget *matrix = find_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_type (matrix, GTK_TYPE_SCROLLED_WINDOW));

  ic_matrix_header_sort_by (header, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS),
                            GTK_SORT_DESCENDING);
  wait_ms (400);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (scrolled), 300);
  wait_ms (400);
  save (GTK_WIDGET (window), dir, "matrix-sorted");
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (scrolled), 0);
  wait_ms (200);
  ic_matrix_header_sort_by (header, IC_MATRIX_NOT_SORTED, GTK_SORT_ASCENDING);
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
}

/* The timeline walked by keyboard: the third mark opened (outlined),
 * the focus ring moved on to the fourth; then as a table. */
static void
save_timeline_keys (IcWindow   *window,
                    const char *dir)
{
  GtkWidget *chart = find_type (GTK_WIDGET (window), IC_TYPE_CHART_WIDGET);
  GtkWidget *table = NULL;

  gtk_widget_grab_focus (chart);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  for (guint i = 0; i < 3; i++)
    press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Return);
  /* The details panel narrows the chart: walk on once it has. */
  wait_ms (600);
  press_key (chart, GDK_KEY_Right);
  wait_ms (300);
  save (GTK_WIDGET (window), dir, "timeline-keys");
  for (GtkWidget *w = gtk_widget_get_parent (chart); w != NULL && table == NULL; w = gtk_widget_get_parent (w))
    if (G_TYPE_CHECK_INSTANCE_TYPE (w, g_type_from_name ("IcTimelineView")))
      table = gtk_widget_get_template_child (w, G_OBJECT_TYPE (w), "table_button") ?
              GTK_WIDGET (gtk_widget_get_template_child (w, G_OBJECT_TYPE (w), "table_button")) : NULL;
  if (table != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (table), TRUE);
      wait_ms (600);
      save (GTK_WIDGET (window), dir, "timeline-table");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (table), FALSE);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "timeline.close-details", NULL);
}

/* Whether every chart on screen under @widget is prepared for the
 * reports its model holds now; none counts as current. */
static gboolean
charts_current (GtkWidget *widget)
{
  if (IC_IS_CHART_WIDGET (widget))
    return !gtk_widget_get_mapped (widget) || ic_chart_widget_is_current (IC_CHART_WIDGET (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (!charts_current (c))
      return FALSE;
  return TRUE;
}

static gint64 reports_changed_at;

static void
reports_changed_cb (void)
{
  if (reports_changed_at == 0)
    reports_changed_at = g_get_monotonic_time ();
}

/* Stalls when the filter changes at scale: each change is applied, the
 * longest main-loop gap (and main-thread CPU) of the next second printed,
 * and the window saved a second after the change. The search is typed
 * into the search entry, so its own delay counts. */
static void
measure_filter_changes (IcWindow   *window,
                        const char *view,
                        const char *search,
                        const char *dir)
{
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window))));
  GtkWidget *entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  const char *steps[] = { "search", "clear", "region London", "clear" };
  gulong handler = g_signal_connect (ic_window_get_reports (window), "items-changed",
                                     G_CALLBACK (reports_changed_cb), NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", view);
  wait_ms (1500);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("filter-%s-%u", view, i);
      guint tick = g_timeout_add (10, gap_tick_cb, NULL);
      gint64 start = g_get_monotonic_time (), current_at;

      last_tick = 0;
      worst_gap = worst_cpu = 0;
      reports_changed_at = 0;
      if (i == 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), search);
      else if (i == 2)
        ic_report_filter_set_region (filter, "London");
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          ic_report_filter_reset (filter);
        }
      /* The charts' time: from the change to their data being current. */
      for (current_at = 0; g_get_monotonic_time () < start + G_USEC_PER_SEC; )
        {
          g_main_context_iteration (NULL, FALSE);
          if (current_at == 0 && reports_changed_at != 0 && charts_current (GTK_WIDGET (window)))
            current_at = g_get_monotonic_time ();
        }
      g_source_remove (tick);
      g_print ("%s, %s: longest main-loop stall %.0f ms (main thread CPU %.0f ms); %u reports match; "
               "charts current %.0f ms after the reports changed\n",
               view, steps[i], worst_gap / 1e3, worst_cpu / 1e3,
               g_list_model_get_n_items (ic_window_get_reports (window)),
               current_at ? (current_at - reports_changed_at) / 1e3 : -1.0);
      save (GTK_WIDGET (window), dir, name);
    }
  g_signal_handler_disconnect (ic_window_get_reports (window), handler);
}

/* IC_SHOT_FILTER_VIEWS=charts,timeline: only those views (all four
 * by default); IC_SHOT_FILTER_ROUNDS=N: their changes N times over,
 * for A/B pairs and profiles. */
static void
measure_filter_views (IcWindow   *window,
                      const char *search,
                      const char *dir)
{
  const char *chosen = g_getenv ("IC_SHOT_FILTER_VIEWS");
  g_auto(GStrv) views = g_strsplit (chosen ? chosen : "matrix,reports,timeline,charts", ",", -1);
  guint rounds = g_getenv ("IC_SHOT_FILTER_ROUNDS") ? atoi (g_getenv ("IC_SHOT_FILTER_ROUNDS")) : 1;

  for (guint r = 0; r < MAX (rounds, 1); r++)
    for (guint i = 0; views[i] != NULL; i++)
      measure_filter_changes (window, views[i], search, dir);
}

/* The keyboard in the results: Tab from the entry, then Down past the
 * first authority's passages to the second's first, under its heading,
 * with the focus ring ("search-keys"). */
static void
shoot_search_keys (IcWindow     *window,
                   IcSearchView *view,
                   const char   *dir)
{
  GtkWidget *list = find_type (GTK_WIDGET (view), GTK_TYPE_GRID_VIEW);
  GListModel *rows = ic_search_view_get_rows (view);
  guint n_passages = 0;

  if (list == NULL || !gtk_widget_get_mapped (list))
    return;
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++, n_passages++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (ic_search_view_row_heading (row) != NULL)
        break;
    }
  gtk_widget_grab_focus (find_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  for (guint i = 0; i < 5 && !gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      wait_ms (100);
    }
  for (guint i = 0; i < n_passages; i++)
    {
      press_key (list, GDK_KEY_Down);
      wait_ms (100);
    }
  /* The keys pressed here are not the window's: it shows the ring as a
   * real key press would. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  wait_ms (300);
  g_print ("search-keys: the focus on %s\n",
           gtk_root_get_focus (GTK_ROOT (window)) ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))) : "nothing");
  save (GTK_WIDGET (window), dir, "search-keys");
  /* The ring stays on for the report page opened next, as after a user's
   * keys. */
}

static void
shoot_search (IcWindow   *window,
              const char *dir,
              const char *query)
{
  IcSearchView *view = IC_SEARCH_VIEW (find_type (GTK_WIDGET (window), IC_TYPE_SEARCH_VIEW));
  GListModel *rows = ic_search_view_get_rows (view);
  gsize n = strlen (query);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
  ic_search_view_set_good_only (view, g_strcmp0 (g_getenv ("IC_SHOT_SEARCH_GOOD"), "1") == 0);
  wait_ms (300);
  guint rounds = g_getenv ("IC_SHOT_SEARCH_ROUNDS") ? atoi (g_getenv ("IC_SHOT_SEARCH_ROUNDS")) : 1;

  /* One query per keystroke, as typing gives; a warm index.
   * IC_SHOT_SEARCH_ROUNDS=N types it N times, for a profile. */
  for (gsize i = 1; i <= n * MAX (rounds, 1); i++)
    {
      g_autofree char *typed = g_strndup (query, (i - 1) % n + 1);

      gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      ic_search_view_search (view, typed);
      /* Until the frame that shows it, however busy the machine. */
      while (ic_search_view_get_last_time (view) == 0 && g_get_monotonic_time () < give_up)
        g_main_context_iteration (NULL, TRUE);
      wait_ms (150);
      g_print ("query %-30s %4u rows, drawn after %.1f ms (%.1f ms of the main thread's CPU)\n",
               typed, g_list_model_get_n_items (rows), ic_search_view_get_last_time (view) / 1000.0,
               ic_search_view_get_last_cpu_time (view) / 1000.0);
    }
  wait_ms (500);
  save (GTK_WIDGET (window), dir, "search");
  shoot_search_keys (window, view, dir);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      const char *source;
      guint page;
      g_autofree char *passage = NULL;

      if (!ic_search_view_row_passage (row, &source, &page, &passage))
        continue;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-passage", "(sus)",
                                  source, page, passage);
      wait_ms (800);
      {
        GtkWidget *tv = find_type (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW);
        GtkTextIter a, b;

        while (tv != NULL && !gtk_widget_get_mapped (tv))
          tv = NULL;
        if (tv != NULL)
          {
            gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (tv)), &a, &b);
            g_print ("passage selected at %d-%d, scrolled to %.0f\n", gtk_text_iter_get_offset (&a),
                     gtk_text_iter_get_offset (&b),
                     gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tv))));
          }
      }
      save (GTK_WIDGET (window), dir, "search-hit");
      break;
    }
}

/* Every chart card showing its numbers as a table. */
static void
save_charts_tables (IcWindow   *window,
                    const char *dir)
{
  IcChartsView *view = IC_CHARTS_VIEW (find_type (GTK_WIDGET (window), IC_TYPE_CHARTS_VIEW));

  for (IcChartKind kind = IC_CHART_GRADES; kind <= IC_CHART_YEARS; kind++)
    ic_charts_view_show_table (view, kind, TRUE);
  wait_ms (500);
  save (GTK_WIDGET (window), dir, "charts-table");
  for (IcChartKind kind = IC_CHART_GRADES; kind <= IC_CHART_YEARS; kind++)
    ic_charts_view_show_table (view, kind, FALSE);
}

/* The themes chart with the keyboard on its second theme: the focus
 * ring over the theme's row. */
static void
save_charts_theme_focus (IcWindow   *window,
                         const char *dir,
                         const char *name)
{
  GtkWidget *view = find_type (GTK_WIDGET (window), IC_TYPE_CHARTS_VIEW);

  /* The charts are in cards, one each. */
  for (GtkWidget *card = gtk_widget_get_first_child (find_type (view, GTK_TYPE_FLOW_BOX)); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      GtkWidget *w = find_type (card, IC_TYPE_CHART_WIDGET);

      if (w != NULL && ic_chart_widget_get_kind (IC_CHART_WIDGET (w)) == IC_CHART_THEMES)
        {
          gtk_widget_child_focus (w, GTK_DIR_TAB_FORWARD);
          gtk_widget_child_focus (w, GTK_DIR_DOWN);
        }
    }
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  wait_ms (300);
  save (GTK_WIDGET (window), dir, name);
}

/* IC_SHOT_LINK=NAME: the report whose file name has NAME, the Link to
 * an Earlier Item dialog of its item IC_SHOT_LINK_ITEM (1-based, else the
 * first), the dialog searched for IC_SHOT_LINK_SEARCH, and the page after
 * linking the first item the dialog then shows (use a private
 * XDG_DATA_HOME: the link is saved). */
static void
shoot_link (IcWindow   *window,
            const char *dir,
            const char *want)
{
  GListModel *reports = ic_window_get_reports (window);
  const char *search = g_getenv ("IC_SHOT_LINK_SEARCH");
  guint item = g_getenv ("IC_SHOT_LINK_ITEM") ? (guint) atoi (g_getenv ("IC_SHOT_LINK_ITEM")) : 1;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) linked = g_ptr_array_new ();
  GtkWidget *view, *dialog, *list;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (reports, i);

      if (strstr (ic_report_get_source (r), want) != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", ic_report_get_source (r));
    }
  wait_ms (1500);
  view = find_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  collect_by_class (view, "recurrence-link-earlier", buttons);
  if (buttons->len < item || item == 0)
    {
      g_print ("no Link to an Earlier Item button %u (%u)\n", item, buttons->len);
      return;
    }
  gtk_widget_grab_focus (g_ptr_array_index (buttons, item - 1));
  wait_ms (800);
  save (GTK_WIDGET (window), dir, "link-report");
  g_signal_emit_by_name (g_ptr_array_index (buttons, item - 1), "clicked");
  wait_ms (1200);
  dialog = GTK_WIDGET (open_link_dialog ());
  save (dialog, dir, "link-dialog");
  if (search != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (find_type (dialog, GTK_TYPE_SEARCH_ENTRY)), search);
      wait_ms (1200);
      save (dialog, dir, "link-dialog-search");
    }
  list = find_type (dialog, GTK_TYPE_LIST_BOX);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_child_visible (c))
      {
        g_signal_emit_by_name (list, "row-activated", c);
        break;
      }
  wait_ms (1500);
  collect_by_class (view, "recurrence-link", linked);
  for (guint i = 0; i < linked->len; i++)
    if (g_str_has_suffix (gtk_button_get_label (g_ptr_array_index (linked, i)), "(linked by you)"))
      gtk_widget_grab_focus (g_ptr_array_index (linked, i));
  wait_ms (800);
  save (GTK_WIDGET (window), dir, "link-linked");
}

int
main (int argc, char **argv)
{
  IcWindow *window;
  const char *views[] = { "matrix", "timeline", "charts", "reports" };
  const char *schemes[] = { "light", "dark" };

  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();
  if (argc < 2)
    return 2;

  /* An application would add its resource icons itself. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/InspectionCompare/icons");
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/InspectionCompare/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* IC_SHOT_NO_ANIMATIONS=1: as a desktop with animations turned off. */
  if (g_strcmp0 (g_getenv ("IC_SHOT_NO_ANIMATIONS"), "1") == 0)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The shots' folder is made if need be: a missing one used to leave
   * every shot unwritten while the paths were still printed. */
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    g_error ("cannot make %s: %s", argv[1], g_strerror (errno));
  window = ic_window_new (NULL);
  /* IC_SHOT_SIZE=800x600: the window's size (1300x850 without it). */
  {
    int w = 1300, h = 850;

    if (g_getenv ("IC_SHOT_SIZE") != NULL)
      sscanf (g_getenv ("IC_SHOT_SIZE"), "%dx%d", &w, &h);
    gtk_window_set_default_size (GTK_WINDOW (window), w, h);
  }
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  save (GTK_WIDGET (window), argv[1], "empty");

  if (argc > 2)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 2; i < argc; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
      gint64 start = g_get_monotonic_time ();
      /* The window's own share of a read: its main thread's CPU time. */
      gint64 main_cpu_start = thread_cpu_us ();
      ReadCost cost_start;

      load_start = start;
      guint tick = g_timeout_add (10, gap_tick_cb, NULL);

      start_profile (window);
      /* IC_SHOT_VIEW=timeline: the view shown while reading. */
      if (g_getenv ("IC_SHOT_VIEW") != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", g_getenv ("IC_SHOT_VIEW"));
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                        G_CALLBACK (count_paint_cb), NULL);
      cost_start = read_cost_now ();
      ic_window_open (window, (GFile **) files->pdata, files->len);
      while (ic_window_get_loading (window))
        g_main_context_iteration (NULL, TRUE);
      g_print ("read %u reports in %.2f s; longest main-loop stall %.0f ms (main thread CPU %.0f ms); "
               "main thread CPU over the read %.2f s\n",
               g_list_model_get_n_items (G_LIST_MODEL (ic_window_get_store (window))),
               (g_get_monotonic_time () - start) / 1e6, worst_gap / 1e3, worst_cpu / 1e3,
               (thread_cpu_us () - main_cpu_start) / 1e6);
      print_read_cost (cost_start, thread_cpu_us () - main_cpu_start);
      /* Rows and charts keep following for a moment after reading. */
      worst_gap = worst_cpu = 0;
      wait_ms (3000);
      g_print ("longest main-loop stall in the 3 s after reading: %.0f ms (main thread CPU %.0f ms)\n",
               worst_gap / 1e3, worst_cpu / 1e3);
      g_source_remove (tick);
      /* IC_SHOT_FILTER=TEXT: stalls on filter changes in the matrix, the
       * list, the timeline and the charts, then stop. */
      if (g_getenv ("IC_SHOT_FILTER") != NULL)
        {
          measure_filter_views (window, g_getenv ("IC_SHOT_FILTER"), argv[1]);
          gtk_window_destroy (GTK_WINDOW (window));
          return 0;
        }
      /* IC_SHOT_LOAD_ONLY=1: measure the load, take no pictures. */
      if (g_strcmp0 (g_getenv ("IC_SHOT_LOAD_ONLY"), "1") == 0)
        {
          gtk_window_destroy (GTK_WINDOW (window));
          return 0;
        }
    }
  else
    {
      /* With IC_SHOT_LOAD_ONLY=1 and IC_PROF: the window's first frame
       * with rows, the made-up reports arriving in one batch. */
      load_start = g_get_monotonic_time ();
      start_profile (window);
      if (g_getenv ("IC_SHOT_BATCHES") != NULL)
        fill_in_batches (ic_window_get_store (window), g_getenv ("IC_SHOT_BATCHES"));
      else
        fill (ic_window_get_store (window));
      if (g_strcmp0 (g_getenv ("IC_SHOT_LOAD_ONLY"), "1") == 0)
        {
          wait_ms (1000);
          gtk_window_destroy (GTK_WINDOW (window));
          return 0;
        }
    }
  wait_ms (600);
  /* IC_SHOT_PEER=NAME: the peer group of NAME, as "Compare With…" sets it. */
  if (g_getenv ("IC_SHOT_PEER") != NULL)
    ic_report_filter_set_peer (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
                                 GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))),
                               g_getenv ("IC_SHOT_PEER"));
  /* IC_SHOT_FROM=YEAR: the filter bar's From year. */
  if (g_getenv ("IC_SHOT_FROM") != NULL)
    ic_report_filter_set_from_year (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
                                      GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))),
                                    atoi (g_getenv ("IC_SHOT_FROM")));
  /* IC_SHOT_LATEST=1: the matrix shows each authority's latest inspection. */
  /* IC_SHOT_SEARCH=QUERY: the Search view (IC_SHOT_SEARCH_GOOD=1: only
   * Outstanding or Good) and the report page of its first passage, with
   * the time from each keystroke of the query to its results drawn. */
  if (g_getenv ("IC_SHOT_EXPORT_STALLS") != NULL)
    {
      measure_export_stalls (window, argv[1], g_getenv ("IC_SHOT_EXPORT_STALLS"));
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  /* IC_SHOT_EXPORT=1: the progress of Export… (a pack; or
   * IC_SHOT_EXPORT=NAME.csv, .json…) and its Cancel. */
  if (g_getenv ("IC_SHOT_EXPORT") != NULL)
    {
      shoot_export_progress (window, argv[1], g_getenv ("IC_SHOT_EXPORT"));
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  /* IC_SHOT_AUTHORITY=NAME: the authority's page, at its top and
   * scrolled to what changed. */
  if (g_getenv ("IC_SHOT_AUTHORITY") != NULL)
    {
      GtkWidget *page;
      GtkScrolledWindow *scrolled;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-authority", "s", g_getenv ("IC_SHOT_AUTHORITY"));
      wait_ms (3000);
      save (GTK_WIDGET (window), argv[1], "authority");
      page = find_type (GTK_WIDGET (window), IC_TYPE_AUTHORITY_PAGE);
      scrolled = GTK_SCROLLED_WINDOW (find_type (page, GTK_TYPE_SCROLLED_WINDOW));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 500);
      wait_ms (500);
      g_print ("view %s, scrolled to %.0f of %.0f\n", adw_view_stack_get_visible_child_name (window->view_stack),
               gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)),
               gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (scrolled)));
      save (GTK_WIDGET (window), argv[1], "authority-changes");
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  /* IC_SHOT_LINK=NAME: see shoot_link(). */
  if (g_getenv ("IC_SHOT_LINK") != NULL)
    {
      shoot_link (window, argv[1], g_getenv ("IC_SHOT_LINK"));
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  /* IC_SHOT_THEME=KEY: the Search view as a theme chip opens it. */
  if (g_getenv ("IC_SHOT_THEME") != NULL)
    {
      g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (),
                                                         g_getenv ("IC_SHOT_THEME"));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "search");
      wait_ms (300);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", "s", query ? query : "");
      wait_ms (1500);
      save (GTK_WIDGET (window), argv[1], "theme-search");
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  if (g_getenv ("IC_SHOT_SEARCH") != NULL)
    {
      shoot_search (window, argv[1], g_getenv ("IC_SHOT_SEARCH"));
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  if (g_strcmp0 (g_getenv ("IC_SHOT_LATEST"), "1") == 0)
    ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (find_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW)), TRUE);

  for (guint s = 0; s < 2; s++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", views[v], schemes[s]);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
          wait_ms (1500);
          save (GTK_WIDGET (window), argv[1], name);
          if (v == 0 && s == 0)
            save_matrix_sorted_and_scrolled (window, argv[1]);
          if (v == 1 && s == 0)
            save_timeline_keys (window, argv[1]);
          if (v == 2 && s == 0)
            save_charts_tables (window, argv[1]);
          if (v == 2)
            {
              g_autofree char *focus = g_strdup_printf ("charts-theme-focus-%s", schemes[s]);

              save_charts_theme_focus (window, argv[1], focus);
            }
          if (v == 1 && g_getenv ("IC_DEBUG_CHART"))
            {
              GtkWidget *w = find_type (GTK_WIDGET (window), IC_TYPE_CHART_WIDGET);
              IcChart *chart = ic_chart_widget_get_chart (IC_CHART_WIDGET (w));
              int cw = gtk_widget_get_width (w), ch = gtk_widget_get_height (w);
              cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cw, ch);
              cairo_t *cr = cairo_create (surface);
              g_autofree char *path = g_strdup_printf ("%s/chart-direct.png", argv[1]);

              ic_chart_draw (chart, cr, cw, ch, ic_palette_get_print ());
              cairo_surface_write_to_png (surface, path);
              g_print ("%s %d x %d\n", path, cw, ch);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
        }
      {
        g_autoptr(IcReport) r = g_list_model_get_item (ic_window_get_reports (window), 1);
        const char *want = g_getenv ("IC_SHOT_REPORT");

        for (guint i = 0; want != NULL && i < g_list_model_get_n_items (ic_window_get_reports (window)); i++)
          {
            g_autoptr(IcReport) c = g_list_model_get_item (ic_window_get_reports (window), i);

            if (strstr (ic_report_get_source (c), want) != NULL)
              g_set_object (&r, c);
          }
        g_autofree char *name = g_strdup_printf ("report-%s", schemes[s]);

        if (r != NULL)
          {
            gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                                        ic_report_get_source (r));
            wait_ms (1200);
            save (GTK_WIDGET (window), argv[1], name);
            {
              g_autofree char *changes = g_strdup_printf ("report-changes-%s", schemes[s]);

              save_report_changes (window, argv[1], changes);
            }
            if (s == 0)
              {
                export_reports_print (ic_window_get_reports (window), NULL, argv[1], "reports-print");
                export_reports_print (ic_window_get_reports (window), r, argv[1], "report-print");
              }
            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
          }
      }
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-failures", NULL);
  wait_ms (800);
  {
    /* Owned by GTK: unreffing it would finalize every window. */
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

        if (w != GTK_WIDGET (window) && gtk_widget_get_visible (w))
          save (w, argv[1], "failures-dark");
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
