/* ic-chart-bars.c: grades per judgement area, themes, reports per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ic-chart-private.h"
#include "ic-frameworks.h"

static const IcGrade bar_grades[] = {
  IC_GRADE_OUTSTANDING, IC_GRADE_GOOD, IC_GRADE_REQUIRES_IMPROVEMENT, IC_GRADE_ADEQUATE, IC_GRADE_INADEQUATE,
};

typedef struct
{
  double top;       /* first row */
  double label_w;
  double bar_x;
  double bar_w;
  double row_h;
  guint  n_rows;
  guint  max;       /* the count a full bar stands for */
} BarsLayout;

static double
pad (IcChart *chart)
{
  return chart->font_size * 0.4;
}

static gboolean
report_has_grades (IcReport *report)
{
  return g_list_model_get_n_items (ic_report_get_judgements (report)) > 0;
}

static guint
grade_count (IcChart *chart,
             IcArea   area,
             IcGrade  grade)
{
  return chart->grade_counts[area][grade];
}

static guint
area_total (IcChart *chart,
            IcArea   area)
{
  guint total = 0;

  for (guint g = 0; g < G_N_ELEMENTS (bar_grades); g++)
    total += grade_count (chart, area, bar_grades[g]);
  return total;
}

/* Themes sorted by how many reports raise them, most first. */
static guint
theme_at (IcChart *chart,
          guint    rank)
{
  return g_array_index (chart->theme_ranks, guint, rank);
}

/* A report's grade in an area is NONE unless it has a judgement there. */
static void
count_grades (IcChart *chart)
{
  for (guint i = 0; i < chart->rows->len; i++)
    for (guint a = 0; a < IC_N_AREAS; a++)
      chart->grade_counts[a][ic_report_get_grade (g_ptr_array_index (chart->rows, i), a)]++;
}

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *counts = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  guint ca = g_array_index (counts, guint, ia), cb = g_array_index (counts, guint, ib);

  /* Equal counts keep the themes' taxonomy order. */
  if (ca != cb)
    return ca > cb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void
rank_themes (IcChart *chart)
{
  chart->theme_ranks = g_array_sized_new (FALSE, FALSE, sizeof (guint), chart->themes->len);
  for (guint i = 0; i < chart->themes->len; i++)
    g_array_append_val (chart->theme_ranks, i);
  g_array_sort_with_data (chart->theme_ranks, compare_ranks, chart->theme_counts);
}

/* A year's reports: graded inspections, and visits and letters. */
typedef struct
{
  guint graded;
  guint other;
} YearCount;

/* Each year's from first_year on. */
static void
count_years (IcChart *chart)
{
  guint n_years = chart->first_year > 0 ? chart->last_year - chart->first_year + 1 : 0;

  chart->year_counts = g_array_new (FALSE, TRUE, sizeof (YearCount));
  g_array_set_size (chart->year_counts, n_years);
  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      const GDate *date = ic_report_get_sort_date (report);
      YearCount *count;

      if (date == NULL)
        continue;
      count = &g_array_index (chart->year_counts, YearCount, g_date_get_year (date) - chart->first_year);
      if (report_has_grades (report))
        count->graded++;
      else
        count->other++;
    }
}

/* What the bar charts draw, counted once when the chart is prepared:
 * measuring, painting and hit testing read the counts many times. */
void
_ic_bars_count (IcChart *chart)
{
  if (chart->kind == IC_CHART_GRADES)
    count_grades (chart);
  else if (chart->kind == IC_CHART_THEMES)
    rank_themes (chart);
  else if (chart->kind == IC_CHART_YEARS)
    count_years (chart);
}

static char *
row_label (IcChart *chart,
           guint    row)
{
  if (chart->kind == IC_CHART_GRADES)
    return g_strdup (ic_area_to_short_label (chart->areas[row]));
  return _ic_theme_label (g_ptr_array_index (chart->themes, theme_at (chart, row)));
}

static guint
row_total (IcChart *chart,
           guint    row)
{
  if (chart->kind == IC_CHART_GRADES)
    return area_total (chart, chart->areas[row]);
  return g_array_index (chart->theme_counts, guint, theme_at (chart, row));
}

