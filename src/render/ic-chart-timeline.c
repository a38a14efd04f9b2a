/* ic-chart-timeline.c: improvement themes over time, recurrences joined
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-chart-private.h"

typedef struct
{
  double legend_h;
  double label_w;
  double x0, x1;     /* the plot, left and right */
  double top;
  double row_h;
  double axis_h;
  gboolean lanes;    /* one lane per authority inside a row */
  gboolean heat;     /* counts per theme and year instead of marks */
} TimelineLayout;

/* Past this many authorities, marks make one solid band: each theme's
 * reports are counted per year instead (a heat strip with numbers), and
 * a peer group or one authority brings the marks and joins back. */
#define MAX_AUTHORITIES_MARKED 25

static double
pad (IcChart *chart)
{
  return chart->font_size * 0.4;
}

static double
marker_radius (IcChart *chart)
{
  return chart->font_size * 0.38;
}

double
_ic_authority_legend (IcChart         *chart,
                      cairo_t         *cr,
                      PangoContext    *context,
                      const IcPalette *palette,
                      GPtrArray       *names,
                      double           width,
                      const char      *note)
{
  double line = chart->font_size * 1.5, x = 0, y = 0, r = marker_radius (chart);
  guint n_series = ic_palette_get_n_series (palette);

  for (guint i = 0; names->len <= n_series && i < names->len; i++)
    {
      g_autoptr(PangoLayout) layout = _ic_text_layout (context, g_ptr_array_index (names, i),
                                                       chart->font_size * 0.9, 0, width - 3.2 * r - pad (chart));
      double tw, th;

      _ic_text_size (layout, &tw, &th);
      if (x > 0 && x + 3.2 * r + tw > width)
        x = 0, y += line;
      if (cr != NULL)
        {
          ic_color_set_source (ic_palette_get_series (palette, i), cr);
          _ic_draw_marker (cr, i, x + r * 1.3, y + line / 2, r);
          _ic_text_draw (cr, layout, x + 3.2 * r, y + (line - th) / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
        }
      x += 3.2 * r + tw + chart->font_size * 1.5;
    }
  if (x > 0)
    y += line;

  if (note != NULL)
    {
      g_autoptr(PangoLayout) layout = _ic_text_layout (context, note, chart->font_size * 0.85, 0, width);
      double th;

      _ic_text_size (layout, NULL, &th);
      if (cr != NULL)
        _ic_text_draw (cr, layout, 0, y, ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
      y += th;
    }
  return ceil (y + pad (chart));
}

double
_ic_time_x (IcChart     *chart,
            const GDate *date,
            double       x0,
            double       x1)
{
  double span = chart->last_year + 1 - chart->first_year;

  return x0 + (x1 - x0) * (_ic_date_to_year_fraction (date) - chart->first_year) / span;
}

double
_ic_time_axis_height (IcChart      *chart,
                      PangoContext *context)
{
  return ceil (_ic_text_height (context, "2024", chart->font_size * 0.85, 0, -1) + 2 * pad (chart));
}

/* A tick at the start of every year and the year centred in its span,
 * thinned out when the years are too narrow for their labels. */
void
_ic_time_axis_draw (IcChart         *chart,
                    cairo_t         *cr,
                    PangoContext    *context,
                    const IcPalette *palette,
                    double           x0,
                    double           x1,
                    double           top,
                    double           base)
{
  int n = chart->last_year + 1 - chart->first_year;
  double year_w = (x1 - x0) / n;
  double label_w = _ic_text_width (context, "2024", chart->font_size * 0.85, 0) + 4;
  int every = (int) ceil (label_w / year_w);

  cairo_set_line_width (cr, 0.5);
  for (int i = 0; i <= n; i++)
    {
      double x = x0 + i * year_w;

      ic_color_set_source (ic_palette_get_color (palette, IC_PALETTE_GRID), cr);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, base + pad (chart));
      cairo_stroke (cr);
      if (i < n && i % every == 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", chart->first_year + i);
          g_autoptr(PangoLayout) layout = _ic_text_layout (context, text, chart->font_size * 0.85, 0, -1);
          double tw;

          _ic_text_size (layout, &tw, NULL);
          if (x + (year_w * every - tw) / 2 + tw <= x1 + 1)
            _ic_text_draw (cr, layout, x + (MIN (year_w * every, x1 - x) - tw) / 2, base + pad (chart),
                           ic_palette_get_color (palette, IC_PALETTE_TEXT));
        }
    }
  ic_color_set_source (ic_palette_get_color (palette, IC_PALETTE_AXIS), cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, base + 0.5);
  cairo_line_to (cr, x1, base + 0.5);
  cairo_stroke (cr);
}

static gboolean
has_carried_forward (IcChart *chart)
{
  for (guint i = 0; chart->lines != NULL && i < chart->lines->len; i++)
    if (((IcChartLink *) g_ptr_array_index (chart->lines, i))->carried_forward)
      return TRUE;
  return FALSE;
}

/* Whether a line drawn is a step taken by possible matches only. */
static gboolean
has_possible_lines (IcChart *chart)
{
  for (guint i = 0; chart->lines != NULL && i < chart->lines->len; i++)
    if (((IcChartLink *) g_ptr_array_index (chart->lines, i))->possible)
      return TRUE;
  return FALSE;
}

/* (authority, theme, date): a line's end, and the mark that may stand
 * there. */
static char *
line_end_key (const char  *authority,
              const char  *theme,
              const GDate *date)
{
  return g_strdup_printf ("%s\x1f%s\x1f%u", authority, theme, g_date_get_julian (date));
}

/* How many dates @authority's reports of the chart have up to @date. */
static guint
dates_shown_by (IcChart     *chart,
                const char  *authority,
                const GDate *date)
{
  g_autoptr(GHashTable) days = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      const GDate *shown = ic_report_get_sort_date (report);

      if (shown != NULL && g_date_compare (shown, date) <= 0 &&
          g_strcmp0 (_ic_chart_report_authority (report), authority) == 0)
        g_hash_table_add (days, GUINT_TO_POINTER (g_date_get_julian (shown)));
    }
  return g_hash_table_size (days);
}

