/* ic-pages-draw.c: drawing one page of the summary pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-pages-private.h"

#define FOOTER_TEXT N_("Not an Ofsted publication \u2014 compiled from Ofsted reports (Open Government Licence)")

typedef struct
{
  IcPages         *pages;
  cairo_t         *cr;
  PangoContext    *context;
  const IcPalette *palette;
  double           width;    /* of the content */
  double           height;
} Ctx;

static const IcColor *
role (Ctx           *ctx,
      IcPaletteRole  which)
{
  return ic_palette_get_color (ctx->palette, which);
}

/* Draws a title; with @dest it is also the target of contents links and
 * of the PDF outline. Returns the height used. */
static double
draw_title (Ctx        *ctx,
            const char *text,
            const char *dest,
            double      y)
{
  g_autoptr(PangoLayout) layout = _ic_text_layout (ctx->context, text, IC_PAGE_TITLE_SIZE, IC_TEXT_BOLD, ctx->width);
  double h;

  if (dest != NULL)
    {
      g_autofree char *attrs = g_strdup_printf ("name='%s'", dest);

      cairo_tag_begin (ctx->cr, CAIRO_TAG_DEST, attrs);
    }
  _ic_text_draw (ctx->cr, layout, 0, y, role (ctx, IC_PALETTE_TEXT));
  if (dest != NULL)
    cairo_tag_end (ctx->cr, CAIRO_TAG_DEST);
  _ic_text_size (layout, NULL, &h);
  return ceil (h + 8);
}

/* Every page says what it is part of: title, filters and date, so that
 * a page handed out alone still says what it shows. */
static char *
running_line (IcPages *pages)
{
  g_autofree char *as_at = ic_date_to_display (&pages->as_at);

  /* Translators: the line atop every page of the pack: the pack's title,
   * the filters in force ("London · from 2023") and a date ("3 December 2026"). */
  return g_strdup_printf (_("%s \u00b7 Filters: %s \u00b7 As at %s"), pages->title, pages->filters, as_at);
}

static void
draw_footer (Ctx   *ctx,
             guint  page_nr)
{
  double y = ctx->height + IC_PAGE_FOOTER - 22;
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page_nr + 1, ctx->pages->pages->len);
  g_autofree char *running = running_line (ctx->pages);
  g_autoptr(PangoLayout) top = _ic_text_layout (ctx->context, running, IC_PAGE_SMALL_SIZE, 0, ctx->width * 0.8);
  g_autoptr(PangoLayout) left = _ic_text_layout (ctx->context, _(FOOTER_TEXT), IC_PAGE_SMALL_SIZE, 0, ctx->width * 0.8);
  g_autoptr(PangoLayout) right = _ic_text_layout (ctx->context, number, IC_PAGE_SMALL_SIZE, IC_TEXT_RIGHT, ctx->width * 0.2);
  double h;

  ic_color_set_source (role (ctx, IC_PALETTE_GRID), ctx->cr);
  cairo_set_line_width (ctx->cr, 0.5);
  cairo_move_to (ctx->cr, 0, y - 5);
  cairo_line_to (ctx->cr, ctx->width, y - 5);
  cairo_stroke (ctx->cr);
  pango_layout_set_ellipsize (top, PANGO_ELLIPSIZE_END);
  _ic_text_draw (ctx->cr, top, 0, y, role (ctx, IC_PALETTE_MUTED_TEXT));
  _ic_text_size (top, NULL, &h);
  _ic_text_draw (ctx->cr, left, 0, y + h, role (ctx, IC_PALETTE_MUTED_TEXT));
  _ic_text_draw (ctx->cr, right, ctx->width * 0.8, y, role (ctx, IC_PALETTE_MUTED_TEXT));
}

static char *
scope_authorities (IcPages *pages)
{
  GPtrArray *names = pages->matrix->authorities;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u", names->len);
  if (names->len == 0 || names->len > 12)
    return g_string_free (g_steal_pointer (&text), FALSE);
  g_string_append (text, ": ");
  for (guint i = 0; i < names->len; i++)
    /* "; ": a comma would split "Bristol, City of" in two. */
    g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
scope_dates (IcPages *pages)
{
  const GDate *first = NULL, *last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint i = 0; i < pages->reports->len; i++)
    {
      const GDate *date = ic_report_get_sort_date (g_ptr_array_index (pages->reports, i));

      if (date == NULL)
        continue;
      if (first == NULL || g_date_compare (date, first) < 0)
        first = date;
      if (last == NULL || g_date_compare (date, last) > 0)
        last = date;
    }
  if (first == NULL)
    return g_strdup (_("no dated reports"));
  from = ic_date_to_display (first);
  to = ic_date_to_display (last);
  /* Reports of one day: "6 March 2015", not "6 March 2015 to 6 March 2015". */
  if (g_date_compare (first, last) == 0)
    return g_steal_pointer (&from);
  /* Translators: the first and last dates of fieldwork ("6 March 2015"). */
  return g_strdup_printf (_("%s to %s"), from, to);
}

