/* ic-chart-history.c: one judgement area's grades of chosen authorities over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ic-chart-private.h"

/* Rank 1 (outstanding) at the top; requires improvement and adequate
 * share rank 3 and the level, but keep their own marks' words in tooltips. */
static const char *level_labels[] = {
  N_("Outstanding"), N_("Good"),
  /* Translators: one level of the grade history chart for two grades of
   * different frameworks, as the report's own grade words. */
  N_("Requires improvement / Adequate"), N_("Inadequate"),
};

typedef struct
{
  double legend_h;
  double label_w;
  double x0, x1;
  double top, base;
} HistoryLayout;

static double
pad (IcChart *chart)
{
  return chart->font_size * 0.4;
}

/* A chart of six authorities out of many says so, and how they were
 * chosen, lest a board read them as all of them or a fair sample. */
char *
_ic_history_note (IcChart *chart)
{
  const char *area = ic_area_to_short_label (chart->history_area);
  guint shown = chart->history_authorities->len;

  if (shown >= chart->n_history_graded)
    /* Translators: %s is a judgement area ("Overall effectiveness"). */
    return g_strdup_printf (_("%s: grade in each graded report"), area);
  /* Translators: a judgement area ("Overall effectiveness"), how many
   * authorities the chart draws, then how many were graded. */
  return g_strdup_printf (ngettext ("%s: grade in each graded report of %u of the %u authority graded, "
                                    "those with the most graded reports (then A to Z); a filter of six "
                                    "authorities or fewer draws them all",
                                    "%s: grade in each graded report of %u of the %u authorities graded, "
                                    "those with the most graded reports (then A to Z); a filter of six "
                                    "authorities or fewer draws them all", chart->n_history_graded),
                          area, shown, chart->n_history_graded);
}

static void
history_layout (IcChart         *chart,
                PangoContext    *context,
                const IcPalette *palette,
                double           width,
                double           height,
                HistoryLayout   *layout)
{
  g_autofree char *text = _ic_history_note (chart);
  double widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (level_labels); i++)
    widest = MAX (widest, _ic_text_width (context, _(level_labels[i]), chart->font_size * 0.85, 0));
  if (width <= 0)
    width = chart->font_size * 60;
  layout->label_w = MIN (widest + 2 * pad (chart), width * 0.25);
  layout->legend_h = _ic_authority_legend (chart, NULL, context, palette, chart->history_authorities, width, text);
  layout->x0 = layout->label_w + chart->font_size;
  layout->x1 = width - chart->font_size;
  layout->top = layout->legend_h + chart->font_size;
  layout->base = (height > 0 ? height : layout->top + chart->font_size * 16) - _ic_time_axis_height (chart, context);
}

static double
level_y (const HistoryLayout *layout,
         int                  rank)
{
  double step = (layout->base - layout->top) / 4;

  return layout->top + (rank - 0.5) * step;
}

typedef gboolean (*PointFunc) (IcChart *chart, IcReport *report, guint series, double x, double y,
                               gboolean first, gpointer data);

static gboolean
foreach_point (IcChart             *chart,
               const HistoryLayout *layout,
               PointFunc            func,
               gpointer             data)
{
  guint n = chart->history_authorities->len;

  for (guint s = 0; s < n; s++)
    {
      const char *name = g_ptr_array_index (chart->history_authorities, s);
      /* Authorities with equal grades would hide each other: nudge each a little. */
      double nudge = (s - (n - 1) / 2.0) * chart->font_size * 0.35;
      gboolean first = TRUE;

      for (guint i = 0; i < chart->reports->len; i++)
        {
          IcReport *report = g_ptr_array_index (chart->reports, i);
          const GDate *date = ic_report_get_sort_date (report);

          if (date == NULL || !g_str_equal (_ic_chart_report_authority (report), name)
              || ic_report_find_judgement (report, chart->history_area) == NULL)
            continue;
          if (func (chart, report, s, _ic_time_x (chart, date, layout->x0, layout->x1),
                    level_y (layout, ic_grade_get_rank (ic_report_get_grade (report, chart->history_area))) + nudge,
                    first, data))
            return TRUE;
          first = FALSE;
        }
    }
  return FALSE;
}

typedef struct
{
  cairo_t         *cr;
  const IcPalette *palette;
  double           last_x, last_y;
  gboolean         lines;
} DrawPoint;

static gboolean
draw_point_cb (IcChart  *chart,
               IcReport *report,
               guint     series,
               double    x,
               double    y,
               gboolean  first,
               gpointer  data)
{
  DrawPoint *draw = data;

  ic_color_set_source (ic_palette_get_series (draw->palette, series), draw->cr);
  if (draw->lines && !first)
    {
      cairo_set_line_width (draw->cr, chart->font_size * 0.2);
      cairo_move_to (draw->cr, draw->last_x, draw->last_y);
      cairo_line_to (draw->cr, x, y);
      cairo_stroke (draw->cr);
    }
  if (!draw->lines)
    _ic_draw_marker (draw->cr, series, x, y, chart->font_size * 0.45);
  draw->last_x = x;
  draw->last_y = y;
  return FALSE;
}