/* Whether a mark's count is more than the reports shown up to it: the
 * rest are hidden by a filter, and so is its line to them. */
static gboolean
counts_hidden_reports (IcChart           *chart,
                       const IcChartLink *link)
{
  return link->times_raised > dates_shown_by (chart, link->authority, &link->later);
}

static gboolean
find_theme_row (IcChart    *chart,
                const char *theme,
                guint      *row)
{
  for (guint i = 0; i < chart->themes->len; i++)
    if (g_str_equal (g_ptr_array_index (chart->themes, i), theme))
      {
        *row = i;
        return TRUE;
      }
  return FALSE;
}

/* (authority, date) of every dated report the chart shows. */
static GHashTable *
report_dates (IcChart *chart)
{
  GHashTable *dates = _ic_chart_report_dates_new ();

  for (guint i = 0; i < chart->reports->len; i++)
    _ic_chart_report_dates_add (dates, g_ptr_array_index (chart->reports, i));
  return dates;
}

/* The links drawn as lines: those between two reports the chart shows.
 * The pack's links also join a shown report to an earlier one a filter
 * hides (its pages name that date: "also raised 12 March 2019"); drawn,
 * such a line would start where no mark is, at a report neither the
 * chart nor the pack's tables show, and the pack and the print would
 * draw lines the window does not (ic_chart_links_pick() keeps a line
 * only when both its reports are shown). A mark's count still includes
 * the hidden reports, and the legend says so. */
static void
pick_lines (IcChart *chart)
{
  g_autoptr(GHashTable) dates = report_dates (chart);

  g_clear_pointer (&chart->lines, g_ptr_array_unref);
  chart->lines = g_ptr_array_new ();
  for (guint i = 0; chart->links != NULL && i < chart->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->links, i);
      guint row;

      if (!link->mark_only && find_theme_row (chart, link->theme, &row) &&
          _ic_chart_authority_index (chart, link->authority) != G_MAXUINT &&
          _ic_chart_report_dates_has (dates, link->authority, &link->earlier) &&
          _ic_chart_report_dates_has (dates, link->authority, &link->later))
        g_ptr_array_add (chart->lines, link);
    }
}

/* Whether some mark says a count with no line to it: its item is drawn in
 * a row of one of its themes, its chain's line in another's, or its
 * chain began in reports a filter hides. */
static void
find_lone_counts (IcChart *chart)
{
  g_autoptr(GHashTable) ends = NULL;
  gboolean lone = FALSE;

  chart->lone_counts = FALSE;
  chart->counts_hidden = FALSE;
  /* A heat strip draws no marks, so no counts. */
  if (chart->links == NULL || chart->authorities->len > MAX_AUTHORITIES_MARKED)
    return;
  ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < chart->lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->lines, i);

      g_hash_table_add (ends, line_end_key (link->authority, link->theme, &link->earlier));
      g_hash_table_add (ends, line_end_key (link->authority, link->theme, &link->later));
    }
  for (guint i = 0; !(lone && chart->counts_hidden) && i < chart->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->links, i);
      g_autofree char *key = NULL;

      if (!link->mark_only || link->times_raised < 2 || !g_date_valid (&link->later))
        continue;
      if (counts_hidden_reports (chart, link))
        {
          chart->counts_hidden = TRUE;
          continue;
        }
      key = line_end_key (link->authority, link->theme, &link->later);
      lone |= !g_hash_table_contains (ends, key);
    }
  chart->lone_counts = lone;
}

/* (authority, theme, date) of every mark: a report raising a theme. */
static GHashTable *
find_marks (IcChart *chart)
{
  GHashTable *marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      const GDate *date = ic_report_get_sort_date (report);
      GListModel *items = ic_report_get_improvements (report);

      for (guint k = 0; date != NULL && k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);
          const char * const *themes = ic_improvement_get_themes (item);

          for (guint t = 0; themes != NULL && themes[t] != NULL; t++)
            g_hash_table_add (marks, line_end_key (_ic_chart_report_authority (report), themes[t], date));
        }
    }
  return marks;
}

/* Whether a mark stands in @link's lane between its ends: a report of
 * its authority not of its chain (a step joins two reports of the chain
 * next to each other), which a straight line would seem to join. */
static gboolean
passes_mark (IcChart           *chart,
             GHashTable        *marks,
             const IcChartLink *link)
{
  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      const GDate *date = ic_report_get_sort_date (report);
      g_autofree char *key = NULL;

      if (date == NULL || g_date_compare (date, &link->earlier) <= 0 || g_date_compare (date, &link->later) >= 0 ||
          g_strcmp0 (_ic_chart_report_authority (report), link->authority) != 0)
        continue;
      key = line_end_key (link->authority, link->theme, date);
      if (g_hash_table_contains (marks, key))
        return TRUE;
    }
  return FALSE;
}

static void
add_dot (GHashTable  *dots,
         GHashTable  *marks,
         const char  *authority,
         const char  *theme,
         const GDate *date)
{
  char *key = line_end_key (authority, theme, date);

  if (g_hash_table_contains (marks, key))
    g_free (key);
  else
    g_hash_table_add (dots, key);
}

/* A line runs from one report of its chain to the next, in one theme's
 * row: where the chain's item has other themes, the row has no mark and
 * the line ends in a dot, and where a report not of the chain has a mark
 * in the line's lane, the line hops over it, so that no line seems to
 * join a mark it does not, nor pass a report it does. */
