/* test-ui-reports.c: the reports list, the report page and printing
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
#include "ic-changes.h"
#include "ic-chart-private.h"
#include "ic-chart-widget.h"
#include "ic-correction-widgets.h"
#include "ic-failure.h"
#include "ic-grade-cell.h"
#include "ic-failures-dialog.h"
#include "ic-link-dialog.h"
#include "ic-loader.h"
#include "ic-timeline-view.h"
#include "ic-matrix-view.h"
#include "ic-pages.h"
#include "ic-passage-text.h"
#include "ic-search-index.h"
#include "ic-search-view.h"
#include "ic-print-operation.h"
#include "ic-recurrence-links.h"
#include "ic-report-filter.h"
#include "ic-report-page.h"
#include "ic-report-private.h"
#include "ic-authority-page.h"
#include "ic-reports-view.h"
#include "ic-row-feed.h"
#include "ic-text-cell.h"
#include "ic-suggestions.h"
#include "ic-themes.h"
#include "ic-matrix-header.h"
#include "ic-matrix-row.h"
#include "ic-sheet.h"
#include "ic-test-util.h"
#include "ic-ui-util.h"
#include "ic-window-private.h"
#include "ic-ui-test-reports.h"
#include "ic-ui-test-util.h"

/* A page's text is shown from its first line with text to its last. */
static void
test_trim_blank_lines (void)
{
  struct { const char *in, *out; } cases[] = {
    { "\n\n  \n   Indented first line\nsecond\n\n \n", "   Indented first line\nsecond" },
    { "No blank lines", "No blank lines" },
    { "\r\n\t\r\nWindows\r\n\r\n", "Windows" },
    { " \n \n", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len;
      const char *start = ic_ui_trim_blank_lines (cases[i].in, &len);
      g_autofree char *got = g_strndup (start, len);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

static void
test_report_page_find (void)
{
  g_autoptr(IcReport) report = make_report ("/r/x.txt", "Richmond upon Thames",
                                            IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                            IC_GRADE_GOOD);
  IcReportPage *page = g_object_ref_sink (g_object_new (IC_TYPE_REPORT_PAGE, NULL));

  ic_report_page_set_report (page, report);
  g_assert_true (ic_report_page_get_report (page) == report);
  g_assert_cmpuint (ic_report_page_find (page, "planning"), ==, 2);
  g_assert_cmpuint (ic_report_page_find (page, "absent words"), ==, 0);
  g_assert_finalize_object (page);
}

/* Whether a text cell under @widget shows text holding @part. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (IC_IS_TEXT_CELL (widget) && ic_text_cell_get_text (IC_TEXT_CELL (widget)) != NULL &&
      strstr (ic_text_cell_get_text (IC_TEXT_CELL (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, part))
      return TRUE;
  return FALSE;
}

/* The list of reports says which file was read in part (a PDF cut
 * short), beside its name; a whole file is named alone. */
static void
test_reports_list_damage (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  IcReport *cut = make_report ("/r/cut.pdf", "Richmond upon Thames", IC_INSPECTION_TYPE_ILACS,
                               4, G_DATE_FEBRUARY, 2022, IC_GRADE_GOOD);
  GtkWidget *view;

  _ic_report_set_damage (cut, IC_DAMAGE_CUT_SHORT);
  g_ptr_array_add (reports, cut);
  g_ptr_array_add (reports, make_report ("/r/whole.pdf", "Richmond upon Thames", IC_INSPECTION_TYPE_ILACS,
                                         4, G_DATE_FEBRUARY, 2023, IC_GRADE_GOOD));
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  settle ();
  view = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_assert_true (shows_text (view, "cut.pdf (read in part)"));
  g_assert_true (shows_text (view, "whole.pdf"));
  g_assert_false (shows_text (view, "whole.pdf ("));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A report read from a PDF cut short says so in a banner above its page;
 * a whole report, opened next in the same page, shows none. */
static void
test_report_page_damage (void)
{
  g_autoptr(IcReport) cut = make_report ("/r/cut.pdf", "Richmond upon Thames",
                                         IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2022,
                                         IC_GRADE_GOOD);
  g_autoptr(IcReport) whole = make_report ("/r/whole.pdf", "Richmond upon Thames",
                                           IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY, 2023,
                                           IC_GRADE_GOOD);
  IcReportPage *page = g_object_ref_sink (g_object_new (IC_TYPE_REPORT_PAGE, NULL));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *banner;

  _ic_report_set_damage (cut, IC_DAMAGE_CUT_SHORT);
  ic_report_page_set_report (page, cut);
  collect_by_class (GTK_WIDGET (page), "damage-banner", found);
  g_assert_cmpuint (found->len, ==, 1);
  banner = g_ptr_array_index (found, 0);
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (banner)), "cut short"));

  ic_report_page_set_report (page, whole);
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_finalize_object (page);
}

static void
export_print (GListModel   *reports,
              IcPrintScope  scope,
              const char   *path)
{
  IcPrintOperation *operation = ic_print_operation_new (reports, NULL, scope);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_finalize_object (operation);
}

static void
export_report_print (GListModel *reports,
                     IcReport   *report,
                     const char *path)
{
  IcPrintOperation *operation = ic_print_operation_new (reports, NULL, IC_PRINT_SCOPE_REPORTS);
  g_autoptr(GError) error = NULL;

  ic_print_operation_set_report (operation, report);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_finalize_object (operation);
}

/* The Reports tab prints what it shows: the list, one row a report, or
 * the open report's page with its judgements, items, themes and
 * strengths, corrected values marked. */
static void
test_print_reports_tab (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GListStore) many = g_list_store_new (IC_TYPE_REPORT);
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *list = g_build_filename (dir, "list.pdf", NULL);
  g_autofree char *long_list = g_build_filename (dir, "long-list.pdf", NULL);
  g_autofree char *page = g_build_filename (dir, "page.pdf", NULL);
  IcReport *report;

  fill_store (store);
  report = ic_report_store_find_content (store, "/r/greenwich-2019.txt");
  {
    /* A published report changes only by a swap of its value. */
    g_autoptr(IcReport) draft = _ic_report_edit (report);

    _ic_report_add_strength (draft, "Made-up strength: leaders know their services well.");
    _ic_report_mark_corrected (draft, "grade.overall_effectiveness");
    _ic_report_commit (report, draft);
  }
  {
    g_autoptr(IcSheet) sheet = ic_sheet_new_report (report);
    g_autofree char *text = ic_sheet_to_text (sheet);

    g_assert_nonnull (strstr (text, "Greenwich\n"));
    g_assert_nonnull (strstr (text, "Overall effectiveness\tInadequate (corrected)"));
    g_assert_nonnull (strstr (text, "1. The quality of plans for children."));
    g_assert_nonnull (strstr (text, "Themes: Plans and planning"));
    g_assert_nonnull (strstr (text, "• Made-up strength"));
    g_assert_cmpuint (ic_sheet_paginate (sheet, IC_A4_WIDTH - 72, IC_A4_HEIGHT - 72), ==, 1);
  }
  {
    g_autoptr(IcSheet) sheet = ic_sheet_new_list (G_LIST_MODEL (store));
    g_autofree char *text = ic_sheet_to_text (sheet);

    g_assert_nonnull (strstr (text, "7 inspection reports\n"));
    g_assert_nonnull (strstr (text, "Norfolk\tLooked after children"));
  }

  export_report_print (G_LIST_MODEL (store), NULL, list);
  g_assert_cmpuint (count_pdf_pages (list), ==, 1);
  export_report_print (G_LIST_MODEL (store), report, page);
  g_assert_cmpuint (count_pdf_pages (page), ==, 1);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/%u.txt", i);
      g_autoptr(IcReport) r = make_report (source, "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           1, G_DATE_MAY, 2010 + i % 15, IC_GRADE_GOOD);
      g_list_store_append (many, r);
    }
  export_report_print (G_LIST_MODEL (many), NULL, long_list);
  g_assert_cmpuint (count_pdf_pages (long_list), >, 3);

  g_unlink (list);
  g_unlink (long_list);
  g_unlink (page);
  g_rmdir (dir);
}

