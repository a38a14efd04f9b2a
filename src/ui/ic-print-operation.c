/* ic-print-operation.c
 *
 * Shaped like gnome-text-editor's EditorPrintOperation: settings and page
 * setup come from files in the user data dir, begin-print paginates at
 * the context's size, draw-page draws one page, done saves on APPLY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-print-operation"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ic-chart.h"
#include "ic-pages.h"
#include "ic-palette.h"
#include "ic-print-operation.h"
#include "ic-chart-links.h"
#include "ic-sheet.h"

struct _IcPrintOperation
{
  GtkPrintOperation  parent_instance;

  GListModel        *reports;
  GListModel        *all;       /* every loaded report, or NULL: @reports */
  GListModel        *failures;
  IcPrintScope       scope;
  char              *filters;
  char              *evidence;  /* the search quoted, or NULL */
  IcChartKind        chart_kind;
  IcReport          *report;    /* Reports tab: the open report, or NULL */

  /* per job */
  IcPages           *pages;     /* the pack */
  IcSheet           *sheet;     /* the Reports tab: list or one report */
  GPtrArray         *charts;    /* IcChart, for a view */
  GArray            *slices;    /* Slice: which chart and which part of it */
  char              *failure;   /* why drawing stopped, or NULL */
};

typedef struct
{
  guint  chart;
  double offset;   /* from the chart's top, in points */
  double height;   /* the chart's whole height at the page's width */
} Slice;

G_DEFINE_FINAL_TYPE (IcPrintOperation, ic_print_operation, GTK_TYPE_PRINT_OPERATION)

char *
ic_print_operation_get_settings_path (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "print-settings.ini", NULL);
}

char *
ic_print_operation_get_page_setup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "page-setup.ini", NULL);
}

/* The timeline's joins as the window draws them: found among every
 * loaded report, picked for those printed. NULL finds them among the
 * reports printed (no other reports known). */
static GPtrArray *
timeline_links (IcPrintOperation *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) all_links = NULL;

  if (self->all == NULL)
    return NULL;
  found = ic_find_recurrences (self->all);
  all_links = ic_chart_links_from_recurrences (found);
  return ic_chart_links_pick (all_links, self->reports);
}

/* The pack's joins, as the command line's pack has them. */
static GPtrArray *
pack_links (IcPrintOperation *self)
{
  g_autoptr(GPtrArray) found = NULL;

  if (self->all == NULL)
    return NULL;
  found = ic_find_recurrences (self->all);
  return ic_chart_links_of_selection (found, self->reports);
}

static void
add_chart (IcPrintOperation *self,
           IcChartKind       kind)
{
  g_autoptr(GPtrArray) links = kind == IC_CHART_TIMELINE ? timeline_links (self) : NULL;
  IcChartOptions options = { .latest_only = FALSE, .links = links };

  g_ptr_array_add (self->charts, ic_chart_new (kind, self->reports, &options));
}

/* A chart taller than a page carries on over the next pages. */
static void
paginate_charts (IcPrintOperation *self,
                 GtkPrintContext  *context)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  double width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);

  for (guint i = 0; i < self->charts->len; i++)
    {
      IcChart *chart = g_ptr_array_index (self->charts, i);
      double height = ic_chart_get_height_for_width (chart, pango, width);

      for (double offset = 0; offset < MAX (height, 1); offset += page_height)
        {
          Slice slice = { i, offset, height };

          g_array_append_val (self->slices, slice);
        }
    }
  g_object_unref (pango);
}

/* The scopes printed as pack pages; a single chart chosen with
 * ic_print_operation_set_chart() prints at the page's width instead. */
static gboolean
pack_view (IcPrintOperation *self,
           IcPagesView      *view)
{
  switch (self->scope)
    {
    case IC_PRINT_SCOPE_PACK:
      *view = IC_PAGES_VIEW_PACK;
      return TRUE;
    case IC_PRINT_SCOPE_MATRIX:
      *view = IC_PAGES_VIEW_MATRIX;
      return self->chart_kind == IC_CHART_MATRIX;
    case IC_PRINT_SCOPE_TIMELINE:
      *view = IC_PAGES_VIEW_TIMELINE;
      return TRUE;
    case IC_PRINT_SCOPE_CHARTS:
      *view = IC_PAGES_VIEW_CHARTS;
      return TRUE;
    case IC_PRINT_SCOPE_EVIDENCE:
      *view = IC_PAGES_VIEW_EVIDENCE;
      return TRUE;
    case IC_PRINT_SCOPE_REPORTS:
    default:
      return FALSE;
    }
}

/* The running line's title; the pack's own for the whole pack. The
 * pack's pages are not translated, so neither is this. */
