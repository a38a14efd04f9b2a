/* ic-pages.c: cutting the summary pack into A4 pages and drawing one page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-failure.h"
#include "ic-pages-private.h"


static void
block_free (Block *block)
{
  g_free (block->markup);
  g_strfreev (block->cells);
  g_free (block->dest);
  g_clear_pointer (&block->layouts, g_ptr_array_unref);
  g_free (block);
}

PangoLayout *
_ic_pages_block_layout (Block  *block,
                        guint   i,
                        double  width)
{
  if (block->layouts == NULL || block->layout_width != width || i >= block->layouts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (block->layouts, i));
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->blocks, g_array_unref);
}

static double
content_width (IcPages  *pages,
               gboolean  landscape)
{
  return (landscape ? pages->height : pages->width) - 2 * IC_PAGE_MARGIN;
}

static double
content_height (IcPages  *pages,
                gboolean  landscape)
{
  return (landscape ? pages->width : pages->height) - 2 * IC_PAGE_MARGIN - IC_PAGE_FOOTER;
}

/* As draw_title() draws @title: wrapped in the page's width, which a
 * longer wording (a translation) may need. */
static double
title_height (PangoContext *context,
              const char   *title,
              double        width)
{
  return ceil (_ic_text_height (context, title, IC_PAGE_TITLE_SIZE, IC_TEXT_BOLD, width) + 8);
}

static Page *
append_page (IcPages  *pages,
             PageKind  kind,
             gboolean  landscape)
{
  Page page = { kind, landscape, 0, 0, { NULL, NULL }, NULL, FALSE };

  g_array_append_val (pages->pages, page);
  return &g_array_index (pages->pages, Page, pages->pages->len - 1);
}

static void
set_dest (IcPages    *pages,
          const char *dest,
          guint       page_nr)
{
  if (!g_hash_table_contains (pages->dest_pages, dest))
    g_hash_table_insert (pages->dest_pages, g_string_chunk_insert_const (pages->strings, dest),
                         GUINT_TO_POINTER (page_nr + 1));
}

/* The footnotes of the corrected values of @report's matrix row, at @width. */
static double
footnotes_height (IcPages      *pages,
                  PangoContext *context,
                  IcReport     *report,
                  double        width)
{
  g_autoptr(GPtrArray) notes = _ic_matrix_row_footnotes (pages->matrix, report);
  double h = 0;

  for (guint i = 0; i < notes->len; i++)
    h += _ic_text_height (context, g_ptr_array_index (notes, i), IC_PAGE_SMALL_SIZE, 0, width);
  return h;
}

static void
paginate_matrix (IcPages      *pages,
                 PangoContext *context)
{
  /* The summary's one-line rows fit more to a portrait page. */
  gboolean landscape = !pages->summary;
  double avail, used = 0, width = content_width (pages, landscape);
  gboolean page_has_notes = FALSE;
  Page *page;

  pages->matrix_layout = _ic_matrix_layout_new (pages->matrix, context, width);
  avail = content_height (pages, landscape)
          - MAX (title_height (context, _ic_pages_matrix_title (pages, FALSE), width),
                 title_height (context, _ic_pages_matrix_title (pages, TRUE), width))
          - pages->matrix_layout->legend_height - pages->matrix_layout->header_height;
  set_dest (pages, "matrix", pages->pages->len);
  page = append_page (pages, PAGE_MATRIX, landscape);

  for (guint i = 0; i < pages->matrix->rows->len; i++)
    {
      double h = g_array_index (pages->matrix_layout->row_heights, double, i);
      double notes = footnotes_height (pages, context, g_ptr_array_index (pages->matrix->rows, i), width);

      /* A corrected row takes its footnotes to its page, below the rows. */
      if (page->n > 0 && used + h + notes + (notes > 0 && !page_has_notes ? IC_PAGE_NOTES_GAP : 0) > avail)
        {
          page = append_page (pages, PAGE_MATRIX, landscape);
          page->first = i;
          page->continued = TRUE;
          used = 0;
          page_has_notes = FALSE;
        }
      if (notes > 0 && !page_has_notes)
        used += IC_PAGE_NOTES_GAP;
      page_has_notes |= notes > 0;
      page->n++;
      used += h + notes;
    }
}