static void
test_print_export (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GListStore) many = g_list_store_new (IC_TYPE_REPORT);
  g_autofree char *dir = g_dir_make_tmp ("ic-print-XXXXXX", NULL);
  g_autofree char *small = g_build_filename (dir, "small.pdf", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *big = g_build_filename (dir, "big.pdf", NULL);

  fill_store (store);
  export_print (G_LIST_MODEL (store), IC_PRINT_SCOPE_MATRIX, small);
  g_assert_cmpuint (count_pdf_pages (small), ==, 1);

  /* The pack prints the pages the render library lays out for A4. */
  {
    g_autoptr(IcPages) pages = ic_pages_paginate (G_LIST_MODEL (store), NULL, NULL,
                                                  IC_A4_WIDTH, IC_A4_HEIGHT);

    g_assert_cmpuint (ic_pages_get_n_pages (pages), >, 2);
    export_print (G_LIST_MODEL (store), IC_PRINT_SCOPE_PACK, pack);
    g_assert_cmpuint (count_pdf_pages (pack), ==, ic_pages_get_n_pages (pages));
  }

  /* 200 rows do not fit one A4 landscape page: the table carries on. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/%u.txt", i);
      g_autoptr(IcReport) r = make_report (source, "Greenwich", IC_INSPECTION_TYPE_ILACS,
                                           1, G_DATE_MAY, 2010 + i % 15, IC_GRADE_GOOD);
      g_list_store_append (many, r);
    }
  export_print (G_LIST_MODEL (many), IC_PRINT_SCOPE_MATRIX, big);
  g_assert_cmpuint (count_pdf_pages (big), >, 3);

  g_unlink (small);
  g_unlink (pack);
  g_unlink (big);
  g_rmdir (dir);
}

/* Reports of Bexley, each with the same words about pre-proceedings
 * (item 1): any matcher links them. */
typedef struct { const char *source; IcInspectionType type; guint year; } MadeReport;

static IcWindow *
new_window_made (const MadeReport *made,
                 guint             n_made)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_made; i++)
    {
      IcReport *report = make_report (made[i].source, "Bexley", made[i].type, 10, G_DATE_MAY, made[i].year,
                                      made[i].type == IC_INSPECTION_TYPE_ILACS ? IC_GRADE_GOOD : IC_GRADE_NONE);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of pre-proceedings work under the "
                                        "public law outline, so that children do not wait.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                        (const char *[]) { "permanence_and_adoption", NULL });

      g_autofree char *content_id = g_strdup_printf ("bexley%u", made[i].year);

      /* Content ids are hashes, with no dot to split a field name at. */
      _ic_report_set_content_id (report, content_id);
      _ic_report_add_improvement (report, item);
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

/* Bexley 2018 and 2021. */
static IcWindow *
new_window_with_chain (void)
{
  static const MadeReport made[] = {
    { "/r/bexley-2018.txt", IC_INSPECTION_TYPE_ILACS, 2018 },
    { "/r/bexley-2021.txt", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2021 },
  };

  return new_window_made (made, G_N_ELEMENTS (made));
}

/* The Unlink button of the page whose correction names @field. */
static GtkWidget *
unlink_button_for (GtkWidget  *page,
                   const char *field)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_class (page, "recurrence-unlink", buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (g_ptr_array_index (buttons, i));
      const char *id, *button_field;

      g_variant_get_child (target, 0, "&s", &id);
      g_variant_get_child (target, 1, "&s", &button_field);
      if (g_str_equal (button_field, field))
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

static guint
count_class (GtkWidget  *widget,
             const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_by_class (widget, css_class, found);
  return found->len;
}

/* "Since the … of …: N raised again, …" on the page: N. */
static guint
raised_again (GtkWidget *widget)
{
  const char *text;

  if (GTK_IS_LABEL (widget) && (text = gtk_label_get_label (GTK_LABEL (widget))) != NULL &&
      g_str_has_prefix (text, "Since the ") && strstr (text, " raised again") != NULL)
    {
      g_autofree char *head = g_strndup (text, strstr (text, " raised again") - text);

      return (guint) g_ascii_strtoull (strrchr (head, ' ') + 1, NULL, 10);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      guint n = raised_again (c);

      if (n != G_MAXUINT)
        return n;
    }
  return G_MAXUINT;
}

/* Links on the page whose label ends with @end. */
static guint
count_links_ending (GtkWidget  *widget,
                    const char *end)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  guint n = 0;

  collect_by_class (widget, "recurrence-link", found);
  for (guint i = 0; i < found->len; i++)
    n += g_str_has_suffix (gtk_button_get_label (g_ptr_array_index (found, i)), end);
  return n;
}

static guint
timeline_links (IcWindow *window)
{
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  IcChartWidget *chart = IC_CHART_WIDGET (find_child_of_type (timeline, IC_TYPE_CHART_WIDGET));

  GPtrArray *links;
  guint lines = 0;

  ic_chart_widget_update (chart);
  links = ic_chart_widget_get_chart (chart)->links;
  /* The steps drawn, not the marks' counts. */
  for (guint i = 0; i < links->len; i++)
    lines += !((IcChartLink *) g_ptr_array_index (links, i))->mark_only;
  return lines;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Opens the Link to an Earlier Item dialog of the page's item @index. */
static IcLinkDialog *
show_link_dialog (GtkWidget *page,
                  guint      index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  IcLinkDialog *dialog;

  g_assert_null (open_link_dialog ());
  collect_by_class (page, "recurrence-link-earlier", buttons);
  g_assert_cmpuint (buttons->len, >, index);
  g_signal_emit_by_name (g_ptr_array_index (buttons, index), "clicked");
  dialog = open_link_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static GtkListBox *
dialog_list (IcLinkDialog *dialog)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_by_class (GTK_WIDGET (dialog), "link-dialog-list", found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

/* The dialog's rows the search leaves. */
static GPtrArray *
dialog_rows (IcLinkDialog *dialog)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (dialog_list (dialog))); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_child_visible (c))
      g_ptr_array_add (rows, c);
  return rows;
}

/* The dialog's shown row that makes the correction @field, or NULL. */
static GtkListBoxRow *
dialog_row_for (IcLinkDialog *dialog,
                const char   *field)
{
  g_autoptr(GPtrArray) rows = dialog_rows (dialog);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "ic-link-field"), field) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* Whether the dialog of the page's item @index offers @field; closes it. */
static gboolean
link_dialog_offers (GtkWidget  *page,
                    guint       index,
                    const char *field)
{
  IcLinkDialog *dialog = show_link_dialog (page, index);
  gboolean offered = dialog_row_for (dialog, field) != NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  return offered;
}

/* The count the window's timeline marks the item of @year with, 0 when none;
 * *@lines gets how many lines it draws. */
static guint
timeline_times_in (IcWindow *window,
                   guint     year,
                   guint    *lines)
{
  GtkWidget *timeline = find_child_of_type (GTK_WIDGET (window), IC_TYPE_TIMELINE_VIEW);
  IcChartWidget *chart = IC_CHART_WIDGET (find_child_of_type (timeline, IC_TYPE_CHART_WIDGET));
  GPtrArray *links;
  guint times = 0;

  ic_chart_widget_update (chart);
  links = ic_chart_widget_get_chart (chart)->links;
  *lines = 0;
  for (guint i = 0; i < links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (links, i);

      *lines += !link->mark_only;
      if (link->mark_only && g_date_get_year (&link->later) == year)
        times = MAX (times, link->times_raised);
    }
  return times;
}

/* `times_raised` of the first item raised again of report @source in
 * the JSON export of what the window shows. */
