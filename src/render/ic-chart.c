/* ic-chart.c: preparing chart data once, and drawing or exporting it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ic-cairo-output.h"
#include "ic-chart-links.h"
#include "ic-chart-private.h"

G_DEFINE_BOXED_TYPE (IcChart, ic_chart, ic_chart_ref, ic_chart_unref)

static const struct
{
  const char *name;
  const char *title;
} kinds[IC_N_CHART_KINDS] = {
  { "matrix", N_("Judgement matrix") },
  { "timeline", N_("Improvement areas over time") },
  { "grades", N_("Grades by judgement area") },
  { "themes", N_("Reports raising each improvement theme") },
  { "history", N_("Grade history") },
  { "years", N_("Inspections and visits per year") },
};

gboolean
ic_chart_kind_from_name (const char  *name,
                         IcChartKind *kind)
{
  for (guint i = 0; i < IC_N_CHART_KINDS; i++)
    {
      if (g_strcmp0 (name, kinds[i].name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ic_chart_kind_to_name (IcChartKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_KINDS, NULL);
  return kinds[kind].name;
}

const char *
ic_chart_kind_to_title (IcChartKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_KINDS, NULL);
  return _(kinds[kind].title);
}

IcChartLink *
ic_chart_link_new (const char  *authority,
                   const char  *theme,
                   const GDate *earlier,
                   const GDate *later)
{
  IcChartLink *link = g_new0 (IcChartLink, 1);

  link->authority = g_strdup (authority);
  link->theme = g_strdup (theme);
  link->earlier = *earlier;
  link->later = *later;
  return link;
}

void
ic_chart_link_free (IcChartLink *link)
{
  if (link == NULL)
    return;
  g_free (link->authority);
  g_free (link->theme);
  g_free (link);
}

static gboolean
report_has_grades (IcReport *report)
{
  return g_list_model_get_n_items (ic_report_get_judgements (report)) > 0;
}

double
_ic_date_to_year_fraction (const GDate *date)
{
  guint days = g_date_is_leap_year (g_date_get_year (date)) ? 366 : 365;

  return g_date_get_year (date) + (g_date_get_day_of_year (date) - 1) / (double) days;
}

guint
_ic_chart_authority_index (IcChart    *chart,
                           const char *authority)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (chart->authority_index, authority)) - 1;
}

static gboolean
in_range (IcReport             *report,
          const IcChartOptions *options)
{
  const GDate *date = ic_report_get_sort_date (report);

  if (options == NULL || (options->from == NULL && options->to == NULL))
    return TRUE;
  if (date == NULL)
    return FALSE;
  if (options->from != NULL && g_date_compare (date, options->from) < 0)
    return FALSE;
  if (options->to != NULL && g_date_compare (date, options->to) > 0)
    return FALSE;
  return TRUE;
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  return ic_report_compare (*(IcReport **) a, *(IcReport **) b);
}

static gboolean
is_sorted (GPtrArray *reports)
{
  for (guint i = 1; i < reports->len; i++)
    if (ic_report_compare (g_ptr_array_index (reports, i - 1), g_ptr_array_index (reports, i)) > 0)
      return FALSE;
  return TRUE;
}

static void
collect_reports (IcChart              *chart,
                 GListModel           *model,
                 const IcChartOptions *options)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (model, i);

      if (in_range (report, options))
        g_ptr_array_add (chart->reports, g_object_ref (report));
    }
  /* The window's reports come in the store's order already: checking
   * costs one comparison a report, sorting a dozen. */
  if (!is_sorted (chart->reports))
    g_ptr_array_sort (chart->reports, compare_reports);
}

const char *
_ic_chart_report_authority (IcReport *report)
{
  const char *name = ic_report_get_authority (report);

  return name != NULL && name[0] != '\0' ? name : _("Authority not recognised");
}

/* Reports come sorted by authority, so a change of name starts a group. */
static void
collect_authorities (IcChart *chart)
{
  for (guint i = 0; i < chart->reports->len; i++)
    {
      const char *name = _ic_chart_report_authority (g_ptr_array_index (chart->reports, i));

      if (g_hash_table_contains (chart->authority_index, name))
        continue;
      g_ptr_array_add (chart->authorities, g_strdup (name));
      g_hash_table_insert (chart->authority_index, g_ptr_array_index (chart->authorities, chart->authorities->len - 1),
                           GUINT_TO_POINTER (chart->authorities->len));
    }
}

