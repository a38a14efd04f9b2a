/* ic-ui-test-util.c: helpers of the ui test programs (ic-ui-test-util.h,
 * ic-ui-test-reports.h), moved out of test-ui-window.c unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-authorities.h"
#include "ic-corrections.h"
#include "ic-chart-private.h"
#include "ic-chart-widget.h"
#include "ic-correction-widgets.h"
#include "ic-failure.h"
#include "ic-grade-cell.h"
#include "ic-link-dialog.h"
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
#include "ic-report-page.h"
#include "ic-report-private.h"
#include "ic-reports-view.h"
#include "ic-row-feed.h"
#include "ic-text-cell.h"
#include "ic-themes.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-sheet.h"
#include "ic-test-util.h"
#include "ic-ui-util.h"
#include "ic-window-private.h"
#include "ic-ui-test-reports.h"
#include "ic-ui-test-util.h"

#ifdef __SANITIZE_ADDRESS__
/* GTK loads its print backends as modules; with ASan's fast unwinder a
 * backend's allocation shows as "<unknown module>" and escapes the
 * suppressions for system libraries. Full stacks let LSan attribute it. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

static char *private_data_home;

static void
remove_private_data_home (void)
{
  ic_test_remove_tree (private_data_home);
  g_free (private_data_home);
}

/* Each ui test program keeps its corrections and recent folders in a
 * folder of its own, made empty for the run: the programs run in
 * parallel, and a file one of them (or an earlier run) left in a shared
 * XDG_DATA_HOME would change what another one finds. */
static void
use_private_data_home (void)
{
  g_autoptr(GError) error = NULL;

  private_data_home = g_dir_make_tmp ("ic-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", private_data_home, TRUE);
  atexit (remove_private_data_home);
}

void
ic_ui_test_init (int    *argc,
                 char ***argv)
{
  use_private_data_home ();
  /* No accessibility bus under xvfb: its warning would be fatal. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Under xvfb GL is Mesa's software driver, whose allocations LSan
   * cannot attribute; the cairo renderer draws the same widgets. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_setenv ("LC_TIME", "C", TRUE);
}

/* Made-up reports: the shapes of real ones, none of their text. */
IcReport *
make_report (const char       *source,
             const char       *authority,
             IcInspectionType  type,
             guint             day,
             GDateMonth        month,
             guint             year,
             IcGrade           overall)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (day, month, year);
  g_autoptr(IcImprovement) item = NULL;

  _ic_report_set_content_id (report, source);
  _ic_report_set_authority (report, authority);
  _ic_report_set_authority_as_printed (report, authority);
  _ic_report_set_inspection_type (report, type);
  _ic_report_set_title (report, "Inspection of a local authority");
  _ic_report_set_end_date (report, end);
  if (overall != IC_GRADE_NONE)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS,
                                                   "Overall effectiveness", overall, 0);
      g_autoptr(IcJudgement) k = ic_judgement_new (IC_AREA_CHILDREN_IN_CARE,
                                                   "Children in care", overall, 0);

      _ic_report_add_judgement (report, j);
      _ic_report_add_judgement (report, k);
    }
  item = ic_improvement_new_with_themes ("The quality of plans for children.",
                                         IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                         (const char *[]) { "plans_and_planning", NULL });
  _ic_report_add_improvement (report, item);
  {
    const char *pages[] = { "Page one mentions planning.", "Planning again on page two.", NULL };
    _ic_report_set_pages (report, pages);
  }
  return report;
}