/* Reports counted whose framework gives no overall effectiveness: ILACS
 * from April 2026, which the subtitle names. A review of the
 * safeguarding board grades the board alone and is not of the 2026
 * framework, as the subtitle said of Surrey's of 2015. */
static guint
count_overall_omitted (IcChart *chart)
{
  guint n = 0;

  for (guint i = 0; i < chart->rows->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->rows, i);

      n += ic_report_get_inspection_type (report) == IC_INSPECTION_TYPE_ILACS &&
           ic_report_framework_omits_area (report, IC_AREA_OVERALL_EFFECTIVENESS);
    }
  return n;
}

/* "1 authority", "2 authorities": a pack of one authority says so. */
static char *
counted_rows (IcChart *chart,
              guint    n)
{
  if (chart->latest_only)
    return g_strdup_printf (ngettext ("%u authority", "%u authorities", n), n);
  return g_strdup_printf (ngettext ("%u report", "%u reports", n), n);
}

/* What the grades chart counts: its overall bar totals fewer than the
 * reports counted when some have no overall grade, and says why. */
static char *
grades_subtitle (IcChart *chart)
{
  const char *what = chart->latest_only ? _("Latest graded report of each authority")
                                        : _("Every graded report");
  guint n = chart->rows->len;
  guint with_overall = area_total (chart, IC_AREA_OVERALL_EFFECTIVENESS);
  guint omitted = count_overall_omitted (chart);
  g_autofree char *counted = counted_rows (chart, n);

  if (with_overall == n)
    /* Translators: what the chart counts ("Every graded report"), then
     * "16 reports" or "16 authorities". */
    return g_strdup_printf (_("%s (%s)"), what, counted);
  if (omitted == 0)
    /* Translators: what the chart counts ("Every graded report"), how many
     * have an overall grade, then "16 reports" or "16 authorities". */
    return g_strdup_printf (_("%s: %u of %s have an overall grade"), what, with_overall, counted);
  /* Translators: as "%s: %u of %s have an overall grade", then how many
   * reports have none because their framework gives none. */
  return g_strdup_printf (_("%s: %u of %s have an overall grade; %u inspected under the "
                            "2026 framework, which gives none"), what, with_overall, counted, omitted);
}

char *
_ic_bars_subtitle (IcChart *chart)
{
  if (chart->kind == IC_CHART_GRADES)
    return grades_subtitle (chart);
  /* Translators: “What needs to improve” is the heading Ofsted's reports give the items. */
  return g_strdup_printf (ngettext ("Number of reports raising each theme in \u201cWhat needs to improve\u201d (%u report)",
                                    "Number of reports raising each theme in \u201cWhat needs to improve\u201d (%u reports)",
                                    chart->reports->len), chart->reports->len);
}

static double grade_legend (IcChart *chart, cairo_t *cr, PangoContext *context,
                            const IcPalette *palette, double y0, double width);

static double
legend_height (IcChart      *chart,
               PangoContext *context,
               double        width)
{
  return chart->kind == IC_CHART_GRADES ? grade_legend (chart, NULL, context, NULL, 0, width) : 0;
}

static void
bars_layout (IcChart      *chart,
             PangoContext *context,
             double        width,
             BarsLayout   *layout)
{
  g_autofree char *sub = _ic_bars_subtitle (chart);
  double widest = 0, label_h = 0;

  layout->n_rows = chart->kind == IC_CHART_GRADES ? chart->n_areas : chart->themes->len;
  layout->max = 1;
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_autofree char *label = row_label (chart, i);

      widest = MAX (widest, _ic_text_width (context, label, chart->font_size, 0));
      layout->max = MAX (layout->max, row_total (chart, i));
    }
  if (width <= 0)
    width = widest + 2 * pad (chart) + chart->font_size * 40;
  layout->label_w = MIN (widest + 2 * pad (chart), width * 0.4);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_autofree char *label = row_label (chart, i);

      label_h = MAX (label_h, _ic_text_height (context, label, chart->font_size, 0, layout->label_w - 2 * pad (chart)));
    }
  layout->row_h = ceil (MAX (label_h, chart->font_size * 1.4) + 2 * pad (chart));
  layout->top = ceil (_ic_text_height (context, sub, chart->font_size * 0.9, 0, width) + pad (chart) + legend_height (chart, context, width));
  layout->bar_x = layout->label_w;
  layout->bar_w = MAX (width - layout->label_w - chart->font_size * 4, chart->font_size * 4);
}