/* Charts stack two to a portrait page when both fit at natural height. */
static void
paginate_charts (IcPages      *pages,
                 PangoContext *context)
{
  double avail = content_height (pages, FALSE), used = 0;
  Page *page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pages->charts); i++)
    {
      IcChart *chart = pages->charts[i];
      double h;

      h = ic_chart_get_height_for_width (chart, context, content_width (pages, FALSE));
      h += title_height (context, ic_chart_kind_to_title (ic_chart_get_kind (chart)), content_width (pages, FALSE)) + 18;
      if (page == NULL || page->charts[1] != NULL || used + h > avail)
        {
          page = append_page (pages, PAGE_CHARTS, FALSE);
          used = 0;
        }
      page->charts[page->charts[0] ? 1 : 0] = chart;
      set_dest (pages, ic_chart_kind_to_name (ic_chart_get_kind (chart)), pages->pages->len - 1);
      used += h;
    }
}

/* The layouts are made with the device-independent measuring context
 * (no hinting, no rounding), so drawing them on any surface gives the
 * sizes measured here. */
static PangoLayout *
keep_layout (Block        *block,
             PangoContext *context,
             const char   *markup,
             double        width)
{
  PangoLayout *layout = _ic_markup_layout (context, markup, block->size, block->flags, width);

  g_ptr_array_add (block->layouts, layout);
  return layout;
}

static double
measure_block (IcPages      *pages,
               PangoContext *context,
               Block        *block,
               double        width)
{
  double h = 0;

  g_clear_pointer (&block->layouts, g_ptr_array_unref);
  block->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  block->layout_width = width;
  if (block->kind == BLOCK_ROW)
    {
      for (guint c = 0; block->cells[c] != NULL; c++)
        {
          double w = (block->columns[c + 1] - block->columns[c]) * width - 6;
          double ch;

          _ic_text_size (keep_layout (block, context, block->cells[c], w), NULL, &ch);
          h = MAX (h, ch);
        }
      return ceil (h + 6);
    }
  else
    {
      double w = block->kind == BLOCK_GRADE ? width * 0.45 : width - block->indent;

      _ic_text_size (keep_layout (block, context, block->markup, w), NULL, &h);
      return ceil (block->kind == BLOCK_GRADE ? MAX (h, 14) + 4 : h + 1);
    }
}

static Page *
new_flow_page (IcPages *pages,
               double  *used)
{
  Page *page = append_page (pages, PAGE_FLOW, FALSE);

  page->blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  *used = 0;
  return page;
}

/* The blocks of one flow, measured as far as the layout has looked. */
typedef struct
{
  PangoContext *context;
  double        width;
  guint         n_blocks;  /* the flow's own: parts are added after them */
  guint         measured;  /* blocks before this one have their height */
} Flow;

static Block *
measured_block (IcPages *pages,
                Flow    *flow,
                guint    i)
{
  for (; flow->measured <= i; flow->measured++)
    {
      Block *block = g_ptr_array_index (pages->blocks, flow->measured);

      block->height = measure_block (pages, flow->context, block, flow->width);
    }
  return g_ptr_array_index (pages->blocks, i);
}

static gboolean
block_fits (IcPages *pages,
            Flow    *flow,
            guint    i,
            double   used,
            double   avail)
{
  Block *block = measured_block (pages, flow, i);
  double h = block->height + (used > 0 ? block->space_before : 0);

  /* Keep a heading with what it heads, and that in turn with what it
   * keeps (a report's heading, its note, its first item and the item's
   * themes), so that no heading is left alone at a page's foot. The
   * blocks after are measured here, before their turn. */
  for (guint j = i; block->keep_with_next && j + 1 < flow->n_blocks; j++)
    {
      block = measured_block (pages, flow, j + 1);
      if (block->page_break)
        break;
      h += block->space_before + block->height;
    }
  return used + h <= avail;
}

