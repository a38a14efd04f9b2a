/* ic-chart-private.h: the prepared data, shared by the chart kinds and the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-chart.h"
#include "ic-corrections.h"
#include "ic-render-private.h"

G_BEGIN_DECLS

struct _IcChart
{
  grefcount    ref_count;
  IcChartKind  kind;
  gboolean     latest_only;
  IcArea       history_area;
  double       font_size;
  gboolean     compact;

  GPtrArray   *reports;             /* IcReport in the range, by authority then date */
  GPtrArray   *rows;                /* matrix and grades: the reports shown */
  GPtrArray   *authorities;         /* char *, sorted, unique */
  GHashTable  *authority_index;     /* name -> index + 1 */
  IcArea       areas[IC_N_AREAS];   /* the areas that occur, in matrix order */
  guint        n_areas;
  GPtrArray   *themes;              /* char *, in taxonomy order */
  GArray      *theme_counts;        /* guint: reports raising each theme */
  GPtrArray   *links;               /* IcChartLink */
  GPtrArray   *lines;               /* timeline: those of @links drawn as lines (not owned) */
  GPtrArray   *history_authorities; /* char * */
  guint        n_history_graded;    /* authorities the history could show: those with grades */
  int          first_year;          /* of dated reports; 0 when none */
  int          last_year;
  /* Timeline: reports raising each theme in each year, counted once
   * (heat[theme * n_years + year - first_year]), and the largest. */
  guint       *heat;
  guint        heat_max;
  /* Timeline: whether a mark says a count with no line to it, found once
   * for @links (_ic_timeline_prepare_links()). */
  gboolean     lone_counts;
  /* And whether a mark counts reports the chart does not show (a date
   * filter hides the start of its chain). */
  gboolean     counts_hidden;
  /* And each mark's counts, one per item raised again in its row, the
   * most first (line_end_key() -> GArray of guint), and whether two items
   * of a mark were raised a different number of times. */
  GHashTable  *mark_counts;
  gboolean     counts_differ;
  /* And how many of each mark's items were raised again by possible
   * matches only (line_end_key() -> count, absent when none). */
  GHashTable  *mark_possible;
  /* And the lines that hop over a mark of their lane (a report not of
   * their chain), and the ends of lines where the row has no mark
   * (line_end_key()), where a dot is drawn. */
  GHashTable  *hops;
  GHashTable  *dots;
  /* And the lines of steps by possible matches only that share part of
   * their way with a solid line of their lane, which would hide their
   * dashes: drawn bowed off it. */
  GHashTable  *overlaid;
  /* Counted once when prepared, not at every measure, paint and hit
   * test (ic-chart-bars.c): the grades chart's rows by area and grade,
   * the themes chart's order (theme indices, most raised first) and the
   * years chart's graded and other reports of each year (from
   * first_year). */
  guint        grade_counts[IC_N_AREAS][IC_N_GRADES];
  GArray      *theme_ranks;
  GArray      *year_counts;
};

const char *_ic_chart_report_authority (IcReport *report);
void        _ic_timeline_count_heat    (IcChart  *chart);
void        _ic_timeline_prepare_links (IcChart *chart);
GHashTable *_ic_chart_report_dates_new (void) G_GNUC_WARN_UNUSED_RESULT;
void        _ic_chart_report_dates_add (GHashTable  *dates,
                                        IcReport    *report);
gboolean    _ic_chart_report_dates_has (GHashTable  *dates,
                                        const char  *authority,
                                        const GDate *date);
guint     _ic_chart_authority_index (IcChart     *chart,
                                     const char  *authority);
double    _ic_date_to_year_fraction (const GDate *date);
void      _ic_chart_draw_no_data    (IcChart         *chart,
                                     cairo_t         *cr,
                                     PangoContext    *context,
                                     double           width,
                                     double           height,
                                     const IcPalette *palette);

/* The matrix, cut into runs of rows for pages; the header (legend and
 * column labels) is repeated above every run. */
typedef struct
{
  double   width;
  double   label_width;
  double   cell_width;
  double   legend_height;
  double   header_height;
  gboolean letters;
  GArray  *row_heights;  /* double */
} IcMatrixLayout;

