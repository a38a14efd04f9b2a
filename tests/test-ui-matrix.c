/* test-ui-matrix.c: the matrix view: its cells, keyboard, header, rows
 * arriving, and the lists staying at the top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

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

#include <sys/resource.h>
#include <gdk/x11/gdkx.h>
#include <cairo-xlib.h>

static void
test_cell_description (void)
{
  g_autoptr(IcReport) report = make_report ("/r/x.txt", "Richmond upon Thames",
                                            IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                            IC_GRADE_GOOD);
  g_autoptr(IcReport) visit = make_report ("/r/y.txt", "Greenwich", IC_INSPECTION_TYPE_FOCUSED_VISIT,
                                           1, G_DATE_MAY, 2021, IC_GRADE_NONE);
  /* Judged under the 2023 framework, which grades care leavers apart: a
   * missing care leavers' grade is not "part of children in care". */
  g_autoptr(IcReport) later = make_report ("/r/z.txt", "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           8, G_DATE_MARCH, 2024, IC_GRADE_GOOD);
  g_autofree char *text = ic_ui_cell_description (report, IC_AREA_OVERALL_EFFECTIVENESS);
  g_autofree char *later_care_leavers = NULL;
  g_autofree char *care_leavers = NULL;
  g_autofree char *not_graded = NULL;
  IcGrade grade;

  g_assert_cmpstr (text, ==,
                   "Richmond upon Thames, Overall effectiveness, Good, inspection ended 4 February 2022");
  care_leavers = ic_ui_cell_text (report, IC_AREA_CARE_LEAVERS, &grade);
  g_assert_cmpstr (care_leavers, ==, "Part of children in care");
  later_care_leavers = ic_ui_cell_text (later, IC_AREA_CARE_LEAVERS, &grade);
  g_assert_cmpstr (later_care_leavers, ==, "—");
  not_graded = ic_ui_cell_text (visit, IC_AREA_OVERALL_EFFECTIVENESS, &grade);
  g_assert_cmpstr (not_graded, ==, "Not graded");
}

/* A report read from a PDF cut short keeps the grades read from it; an
 * area it has no grade for is "not read", never "—" (no judgement
 * given): the page that held the grade may be the part missing. */
static void
test_cell_cut_short (void)
{
  g_autoptr(IcReport) report = make_report ("/r/cut.pdf", "Richmond upon Thames",
                                            IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                            IC_GRADE_GOOD);
  g_autoptr(IcReport) whole = make_report ("/r/whole.pdf", "Richmond upon Thames",
                                           IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2023,
                                           IC_GRADE_GOOD);
  g_autofree char *graded = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *whole_missing = NULL;
  g_autofree char *said = NULL;
  g_autofree char *whole_said = NULL;
  IcGrade grade;

  _ic_report_set_damage (report, IC_DAMAGE_CUT_SHORT);
  graded = ic_ui_cell_text (report, IC_AREA_OVERALL_EFFECTIVENESS, &grade);
  g_assert_cmpstr (graded, ==, "Good");
  missing = ic_ui_cell_text (report, IC_AREA_LEADERSHIP, &grade);
  g_assert_cmpstr (missing, ==, "Not read (file cut short)");
  g_assert_true (g_strv_contains (ic_ui_no_grade_texts (), missing));
  said = ic_ui_cell_description (report, IC_AREA_LEADERSHIP);
  g_assert_cmpstr (said, ==, "Richmond upon Thames, The impact of leaders, Not read (file cut short), "
                             "inspection ended 4 February 2022");
  whole_missing = ic_ui_cell_text (whole, IC_AREA_LEADERSHIP, &grade);
  g_assert_cmpstr (whole_missing, ==, "—");
  whole_said = ic_ui_cell_description (whole, IC_AREA_LEADERSHIP);
  g_assert_nonnull (strstr (whole_said, ", not judged, "));
}

/* Text cells compute their tooltip when asked: a tooltip set on every
 * bound cell asked the X server where the pointer was, once per cell. */