/* Lays the legend out in lines that fit @width; draws it when @cr is set.
 * Returns its height. */
static double
grade_legend (IcChart         *chart,
              cairo_t         *cr,
              PangoContext    *context,
              const IcPalette *palette,
              double           y0,
              double           width)
{
  double x = 0, y = y0, h = chart->font_size * 1.6;

  for (guint g = 0; g < G_N_ELEMENTS (bar_grades); g++)
    {
      g_autoptr(PangoLayout) label = _ic_text_layout (context, ic_grade_to_label (bar_grades[g]),
                                                      chart->font_size * 0.85, 0, -1);
      double w = 0, th = 0;

      _ic_text_size (label, &w, &th);
      if (x > 0 && x + chart->font_size * 2.6 + w > width)
        x = 0, y += h + 2;
      if (cr != NULL)
        {
          _ic_matrix_draw_grade_cell (cr, context, palette, bar_grades[g], ic_grade_to_letter (bar_grades[g]),
                                      chart->font_size * 0.85, x, y, chart->font_size * 2.2, h);
          _ic_text_draw (cr, label, x + chart->font_size * 2.6, y + (h - th) / 2,
                         ic_palette_get_color (palette, IC_PALETTE_TEXT));
        }
      x += chart->font_size * 3.6 + w;
    }
  return y + h - y0 + chart->font_size * 0.6;
}

static void
draw_segment (IcChart         *chart,
              cairo_t         *cr,
              PangoContext    *context,
              const IcPalette *palette,
              IcGrade          grade,
              guint            count,
              double           x,
              double           y,
              double           w,
              double           h)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, text, chart->font_size * 0.85, 0, -1);
  double tw, th;

  _ic_fill_rect (cr, x, y, w, h, ic_palette_get_grade_fill (palette, grade));
  _ic_text_size (layout, &tw, &th);
  /* A count that does not fit its segment is left to the total and the
   * tooltip rather than spilling over its neighbour. */
  if (tw + 2 <= w)
    _ic_text_draw (cr, layout, x + (w - tw) / 2, y + (h - th) / 2, ic_palette_get_grade_text (palette, grade));
}