static gint64
json_times_raised (IcWindow   *window,
                   const char *source)
{
  GListModel *all = G_LIST_MODEL (ic_window_get_store (window));
  g_autoptr(GListStore) none = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(JsonNode) document = ic_changes_export_document (all, ic_window_get_reports (window),
                                                              G_LIST_MODEL (none));
  JsonArray *reports = json_object_get_array_member (json_node_get_object (document), "reports");

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      JsonObject *changes;

      if (g_strcmp0 (json_object_get_string_member (report, "source"), source) != 0 ||
          json_object_get_null_member (report, "changes"))
        continue;
      changes = json_object_get_object_member (report, "changes");
      return json_object_get_int_member (json_array_get_object_element (
        json_object_get_array_member (changes, "raised_again"), 0), "times_raised");
    }
  return -1;
}

/* The report page's "↻ Raised N times" of its first item: N. */
static guint
page_times_raised (GtkWidget *page)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const char *text;

  collect_by_class (page, "recurrence-times", found);
  if (found->len == 0)
    return 0;
  text = gtk_label_get_label (g_ptr_array_index (found, 0));
  return (guint) g_ascii_strtoull (strstr (text, "Raised ") + strlen ("Raised "), NULL, 10);
}

/* With "From 2020", an item raised in 2015, 2018 and 2021 says "3" on
 * the window's timeline as on its report page and in the JSON: the count
 * is of every loaded report, whichever years are shown; no line is drawn
 * to the reports the filter hides. */