IcMatrixLayout *_ic_matrix_layout_new  (IcChart          *chart,
                                        PangoContext     *context,
                                        double            width);
void            _ic_matrix_layout_free (IcMatrixLayout   *layout);
void            _ic_matrix_draw_rows   (IcChart          *chart,
                                        IcMatrixLayout   *layout,
                                        cairo_t          *cr,
                                        PangoContext     *context,
                                        const IcPalette  *palette,
                                        guint             first,
                                        guint             n_rows);
gboolean        _ic_matrix_hit_test    (IcChart          *chart,
                                        IcMatrixLayout   *layout,
                                        double            x,
                                        double            y,
                                        IcChartHit       *hit);
void            _ic_matrix_draw_grade_cell (cairo_t         *cr,
                                            PangoContext    *context,
                                            const IcPalette *palette,
                                            IcGrade          grade,
                                            const char      *text,
                                            double           size,
                                            double           x,
                                            double           y,
                                            double           width,
                                            double           height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcMatrixLayout, _ic_matrix_layout_free)

/* IC_CORRECTED_MARK (ic-corrections.h) marks a value a user corrected. */
GPtrArray      *_ic_matrix_row_footnotes (IcChart  *chart,
                                          IcReport *report) G_GNUC_WARN_UNUSED_RESULT;

/* Shared by the timeline and the history: a legend of authorities
 * (drawn when @cr is not NULL; returns its height) and a year axis. */
double   _ic_authority_legend (IcChart *chart, cairo_t *cr, PangoContext *context,
                               const IcPalette *palette, GPtrArray *names, double width,
                               const char *note);
double   _ic_time_x           (IcChart *chart, const GDate *date, double x0, double x1);
double   _ic_time_axis_height (IcChart *chart, PangoContext *context);
void     _ic_time_axis_draw   (IcChart *chart, cairo_t *cr, PangoContext *context,
                               const IcPalette *palette, double x0, double x1,
                               double top, double base);

/* Each kind: natural size, drawing and hit testing at a given size. */
void     _ic_timeline_measure (IcChart *chart, PangoContext *context, double for_width, double *width, double *height);
void     _ic_timeline_draw    (IcChart *chart, cairo_t *cr, PangoContext *context,
                               double width, double height, const IcPalette *palette);
void     _ic_timeline_marks   (IcChart *chart, PangoContext *context, double width,
                               double height, GArray *marks);
gboolean _ic_timeline_hit     (IcChart *chart, PangoContext *context, double width,
                               double height, double x, double y, IcChartHit *hit);
void     _ic_bars_count       (IcChart *chart);
char    *_ic_bars_subtitle    (IcChart *chart) G_GNUC_WARN_UNUSED_RESULT;
void     _ic_bars_measure     (IcChart *chart, PangoContext *context, double for_width, double *width, double *height);
void     _ic_bars_draw        (IcChart *chart, cairo_t *cr, PangoContext *context,
                               double width, double height, const IcPalette *palette);
gboolean _ic_bars_hit         (IcChart *chart, PangoContext *context, double width,
                               double height, double x, double y, IcChartHit *hit);
void     _ic_bars_marks       (IcChart *chart, PangoContext *context, double width,
                               GArray *marks);
void     _ic_history_measure  (IcChart *chart, PangoContext *context, double for_width, double *width, double *height);
void     _ic_history_draw     (IcChart *chart, cairo_t *cr, PangoContext *context,
                               double width, double height, const IcPalette *palette);
gboolean _ic_history_hit      (IcChart *chart, PangoContext *context, double width,
                               double height, double x, double y, IcChartHit *hit);
void     _ic_bars_table       (IcChart *chart, GPtrArray *table);
void     _ic_history_table    (IcChart *chart, GPtrArray *table);
char    *_ic_history_note     (IcChart *chart);
void     _ic_years_colors     (const IcPalette *palette, IcColor colors[2]);

/* g_strv_builder_take () is GLib 2.80. */
static inline void
_ic_strv_builder_take (GStrvBuilder *builder,
                       char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

G_END_DECLS