static void
find_hops_and_dots (IcChart *chart)
{
  g_autoptr(GHashTable) marks = find_marks (chart);

  g_clear_pointer (&chart->hops, g_hash_table_unref);
  g_clear_pointer (&chart->dots, g_hash_table_unref);
  chart->hops = g_hash_table_new (g_direct_hash, g_direct_equal);
  chart->dots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < chart->lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->lines, i);

      if (link->carried_forward)
        continue;
      if (passes_mark (chart, marks, link))
        g_hash_table_add (chart->hops, link);
      add_dot (chart->dots, marks, link->authority, link->theme, &link->earlier);
      add_dot (chart->dots, marks, link->authority, link->theme, &link->later);
    }
}

/* (authority, theme): a line's lane. */
static char *
lane_key (const IcChartLink *link)
{
  return g_strdup_printf ("%s\x1f%s", link->authority, link->theme);
}

/* Whether two lines of one lane run over some of the same dates. */
static gboolean
share_way (const IcChartLink *a,
           const IcChartLink *b)
{
  return g_date_compare (&a->earlier, &b->later) < 0 && g_date_compare (&b->earlier, &a->later) < 0;
}

/* A dashed line under a solid one of its colour reads as solid: two
 * areas of one authority and theme whose steps join the same reports,
 * one by close matches and one by possible ones, looked like one area
 * raised again for certain (Lambeth's quality assurance). Such a
 * dashed line is drawn bowed off its lane, so both are seen. */
static void
find_overlaid (IcChart *chart)
{
  g_autoptr(GHashTable) solid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);

  g_clear_pointer (&chart->overlaid, g_hash_table_unref);
  chart->overlaid = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < chart->lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->lines, i);
      char *key;
      GPtrArray *lane;

      if (link->possible)
        continue;
      key = lane_key (link);
      lane = g_hash_table_lookup (solid, key);
      if (lane == NULL)
        g_hash_table_insert (solid, key, lane = g_ptr_array_new ());
      else
        g_free (key);
      g_ptr_array_add (lane, link);
    }
  for (guint i = 0; i < chart->lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->lines, i);
      g_autofree char *key = link->possible ? lane_key (link) : NULL;
      GPtrArray *lane = key != NULL ? g_hash_table_lookup (solid, key) : NULL;

      for (guint k = 0; lane != NULL && k < lane->len; k++)
        if (share_way (link, g_ptr_array_index (lane, k)))
          g_hash_table_add (chart->overlaid, link);
    }
}

static GHashTable *counts_by_mark (IcChart *chart);
static GHashTable *possible_by_mark (IcChart *chart);

/* The lines to draw and what the legend says of the counts: found once
 * per set of links, when they are given, not at every measure and paint. */
void
_ic_timeline_prepare_links (IcChart *chart)
{
  pick_lines (chart);
  find_lone_counts (chart);
  find_hops_and_dots (chart);
  find_overlaid (chart);
  g_clear_pointer (&chart->mark_counts, g_hash_table_unref);
  chart->mark_counts = counts_by_mark (chart);
  g_clear_pointer (&chart->mark_possible, g_hash_table_unref);
  chart->mark_possible = possible_by_mark (chart);
}

static const char *
legend_note (IcChart         *chart,
             const IcPalette *palette,
             char           **owned)
{
  g_autofree char *note = g_strconcat (has_carried_forward (chart)
                                       ? _(" A hollow ring ends a line at a report that says the earlier areas remain, "
                                           "with none of its own.") : "",
                                       has_possible_lines (chart)
                                       ? _(" A dashed line is a step to a report that raised the area again by "
                                           "possible matches only, which the method is less sure of: check them.")
                                       : "",
                                       chart->dots != NULL && g_hash_table_size (chart->dots) > 0
                                       ? _(" A small dot on a line is a report that raised the area again "
                                           "under other themes.") : "",
                                       chart->lone_counts
                                       ? _(" A count with no line to it is of an area whose line runs in the row "
                                           "of another of its themes.") : "",
                                       chart->counts_hidden
                                       ? _(" Counts include reports the filters hide.") : "",
                                       chart->counts_differ
                                       ? _(" Where items of a report raised again share a row, its count is "
                                           "that of the one raised most often.") : "",
                                       NULL);

  if (chart->authorities->len > MAX_AUTHORITIES_MARKED)
    *owned = g_strdup_printf (ngettext ("Each number counts the reports that raised the theme in that year "
                                        "(%u authority); compare a peer group or one authority to see each report.",
                                        "Each number counts the reports that raised the theme in that year "
                                        "(%u authorities); compare a peer group or one authority to see each report.",
                                        chart->authorities->len), chart->authorities->len);
  else if (chart->authorities->len > ic_palette_get_n_series (palette))
    /* Translators: “3×” is written as the marks' counts are ("%u×"); %s adds
     * the notes that follow, each starting with a space. */
    *owned = g_strdup_printf (ngettext ("Each mark is one report raising the theme (%u authority, one colour); "
                                        "a line follows one area raised again from report to report, "
                                        "and \u201c3\u00d7\u201d beside a mark says it had been raised three times.%s",
                                        "Each mark is one report raising the theme (%u authorities, one colour); "
                                        "a line follows one area raised again from report to report, "
                                        "and \u201c3\u00d7\u201d beside a mark says it had been raised three times.%s",
                                        chart->authorities->len), chart->authorities->len, note);
  else
    /* Translators: “3×” is written as the marks' counts are ("%u×"); %s adds
     * the notes that follow, each starting with a space. */
    *owned = g_strdup_printf (_("Each mark is one report raising the theme; a line follows one area raised "
                                "again from report to report of the same authority, and \u201c3\u00d7\u201d "
                                "beside a mark says it had been raised three times.%s"), note);
  return *owned;
}