static void
draw_bar (IcChart          *chart,
          const BarsLayout *layout,
          cairo_t          *cr,
          PangoContext     *context,
          const IcPalette  *palette,
          guint             row,
          double            y)
{
  double x = layout->bar_x, h = layout->row_h - 2 * pad (chart), y0 = y + pad (chart);
  guint total = row_total (chart, row);
  g_autofree char *count = g_strdup_printf ("%u", total);
  g_autoptr(PangoLayout) count_layout = _ic_text_layout (context, count, chart->font_size * 0.9, 0, -1);
  double th;

  if (chart->kind == IC_CHART_GRADES)
    {
      for (guint g = 0; g < G_N_ELEMENTS (bar_grades); g++)
        {
          guint n = grade_count (chart, chart->areas[row], bar_grades[g]);
          double w = layout->bar_w * n / layout->max;

          if (n > 0)
            draw_segment (chart, cr, context, palette, bar_grades[g], n, x, y0, w, h);
          x += w;
        }
    }
  else
    {
      x += layout->bar_w * total / layout->max;
      _ic_fill_rect (cr, layout->bar_x, y0, x - layout->bar_x, h, ic_palette_get_color (palette, IC_PALETTE_ACCENT));
    }
  _ic_text_size (count_layout, NULL, &th);
  _ic_text_draw (cr, count_layout, x + pad (chart), y0 + (h - th) / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
}

static void
draw_rows (IcChart         *chart,
           cairo_t         *cr,
           PangoContext    *context,
           double           width,
           const IcPalette *palette)
{
  BarsLayout layout;
  g_autofree char *sub = _ic_bars_subtitle (chart);
  g_autoptr(PangoLayout) sub_layout = _ic_text_layout (context, sub, chart->font_size * 0.9, 0, width);

  bars_layout (chart, context, width, &layout);
  _ic_text_draw (cr, sub_layout, 0, 0, ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
  if (chart->kind == IC_CHART_GRADES)
    grade_legend (chart, cr, context, palette, layout.top - legend_height (chart, context, width), width);

  for (guint i = 0; i < layout.n_rows; i++)
    {
      double y = layout.top + i * layout.row_h;
      g_autofree char *label = row_label (chart, i);
      g_autoptr(PangoLayout) label_layout = _ic_text_layout (context, label, chart->font_size, 0,
                                                             layout.label_w - 2 * pad (chart));
      double th;

      _ic_text_size (label_layout, NULL, &th);
      _ic_text_draw (cr, label_layout, 0, y + (layout.row_h - th) / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
      draw_bar (chart, &layout, cr, context, palette, i, y);
    }

  ic_color_set_source (ic_palette_get_color (palette, IC_PALETTE_AXIS), cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, layout.bar_x - 0.5, layout.top);
  cairo_line_to (cr, layout.bar_x - 0.5, layout.top + layout.n_rows * layout.row_h);
  cairo_stroke (cr);
}

/* Reports per year: graded inspections stacked under visits and letters. */
typedef struct
{
  double left, slot, base, plot_h, top;
  guint  max;
} YearsLayout;

static void
year_counts (IcChart *chart,
             int      year,
             guint   *graded,
             guint   *other)
{
  const YearCount *count = &g_array_index (chart->year_counts, YearCount, year - chart->first_year);

  *graded = count->graded;
  *other = count->other;
}

static void
years_layout (IcChart      *chart,
              PangoContext *context,
              double        width,
              double        height,
              YearsLayout  *layout)
{
  guint n = chart->last_year - chart->first_year + 1;
  double label_h = _ic_text_height (context, "2024", chart->font_size * 0.85, 0, -1);

  layout->max = 1;
  for (int year = chart->first_year; year <= chart->last_year; year++)
    {
      guint graded, other;

      year_counts (chart, year, &graded, &other);
      layout->max = MAX (layout->max, graded + other);
    }
  layout->top = chart->font_size * 4;
  layout->left = chart->font_size;
  layout->slot = (width - layout->left) / n;
  layout->base = height - label_h - 2 * pad (chart);
  layout->plot_h = MAX (layout->base - layout->top, chart->font_size);
}

static void
draw_year (IcChart           *chart,
           const YearsLayout *layout,
           cairo_t           *cr,
           PangoContext      *context,
           const IcPalette   *palette,
           int                year)
{
  double x = layout->left + (year - chart->first_year) * layout->slot;
  double bw = MIN (layout->slot * 0.7, chart->font_size * 6), bx = x + (layout->slot - bw) / 2, tw, th;
  guint graded, other;
  double hg, ho;
  IcColor colors[2];
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *count_text = NULL;
  g_autoptr(PangoLayout) year_layout = NULL;
  g_autoptr(PangoLayout) count_layout = NULL;

  year_counts (chart, year, &graded, &other);
  hg = layout->plot_h * graded / layout->max;
  ho = layout->plot_h * other / layout->max;
  _ic_years_colors (palette, colors);
  _ic_fill_rect (cr, bx, layout->base - hg, bw, hg, &colors[0]);
  _ic_fill_rect (cr, bx, layout->base - hg - ho, bw, ho, &colors[1]);

  if (graded + other == 0)
    count_text = g_strdup ("");
  else
    count_text = g_strdup_printf ("%u", graded + other);
  count_layout = _ic_text_layout (context, count_text, chart->font_size * 0.85, 0, -1);
  _ic_text_size (count_layout, &tw, &th);
  _ic_text_draw (cr, count_layout, x + (layout->slot - tw) / 2, layout->base - hg - ho - th - 1,
                 ic_palette_get_color (palette, IC_PALETTE_TEXT));

  /* Years every other slot when four digits do not fit one. */
  year_layout = _ic_text_layout (context, year_text, chart->font_size * 0.85, 0, -1);
  _ic_text_size (year_layout, &tw, &th);
  if (tw + 2 <= layout->slot || (year - chart->first_year) % (int) ceil ((tw + 4) / layout->slot) == 0)
    _ic_text_draw (cr, year_layout, x + (layout->slot - tw) / 2, layout->base + pad (chart),
                   ic_palette_get_color (palette, IC_PALETTE_TEXT));
}

/* The years chart's two parts of a bar: graded inspections in the
 * accent, visits and letters in a series colour taken most of the way
 * to the background, so that the two differ in lightness as well as hue
 * and still read apart in greyscale print. */
void
_ic_years_colors (const IcPalette *palette,
                  IcColor          colors[2])
{
  const IcColor *visits = ic_palette_get_series (palette, 6);
  const IcColor *background = ic_palette_get_color (palette, IC_PALETTE_BACKGROUND);
  const double towards = 0.28;

  colors[0] = *ic_palette_get_color (palette, IC_PALETTE_ACCENT);
  colors[1] = (IcColor) {
    visits->red + (background->red - visits->red) * towards,
    visits->green + (background->green - visits->green) * towards,
    visits->blue + (background->blue - visits->blue) * towards,
    1.0,
  };
}

static void
draw_years_legend (IcChart         *chart,
                   cairo_t         *cr,
                   PangoContext    *context,
                   const IcPalette *palette)
{
  const char *labels[] = { _("Graded inspections"), _("Visits and letters (not graded)") };
  IcColor colors[2];
  double x = 0, s = chart->font_size;

  _ic_years_colors (palette, colors);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) layout = _ic_text_layout (context, labels[i], s * 0.9, 0, -1);
      double tw;

      _ic_fill_rect (cr, x, s * 0.5, s, s, &colors[i]);
      _ic_text_size (layout, &tw, NULL);
      _ic_text_draw (cr, layout, x + s * 1.4, s * 0.4, ic_palette_get_color (palette, IC_PALETTE_TEXT));
      x += s * 3 + tw;
    }
}

static void
draw_years (IcChart         *chart,
            cairo_t         *cr,
            PangoContext    *context,
            double           width,
            double           height,
            const IcPalette *palette)
{
  YearsLayout layout;

  years_layout (chart, context, width, height, &layout);
  draw_years_legend (chart, cr, context, palette);
  for (int year = chart->first_year; year <= chart->last_year; year++)
    draw_year (chart, &layout, cr, context, palette, year);

  ic_color_set_source (ic_palette_get_color (palette, IC_PALETTE_AXIS), cr);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, layout.left, layout.base + 0.5);
  cairo_line_to (cr, width, layout.base + 0.5);
  cairo_stroke (cr);
}