static guint
assert_text_cells_ask_for_tooltips (GtkWidget *widget)
{
  guint n = 0;

  if (IC_IS_TEXT_CELL (widget) && ic_text_cell_get_text (IC_TEXT_CELL (widget)) != NULL &&
      *ic_text_cell_get_text (IC_TEXT_CELL (widget)) != '\0')
    {
      g_assert_null (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_widget_get_has_tooltip (widget));
      n++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += assert_text_cells_ask_for_tooltips (c);
  return n;
}

/* Tab goes from one judgement cell to the next, each named in full. */
static void
test_matrix_keyboard (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window),
                                                                IC_TYPE_REPORTS_VIEW));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  const char *description;
  IcReport *report;
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (200000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  collect_cells (matrix, cells);
  g_assert_cmpuint (cells->len, >=, 2);
  g_assert_cmpuint (assert_text_cells_ask_for_tooltips (matrix), >, 0);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (cells, 0)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (IC_IS_GRADE_CELL (focus) && gtk_widget_has_css_class (focus, "grade-cell"));
  g_assert_true (focus != g_ptr_array_index (cells, 0));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (focus)), ==,
                   GTK_ACCESSIBLE_ROLE_BUTTON);

  /* Enter (the cell's activate signal) opens the cell's report. */
  g_assert_null (ic_reports_view_get_report (reports));
  g_assert_true (gtk_widget_activate (focus));
  report = ic_reports_view_get_report (reports);
  g_assert_nonnull (report);
  description = ic_grade_cell_get_description (IC_GRADE_CELL (focus));
  g_assert_nonnull (strstr (description, ic_report_get_authority (report)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses a key as GTK's capture phase would hand it to the grid view. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) &&
          gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static IcReport *
report_at (GListModel *rows,
           guint       position)
{
  g_autoptr(IcReport) report = g_list_model_get_item (rows, position);

  return report;
}

/* The row of the focused grade cell, once the grid view has built it and
 * the cell has the focus (it may first scroll to the row). */
static IcMatrixRow *
wait_for_focused_row (IcWindow *window,
                      IcReport *report)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWidget *focus = focus_of (window);
      GtkWidget *row = focus ? gtk_widget_get_parent (focus) : NULL;

      if (IC_IS_MATRIX_ROW (row) && ic_matrix_row_get_report (IC_MATRIX_ROW (row)) == report)
        return IC_MATRIX_ROW (row);
      wait_frames (1);
    }
  return NULL;
}

/* The matrix is walked as a grid: arrows move a cell at a time, Home and
 * End to the row's ends, Ctrl+Home and Ctrl+End to the first and last
 * rows; Tab leaves it in one step, and enters it at the first row. */
static void
test_matrix_grid_keys (void)
{
  IcWindow *window = new_window_with_reports ();
  IcMatrixView *matrix = IC_MATRIX_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW));
  GtkWidget *grid_view = find_child_of_type (GTK_WIDGET (matrix), GTK_TYPE_GRID_VIEW);
  GtkWidget *header = find_child_of_type (GTK_WIDGET (matrix), IC_TYPE_MATRIX_HEADER);
  GListModel *rows;
  GtkWidget *first, *row;

  ic_matrix_view_set_latest_only (matrix, FALSE);
  /* Earlier tests may have left another view to come back to. */
  adw_view_stack_set_visible_child_name (window->view_stack, "matrix");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 500);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (20);
  rows = ic_matrix_view_get_rows (matrix);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);

  /* Tab from the last column title: the first row's first grade. */
  for (int c = IC_MATRIX_N_COLUMNS - 1; c >= 0; c--)
    if (gtk_widget_get_child_visible (ic_matrix_header_get_button (IC_MATRIX_HEADER (header), c)))
      {
        g_assert_true (gtk_widget_grab_focus (ic_matrix_header_get_button (IC_MATRIX_HEADER (header), c)));
        break;
      }
  g_assert_true (press_key (header, GDK_KEY_Tab, 0));
  row = GTK_WIDGET (wait_for_focused_row (window, report_at (rows, 0)));
  g_assert_nonnull (row);
  first = focus_of (window);
  g_assert_true (first == ic_matrix_row_get_cell (IC_MATRIX_ROW (row), IC_MATRIX_COLUMN_FIRST_AREA));

  /* Right: the next shown area of the same row; Left back. */
  g_assert_true (press_key (grid_view, GDK_KEY_Right, 0));
  g_assert_true (gtk_widget_get_parent (focus_of (window)) == row);
  g_assert_true (focus_of (window) != first);
  g_assert_true (press_key (grid_view, GDK_KEY_Left, 0));
  g_assert_true (focus_of (window) == first);

  /* Down: the same column of the next row. */
  g_assert_true (press_key (grid_view, GDK_KEY_Down, 0));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 1)));
  g_assert_true (focus_of (window) == ic_matrix_row_get_cell (IC_MATRIX_ROW (gtk_widget_get_parent (focus_of (window))),
                                                              IC_MATRIX_COLUMN_FIRST_AREA));

  /* Ctrl+End: the last row; Ctrl+Home: the first cell again. */
  g_assert_true (press_key (grid_view, GDK_KEY_End, GDK_CONTROL_MASK));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 6)));
  g_assert_true (press_key (grid_view, GDK_KEY_Home, GDK_CONTROL_MASK));
  g_assert_nonnull (wait_for_focused_row (window, report_at (rows, 0)));
  g_assert_true (focus_of (window) == first);

  /* Tab leaves the grid: the focus is outside it, not on another cell. */
  g_assert_true (press_key (grid_view, GDK_KEY_Tab, 0));
  g_assert_nonnull (focus_of (window));
  g_assert_false (gtk_widget_is_ancestor (focus_of (window), grid_view));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  guint position, removed, added, n;
} Change;