static void
timeline_layout (IcChart         *chart,
                 PangoContext    *context,
                 const IcPalette *palette,
                 double           width,
                 TimelineLayout  *layout)
{
  g_autofree char *note = NULL;
  double widest = 0, label_h = 0;
  guint n_lanes;

  for (guint i = 0; i < chart->themes->len; i++)
    {
      g_autofree char *label = _ic_theme_label (g_ptr_array_index (chart->themes, i));

      widest = MAX (widest, _ic_text_width (context, label, chart->font_size, 0));
    }
  if (width <= 0)
    width = widest + 2 * pad (chart) + MAX (chart->font_size * 40, (chart->last_year - chart->first_year + 1) * chart->font_size * 6);

  layout->lanes = chart->authorities->len <= ic_palette_get_n_series (palette);
  layout->heat = chart->authorities->len > MAX_AUTHORITIES_MARKED;
  layout->label_w = MIN (widest + 2 * pad (chart), width * 0.3);
  for (guint i = 0; i < chart->themes->len; i++)
    {
      g_autofree char *label = _ic_theme_label (g_ptr_array_index (chart->themes, i));

      label_h = MAX (label_h, _ic_text_height (context, label, chart->font_size, 0, layout->label_w - 2 * pad (chart)));
    }
  n_lanes = layout->lanes ? chart->authorities->len : 1;
  layout->row_h = ceil (MAX (label_h, n_lanes * marker_radius (chart) * 2.6) + 2 * pad (chart));
  layout->legend_h = _ic_authority_legend (chart, NULL, context, palette, chart->authorities, width,
                                           legend_note (chart, palette, &note));
  layout->top = layout->legend_h;
  layout->x0 = layout->label_w + pad (chart);
  layout->x1 = width - marker_radius (chart) * 2;
  layout->axis_h = _ic_time_axis_height (chart, context);
  /* The years head the columns too (draw_years_above()). */
  layout->top += layout->axis_h;
}

static double
mark_y (IcChart              *chart,
        const TimelineLayout *layout,
        guint                 theme_row,
        guint                 authority)
{
  double centre = layout->top + theme_row * layout->row_h + layout->row_h / 2;
  double lane = marker_radius (chart) * 2.6;

  if (!layout->lanes)
    return centre;
  return centre + (authority - (chart->authorities->len - 1) / 2.0) * lane;
}

/* A report that carries earlier areas forward has no item, so no mark:
 * its join ends in a ring the size of a mark, hollow because nothing of
 * its own was raised there, rather than in nothing. */
static void
draw_carried_cap (IcChart *chart,
                  cairo_t *cr,
                  double   x,
                  double   y)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, marker_radius (chart) * 0.8, 0, 2 * G_PI);
  cairo_stroke (cr);
}

/* A line that leaves its lane half way to the next over the marks
 * between its ends, and comes back to it at its end. */
static void
hop_to (IcChart *chart,
        cairo_t *cr,
        double   x0,
        double   x1,
        double   y)
{
  double h = marker_radius (chart) * 1.3;
  double k = MIN (marker_radius (chart) * 2, (x1 - x0) / 3);

  cairo_curve_to (cr, x0 + k / 2, y, x0 + k / 2, y - h, x0 + k, y - h);
  cairo_line_to (cr, x1 - k, y - h);
  cairo_curve_to (cr, x1 - k / 2, y - h, x1 - k / 2, y, x1, y);
}

/* A line's end at a report of its chain whose item has other themes:
 * a dot smaller than a mark, on the line, in its colour. */