/* Where each line of a text block ends, from its top, in points. */
static GArray *
line_bottoms (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (g_ptr_array_index (block->layouts, 0));
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));

  do
    {
      int top, bottom;
      double y;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      y = (double) bottom / PANGO_SCALE;
      g_array_append_val (bottoms, y);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return bottoms;
}

static void
add_part (IcPages *pages,
          Page    *page,
          Block   *whole,
          double   top,
          double   bottom,
          double  *used)
{
  Block *part = g_new0 (Block, 1);
  guint index;

  part->kind = BLOCK_PART;
  part->whole = whole;
  part->part_top = top;
  part->height = bottom - top;
  part->table_header = -1;
  if (top == 0)
    {
      part->space_before = whole->space_before;
      part->dest = g_strdup (whole->dest);
    }
  if (*used > 0)
    *used += part->space_before;
  g_ptr_array_add (pages->blocks, part);
  index = pages->blocks->len - 1;
  g_array_append_val (page->blocks, index);
  *used += part->height;
  if (part->dest != NULL)
    set_dest (pages, part->dest, pages->pages->len - 1);
}

/* A text block taller than a page (a 10,000-character item) flows on
 * over as many pages as it needs, cut between lines: parts added after
 * every block, so the blocks' indices stay. Returns the last page. */
static Page *
flow_tall_block (IcPages *pages,
                 Page    *page,
                 Block   *block,
                 double   avail,
                 double  *used)
{
  g_autoptr(GArray) bottoms = line_bottoms (block);
  double top = 0;
  guint line = 0;

  while (line < bottoms->len)
    {
      double room = avail - *used - (*used > 0 ? block->space_before : 0);
      guint end = line;

      /* The last line's part ends at the block's own (padded) height. */
      while (end < bottoms->len &&
             (end + 1 == bottoms->len ? block->height : g_array_index (bottoms, double, end)) - top <= room)
        end++;
      if (end == line && *used > 0)
        {
          page = new_flow_page (pages, used);
          continue;
        }
      /* A single line taller than a page: it is cut, not lost. */
      end = MAX (end, line + 1);
      add_part (pages, page, block, top,
                end == bottoms->len ? block->height : g_array_index (bottoms, double, end - 1), used);
      top = g_array_index (bottoms, double, end - 1);
      line = end;
      if (line < bottoms->len)
        page = new_flow_page (pages, used);
    }
  return page;
}

static void
paginate_flow (IcPages      *pages,
               PangoContext *context,
               guint         first_block)
{
  double avail = content_height (pages, FALSE), used = 0;
  Flow flow = { context, content_width (pages, FALSE), pages->blocks->len, first_block };
  Page *page = NULL;

  for (guint i = first_block; i < flow.n_blocks && !_ic_pages_is_cancelled (pages); i++)
    {
      Block *block = measured_block (pages, &flow, i);

      if (block->repeat_only)
        continue;
      if (block->kind == BLOCK_TEXT && block->height > avail)
        {
          if (page == NULL || block->page_break)
            page = new_flow_page (pages, &used);
          page = flow_tall_block (pages, page, block, avail, &used);
          continue;
        }
      if (page == NULL || block->page_break || (page->blocks->len > 0 && !block_fits (pages, &flow, i, used, avail)))
        {
          page = new_flow_page (pages, &used);
          /* A table going on over the page starts with its header again,
           * a report's items with its heading. */
          if (block->table_header >= 0 && !block->page_break)
            {
              g_array_append_val (page->blocks, block->table_header);
              used += ((Block *) g_ptr_array_index (pages->blocks, block->table_header))->height;
            }
        }
      else if (used > 0)
        used += block->space_before;
      g_array_append_val (page->blocks, i);
      used += block->height;
      if (block->dest != NULL)
        set_dest (pages, block->dest, pages->pages->len - 1);
    }
}

static void
add_section_entries (IcPages *pages)
{
  _ic_pages_add_entry (pages, _("Judgement matrix"), "matrix", 0);
  if (!pages->summary)
    _ic_pages_add_entry (pages, _("Improvement areas over time"), "timeline", 0);
  _ic_pages_add_entry (pages, _("Charts"), "grades", 0);
  for (guint i = 0; i < G_N_ELEMENTS (pages->charts); i++)
    {
      IcChartKind kind = ic_chart_get_kind (pages->charts[i]);

      _ic_pages_add_entry (pages, ic_chart_kind_to_title (kind), ic_chart_kind_to_name (kind), 1);
    }
}

