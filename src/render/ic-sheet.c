/* ic-sheet.c
 *
 * A sheet is a list of blocks (headings, paragraphs, table rows) laid out
 * top to bottom; a block never splits across pages. Text is measured with
 * the same pango setup the charts use, on an image surface, so layout
 * does not depend on the printer's cairo context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-render-private.h"
#include "ic-sheet.h"
#include "ic-themes.h"

#define BODY_SIZE 10.0
#define HEADING_SIZE 12.5
#define TITLE_SIZE 16.0
#define CAPTION_SIZE 8.5
#define GAP 4.0
#define FOOTER 18.0
#define MAX_CELLS 5

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_CAPTION,
  BLOCK_ROW,        /* table row: cells at fixed fractions of the width */
  BLOCK_HEADER_ROW, /* the same, bold */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *cells[MAX_CELLS];   /* cells[0] only, unless a row */
  double     indent;
  double     y;                  /* laid out: top on its page */
  double     height;
  guint      page;
} Block;

struct _IcSheet
{
  GArray       *blocks;          /* Block */
  const double *columns;         /* fractions of the width, rows only */
  guint         n_columns;
  guint         n_pages;
  double        width;
  double        height;
};

static const double list_columns[] = { 0.0, 0.30, 0.54, 0.74, 0.93 };
static const double judgement_columns[] = { 0.0, 0.62 };

static IcSheet *
sheet_new (void)
{
  IcSheet *sheet = g_new0 (IcSheet, 1);

  sheet->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  sheet->n_pages = 1;
  return sheet;
}

static void
add_block (IcSheet    *sheet,
           BlockKind   kind,
           double      indent,
           const char *first,
           ...)
{
  Block block = { .kind = kind, .indent = indent };
  va_list args;
  const char *cell = first;

  va_start (args, first);
  for (guint i = 0; cell != NULL && i < MAX_CELLS; i++, cell = va_arg (args, const char *))
    block.cells[i] = g_strdup (cell);
  va_end (args);
  g_array_append_val (sheet->blocks, block);
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%u", n);
}

/**
 * ic_sheet_new_list:
 *
 * Returns: (transfer full): a table of the reports, one row each
 */
IcSheet *
ic_sheet_new_list (GListModel *reports)
{
  IcSheet *sheet = sheet_new ();
  guint n = g_list_model_get_n_items (reports);
  g_autofree char *title = g_strdup_printf (ngettext ("%u inspection report",
                                                      "%u inspection reports", n), n);

  sheet->columns = list_columns;
  sheet->n_columns = G_N_ELEMENTS (list_columns);
  add_block (sheet, BLOCK_TITLE, 0, title, NULL);
  add_block (sheet, BLOCK_HEADER_ROW, 0, _("Authority"), _("Inspection"), _("Ended"),
             _("Overall"), _("Items"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      g_autofree char *date = ic_date_to_display (ic_report_get_end_date (report));
      g_autofree char *items = count_text (g_list_model_get_n_items (ic_report_get_improvements (report)));
      IcGrade overall = ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS);

      add_block (sheet, BLOCK_ROW, 0,
                 ic_report_get_authority (report) ? ic_report_get_authority (report) : _("Unknown authority"),
                 ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                 date ? date : "–",
                 overall != IC_GRADE_NONE ? ic_grade_to_label (overall) : "–",
                 items, NULL);
    }
  return sheet;
}

static gboolean
corrected (IcReport   *report,
           const char *field)
{
  const char * const *fields = ic_report_get_corrected_fields (report);

  return fields != NULL && g_strv_contains (fields, field);
}

/* "Good (corrected)" when the user corrected it. */
static char *
marked (IcReport   *report,
        const char *field,
        const char *value)
{
  if (corrected (report, field))
    return g_strdup_printf (_("%s (corrected)"), value);
  return g_strdup (value);
}

static void
add_summary (IcSheet  *sheet,
             IcReport *report)
{
  g_autofree char *start = ic_date_to_display (ic_report_get_start_date (report));
  g_autofree char *end = ic_date_to_display (ic_report_get_end_date (report));
  g_autofree char *authority = marked (report, "authority", ic_report_get_authority (report)
                                       ? ic_report_get_authority (report) : _("Unknown authority"));
  g_autofree char *type = marked (report, "inspection_type",
                                  ic_inspection_type_to_label (ic_report_get_inspection_type (report)));
  g_autofree char *dates = NULL;

  if (start != NULL && end != NULL && g_strcmp0 (start, end) != 0)
    dates = g_strdup_printf (_("Inspected %s to %s"), start, end);
  else if (start != NULL)
    /* Translators: the one day of an inspection's fieldwork. */
    dates = g_strdup_printf (_("Inspected %s"), start);
  else
    dates = g_strdup_printf (_("Ended %s"), end ? end : _("on a date not found"));
  if (corrected (report, "start_date") || corrected (report, "end_date"))
    {
      char *with = g_strdup_printf (_("%s (corrected)"), dates);

      g_free (dates);
      dates = with;
    }
  add_block (sheet, BLOCK_TITLE, 0, authority, NULL);
  add_block (sheet, BLOCK_PARAGRAPH, 0, type, NULL);
  add_block (sheet, BLOCK_CAPTION, 0, dates, NULL);
  if (ic_report_get_title (report) != NULL)
    add_block (sheet, BLOCK_CAPTION, 0, ic_report_get_title (report), NULL);
}