static const char *
pack_view_title (IcPagesView view)
{
  switch (view)
    {
    case IC_PAGES_VIEW_MATRIX:
      return "Judgement matrix";
    case IC_PAGES_VIEW_TIMELINE:
      return "Improvement areas over time";
    case IC_PAGES_VIEW_CHARTS:
      return "Charts";
    case IC_PAGES_VIEW_EVIDENCE:
      return "Evidence";
    case IC_PAGES_VIEW_PACK:
    default:
      return NULL;
    }
}

static void
ic_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);
  IcPagesView view;

  /* The matrix, the timeline and the charts print as the pack's own
   * pages of that view: one renderer and one pagination, with title,
   * filters, date and page numbers. */
  if (pack_view (self, &view))
    {
      g_autoptr(GPtrArray) links = pack_links (self);
      IcPackOptions options = {
        .recurrences = links,
        .all_reports = self->all,
        .filters = self->filters,
        .evidence = self->evidence,
        .view = view,
        .title = pack_view_title (view),
      };

      self->pages = ic_pages_paginate (self->reports, self->failures, &options,
                                       IC_A4_WIDTH, IC_A4_HEIGHT);
      gtk_print_operation_set_n_pages (operation, ic_pages_get_n_pages (self->pages));
      return;
    }

  if (self->scope == IC_PRINT_SCOPE_REPORTS)
    {
      self->sheet = self->report != NULL ? ic_sheet_new_report (self->report)
                                         : ic_sheet_new_list (self->reports);
      gtk_print_operation_set_n_pages (operation,
                                       ic_sheet_paginate (self->sheet,
                                                          gtk_print_context_get_width (context),
                                                          gtk_print_context_get_height (context)));
      return;
    }
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) ic_chart_unref);
  self->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  add_chart (self, self->chart_kind);
  paginate_charts (self, context);
  gtk_print_operation_set_n_pages (operation, MAX (1, self->slices->len));
}

/* The pack has portrait and landscape pages. */
static void
ic_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page_nr,
                                       GtkPageSetup      *setup)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);

  if (self->pages == NULL)
    return;
  gtk_page_setup_set_orientation (setup, ic_pages_is_landscape (self->pages, page_nr)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_pack_page (IcPrintOperation *self,
                GtkPrintContext  *context,
                guint             page_nr)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  /* The pack is laid out on A4; fit it to whatever the context offers. */
  ic_pages_get_page_size (self->pages, page_nr, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  ic_pages_draw_page (self->pages, cr, page_nr);
  cairo_restore (cr);
}

static void
draw_chart_page (IcPrintOperation *self,
                 GtkPrintContext  *context,
                 guint             page_nr)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double page_height = gtk_print_context_get_height (context);
  const Slice *slice;

  if (page_nr >= self->slices->len)
    return;
  slice = &g_array_index (self->slices, Slice, page_nr);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, page_height);
  cairo_clip (cr);
  cairo_translate (cr, 0, -slice->offset);
  ic_chart_draw (g_ptr_array_index (self->charts, slice->chart), cr, width, slice->height,
                 ic_palette_get_print ());
  cairo_restore (cr);
}

/* The one place pages are drawn: the render library's pages and charts,
 * with the print palette, as the PDF export draws them. */
static void
ic_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);

  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->pages != NULL)
    draw_pack_page (self, context, page_nr);
  else if (self->sheet != NULL)
    ic_sheet_draw_page (self->sheet, cr, page_nr, ic_palette_get_print ());
  else
    draw_chart_page (self, context, page_nr);

  /* A context in error draws nothing more: stop and say so rather than
   * print a document with pages missing. */
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS && self->failure == NULL)
    {
      self->failure = g_strdup_printf (_("Printing stopped: page %d could not be drawn (%s)"),
                                       page_nr + 1, cairo_status_to_string (cairo_status (cr)));
      gtk_print_operation_cancel (operation);
    }
}

static void
ic_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);

  g_clear_pointer (&self->pages, ic_pages_unref);
  g_clear_pointer (&self->sheet, ic_sheet_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);
}

static void
save_settings (IcPrintOperation *self)
{
  g_autofree char *settings_path = ic_print_operation_get_settings_path ();
  g_autofree char *setup_path = ic_print_operation_get_page_setup_path ();
  g_autofree char *dir = g_path_get_dirname (settings_path);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0750);
  if (settings != NULL && !gtk_print_settings_to_file (settings, settings_path, &error))
    g_warning ("Could not save print settings to %s: %s", settings_path, error->message);
  g_clear_error (&error);
  if (setup != NULL && !gtk_page_setup_to_file (setup, setup_path, &error))
    g_warning ("Could not save the page setup to %s: %s", setup_path, error->message);
}

static void
ic_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (IC_PRINT_OPERATION (operation));
}