static void
collect (IcPages    *pages,
         GListModel *reports,
         GListModel *failures)
{
  for (guint i = 0; reports && i < g_list_model_get_n_items (reports); i++)
    g_ptr_array_add (pages->reports, g_list_model_get_item (reports, i));
  for (guint i = 0; failures && i < g_list_model_get_n_items (failures); i++)
    g_ptr_array_add (pages->failures, g_list_model_get_item (failures, i));
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  return ic_report_compare (*(IcReport **) a, *(IcReport **) b);
}

/* Cancel is heard between steps of the layout (each chart, each
 * authority, each block): a pack of a national archive takes many
 * seconds to lay out before its first page is drawn. */
gboolean
_ic_pages_is_cancelled (IcPages *pages)
{
  return g_cancellable_is_cancelled (pages->cancellable);
}

/* Returns FALSE when cancelled, with some charts not made. */
static gboolean
prepare_charts (IcPages             *pages,
                GListModel          *reports,
                const IcPackOptions *options)
{
  IcChartOptions every = { .latest_only = FALSE };
  IcChartOptions matrix = { .latest_only = pages->view != IC_PAGES_VIEW_MATRIX, .compact = pages->summary };
  const struct { IcChart **chart; IcChartKind kind; const IcChartOptions *options; } wanted[] = {
    { &pages->matrix, IC_CHART_MATRIX, &matrix },
    { &pages->timeline, IC_CHART_TIMELINE, NULL },
    { &pages->charts[0], IC_CHART_GRADES, NULL },
    { &pages->charts[1], IC_CHART_THEMES, &every },
    { &pages->charts[2], IC_CHART_HISTORY, &every },
    { &pages->charts[3], IC_CHART_YEARS, &every },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      if (_ic_pages_is_cancelled (pages))
        return FALSE;
      *wanted[i].chart = ic_chart_new (wanted[i].kind, reports, wanted[i].options);
    }

  if (options != NULL && options->recurrences != NULL)
    pages->links = g_ptr_array_ref (options->recurrences);
  else
    pages->links = g_ptr_array_ref (pages->timeline->links);
  ic_chart_set_recurrences (pages->timeline, pages->links);
  return TRUE;
}

static IcPages *
pages_new (GListModel          *reports,
           GListModel          *failures,
           const IcPackOptions *options,
           double               width,
           double               height)
{
  IcPages *pages = g_new0 (IcPages, 1);

  g_ref_count_init (&pages->ref_count);
  pages->width = width > 0 ? MIN (width, height) : IC_A4_WIDTH;
  pages->height = height > 0 ? MAX (width, height) : IC_A4_HEIGHT;
  pages->title = g_strdup (options && options->title ? options->title : _("Inspection summary pack"));
  pages->filters = g_strdup (options && options->filters ? options->filters : _("all reports"));
  pages->evidence = g_strdup (options ? options->evidence : NULL);
  pages->summary = options != NULL && options->summary;
  pages->view = options != NULL ? options->view : IC_PAGES_VIEW_PACK;
  if (options != NULL && options->as_at != NULL && g_date_valid (options->as_at))
    pages->as_at = *options->as_at;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&pages->as_at, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  pages->reports = g_ptr_array_new_with_free_func (g_object_unref);
  pages->failures = g_ptr_array_new_with_free_func (g_object_unref);
  pages->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  pages->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (pages->pages, (GDestroyNotify) page_clear);
  pages->entries = g_array_new (FALSE, TRUE, sizeof (IcPagesEntry));
  pages->strings = g_string_chunk_new (1024);
  pages->dest_pages = g_hash_table_new (g_str_hash, g_str_equal);
  if (options != NULL && options->cancellable != NULL)
    pages->cancellable = g_object_ref (options->cancellable);
  if (options != NULL && options->all_reports != NULL)
    pages->all_reports = g_object_ref (options->all_reports);

  collect (pages, reports, failures);
  g_ptr_array_sort (pages->reports, compare_reports);
  prepare_charts (pages, reports, options);
  return pages;
}