static void
record_change_cb (GListModel *rows,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  *change = (Change) { position, removed, added, change->n + 1 };
}

static GtkStringObject *
string_at (GListModel *model,
           guint       position)
{
  GtkStringObject *item = g_list_model_get_item (model, position);

  g_object_unref (item);
  return item;
}

/* A row that another takes the place of (a provisional report replaced
 * by the whole one) is one change where it is: the view rebinds that row
 * in place instead of removing it and moving every row below twice. */
static void
test_row_feed_replace (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GListStore) source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(IcRowFeed) feed = ic_row_feed_new (widget, GTK_TYPE_STRING_OBJECT, NULL, NULL);
  g_autoptr(GtkStringObject) replacement = gtk_string_object_new ("c2");
  GListModel *rows = ic_row_feed_get_rows (feed);
  const char *names[] = { "a", "b", "c", "d", "e" };
  Change change = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (names[i]);
      g_list_store_append (source, item);
    }
  ic_row_feed_set_source (feed, G_LIST_MODEL (source));
  ic_row_feed_flush (feed);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);

  g_signal_connect (rows, "items-changed", G_CALLBACK (record_change_cb), &change);
  g_list_store_splice (source, 2, 1, (gpointer *) &replacement, 1);
  ic_row_feed_flush (feed);
  g_assert_cmpuint (change.n, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (string_at (rows, 2) == replacement);

  /* Removing and adding rows still ends with the source's rows. */
  g_list_store_remove (source, 0);
  g_list_store_remove (source, 3);
  ic_row_feed_flush (feed);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (string_at (rows, i) == string_at (G_LIST_MODEL (source), i));

  g_signal_handlers_disconnect_by_func (rows, record_change_cb, &change);
  g_object_unref (widget);
}

/* A text cell is one line: it can shrink to "…", says when it is cut
 * short (its tooltip then shows the whole text) and names itself to a
 * screen reader with its text. */
static void
test_text_cell (void)
{
  GtkWidget *cell = g_object_ref_sink (ic_text_cell_new ());
  int min_width, nat_width, height, wide_height, dummy;

  ic_text_cell_set_text (IC_TEXT_CELL (cell), "Blackburn with Darwen Borough Council");
  g_assert_cmpstr (ic_text_cell_get_text (IC_TEXT_CELL (cell)), ==,
                   "Blackburn with Darwen Borough Council");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (nat_width, >, 4 * min_width);
  /* One line however narrow. */
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, min_width, &height, &dummy, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, nat_width, &wide_height, &dummy, NULL, NULL);
  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (height, ==, wide_height);

  gtk_widget_allocate (cell, nat_width / 3, height, -1, NULL);
  g_assert_true (ic_text_cell_is_cut (IC_TEXT_CELL (cell)));
  gtk_widget_allocate (cell, nat_width + 10, height, -1, NULL);
  g_assert_false (ic_text_cell_is_cut (IC_TEXT_CELL (cell)));
  g_object_unref (cell);
}

/* A grade wraps between words, never inside one, and grows taller when
 * its column is narrow. */
static void
test_grade_cell_size (void)
{
  GtkWidget *cell = g_object_ref_sink (ic_grade_cell_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("improvement"));
  int min_width, nat_width, word_width, one_line, narrow, dummy;

  ic_grade_cell_set_text (IC_GRADE_CELL (cell), "Requires improvement");
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &word_width, &dummy, NULL, NULL);
  g_assert_cmpint (min_width, >=, word_width);
  g_assert_cmpint (nat_width, >, min_width);

  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, 1000, &one_line, &dummy, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, min_width, &narrow, &dummy, NULL, NULL);
  g_assert_cmpint (one_line, >, 0);
  g_assert_cmpint (narrow, >=, 2 * one_line - 2);

  ic_grade_cell_set_description (IC_GRADE_CELL (cell), "Leadership: good");
  g_assert_cmpstr (ic_grade_cell_get_description (IC_GRADE_CELL (cell)), ==, "Leadership: good");
  g_object_unref (label);
  g_object_unref (cell);
}

/* A second cell showing a grade another cell measured, in the same
 * font, lays nothing out to measure it (a reopen's batch gives a
 * screenful of rows new reports at once), and has the same sizes; a
 * text not seen before is measured. */