static void
draw_dot (IcChart     *chart,
          cairo_t     *cr,
          const char  *authority,
          const char  *theme,
          const GDate *date,
          double       x,
          double       y)
{
  g_autofree char *key = line_end_key (authority, theme, date);

  if (!g_hash_table_contains (chart->dots, key))
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, marker_radius (chart) * 0.55, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* A step by possible matches only is dashed, so that a board reads the
 * areas it is less sure of apart; the others are solid. */
static void
set_line_dash (cairo_t           *cr,
               const IcChartLink *link)
{
  double width = cairo_get_line_width (cr);
  const double dashes[] = { width * 2, width * 2.5 };

  cairo_set_dash (cr, dashes, link->possible ? G_N_ELEMENTS (dashes) : 0, 0);
}

/* A dashed line that shares its way with a solid one bows below its
 * lane, as far as a hop rises above it (or, without lanes, as far as
 * the joins arc above the row), so that the solid line does not hide
 * it. */
/* How far a join from @x0 to @x1 arcs off a row without lanes: inside
 * the row, and flatter for short joins. */
static double
arc_depth (IcChart              *chart,
           const TimelineLayout *layout,
           double                x0,
           double                x1)
{
  return MIN (layout->row_h / 2 - marker_radius (chart), (x1 - x0) * 0.25);
}

static void
bow_below (IcChart              *chart,
           const TimelineLayout *layout,
           cairo_t              *cr,
           double                x0,
           double                x1,
           double                y)
{
  double depth = layout->lanes ? marker_radius (chart) * 1.3 : arc_depth (chart, layout, x0, x1);

  cairo_curve_to (cr, x0, y + depth * 1.33, x1, y + depth * 1.33, x1, y);
}

/* The way of @link's line from (@x0, @y) to (@x1, @y). */
static void
trace_link (IcChart              *chart,
            const TimelineLayout *layout,
            cairo_t              *cr,
            IcChartLink          *link,
            double                x0,
            double                x1,
            double                y)
{
  cairo_move_to (cr, x0, y);
  if (chart->overlaid != NULL && g_hash_table_contains (chart->overlaid, link))
    bow_below (chart, layout, cr, x0, x1, y);
  /* Without a lane per authority, joins arc above the row so that one
   * does not hide another or read as passing through other marks. */
  else if (layout->lanes && g_hash_table_contains (chart->hops, link))
    hop_to (chart, cr, x0, x1, y);
  else if (layout->lanes)
    cairo_line_to (cr, x1, y);
  else
    {
      double rise = arc_depth (chart, layout, x0, x1);

      cairo_curve_to (cr, x0, y - rise * 1.33, x1, y - rise * 1.33, x1, y);
    }
}

static void
draw_link (IcChart              *chart,
           const TimelineLayout *layout,
           cairo_t              *cr,
           const IcPalette      *palette,
           IcChartLink          *link)
{
  guint authority = _ic_chart_authority_index (chart, link->authority), row;
  double y, x0, x1;

  if (!find_theme_row (chart, link->theme, &row))
    return;
  y = mark_y (chart, layout, row, authority);
  x0 = _ic_time_x (chart, &link->earlier, layout->x0, layout->x1);
  x1 = _ic_time_x (chart, &link->later, layout->x0, layout->x1);
  ic_color_set_source (ic_palette_get_series (palette, layout->lanes ? authority : 0), cr);
  set_line_dash (cr, link);
  trace_link (chart, layout, cr, link, x0, x1, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (link->carried_forward)
    {
      draw_carried_cap (chart, cr, x1, y);
      return;
    }
  draw_dot (chart, cr, link->authority, link->theme, &link->earlier, x0, y);
  draw_dot (chart, cr, link->authority, link->theme, &link->later, x1, y);
}

/* The solid lines first, the dashed ones over them: where they cross,
 * a dash stays seen. */
static void
draw_links (IcChart              *chart,
            const TimelineLayout *layout,
            cairo_t              *cr,
            const IcPalette      *palette)
{
  cairo_set_line_width (cr, chart->font_size * (layout->lanes ? 0.18 : 0.1));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (int possible = 0; possible < 2; possible++)
    for (guint i = 0; chart->lines != NULL && i < chart->lines->len; i++)
      {
        IcChartLink *link = g_ptr_array_index (chart->lines, i);

        if ((link->possible ? 1 : 0) == possible)
          draw_link (chart, layout, cr, palette, link);
      }
}

typedef gboolean (*MarkFunc) (IcChart *chart, IcReport *report, const char *theme,
                              double x, double y, gpointer data);

/* Calls @func for every mark: a dated report raising a theme. */
static gboolean
foreach_mark (IcChart              *chart,
              const TimelineLayout *layout,
              MarkFunc              func,
              gpointer              data)
{
  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      const GDate *date = ic_report_get_sort_date (report);
      guint authority = _ic_chart_authority_index (chart, _ic_chart_report_authority (report));
      GListModel *items = ic_report_get_improvements (report);

      if (date == NULL)
        continue;
      for (guint t = 0; t < chart->themes->len; t++)
        {
          const char *theme = g_ptr_array_index (chart->themes, t);

          for (guint k = 0; k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);

              if (!ic_improvement_has_theme (item, theme))
                continue;
              if (func (chart, report, theme, _ic_time_x (chart, date, layout->x0, layout->x1),
                        mark_y (chart, layout, t, authority), data))
                return TRUE;
              break;
            }
        }
    }
  return FALSE;
}

static int
compare_times_down (gconstpointer a,
                    gconstpointer b)
{
  guint ta = *(const guint *) a, tb = *(const guint *) b;

  return (ta < tb) - (ta > tb);
}

/* (authority, theme, date) -> how many times each item raised again
 * there had been raised by then, the most first: the mark says the
 * first, the tooltip and the table each. Not the steps' ends: a step
 * ends at a report of its row even when the chain's item there has
 * another theme, and an item drawn in another row than its chain's
 * would go unmarked. Notes in @chart whether two items of one mark
 * have different counts, which the legend then explains. */
static GHashTable *
counts_by_mark (IcChart *chart)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; chart->links != NULL && i < chart->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->links, i);
      g_autofree char *key = NULL;
      GArray *each;

      if (!link->mark_only || link->times_raised < 2 || !g_date_valid (&link->later))
        continue;
      key = line_end_key (link->authority, link->theme, &link->later);
      each = g_hash_table_lookup (counts, key);
      if (each == NULL)
        {
          each = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (counts, g_steal_pointer (&key), each);
        }
      g_array_append_val (each, link->times_raised);
    }
  chart->counts_differ = FALSE;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *each = value;

      g_array_sort (each, compare_times_down);
      chart->counts_differ |= g_array_index (each, guint, 0) != g_array_index (each, guint, each->len - 1);
    }
  return counts;
}

/* (authority, theme, date) -> how many items raised again there were
 * raised again by possible matches only, for the tooltip and the table
 * to say so: a mark looks the same either way. */
static GHashTable *
possible_by_mark (IcChart *chart)
{
  GHashTable *possible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; chart->links != NULL && i < chart->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->links, i);
      char *key;
      guint n;

      if (!link->mark_only || !link->possible || link->times_raised < 2 || !g_date_valid (&link->later))
        continue;
      key = line_end_key (link->authority, link->theme, &link->later);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (possible, key)) + 1;
      g_hash_table_insert (possible, key, GUINT_TO_POINTER (n));
    }
  return possible;
}

/* The counts of @report's mark in @theme's row, or NULL. */
static GArray *
mark_counts (IcChart    *chart,
             IcReport   *report,
             const char *theme)
{
  g_autofree char *key = line_end_key (_ic_chart_report_authority (report), theme,
                                   ic_report_get_sort_date (report));

  return chart->mark_counts != NULL ? g_hash_table_lookup (chart->mark_counts, key) : NULL;
}

static guint
mark_times (IcChart    *chart,
            IcReport   *report,
            const char *theme)
{
  GArray *counts = mark_counts (chart, report, theme);

  return counts != NULL ? g_array_index (counts, guint, 0) : 0;
}

/* A mark's count, each of its items' when they differ (the count the
 * mark says is then not every item's), and how many of them were
 * raised again by possible matches only. */