static void
test_times_raised_under_date_filter (void)
{
  static const MadeReport made[] = {
    { "/r/bexley-2015.txt", IC_INSPECTION_TYPE_ILACS, 2015 },
    { "/r/bexley-2018.txt", IC_INSPECTION_TYPE_ILACS, 2018 },
    { "/r/bexley-2021.txt", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2021 },
  };
  IcWindow *window = new_window_made (made, G_N_ELEMENTS (made));
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  IcReportFilter *filter = IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window))));
  guint lines;

  ic_report_filter_reset (filter);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (timeline_times_in (window, 2021, &lines), ==, 3);
  g_assert_cmpuint (lines, ==, 2);

  ic_report_filter_set_from_year (filter, 2020);
  g_assert_cmpuint (g_list_model_get_n_items (ic_window_get_reports (window)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/bexley-2021.txt");
  g_assert_cmpuint (page_times_raised (reports), ==, 3);
  g_assert_cmpint (json_times_raised (window, "/r/bexley-2021.txt"), ==, 3);
  g_assert_cmpuint (timeline_times_in (window, 2021, &lines), ==, 3);
  g_assert_cmpuint (lines, ==, 0);

  ic_report_filter_reset (filter);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Unlink on a recurrence link: the link leaves the page, the counts of
 * what changed and the timeline's joins follow, the correction is saved;
 * Undo brings it back; Link to an Earlier Item links the pair again, as
 * the user's link, and its Unlink takes it back. */
static void
test_recurrence_unlink_relink (void)
{
  IcWindow *window = new_window_with_chain ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  IcReport *later = ic_report_store_find_content (ic_window_get_store (window), "bexley2021");
  const char *field = "improvements.1.recurs_from.bexley2018.1";
  g_autofree char *path = ic_corrections_get_default_path ();
  IcLinkDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *unlink;
  guint links, raised, buttons, times;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* The corrections file outlives a run: start from the method's word. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "bexley2021", field);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/bexley-2021.txt");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == later);
  links = timeline_links (window);
  raised = raised_again (reports);
  buttons = count_class (reports, "recurrence-unlink");
  /* Each item raised again says how many times, as its timeline mark. */
  times = count_class (reports, "recurrence-times");
  unlink = unlink_button_for (reports, field);
  g_assert_nonnull (unlink);
  g_assert_cmpuint (raised, >=, 1);
  g_assert_cmpuint (times, ==, raised);
  g_assert_cmpuint (raised, !=, G_MAXUINT);

  /* Unlink: gone from the page, one fewer raised again, one step fewer
   * on the timeline, and saved. */
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_null (unlink_button_for (reports, field));
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, buttons - 1);
  g_assert_cmpuint (raised_again (reports), ==, raised - 1);
  g_assert_cmpuint (count_class (reports, "recurrence-times"), ==, times - 1);
  g_assert_cmpuint (timeline_links (window), ==, links - 1);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (later), field));
  g_assert_true (file_contains (path, "recurs_from"));

  /* Undo: the link is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_nonnull (unlink_button_for (reports, field));
  g_assert_cmpuint (raised_again (reports), ==, raised);
  g_assert_cmpuint (timeline_links (window), ==, links);

  /* Unlinked again, the pair is offered by Link to an Earlier Item;
   * choosing it links the items as the user's link. */
  g_assert_false (link_dialog_offers (reports, 1, field));
  g_signal_emit_by_name (unlink_button_for (reports, field), "clicked");
  dialog = show_link_dialog (reports, 1);
  row = dialog_row_for (dialog, field);
  g_assert_nonnull (row);
  g_signal_emit_by_name (dialog_list (dialog), "row-activated", row);
  g_assert_null (open_link_dialog ());
  unlink = unlink_button_for (reports, field);
  g_assert_nonnull (unlink);
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 1);
  g_assert_cmpuint (raised_again (reports), ==, raised);

  /* The user's own link unlinks like any other, and stays unlinked
   * though the method would link the pair. */
  g_signal_emit_by_name (unlink, "clicked");
  g_assert_null (unlink_button_for (reports, field));
  g_assert_cmpuint (raised_again (reports), ==, raised - 1);
  g_assert_true (file_contains (path, "different"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "bexley2021", field);
  g_assert_false (file_contains (path, "bexley2021"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One report of an authority's made for a link dialog: its items after
 * the plans item every made report has. */
typedef struct
{
  const char *source, *id;
  guint       year;
  const char *items[5];
} MadeItems;

static IcWindow *
new_window_with_items (const char      *authority,
                       const MadeItems *made,
                       guint            n_made)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_made; i++)
    {
      IcReport *report = make_report (made[i].source, authority, IC_INSPECTION_TYPE_ILACS, 10, G_DATE_MAY,
                                      made[i].year, IC_GRADE_GOOD);

      _ic_report_set_content_id (report, made[i].id);
      for (guint k = 0; made[i].items[k] != NULL; k++)
        {
          g_autoptr(IcImprovement) item =
            ic_improvement_new_with_themes (made[i].items[k], IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY,
                                            NULL, 0, (const char *[]) { "workforce", NULL });

          _ic_report_add_improvement (report, item);
        }
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

/* Hartlepool 2015, 2018 and 2021, each with the shared plans item and
 * items of their own that no matcher links. */
static IcWindow *
new_window_with_unlinked_items (void)
{
  static const MadeItems made[] = {
    { "/r/hartlepool-2015.txt", "hartlepool2015", 2015,
      { "Sufficiency of foster homes for older children.",
        "Supervision of social workers, so that it is regular and reflective.", NULL } },
    { "/r/hartlepool-2018.txt", "hartlepool2018", 2018,
      { "Return home interviews for children who go missing.", NULL } },
    { "/r/hartlepool-2021.txt", "hartlepool2021", 2021,
      { "Emotional health support for care leavers.", NULL } },
  };

  return new_window_with_items ("Hartlepool", made, G_N_ELEMENTS (made));
}

/* Darlington 2015, 2019 and 2023: 2023's second item asks for
 * supervision and oversight of permanence planning. The finder links
 * it to 2015's supervision item; 2015's permanence item and 2019's
 * adoption item share its concern and score below the finder's
 * threshold. Its third item names adoption only in a purpose clause:
 * those two items share little with it. Its fourth shares words, and no
 * concept, with 2015's last. */
static IcWindow *
new_window_with_near_items (void)
{
  static const MadeItems made[] = {
    { "/r/darlington-2015.txt", "darlington2015", 2015,
      { "Permanence planning for children in care, including through special guardianship.",
        "Sufficiency of foster homes.",
        "Supervision of social workers, so that it is regular and reflective.",
        "Interpreters for families whose first language is not English.", NULL } },
    { "/r/darlington-2019.txt", "darlington2019", 2019,
      { "The timeliness of decisions about adoption.", NULL } },
    { "/r/darlington-2023.txt", "darlington2023", 2023,
      { "Regular supervision and management oversight of permanence planning.",
        "Life-story work, so that children who are adopted understand their history.",
        "Access to interpreters for families with English as an additional language.", NULL } },
  };

  return new_window_with_items ("Darlington", made, G_N_ELEMENTS (made));
}

static GtkWidget *change_row (GtkWidget  *page,
                              const char *status,
                              const char *words);

static GtkWidget *
find_child_by_label (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_child_by_label (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
heading_of (GtkListBoxRow *row)
{
  GtkWidget *header = gtk_list_box_row_get_header (row);

  return header != NULL ? gtk_label_get_label (GTK_LABEL (header)) : NULL;
}

/* Link to an Earlier Item: the dialog lists the earlier reports' items,
 * the latest report first, each report under its heading; a search keeps
 * the items with its words and says when none has them; Enter links the
 * one item left, as the user's link shown on the page, counted as raised
 * again and saved; Undo takes it back; choosing an item and Link does the
 * same; Cancel links nothing. */
static void
test_link_dialog (void)
{
  IcWindow *window = new_window_with_unlinked_items ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  IcReportStore *store = ic_window_get_store (window);
  IcReport *later = ic_report_store_find_content (store, "hartlepool2021");
  g_autofree char *name2018 = ic_ui_report_name (ic_report_store_find_content (store, "hartlepool2018"));
  g_autofree char *name2015 = ic_ui_report_name (ic_report_store_find_content (store, "hartlepool2015"));
  const char *foster = "improvements.1.recurs_from.hartlepool2015.1";
  const char *missing = "improvements.1.recurs_from.hartlepool2018.1";
  g_autofree char *path = ic_corrections_get_default_path ();
  g_autoptr(GPtrArray) rows = NULL;
  IcLinkDialog *dialog;
  GtkWidget *search, *link;
  guint links, raised;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/hartlepool-2021.txt");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == later);
  links = timeline_links (window);
  raised = raised_again (reports);
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 0);

  /* 2018's items under its heading, then 2015's under theirs; no
   * likely matches first, since none shares the item's concern. */
  dialog = show_link_dialog (reports, 1);
  rows = dialog_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 0)), ==, name2018);
  g_assert_null (heading_of (g_ptr_array_index (rows, 1)));
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 2)), ==, name2015);
  g_assert_null (heading_of (g_ptr_array_index (rows, 3)));
  g_assert_null (heading_of (g_ptr_array_index (rows, 4)));

  g_assert_nonnull (dialog_row_for (dialog, missing));
  g_assert_nonnull (dialog_row_for (dialog, foster));

  /* A search keeps its items, headings and all. */
  search = find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "FOSTER homes");
  g_signal_emit_by_name (search, "search-changed");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dialog_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == dialog_row_for (dialog, foster));
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 0)), ==, name2015);
  gtk_editable_set_text (GTK_EDITABLE (search), "no such words");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_null (dialog_row_for (dialog, foster));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_child_of_type (GTK_WIDGET (dialog),
                                                                                     GTK_TYPE_STACK))),
                   ==, "empty");

  /* Enter with one item left links it. */
  gtk_editable_set_text (GTK_EDITABLE (search), "foster");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (search, "activate");
  g_assert_null (open_link_dialog ());
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 1);
  g_assert_nonnull (unlink_button_for (reports, foster));
  g_assert_cmpuint (raised_again (reports), ==, raised + 1);
  g_assert_cmpuint (timeline_links (window), ==, links + 1);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (later), foster));
  g_assert_true (file_contains (path, foster));
  /* Linked, it is not offered again. */
  g_assert_false (link_dialog_offers (reports, 1, foster));

  /* Undo: gone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 0);
  g_assert_cmpuint (raised_again (reports), ==, raised);
  g_assert_false (file_contains (path, foster));

  /* Cancel links nothing. */
  dialog = show_link_dialog (reports, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_null (open_link_dialog ());
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 0);

  /* Chosen, then Link: Link is sensitive only with an item chosen. */
  dialog = show_link_dialog (reports, 1);
  link = find_child_by_label (GTK_WIDGET (dialog), "_Link");
  g_assert_nonnull (link);
  g_assert_false (gtk_widget_get_sensitive (link));
  gtk_list_box_select_row (dialog_list (dialog), dialog_row_for (dialog, missing));
  g_assert_true (gtk_widget_get_sensitive (link));
  g_signal_emit_by_name (link, "clicked");
  g_assert_null (open_link_dialog ());
  g_assert_nonnull (unlink_button_for (reports, missing));
  g_assert_cmpuint (count_links_ending (reports, "(linked by you)"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "hartlepool2021", missing);
  g_assert_false (file_contains (path, "hartlepool2021"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The likeliest earlier items come first, under their own heading,
 * each saying its report and the concern it shares, and link like any
 * other row; the item the finder linked is not among them, and a search
 * filters them with the rest. An item nothing comes close to has no
 * such group. */
static void
test_link_dialog_suggestions (void)
{
  IcWindow *window = new_window_with_near_items ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  g_autofree char *name2019 = ic_ui_report_name (ic_report_store_find_content (ic_window_get_store (window),
                                                                               "darlington2019"));
  const char *permanence = "improvements.1.recurs_from.darlington2015.1";
  const char *adoption = "improvements.1.recurs_from.darlington2019.1";
  const char *supervision = "improvements.1.recurs_from.darlington2015.3";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) captions = g_ptr_array_new ();
  IcLinkDialog *dialog;
  GtkWidget *search;
  guint suggested = 0;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* The corrections file outlives a run: start from the method's word. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "darlington2023", permanence);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/darlington-2023.txt");
  g_assert_nonnull (unlink_button_for (reports, supervision));

  dialog = show_link_dialog (reports, 1);
  rows = dialog_rows (dialog);
  g_assert_cmpuint (rows->len, >, 2);
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 0)), ==, "Likely Matches");
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 0), "ic-link-field"), ==, permanence);
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 1), "ic-link-field"), ==, adoption);
  while (suggested < rows->len && (suggested == 0 || heading_of (g_ptr_array_index (rows, suggested)) == NULL))
    suggested++;
  g_assert_cmpuint (suggested, <=, IC_SUGGESTIONS_SHOWN);
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, suggested)), ==, name2019);
  for (guint i = 0; i < suggested; i++)
    g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, i), "ic-link-field"), !=, supervision);
  collect_by_class (g_ptr_array_index (rows, 0), "link-dialog-caption", captions);
  g_assert_cmpuint (captions->len, ==, 1);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (g_ptr_array_index (captions, 0)),
                                   "2015 \u00b7 Also about: Permanence, adoption and special guardianship"));

  /* Searching filters the likely matches too. */
  search = find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "adoption");
  g_signal_emit_by_name (search, "search-changed");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dialog_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 0)), ==, "Likely Matches");
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 1)), ==, name2019);

  /* Chosen from the likely matches, it links as any row does. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_signal_emit_by_name (dialog_list (dialog), "row-activated", dialog_row_for (dialog, permanence));
  g_assert_null (open_link_dialog ());
  g_assert_nonnull (unlink_button_for (reports, permanence));
  /* Linked, it is suggested no more: the adoption item comes first. */
  dialog = show_link_dialog (reports, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dialog_rows (dialog);
  g_assert_cmpstr (g_object_get_data (g_ptr_array_index (rows, 0), "ic-link-field"), ==, adoption);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A likely match that shares words only says so. */
  dialog = show_link_dialog (reports, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dialog_rows (dialog);
  g_ptr_array_set_size (captions, 0);
  collect_by_class (g_ptr_array_index (rows, 0), "link-dialog-caption", captions);
  g_assert_cmpuint (captions->len, ==, 1);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (g_ptr_array_index (captions, 0)),
                                   "2015 \u00b7 Worded alike"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An item that shares little with any earlier one has none. */
  dialog = show_link_dialog (reports, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = dialog_rows (dialog);
  g_assert_cmpstr (heading_of (g_ptr_array_index (rows, 0)), ==, name2019);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "darlington2023", permanence);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What changed on the authority's page says which items were raised
 * again by the user's link. One correction only: libadwaita 1.2 can
 * crash when a toast is dismissed while it is still being shown, as the
 * next correction's toast does. */
static void
test_authority_linked_by_you (void)
{
  IcWindow *window = new_window_with_unlinked_items ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  const char *missing = "improvements.1.recurs_from.hartlepool2018.1";
  g_autofree char *path = ic_corrections_get_default_path ();
  IcLinkDialog *dialog;
  GtkWidget *page;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/hartlepool-2021.txt");
  gtk_widget_activate_action (find_child_of_type (reports, IC_TYPE_REPORT_PAGE), "page.show-authority", NULL);
  settle ();
  page = find_child_of_type (reports, IC_TYPE_AUTHORITY_PAGE);
  g_assert_null (change_row (page, "Raised 2 times, first in 2018 (linked by you)", "Emotional health support"));
  gtk_widget_activate_action (reports, "reports.back", NULL);
  settle ();

  dialog = show_link_dialog (reports, 1);
  g_signal_emit_by_name (dialog_list (dialog), "row-activated", dialog_row_for (dialog, missing));
  gtk_widget_activate_action (find_child_of_type (reports, IC_TYPE_REPORT_PAGE), "page.show-authority", NULL);
  settle ();
  g_assert_nonnull (change_row (page, "Raised 2 times, first in 2018 (linked by you)", "Emotional health support"));
  g_assert_null (change_row (page, "Raised 2 times, first in 2018", "Emotional health support"));

  /* Taken back with no toast, for the reason above. */
  g_assert_true (ic_session_correct (window->session, "hartlepool2021", missing, NULL, NULL));
  g_assert_false (file_contains (path, "hartlepool2021"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page's link buttons whose label has @words, in a list the caller
 * owns. */
static GPtrArray *
links_with (GtkWidget  *page,
            const char *words)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect_by_class (page, "recurrence-link", all);
  for (guint i = 0; i < all->len; i++)
    if (strstr (gtk_button_get_label (g_ptr_array_index (all, i)), words) != NULL)
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

/* Halton 2016 and 2022: the return home interviews item is repeated
 * word for word (a close match), the fostering one in other words (a
 * possible match). The page says which link to check, on both reports,
 * and the tooltip says why. */
static void
test_link_strength (void)
{
  static const MadeItems made[] = {
    { "/r/halton-2016.txt", "halton2016", 2016,
      { "The timeliness of return home interviews for children who go missing.",
        "Sufficiency of foster homes for older children.", NULL } },
    { "/r/halton-2022.txt", "halton2022", 2022,
      { "The timeliness of return home interviews for children who go missing.",
        "Recruitment of foster carers so that children live near home.", NULL } },
  };
  IcWindow *window = new_window_with_items ("Halton", made, G_N_ELEMENTS (made));
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  const char *pages[] = { "/r/halton-2022.txt", "/r/halton-2016.txt" };

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_window_present (GTK_WINDOW (window));
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr(GPtrArray) possible = NULL;
      g_autoptr(GPtrArray) close = NULL;
      GtkWidget *button;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", pages[p]);
      g_assert_cmpuint (count_class (reports, "recurrence-link"), ==, 2);
      possible = links_with (reports, "(possibly the same concern: ");
      g_assert_cmpuint (possible->len, ==, 1);
      button = g_ptr_array_index (possible, 0);
      g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (button)), "; check the wording)"));
      g_assert_true (gtk_widget_has_css_class (button, "recurrence-possible"));
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), "A possible match: "));
      g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (button), "Open that report"));

      close = links_with (reports, "(same concern: ");
      g_assert_cmpuint (close->len, ==, 1);
      button = g_ptr_array_index (close, 0);
      g_assert_false (gtk_widget_has_css_class (button, "recurrence-possible"));
      g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (button), "A close match: "));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Halton 2018 with two items, and a 2020 visit whose statement says the
 * areas of the last inspection remain: it carries both forward. */