static double
draw_scope_line (Ctx        *ctx,
                 const char *label,
                 const char *value,
                 double      y)
{
  g_autoptr(PangoLayout) name = _ic_text_layout (ctx->context, label, 11, IC_TEXT_BOLD, ctx->width * 0.3);
  g_autoptr(PangoLayout) text = _ic_text_layout (ctx->context, value, 11, 0, ctx->width * 0.7);
  double h1, h2;

  _ic_text_draw (ctx->cr, name, 0, y, role (ctx, IC_PALETTE_TEXT));
  _ic_text_draw (ctx->cr, text, ctx->width * 0.3, y, role (ctx, IC_PALETTE_TEXT));
  _ic_text_size (name, NULL, &h1);
  _ic_text_size (text, NULL, &h2);
  return MAX (h1, h2) + 8;
}

/* "12 (9 graded inspections, 3 visits and letters)", each count a plural
 * of its own for translators. */
static char *
count_reports (guint n,
               guint graded)
{
  g_autofree char *inspections = g_strdup_printf (ngettext ("%u graded inspection", "%u graded inspections", graded),
                                                  graded);
  g_autofree char *visits = g_strdup_printf (ngettext ("%u visit or letter", "%u visits and letters", n - graded),
                                             n - graded);

  /* Translators: a cover line headed "Reports": how many reports, then
   * "9 graded inspections" and "3 visits and letters". */
  return g_strdup_printf (_("%u (%s, %s)"), n, inspections, visits);
}

static void
draw_cover (Ctx *ctx)
{
  IcPages *pages = ctx->pages;
  g_autoptr(PangoLayout) title = _ic_text_layout (ctx->context, pages->title, 26, IC_TEXT_BOLD, ctx->width);
  g_autofree char *authorities = scope_authorities (pages);
  g_autofree char *dates = scope_dates (pages);
  g_autofree char *as_at = ic_date_to_display (&pages->as_at);
  g_autofree char *n_reports = NULL;
  double y = ctx->height * 0.18, h;
  guint graded = 0;

  for (guint i = 0; i < pages->reports->len; i++)
    graded += g_list_model_get_n_items (ic_report_get_judgements (g_ptr_array_index (pages->reports, i))) > 0;
  n_reports = count_reports (pages->reports->len, graded);

  cairo_tag_begin (ctx->cr, CAIRO_TAG_DEST, "name='cover'");
  _ic_text_draw (ctx->cr, title, 0, y, role (ctx, IC_PALETTE_TEXT));
  cairo_tag_end (ctx->cr, CAIRO_TAG_DEST);
  _ic_text_size (title, NULL, &h);
  y += h + 30;
  y += draw_scope_line (ctx, _("Filters"), pages->filters, y);
  y += draw_scope_line (ctx, _("Authorities"), authorities, y);
  /* The filters' years are those of the end of fieldwork; "dated" is
   * the letter's own date, as the sources say. */
  y += draw_scope_line (ctx, _("Fieldwork ended"), dates, y);
  y += draw_scope_line (ctx, _("Reports"), n_reports, y);
  if (pages->failures->len > 0)
    {
      g_autofree char *failed = g_strdup_printf (_("%u (listed under Sources)"), pages->failures->len);

      y += draw_scope_line (ctx, _("Files not read"), failed, y);
    }
  y += draw_scope_line (ctx, _("As at"), as_at, y);
}

static void
draw_contents (Ctx  *ctx,
               Page *page)
{
  double y = draw_title (ctx, page->continued ? _("Contents (continued)") : _("Contents"),
                         page->continued ? NULL : "contents", 0);

  for (guint i = page->first; i < page->first + page->n; i++)
    {
      const IcPagesEntry *entry = ic_pages_get_entry (ctx->pages, i);
      double indent = entry->level * 14;
      g_autofree char *number = g_strdup_printf ("%u", entry->page + 1);
      g_autoptr(PangoLayout) name = _ic_text_layout (ctx->context, entry->title, 10,
                                                     entry->level ? 0 : IC_TEXT_BOLD, ctx->width - indent - 40);
      g_autoptr(PangoLayout) num = _ic_text_layout (ctx->context, number, 10, IC_TEXT_RIGHT, 40);
      /* Without a rect, the link covers what is drawn inside the tag. */
      g_autofree char *attrs = g_strdup_printf ("dest='%s'", entry->dest);

      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      cairo_tag_begin (ctx->cr, CAIRO_TAG_LINK, attrs);
      _ic_text_draw (ctx->cr, name, indent, y, role (ctx, IC_PALETTE_LINK));
      _ic_text_draw (ctx->cr, num, ctx->width - 40, y, role (ctx, IC_PALETTE_TEXT));
      cairo_tag_end (ctx->cr, CAIRO_TAG_LINK);
      y += IC_PAGE_CONTENTS_LINE;
    }
}

