/* ic-chart.h: prepared data of one chart and how to draw it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "ic-palette.h"
#include "ic-report.h"

G_BEGIN_DECLS

typedef enum
{
  IC_CHART_MATRIX,
  IC_CHART_TIMELINE,
  IC_CHART_GRADES,
  IC_CHART_THEMES,
  IC_CHART_HISTORY,
  IC_CHART_YEARS,
} IcChartKind;
#define IC_N_CHART_KINDS (IC_CHART_YEARS + 1)

typedef struct
{
  /* Matrix and grade distribution: only the latest graded report of each
   * authority (its latest report when none is graded). */
  gboolean            latest_only;
  /* History: the authorities to draw; NULL picks the six with the most
   * graded reports. */
  const char * const *authorities;
  /* History: the judgement area followed (0 is overall effectiveness). */
  IcArea              history_area;
  /* Nullable: reports dated outside [from, to] are left out. */
  const GDate        *from;
  const GDate        *to;
  /* Base text size in user units; 0 means 9 (points on paper). */
  double              font_size;
  /* Nullable: the timeline's joins (of IcChartLink) found beforehand, e.g.
   * in a worker thread, or empty for a chart that draws none; NULL finds
   * them from the reports. */
  GPtrArray          *links;
  /* Matrix: one line per row (the authority and the report's date),
   * grade letters, so that every authority fits a few pages. */
  gboolean            compact;
} IcChartOptions;

/* A recurrence to join on the timeline: @authority raised @theme in the
 * report dated @earlier and again in the one dated @later, one step of
 * a chain, whose ends may be reports with no item in @theme's row (the
 * chain's item there has other themes: the timeline draws a dot on the
 * line); @times_raised is how many times the area had been raised by
 * @later (0 when not counted: a carried-forward statement).
 * @carried_forward: the later report says the earlier areas remain and
 * has no item of its own, so no mark: the join ends in a cap there.
 * @user_linked: a link the user made (a correction) is among those that
 * count towards @times_raised.
 * @mark_only: no line (@earlier is @later): an item raised again at
 * @later, @times_raised its chain's count by then, to be said by its
 * report's mark in @theme's row. Each such item has one per theme it is
 * drawn in, since a chain's line runs in one row and its items may be
 * drawn in others; the marks' counts come from these alone. @item is
 * that item's index in the report of @later.
 * @chain: the chain of the recurrences found a step is of, counted from
 * 1 (0: a carried-forward join or a mark): the pack lists each chain in
 * its own row.
 * @possible: the step's later report raises the area again by possible
 * matches only (ic_recurrence_is_possible()): none of its items in the
 * chain has a close link, or one the user made, to an earlier item. A
 * neighbour's close link does not make it close: each item's own
 * links decide. For a mark (@mark_only), that its item was raised again
 * by possible matches only. */
typedef struct
{
  char     *authority;
  char     *theme;
  GDate     earlier;
  GDate     later;
  guint     times_raised;
  gboolean  carried_forward;
  gboolean  user_linked;
  gboolean  mark_only;
  guint     item;
  guint     chain;
  gboolean  possible;
} IcChartLink;

IcChartLink *ic_chart_link_new  (const char  *authority,
                                 const char  *theme,
                                 const GDate *earlier,
                                 const GDate *later) G_GNUC_WARN_UNUSED_RESULT;
void         ic_chart_link_free (IcChartLink *link);

/* What lies under a point of a chart; pointers are owned by the chart. */
typedef struct
{
  IcReport   *report;    /* nullable */
  const char *authority; /* nullable */
  int         area;      /* an IcArea, or -1 */
  const char *theme;     /* nullable */
  IcGrade     grade;
  int         year;      /* 0 unless the years chart */
  guint       count;     /* bars: the count drawn */
  guint       times_raised; /* timeline: the mark's area raised this often by
                             * then, when more than once; else 0 */
  const guint *item_times;  /* timeline: when items of the report in the
                             * mark's row were raised again a different
                             * number of times, how often each was, the
                             * most (@times_raised) first; owned by the
                             * chart; else NULL */
  guint       n_item_times;
  guint       n_raised_again; /* timeline: the items of the report in the
                               * mark's row raised again */
  guint       n_possible;  /* timeline: how many of those were raised
                            * again by possible matches only */
} IcChartHit;

/* Something drawn that can be walked to with the keyboard and
 * activated: a timeline's mark, or a cell of its heat strip. */
typedef struct
{
  double     x, y, width, height;  /* its box, at the size asked */
  IcChartHit hit;
} IcChartMark;

#define IC_TYPE_CHART (ic_chart_get_type ())

typedef struct _IcChart IcChart;

GType        ic_chart_get_type          (void);
gboolean     ic_chart_kind_from_name    (const char           *name,
                                         IcChartKind          *kind);
const char  *ic_chart_kind_to_name      (IcChartKind           kind);
const char  *ic_chart_kind_to_title     (IcChartKind           kind);

IcChart     *ic_chart_new               (IcChartKind           kind,
                                         GListModel           *reports,
                                         const IcChartOptions *options) G_GNUC_WARN_UNUSED_RESULT;
IcChart     *ic_chart_ref               (IcChart              *chart);
void         ic_chart_unref             (IcChart              *chart);
IcChartKind  ic_chart_get_kind          (IcChart              *chart);
/* Takes a reference to @links (of IcChartLink); NULL derives joins from
 * consecutive reports of one authority raising the same theme. */
void         ic_chart_set_recurrences   (IcChart              *chart,
                                         GPtrArray            *links);
gboolean     ic_chart_is_empty          (IcChart              *chart);
void         ic_chart_get_natural_size  (IcChart              *chart,
                                         PangoContext         *context,
                                         double               *width,
                                         double               *height);
double       ic_chart_get_height_for_width (IcChart           *chart,
                                         PangoContext         *context,
                                         double                width);
void         ic_chart_draw              (IcChart              *chart,
                                         cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         const IcPalette      *palette);
gboolean     ic_chart_hit_test          (IcChart              *chart,
                                         double                width,
                                         double                height,
                                         double                x,
                                         double                y,
                                         IcChartHit           *hit);

GArray      *ic_chart_get_marks         (IcChart              *chart,
                                         double                width,
                                         double                height) G_GNUC_WARN_UNUSED_RESULT;

GPtrArray   *ic_chart_get_table         (IcChart              *chart) G_GNUC_WARN_UNUSED_RESULT;
char        *ic_chart_get_subtitle      (IcChart              *chart) G_GNUC_WARN_UNUSED_RESULT;

gboolean     ic_chart_export            (IcChartKind           kind,
                                         GListModel           *reports,
                                         const char           *path,
                                         GError              **error);
gboolean     ic_chart_export_full       (IcChart              *chart,
                                         const char           *path,
                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcChart, ic_chart_unref)

G_END_DECLS