/* The latest graded report of each authority, or its latest report. */
static void
collect_rows (IcChart *chart)
{
  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);
      IcReport *chosen = report;
      guint j;

      if (!chart->latest_only)
        {
          if (chart->kind != IC_CHART_GRADES || report_has_grades (report))
            g_ptr_array_add (chart->rows, g_object_ref (report));
          continue;
        }

      for (j = i; j + 1 < chart->reports->len
                  && g_strcmp0 (_ic_chart_report_authority (g_ptr_array_index (chart->reports, j + 1)),
                                _ic_chart_report_authority (report)) == 0; j++)
        ;
      for (guint k = i; k <= j; k++)
        if (report_has_grades (g_ptr_array_index (chart->reports, k)))
          chosen = g_ptr_array_index (chart->reports, k);
      if (chosen == report && !report_has_grades (report))
        chosen = g_ptr_array_index (chart->reports, j);
      if (chart->kind != IC_CHART_GRADES || report_has_grades (chosen))
        g_ptr_array_add (chart->rows, g_object_ref (chosen));
      i = j;
    }
}

static void
collect_areas (IcChart *chart)
{
  gboolean seen[IC_N_AREAS] = { FALSE, };

  for (guint i = 0; i < chart->rows->len; i++)
    {
      GListModel *judgements = ic_report_get_judgements (g_ptr_array_index (chart->rows, i));

      for (guint j = 0; j < g_list_model_get_n_items (judgements); j++)
        {
          g_autoptr(IcJudgement) judgement = g_list_model_get_item (judgements, j);

          seen[ic_judgement_get_area (judgement)] = TRUE;
        }
    }
  chart->n_areas = 0;
  for (guint a = 0; a < IC_N_AREAS; a++)
    if (seen[a])
      chart->areas[chart->n_areas++] = a;
}

static int
compare_theme_keys (gconstpointer a,
                    gconstpointer b)
{
  const char *ka = *(const char **) a, *kb = *(const char **) b;
  int cmp = _ic_theme_order (ka) - _ic_theme_order (kb);

  return cmp != 0 ? cmp : g_strcmp0 (ka, kb);
}

/* A theme's count, and the last report counted (its position + 1). */
typedef struct
{
  guint count;
  guint last;
} ThemeCount;

/* A theme counts once per report that raises it, however often: one
 * look-up per item's theme, no set per report. */
static void
count_report_themes (IcReport   *report,
                     guint       position,
                     GHashTable *counts)
{
  GListModel *items = ic_report_get_improvements (report);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      const char * const *themes = ic_improvement_get_themes (item);

      for (guint t = 0; themes != NULL && themes[t] != NULL; t++)
        {
          ThemeCount *count = g_hash_table_lookup (counts, themes[t]);

          if (count == NULL)
            {
              count = g_new0 (ThemeCount, 1);
              g_hash_table_insert (counts, (gpointer) themes[t], count);
            }
          if (count->last != position + 1)
            count->count++, count->last = position + 1;
        }
    }
}

static void
collect_themes (IcChart *chart)
{
  /* Keys are the reports' strings: the chart holds the reports. */
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < chart->reports->len; i++)
    count_report_themes (g_ptr_array_index (chart->reports, i), i, counts);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (chart->themes, g_strdup (key));
  g_ptr_array_sort (chart->themes, compare_theme_keys);
  for (guint i = 0; i < chart->themes->len; i++)
    {
      ThemeCount *count = g_hash_table_lookup (counts, g_ptr_array_index (chart->themes, i));

      g_array_append_vals (chart->theme_counts, &count->count, 1);
    }
}

/* Without links from the caller, the chart asks the analysis: one
 * definition of a recurrence serves the window, the pack and the CLI. */
static GPtrArray *
derive_links (IcChart *chart)
{
  g_autoptr(GListStore) store = g_list_store_new (IC_TYPE_REPORT);

  g_list_store_splice (store, 0, 0, chart->reports->pdata, chart->reports->len);
  return ic_chart_links_find (G_LIST_MODEL (store));
}