/* Under the rows: what the report said of each value a user corrected. */
static void
draw_matrix_footnotes (Ctx    *ctx,
                       Page   *page,
                       double  y)
{
  IcMatrixLayout *layout = ctx->pages->matrix_layout;
  gboolean first = TRUE;

  y += layout->legend_height + layout->header_height;
  for (guint i = page->first; i < page->first + page->n; i++)
    y += g_array_index (layout->row_heights, double, i);

  for (guint i = page->first; i < page->first + page->n; i++)
    {
      g_autoptr(GPtrArray) notes = _ic_matrix_row_footnotes (ctx->pages->matrix,
                                                             g_ptr_array_index (ctx->pages->matrix->rows, i));

      for (guint k = 0; k < notes->len; k++)
        {
          g_autoptr(PangoLayout) note = _ic_text_layout (ctx->context, g_ptr_array_index (notes, k),
                                                         IC_PAGE_SMALL_SIZE, 0, ctx->width);
          double h;

          if (first)
            y += IC_PAGE_NOTES_GAP;
          first = FALSE;
          _ic_text_draw (ctx->cr, note, 0, y, role (ctx, IC_PALETTE_TEXT));
          _ic_text_size (note, NULL, &h);
          y += h;
        }
    }
}

const char *
_ic_pages_matrix_title (IcPages  *pages,
                        gboolean  continued)
{
  return continued ? _("Judgement matrix (continued)")
         : pages->matrix->latest_only ? _("Judgement matrix: latest graded report of each authority")
         : _("Judgement matrix");
}

static void
draw_matrix (Ctx  *ctx,
             Page *page)
{
  const char *title = _ic_pages_matrix_title (ctx->pages, page->continued);
  double y = draw_title (ctx, title, page->continued ? NULL : "matrix", 0);

  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, 0, y);
  _ic_matrix_draw_rows (ctx->pages->matrix, ctx->pages->matrix_layout, ctx->cr, ctx->context, ctx->palette,
                        page->first, page->n);
  cairo_restore (ctx->cr);
  draw_matrix_footnotes (ctx, page, y);
}

/* A chart at the height it needs at the page's width, or shrunk as a
 * whole to what is left of the page. */
static double
draw_chart (Ctx     *ctx,
            IcChart *chart,
            double   y,
            gboolean fill)
{
  IcChartKind kind = ic_chart_get_kind (chart);
  double need, avail, scale, h;

  y += draw_title (ctx, ic_chart_kind_to_title (kind), ic_chart_kind_to_name (kind), y);
  need = ic_chart_get_height_for_width (chart, ctx->context, ctx->width);
  avail = ctx->height - y;
  scale = MIN (1.0, avail / need);
  h = fill ? avail : need * scale;

  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, 0, y);
  cairo_scale (ctx->cr, scale, scale);
  ic_chart_draw (chart, ctx->cr, ctx->width / scale, h / scale, ctx->palette);
  cairo_restore (ctx->cr);
  return y + h + 18;
}

static void
draw_charts (Ctx  *ctx,
             Page *page)
{
  double y = 0;

  for (guint i = 0; i < G_N_ELEMENTS (page->charts) && page->charts[i] != NULL; i++)
    y = draw_chart (ctx, page->charts[i], y, page->landscape);
}

static void
draw_row (Ctx   *ctx,
          Block *block,
          double y)
{
  if (block->header)
    _ic_fill_rect (ctx->cr, 0, y, ctx->width, block->height, role (ctx, IC_PALETTE_SURFACE));
  for (guint c = 0; block->cells[c] != NULL; c++)
    {
      double x = block->columns[c] * ctx->width + 3;
      double w = (block->columns[c + 1] - block->columns[c]) * ctx->width - 6;
      g_autoptr(PangoLayout) layout = _ic_pages_block_layout (block, c, ctx->width);

      if (layout == NULL)
        layout = _ic_markup_layout (ctx->context, block->cells[c], block->size, block->flags, w);
      _ic_text_draw (ctx->cr, layout, x, y + 3, role (ctx, block->role));
    }
  ic_color_set_source (role (ctx, IC_PALETTE_GRID), ctx->cr);
  cairo_set_line_width (ctx->cr, 0.5);
  cairo_move_to (ctx->cr, 0, y + block->height - 0.25);
  cairo_line_to (ctx->cr, ctx->width, y + block->height - 0.25);
  cairo_stroke (ctx->cr);
}