static IcWindow *
new_window_with_carried_forward (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  IcReport *inspection = make_report ("/r/halton-2018.txt", "Halton", IC_INSPECTION_TYPE_ILACS, 10, G_DATE_MAY,
                                      2018, IC_GRADE_GOOD);
  IcReport *visit = _ic_report_new ("/r/halton-2020.txt");
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("The sufficiency of foster homes for older children.", IC_ITEM_KIND_IMPROVEMENT,
                                    IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                    (const char *[]) { "sufficiency_and_placements", NULL });
  g_autoptr(GDate) end = g_date_new_dmy (5, G_DATE_FEBRUARY, 2020);

  _ic_report_set_content_id (inspection, "halton2018");
  _ic_report_add_improvement (inspection, item);
  _ic_report_set_content_id (visit, "halton2020");
  _ic_report_set_authority (visit, "Halton");
  _ic_report_set_inspection_type (visit, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  _ic_report_set_end_date (visit, end);
  _ic_report_set_improvement_note (visit, "The areas for improvement set out at the last inspection remain.");
  g_ptr_array_add (reports, inspection);
  g_ptr_array_add (reports, visit);
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

/* The first button of class @css_class in @page. */
static GtkWidget *
button_of_class (GtkWidget  *page,
                 const char *css_class)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_class (page, css_class, buttons);
  return buttons->len > 0 ? g_ptr_array_index (buttons, 0) : NULL;
}

/* Unlink on a carried-forward link, on the report whose statement
 * carries it and on the earlier report: the link goes (from the page
 * and the timeline), Undo and Link Again bring it back; Carries Nothing
 * Forward takes every link of the statement, Carry Forward Again gives
 * them back. */
static void
test_carried_forward_unlink (void)
{
  IcWindow *window = new_window_with_carried_forward ();
  GtkWidget *reports = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  IcReport *visit = ic_report_store_find_content (ic_window_get_store (window), "halton2020");
  const char *field = "carried_forward.halton2018.0";
  g_autofree char *path = ic_corrections_get_default_path ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  guint joins;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "halton2020", field);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "halton2020",
                              "carried_forward");
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/halton-2020.txt");
  g_assert_true (ic_reports_view_get_report (IC_REPORTS_VIEW (reports)) == visit);
  joins = timeline_links (window);
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, 2);
  g_assert_nonnull (unlink_button_for (reports, "carried_forward.halton2018.1"));
  g_assert_null (button_of_class (reports, "recurrence-relink"));

  /* Unlink one item: gone from the page and the timeline, saved, and
   * offered back by Link Again. */
  g_signal_emit_by_name (unlink_button_for (reports, field), "clicked");
  g_assert_null (unlink_button_for (reports, field));
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, 1);
  g_assert_cmpuint (timeline_links (window), ==, joins - 1);
  g_assert_true (ic_report_is_corrected (visit, field));
  g_assert_true (file_contains (path, field));
  g_assert_cmpuint (count_class (reports, "recurrence-relink"), ==, 1);

  /* Undo: the link is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_nonnull (unlink_button_for (reports, field));
  g_assert_cmpuint (timeline_links (window), ==, joins);
  g_assert_null (button_of_class (reports, "recurrence-relink"));

  /* Unlinked again, Link Again takes the correction back. */
  g_signal_emit_by_name (unlink_button_for (reports, field), "clicked");
  g_signal_emit_by_name (button_of_class (reports, "recurrence-relink"), "clicked");
  g_assert_nonnull (unlink_button_for (reports, field));
  g_assert_false (ic_report_is_corrected (visit, field));

  /* The statement carries nothing forward; undone, both links return. */
  g_signal_emit_by_name (button_of_class (reports, "recurrence-carries-nothing"), "clicked");
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, 0);
  g_assert_cmpuint (timeline_links (window), ==, joins - 2);
  g_assert_cmpuint (count_class (reports, "recurrence-relink"), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-correction", NULL);
  g_assert_cmpuint (count_class (reports, "recurrence-unlink"), ==, 2);
  g_assert_cmpuint (timeline_links (window), ==, joins);

  /* On the earlier report the link quotes the statement, and unlinks
   * as well. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/halton-2018.txt");
  collect_by_class (reports, "recurrence-link", links);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_nonnull (strstr (gtk_button_get_label (g_ptr_array_index (links, 0)),
                            "by its statement: \u201cThe areas for improvement"));
  g_signal_emit_by_name (unlink_button_for (reports, field), "clicked");
  g_assert_cmpuint (count_class (reports, "recurrence-link"), ==, 1);
  g_assert_true (ic_report_is_corrected (visit, field));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "halton2020", field);
  g_assert_false (file_contains (path, "halton2020"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c);
  return n;
}

/* GTK 4.8 restyles every row widget a list keeps on any change to it,
 * so the list of 900 reports keeps widgets only for about the rows on
 * screen (a GtkColumnView keeps 200 rows of cells: over 1,600 widgets). */
static void
test_reports_list_few_widgets (void)
{
  IcWindow *window = ic_window_new (NULL);
  GtkWidget *list = find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW);
  GtkWidget *scrolled = find_child_of_type (list, GTK_TYPE_SCROLLED_WINDOW);
  FrameCount frames = { 0, 0 };

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  fill_store_at_scale (ic_window_get_store (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  g_assert_true (run_until (view_complete, list));
  frames.until = frames.ticks + 5;
  g_assert_true (run_until (frames_passed, &frames));

  g_assert_cmpuint (shown_rows (list), ==, 900);
  g_test_message ("%u widgets in the list", count_widgets (scrolled));
  g_assert_cmpuint (count_widgets (scrolled), <, 600);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The grades a correction menu offers, as keys. */
static char *
menu_grades (GtkWidget *button)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_autoptr(GString) keys = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      g_string_append_printf (keys, "%s%s", i ? " " : "", g_variant_get_string (target, NULL));
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static char *
menu_state (GtkWidget *button)
{
  GActionGroup *group = g_object_get_data (G_OBJECT (button), "ic-correction-actions");
  g_autoptr(GVariant) state = g_action_group_get_action_state (group, "grade");

  return g_variant_dup_string (state, NULL);
}

/* A grade's correction menu offers the grades of the report's framework
 * and ticks the current one. */
static void
test_correction_menu_grades (void)
{
  IcWindow *window = new_window_with_reports ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  const char *tooltip = "Correct the grade for Overall effectiveness";
  GtkWidget *button;
  g_autofree char *ilacs = NULL, *ilacs_state = NULL, *old = NULL, *old_state = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/greenwich-2019.txt");
  settle ();
  button = find_widget_with_tooltip (GTK_WIDGET (reports), tooltip);
  g_assert_nonnull (button);
  ilacs = menu_grades (button);
  ilacs_state = menu_state (button);
  g_assert_cmpstr (ilacs, ==, "outstanding good requires_improvement inadequate none");
  g_assert_cmpstr (ilacs_state, ==, "inadequate");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/redbridge-2012.txt");
  settle ();
  button = find_widget_with_tooltip (GTK_WIDGET (reports), tooltip);
  old = menu_grades (button);
  old_state = menu_state (button);
  g_assert_cmpstr (old, ==, "outstanding good adequate inadequate none");
  g_assert_cmpstr (old_state, ==, "adequate");

  /* Choosing a grade corrects the report. */
  g_assert_true (gtk_widget_activate_action (button, "correction.grade", "s", "good"));
  settle ();
  g_assert_cmpint (ic_report_get_grade (ic_reports_view_get_report (reports), IC_AREA_OVERALL_EFFECTIVENESS),
                   ==, IC_GRADE_GOOD);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)",
                              "/r/redbridge-2012.txt", "grade.overall_effectiveness");
  settle ();
  g_assert_cmpint (ic_report_get_grade (ic_reports_view_get_report (reports), IC_AREA_OVERALL_EFFECTIVENESS),
                   ==, IC_GRADE_ADEQUATE);

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Bexley twice: the pre-proceedings item raised in 2018 and again in
 * 2021, an item of 2018 not raised in 2021, and one new in 2021 (with
 * make_report()'s item on plans, too general to be linked). */
static IcWindow *
new_window_with_history (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct { const char *source; IcInspectionType type; guint year; const char *other; const char *theme; } made[] = {
    { "/r/bexley-2018.txt", IC_INSPECTION_TYPE_ILACS, 2018,
      "The quality of return home interviews for children who go missing from home.", "missing_and_exploitation" },
    { "/r/bexley-2021.txt", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2021,
      "The timeliness of initial health assessments for children who come into care.", "health" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      IcReport *report = make_report (made[i].source, "Bexley", made[i].type, 10, G_DATE_MAY, made[i].year,
                                      made[i].type == IC_INSPECTION_TYPE_ILACS ? IC_GRADE_GOOD : IC_GRADE_NONE);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("The timeliness of pre-proceedings work under the "
                                        "public law outline, so that children do not wait.",
                                        IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 2,
                                        (const char *[]) { "permanence_and_adoption", NULL });
      g_autoptr(IcImprovement) other =
        ic_improvement_new_with_themes (made[i].other, IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY,
                                        NULL, 3, (const char *[]) { made[i].theme, NULL });
      g_autofree char *content_id = g_strdup_printf ("bexley%u", made[i].year);

      _ic_report_set_content_id (report, content_id);
      _ic_report_add_improvement (report, item);
      _ic_report_add_improvement (report, other);
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), reports);
  return window;
}

/* The matrix row showing one of @authority's reports. */
static IcMatrixRow *
matrix_row_of (GtkWidget  *matrix,
               const char *authority)
{
  if (IC_IS_MATRIX_ROW (matrix) && ic_matrix_row_get_report (IC_MATRIX_ROW (matrix)) != NULL &&
      g_strcmp0 (ic_report_get_authority (ic_matrix_row_get_report (IC_MATRIX_ROW (matrix))), authority) == 0 &&
      gtk_widget_get_mapped (matrix))
    return IC_MATRIX_ROW (matrix);
  for (GtkWidget *c = gtk_widget_get_first_child (matrix); c; c = gtk_widget_get_next_sibling (c))
    {
      IcMatrixRow *row = matrix_row_of (c, authority);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The "what changed" row of the authority page whose subtitle is
 * @status and whose item starts with @words. */
static GtkWidget *
change_row (GtkWidget  *page,
            const char *status,
            const char *words)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_by_class (page, "change-item", rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), status) == 0 &&
        g_str_has_prefix (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), words))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* Halton raised fostering in 2018 and, in other words, in 2021: the
 * method links them as a possible match only, and the authority's page
 * says so in what changed and beside the item, and the report page
 * above it, where "Raised 2 times" read as certain. */
static void
test_authority_page_possible (void)
{
  IcWindow *window = ic_window_new (NULL);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct { const char *source; guint year; const char *text; } made[] = {
    { "/r/halton-2018.txt", 2018, "Sufficiency of foster homes for older children." },
    { "/r/halton-2021.txt", 2021, "Recruitment of foster carers so that children live near home." },
  };
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_AUTHORITY_PAGE);

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      IcReport *report = make_report (made[i].source, "Halton", IC_INSPECTION_TYPE_FOCUSED_VISIT, 10, G_DATE_MAY,
                                      made[i].year, IC_GRADE_NONE);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes (made[i].text, IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 2,
                                        (const char *[]) { "sufficiency_and_placements", NULL });

      _ic_report_add_improvement (report, item);
      g_ptr_array_add (batch, report);
    }
  ic_report_store_add_batch (ic_window_get_store (window), batch);
  gtk_window_present (GTK_WINDOW (window));
  ic_reports_view_show_authority (reports, "Halton");
  settle ();

  g_assert_true (has_label (page, "Since the focused visit of May 2018: 1 raised again (a possible match), 1 new, "
                                  "1 no longer raised"));
  g_assert_nonnull (change_row (page, "Raised 2 times, first in 2018 (possible match)", "Recruitment of foster"));

  /* The report page of 2021 says it above the item's links. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/halton-2021.txt");
  settle ();
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();

    collect_by_class (find_child_of_type (GTK_WIDGET (reports), IC_TYPE_REPORT_PAGE), "recurrence-times", found);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (found, 0)), ==, "\u21bb Raised 2 times (possible match)");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The authority's name in the matrix opens its page: its reports, and
 * what changed from 2018 to 2021 (raised again with the chain's first
 * year, new, no longer raised); an item opens its report's page, and
 * Back walks back to the authority, then to the matrix cell. The report
 * page's Authority button opens the same page. */
static void
test_authority_page (void)
{
  IcWindow *window = new_window_with_history ();
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_AUTHORITY_PAGE);
  IcReport *earlier = ic_report_store_find_content (ic_window_get_store (window), "bexley2018");
  IcReport *later = ic_report_store_find_content (ic_window_get_store (window), "bexley2021");
  const char *unlink = "improvements.1.recurs_from.bexley2018.1";
  IcMatrixRow *row;
  GtkWidget *cell, *item;

  ic_report_filter_reset (IC_REPORT_FILTER (gtk_filter_list_model_get_filter (
    GTK_FILTER_LIST_MODEL (ic_window_get_reports (window)))));
  /* The corrections file outlives a run: start from the method's word. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert-correction", "(ss)", "bexley2021", unlink);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  wait_frames (20);
  row = matrix_row_of (matrix, "Bexley");
  g_assert_nonnull (row);
  cell = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AUTHORITY);
  g_assert_true (gtk_widget_get_focusable (cell));
  g_assert_true (gtk_widget_grab_focus (cell));
  /* Enter on the name: the cell's activate signal. */
  g_assert_true (gtk_widget_activate (cell));
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  g_assert_cmpstr (ic_reports_view_get_authority (reports), ==, "Bexley");
  g_assert_null (ic_reports_view_get_report (reports));

  /* Both reports, oldest first, and what changed in 2021. */
  g_assert_true (has_label (page, "Since the inspection of May 2018: 1 raised again, 2 new, 2 no longer raised"));
  g_assert_nonnull (change_row (page, "Raised 2 times, first in 2018", "The timeliness of pre-proceedings"));
  g_assert_nonnull (change_row (page, "New", "The timeliness of initial health"));
  g_assert_null (change_row (page, "New", "The timeliness of pre-proceedings"));
  item = change_row (page, "No longer raised (was raised on 10 May 2018)", "The quality of return home interviews");
  g_assert_nonnull (item);

  /* An item no longer raised opens the earlier report, at the item. */
  gtk_widget_grab_focus (item);
  g_signal_emit_by_name (item, "activate");
  settle ();
  g_assert_true (ic_reports_view_get_report (reports) == earlier);

  /* Back: the authority again, the keyboard on the item; Back again:
   * the matrix, on the name that opened it. */
  gtk_widget_activate_action (GTK_WIDGET (reports), "reports.back", NULL);
  settle ();
  g_assert_cmpstr (ic_reports_view_get_authority (reports), ==, "Bexley");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == item);

  /* Another authority's report arrives: the page, and the keyboard on
   * its item, stay as they are. */
  {
    g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (batch, make_report ("/r/bromley-2022.txt", "Bromley", IC_INSPECTION_TYPE_ILACS, 3,
                                         G_DATE_MARCH, 2022, IC_GRADE_GOOD));
    ic_report_store_add_batch (ic_window_get_store (window), batch);
    settle ();
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == item);
  }
  gtk_widget_activate_action (GTK_WIDGET (reports), "reports.back", NULL);
  settle ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "matrix");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == cell);

  /* The report page's Authority button: the same page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/bexley-2021.txt");
  g_assert_true (ic_reports_view_get_report (reports) == later);
  gtk_widget_activate_action (find_child_of_type (GTK_WIDGET (reports), IC_TYPE_REPORT_PAGE),
                              "page.show-authority", NULL);
  settle ();
  g_assert_cmpstr (ic_reports_view_get_authority (reports), ==, "Bexley");

  /* The pair unlinked (through the session: no toast): the item is new,
   * the earlier one no longer raised; taken back, raised again. */
  g_assert_true (ic_session_correct (window->session, "bexley2021", unlink, "different", NULL));
  settle ();
  g_assert_true (has_label (page, "Since the inspection of May 2018: 0 raised again, 3 new, 3 no longer raised"));
  g_assert_nonnull (change_row (page, "New", "The timeliness of pre-proceedings"));
  g_assert_true (ic_session_correct (window->session, "bexley2021", unlink, NULL, NULL));
  settle ();
  g_assert_true (has_label (page, "Since the inspection of May 2018: 1 raised again, 2 new, 2 no longer raised"));

  gtk_widget_activate_action (GTK_WIDGET (reports), "reports.back", NULL);
  g_assert_true (ic_reports_view_get_report (reports) == later);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The authority's last reports go (their folder closed, or opened again
 * without them) while its page is shown: the page says none is open, not
 * that one is, and lists nothing. */