void
_ic_bars_measure (IcChart      *chart,
                  PangoContext *context,
                  double        for_width,
                  double       *width,
                  double       *height)
{
  BarsLayout layout;

  if (chart->kind == IC_CHART_YEARS)
    {
      *width = for_width > 0 ? for_width
                             : MAX (chart->font_size * 30, (chart->last_year - chart->first_year + 1) * chart->font_size * 4);
      *height = chart->font_size * 24;
      return;
    }
  bars_layout (chart, context, for_width, &layout);
  *width = ceil (layout.label_w + layout.bar_w + chart->font_size * 4);
  *height = ceil (layout.top + layout.n_rows * layout.row_h + pad (chart));
}

void
_ic_bars_draw (IcChart         *chart,
               cairo_t         *cr,
               PangoContext    *context,
               double           width,
               double           height,
               const IcPalette *palette)
{
  if (chart->kind == IC_CHART_YEARS)
    draw_years (chart, cr, context, width, height, palette);
  else
    draw_rows (chart, cr, context, width, palette);
}

static gboolean
years_hit (IcChart      *chart,
           PangoContext *context,
           double        width,
           double        height,
           double        x,
           IcChartHit   *hit)
{
  YearsLayout layout;
  int year;
  guint graded, other;

  years_layout (chart, context, width, height, &layout);
  year = chart->first_year + (int) floor ((x - layout.left) / layout.slot);
  if (x < layout.left || year > chart->last_year)
    return FALSE;
  year_counts (chart, year, &graded, &other);
  hit->year = year;
  hit->count = graded + other;
  return TRUE;
}