static void
set_hit_times (IcChart    *chart,
               IcChartHit *hit)
{
  GArray *counts = mark_counts (chart, hit->report, hit->theme);
  g_autofree char *key = line_end_key (_ic_chart_report_authority (hit->report), hit->theme,
                                       ic_report_get_sort_date (hit->report));

  hit->times_raised = counts != NULL ? g_array_index (counts, guint, 0) : 0;
  hit->n_raised_again = counts != NULL ? counts->len : 0;
  if (chart->mark_possible != NULL)
    hit->n_possible = GPOINTER_TO_UINT (g_hash_table_lookup (chart->mark_possible, key));
  if (counts != NULL && g_array_index (counts, guint, counts->len - 1) != hit->times_raised)
    {
      hit->item_times = (const guint *) counts->data;
      hit->n_item_times = counts->len;
    }
}

/* A count to write beside a mark, once every mark is drawn. */
typedef struct
{
  double x, y;
  guint  times;
} MarkCount;

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  const IcPalette      *palette;
  const TimelineLayout *layout;
  GArray               *counts;  /* of MarkCount */
} DrawMark;

/* "3×" beside a mark whose area had been raised three times by then,
 * unless it would run into the count before it in its row (@row_end: where
 * that count ends, moved on when this one is written). */
static void
draw_times (IcChart         *chart,
            DrawMark        *draw,
            const MarkCount *count,
            double          *row_end)
{
  /* Translators: beside a mark on the timeline: its area had been raised
   * this many times ("3×"); keep it as short. */
  g_autofree char *text = g_strdup_printf (_("%u\u00d7"), count->times);
  g_autoptr(PangoLayout) layout = _ic_text_layout (draw->context, text, chart->font_size * 0.75, 0, -1);
  double r = marker_radius (chart), tw, th, left = count->x + r * 1.2, top;

  _ic_text_size (layout, &tw, &th);
  if (left - 0.5 < *row_end)
    return;
  /* A mark's width between two counts, or they read as one ("3×2×"). */
  *row_end = left + tw + 2 * r;
  top = count->y - th + r * 0.3;
  /* Above the line leaving the mark, on a patch of background so that
   * neither hides the other. */
  _ic_fill_rect (draw->cr, left - 0.5, top + th * 0.15, tw + 1, th * 0.7,
                 ic_palette_get_color (draw->palette, IC_PALETTE_BACKGROUND));
  _ic_text_draw (draw->cr, layout, left, top, ic_palette_get_color (draw->palette, IC_PALETTE_TEXT));
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const MarkCount *ca = a, *cb = b;

  if (ca->y != cb->y)
    return ca->y < cb->y ? -1 : 1;
  return (ca->x > cb->x) - (ca->x < cb->x);
}

/* The counts, after the marks: written first, a count was painted over by
 * the next mark in its row, and two counts ran into each other ("2×3×")
 * where reports crowd. Row by row from the left, a count that would touch
 * the one before it is left out; the mark's tooltip and the chart's table
 * still say it. */
static void
draw_counts (IcChart  *chart,
             DrawMark *draw)
{
  double row_y = -1, row_end = -G_MAXDOUBLE;

  g_array_sort (draw->counts, compare_counts);
  for (guint i = 0; i < draw->counts->len; i++)
    {
      const MarkCount *count = &g_array_index (draw->counts, MarkCount, i);

      if (count->y != row_y)
        {
          row_y = count->y;
          row_end = -G_MAXDOUBLE;
        }
      draw_times (chart, draw, count, &row_end);
    }
}

static gboolean
draw_mark_cb (IcChart    *chart,
              IcReport   *report,
              const char *theme,
              double      x,
              double      y,
              gpointer    data)
{
  DrawMark *draw = data;
  guint authority = _ic_chart_authority_index (chart, _ic_chart_report_authority (report));
  guint index = draw->layout->lanes ? authority : 0;
  double r = marker_radius (chart);
  guint times;

  /* A ring of background keeps overlapping marks apart. */
  ic_color_set_source (ic_palette_get_color (draw->palette, IC_PALETTE_BACKGROUND), draw->cr);
  _ic_draw_marker (draw->cr, index, x, y, r + 0.8);
  ic_color_set_source (ic_palette_get_series (draw->palette, index), draw->cr);
  _ic_draw_marker (draw->cr, index, x, y, r);
  times = mark_times (chart, report, theme);
  if (times > 1)
    g_array_append_val (draw->counts, ((MarkCount) { x, y, times }));
  return FALSE;
}

/* Reports raising each theme per year: counts[theme * n_years + year],
 * counted once, when the chart was prepared (_ic_timeline_count_heat()):
 * a drawing or a tooltip does not walk the reports. */
static const guint *
count_heat (IcChart *chart,
            guint   *max)
{
  *max = chart->heat_max;
  return chart->heat;
}

/* The themes of @report's items, each once, into @seen (stamped with
 * @stamp), added to its year's cell. */
static void
count_report_heat (IcChart    *chart,
                   IcReport   *report,
                   GHashTable *theme_rows,
                   guint      *seen,
                   guint       stamp)
{
  guint n_years = chart->last_year + 1 - chart->first_year;
  const GDate *date = ic_report_get_sort_date (report);
  GListModel *items = ic_report_get_improvements (report);
  guint n = g_list_model_get_n_items (items);
  int year;

  if (date == NULL || !g_date_valid (date))
    return;
  year = g_date_get_year (date);
  if (year < chart->first_year || year > chart->last_year)
    return;
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);
      const char * const *themes = ic_improvement_get_themes (item);

      for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
        {
          guint t = GPOINTER_TO_UINT (g_hash_table_lookup (theme_rows, themes[i]));
          guint *cell;

          if (t-- == 0 || seen[t] == stamp)
            continue;
          seen[t] = stamp;
          cell = &chart->heat[t * n_years + (year - chart->first_year)];
          /* Not inside MAX(), which would count it twice. */
          ++*cell;
          chart->heat_max = MAX (chart->heat_max, *cell);
        }
    }
}

/* Counts the heat strip's cells, once per chart: one look-up per item's
 * theme, where drawing used to ask every item about every theme twice a
 * frame (tens of milliseconds for a national archive). */