static void
test_authority_page_emptied (void)
{
  IcWindow *window = new_window_with_history ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_AUTHORITY_PAGE);
  g_autoptr(GPtrArray) bexley = g_ptr_array_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-authority", "s", "Bexley");
  settle ();
  g_assert_false (has_label (page, "No report of this authority is open."));
  g_assert_false (has_label (page, "There is nothing to compare."));

  g_ptr_array_add (bexley, (gpointer) "/r/bexley-2018.txt");
  g_ptr_array_add (bexley, (gpointer) "/r/bexley-2021.txt");
  ic_report_store_remove_sources (ic_window_get_store (window), bexley);
  settle ();
  g_assert_cmpstr (ic_reports_view_get_authority (reports), ==, "Bexley");
  g_assert_true (has_label (page, "No report of this authority is open."));
  g_assert_true (has_label (page, "There is nothing to compare."));
  g_assert_false (has_label (page, "Only one report of this authority is open: there is nothing to compare it with."));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
open_from_matrix (IcWindow   *window,
                  const char *authority)
{
  GtkWidget *matrix = find_child_of_type (GTK_WIDGET (window), IC_TYPE_MATRIX_VIEW);
  IcMatrixRow *row;
  GtkWidget *cell;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "matrix");
  wait_frames (20);
  row = matrix_row_of (matrix, authority);
  g_assert_nonnull (row);
  cell = ic_matrix_row_get_cell (row, IC_MATRIX_COLUMN_AREA (IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_true (gtk_widget_activate (cell));
  settle ();
}

/* A report opened from the matrix, again and again: the keyboard on the
 * page's Back each time, not one control further on each time (to a
 * selectable label, its words all selected); and a view shown again
 * (Alt+3) its first control each time. */
static void
test_report_opened_focus (void)
{
  IcWindow *window = new_window_with_history ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_REPORT_PAGE);
  GtkWidget *back = find_widget_with_tooltip (page, "Back to Reports");
  GtkWidget *first = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (back);
  for (guint i = 0; i < 4; i++)
    {
      open_from_matrix (window, "Bexley");
      g_assert_nonnull (ic_reports_view_get_report (reports));
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == back);
    }
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
      settle ();
      if (first == NULL)
        first = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (first);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether @widget has a tooltip to show now. */