gboolean
_ic_bars_hit (IcChart      *chart,
              PangoContext *context,
              double        width,
              double        height,
              double        x,
              double        y,
              IcChartHit   *hit)
{
  BarsLayout layout;
  guint row;

  if (chart->kind == IC_CHART_YEARS)
    return years_hit (chart, context, width, height, x, hit);

  bars_layout (chart, context, width, &layout);
  if (y < layout.top || y >= layout.top + layout.n_rows * layout.row_h)
    return FALSE;
  row = (guint) ((y - layout.top) / layout.row_h);
  hit->count = row_total (chart, row);
  if (chart->kind == IC_CHART_THEMES)
    {
      hit->theme = g_ptr_array_index (chart->themes, theme_at (chart, row));
      return TRUE;
    }

  hit->area = chart->areas[row];
  for (guint g = 0, x0 = 0; g < G_N_ELEMENTS (bar_grades); g++)
    {
      guint n = grade_count (chart, chart->areas[row], bar_grades[g]);
      double x1 = layout.bar_x + layout.bar_w * (x0 + n) / layout.max;

      x0 += n;
      if (x >= layout.bar_x && n > 0 && x < x1)
        {
          hit->grade = bar_grades[g];
          hit->count = n;
          break;
        }
    }
  return TRUE;
}

/* Each theme's row, label and bar, as one target: what a pointer or
 * the keyboard activates to search every report for the theme. */
void
_ic_bars_marks (IcChart      *chart,
                PangoContext *context,
                double        width,
                GArray       *marks)
{
  BarsLayout layout;

  if (chart->kind != IC_CHART_THEMES)
    return;
  bars_layout (chart, context, width, &layout);
  for (guint row = 0; row < layout.n_rows; row++)
    {
      IcChartMark mark = { .x = 0, .y = layout.top + row * layout.row_h,
                           .width = width, .height = layout.row_h,
                           .hit = { .area = -1, .count = row_total (chart, row),
                                    .theme = g_ptr_array_index (chart->themes, theme_at (chart, row)) } };

      g_array_append_val (marks, mark);
    }
}

static void
add_row (GPtrArray *table,
         GStrvBuilder *builder)
{
  g_ptr_array_add (table, g_strv_builder_end (builder));
}

static void
grades_table (IcChart   *chart,
              GPtrArray *table)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

  g_strv_builder_add (header, _("Judgement area"));
  for (guint g = 0; g < G_N_ELEMENTS (bar_grades); g++)
    g_strv_builder_add (header, ic_grade_to_label (bar_grades[g]));
  g_strv_builder_add (header, _("Total"));
  add_row (table, header);
  for (guint a = 0; a < chart->n_areas; a++)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      g_strv_builder_add (row, ic_area_to_short_label (chart->areas[a]));
      for (guint g = 0; g < G_N_ELEMENTS (bar_grades); g++)
        _ic_strv_builder_take (row, g_strdup_printf ("%u", grade_count (chart, chart->areas[a], bar_grades[g])));
      _ic_strv_builder_take (row, g_strdup_printf ("%u", area_total (chart, chart->areas[a])));
      add_row (table, row);
    }
}

static void
themes_table (IcChart   *chart,
              GPtrArray *table)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

  g_strv_builder_add_many (header, _("Theme"), _("Reports"), NULL);
  add_row (table, header);
  for (guint rank = 0; rank < chart->themes->len; rank++)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

      _ic_strv_builder_take (row, row_label (chart, rank));
      _ic_strv_builder_take (row, g_strdup_printf ("%u", row_total (chart, rank)));
      add_row (table, row);
    }
}

static void
years_table (IcChart   *chart,
             GPtrArray *table)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();

  g_strv_builder_add_many (header, _("Year"), _("Graded inspections"),
                           _("Visits and letters (not graded)"), NULL);
  add_row (table, header);
  for (int year = chart->first_year; chart->first_year > 0 && year <= chart->last_year; year++)
    {
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      guint graded, other;

      year_counts (chart, year, &graded, &other);
      _ic_strv_builder_take (row, g_strdup_printf ("%d", year));
      _ic_strv_builder_take (row, g_strdup_printf ("%u", graded));
      _ic_strv_builder_take (row, g_strdup_printf ("%u", other));
      add_row (table, row);
    }
}

/* The numbers drawn, as rows of cells; the first row is the header. */
void
_ic_bars_table (IcChart   *chart,
                GPtrArray *table)
{
  if (chart->kind == IC_CHART_GRADES)
    grades_table (chart, table);
  else if (chart->kind == IC_CHART_THEMES)
    themes_table (chart, table);
  else
    years_table (chart, table);
}