static void
add_judgements (IcSheet  *sheet,
                IcReport *report)
{
  /* The matrix's order, as the report page shows them. */
  g_autoptr(GPtrArray) judgements = ic_report_dup_judgements_in_area_order (report);

  add_block (sheet, BLOCK_HEADING, 0, _("Judgements"), NULL);
  if (judgements->len == 0)
    add_block (sheet, BLOCK_PARAGRAPH, 0, _("Not graded: this kind of report gives no judgements."), NULL);
  for (guint i = 0; i < judgements->len; i++)
    {
      IcJudgement *j = g_ptr_array_index (judgements, i);
      g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (ic_judgement_get_area (j)), NULL);
      g_autofree char *grade = marked (report, field, ic_grade_to_label (ic_judgement_get_grade (j)));

      add_block (sheet, BLOCK_ROW, 0, ic_area_to_label (ic_judgement_get_area (j)), grade, NULL);
    }
}

static char *
themes_text (IcReport      *report,
             IcImprovement *item,
             guint          index)
{
  const char * const *themes = ic_improvement_get_themes (item);
  g_autoptr(GString) text = g_string_new (_("Themes: "));
  g_autofree char *field = g_strdup_printf ("improvements.%u.themes", index);

  for (guint t = 0; themes != NULL && themes[t] != NULL; t++)
    g_string_append_printf (text, "%s%s", t ? ", " : "", ic_theme_get_label (themes[t]));
  if (themes == NULL || themes[0] == NULL)
    g_string_append (text, _("none"));
  if (corrected (report, field))
    g_string_append (text, _(" (corrected)"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_items (IcSheet  *sheet,
           IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);
  guint n = g_list_model_get_n_items (items);

  add_block (sheet, BLOCK_HEADING, 0, _("What Needs to Improve"), NULL);
  if (n == 0)
    add_block (sheet, BLOCK_PARAGRAPH, 0, _("No improvement items were found."), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, ic_improvement_get_text (item));
      g_autofree char *themes = themes_text (report, item, i);

      add_block (sheet, BLOCK_PARAGRAPH, 0, text, NULL);
      add_block (sheet, BLOCK_CAPTION, 12, themes, NULL);
    }
}

/**
 * ic_sheet_new_report:
 *
 * Returns: (transfer full): the report's page
 */
IcSheet *
ic_sheet_new_report (IcReport *report)
{
  IcSheet *sheet = sheet_new ();
  const char * const *strengths = ic_report_get_strengths (report);

  sheet->columns = judgement_columns;
  sheet->n_columns = G_N_ELEMENTS (judgement_columns);
  add_summary (sheet, report);
  add_judgements (sheet, report);
  add_items (sheet, report);
  if (strengths != NULL && strengths[0] != NULL)
    {
      add_block (sheet, BLOCK_HEADING, 0, _("Strengths"), NULL);
      for (guint i = 0; strengths[i] != NULL; i++)
        {
          g_autofree char *text = g_strdup_printf ("• %s", strengths[i]);

          add_block (sheet, BLOCK_PARAGRAPH, 0, text, NULL);
        }
    }
  return sheet;
}

void
ic_sheet_free (IcSheet *sheet)
{
  if (sheet == NULL)
    return;
  for (guint i = 0; i < sheet->blocks->len; i++)
    for (guint c = 0; c < MAX_CELLS; c++)
      g_free (g_array_index (sheet->blocks, Block, i).cells[c]);
  g_array_unref (sheet->blocks);
  g_free (sheet);
}

static double
block_size (const Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE: return TITLE_SIZE;
    case BLOCK_HEADING: return HEADING_SIZE;
    case BLOCK_CAPTION: return CAPTION_SIZE;
    case BLOCK_PARAGRAPH:
    case BLOCK_ROW:
    case BLOCK_HEADER_ROW:
    default: return BODY_SIZE;
    }
}

static IcTextFlags
block_flags (const Block *block)
{
  return block->kind == BLOCK_TITLE || block->kind == BLOCK_HEADING ||
         block->kind == BLOCK_HEADER_ROW ? IC_TEXT_BOLD : IC_TEXT_REGULAR;
}