static void
collect_years (IcChart *chart)
{
  for (guint i = 0; i < chart->reports->len; i++)
    {
      const GDate *date = ic_report_get_sort_date (g_ptr_array_index (chart->reports, i));
      int year;

      if (date == NULL)
        continue;
      year = g_date_get_year (date);
      if (chart->first_year == 0 || year < chart->first_year)
        chart->first_year = year;
      if (year > chart->last_year)
        chart->last_year = year;
    }
}

/* The number of graded reports of each authority, by its index. */
static GArray *
graded_counts (IcChart *chart)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));

  g_array_set_size (counts, chart->authorities->len);
  for (guint i = 0; i < chart->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->reports, i);

      if (report_has_grades (report))
        g_array_index (counts, guint, _ic_chart_authority_index (chart, _ic_chart_report_authority (report)))++;
    }
  return counts;
}

static void
collect_history_authorities (IcChart              *chart,
                             const IcChartOptions *options)
{
  g_autoptr(GArray) counts = NULL;

  if (options != NULL && options->authorities != NULL)
    {
      for (guint i = 0; options->authorities[i] != NULL; i++)
        if (g_hash_table_contains (chart->authority_index, options->authorities[i]))
          g_ptr_array_add (chart->history_authorities, g_strdup (options->authorities[i]));
      return;
    }

  /* The six with the most graded reports, alphabetical among equals. */
  counts = graded_counts (chart);
  for (guint i = 0; i < counts->len; i++)
    chart->n_history_graded += g_array_index (counts, guint, i) > 0;
  for (guint pick = 0; pick < 6; pick++)
    {
      guint best = G_MAXUINT, best_count = 0;

      for (guint i = 0; i < counts->len; i++)
        if (g_array_index (counts, guint, i) > best_count)
          best = i, best_count = g_array_index (counts, guint, i);
      if (best == G_MAXUINT)
        break;
      g_ptr_array_add (chart->history_authorities, g_strdup (g_ptr_array_index (chart->authorities, best)));
      g_array_index (counts, guint, best) = 0;
    }
}

/**
 * ic_chart_new:
 * @kind: what to draw
 * @reports: a #GListModel of #IcReport, already filtered by the caller
 * @options: (nullable): options; %NULL means the latest report of each
 *   authority and the overall effectiveness history
 *
 * Prepares everything that does not depend on the size drawn at.
 *
 * Returns: (transfer full): the chart
 */
IcChart *
ic_chart_new (IcChartKind           kind,
              GListModel           *reports,
              const IcChartOptions *options)
{
  IcChart *chart;

  g_return_val_if_fail (kind < IC_N_CHART_KINDS, NULL);
  g_return_val_if_fail (reports == NULL || G_IS_LIST_MODEL (reports), NULL);

  chart = g_new0 (IcChart, 1);
  g_ref_count_init (&chart->ref_count);
  chart->kind = kind;
  chart->latest_only = options ? options->latest_only : TRUE;
  chart->history_area = options ? options->history_area : IC_AREA_OVERALL_EFFECTIVENESS;
  chart->font_size = options && options->font_size > 0 ? options->font_size : 9.0;
  chart->compact = options != NULL && options->compact;
  chart->reports = g_ptr_array_new_with_free_func (g_object_unref);
  chart->rows = g_ptr_array_new_with_free_func (g_object_unref);
  chart->authorities = g_ptr_array_new_with_free_func (g_free);
  chart->authority_index = g_hash_table_new (g_str_hash, g_str_equal);
  chart->themes = g_ptr_array_new_with_free_func (g_free);
  chart->theme_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  chart->history_authorities = g_ptr_array_new_with_free_func (g_free);

  collect_reports (chart, reports, options);
  collect_authorities (chart);
  collect_rows (chart);
  /* Only the charts that draw them count themes, areas or graded
   * reports: the window prepares four charts at each filter change. */
  if (kind == IC_CHART_MATRIX || kind == IC_CHART_GRADES)
    collect_areas (chart);
  if (kind == IC_CHART_TIMELINE || kind == IC_CHART_THEMES)
    collect_themes (chart);
  collect_years (chart);
  if (kind == IC_CHART_TIMELINE)
    _ic_timeline_count_heat (chart);
  if (kind == IC_CHART_HISTORY)
    collect_history_authorities (chart, options);
  _ic_bars_count (chart);
  /* Finding recurrences walks every pair of an authority's items: a
   * caller may have them already, or know it draws none. */
  if (options != NULL && options->links != NULL)
    chart->links = g_ptr_array_ref (options->links);
  else
    chart->links = derive_links (chart);
  if (kind == IC_CHART_TIMELINE)
    _ic_timeline_prepare_links (chart);

  return chart;
}

