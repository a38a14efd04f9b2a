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

#include "ic-print-operation.h"
#include "ic-report.h"

#define ROW_HEIGHT   15.0
#define HEADER_SPACE 60.0
#define FOOTER_SPACE 24.0

struct _IcPrintOperation
{
  GtkPrintOperation  parent_instance;

  GListModel        *reports;
  GListModel        *failures;
  IcPrintScope       scope;

  /* per job */
  guint              rows_per_page;
  guint              n_cover_pages;
  gboolean           areas_used[IC_N_AREAS];
};

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

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *text,
             const char      *font,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
show_text (GtkPrintContext *context,
           const char      *text,
           const char      *font,
           double           x,
           double           y,
           double           width)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  g_autoptr(PangoLayout) layout = make_layout (context, text, font, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cover (IcPrintOperation *self,
            GtkPrintContext  *context)
{
  double width = gtk_print_context_get_width (context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *count = NULL;
  guint n = g_list_model_get_n_items (self->reports);
  guint n_failed = self->failures ? g_list_model_get_n_items (self->failures) : 0;

  count = g_strdup_printf (ngettext ("%u report compared; %u file could not be read",
                                     "%u reports compared; %u files could not be read", n_failed),
                           n, n_failed);
  cairo_set_source_rgb (gtk_print_context_get_cairo_context (context), 0, 0, 0);
  show_text (context, _("Inspection Reports Compared"), "Sans Bold 24", 0, 80, width);
  show_text (context, date, "Sans 12", 0, 120, width);
  show_text (context, count, "Sans 12", 0, 140, width);
  show_text (context,
             _("Made from Ofsted reports, which are Crown copyright and published under the "
               "Open Government Licence. This summary is not an Ofsted publication."),
             "Sans 9", 0, 180, width);
}

static void
draw_table_header (IcPrintOperation *self,
                   GtkPrintContext  *context,
                   double            width)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double x = width * 0.45;
  double col = (width - x) / MAX (1, IC_N_AREAS);

  show_text (context, _("Judgement Matrix"), "Sans Bold 14", 0, 0, width);
  show_text (context, _("Authority"), "Sans Bold 8", 0, HEADER_SPACE - 18, width * 0.28);
  show_text (context, _("Type and date"), "Sans Bold 8", width * 0.28, HEADER_SPACE - 18, width * 0.17);
  for (guint a = 0; a < IC_N_AREAS; a++)
    if (self->areas_used[a])
      {
        show_text (context, ic_area_to_short_label (a), "Sans Bold 6", x, HEADER_SPACE - 24, col);
        x += col;
      }
  cairo_move_to (cr, 0, HEADER_SPACE - 2);
  cairo_line_to (cr, width, HEADER_SPACE - 2);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_row (IcPrintOperation *self,
          GtkPrintContext  *context,
          IcReport         *report,
          double            y,
          double            width)
{
  g_autofree char *date = ic_date_to_display (ic_report_get_end_date (report));
  g_autofree char *kind = g_strdup_printf ("%s, %s",
                                           ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                                           date ? date : "—");
  gboolean graded = ic_inspection_type_is_graded (ic_report_get_inspection_type (report));
  double x = width * 0.45;
  double col = (width - x) / MAX (1, IC_N_AREAS);

  show_text (context, ic_report_get_authority (report), "Sans 8", 0, y, width * 0.27);
  show_text (context, kind, "Sans 7", width * 0.28, y + 1, width * 0.17);
  for (guint a = 0; a < IC_N_AREAS; a++)
    if (self->areas_used[a])
      {
        IcGrade grade = ic_report_get_grade (report, a);
        const char *text = !graded ? "NG" : grade == IC_GRADE_NONE ? "—" : ic_grade_to_letter (grade);

        show_text (context, text, "Sans Bold 8", x, y, col);
        x += col;
      }
}

static void
draw_table_page (IcPrintOperation *self,
                 GtkPrintContext  *context,
                 guint             page)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n = g_list_model_get_n_items (self->reports);
  guint first = page * self->rows_per_page;
  g_autofree char *footer = NULL;

  cairo_set_source_rgb (gtk_print_context_get_cairo_context (context), 0, 0, 0);
  draw_table_header (self, context, width);
  for (guint i = first; i < MIN (n, first + self->rows_per_page); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->reports, i);

      draw_row (self, context, report, HEADER_SPACE + (i - first) * ROW_HEIGHT, width);
    }
  footer = g_strdup_printf (_("Grades: O outstanding, G good, RI requires improvement, "
                              "A adequate, I inadequate, NG not graded · page %u"),
                            page + 1 + self->n_cover_pages);
  show_text (context, footer, "Sans 7", 0, height - FOOTER_SPACE + 8, width);
}

static void
ic_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);
  double height = gtk_print_context_get_height (context);
  guint n = g_list_model_get_n_items (self->reports);
  guint table_pages;

  memset (self->areas_used, 0, sizeof self->areas_used);
  self->areas_used[IC_AREA_OVERALL_EFFECTIVENESS] = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->reports, i);

      for (guint a = 0; a < IC_N_AREAS; a++)
        self->areas_used[a] |= ic_report_get_grade (report, a) != IC_GRADE_NONE;
    }

  self->rows_per_page = MAX (1, (guint) ((height - HEADER_SPACE - FOOTER_SPACE) / ROW_HEIGHT));
  self->n_cover_pages = self->scope == IC_PRINT_SCOPE_PACK ? 1 : 0;
  table_pages = MAX (1, (n + self->rows_per_page - 1) / self->rows_per_page);
  gtk_print_operation_set_n_pages (operation, self->n_cover_pages + table_pages);
}

/* The one place pages are drawn. */
static void
ic_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  IcPrintOperation *self = IC_PRINT_OPERATION (operation);

  if ((guint) page_nr < self->n_cover_pages)
    draw_cover (self, context);
  else
    draw_table_page (self, context, page_nr - self->n_cover_pages);
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
  g_clear_object (&self->failures);

  G_OBJECT_CLASS (ic_print_operation_parent_class)->finalize (object);
}

static void
ic_print_operation_class_init (IcPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = ic_print_operation_finalize;
  operation_class->begin_print = ic_print_operation_begin_print;
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
  load_settings (self);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    scope == IC_PRINT_SCOPE_PACK ? _("Inspection summary")
                                                                 : _("Judgement matrix"));
  return self;
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