static void
resolve_entries (IcPages *pages)
{
  for (guint i = 0; i < pages->entries->len; i++)
    {
      IcPagesEntry *entry = &g_array_index (pages->entries, IcPagesEntry, i);

      entry->page = GPOINTER_TO_UINT (g_hash_table_lookup (pages->dest_pages, entry->dest)) - 1;
    }
}

/* The short pack for a board: cover, matrix, charts, recurring areas by
 * theme and the sources by count; no contents page, no timeline and no
 * section per authority (the PDF outline still leads to each part). */
static void
paginate_summary (IcPages      *pages,
                  PangoContext *context)
{
  _ic_pages_add_recurring_summary (pages);
  if (pages->evidence != NULL)
    _ic_pages_add_evidence (pages);
  _ic_pages_add_sources_summary (pages);

  set_dest (pages, "cover", 0);
  append_page (pages, PAGE_COVER, FALSE);
  paginate_matrix (pages, context);
  paginate_charts (pages, context);
  paginate_flow (pages, context, 0);
  resolve_entries (pages);
}

static void
paginate_timeline (IcPages *pages)
{
  set_dest (pages, "timeline", pages->pages->len);
  append_page (pages, PAGE_CHARTS, TRUE)->charts[0] = pages->timeline;
}

/* A print of one view: the pages the pack gives that view, alone. */
static void
paginate_view (IcPages      *pages,
               PangoContext *context)
{
  switch (pages->view)
    {
    case IC_PAGES_VIEW_MATRIX:
      _ic_pages_add_entry (pages, _("Judgement matrix"), "matrix", 0);
      paginate_matrix (pages, context);
      break;
    case IC_PAGES_VIEW_TIMELINE:
      _ic_pages_add_entry (pages, _("Improvement areas over time"), "timeline", 0);
      paginate_timeline (pages);
      break;
    case IC_PAGES_VIEW_CHARTS:
      _ic_pages_add_entry (pages, _("Charts"), "grades", 0);
      paginate_charts (pages, context);
      break;
    case IC_PAGES_VIEW_EVIDENCE:
      g_assert (pages->evidence != NULL);
      _ic_pages_add_evidence (pages);
      paginate_flow (pages, context, 0);
      break;
    case IC_PAGES_VIEW_PACK:
    default:
      g_assert_not_reached ();
    }
  resolve_entries (pages);
}

/* A layout cut short by Cancel is not handed out. */
static IcPages *
unless_cancelled (IcPages *pages)
{
  if (!_ic_pages_is_cancelled (pages))
    return pages;
  ic_pages_unref (pages);
  return NULL;
}

static guint
contents_per_page (IcPages      *pages,
                   PangoContext *context)
{
  double title = title_height (context, _("Contents (continued)"), content_width (pages, FALSE));

  return MAX (1, (guint) floor ((content_height (pages, FALSE) - title) / IC_PAGE_CONTENTS_LINE));
}

/**
 * ic_pages_paginate:
 * @reports: the reports (#IcReport) of the pack
 * @failures: (nullable): files that could not be read (#IcFailure)
 * @options: (nullable): title, "as at" date and recurrences
 * @page_width: the portrait page width in points, or 0 for A4
 * @page_height: the portrait page height in points, or 0 for A4
 *
 * Lays the whole pack out: cover, contents, matrix, timeline, charts,
 * recurring areas, one section per authority and the sources.
 *
 * Returns: (transfer full) (nullable): the pages, or %NULL when
 *   @options' cancellable was cancelled before the layout was done
 */