void
_ic_timeline_count_heat (IcChart *chart)
{
  guint n_years = chart->first_year == 0 ? 0 : chart->last_year + 1 - chart->first_year;
  g_autoptr(GHashTable) theme_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *seen = g_new0 (guint, MAX (chart->themes->len, 1));

  chart->heat = g_new0 (guint, MAX (chart->themes->len * n_years, 1));
  chart->heat_max = 0;
  /* Only a timeline of many authorities draws a heat strip. */
  if (n_years == 0 || chart->authorities->len <= MAX_AUTHORITIES_MARKED)
    return;
  for (guint t = 0; t < chart->themes->len; t++)
    g_hash_table_insert (theme_rows, g_ptr_array_index (chart->themes, t), GUINT_TO_POINTER (t + 1));
  for (guint i = 0; i < chart->reports->len; i++)
    count_report_heat (chart, g_ptr_array_index (chart->reports, i), theme_rows, seen, i + 1);
}

typedef gboolean (*CellFunc) (IcChart *chart, guint theme_row, int year, guint count,
                              double x, double y, double w, double h, gpointer data);

/* Calls @func for every year of every theme row of a heat strip. */
static void
foreach_cell (IcChart              *chart,
              const TimelineLayout *layout,
              CellFunc              func,
              gpointer              data)
{
  guint n_years = chart->last_year + 1 - chart->first_year, max;
  const guint *counts = count_heat (chart, &max);
  double year_w = (layout->x1 - layout->x0) / MAX (n_years, 1);

  for (guint t = 0; t < chart->themes->len; t++)
    for (guint y = 0; y < n_years; y++)
      if (func (chart, t, chart->first_year + y, counts[t * n_years + y],
                layout->x0 + y * year_w, layout->top + t * layout->row_h, year_w, layout->row_h,
                data))
        return;
}

typedef struct
{
  cairo_t         *cr;
  PangoContext    *context;
  const IcPalette *palette;
  guint            max;
} DrawCell;

static gboolean
draw_cell_cb (IcChart *chart,
              guint    theme_row,
              int      year,
              guint    count,
              double   x,
              double   y,
              double   w,
              double   h,
              gpointer data)
{
  DrawCell *draw = data;
  IcColor fill = *ic_palette_get_color (draw->palette, IC_PALETTE_ACCENT);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double tw, th;

  if (count == 0)
    return FALSE;
  /* Up to half the accent: the number on it stays readable as text.
   * From a fifth: a cell of one report beside a cell of thirty is still
   * told from an empty one by its colour on a dark window, where 8 %
   * of the accent was lost in the row's grey. */
  fill.alpha = 0.20 + 0.30 * count / MAX (draw->max, 1);
  _ic_fill_rect (draw->cr, x + 1, y + 1, w - 2, h - 2, &fill);
  text = g_strdup_printf ("%u", count);
  layout = _ic_text_layout (draw->context, text, chart->font_size * 0.85, 0, -1);
  _ic_text_size (layout, &tw, &th);
  if (tw < w)
    _ic_text_draw (draw->cr, layout, x + (w - tw) / 2, y + (h - th) / 2,
                   ic_palette_get_color (draw->palette, IC_PALETTE_TEXT));
  return FALSE;
}

static void
draw_heat (IcChart              *chart,
           const TimelineLayout *layout,
           cairo_t              *cr,
           PangoContext         *context,
           const IcPalette      *palette)
{
  DrawCell draw = { cr, context, palette, 0 };

  count_heat (chart, &draw.max);
  foreach_cell (chart, layout, draw_cell_cb, &draw);
}

/* The years above the first row, as well as under the last: a timeline
 * taller than the window (marks of a peer group at 800 × 600, or a heat
 * strip) is read from its top, where the axis under it is scrolled away. */
static void
draw_years_above (IcChart              *chart,
                  const TimelineLayout *layout,
                  cairo_t              *cr,
                  PangoContext         *context,
                  const IcPalette      *palette)
{
  int n_years = chart->last_year + 1 - chart->first_year;
  double year_w = (layout->x1 - layout->x0) / MAX (n_years, 1);
  /* One form for every column, with room between: "2014" or, in narrow
   * columns, "’14", never the two mixed nor run together. */
  gboolean full = TRUE;

  for (int i = 0; i < n_years && full; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", chart->first_year + i);

      full = _ic_text_width (context, text, chart->font_size * 0.85, 0) + 4 <= year_w;
    }

  for (int i = 0; i < n_years; i++)
    {
      int year = chart->first_year + i;
      /* Translators: a year in a narrow column of the timeline by its
       * last two digits, "’14" for 2014; keep it as short. */
      g_autofree char *text = full ? g_strdup_printf ("%d", year) : g_strdup_printf (_("’%02d"), year % 100);
      g_autoptr(PangoLayout) label = _ic_text_layout (context, text, chart->font_size * 0.85, 0, -1);
      double tw;

      _ic_text_size (label, &tw, NULL);
      if (tw + 2 <= year_w)
        _ic_text_draw (cr, label, layout->x0 + i * year_w + (year_w - tw) / 2,
                       layout->top - layout->axis_h + pad (chart),
                       ic_palette_get_color (palette, IC_PALETTE_TEXT));
    }
}

void
_ic_timeline_measure (IcChart      *chart,
                      PangoContext *context,
                      double        for_width,
                      double       *width,
                      double       *height)
{
  TimelineLayout layout;

  timeline_layout (chart, context, ic_palette_get_print (), for_width, &layout);
  *width = ceil (layout.x1 + marker_radius (chart) * 2);
  *height = ceil (layout.top + chart->themes->len * layout.row_h + layout.axis_h);
}