IcChart *
ic_chart_ref (IcChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_ref_count_inc (&chart->ref_count);
  return chart;
}

void
ic_chart_unref (IcChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (!g_ref_count_dec (&chart->ref_count))
    return;

  g_ptr_array_unref (chart->reports);
  g_ptr_array_unref (chart->rows);
  g_hash_table_unref (chart->authority_index);
  g_ptr_array_unref (chart->authorities);
  g_ptr_array_unref (chart->themes);
  g_array_unref (chart->theme_counts);
  g_ptr_array_unref (chart->links);
  g_clear_pointer (&chart->lines, g_ptr_array_unref);
  g_clear_pointer (&chart->mark_counts, g_hash_table_unref);
  g_clear_pointer (&chart->mark_possible, g_hash_table_unref);
  g_clear_pointer (&chart->hops, g_hash_table_unref);
  g_clear_pointer (&chart->dots, g_hash_table_unref);
  g_clear_pointer (&chart->overlaid, g_hash_table_unref);
  g_ptr_array_unref (chart->history_authorities);
  g_clear_pointer (&chart->theme_ranks, g_array_unref);
  g_clear_pointer (&chart->year_counts, g_array_unref);
  g_free (chart->heat);
  g_free (chart);
}

IcChartKind
ic_chart_get_kind (IcChart *chart)
{
  return chart->kind;
}

void
ic_chart_set_recurrences (IcChart   *chart,
                          GPtrArray *links)
{
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&chart->links, g_ptr_array_unref);
  chart->links = links ? g_ptr_array_ref (links) : derive_links (chart);
  if (chart->kind == IC_CHART_TIMELINE)
    _ic_timeline_prepare_links (chart);
}

gboolean
ic_chart_is_empty (IcChart *chart)
{
  switch (chart->kind)
    {
    case IC_CHART_MATRIX:
    case IC_CHART_GRADES:
      return chart->rows->len == 0;
    case IC_CHART_TIMELINE:
    case IC_CHART_THEMES:
      return chart->themes->len == 0;
    case IC_CHART_HISTORY:
      return chart->history_authorities->len == 0;
    case IC_CHART_YEARS:
    default:
      return chart->first_year == 0;
    }
}

void
_ic_chart_draw_no_data (IcChart         *chart,
                        cairo_t         *cr,
                        PangoContext    *context,
                        double           width,
                        double           height,
                        const IcPalette *palette)
{
  static const char *reasons[IC_N_CHART_KINDS] = {
    N_("No reports to show."),
    N_("No improvement areas with themes to show."),
    N_("No graded reports to show."),
    N_("No improvement areas with themes to show."),
    N_("No graded reports to show."),
    N_("No dated reports to show."),
  };
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, _(reasons[chart->kind]), chart->font_size,
                                                   IC_TEXT_CENTER, width);
  double h;

  _ic_text_size (layout, NULL, &h);
  _ic_text_draw (cr, layout, 0, MAX (0, (height - h) / 2),
                 ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
}