IcPages *
ic_pages_paginate (GListModel          *reports,
                   GListModel          *failures,
                   const IcPackOptions *options,
                   double               page_width,
                   double               page_height)
{
  g_autoptr(IcPangoContext) context = _ic_render_create_context (NULL);
  IcPages *pages = pages_new (reports, failures, options, page_width, page_height);
  guint per_page, n_contents;
  Page *page;

  /* Cancelled while the charts were made: some are missing. */
  if (_ic_pages_is_cancelled (pages))
    return unless_cancelled (pages);
  if (pages->view != IC_PAGES_VIEW_PACK)
    {
      paginate_view (pages, context);
      return unless_cancelled (pages);
    }
  add_section_entries (pages);
  if (pages->summary)
    {
      paginate_summary (pages, context);
      return unless_cancelled (pages);
    }
  _ic_pages_add_recurring (pages);
  _ic_pages_add_authorities (pages);
  if (pages->evidence != NULL && !_ic_pages_is_cancelled (pages))
    _ic_pages_add_evidence (pages);
  _ic_pages_add_sources (pages);
  if (_ic_pages_is_cancelled (pages))
    return unless_cancelled (pages);

  set_dest (pages, "cover", 0);
  append_page (pages, PAGE_COVER, FALSE);
  per_page = contents_per_page (pages, context);
  n_contents = (pages->entries->len + per_page - 1) / per_page;
  set_dest (pages, "contents", 1);
  for (guint i = 0; i < n_contents; i++)
    {
      page = append_page (pages, PAGE_CONTENTS, FALSE);
      page->first = i * per_page;
      page->n = MIN (per_page, pages->entries->len - page->first);
      page->continued = i > 0;
    }
  paginate_matrix (pages, context);
  paginate_timeline (pages);
  paginate_charts (pages, context);
  paginate_flow (pages, context, 0);
  resolve_entries (pages);
  return unless_cancelled (pages);
}

IcPages *
ic_pages_ref (IcPages *pages)
{
  g_return_val_if_fail (pages != NULL, NULL);
  g_ref_count_inc (&pages->ref_count);
  return pages;
}

void
ic_pages_unref (IcPages *pages)
{
  g_return_if_fail (pages != NULL);

  if (!g_ref_count_dec (&pages->ref_count))
    return;
  g_free (pages->title);
  g_free (pages->filters);
  g_free (pages->evidence);
  g_ptr_array_unref (pages->reports);
  g_ptr_array_unref (pages->failures);
  g_clear_pointer (&pages->links, g_ptr_array_unref);
  g_clear_object (&pages->all_reports);
  g_clear_pointer (&pages->item_times, g_hash_table_unref);
  g_clear_pointer (&pages->matrix, ic_chart_unref);
  g_clear_pointer (&pages->timeline, ic_chart_unref);
  for (guint i = 0; i < G_N_ELEMENTS (pages->charts); i++)
    g_clear_pointer (&pages->charts[i], ic_chart_unref);
  g_clear_pointer (&pages->matrix_layout, _ic_matrix_layout_free);
  g_ptr_array_unref (pages->blocks);
  g_array_unref (pages->pages);
  g_array_unref (pages->entries);
  g_hash_table_unref (pages->dest_pages);
  g_string_chunk_free (pages->strings);
  g_clear_object (&pages->cancellable);
  g_free (pages);
}

guint
ic_pages_get_n_pages (IcPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);
  return pages->pages->len;
}

gboolean
ic_pages_is_landscape (IcPages *pages,
                       guint    page_nr)
{
  g_return_val_if_fail (pages != NULL, FALSE);
  g_return_val_if_fail (page_nr < pages->pages->len, FALSE);
  return g_array_index (pages->pages, Page, page_nr).landscape;
}

void
ic_pages_get_page_size (IcPages *pages,
                        guint    page_nr,
                        double  *width,
                        double  *height)
{
  gboolean landscape = ic_pages_is_landscape (pages, page_nr);

  *width = landscape ? pages->height : pages->width;
  *height = landscape ? pages->width : pages->height;
}

guint
ic_pages_get_n_entries (IcPages *pages)
{
  return pages->entries->len;
}

const IcPagesEntry *
ic_pages_get_entry (IcPages *pages,
                    guint    index)
{
  g_return_val_if_fail (index < pages->entries->len, NULL);
  return &g_array_index (pages->entries, IcPagesEntry, index);
}