static void
test_grade_cell_shared_sizes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[3];
  int min[3], nat[3], height[3], dummy;
  guint before;

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cells[i] = ic_grade_cell_new ();
      gtk_box_append (GTK_BOX (box), cells[i]);
      ic_grade_cell_set_text (IC_GRADE_CELL (cells[i]), i < 2 ? "Requires improvement to be good"
                                                               : "Requires improvement to be better");
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      before = ic_drawn_cell_get_n_text_layouts ();
      gtk_widget_measure (cells[i], GTK_ORIENTATION_HORIZONTAL, -1, &min[i], &nat[i], NULL, NULL);
      gtk_widget_measure (cells[i], GTK_ORIENTATION_VERTICAL, 90, &height[i], &dummy, NULL, NULL);
      g_test_message ("cell %u: %u layouts", i, ic_drawn_cell_get_n_text_layouts () - before);
      if (i == 1)
        g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), ==, before);
      else
        g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), >, before);
    }
  g_assert_cmpint (min[1], ==, min[0]);
  g_assert_cmpint (nat[1], ==, nat[0]);
  g_assert_cmpint (height[1], ==, height[0]);
  g_assert_cmpint (height[0], >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Grades are shown in columns of several widths: a grade measured in
 * each is laid out once per width, not again whenever a column of
 * another width measured it in between (seven layouts of "Not graded"
 * in a reopen's first rows). A text cut short on one line is one line
 * high whatever its width. */
static void
test_grade_cell_heights_per_width (void)
{
  const int widths[] = { 90, 130, 90, 130, 170, 90 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text_cells[3];
  int heights[G_N_ELEMENTS (widths)];
  int text_height[G_N_ELEMENTS (text_cells)], dummy;
  guint before;

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *cell = ic_grade_cell_new ();

      gtk_box_append (GTK_BOX (box), cell);
      ic_grade_cell_set_text (IC_GRADE_CELL (cell), "Requires improvement to be good, in another column");
      before = ic_drawn_cell_get_n_text_layouts ();
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, widths[i], &heights[i], &dummy, NULL, NULL);
      g_test_message ("column of %d px: %u layouts", widths[i], ic_drawn_cell_get_n_text_layouts () - before);
      /* A width seen before lays nothing out; 90 px came back after 130. */
      if (i == 2 || i == 3 || i == 5)
        g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), ==, before);
      else
        g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), >, before);
    }
  g_assert_cmpint (heights[2], ==, heights[0]);
  g_assert_cmpint (heights[3], ==, heights[1]);
  g_assert_cmpint (heights[0], >, heights[4]);

  for (guint i = 0; i < G_N_ELEMENTS (text_cells); i++)
    {
      text_cells[i] = ic_text_cell_new ();
      gtk_box_append (GTK_BOX (box), text_cells[i]);
      ic_text_cell_set_text (IC_TEXT_CELL (text_cells[i]), "Barking, Havering and Redbridge, one line");
    }
  before = ic_drawn_cell_get_n_text_layouts ();
  gtk_widget_measure (text_cells[0], GTK_ORIENTATION_HORIZONTAL, -1, &dummy, &dummy, NULL, NULL);
  gtk_widget_measure (text_cells[0], GTK_ORIENTATION_VERTICAL, -1, &text_height[0], &dummy, NULL, NULL);
  g_test_message ("a new line: %u layouts", ic_drawn_cell_get_n_text_layouts () - before);
  before = ic_drawn_cell_get_n_text_layouts ();
  gtk_widget_measure (text_cells[1], GTK_ORIENTATION_VERTICAL, 60, &text_height[1], &dummy, NULL, NULL);
  gtk_widget_measure (text_cells[2], GTK_ORIENTATION_VERTICAL, 300, &text_height[2], &dummy, NULL, NULL);
  g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), ==, before);
  g_assert_cmpint (text_height[1], ==, text_height[0]);
  g_assert_cmpint (text_height[2], ==, text_height[0]);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A grade that fits its column on one line ("Good", "visit Mar 2025")
 * is laid out for its widths only, its height that line's; one too
 * wide for the column still wraps onto more lines. */