static gboolean
has_tooltip_now (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* A report's title cut short in a narrow window: the whole title is its
 * tooltip; in a wide window, where it is whole, there is none. */
static void
test_report_title_tooltip (void)
{
  IcWindow *window = new_window_with_history ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_REPORT_PAGE);
  /* The page's first label: its title, in the header. */
  GtkLabel *title = GTK_LABEL (find_child_of_type (page, GTK_TYPE_LABEL));
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (batch, make_report ("/r/hull-2021.txt", "Kingston upon Hull, City of", IC_INSPECTION_TYPE_FOCUSED_VISIT,
                                       10, G_DATE_DECEMBER, 2021, IC_GRADE_NONE));
  ic_report_store_add_batch (ic_window_get_store (window), batch);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/hull-2021.txt");
  wait_frames (20);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Kingston upon Hull, City of — Focused visit, 10 December 2021");
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
  g_assert_true (has_tooltip_now (GTK_WIDGET (title)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  wait_frames (20);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (title)));
  g_assert_false (has_tooltip_now (GTK_WIDGET (title)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A theme chip's × stands apart from the theme's name, not touching it. */
static void
test_theme_chip_gap (void)
{
  IcWindow *window = new_window_with_history ();
  IcReportsView *reports = IC_REPORTS_VIEW (find_child_of_type (GTK_WIDGET (window), IC_TYPE_REPORTS_VIEW));
  GtkWidget *page = find_child_of_type (GTK_WIDGET (reports), IC_TYPE_REPORT_PAGE);
  GtkWidget *remove, *name;
  graphene_rect_t name_box, remove_box;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/bexley-2021.txt");
  wait_frames (20);
  remove = find_widget_with_tooltip (page, "Remove the theme Permanence and adoption");
  g_assert_nonnull (remove);
  name = gtk_widget_get_prev_sibling (remove);
  g_assert_true (GTK_IS_BUTTON (name));
  g_assert_true (gtk_widget_compute_bounds (name, gtk_widget_get_parent (remove), &name_box));
  g_assert_true (gtk_widget_compute_bounds (remove, gtk_widget_get_parent (remove), &remove_box));
  g_assert_cmpfloat (remove_box.origin.x - (name_box.origin.x + name_box.size.width), >=, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The theme editor of an item with @themes, of a report with
 * @content_id (NULL: a report not read from a file). */
static GtkWidget *
theme_editor_for (const char * const *themes,
                  const char         *content_id)
{
  g_autoptr(IcReport) report = make_report ("/r/x.txt", "Bexley", IC_INSPECTION_TYPE_ILACS, 4, G_DATE_FEBRUARY,
                                            2022, IC_GRADE_GOOD);
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("The timeliness of pre-proceedings work.", IC_ITEM_KIND_IMPROVEMENT,
                                    IC_SCOPE_LOCAL_AUTHORITY, NULL, 2, themes);

  _ic_report_set_content_id (report, content_id);
  return g_object_ref_sink (ic_ui_theme_editor (report, item, 0));
}

/* The "+" of an item's themes, for an item with @themes. */
static GtkWidget *
add_theme_button_for (const char * const *themes)
{
  g_autoptr(GtkWidget) editor = theme_editor_for (themes, "bexley2022");

  return g_object_ref (find_child_of_type (editor, GTK_TYPE_MENU_BUTTON));
}

/* An item with three themes greys its "+" and its tooltip says why
 * (test-ui-a11y: so does its description); with fewer, the "+" adds. */
static void
test_add_theme_full (void)
{
  const char *why = "An item has at most three themes: remove one to add another";
  g_autoptr(GtkWidget) full =
    add_theme_button_for ((const char *[]) { "permanence_and_adoption", "health_and_wellbeing", "workforce", NULL });
  g_autoptr(GtkWidget) open = add_theme_button_for ((const char *[]) { "workforce", NULL });

  g_assert_false (gtk_widget_get_sensitive (full));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (full), ==, why);
  g_assert_true (gtk_widget_get_sensitive (open));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open), ==, "Add a Theme");
}

/* Appends the titles of the action rows in @widget, in order. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_row_titles (c, titles);
}

/* The page lists judgements as the matrix does, overall effectiveness
 * first, though ILACS prints it after the other areas. */
static void
test_judgements_in_matrix_order (void)
{
  g_autoptr(IcReport) report = _ic_report_new ("/r/ilacs.txt");
  static const IcArea printed[] = { IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                                    IC_AREA_CHILDREN_IN_CARE, IC_AREA_OVERALL_EFFECTIVENESS };
  IcReportPage *page = g_object_ref_sink (g_object_new (IC_TYPE_REPORT_PAGE, NULL));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint found = 0;

  _ic_report_set_content_id (report, "ilacs");
  _ic_report_set_authority (report, "Bexley");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (printed[i], NULL, IC_GRADE_GOOD, i + 1);

      _ic_report_add_judgement (report, j);
    }
  ic_report_page_set_report (page, report);
  collect_row_titles (GTK_WIDGET (page), titles);
  for (guint i = 0; i < titles->len && found < G_N_ELEMENTS (printed); i++)
    {
      /* The matrix's order is IcArea's. */
      IcArea expected = (IcArea) found;

      if (g_strcmp0 (g_ptr_array_index (titles, i), ic_area_to_label (expected)) == 0)
        found++;
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (printed));
  g_assert_finalize_object (page);
}

/* A report without a content id (not read from a file: the loader gives
 * every report one) cannot be corrected: its "+" and its chips' "×" are
 * greyed and say why, where they had been greyed with no reason given
 * (and building the "+" had passed GVariant a NULL string); with three
 * themes too, that is the reason given. */
static void
test_add_theme_uncorrectable (void)
{
  const char *why = "Only a report read from a file can be corrected: corrections are kept by the file's content";
  g_autoptr(GtkWidget) open = theme_editor_for ((const char *[]) { "workforce", NULL }, NULL);
  g_autoptr(GtkWidget) full =
    theme_editor_for ((const char *[]) { "permanence_and_adoption", "health_and_wellbeing", "workforce", NULL }, NULL);
  GtkWidget *add = find_child_of_type (open, GTK_TYPE_MENU_BUTTON);
  GtkWidget *remove = find_widget_with_tooltip (open, why);

  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, why);
  g_assert_nonnull (remove);
  g_assert_true (GTK_IS_BUTTON (remove) && !GTK_IS_MENU_BUTTON (remove));
  g_assert_false (gtk_widget_get_sensitive (remove));
  add = find_child_of_type (full, GTK_TYPE_MENU_BUTTON);
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, why);
}