static void
measure (IcChart      *chart,
         PangoContext *context,
         double        for_width,
         double       *width,
         double       *height)
{
  g_autoptr(IcPangoContext) own = NULL;
  double w = for_width > 0 ? for_width : 400, h = 3 * chart->font_size;

  if (context == NULL)
    context = own = _ic_render_create_context (NULL);

  if (ic_chart_is_empty (chart))
    ;
  else if (chart->kind == IC_CHART_MATRIX)
    {
      g_autoptr(IcMatrixLayout) layout = _ic_matrix_layout_new (chart, context, for_width);

      w = layout->width;
      h = layout->legend_height + layout->header_height;
      for (guint i = 0; i < layout->row_heights->len; i++)
        h += g_array_index (layout->row_heights, double, i);
    }
  else if (chart->kind == IC_CHART_TIMELINE)
    _ic_timeline_measure (chart, context, for_width, &w, &h);
  else if (chart->kind == IC_CHART_HISTORY)
    _ic_history_measure (chart, context, for_width, &w, &h);
  else
    _ic_bars_measure (chart, context, for_width, &w, &h);

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/**
 * ic_chart_get_natural_size:
 * @context: (nullable): the context text is measured with
 *
 * The size at which everything fits with no wrapping beyond what long
 * labels need: the size of exported images.
 */
void
ic_chart_get_natural_size (IcChart      *chart,
                           PangoContext *context,
                           double       *width,
                           double       *height)
{
  g_return_if_fail (chart != NULL);
  measure (chart, context, -1, width, height);
}

/**
 * ic_chart_get_height_for_width:
 * @context: (nullable): the context text is measured with
 *
 * The height the chart needs when drawn @width wide, labels wrapped to
 * fit: for GtkWidget.measure and for pages.
 */
double
ic_chart_get_height_for_width (IcChart      *chart,
                               PangoContext *context,
                               double        width)
{
  double height;

  g_return_val_if_fail (chart != NULL, 0);
  measure (chart, context, width, NULL, &height);
  return height;
}

void
ic_chart_draw (IcChart         *chart,
               cairo_t         *cr,
               double           width,
               double           height,
               const IcPalette *palette)
{
  g_autoptr(IcPangoContext) context = NULL;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (palette == NULL)
    palette = ic_palette_get_print ();
  context = _ic_render_create_context (cr);

  cairo_save (cr);
  if (!_ic_render_debug_no_clip)
    {
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
    }
  _ic_fill_rect (cr, 0, 0, width, height, ic_palette_get_color (palette, IC_PALETTE_BACKGROUND));

  if (ic_chart_is_empty (chart))
    _ic_chart_draw_no_data (chart, cr, context, width, height, palette);
  else if (chart->kind == IC_CHART_MATRIX)
    {
      g_autoptr(IcMatrixLayout) layout = _ic_matrix_layout_new (chart, context, width);

      _ic_matrix_draw_rows (chart, layout, cr, context, palette, 0, chart->rows->len);
    }
  else if (chart->kind == IC_CHART_TIMELINE)
    _ic_timeline_draw (chart, cr, context, width, height, palette);
  else if (chart->kind == IC_CHART_HISTORY)
    _ic_history_draw (chart, cr, context, width, height, palette);
  else
    _ic_bars_draw (chart, cr, context, width, height, palette);

  cairo_restore (cr);
}

/**
 * ic_chart_hit_test:
 *
 * Finds what is drawn at (@x, @y) when the chart is drawn at @width x
 * @height, for tooltips and activation.
 *
 * Returns: %TRUE when @hit was filled
 */
gboolean
ic_chart_hit_test (IcChart    *chart,
                   double      width,
                   double      height,
                   double      x,
                   double      y,
                   IcChartHit *hit)
{
  g_autoptr(IcPangoContext) context = NULL;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  *hit = (IcChartHit) { .area = -1 };
  if (ic_chart_is_empty (chart) || x < 0 || y < 0 || x >= width || y >= height)
    return FALSE;

  context = _ic_render_create_context (NULL);
  switch (chart->kind)
    {
    case IC_CHART_MATRIX:
      {
        g_autoptr(IcMatrixLayout) layout = _ic_matrix_layout_new (chart, context, width);

        return _ic_matrix_hit_test (chart, layout, x, y, hit);
      }
    case IC_CHART_TIMELINE:
      return _ic_timeline_hit (chart, context, width, height, x, y, hit);
    case IC_CHART_HISTORY:
      return _ic_history_hit (chart, context, width, height, x, y, hit);
    case IC_CHART_GRADES:
    case IC_CHART_THEMES:
    case IC_CHART_YEARS:
    default:
      return _ic_bars_hit (chart, context, width, height, x, y, hit);
    }
}

/**
 * ic_chart_get_marks:
 *
 * What the keyboard walks on the chart drawn at @width x @height, top to
 * bottom then left to right: a timeline's marks, or the cells of its
 * heat strip; the themes chart's rows; none for other charts.
 *
 * Returns: (transfer full) (element-type IcChartMark): the marks
 */
GArray *
ic_chart_get_marks (IcChart *chart,
                    double   width,
                    double   height)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (IcChartMark));
  g_autoptr(IcPangoContext) context = NULL;

  g_return_val_if_fail (chart != NULL, marks);

  if ((chart->kind != IC_CHART_TIMELINE && chart->kind != IC_CHART_THEMES) || ic_chart_is_empty (chart))
    return marks;
  context = _ic_render_create_context (NULL);
  if (chart->kind == IC_CHART_THEMES)
    _ic_bars_marks (chart, context, width, marks);
  else
    _ic_timeline_marks (chart, context, width, height, marks);
  return marks;
}