/* Only the lines of the part, each once: a clip would leave the others
 * in the PDF's text, read twice by a reader's search or copy. */
static void
draw_part (Ctx   *ctx,
           Block *part,
           double y)
{
  Block *whole = part->whole;
  g_autoptr(PangoLayout) layout = _ic_pages_block_layout (whole, 0, ctx->width);
  PangoLayoutIter *iter;

  if (layout == NULL)
    layout = _ic_markup_layout (ctx->context, whole->markup, whole->size, whole->flags,
                                ctx->width - whole->indent);
  iter = pango_layout_get_iter (layout);
  cairo_save (ctx->cr);
  ic_color_set_source (role (ctx, whole->role), ctx->cr);
  do
    {
      int top, bottom;
      double line_top;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_top = (double) top / PANGO_SCALE;
      if (line_top >= part->part_top && line_top < part->part_top + part->height)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (ctx->cr, whole->indent + (double) logical.x / PANGO_SCALE,
                         y - part->part_top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (ctx->cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (ctx->cr);
}

static void
draw_block (Ctx   *ctx,
            Block *block,
            double y)
{
  double w = block->kind == BLOCK_GRADE ? ctx->width * 0.45 : ctx->width - block->indent;
  g_autoptr(PangoLayout) layout = NULL;

  if (block->kind == BLOCK_ROW)
    {
      draw_row (ctx, block, y);
      return;
    }
  if (block->kind == BLOCK_PART)
    {
      draw_part (ctx, block, y);
      return;
    }
  layout = _ic_pages_block_layout (block, 0, ctx->width);
  if (layout == NULL)
    layout = _ic_markup_layout (ctx->context, block->markup, block->size, block->flags, w);
  if (block->kind == BLOCK_GRADE)
    {
      double th;

      _ic_text_size (layout, NULL, &th);
      _ic_text_draw (ctx->cr, layout, 8, y + (block->height - th) / 2, role (ctx, IC_PALETTE_TEXT));
      _ic_matrix_draw_grade_cell (ctx->cr, ctx->context, ctx->palette, block->grade, ic_grade_to_label (block->grade),
                                  IC_PAGE_BODY_SIZE, ctx->width * 0.5, y, 150, block->height);
      return;
    }
  _ic_text_draw (ctx->cr, layout, block->indent, y, role (ctx, block->role));
}

static void
draw_flow (Ctx  *ctx,
           Page *page)
{
  double y = 0;

  for (guint i = 0; i < page->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (ctx->pages->blocks, g_array_index (page->blocks, guint, i));

      if (i > 0)
        y += block->space_before;
      if (block->dest != NULL)
        {
          g_autofree char *attrs = g_strdup_printf ("name='%s'", block->dest);

          cairo_tag_begin (ctx->cr, CAIRO_TAG_DEST, attrs);
          draw_block (ctx, block, y);
          cairo_tag_end (ctx->cr, CAIRO_TAG_DEST);
        }
      else
        draw_block (ctx, block, y);
      y += block->height;
    }
}

/**
 * ic_pages_draw_page:
 * @cr: a context whose user space is the page in points, origin top left
 *
 * Draws page @page_nr with the print palette, footer included.
 */
void
ic_pages_draw_page (IcPages *pages,
                    cairo_t *cr,
                    guint    page_nr)
{
  g_autoptr(IcPangoContext) context = NULL;
  Page *page;
  double pw, ph;
  Ctx ctx;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (page_nr < pages->pages->len);

  page = &g_array_index (pages->pages, Page, page_nr);
  ic_pages_get_page_size (pages, page_nr, &pw, &ph);
  context = _ic_render_create_context (cr);
  ctx = (Ctx) { pages, cr, context, ic_palette_get_print (), pw - 2 * IC_PAGE_MARGIN,
                ph - 2 * IC_PAGE_MARGIN - IC_PAGE_FOOTER };

  cairo_save (cr);
  _ic_fill_rect (cr, 0, 0, pw, ph, role (&ctx, IC_PALETTE_BACKGROUND));
  cairo_translate (cr, IC_PAGE_MARGIN, IC_PAGE_MARGIN);
  draw_footer (&ctx, page_nr);
  if (!_ic_render_debug_no_clip)
    {
      cairo_rectangle (cr, 0, 0, ctx.width, ctx.height);
      cairo_clip (cr);
    }
  switch (page->kind)
    {
    case PAGE_COVER: draw_cover (&ctx); break;
    case PAGE_CONTENTS: draw_contents (&ctx, page); break;
    case PAGE_MATRIX: draw_matrix (&ctx, page); break;
    case PAGE_CHARTS: draw_charts (&ctx, page); break;
    case PAGE_FLOW: default: draw_flow (&ctx, page); break;
    }
  cairo_restore (cr);
}