static void
test_grade_cell_one_line (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = ic_grade_cell_new ();
  GtkWidget *wide = ic_grade_cell_new ();
  int line, height, dummy;
  guint before;

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), wide);
  ic_grade_cell_set_text (IC_GRADE_CELL (cell), "visit Feb 2031");
  ic_grade_cell_set_text (IC_GRADE_CELL (wide), "visit Feb 2031, and then another in March 2031");
  before = ic_drawn_cell_get_n_text_layouts ();
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, 300, &height, &dummy, NULL, NULL);
  g_test_message ("one line: %u layouts", ic_drawn_cell_get_n_text_layouts () - before);
  /* Its line, and its least width (its longest word). */
  g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), ==, before + 2);
  {
    PangoLayout *layout = gtk_widget_create_pango_layout (cell, "visit Feb 2031");
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    line = PANGO_PIXELS_CEIL (logical.height);
    g_object_unref (layout);
  }
  g_assert_cmpint (height, ==, line);
  gtk_widget_measure (wide, GTK_ORIENTATION_VERTICAL, 60, &height, &dummy, NULL, NULL);
  g_assert_cmpint (height, >, line);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A line cut short is laid out once to be measured; its minimum width
 * is what Pango gives it at width 0 (the ellipsis). */
static void
test_text_cell_one_layout (void)
{
  const char *texts[] = { "Barking and Dagenham, measured once", "27 March 2025 and once more", "W", "" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *cell = ic_text_cell_new ();
      PangoLayout *layout = gtk_widget_create_pango_layout (cell, texts[i]);
      PangoRectangle logical;
      int min, nat, height;
      guint before;

      gtk_box_append (GTK_BOX (box), cell);
      ic_text_cell_set_text (IC_TEXT_CELL (cell), texts[i]);
      before = ic_drawn_cell_get_n_text_layouts ();
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      g_test_message ("\"%s\": %u layouts, min %d, natural %d", texts[i],
                      ic_drawn_cell_get_n_text_layouts () - before, min, nat);
      g_assert_cmpuint (ic_drawn_cell_get_n_text_layouts (), ==, before + 1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_width (layout, 0);
      pango_layout_get_extents (layout, NULL, &logical);
      g_assert_cmpint (min, ==, PANGO_PIXELS_CEIL (logical.width));
      g_assert_cmpint (nat, >=, min);
      g_object_unref (layout);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row of the matrix showing @report, or NULL. */
static IcMatrixRow *
find_matrix_row (GtkWidget *widget,
                 IcReport  *report)
{
  if (IC_IS_MATRIX_ROW (widget))
    {
      GtkWidget *authority = ic_matrix_row_get_cell (IC_MATRIX_ROW (widget), IC_MATRIX_COLUMN_AUTHORITY);
      GtkWidget *ended = ic_matrix_row_get_cell (IC_MATRIX_ROW (widget), IC_MATRIX_COLUMN_ENDED);
      g_autofree char *date = ic_ui_report_date (report);

      if (g_strcmp0 (ic_text_cell_get_text (IC_TEXT_CELL (authority)), ic_report_get_authority (report)) == 0 &&
          g_strcmp0 (ic_text_cell_get_text (IC_TEXT_CELL (ended)), date) == 0)
        return IC_MATRIX_ROW (widget);
      return NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      IcMatrixRow *row = find_matrix_row (c, report);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static IcReport *
add_judgement (IcReport *report,
               IcArea    area,
               IcGrade   grade)
{
  g_autoptr(IcJudgement) j = ic_judgement_new (area, ic_area_to_label (area), grade, 1);

  _ic_report_add_judgement (report, j);
  return report;
}

/* "Latest Inspections" tells the current story: each authority's latest
 * graded report, with the visits after it as a badge that opens them;
 * an inspection under the April 2026 framework, which gives no overall
 * effectiveness, says so and sorts by its other grades. */
/* The matrix's count of its rows: its status label. */
static GtkLabel *
count_label_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = count_label_of (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_matrix_latest_story (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (matrix, IC_TYPE_MATRIX_HEADER));
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_MAY, 2026);
  IcReport *graded, *visit, *later_visit, *framework_2026, *good, *sif, *sif_visit;
  GListModel *rows;
  GtkWidget *badge, *overall;
  IcMatrixRow *row;

  graded = make_report ("/r/a-2019.txt", "Barnet", IC_INSPECTION_TYPE_ILACS, 8, G_DATE_MARCH, 2019, IC_GRADE_GOOD);
  visit = make_report ("/r/a-2023.txt", "Barnet", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2, G_DATE_FEBRUARY, 2023, IC_GRADE_NONE);
  later_visit = make_report ("/r/a-2024.txt", "Barnet", IC_INSPECTION_TYPE_MONITORING_VISIT, 10, G_DATE_JULY, 2024, IC_GRADE_NONE);
  framework_2026 = make_report ("/r/b-2026.txt", "Camden", IC_INSPECTION_TYPE_ILACS, 15, G_DATE_MAY, 2026, IC_GRADE_NONE);
  _ic_report_set_start_date (framework_2026, start);
  add_judgement (framework_2026, IC_AREA_LEADERSHIP, IC_GRADE_INADEQUATE);
  add_judgement (framework_2026, IC_AREA_CHILDREN_IN_CARE, IC_GRADE_GOOD);
  good = make_report ("/r/c-2022.txt", "Dorset", IC_INSPECTION_TYPE_ILACS, 1, G_DATE_APRIL, 2022, IC_GRADE_GOOD);
  sif = make_report ("/r/d-2015.txt", "Ealing", IC_INSPECTION_TYPE_SIF, 1, G_DATE_JUNE, 2015, IC_GRADE_REQUIRES_IMPROVEMENT);
  sif_visit = make_report ("/r/d-2017.txt", "Ealing", IC_INSPECTION_TYPE_FOCUSED_VISIT, 9, G_DATE_NOVEMBER, 2017, IC_GRADE_NONE);
  for (IcReport **r = (IcReport *[]) { graded, visit, later_visit, framework_2026, good, sif, sif_visit, NULL }; *r; r++)
    g_ptr_array_add (batch, *r);

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 700);
  ic_report_store_add_batch (store, batch);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* One row per authority: the graded report, never a later visit. */
  rows = ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  /* The count says the rows are authorities, chosen from 7 reports. */
  g_assert_cmpstr (gtk_label_get_label (count_label_of (matrix)), ==, "4 authorities (latest of 7 reports)");
  row = find_matrix_row (matrix, graded);
  g_assert_nonnull (row);
  badge = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (badge)), ==, "2 visits, latest Jul 2024");
  row = find_matrix_row (matrix, good);
  g_assert_false (gtk_widget_get_visible (ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS)));

  /* One later visit: the badge opens it. */
  row = find_matrix_row (matrix, sif);
  badge = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS);
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (badge)), ==, "visit Nov 2017");
  g_assert_true (gtk_widget_activate (badge));
  g_assert_true (ic_reports_view_get_report (reports) == sif_visit);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  settle ();

  /* The 2026 framework's missing overall grade is named, and the report
   * sorts by its worst grade (inadequate leadership), worst first. */
  row = find_matrix_row (matrix, framework_2026);
  overall = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_cmpstr (ic_grade_cell_get_text (IC_GRADE_CELL (overall)), ==, "Not given (2026 framework)");
  ic_matrix_header_sort_by (header, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS), GTK_SORT_DESCENDING);
  rows = ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  {
    g_autoptr(IcReport) first = g_list_model_get_item (rows, 0);

    g_assert_true (first == framework_2026);
  }

  /* All reports: no badges. */
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  settle ();
  row = find_matrix_row (matrix, graded);
  g_assert_false (gtk_widget_get_visible (ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_LATER_VISITS)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Rows that arrive above the first one shown (reports read out of
 * order) leave a list at the top at the top. @data: the view's name. */
static void
test_list_stays_at_top (gconstpointer data)
{
  const char *name = data;
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GtkWidget *view = g_str_equal (name, "matrix") ? matrix
                    : find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (find_child_of_type (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  FrameCount frames = { 0, 0 };
  double highest = 0;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);

  /* Each report sorts before all those already shown. */
  for (guint i = 40; i-- > 0;)
    {
      g_autofree char *source = g_strdup_printf ("/r/top-%02u.txt", i);
      g_autofree char *authority = g_strdup_printf ("Authority %02u", i);
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (batch, make_report (source, authority, IC_INSPECTION_TYPE_ILACS, 1,
                                           G_DATE_MAY, 2020, IC_GRADE_GOOD));
      ic_report_store_add_batch (ic_window_get_store (window), batch);
      g_assert_true (run_until (view_complete, view));
      /* Laid out: the view places its rows when it allocates them. */
      frames.until = frames.ticks + 3;
      g_assert_true (run_until (frames_passed, &frames));
      highest = MAX (highest, gtk_adjustment_get_value (vadjustment));
    }
  /* The list is longer than the window, so it could have moved. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat (highest, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where @widget's border box starts, from the left of the window. */
static double
x_in_window (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds));
  return bounds.origin.x;
}

static gboolean
adjustment_laid_out (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > 0;
}

/* The matrix's titles stand over their columns, also when the rows are
 * wider than the window and scrolled sideways. */
static void
test_matrix_header_follows_rows (void)
{
  IcWindow *window = new_window_with_reports ();
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcMatrixHeader *header = IC_MATRIX_HEADER (find_child_of_type (matrix, IC_TYPE_MATRIX_HEADER));
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (find_child_of_type (matrix, GTK_TYPE_SCROLLED_WINDOW)));
  guint column = IC_MATRIX_COLUMN_AREA (IC_AREA_CHILDREN_IN_CARE);
  FrameCount frames = { 0, 0 };
  IcMatrixRow *row;

  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  IcReport *every_area = make_report ("/r/york-2013.txt", "York", IC_INSPECTION_TYPE_SIF, 1,
                                      G_DATE_MAY, 2013, IC_GRADE_NONE);

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* Every area's column shown: wider than the window. */
  for (guint a = 0; a < IC_N_AREAS; a++)
    {
      g_autoptr(IcJudgement) judgement = ic_judgement_new (a, ic_area_to_label (a), IC_GRADE_GOOD, 1);

      _ic_report_add_judgement (every_area, judgement);
    }
  g_ptr_array_add (batch, every_area);
  ic_report_store_add_batch (ic_window_get_store (window), batch);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  ic_matrix_view_get_rows (IC_MATRIX_VIEW (matrix));
  g_assert_true (run_until (adjustment_laid_out, hadjustment));
  frames.until = frames.ticks + 3;
  g_assert_true (run_until (frames_passed, &frames));
  row = IC_MATRIX_ROW (find_child_of_type (matrix, IC_TYPE_MATRIX_ROW));
  g_assert_nonnull (row);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));

  for (guint step = 0; step < 2; step++)
    {
      GtkWidget *title = ic_matrix_header_get_button (header, column);
      GtkWidget *cell = ic_matrix_row_get_cell (row, column);

      double cell_x = x_in_window (cell);
      double title_x = x_in_window (title);

      /* A cell keeps a few pixels of margin and padding inside its column. */
      g_test_message ("scrolled %.0f: title at %.0f, cell at %.0f in the window",
                      gtk_adjustment_get_value (hadjustment), title_x, cell_x);
      g_assert_cmpfloat (cell_x - title_x, >=, 0);
      g_assert_cmpfloat (cell_x - title_x, <=, 8);
      gtk_adjustment_set_value (hadjustment, 200);
      frames.until = frames.ticks + 3;
      g_assert_true (run_until (frames_passed, &frames));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 200);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the matrix's row widgets show its first ten rows: less than
 * a screenful in an 800 pixels high window. */