void
_ic_timeline_draw (IcChart         *chart,
                   cairo_t         *cr,
                   PangoContext    *context,
                   double           width,
                   double           height,
                   const IcPalette *palette)
{
  TimelineLayout layout;
  g_autofree char *note = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (MarkCount));
  DrawMark draw = { cr, context, palette, &layout, counts };
  double base;

  timeline_layout (chart, context, palette, width, &layout);
  /* Rows share what height there is, down to what their labels need. */
  layout.row_h = MAX (layout.row_h, (height - layout.top - layout.axis_h) / MAX (chart->themes->len, 1));
  base = layout.top + chart->themes->len * layout.row_h;

  _ic_authority_legend (chart, cr, context, palette, chart->authorities, width, legend_note (chart, palette, &note));
  for (guint i = 0; i < chart->themes->len; i++)
    {
      g_autofree char *label = _ic_theme_label (g_ptr_array_index (chart->themes, i));
      g_autoptr(PangoLayout) text = _ic_text_layout (context, label, chart->font_size, 0, layout.label_w - 2 * pad (chart));
      double y = layout.top + i * layout.row_h, th;

      if (i % 2 == 1)
        _ic_fill_rect (cr, 0, y, width, layout.row_h, ic_palette_get_color (palette, IC_PALETTE_SURFACE));
      _ic_text_size (text, NULL, &th);
      _ic_text_draw (cr, text, 0, y + (layout.row_h - th) / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
    }
  _ic_time_axis_draw (chart, cr, context, palette, layout.x0, layout.x1, layout.top, base);
  draw_years_above (chart, &layout, cr, context, palette);
  if (layout.heat)
    {
      draw_heat (chart, &layout, cr, context, palette);
      return;
    }
  draw_links (chart, &layout, cr, palette);
  foreach_mark (chart, &layout, draw_mark_cb, &draw);
  draw_counts (chart, &draw);
}

typedef struct
{
  double      x, y, best;
  IcReport   *report;
  const char *theme;
} HitMark;

static gboolean
hit_mark_cb (IcChart    *chart,
             IcReport   *report,
             const char *theme,
             double      x,
             double      y,
             gpointer    data)
{
  HitMark *hit = data;
  double d = hypot (x - hit->x, y - hit->y);

  if (d < hit->best)
    {
      hit->best = d;
      hit->report = report;
      hit->theme = theme;
    }
  return FALSE;
}

typedef struct
{
  double      x, y;
  IcChartHit *hit;
} HitCell;

static gboolean
hit_cell_cb (IcChart *chart,
             guint    theme_row,
             int      year,
             guint    count,
             double   x,
             double   y,
             double   w,
             double   h,
             gpointer data)
{
  HitCell *found = data;

  if (count == 0 || found->x < x || found->x >= x + w || found->y < y || found->y >= y + h)
    return FALSE;
  found->hit->theme = g_ptr_array_index (chart->themes, theme_row);
  found->hit->year = year;
  found->hit->count = count;
  return TRUE;
}

/* The layout as drawn at @width x @height. */
static void
layout_at_size (IcChart        *chart,
                PangoContext   *context,
                double          width,
                double          height,
                TimelineLayout *layout)
{
  timeline_layout (chart, context, ic_palette_get_print (), width, layout);
  layout->row_h = MAX (layout->row_h, (height - layout->top - layout->axis_h) / MAX (chart->themes->len, 1));
}

gboolean
_ic_timeline_hit (IcChart      *chart,
                  PangoContext *context,
                  double        width,
                  double        height,
                  double        x,
                  double        y,
                  IcChartHit   *hit)
{
  TimelineLayout layout;
  HitMark found = { x, y, marker_radius (chart) * 2.5, NULL, NULL };

  layout_at_size (chart, context, width, height, &layout);
  if (layout.heat)
    {
      HitCell cell = { x, y, hit };

      foreach_cell (chart, &layout, hit_cell_cb, &cell);
      return hit->theme != NULL;
    }
  foreach_mark (chart, &layout, hit_mark_cb, &found);
  if (found.report == NULL)
    return FALSE;
  hit->report = found.report;
  hit->theme = found.theme;
  hit->authority = ic_report_get_authority (found.report);
  set_hit_times (chart, hit);
  return TRUE;
}

static gboolean
list_cell_cb (IcChart *chart,
              guint    theme_row,
              int      year,
              guint    count,
              double   x,
              double   y,
              double   w,
              double   h,
              gpointer data)
{
  IcChartMark mark = { x, y, w, h, { .area = -1 } };

  if (count == 0)
    return FALSE;
  mark.hit.theme = g_ptr_array_index (chart->themes, theme_row);
  mark.hit.year = year;
  mark.hit.count = count;
  g_array_append_val (data, mark);
  return FALSE;
}

static gboolean
list_mark_cb (IcChart    *chart,
              IcReport   *report,
              const char *theme,
              double      x,
              double      y,
              gpointer    data)
{
  double r = marker_radius (chart) * 1.8;
  IcChartMark mark = { x - r, y - r, 2 * r, 2 * r, { .area = -1 } };

  mark.hit.report = report;
  mark.hit.theme = theme;
  mark.hit.authority = ic_report_get_authority (report);
  set_hit_times (chart, &mark.hit);
  g_array_append_val ((GArray *) data, mark);
  return FALSE;
}

/* Top to bottom, then left to right: the order the keyboard walks. */
static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const IcChartMark *ma = a, *mb = b;

  if (ma->y + ma->height / 2 != mb->y + mb->height / 2)
    return ma->y + ma->height / 2 < mb->y + mb->height / 2 ? -1 : 1;
  return (ma->x > mb->x) - (ma->x < mb->x);
}

void
_ic_timeline_marks (IcChart      *chart,
                    PangoContext *context,
                    double        width,
                    double        height,
                    GArray       *marks)
{
  TimelineLayout layout;

  layout_at_size (chart, context, width, height, &layout);
  if (layout.heat)
    foreach_cell (chart, &layout, list_cell_cb, marks);
  else
    foreach_mark (chart, &layout, list_mark_cb, marks);
  g_array_sort (marks, compare_marks);
}