void
fill_store (IcReportStore *store)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (reports, make_report ("/r/richmond-2022.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                         IC_GRADE_GOOD));
  g_ptr_array_add (reports, make_report ("/r/richmond-2024.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_JTAI, 19, G_DATE_JULY, 2024,
                                         IC_GRADE_NONE));
  g_ptr_array_add (reports, make_report ("/r/richmond-2018.txt", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_ILACS, 9, G_DATE_MARCH, 2018,
                                         IC_GRADE_REQUIRES_IMPROVEMENT));
  g_ptr_array_add (reports, make_report ("/r/greenwich-2019.txt", "Greenwich",
                                         IC_INSPECTION_TYPE_ILACS, 13, G_DATE_DECEMBER, 2019,
                                         IC_GRADE_INADEQUATE));
  g_ptr_array_add (reports, make_report ("/r/redbridge-2012.txt", "Redbridge",
                                         IC_INSPECTION_TYPE_CHILD_PROTECTION, 17, G_DATE_OCTOBER,
                                         2012, IC_GRADE_ADEQUATE));
  /* Lewisham is one of Greenwich's statistical neighbours; Norfolk is
   * outside London. */
  g_ptr_array_add (reports, make_report ("/r/lewisham-2021.txt", "Lewisham",
                                         IC_INSPECTION_TYPE_ILACS, 3, G_DATE_JUNE, 2021,
                                         IC_GRADE_GOOD));
  g_ptr_array_add (reports, make_report ("/r/norfolk-2013.txt", "Norfolk",
                                         IC_INSPECTION_TYPE_LOOKED_AFTER_CHILDREN, 20,
                                         G_DATE_SEPTEMBER, 2013, IC_GRADE_INADEQUATE));
  ic_report_store_add_batch (store, reports);
}

IcWindow *
new_window_with_reports (void)
{
  IcWindow *window = ic_window_new (NULL);

  fill_store (ic_window_get_store (window));
  return window;
}

GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* cairo writes page objects uncompressed: "/Type /Page" not followed by "s". */
  for (gsize i = 0; i + 12 < len; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      n++;
  return n;
}

/* Wakes the main loop now and then so that deadlines are checked. */
gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
correct (IcWindow   *window,
         const char *field,
         const char *value)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.correct", "(sss)",
                              "/r/greenwich-2019.txt", field, value);
}

void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (IC_IS_GRADE_CELL (widget) && gtk_widget_has_css_class (widget, "grade-cell"))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_cells (c, cells);
}

GtkWidget *
focus_of (IcWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

void
wait_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

/* The rows a view shows: the matrix and the list are grid views. */
GListModel *
shown_model (GtkWidget *view)
{
  GtkWidget *grid_view = find_child_of_type (view, GTK_TYPE_GRID_VIEW);

  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (grid_view)));
}

guint
shown_rows (GtkWidget *view)
{
  return g_list_model_get_n_items (shown_model (view));
}

/* Runs the main loop until @done or 60 s; returns @done. */
gboolean
run_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (10);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  return done (data);
}

gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ((FrameCount *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

gboolean
frames_passed (gpointer data)
{
  FrameCount *count = data;

  return count->ticks >= count->until;
}

gboolean
view_complete (gpointer view)
{
  return shown_rows (view) == g_list_model_get_n_items (
    ic_window_get_reports (IC_WINDOW (gtk_widget_get_root (view))));
}

/* 900 made-up reports: six for each of 150 real authorities, so that
 * region and peer filters pick real groups. */
GPtrArray *
make_reports_at_scale (void)
{
  static const IcInspectionType types[] = {
    IC_INSPECTION_TYPE_ILACS, IC_INSPECTION_TYPE_FOCUSED_VISIT, IC_INSPECTION_TYPE_SIF,
    IC_INSPECTION_TYPE_JTAI, IC_INSPECTION_TYPE_MONITORING_VISIT, IC_INSPECTION_TYPE_ILACS,
  };
  static const IcGrade grades[] = {
    IC_GRADE_GOOD, IC_GRADE_NONE, IC_GRADE_INADEQUATE, IC_GRADE_NONE, IC_GRADE_NONE,
    IC_GRADE_OUTSTANDING,
  };
  GPtrArray *all = ic_authorities_get_all ();  /* owned by the authority table */
  GPtrArray *reports = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_authorities = 0;

  for (guint i = 0; i < all->len && n_authorities < 150; i++)
    {
      const IcAuthority *authority = g_ptr_array_index (all, i);

      if (!ic_authority_is_current (authority))
        continue;
      n_authorities++;
      for (guint k = 0; k < G_N_ELEMENTS (types); k++)
        {
          g_autofree char *source = g_strdup_printf ("/scale/%u-%u.txt", i, k);

          g_ptr_array_add (reports, make_report (source, ic_authority_get_name (authority),
                                                 types[k], 1 + k, 1 + (i % 12),
                                                 2012 + (i + 3 * k) % 14, grades[k]));
        }
    }
  g_assert_cmpuint (reports->len, ==, 900);
  return reports;
}

/* The same, added in one batch. */
void
fill_store_at_scale (IcReportStore *store)
{
  g_autoptr(GPtrArray) reports = make_reports_at_scale ();

  ic_report_store_add_batch (store, reports);
}

GtkWidget *
find_widget_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget_with_tooltip (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
collect_by_class (GtkWidget  *widget,
                  const char *css_class,
                  GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_by_class (c, css_class, found);
}

/* The Link to an Earlier Item dialog open, or NULL. */
IcLinkDialog *
open_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (IC_IS_LINK_DIALOG (window))
        return IC_LINK_DIALOG (window);
    }
  return NULL;
}