int
main (int   argc,
      char *argv[])
{
  ic_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/report-page/trim-blank-lines", test_trim_blank_lines);
  g_test_add_func ("/ui/report-page/find", test_report_page_find);
  g_test_add_func ("/ui/report-page/damage", test_report_page_damage);
  g_test_add_func ("/ui/reports/list-damage", test_reports_list_damage);
  g_test_add_func ("/ui/print/export", test_print_export);
  g_test_add_func ("/ui/print/reports-tab", test_print_reports_tab);
  g_test_add_func ("/ui/reports/few-widgets", test_reports_list_few_widgets);
  g_test_add_func ("/ui/report-page/correction-menu-grades", test_correction_menu_grades);
  g_test_add_func ("/ui/report-page/recurrence-unlink-relink", test_recurrence_unlink_relink);
  g_test_add_func ("/ui/report-page/times-raised-under-date-filter", test_times_raised_under_date_filter);
  g_test_add_func ("/ui/report-page/carried-forward-unlink", test_carried_forward_unlink);
  g_test_add_func ("/ui/report-page/link-strength", test_link_strength);
  g_test_add_func ("/ui/report-page/link-dialog", test_link_dialog);
  g_test_add_func ("/ui/report-page/link-dialog-suggestions", test_link_dialog_suggestions);
  g_test_add_func ("/ui/authority-page/changes", test_authority_page);
  g_test_add_func ("/ui/authority-page/possible", test_authority_page_possible);
  g_test_add_func ("/ui/authority-page/emptied", test_authority_page_emptied);
  g_test_add_func ("/ui/report-page/opened-focus", test_report_opened_focus);
  g_test_add_func ("/ui/report-page/title-tooltip", test_report_title_tooltip);
  g_test_add_func ("/ui/report-page/theme-chip-gap", test_theme_chip_gap);
  g_test_add_func ("/ui/report-page/add-theme-full", test_add_theme_full);
  g_test_add_func ("/ui/report-page/add-theme-uncorrectable", test_add_theme_uncorrectable);
  g_test_add_func ("/ui/report-page/judgements-in-matrix-order", test_judgements_in_matrix_order);
  g_test_add_func ("/ui/authority-page/linked-by-you", test_authority_linked_by_you);

  return g_test_run ();
}