static void
load_settings (IcPrintOperation *self)
{
  g_autofree char *settings_path = ic_print_operation_get_settings_path ();
  g_autofree char *setup_path = ic_print_operation_get_page_setup_path ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_file (settings_path, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new_from_file (setup_path, NULL);

  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    }
  /* The matrix and the timeline are wide: landscape suits them. */
  gtk_page_setup_set_orientation (setup,
                                  self->scope == IC_PRINT_SCOPE_MATRIX ||
                                  self->scope == IC_PRINT_SCOPE_TIMELINE
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  if (settings == NULL)
    settings = gtk_print_settings_new ();

  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
ic_print_operation_finalize (GObject *object)
{
  IcPrintOperation *self = (IcPrintOperation *)object;

  g_clear_object (&self->reports);
  g_clear_object (&self->all);
  g_clear_object (&self->report);
  g_free (self->failure);
  g_free (self->filters);
  g_free (self->evidence);
  g_clear_object (&self->failures);
  g_clear_pointer (&self->pages, ic_pages_unref);
  g_clear_pointer (&self->sheet, ic_sheet_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);

  G_OBJECT_CLASS (ic_print_operation_parent_class)->finalize (object);
}

static void
ic_print_operation_class_init (IcPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ic_print_operation_finalize;
  operation_class->begin_print = ic_print_operation_begin_print;
  operation_class->request_page_setup = ic_print_operation_request_page_setup;
  operation_class->end_print = ic_print_operation_end_print;
  operation_class->draw_page = ic_print_operation_draw_page;
  operation_class->done = ic_print_operation_done;
}

static void
ic_print_operation_init (IcPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * ic_print_operation_new:
 * @reports: the reports to print, in their on-screen order
 * @failures: (nullable): files that could not be read, for the pack
 */
IcPrintOperation *
ic_print_operation_new (GListModel   *reports,
                        GListModel   *failures,
                        IcPrintScope  scope)
{
  IcPrintOperation *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), NULL);

  self = g_object_new (IC_TYPE_PRINT_OPERATION, NULL);
  self->reports = g_object_ref (reports);
  self->failures = failures ? g_object_ref (failures) : NULL;
  self->scope = scope;
  self->chart_kind = scope == IC_PRINT_SCOPE_TIMELINE ? IC_CHART_TIMELINE : IC_CHART_MATRIX;
  load_settings (self);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    scope == IC_PRINT_SCOPE_PACK ? _("Inspection summary pack")
                                                                 : _("Inspection reports compared"));
  return self;
}

/* Every loaded report, among which the pack's and the timeline's
 * recurrences are found, so that a date filter changes no count. */
void
ic_print_operation_set_all_reports (IcPrintOperation *self,
                                    GListModel       *all)
{
  g_return_if_fail (IC_IS_PRINT_OPERATION (self));

  g_set_object (&self->all, all);
}

/* The filters that chose the reports, in one line, for the running line. */
void
ic_print_operation_set_filters (IcPrintOperation *self,
                                const char       *filters)
{
  g_return_if_fail (IC_IS_PRINT_OPERATION (self));

  g_free (self->filters);
  self->filters = g_strdup (filters);
}

/* The search whose passages are quoted: the Search view's, or the one
 * added to the pack (the printed pack then matches the exported one). */
void
ic_print_operation_set_evidence (IcPrintOperation *self,
                                 const char       *query)
{
  g_return_if_fail (IC_IS_PRINT_OPERATION (self));

  g_free (self->evidence);
  self->evidence = g_strdup (query);
}

/* Prints one chart instead of the scope's own. */
void
ic_print_operation_set_chart (IcPrintOperation *self,
                              IcChartKind       kind)
{
  g_return_if_fail (IC_IS_PRINT_OPERATION (self));
  g_return_if_fail (self->scope != IC_PRINT_SCOPE_PACK);

  self->scope = IC_PRINT_SCOPE_MATRIX;
  self->chart_kind = kind;
}

/* The Reports tab prints the report it shows, when it shows one. */
void
ic_print_operation_set_report (IcPrintOperation *self,
                               IcReport         *report)
{
  g_return_if_fail (IC_IS_PRINT_OPERATION (self));
  g_return_if_fail (report == NULL || IC_IS_REPORT (report));
  g_return_if_fail (self->scope == IC_PRINT_SCOPE_REPORTS);

  g_set_object (&self->report, report);
}

IcPrintScope
ic_print_operation_get_scope (IcPrintOperation *self)
{
  g_return_val_if_fail (IC_IS_PRINT_OPERATION (self), 0);
  return self->scope;
}

static void
done_cb (IcPrintOperation        *self,
         GtkPrintOperationResult  result,
         GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (self->failure != NULL)
    {
      gtk_widget_activate_action (parent, "win.show-error", "s", self->failure);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
  gtk_widget_activate_action (parent, "win.show-error", "s",
                              error ? error->message : _("Printing failed"));
}

void
ic_print_operation_run_dialog (IcPrintOperation *self,
                               GtkWidget        *parent)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_if_fail (IC_IS_PRINT_OPERATION (self));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  root = gtk_widget_get_root (parent);
  g_signal_connect_object (self, "done", G_CALLBACK (done_cb), parent, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_widget_activate_action (parent, "win.show-error", "s", error->message);
}