static void
assert_rows_on_screen (GtkWidget  *matrix,
                       GListModel *rows)
{
  GtkWidget *grid = find_child_of_type (matrix, GTK_TYPE_GRID_VIEW);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);

  for (GtkWidget *item = gtk_widget_get_first_child (grid); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row != NULL && IC_IS_MATRIX_ROW (row) && gtk_widget_get_mapped (row))
        g_hash_table_add (shown, ic_matrix_row_get_report (IC_MATRIX_ROW (row)));
    }
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (rows, i);

      g_assert_true (g_hash_table_contains (shown, report));
    }
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  return ic_report_compare (*(IcReport **) a, *(IcReport **) b);
}

static gboolean
matrix_warmed_up (gpointer matrix)
{
  return ic_matrix_view_get_warmed_fonts (matrix) != NULL;
}

/* A reopen reads hundreds of reports from the cache in one batch, all
 * over the authorities' order, so every row on screen gets another
 * report: the matrix shows the right rows in that one change, and
 * reuses its rows' widgets rather than making a screenful of new ones
 * (GTK 4.8 makes a widget for every item new on screen: half of such a
 * batch's main-thread time). */
static void
test_matrix_reuses_rows (void)
{
  IcWindow *window = ic_window_new (NULL);
  IcReportStore *store = ic_window_get_store (window);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  g_autoptr(GPtrArray) all = make_reports_at_scale ();
  GPtrArray *batches[10];
  FrameCount frames = { 0, 0 };
  GListModel *rows;
  guint made, all_made = 0;

  /* Every tenth report in each batch: reports arrive all over the
   * authorities' order, and rows on screen get other reports. */
  g_ptr_array_sort (all, compare_reports);
  for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
    {
      batches[b] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = b; i < all->len; i += G_N_ELEMENTS (batches))
        g_ptr_array_add (batches[b], g_object_ref (g_ptr_array_index (all, i)));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  gtk_window_present (GTK_WINDOW (window));
  ic_matrix_view_set_latest_only (IC_MATRIX_VIEW (matrix), FALSE);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  /* The matrix shows once there are reports. */
  ic_report_store_add_batch (store, batches[0]);
  g_ptr_array_unref (batches[0]);
  g_assert_true (run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, matrix));
  /* The rows made ahead while the window waited are not the batches'. */
  g_assert_true (run_until (matrix_warmed_up, matrix));
  for (guint b = 1; b < G_N_ELEMENTS (batches); b++)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        if (i % G_N_ELEMENTS (batches) <= b)
          g_ptr_array_add (sorted, g_ptr_array_index (all, i));
      made = ic_matrix_row_get_n_made ();
      ic_report_store_add_batch (store, batches[b]);
      /* The rows are the reports' in their order in the one change,
       * before any frame. */
      rows = shown_model (matrix);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 90 * (b + 1));
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(IcReport) shown = g_list_model_get_item (rows, i);
          g_assert_true (shown == g_ptr_array_index (sorted, i));
        }
      frames.until = frames.ticks + 3;
      g_assert_true (run_until (frames_passed, &frames));
      assert_rows_on_screen (matrix, rows);
      made = ic_matrix_row_get_n_made () - made;
      g_test_message ("batch %u: %u rows made", b, made);
      all_made += made;
      g_ptr_array_unref (batches[b]);
    }
  /* Rows made while the window waited, and those a batch let go of (GTK
   * lets them go at the end of a change), are the next batches' rows:
   * 12 were made new without them. */
  g_assert_cmpuint (all_made, <=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pages the kernel faulted in for the main thread: fresh memory. */
static long
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

/* What GTK 4.8's cairo renderer does at the end of a frame on X11: the
 * frame, drawn into an image, painted on the window's cairo-xlib surface,
 * which copies it through an image of its shared memory. Returns the
 * pages the main thread faulted in for that copy. */
static long
copy_frame_faults (GdkSurface *surface,
                   int         width,
                   int         height)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  XWindowAttributes attributes;
  cairo_surface_t *window;
  /* A small change's copy the X server is not done with yet: cairo
   * takes it from the same pool. */
  cairo_surface_t *in_flight;
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (frame);
  long before;

  XGetWindowAttributes (xdisplay, gdk_x11_surface_get_xid (surface), &attributes);
  window = cairo_xlib_surface_create (xdisplay, gdk_x11_surface_get_xid (surface), attributes.visual,
                                      attributes.width, attributes.height);
  in_flight = cairo_surface_create_similar_image (window, CAIRO_FORMAT_ARGB32, 64, 64);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cr = cairo_create (window);
  cairo_set_source_surface (cr, frame, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  before = thread_faults ();
  cairo_paint (cr);
  cairo_surface_flush (window);
  before = thread_faults () - before;
  cairo_destroy (cr);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (in_flight);
  cairo_surface_destroy (window);
  XSync (xdisplay, False);
  return before;
}

/* The first frame with rows copies a screenful of them to the window
 * through cairo-xlib's shared memory: into pages made resident while the
 * window waited for a folder, not some 850 fresh ones the kernel faults
 * in and clears in that frame. */
static void
test_matrix_copy_pool (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  GdkSurface *surface;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (matrix_warmed_up, matrix));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (!GDK_IS_X11_DISPLAY (gdk_surface_get_display (surface)))
    {
      g_test_skip ("cairo-xlib copies frames only on X11");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  /* The rows area of that window (in ic-screenshot's, 3.5 MB), then the
   * whole window (the content page's first frame, rows and all), each
   * time with a small copy in flight. */
  for (guint round = 0; round < 4; round++)
    {
      int height = round % 2 == 0 ? 680 : gdk_surface_get_height (surface);
      long faults = copy_frame_faults (surface, gdk_surface_get_width (surface), height);

      g_assert_cmpint (faults, <, 50);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/matrix/cell-description", test_cell_description);
  g_test_add_func ("/ui/matrix/cell-cut-short", test_cell_cut_short);
  g_test_add_func ("/ui/matrix/keyboard", test_matrix_keyboard);
  g_test_add_func ("/ui/matrix/grid-keys", test_matrix_grid_keys);
  g_test_add_func ("/ui/matrix/grade-cell-size", test_grade_cell_size);
  g_test_add_func ("/ui/matrix/grade-cell-shared-sizes", test_grade_cell_shared_sizes);
  g_test_add_func ("/ui/matrix/grade-cell-heights-per-width", test_grade_cell_heights_per_width);
  g_test_add_func ("/ui/list/text-cell-one-layout", test_text_cell_one_layout);
  g_test_add_func ("/ui/matrix/grade-cell-one-line", test_grade_cell_one_line);
  g_test_add_func ("/ui/list/text-cell", test_text_cell);
  g_test_add_func ("/ui/row-feed/replace", test_row_feed_replace);
  g_test_add_func ("/ui/matrix/header-follows-rows", test_matrix_header_follows_rows);
  g_test_add_data_func ("/ui/matrix/stays-at-top", "matrix", test_list_stays_at_top);
  g_test_add_data_func ("/ui/reports/stays-at-top", "reports", test_list_stays_at_top);
  g_test_add_func ("/ui/matrix/latest-story", test_matrix_latest_story);
  g_test_add_func ("/ui/matrix/reuses-rows", test_matrix_reuses_rows);
  g_test_add_func ("/ui/matrix/copy-pool", test_matrix_copy_pool);

  return g_test_run ();
}