static void
draw_levels (IcChart             *chart,
             const HistoryLayout *layout,
             cairo_t             *cr,
             PangoContext        *context,
             const IcPalette     *palette,
             double               width)
{
  for (int rank = 1; rank <= 4; rank++)
    {
      g_autoptr(PangoLayout) text = _ic_text_layout (context, _(level_labels[rank - 1]), chart->font_size * 0.85,
                                                     IC_TEXT_RIGHT, layout->label_w - pad (chart));
      double y = level_y (layout, rank), th;
      IcGrade grade = rank == 1 ? IC_GRADE_OUTSTANDING : rank == 2 ? IC_GRADE_GOOD
                      : rank == 3 ? IC_GRADE_REQUIRES_IMPROVEMENT : IC_GRADE_INADEQUATE;
      double step = (layout->base - layout->top) / 4;

      /* A pale band of the grade's colour, so the level reads at a glance. */
      cairo_save (cr);
      ic_color_set_source (ic_palette_get_grade_fill (palette, grade), cr);
      cairo_rectangle (cr, layout->x0, y - step / 2, layout->x1 - layout->x0, step);
      cairo_clip (cr);
      cairo_paint_with_alpha (cr, 0.18);
      cairo_restore (cr);

      _ic_text_size (text, NULL, &th);
      _ic_text_draw (cr, text, 0, y - th / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
    }
}

void
_ic_history_measure (IcChart      *chart,
                     PangoContext *context,
                     double        for_width,
                     double       *width,
                     double       *height)
{
  HistoryLayout layout;

  history_layout (chart, context, ic_palette_get_print (), for_width, -1, &layout);
  *width = for_width > 0 ? for_width : chart->font_size * 60;
  *height = ceil (layout.base + _ic_time_axis_height (chart, context));
}

void
_ic_history_draw (IcChart         *chart,
                  cairo_t         *cr,
                  PangoContext    *context,
                  double           width,
                  double           height,
                  const IcPalette *palette)
{
  HistoryLayout layout;
  g_autofree char *text = _ic_history_note (chart);
  DrawPoint draw = { cr, palette, 0, 0, TRUE };

  history_layout (chart, context, palette, width, height, &layout);
  _ic_authority_legend (chart, cr, context, palette, chart->history_authorities, width, text);
  draw_levels (chart, &layout, cr, context, palette, width);
  _ic_time_axis_draw (chart, cr, context, palette, layout.x0, layout.x1, layout.top, layout.base);
  foreach_point (chart, &layout, draw_point_cb, &draw);
  draw.lines = FALSE;
  foreach_point (chart, &layout, draw_point_cb, &draw);
}

typedef struct
{
  double    x, y, best;
  IcReport *report;
} HitPoint;

static gboolean
hit_point_cb (IcChart  *chart,
              IcReport *report,
              guint     series,
              double    x,
              double    y,
              gboolean  first,
              gpointer  data)
{
  HitPoint *hit = data;
  double d = hypot (x - hit->x, y - hit->y);

  if (d < hit->best)
    hit->best = d, hit->report = report;
  return FALSE;
}

gboolean
_ic_history_hit (IcChart      *chart,
                 PangoContext *context,
                 double        width,
                 double        height,
                 double        x,
                 double        y,
                 IcChartHit   *hit)
{
  HistoryLayout layout;
  HitPoint found = { x, y, chart->font_size, NULL };

  history_layout (chart, context, ic_palette_get_print (), width, height, &layout);
  foreach_point (chart, &layout, hit_point_cb, &found);
  if (found.report == NULL)
    return FALSE;
  hit->report = found.report;
  hit->authority = ic_report_get_authority (found.report);
  hit->area = chart->history_area;
  hit->grade = ic_report_get_grade (found.report, chart->history_area);
  return TRUE;
}

static gboolean
table_point_cb (IcChart  *chart,
                IcReport *report,
                guint     series,
                double    x,
                double    y,
                gboolean  first,
                gpointer  data)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

  g_strv_builder_add (row, g_ptr_array_index (chart->history_authorities, series));
  _ic_strv_builder_take (row, _ic_report_date_label (report));
  g_strv_builder_add (row, ic_grade_to_label (ic_report_get_grade (report, chart->history_area)));
  g_ptr_array_add (data, g_strv_builder_end (row));
  return FALSE;
}

/* One row per point drawn, by authority then date; the first row is the
 * header. */
void
_ic_history_table (IcChart   *chart,
                   GPtrArray *table)
{
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  HistoryLayout layout = { 0 };

  g_strv_builder_add_many (header, _("Authority"), _("Inspection"),
                           ic_area_to_short_label (chart->history_area), NULL);
  g_ptr_array_add (table, g_strv_builder_end (header));
  foreach_point (chart, &layout, table_point_cb, table);
}