/* The left edge and width of cell @c of a row. */
static void
cell_span (IcSheet *sheet,
           guint    c,
           double   width,
           double  *x,
           double  *w)
{
  double end = c + 1 < sheet->n_columns ? sheet->columns[c + 1] : 1.0;

  *x = sheet->columns[c] * width;
  *w = (end - sheet->columns[c]) * width - 6;
}

static double
measure (IcSheet      *sheet,
         PangoContext *context,
         const Block  *block)
{
  double height = 0, x, w;

  if (block->kind != BLOCK_ROW && block->kind != BLOCK_HEADER_ROW)
    return _ic_text_height (context, block->cells[0], block_size (block), block_flags (block),
                            sheet->width - block->indent);
  for (guint c = 0; c < sheet->n_columns && block->cells[c] != NULL; c++)
    {
      cell_span (sheet, c, sheet->width, &x, &w);
      height = MAX (height, _ic_text_height (context, block->cells[c], block_size (block),
                                             block_flags (block), w));
    }
  return height;
}

static double
space_before (const Block *block)
{
  return block->kind == BLOCK_HEADING ? 3 * GAP : block->kind == BLOCK_PARAGRAPH ? GAP : GAP / 2;
}

guint
ic_sheet_paginate (IcSheet *sheet,
                   double   width,
                   double   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(IcPangoContext) context = _ic_render_create_context (cr);
  double y = 0, bottom = height - FOOTER;
  guint page = 0;

  sheet->width = width;
  sheet->height = height;
  for (guint i = 0; i < sheet->blocks->len; i++)
    {
      Block *block = &g_array_index (sheet->blocks, Block, i);

      block->height = measure (sheet, context, block);
      if (y > 0)
        y += space_before (block);
      /* A heading is kept with what follows it. */
      if (y > 0 && (y + block->height > bottom ||
                    (block->kind == BLOCK_HEADING && y + 3 * block->height > bottom)))
        {
          page++;
          y = 0;
        }
      block->y = y;
      block->page = page;
      y += block->height;
    }
  sheet->n_pages = page + 1;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return sheet->n_pages;
}

guint
ic_sheet_get_n_pages (IcSheet *sheet)
{
  return sheet->n_pages;
}

static void
draw_text (cairo_t       *cr,
           PangoContext  *context,
           const char    *text,
           const Block   *block,
           double         x,
           double         width,
           const IcColor *color)
{
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, text, block_size (block),
                                                   block_flags (block), width);

  _ic_text_draw (cr, layout, x, block->y, color);
}

static void
draw_block (IcSheet         *sheet,
            cairo_t         *cr,
            PangoContext    *context,
            const Block     *block,
            const IcPalette *palette)
{
  const IcColor *text = ic_palette_get_color (palette, IC_PALETTE_TEXT);
  const IcColor *muted = ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT);
  double x, w;

  if (block->kind != BLOCK_ROW && block->kind != BLOCK_HEADER_ROW)
    {
      draw_text (cr, context, block->cells[0], block, block->indent, sheet->width - block->indent,
                 block->kind == BLOCK_CAPTION ? muted : text);
      return;
    }
  for (guint c = 0; c < sheet->n_columns && block->cells[c] != NULL; c++)
    {
      cell_span (sheet, c, sheet->width, &x, &w);
      draw_text (cr, context, block->cells[c], block, x, w, text);
    }
  if (block->kind == BLOCK_HEADER_ROW)
    _ic_fill_rect (cr, 0, block->y + block->height + 1, sheet->width, 0.75,
                   ic_palette_get_color (palette, IC_PALETTE_GRID));
}

void
ic_sheet_draw_page (IcSheet         *sheet,
                    cairo_t         *cr,
                    guint            page_nr,
                    const IcPalette *palette)
{
  g_autoptr(IcPangoContext) context = _ic_render_create_context (cr);
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), page_nr + 1, sheet->n_pages);
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, footer, CAPTION_SIZE, IC_TEXT_RIGHT,
                                                   sheet->width);

  for (guint i = 0; i < sheet->blocks->len; i++)
    {
      const Block *block = &g_array_index (sheet->blocks, Block, i);

      if (block->page == page_nr)
        draw_block (sheet, cr, context, block, palette);
    }
  _ic_text_draw (cr, layout, 0, sheet->height - CAPTION_SIZE * 1.5,
                 ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
}

char *
ic_sheet_to_text (IcSheet *sheet)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sheet->blocks->len; i++)
    {
      const Block *block = &g_array_index (sheet->blocks, Block, i);

      for (guint c = 0; c < MAX_CELLS && block->cells[c] != NULL; c++)
        g_string_append_printf (text, "%s%s", c ? "\t" : "", block->cells[c]);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