/**
 * ic_chart_get_subtitle:
 *
 * What a bar chart of grades or themes says under its title of what it
 * counts ("… 15 of 16 authorities have an overall grade …"), for a table
 * shown in its place to say too.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL for a chart
 *   that draws none
 */
char *
ic_chart_get_subtitle (IcChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  if (chart->kind == IC_CHART_GRADES || chart->kind == IC_CHART_THEMES)
    return _ic_bars_subtitle (chart);
  return NULL;
}

/**
 * ic_chart_get_table:
 *
 * The numbers a bar chart draws, or the points of the grade history, as
 * a table: its text alternative. The first row is the header; each row
 * is a %NULL-terminated array of cells.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, empty for
 *   the matrix and the timeline
 */
GPtrArray *
ic_chart_get_table (IcChart *chart)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (chart != NULL, table);

  if (chart->kind == IC_CHART_GRADES || chart->kind == IC_CHART_THEMES || chart->kind == IC_CHART_YEARS)
    _ic_bars_table (chart, table);
  else if (chart->kind == IC_CHART_HISTORY)
    _ic_history_table (chart, table);
  return table;
}

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} ImageFormat;

/* The format from the extension, in any case (".PNG" too). */
static gboolean
image_format (const char  *path,
              ImageFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static cairo_surface_t *
create_surface (ImageFormat   format,
                IcAtomicFile *file,
                double        width,
                double        height,
                double       *scale)
{
  *scale = 1.0;
  switch (format)
    {
    case FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (ic_cairo_output_write, file, width, height);
    case FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (ic_cairo_output_write, file, width, height);
    case FORMAT_PNG:
    default:
      /* Twice the point size: sharp on screens and in slides. */
      *scale = 2.0;
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * 2), (int) ceil (height * 2));
    }
}

gboolean
ic_chart_export_full (IcChart     *chart,
                      const char  *path,
                      GError     **error)
{
  cairo_surface_t *surface;
  double width, height, scale;
  ImageFormat format;
  IcAtomicFile *file;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!image_format (path, &format))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: unknown image format (use .png, .svg or .pdf)"), display);
      return FALSE;
    }
  file = ic_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;

  ic_chart_get_natural_size (chart, NULL, &width, &height);
  width = ceil (width);
  height = ceil (height);
  surface = create_surface (format, file, width, height, &scale);

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ic_chart_draw (chart, cr, width, height, ic_palette_get_print ());
  ic_cairo_output_check (file, cr, surface);
  cairo_destroy (cr);

  if (format == FORMAT_PNG && ic_atomic_file_get_error (file) == NULL)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, ic_cairo_output_write, file);

      if (status != CAIRO_STATUS_SUCCESS && ic_atomic_file_get_error (file) == NULL)
        ic_atomic_file_fail (file, cairo_status_to_string (status));
    }
  return ic_cairo_output_finish (file, surface, error);
}

/**
 * ic_chart_export:
 * @kind: the chart
 * @reports: the reports to draw (#IcReport)
 * @path: the file to write; its extension (.png, .svg, .pdf) picks the format
 *
 * Draws one chart at its natural size with the print palette, as
 * `--render=CHART --output=FILE` does.
 */
gboolean
ic_chart_export (IcChartKind   kind,
                 GListModel   *reports,
                 const char   *path,
                 GError      **error)
{
  g_autoptr(IcChart) chart = NULL;

  g_return_val_if_fail (kind < IC_N_CHART_KINDS, FALSE);

  chart = ic_chart_new (kind, reports, NULL);
  return ic_chart_export_full (chart, path, error);
}
