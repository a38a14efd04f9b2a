/* test-render.c: palettes, charts drawn to images, chart export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-frameworks.h"
#include "ic-test-util.h"

#include <glib/gstdio.h>
#include <math.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "ic-chart-links.h"
#include "ic-chart-private.h"
#include "ic-palette.h"
#include "ic-render-test-data.h"
#include "ic-sheet.h"

static const char *palette_names[] = { "print", "screen-light", "screen-dark" };

static const IcPalette *
palette_at (guint i)
{
  return i == 0 ? ic_palette_get_print () : ic_palette_get_screen (i == 2);
}

static void
assert_contrast (const char    *palette,
                 const char    *pair,
                 const IcColor *fg,
                 const IcColor *bg)
{
  double ratio = ic_color_contrast_ratio (fg, bg);

  g_test_message ("%s %s: %.2f:1", palette, pair, ratio);
  if (ratio < 4.5)
    g_error ("%s: contrast of %s is %.2f:1, below 4.5:1", palette, pair, ratio);
}

/* Every text/background pair the renderers draw. */
static void
test_palette_contrast (void)
{
  static const struct { IcPaletteRole fg, bg; const char *name; } pairs[] = {
    { IC_PALETTE_TEXT, IC_PALETTE_BACKGROUND, "text on background" },
    { IC_PALETTE_TEXT, IC_PALETTE_SURFACE, "text on surface" },
    { IC_PALETTE_MUTED_TEXT, IC_PALETTE_BACKGROUND, "muted text on background" },
    { IC_PALETTE_MUTED_TEXT, IC_PALETTE_SURFACE, "muted text on surface" },
    { IC_PALETTE_LINK, IC_PALETTE_BACKGROUND, "link on background" },
    { IC_PALETTE_ACCENT_TEXT, IC_PALETTE_ACCENT, "accent text on accent" },
  };

  /* The formula itself: black on white is 21:1, a colour on itself 1:1. */
  g_assert_cmpfloat_with_epsilon (ic_color_contrast_ratio (&(IcColor) { 0, 0, 0, 1 }, &(IcColor) { 1, 1, 1, 1 }), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ic_color_contrast_ratio (&(IcColor) { 0.3, 0.5, 0.1, 1 }, &(IcColor) { 0.3, 0.5, 0.1, 1 }), 1.0, 1e-9);

  for (guint p = 0; p < G_N_ELEMENTS (palette_names); p++)
    {
      const IcPalette *palette = palette_at (p);

      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        assert_contrast (palette_names[p], pairs[i].name, ic_palette_get_color (palette, pairs[i].fg),
                         ic_palette_get_color (palette, pairs[i].bg));
      /* Marks and lines of authorities: 3:1, the WCAG level for graphics. */
      for (guint i = 0; i < ic_palette_get_n_series (palette); i++)
        {
          double ratio = ic_color_contrast_ratio (ic_palette_get_series (palette, i),
                                                  ic_palette_get_color (palette, IC_PALETTE_BACKGROUND));

          if (ratio < 3.0)
            g_error ("%s: series colour %u has %.2f:1 on the background", palette_names[p], i, ratio);
        }
      for (IcGrade g = 0; g < IC_N_GRADES; g++)
        assert_contrast (palette_names[p], ic_grade_to_label (g), ic_palette_get_grade_text (palette, g),
                         ic_palette_get_grade_fill (palette, g));
    }
}

/* Grades stay apart in greyscale: at least 10 L* between any two. */
static void
test_palette_greyscale (void)
{
  for (guint p = 0; p < G_N_ELEMENTS (palette_names); p++)
    for (IcGrade a = IC_GRADE_OUTSTANDING; a < IC_N_GRADES; a++)
      for (IcGrade b = a + 1; b < IC_N_GRADES; b++)
        {
          double la = ic_color_get_lightness (ic_palette_get_grade_fill (palette_at (p), a));
          double lb = ic_color_get_lightness (ic_palette_get_grade_fill (palette_at (p), b));

          if (fabs (la - lb) < 10)
            g_error ("%s: %s (L*%.1f) and %s (L*%.1f) look alike in grey", palette_names[p],
                     ic_grade_to_label (a), la, ic_grade_to_label (b), lb);
        }
}

static void
test_kind_names (void)
{
  const char *names[] = { "matrix", "timeline", "grades", "themes", "history", "years" };
  IcChartKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (ic_chart_kind_from_name (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (ic_chart_kind_to_name (kind), ==, names[i]);
    }
  g_assert_false (ic_chart_kind_from_name ("pie", &kind));
  g_assert_false (ic_chart_kind_from_name (NULL, &kind));
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static guint32
rgb_of (const IcColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8)
         | (guint32) (color->blue * 255 + 0.5);
}

static cairo_surface_t *
draw_chart (IcChart         *chart,
            const IcPalette *palette,
            double          *width,
            double          *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  ic_chart_get_natural_size (chart, NULL, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (*width), (int) ceil (*height));
  cr = cairo_create (surface);
  ic_chart_draw (chart, cr, *width, *height, palette);
  cairo_destroy (cr);
  return surface;
}

/* Cells carry their grade's fill; the care leavers cell of a pre-2023
 * ILACS says it is part of children in care; a visit is "Not graded". */
static void
test_matrix_cells (void)
{
  g_autoptr(GListModel) reports = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1),
                                            ic_render_test_report ("Greenwich", 2, 2),
                                            ic_render_test_report ("Redbridge", 1, 3), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_MATRIX, reports, NULL);
  g_autoptr(IcPangoContext) context = _ic_render_create_context (NULL);
  g_autoptr(IcMatrixLayout) layout = NULL;
  const IcPalette *palette = ic_palette_get_print ();
  IcReport *barnsley, *greenwich;
  cairo_surface_t *surface;
  double w, h, top, x;

  g_assert_cmpuint (chart->rows->len, ==, 3);
  g_assert_cmpuint (chart->n_areas, ==, 5);
  g_assert_cmpint (chart->areas[4], ==, IC_AREA_CARE_LEAVERS);
  barnsley = g_ptr_array_index (chart->rows, 0);
  greenwich = g_ptr_array_index (chart->rows, 1);
  g_assert_true (ic_report_care_leavers_in_children_in_care (barnsley));
  g_assert_false (ic_report_care_leavers_in_children_in_care (greenwich));

  surface = draw_chart (chart, palette, &w, &h);
  layout = _ic_matrix_layout_new (chart, context, w);
  top = layout->legend_height + layout->header_height;
  for (guint i = 0; i < 5; i++)
    {
      x = layout->label_width + i * layout->cell_width + 3;
      if (i < 4)
        g_assert_cmphex (pixel_at (surface, x, top + 3), ==,
                         rgb_of (ic_palette_get_grade_fill (palette, ic_report_get_grade (barnsley, chart->areas[i]))));
      g_assert_cmphex (pixel_at (surface, x, top + g_array_index (layout->row_heights, double, 0) + 3), ==,
                       rgb_of (ic_palette_get_grade_fill (palette, ic_report_get_grade (greenwich, chart->areas[i]))));
    }
  /* Not a grade colour: the note cell is left on the background. */
  x = layout->label_width + 4 * layout->cell_width + 3;
  g_assert_cmphex (pixel_at (surface, x, top + 3), ==, rgb_of (ic_palette_get_color (palette, IC_PALETTE_BACKGROUND)));
  /* The focused visit's row is one "Not graded" cell across the areas. */
  top += g_array_index (layout->row_heights, double, 0) + g_array_index (layout->row_heights, double, 1);
  for (guint i = 0; i < 5; i++)
    g_assert_cmphex (pixel_at (surface, layout->label_width + i * layout->cell_width + layout->cell_width / 2, top + 2), ==,
                     rgb_of (ic_palette_get_grade_fill (palette, IC_GRADE_NONE)));
  /* Background at the bottom left corner, below the last name. */
  g_assert_cmphex (pixel_at (surface, 1, (int) h - 1), ==, rgb_of (ic_palette_get_color (palette, IC_PALETTE_BACKGROUND)));
  cairo_surface_destroy (surface);
}

static void
test_matrix_hit (void)
{
  g_autoptr(GListModel) reports = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1),
                                            ic_render_test_report ("Greenwich", 2, 2), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_MATRIX, reports, NULL);
  g_autoptr(IcPangoContext) context = _ic_render_create_context (NULL);
  g_autoptr(IcMatrixLayout) layout = NULL;
  IcChartHit hit;
  double w, h, y;

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  layout = _ic_matrix_layout_new (chart, context, w);
  y = layout->legend_height + layout->header_height + g_array_index (layout->row_heights, double, 0) + 4;
  g_assert_true (ic_chart_hit_test (chart, w, h, layout->label_width + 2.5 * layout->cell_width, y, &hit));
  g_assert_cmpstr (hit.authority, ==, "Greenwich");
  g_assert_cmpint (hit.area, ==, IC_AREA_HELP_AND_PROTECTION);
  g_assert_cmpint (hit.grade, ==, ic_report_get_grade (hit.report, IC_AREA_HELP_AND_PROTECTION));
  g_assert_true (ic_chart_hit_test (chart, w, h, 2, y, &hit));
  g_assert_cmpint (hit.area, ==, -1);
  g_assert_false (ic_chart_hit_test (chart, w, h, 2, 1, &hit));
}

/* Draws without clipping into a larger transparent surface and counts
 * what landed outside the chart's rectangle. */
static guint
pixels_outside (IcChart *chart,
                double   width,
                double   height)
{
  const int margin = 40;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width) + 2 * margin,
                                                         (int) ceil (height) + 2 * margin);
  cairo_t *cr = cairo_create (surface);
  const unsigned char *data;
  guint outside = 0;

  _ic_render_debug_no_clip = TRUE;
  cairo_translate (cr, margin, margin);
  ic_chart_draw (chart, cr, width, height, ic_palette_get_screen (TRUE));
  _ic_render_debug_no_clip = FALSE;
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        gboolean inside = x >= margin && y >= margin && x < margin + ceil (width) && y < margin + ceil (height);
        guint32 px = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

        if (!inside && (px >> 24) != 0)
          {
            if (outside == 0)
              g_test_message ("%s: first ink outside at %d,%d (chart %.0f x %.0f)",
                              ic_chart_kind_to_name (ic_chart_get_kind (chart)), x - margin, y - margin, width, height);
            outside++;
          }
      }
  cairo_surface_destroy (surface);
  return outside;
}

static void
test_charts_in_bounds (void)
{
  guint sizes[][2] = { { 1, 1 }, { 5, 3 }, { 459, 3 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GListModel) reports = ic_render_test_reports (sizes[s][0], sizes[s][1]);

      for (guint k = 0; k < IC_N_CHART_KINDS * 2; k++)
        {
          IcChartKind kind = k % IC_N_CHART_KINDS;
          IcChartOptions every = { .latest_only = FALSE };
          g_autoptr(IcChart) chart = ic_chart_new (kind, reports, k < IC_N_CHART_KINDS ? NULL : &every);
          double w, h;

          ic_chart_get_natural_size (chart, NULL, &w, &h);
          g_test_message ("%s with %u reports: %.0f x %.0f", ic_chart_kind_to_name (kind), sizes[s][0], w, h);
          if (kind == IC_CHART_MATRIX)
            g_assert_cmpuint (chart->rows->len, ==, k < IC_N_CHART_KINDS ? chart->authorities->len : sizes[s][0]);
          g_assert_cmpfloat (w, >, 0);
          g_assert_cmpfloat (h, >, 0);
          g_assert_false (ic_chart_is_empty (chart));
          g_assert_cmpuint (pixels_outside (chart, w, h), ==, 0);
          /* A narrow window: names wrap, nothing spills over the sides. */
          h = ic_chart_get_height_for_width (chart, NULL, 320);
          g_assert_cmpuint (pixels_outside (chart, 320, h), ==, 0);
        }
    }
}

/* A long name wraps inside its column and makes its row taller. */
static void
test_matrix_long_names (void)
{
  const char *long_name = "Royal Borough of Windsor and Maidenhead and Neighbouring Partnership Authorities";
  g_autoptr(GListModel) reports = ic_test_model_of (ic_render_test_report (long_name, 3, 1),
                                            ic_render_test_report ("Bury", 3, 1), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_MATRIX, reports, NULL);
  g_autoptr(IcPangoContext) context = _ic_render_create_context (NULL);
  g_autoptr(IcMatrixLayout) narrow = _ic_matrix_layout_new (chart, context, 420);
  double h = narrow->legend_height + narrow->header_height;

  g_assert_true (narrow->letters);
  /* Rows sort by name: Bury first. */
  g_assert_cmpstr (ic_report_get_authority (g_ptr_array_index (chart->rows, 1)), ==, long_name);
  g_assert_cmpfloat (g_array_index (narrow->row_heights, double, 1), >, g_array_index (narrow->row_heights, double, 0));
  for (guint i = 0; i < narrow->row_heights->len; i++)
    h += g_array_index (narrow->row_heights, double, i);
  g_assert_cmpfloat (narrow->width, <=, 420);
  g_assert_cmpuint (pixels_outside (chart, 420, h), ==, 0);
}

/* The head of the names' column wraps when its wording is longer than
 * the column (a translation), and the header row is as tall as it. */
static void
test_matrix_header_wraps (void)
{
  const char *longer = "Authority, with the latest graded report of each, in a wording much longer than English";
  g_autoptr(GListModel) reports = ic_test_model_of (ic_render_test_report ("Bury", 3, 1), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_MATRIX, reports, NULL);
  g_autoptr(IcPangoContext) context = _ic_render_create_context (NULL);
  g_autoptr(IcMatrixLayout) layout = NULL;
  /* As ic-chart-matrix.c sizes cells: cell_font () and pad (). */
  double font = chart->font_size * 0.85, pad = round (chart->font_size * 0.4 * 4) / 4;
  char *translation = ic_test_translation_begin ("Authority (latest graded report)", longer);

  layout = _ic_matrix_layout_new (chart, context, 900);
  ic_test_translation_end (translation);

  g_assert_true (chart->latest_only);
  g_assert_false (layout->letters);
  g_assert_cmpfloat (layout->header_height, >=,
                     _ic_text_height (context, longer, font, IC_TEXT_BOLD, layout->label_width - 2 * pad) + 2 * pad);
}

static void
test_empty (void)
{
  g_autoptr(GListModel) reports = G_LIST_MODEL (g_list_store_new (IC_TYPE_REPORT));

  for (IcChartKind kind = 0; kind < IC_N_CHART_KINDS; kind++)
    {
      g_autoptr(IcChart) chart = ic_chart_new (kind, reports, NULL);
      IcChartHit hit;
      double w, h;

      g_assert_true (ic_chart_is_empty (chart));
      ic_chart_get_natural_size (chart, NULL, &w, &h);
      g_assert_cmpuint (pixels_outside (chart, w, h), ==, 0);
      g_assert_false (ic_chart_hit_test (chart, w, h, w / 2, h / 2, &hit));
    }
}

static void
test_theme_counts (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (6, 3);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  guint front_door = 0;

  /* Even authorities raise front_door in every report, once per report
   * even when two items of one report name it. */
  for (guint i = 0; i < chart->themes->len; i++)
    if (g_str_equal (g_ptr_array_index (chart->themes, i), "front_door"))
      front_door = g_array_index (chart->theme_counts, guint, i);
  g_assert_cmpuint (front_door, >=, 3);
  g_assert_cmpuint (front_door, <=, 6);
  /* Recurrences derived: front_door in all three reports of authority 0. */
  g_assert_cmpuint (chart->links->len, >=, 2);
}

/* The bar charts' numbers, counted when the chart is prepared, are
 * those of the reports counted here one by one: each graded report's
 * grade in each area, the reports raising each theme (most first, equal
 * counts in the taxonomy's order), graded and other reports per year. */
static void
test_bar_counts (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (40, 4);
  IcChartOptions every = { .latest_only = FALSE };
  g_autoptr(IcChart) grades = ic_chart_new (IC_CHART_GRADES, reports, &every);
  g_autoptr(IcChart) themes = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  g_autoptr(IcChart) years = ic_chart_new (IC_CHART_YEARS, reports, NULL);
  g_autoptr(GPtrArray) grades_table = ic_chart_get_table (grades);
  g_autoptr(GPtrArray) themes_table = ic_chart_get_table (themes);
  g_autoptr(GPtrArray) years_table = ic_chart_get_table (years);
  guint n = g_list_model_get_n_items (reports);

  g_assert_cmpuint (grades_table->len, ==, grades->n_areas + 1);
  for (guint a = 0; a < grades->n_areas; a++)
    {
      char **row = g_ptr_array_index (grades_table, a + 1);
      guint counted[IC_N_GRADES] = { 0, };

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

          if (ic_report_find_judgement (report, grades->areas[a]) != NULL)
            counted[ic_report_get_grade (report, grades->areas[a])]++;
        }
      /* Outstanding, good, requires improvement, adequate, inadequate. */
      g_assert_cmpuint (atoi (row[1]), ==, counted[IC_GRADE_OUTSTANDING]);
      g_assert_cmpuint (atoi (row[2]), ==, counted[IC_GRADE_GOOD]);
      g_assert_cmpuint (atoi (row[3]), ==, counted[IC_GRADE_REQUIRES_IMPROVEMENT]);
      g_assert_cmpuint (atoi (row[4]), ==, counted[IC_GRADE_ADEQUATE]);
      g_assert_cmpuint (atoi (row[5]), ==, counted[IC_GRADE_INADEQUATE]);
    }

  g_assert_cmpuint (themes_table->len, ==, themes->themes->len + 1);
  g_assert_cmpuint (themes_table->len, >, 3);
  for (guint rank = 1; rank < themes_table->len; rank++)
    {
      char **row = g_ptr_array_index (themes_table, rank);
      char **above = g_ptr_array_index (themes_table, rank - 1);
      guint counted = 0;
      const char *key = NULL;

      for (guint t = 0; t < themes->themes->len; t++)
        {
          g_autofree char *label = _ic_theme_label (g_ptr_array_index (themes->themes, t));

          if (g_str_equal (label, row[0]))
            key = g_ptr_array_index (themes->themes, t);
        }
      g_assert_nonnull (key);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
          GListModel *items = ic_report_get_improvements (report);
          gboolean raised = FALSE;

          for (guint k = 0; k < g_list_model_get_n_items (items); k++)
            {
              g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);

              raised = raised || ic_improvement_has_theme (item, key);
            }
          counted += raised;
        }
      g_assert_cmpuint (atoi (row[1]), ==, counted);
      if (rank > 1)
        g_assert_cmpuint (atoi (above[1]), >=, counted);
      if (rank > 1 && (guint) atoi (above[1]) == counted)
        {
          g_autofree char *above_key = NULL;

          for (guint t = 0; t < themes->themes->len; t++)
            {
              g_autofree char *label = _ic_theme_label (g_ptr_array_index (themes->themes, t));

              if (g_str_equal (label, above[0]))
                above_key = g_strdup (g_ptr_array_index (themes->themes, t));
            }
          g_assert_cmpint (_ic_theme_order (above_key), <, _ic_theme_order (key));
        }
    }

  for (guint row = 1; row < years_table->len; row++)
    {
      char **cells = g_ptr_array_index (years_table, row);
      guint graded = 0, other = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

          if (g_date_get_year (ic_report_get_sort_date (report)) != (guint) atoi (cells[0]))
            continue;
          if (g_list_model_get_n_items (ic_report_get_judgements (report)) > 0)
            graded++;
          else
            other++;
        }
      g_assert_cmpuint (atoi (cells[1]), ==, graded);
      g_assert_cmpuint (atoi (cells[2]), ==, other);
    }
}

/* A label's size is measured once for a text, a size, a width and the
 * set-up of the context: measuring a chart again, or a new chart of the
 * same reports (a filter cleared), lays no text out; the sizes are
 * those a layout made now has, on each context (hinted metrics give
 * other widths). */
static void
test_text_measured_once (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (40, 4);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  g_autoptr(IcChart) again = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  g_autoptr(IcPangoContext) plain = _ic_render_create_context (NULL);
  g_autoptr(IcPangoContext) hinted = _ic_render_create_context (NULL);
  cairo_font_options_t *options = cairo_font_options_create ();
  const char *label = "Supervision and management oversight";
  double height = ic_chart_get_height_for_width (chart, plain, 431);
  guint n_measured = _ic_text_n_measured ();

  g_assert_cmpfloat (ic_chart_get_height_for_width (chart, plain, 431), ==, height);
  g_assert_cmpfloat (ic_chart_get_height_for_width (again, plain, 431), ==, height);
  g_assert_cmpuint (_ic_text_n_measured (), ==, n_measured);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_ON);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_FULL);
  pango_cairo_context_set_font_options (hinted, options);
  pango_context_set_round_glyph_positions (hinted, TRUE);
  cairo_font_options_destroy (options);
  for (guint round = 0; round < 2; round++)
    {
      PangoContext *contexts[] = { plain, hinted };

      for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
        {
          g_autoptr(PangoLayout) wide = _ic_text_layout (contexts[c], label, 9.7, 0, -1);
          g_autoptr(PangoLayout) narrow = _ic_text_layout (contexts[c], label, 9.7, 0, 90);
          double width, wrapped;

          _ic_text_size (wide, &width, NULL);
          _ic_text_size (narrow, NULL, &wrapped);
          g_assert_cmpfloat (_ic_text_width (contexts[c], label, 9.7, 0), ==, width);
          g_assert_cmpfloat (_ic_text_height (contexts[c], label, 9.7, 0, 90), ==, wrapped);
        }
    }
  g_assert_cmpfloat (_ic_text_width (plain, label, 9.7, 0), !=, _ic_text_width (hinted, label, 9.7, 0));
}

static void
check_export (IcChartKind  kind,
              GListModel  *reports,
              const char  *dir,
              const char  *ext,
              const char  *magic)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, ic_chart_kind_to_name (kind), ext);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (ic_chart_export (kind, reports, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  g_assert_nonnull (g_strstr_len (contents, 64, magic));

  if (g_str_equal (ext, "png"))
    {
      cairo_surface_t *png = cairo_image_surface_create_from_png (path);
      g_autoptr(IcChart) chart = ic_chart_new (kind, reports, NULL);
      double w, h;

      ic_chart_get_natural_size (chart, NULL, &w, &h);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) ceil (ceil (w) * 2));
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) ceil (ceil (h) * 2));
      cairo_surface_destroy (png);
    }
}

/* The screen palettes draw on their own background; kept as PNGs in the
 * build directory for people to look at. */
static void
test_dark_palette (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (12, 4);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "render-out", NULL);

  g_mkdir_with_parents (dir, 0755);
  for (IcChartKind kind = 0; kind < IC_N_CHART_KINDS; kind++)
    {
      g_autoptr(IcChart) chart = ic_chart_new (kind, reports, NULL);
      g_autofree char *name = g_strdup_printf ("%s/%s-dark.png", dir, ic_chart_kind_to_name (kind));
      const IcPalette *dark = ic_palette_get_screen (TRUE);
      cairo_surface_t *surface;
      double w, h;

      surface = draw_chart (chart, dark, &w, &h);
      g_assert_cmphex (pixel_at (surface, (int) w - 1, 1), ==,
                       rgb_of (ic_palette_get_color (dark, IC_PALETTE_BACKGROUND)));
      g_assert_cmpint (cairo_surface_write_to_png (surface, name), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}

/* Every report of each authority, one row each: old frameworks bring
 * their own columns (adoption, LSCB, quality of practice). */
static void
test_matrix_every_report (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (10, 5);
  IcChartOptions every = { .latest_only = FALSE };
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_MATRIX, reports, &every);
  g_autofree char *name = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "render-out", "matrix-every.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (chart->rows->len, ==, 10);
  g_assert_cmpuint (chart->n_areas, ==, 8);
  g_assert_cmpint (chart->areas[0], ==, IC_AREA_OVERALL_EFFECTIVENESS);
  g_assert_cmpint (chart->areas[7], ==, IC_AREA_LSCB);
  g_assert_true (ic_chart_export_full (chart, name, &error));
  g_assert_no_error (error);
}

static void
test_other_hits (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (6, 3);
  g_autoptr(IcChart) themes = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  g_autoptr(IcChart) years = ic_chart_new (IC_CHART_YEARS, reports, NULL);
  g_autoptr(IcChart) timeline = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  IcChartHit hit;
  double w, h;
  gboolean found = FALSE;

  /* The top bar of the themes chart is the most raised theme. */
  ic_chart_get_natural_size (themes, NULL, &w, &h);
  for (double y = 0; y < h && !found; y += 1)
    found = ic_chart_hit_test (themes, w, h, w / 2, y, &hit);
  g_assert_true (found);
  g_assert_nonnull (hit.theme);
  for (guint i = 0; i < themes->themes->len; i++)
    g_assert_cmpuint (hit.count, >=, g_array_index (themes->theme_counts, guint, i));

  /* Years: the slot under the pointer and its count. */
  ic_chart_get_natural_size (years, NULL, &w, &h);
  g_assert_true (ic_chart_hit_test (years, w, h, w - 2, h / 2, &hit));
  g_assert_cmpint (hit.year, ==, years->last_year);
  g_assert_cmpuint (hit.count, >, 0);

  /* Timeline: scanning finds marks, each a report raising its theme. */
  ic_chart_get_natural_size (timeline, NULL, &w, &h);
  found = FALSE;
  for (double y = 0; y < h && !found; y += 2)
    for (double x = 0; x < w && !found; x += 2)
      found = ic_chart_hit_test (timeline, w, h, x, y, &hit);
  g_assert_true (found);
  g_assert_nonnull (hit.report);
  g_assert_nonnull (hit.theme);
}

/* One report of "Chainshire" ending on @end_iso with one item about
 * pre-proceedings, the same words each time, so that any matcher links
 * them. */
static IcReport *
chain_report_themes (const char         *end_iso,
                     const char * const *themes)
{
  g_autofree char *source = g_strdup_printf ("/reports/chainshire-%s.pdf", end_iso);
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = ic_date_from_iso (end_iso);
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("The timeliness of pre-proceedings work, so that children "
                                    "do not wait for decisions about their future.",
                                    IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                    themes);

  _ic_report_set_authority (report, "Chainshire");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_end_date (report, end);
  _ic_report_add_improvement (report, item);
  return report;
}

static IcReport *
chain_report_themed (const char *end_iso,
                     const char *theme)
{
  const char *themes[] = { theme, NULL };

  return chain_report_themes (end_iso, themes);
}

/* The joins @chart draws as lines: not the marks' counts (mark_only). */
static GPtrArray *
chart_lines (IcChart *chart)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; i < chart->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (chart->links, i);

      if (!link->mark_only)
        g_ptr_array_add (lines, link);
    }
  return lines;
}

/* The count @chart's mark of @theme's row at the report ending @end_iso
 * says, 0 for none; fails when there is no such mark. */
static guint
mark_times_at (IcChart    *chart,
               const char *theme,
               const char *end_iso)
{
  g_autoptr(GArray) marks = NULL;
  double w, h;

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  marks = ic_chart_get_marks (chart, w, h);
  for (guint i = 0; i < marks->len; i++)
    {
      const IcChartHit *hit = &g_array_index (marks, IcChartMark, i).hit;
      g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (hit->report));

      if (g_str_equal (hit->theme, theme) && g_str_equal (end, end_iso))
        return hit->times_raised;
    }
  g_assert_not_reached ();
  return 0;
}

/* An area raised in 2015 (permanence), 2019 (workforce) and 2024 (both):
 * its line runs in one row, but each item raised again is drawn in the
 * rows of its own themes, and each of those marks says its count, as the
 * JSON and the report page do; the item that began the chain says none. */
static void
test_timeline_marks_every_row (void)
{
  const char *permanence[] = { "permanence_and_adoption", NULL };
  const char *workforce[] = { "workforce", NULL };
  const char *both[] = { "permanence_and_adoption", "workforce", NULL };
  g_autoptr(GListModel) reports = ic_test_model_of (chain_report_themes ("2015-03-12", permanence),
                                                    chain_report_themes ("2019-12-13", workforce),
                                                    chain_report_themes ("2024-07-19", both), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);

  g_assert_cmpuint (mark_times_at (chart, "permanence_and_adoption", "2015-03-12"), ==, 0);
  g_assert_cmpuint (mark_times_at (chart, "workforce", "2019-12-13"), ==, 2);
  g_assert_cmpuint (mark_times_at (chart, "permanence_and_adoption", "2024-07-19"), ==, 3);
  g_assert_cmpuint (mark_times_at (chart, "workforce", "2024-07-19"), ==, 3);
}

static IcReport *
chain_report (const char *end_iso)
{
  return chain_report_themed (end_iso, "permanence_and_adoption");
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

static char *pdf_text (const char *path);

/* The text a timeline of @reports, @width points wide, writes. */
static char *
timeline_pdf_text (GListModel *reports,
                   double      width)
{
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autofree char *dir = g_dir_make_tmp ("ic-render-counts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, 400);
  cairo_t *cr = cairo_create (surface);
  char *text;

  ic_chart_draw (chart, cr, width, 400, ic_palette_get_print ());
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = pdf_text (path);
  ic_test_remove_tree (dir);
  return text;
}

/* Two reports seven weeks apart, both raising an area again: in a narrow
 * timeline their counts would run together ("2×3×", or one painted over
 * by the next mark), so the later one is left out (its tooltip and the
 * table still say it); with room, both are written. The legend's own
 * "“3×”" is the one more. */
static void
test_timeline_counts_apart (void)
{
  const char *themes[] = { "permanence_and_adoption", NULL };
  g_autoptr(GListModel) reports = ic_test_model_of (chain_report_themes ("2015-03-12", themes),
                                                    chain_report_themes ("2024-06-01", themes),
                                                    chain_report_themes ("2024-07-19", themes), NULL);
  g_autofree char *narrow = timeline_pdf_text (reports, 600);
  g_autofree char *wide = timeline_pdf_text (reports, 6000);

  g_assert_cmpuint (count_occurrences (narrow, "2\u00d7"), ==, 1);
  g_assert_cmpuint (count_occurrences (narrow, "3\u00d7"), ==, 1);
  g_assert_cmpuint (count_occurrences (wide, "2\u00d7"), ==, 1);
  g_assert_cmpuint (count_occurrences (wide, "3\u00d7"), ==, 2);
}

/* A report's sheet lists its judgements as the matrix does, overall
 * effectiveness first, though ILACS prints it after the other areas. */
static void
test_sheet_judgements_in_matrix_order (void)
{
  g_autoptr(IcReport) report = chain_report ("2022-05-13");
  static const IcArea printed[] = { IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                                    IC_AREA_CHILDREN_IN_CARE, IC_AREA_OVERALL_EFFECTIVENESS };
  g_autoptr(IcSheet) sheet = NULL;
  g_autofree char *text = NULL;
  const char *overall, *leadership, *care;

  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (printed[i], NULL, IC_GRADE_GOOD, i + 1);

      _ic_report_add_judgement (report, j);
    }
  sheet = ic_sheet_new_report (report);
  text = ic_sheet_to_text (sheet);
  overall = strstr (text, ic_area_to_label (IC_AREA_OVERALL_EFFECTIVENESS));
  leadership = strstr (text, ic_area_to_label (IC_AREA_LEADERSHIP));
  care = strstr (text, ic_area_to_label (IC_AREA_CHILDREN_IN_CARE));
  g_assert_nonnull (overall);
  g_assert_nonnull (leadership);
  g_assert_nonnull (care);
  g_assert_true (overall < leadership);
  g_assert_true (leadership < care);
}

/* A visit of one day is "Inspected 12 March 2015" on its sheet, not
 * "Inspected 12 March 2015 to 12 March 2015". */
static void
test_sheet_one_day (void)
{
  g_autoptr(IcReport) report = chain_report ("2015-03-12");
  g_autoptr(GDate) start = ic_date_from_iso ("2015-03-12");
  g_autoptr(IcSheet) sheet = NULL;
  g_autofree char *text = NULL;

  _ic_report_set_start_date (report, start);
  sheet = ic_sheet_new_report (report);
  text = ic_sheet_to_text (sheet);
  g_assert_nonnull (strstr (text, "Inspected 12 March 2015"));
  g_assert_null (strstr (text, " to 12 March 2015"));
}

/* Whether @chart, drawn at its natural size, has ink (not white or the
 * grey of every other row) at (@x, @y), looked at three times larger. */
/* @chart drawn @scale times larger with the print palette, at its
 * natural size; the caller destroys it. */
static cairo_surface_t *
draw_scaled (IcChart *chart,
             int      scale)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w * scale, (int) h * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ic_chart_draw (chart, cr, w, h, ic_palette_get_print ());
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Row @y of @surface's pixels. */
static const guint32 *
surface_row (cairo_surface_t *surface,
             int              y)
{
  return (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));
}

/* The darkest channel: a mark's or a line's colour is dark. */
static gboolean
is_ink (guint32 pixel)
{
  return MIN (MIN (pixel & 0xff, (pixel >> 8) & 0xff), (pixel >> 16) & 0xff) < 0xc0;
}

static gboolean
ink_at (IcChart *chart,
        double   x,
        double   y)
{
  const int scale = 3;
  cairo_surface_t *surface = draw_scaled (chart, scale);
  gboolean ink = is_ink (surface_row (surface, (int) (y * scale))[(int) (x * scale)]);

  cairo_surface_destroy (surface);
  return ink;
}

/* The centre and radius of @chart's mark of @theme's row at the report
 * ending @end_iso; fails when there is none. */
static void
mark_centre (IcChart    *chart,
             const char *theme,
             const char *end_iso,
             double     *x,
             double     *y,
             double     *r)
{
  g_autoptr(GArray) marks = NULL;
  double w, h;

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  marks = ic_chart_get_marks (chart, w, h);
  for (guint i = 0; i < marks->len; i++)
    {
      const IcChartMark *mark = &g_array_index (marks, IcChartMark, i);
      g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (mark->hit.report));

      if (g_str_equal (mark->hit.theme, theme) && g_str_equal (end, end_iso))
        {
          *x = mark->x + mark->width / 2;
          *y = mark->y + mark->height / 2;
          /* A mark's hit box is 1.8 radii either side of its centre. */
          *r = mark->width / 3.6;
          return;
        }
    }
  g_assert_not_reached ();
}

static gboolean chart_says (IcChart *chart, const char *text);

/* A chain is drawn in one theme's row from each of its reports to the
 * next: a report of the chain whose item has another theme has no mark
 * in that row, and its steps end there in a dot on the line, which the
 * legend explains, where the line used to pass its column as if the
 * report had nothing to do with the area. The last mark counts it
 * ("raised 3 times"). */
static void
test_timeline_chain_dot_other_theme (void)
{
  const char *both[] = { "permanence_and_adoption", "workforce", NULL };
  const char *dates[] = { "2015-03-12", "2019-12-13", "2024-07-19" };
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  double x, y, r, y_dot, x_dot;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(IcReport) report = chain_report_themed (dates[i], i == 1 ? "workforce" : "permanence_and_adoption");

      g_list_store_append (reports, report);
    }
  chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
  lines = chart_lines (chart);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (lines, i);
      g_autofree char *from = ic_date_to_iso (&link->earlier);
      g_autofree char *to = ic_date_to_iso (&link->later);

      g_assert_cmpstr (link->theme, ==, "permanence_and_adoption");
      g_assert_cmpstr (from, ==, dates[i]);
      g_assert_cmpstr (to, ==, dates[i + 1]);
      g_assert_cmpuint (link->times_raised, ==, i + 2);
    }
  g_assert_cmpuint (mark_times_at (chart, "permanence_and_adoption", "2024-07-19"), ==, 3);

  /* The dot: ink in 2019's column of permanence's row wider than the
   * line is, half way between the marks either side of it. */
  mark_centre (chart, "permanence_and_adoption", dates[0], &x, &y, &r);
  y_dot = y;
  mark_centre (chart, "permanence_and_adoption", dates[2], &x_dot, &y, &r);
  g_assert_cmpfloat (y, ==, y_dot);
  mark_centre (chart, "workforce", dates[1], &x_dot, &y, &r);
  g_assert_true (ink_at (chart, x_dot, y_dot + r * 0.4));
  g_assert_false (ink_at (chart, x_dot, y_dot + r * 0.9));
  g_assert_true (chart_says (chart, "A small dot on a line is a report that raised the area again under "
                                    "other themes."));

  /* An item of both themes in 2019 is its mark: no dot, no note. */
  g_list_store_remove (reports, 1);
  {
    g_autoptr(IcReport) report = chain_report_themes (dates[1], both);

    g_list_store_insert (reports, 1, report);
  }
  g_clear_pointer (&chart, ic_chart_unref);
  chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
  g_assert_false (chart_says (chart, "A small dot"));
}

/* One report of Chainshire ending on @end_iso with one item of
 * permanence, in @text's words. */
static IcReport *
lane_report (const char *end_iso,
             const char *text)
{
  const char *themes[] = { "permanence_and_adoption", NULL };
  g_autofree char *source = g_strdup_printf ("/reports/lane-%s.pdf", end_iso);
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = ic_date_from_iso (end_iso);
  g_autoptr(IcImprovement) item = ic_improvement_new_with_themes (text, IC_ITEM_KIND_IMPROVEMENT,
                                                                  IC_SCOPE_LOCAL_AUTHORITY, NULL, 0, themes);

  _ic_report_set_authority (report, "Chainshire");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_end_date (report, end);
  _ic_report_add_improvement (report, item);
  return report;
}

/* An area raised in 2015 and again in 2024, and between them, in the
 * same row, an item of 2019 about something else: the line from 2015 to
 * 2024 hops over 2019's mark, which is not part of it, where it ran
 * straight through it and read as raised three times (Luton's
 * sufficiency, 2021 to 2026, ran through the marks of 2022 and 2024). */
static void
test_timeline_line_hops_mark (void)
{
  const char *area = "The timeliness of pre-proceedings work, so that children do not wait for decisions "
                     "about their future.";
  g_autoptr(GListModel) reports =
    ic_test_model_of (lane_report ("2015-03-12", area),
                      lane_report ("2019-12-13", "Adoption panels record the reasons for their recommendations "
                                                 "about matching with prospective adopters."),
                      lane_report ("2024-07-19", area), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autoptr(GPtrArray) lines = chart_lines (chart);
  double x, y, r, x_end, y_end;

  g_assert_cmpuint (lines->len, ==, 1);
  mark_centre (chart, "permanence_and_adoption", "2019-12-13", &x, &y, &r);
  mark_centre (chart, "permanence_and_adoption", "2024-07-19", &x_end, &y_end, &r);
  g_assert_cmpuint (mark_times_at (chart, "permanence_and_adoption", "2024-07-19"), ==, 2);
  /* Either side of 2019's mark, in its lane, no line; above it, one. */
  g_assert_false (ink_at (chart, x - r * 1.6, y));
  g_assert_false (ink_at (chart, x + r * 1.6, y));
  g_assert_true (ink_at (chart, x, y - r * 1.3));
  /* Half way to 2024 the line is still above the lane, and comes down
   * to the mark it ends in. */
  g_assert_true (ink_at (chart, (x + x_end) / 2, y - r * 1.3));
  g_assert_true (ink_at (chart, x_end - r * 1.1, y_end - r * 0.3) || ink_at (chart, x_end - r * 1.3, y_end - r * 0.6));
}

/* Pixels of @chart drawn at its natural size that are not white. */
static guint
count_ink (IcChart *chart)
{
  cairo_surface_t *surface = draw_scaled (chart, 1);
  guint ink = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      ink += (surface_row (surface, y)[x] & 0xffffff) != 0xffffff;
  cairo_surface_destroy (surface);
  return ink;
}

/* A report that says the earlier areas remain has no item, so no mark:
 * its carried-forward join ends in a ring, not in nothing. */
static void
test_timeline_carried_forward_cap (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(IcReport) earlier = chain_report ("2019-12-13");
  g_autoptr(IcReport) later = _ic_report_new ("/reports/chainshire-2021-07-19.pdf");
  g_autoptr(GDate) end = ic_date_from_iso ("2021-07-19");
  g_autoptr(IcChart) chart = NULL;
  IcChartLink *link = NULL;
  guint with_cap, without_cap;

  _ic_report_set_authority (later, "Chainshire");
  _ic_report_set_inspection_type (later, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  _ic_report_set_end_date (later, end);
  _ic_report_set_improvement_note (later, "The areas for improvement identified at the last "
                                          "inspection remain.");
  g_list_store_append (reports, earlier);
  g_list_store_append (reports, later);
  chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
  for (guint i = 0; i < chart->links->len; i++)
    if (((IcChartLink *) g_ptr_array_index (chart->links, i))->carried_forward)
      link = g_ptr_array_index (chart->links, i);
  g_assert_nonnull (link);
  g_assert_cmpuint (g_date_get_year (&link->later), ==, 2021);

  with_cap = count_ink (chart);
  link->carried_forward = FALSE;
  without_cap = count_ink (chart);
  /* A ring of a mark's size: tens of pixels more than the line alone. */
  g_assert_cmpuint (with_cap, >, without_cap + 20);
}

/* How many times the ink of @chart, drawn three times larger, breaks off
 * along y = @y from @x0 to @x1: 0 for a solid line. */
static guint
breaks_along (IcChart *chart,
              double   x0,
              double   x1,
              double   y)
{
  const int scale = 3;
  cairo_surface_t *surface = draw_scaled (chart, scale);
  const guint32 *row = surface_row (surface, (int) (y * scale));
  gboolean was_ink = TRUE;
  guint breaks = 0;

  for (int x = (int) (x0 * scale); x < (int) (x1 * scale); x++)
    {
      gboolean ink = is_ink (row[x]);

      breaks += was_ink && !ink;
      was_ink = ink;
    }
  cairo_surface_destroy (surface);
  return breaks;
}

static const IcChartHit *mark_hit_at (IcChart    *chart,
                                     const char *end_iso);

/* Fostering raised in 2016 and, in other words, in 2022: a possible
 * match, whose step the timeline dashes and its legend explains; the
 * same step taken by a close match is solid, and the legend says
 * nothing of dashes. */
static void
test_timeline_possible_dashed (void)
{
  g_autoptr(GListModel) reports =
    ic_test_model_of (lane_report ("2016-03-12", "Sufficiency of foster homes for older children."),
                      lane_report ("2022-07-19", "Recruitment of foster carers so that children live near home."),
                      NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autoptr(GPtrArray) lines = chart_lines (chart);
  IcChartLink *step;
  double x0, x1, y, r;

  g_assert_cmpuint (lines->len, ==, 1);
  step = g_ptr_array_index (lines, 0);
  g_assert_true (step->possible);
  g_assert_cmpuint (mark_hit_at (chart, "2022-07-19")->n_possible, ==, 1);
  g_assert_cmpuint (mark_hit_at (chart, "2022-07-19")->n_raised_again, ==, 1);
  mark_centre (chart, "permanence_and_adoption", "2016-03-12", &x0, &y, &r);
  mark_centre (chart, "permanence_and_adoption", "2022-07-19", &x1, &y, &r);
  g_assert_cmpuint (breaks_along (chart, x0 + 2 * r, x1 - 2 * r, y), >=, 3);
  g_assert_true (chart_says (chart, "A dashed line is a step to a report that raised the area again by possible "
                                    "matches only"));

  step->possible = FALSE;
  g_assert_cmpuint (breaks_along (chart, x0 + 2 * r, x1 - 2 * r, y), ==, 0);
  g_assert_false (chart_says (chart, "A dashed line"));
}

/* A report of Chainshire with an item of each of @texts (NULL ended),
 * all in the permanence row. */
static IcReport *
lane_report_items (const char         *end_iso,
                   const char * const *texts)
{
  const char *themes[] = { "permanence_and_adoption", NULL };
  IcReport *report = lane_report (end_iso, texts[0]);

  for (guint i = 1; texts[i] != NULL; i++)
    {
      g_autoptr(IcImprovement) item = ic_improvement_new_with_themes (texts[i], IC_ITEM_KIND_IMPROVEMENT,
                                                                      IC_SCOPE_LOCAL_AUTHORITY, NULL, 0, themes);

      _ic_report_add_improvement (report, item);
    }
  return report;
}

/* How many pixels of ink @chart, drawn three times larger, has in the
 * box from (@x0, @y0) to (@x1, @y1). */
static guint
ink_in (IcChart *chart,
        double   x0,
        double   y0,
        double   x1,
        double   y1)
{
  const int scale = 3;
  cairo_surface_t *surface = draw_scaled (chart, scale);
  guint ink = 0;

  for (int y = (int) (y0 * scale); y < (int) (y1 * scale); y++)
    for (int x = (int) (x0 * scale); x < (int) (x1 * scale); x++)
      ink += is_ink (surface_row (surface, y)[x]);
  cairo_surface_destroy (surface);
  return ink;
}

/* Two areas of Chainshire's permanence row raised in 2016 and again in
 * 2022, fostering by a possible match, supervision by a close one: their
 * steps join the same two marks, and the dashed one was drawn under the
 * solid one, which hid it (Lambeth's quality assurance). The dashed step
 * bows below the lane, the solid one stays straight and whole; the
 * 2022 mark's tooltip and table line learn that one of its two items is
 * a possible match. */
static void
test_timeline_possible_not_hidden (void)
{
  const char *supervision = "Management oversight and supervision of social workers' practice with children.";
  const char *y2016[] = { "Sufficiency of foster homes for older children.", supervision, NULL };
  const char *y2022[] = { "Recruitment of foster carers so that children live near home.", supervision, NULL };
  g_autoptr(GListModel) reports = ic_test_model_of (lane_report_items ("2016-03-12", y2016),
                                                    lane_report_items ("2022-07-19", y2022), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autoptr(GPtrArray) lines = chart_lines (chart);
  const IcChartHit *hit = mark_hit_at (chart, "2022-07-19");
  double x0, x1, y, r;
  guint below;

  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_true (((IcChartLink *) g_ptr_array_index (lines, 0))->possible !=
                 ((IcChartLink *) g_ptr_array_index (lines, 1))->possible);
  mark_centre (chart, "permanence_and_adoption", "2016-03-12", &x0, &y, &r);
  mark_centre (chart, "permanence_and_adoption", "2022-07-19", &x1, &y, &r);
  g_assert_cmpuint (breaks_along (chart, x0 + 2 * r, x1 - 2 * r, y), ==, 0);
  below = ink_in (chart, x0 + 2 * r, y + 0.7 * r, x1 - 2 * r, y + 1.8 * r);
  g_assert_cmpuint (hit->n_raised_again, ==, 2);
  g_assert_cmpuint (hit->n_possible, ==, 1);

  /* Both steps close: nothing but the years' lines below the lane. */
  for (guint i = 0; i < lines->len; i++)
    ((IcChartLink *) g_ptr_array_index (lines, i))->possible = FALSE;
  _ic_timeline_prepare_links (chart);
  g_assert_cmpuint (below, >, ink_in (chart, x0 + 2 * r, y + 0.7 * r, x1 - 2 * r, y + 1.8 * r) + 100);
}

/* An area raised in 2015, 2019 and 2024 is three pairs of recurrences;
 * the timeline draws it as one chain of two steps (not a third line
 * from 2015 to 2024 over them), and the last mark says "raised 3 times". */
static void
test_timeline_chain (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  const char *dates[] = { "2015-03-12", "2019-12-13", "2024-07-19" };
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint last_times = 0, second_times = 0;
  double w, h;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(IcReport) report = chain_report (dates[i]);

      g_list_store_append (reports, report);
    }
  chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
  lines = chart_lines (chart);
  g_assert_cmpuint (lines->len, ==, 2);
  for (guint i = 0; i < lines->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (lines, i);
      g_autofree char *from = ic_date_to_iso (&link->earlier);
      g_autofree char *to = ic_date_to_iso (&link->later);

      g_assert_cmpstr (from, ==, dates[i]);
      g_assert_cmpstr (to, ==, dates[i + 1]);
      g_assert_cmpuint (link->times_raised, ==, i + 2);
    }

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  marks = ic_chart_get_marks (chart, w, h);
  g_assert_cmpuint (marks->len, ==, 3);
  for (guint i = 0; i < marks->len; i++)
    {
      const IcChartHit *hit = &g_array_index (marks, IcChartMark, i).hit;
      g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (hit->report));

      if (g_str_equal (end, dates[2]))
        last_times = hit->times_raised;
      else if (g_str_equal (end, dates[1]))
        second_times = hit->times_raised;
      else
        g_assert_cmpuint (hit->times_raised, ==, 0);
    }
  g_assert_cmpuint (second_times, ==, 2);
  g_assert_cmpuint (last_times, ==, 3);
  g_assert_cmpuint (pixels_outside (chart, w, h), ==, 0);
}

/* How often @text is printed on the first page of the PDF at @path. */
static guint
count_in_pdf (const char *path,
              const char *text)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page;
  GList *found;
  guint n;

  g_assert_nonnull (doc);
  page = poppler_document_get_page (doc, 0);
  found = poppler_page_find_text (page, text);
  n = g_list_length (found);
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  g_object_unref (doc);
  return n;
}

/* Whether @chart as a PDF prints @text, lines joined by a space: a
 * legend wraps where the chart's width has it. */
static gboolean
chart_says (IcChart    *chart,
            const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-render-legend-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  g_autofree char *printed = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (ic_chart_export_full (chart, path, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  printed = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  words = g_strsplit_set (printed, " \n", -1);
  joined = g_strjoinv (" ", words);
  ic_test_remove_tree (dir);
  return strstr (joined, text) != NULL;
}

/* A cell of the matrix that says "—" (the 2026 framework gives no
 * overall effectiveness) is explained by the legend, where a board
 * read Middlesbrough's "—" as a grade left out; a matrix without one
 * says nothing of it. */
static void
test_matrix_not_judged_note (void)
{
  IcReport *framework_2026 = _ic_report_new ("/reports/Camden/2026-ilacs.pdf");
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_MAY, 2026);
  g_autoptr(IcJudgement) leadership = ic_judgement_new (IC_AREA_LEADERSHIP, "Leadership",
                                                        IC_GRADE_INADEQUATE, 1);
  g_autoptr(GListModel) with_2026 = NULL;
  g_autoptr(GListModel) judged = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1), NULL);
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(IcChart) all_judged = NULL;

  _ic_report_set_authority (framework_2026, "Camden");
  _ic_report_set_inspection_type (framework_2026, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_start_date (framework_2026, start);
  _ic_report_set_end_date (framework_2026, start);
  _ic_report_add_judgement (framework_2026, leadership);
  with_2026 = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1), framework_2026, NULL);
  chart = ic_chart_new (IC_CHART_MATRIX, with_2026, NULL);
  all_judged = ic_chart_new (IC_CHART_MATRIX, judged, NULL);

  /* "—: …", as "in CiC: …" beside it, not "— …", which read as the end
   * of the note before it. */
  g_assert_true (chart_says (chart, "\u2014: the report gives no judgement in that area"));
  g_assert_false (chart_says (all_judged, "no judgement in that area"));
}

/* A report read from a PDF cut short keeps its grades in the matrix; an
 * area it has none for is "?", which the legend explains, never "—" (no
 * judgement given): the page that held the grade may be missing. */
static void
test_matrix_not_read_note (void)
{
  IcReport *cut = ic_render_test_report ("Camden", 0, 1);
  IcReport *whole = ic_render_test_report ("Barnsley", 3, 1);
  g_autoptr(GListModel) with_cut = NULL;
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(IcChart) plain = NULL;
  g_autoptr(GListModel) only_whole = NULL;

  _ic_report_set_damage (cut, IC_DAMAGE_CUT_SHORT);
  with_cut = ic_test_model_of (cut, g_object_ref (whole), NULL);
  only_whole = ic_test_model_of (whole, NULL);
  chart = ic_chart_new (IC_CHART_MATRIX, with_cut, NULL);
  plain = ic_chart_new (IC_CHART_MATRIX, only_whole, NULL);

  g_assert_true (chart_says (chart, "?: not read, as the report's PDF is cut short"));
  g_assert_false (chart_says (chart, "no judgement in that area"));
  g_assert_false (chart_says (plain, "not read"));
}

/* A mark that says a count with no line to it (its chain's line runs in
 * another theme's row) is explained by the legend, which says nothing of
 * it when every count ends a line. */
static void
test_timeline_lone_count_legend (void)
{
  const char *permanence[] = { "permanence_and_adoption", NULL };
  const char *workforce[] = { "workforce", NULL };
  const char *both[] = { "permanence_and_adoption", "workforce", NULL };
  g_autoptr(GListModel) split = ic_test_model_of (chain_report_themes ("2015-03-12", permanence),
                                                  chain_report_themes ("2019-12-13", workforce),
                                                  chain_report_themes ("2024-07-19", both), NULL);
  g_autoptr(GListModel) one_row = ic_test_model_of (chain_report_themes ("2015-03-12", permanence),
                                                    chain_report_themes ("2019-12-13", permanence), NULL);
  g_autoptr(IcChart) lone = ic_chart_new (IC_CHART_TIMELINE, split, NULL);
  g_autoptr(IcChart) joined = ic_chart_new (IC_CHART_TIMELINE, one_row, NULL);

  g_assert_true (chart_says (lone, "A count with no line to it is of an area whose line runs in the row "
                                  "of another of its themes."));
  g_assert_false (chart_says (joined, "A count with no line"));
  g_assert_cmpuint (mark_times_at (joined, "permanence_and_adoption", "2019-12-13"), ==, 2);
}

/* A date filter shows the 2024 report of a 2015, 2019, 2024 chain: its
 * mark says 3, with no line, and the legend says why (counts include
 * reports hidden), not that the line runs in another row; with every
 * report shown it says neither. */
static void
test_timeline_hidden_count_legend (void)
{
  const char *permanence[] = { "permanence_and_adoption", NULL };
  g_autoptr(GListModel) all = ic_test_model_of (chain_report_themes ("2015-03-12", permanence),
                                                chain_report_themes ("2019-12-13", permanence),
                                                chain_report_themes ("2024-07-19", permanence), NULL);
  g_autoptr(IcReport) last = g_list_model_get_item (all, 2);
  g_autoptr(GListModel) shown = ic_test_model_of (g_object_ref (last), NULL);
  g_autoptr(GPtrArray) found = ic_chart_links_find (all);
  g_autoptr(GPtrArray) picked = ic_chart_links_pick (found, shown);
  IcChartOptions options = { .links = picked };
  g_autoptr(IcChart) filtered = ic_chart_new (IC_CHART_TIMELINE, shown, &options);
  g_autoptr(IcChart) whole = ic_chart_new (IC_CHART_TIMELINE, all, NULL);

  g_assert_cmpuint (mark_times_at (filtered, "permanence_and_adoption", "2024-07-19"), ==, 3);
  g_assert_true (chart_says (filtered, "Counts include reports the filters hide."));
  g_assert_false (chart_says (filtered, "A count with no line"));
  g_assert_false (chart_says (whole, "Counts include reports"));
  g_assert_false (chart_says (whole, "A count with no line"));
}

/* Chainshire's report of @end_iso with the pre-proceedings item and,
 * when @supervision, a second one of another concern in the same row. */
static IcReport *
two_concerns_report (const char *end_iso,
                     gboolean    supervision)
{
  const char *permanence[] = { "permanence_and_adoption", NULL };
  IcReport *report = chain_report_themes (end_iso, permanence);
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("Managers' oversight of foster carers' annual reviews and the "
                                    "recording of matching decisions for adoption panels.",
                                    IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 1, permanence);

  if (supervision)
    _ic_report_add_improvement (report, item);
  return report;
}

/* The first mark of @chart's report of @end_iso, as the table and the
 * keyboard have it. */
static const IcChartHit *
mark_hit_at (IcChart    *chart,
             const char *end_iso)
{
  static IcChartHit found;
  g_autoptr(GArray) marks = NULL;
  double w, h;

  ic_chart_get_natural_size (chart, NULL, &w, &h);
  marks = ic_chart_get_marks (chart, w, h);
  for (guint i = 0; i < marks->len; i++)
    {
      const IcChartHit *hit = &g_array_index (marks, IcChartMark, i).hit;
      g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (hit->report));

      if (g_str_equal (end, end_iso))
        {
          found = *hit;
          return &found;
        }
    }
  g_assert_not_reached ();
  return NULL;
}

/* Two items of the 2024 report share the permanence row, one raised for
 * the third time, one for the second: the mark says the most, 3, and
 * says each (for the tooltip and the table, ic_chart_widget_describe_hit()),
 * and the legend says which count a mark shows; where both items were
 * raised twice, neither. */
static void
test_timeline_two_items_one_row (void)
{
  g_autoptr(GListModel) reports = ic_test_model_of (two_concerns_report ("2015-03-12", FALSE),
                                                    two_concerns_report ("2019-12-13", TRUE),
                                                    two_concerns_report ("2024-07-19", TRUE), NULL);
  g_autoptr(GListModel) one_each = ic_test_model_of (two_concerns_report ("2015-03-12", TRUE),
                                                     two_concerns_report ("2019-12-13", TRUE), NULL);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autoptr(IcChart) same = ic_chart_new (IC_CHART_TIMELINE, one_each, NULL);
  const IcChartHit *last = mark_hit_at (chart, "2024-07-19");

  g_assert_cmpuint (last->times_raised, ==, 3);
  g_assert_cmpuint (last->n_item_times, ==, 2);
  g_assert_cmpuint (last->item_times[0], ==, 3);
  g_assert_cmpuint (last->item_times[1], ==, 2);
  g_assert_true (chart_says (chart, "Where items of a report raised again share a row, its count is "
                                    "that of the one raised most often."));
  g_assert_cmpuint (mark_times_at (same, "permanence_and_adoption", "2019-12-13"), ==, 2);
  g_assert_cmpuint (mark_hit_at (same, "2019-12-13")->n_item_times, ==, 0);
  g_assert_false (chart_says (same, "Where items of a report"));
}

/* "start → end" of each line a timeline of @shown draws with @links. */
static char *
lines_drawn (GListModel *shown,
             GPtrArray  *links)
{
  IcChartOptions options = { .links = links };
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, shown, &options);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < chart->lines->len; i++)
    {
      const IcChartLink *line = g_ptr_array_index (chart->lines, i);
      g_autofree char *earlier = ic_date_to_iso (&line->earlier);
      g_autofree char *later = ic_date_to_iso (&line->later);

      g_string_append_printf (lines, "%s%s → %s", lines->len > 0 ? ", " : "", earlier, later);
    }
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

/* A filter (here by type) shows the 2015 and 2024 reports of a 2015,
 * 2019, 2024 chain, hiding 2019's: the pack's timeline (its joins from
 * ic_chart_links_of_selection()) draws the lines the window's does
 * (ic_chart_links_pick()), none, where it drew 2015 → 2019 → 2024
 * through a point with no mark; the 2024 mark says 3 in both, and the
 * pack's joins still name 2019 for its pages. */
static void
test_timeline_lines_from_hidden (void)
{
  const char *permanence[] = { "permanence_and_adoption", NULL };
  g_autoptr(GListModel) all = ic_test_model_of (chain_report_themes ("2015-03-12", permanence),
                                                chain_report_themes ("2019-12-13", permanence),
                                                chain_report_themes ("2024-07-19", permanence), NULL);
  g_autoptr(IcReport) first = g_list_model_get_item (all, 0);
  g_autoptr(IcReport) last = g_list_model_get_item (all, 2);
  g_autoptr(GListModel) shown = ic_test_model_of (g_object_ref (first), g_object_ref (last), NULL);
  g_autoptr(GPtrArray) found = ic_find_recurrences (all);
  g_autoptr(GPtrArray) all_links = ic_chart_links_from_recurrences (found);
  g_autoptr(GPtrArray) window = ic_chart_links_pick (all_links, shown);
  g_autoptr(GPtrArray) pack = ic_chart_links_of_selection (found, shown);
  g_autofree char *window_lines = lines_drawn (shown, window);
  g_autofree char *pack_lines = lines_drawn (shown, pack);
  IcChartOptions options = { .links = pack };
  g_autoptr(IcChart) packed = ic_chart_new (IC_CHART_TIMELINE, shown, &options);
  gboolean names_2019 = FALSE;

  g_assert_cmpstr (pack_lines, ==, window_lines);
  g_assert_cmpstr (pack_lines, ==, "");
  g_assert_cmpuint (mark_times_at (packed, "permanence_and_adoption", "2024-07-19"), ==, 3);
  for (guint i = 0; i < pack->len; i++)
    {
      const IcChartLink *link = g_ptr_array_index (pack, i);
      g_autofree char *earlier = ic_date_to_iso (&link->earlier);

      names_2019 |= !link->mark_only && g_str_equal (earlier, "2019-12-13");
    }
  g_assert_true (names_2019);
}

/* The timeline's years head its columns as well as end them, marks as
 * heat strip: a timeline taller than the window (a peer group's marks
 * at 800 x 600) is read from its top, where the axis under it is
 * scrolled out of sight. */
static void
test_timeline_years_above (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ic-render-years-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  guint sizes[] = { 12, 40 * 4 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GListModel) reports = ic_render_test_reports (sizes[i], 4);
      g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
      g_autofree char *first = g_strdup_printf ("%d", chart->first_year);
      g_autoptr(GError) error = NULL;

      g_assert_true (ic_chart_export_full (chart, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_in_pdf (path, first), ==, 2);
    }
  ic_test_remove_tree (dir);
}

/* A heat strip's cell counts each report raising its theme in its year
 * once: 30 authorities' reports of one year, each raising one theme in
 * two items, make a cell of 30 (counting inside MAX() made it more). */
static void
test_timeline_heat_counts (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(IcChart) chart = NULL;
  g_autoptr(GArray) marks = NULL;
  guint found = 0;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *source = g_strdup_printf ("/reports/heat-%u.pdf", i);
      g_autofree char *authority = g_strdup_printf ("Heatshire %u", i);
      g_autoptr(IcReport) report = _ic_report_new (source);
      g_autoptr(GDate) end = g_date_new_dmy (1 + i % 28, G_DATE_MARCH, 2020);

      _ic_report_set_authority (report, authority);
      _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
      _ic_report_set_end_date (report, end);
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(IcImprovement) item =
            ic_improvement_new_with_themes ("The front door.", IC_ITEM_KIND_IMPROVEMENT,
                                            IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                            (const char *[]) { "front_door", NULL });

          _ic_report_add_improvement (report, item);
        }
      g_list_store_append (reports, report);
    }
  chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
  marks = ic_chart_get_marks (chart, 1200, 800);
  for (guint i = 0; i < marks->len; i++)
    {
      IcChartHit *hit = &g_array_index (marks, IcChartMark, i).hit;

      if (g_strcmp0 (hit->theme, "front_door") != 0 || hit->count == 0)
        continue;
      g_assert_cmpuint (hit->count, ==, 30);
      found++;
    }
  g_assert_cmpuint (found, ==, 1);
}

/* A report of @authority in March of @year raising the front door. */
static IcReport *
front_door_report (const char *authority,
                   int         year,
                   guint       day)
{
  g_autofree char *source = g_strdup_printf ("/reports/%s-%d.pdf", authority, year);
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (day, G_DATE_MARCH, year);
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("The front door.", IC_ITEM_KIND_IMPROVEMENT,
                                    IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                    (const char *[]) { "front_door", NULL });

  _ic_report_set_authority (report, authority);
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_end_date (report, end);
  _ic_report_add_improvement (report, item);
  return report;
}

/* How far apart two pixels of @surface are, as RGB distance. */
static double
pixel_distance (cairo_surface_t *surface,
                int              x1,
                int              y1,
                int              x2,
                int              y2)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const unsigned char *a = data + y1 * stride + x1 * 4;
  const unsigned char *b = data + y2 * stride + x2 * 4;
  double sum = 0;

  for (int c = 0; c < 3; c++)
    sum += (a[c] - b[c]) * (a[c] - b[c]);
  return sqrt (sum);
}

/* A heat strip's cell of one report is tinted plainly enough to tell
 * from an empty one by its colour, on a dark window as on a light one,
 * beside a cell of thirty: its shade started at 8 % of the accent,
 * which on the dark window was 20 apart from the empty row around it. */
static void
test_timeline_heat_single_visible (void)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  const IcPalette *palettes[] = { ic_palette_get_screen (TRUE), ic_palette_get_screen (FALSE), ic_palette_get_print () };

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *authority = g_strdup_printf ("Heatshire %u", i);
      g_autoptr(IcReport) report = front_door_report (authority, 2020, 1 + i % 28);

      g_list_store_append (reports, report);
    }
  g_autoptr(IcReport) lonely = front_door_report ("Lonely", 2022, 1);

  g_list_store_append (reports, lonely);
  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, G_LIST_MODEL (reports), NULL);
      g_autoptr(GArray) marks = ic_chart_get_marks (chart, 1200, 400);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 400);
      cairo_t *cr = cairo_create (surface);
      const IcChartMark *single = NULL;

      for (guint i = 0; i < marks->len; i++)
        if (g_array_index (marks, IcChartMark, i).hit.count == 1)
          single = &g_array_index (marks, IcChartMark, i);
      g_assert_nonnull (single);
      ic_color_set_source (ic_palette_get_color (palettes[p], IC_PALETTE_BACKGROUND), cr);
      cairo_paint (cr);
      ic_chart_draw (chart, cr, 1200, 400, palettes[p]);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      /* Inside the cell's fill, clear of its number, against the empty
       * year before it in the same row. */
      g_assert_cmpfloat (pixel_distance (surface, single->x + 3, single->y + 3,
                                         single->x - single->width + 3, single->y + 3), >=, 35);
      cairo_surface_destroy (surface);
    }
}

/* The first page's text of the PDF at @path. */
static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerPage *page;
  char *text;

  g_assert_nonnull (doc);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

/* In a narrow timeline (a window of 800 x 600) the years above the
 * columns take one form, with room between them: "’15 ’16", not
 * "20152016" run together nor "2015" beside "’16". */
static void
test_timeline_years_above_narrow (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (12, 4);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autofree char *dir = g_dir_make_tmp ("ic-render-years-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);

  for (double width = 300; width <= 900; width += 25)
    {
      cairo_surface_t *surface = cairo_pdf_surface_create (path, width, 600);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *text = NULL;

      ic_chart_draw (chart, cr, width, 600, ic_palette_get_print ());
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      text = pdf_text (path);
      for (int year = chart->first_year; year < chart->last_year; year++)
        {
          g_autofree char *run = g_strdup_printf ("%d%d", year, year + 1);
          g_autofree char *mixed = g_strdup_printf ("%d \u2019%02d", year, (year + 1) % 100);
          g_autofree char *mixed_back = g_strdup_printf ("\u2019%02d %d", year % 100, year + 1);

          g_assert_null (strstr (text, run));
          g_assert_null (strstr (text, mixed));
          g_assert_null (strstr (text, mixed_back));
        }
    }
  ic_test_remove_tree (dir);
}

/* The short form of a year in a narrow timeline is a translator's. */
static void
test_timeline_short_year_translated (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (12, 4);
  g_autoptr(IcChart) chart = ic_chart_new (IC_CHART_TIMELINE, reports, NULL);
  g_autofree char *dir = g_dir_make_tmp ("ic-render-years-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *year = NULL;
  char *translation = ic_test_translation_begin ("\u2019%02d", "'%02d");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 600);
  cairo_t *cr = cairo_create (surface);

  ic_chart_draw (chart, cr, 300, 600, ic_palette_get_print ());
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ic_test_translation_end (translation);
  text = pdf_text (path);
  year = g_strdup_printf ("'%02d", chart->first_year % 100);
  g_assert_nonnull (strstr (text, year));
  ic_test_remove_tree (dir);
}

static void
test_export (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (12, 4);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "render-out", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  for (IcChartKind kind = 0; kind < IC_N_CHART_KINDS; kind++)
    {
      check_export (kind, reports, dir, "png", "PNG");
      check_export (kind, reports, dir, "svg", "<?xml");
      check_export (kind, reports, dir, "pdf", "%PDF");
    }

  g_assert_false (ic_chart_export (IC_CHART_MATRIX, reports, "/tmp/chart.bmp", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "/tmp/chart.bmp"));
  g_clear_error (&error);

  g_assert_false (ic_chart_export (IC_CHART_MATRIX, reports, "/nonexistent-dir/chart.png", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.png"));
  g_clear_error (&error);
  g_assert_false (ic_chart_export (IC_CHART_GRADES, reports, "/nonexistent-dir/chart.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.pdf"));
}

/* The grades chart says what it counts: a report under the April 2026
 * framework has no overall grade, so the overall bar totals less. */
static void
test_grades_say_what_they_count (void)
{
  IcReport *framework_2026 = _ic_report_new ("/reports/Camden/2026-ilacs.pdf");
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_MAY, 2026);
  g_autoptr(IcJudgement) leadership = ic_judgement_new (IC_AREA_LEADERSHIP, "Leadership",
                                                        IC_GRADE_INADEQUATE, 1);
  g_autoptr(GListModel) reports = NULL;
  IcChartOptions latest = { .latest_only = TRUE };
  g_autoptr(IcChart) chart = NULL;
  g_autofree char *text = NULL;

  _ic_report_set_authority (framework_2026, "Camden");
  _ic_report_set_inspection_type (framework_2026, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_start_date (framework_2026, start);
  _ic_report_set_end_date (framework_2026, start);
  _ic_report_add_judgement (framework_2026, leadership);
  reports = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1),
                              ic_render_test_report ("Greenwich", 2, 2), framework_2026, NULL);
  chart = ic_chart_new (IC_CHART_GRADES, reports, &latest);
  text = _ic_bars_subtitle (chart);
  g_assert_cmpstr (text, ==, "Latest graded report of each authority: 2 of 3 authorities have an "
                             "overall grade; 1 inspected under the 2026 framework, which gives none");
}

/* A review of the safeguarding board grades the board alone: an
 * authority whose latest graded report is one has no overall grade, but
 * was not inspected under the 2026 framework, as the subtitle said. */
static void
test_grades_board_review_not_2026 (void)
{
  IcReport *review = _ic_report_new ("/reports/Surrey/2015-lscb.pdf");
  g_autoptr(GDate) start = g_date_new_dmy (11, G_DATE_MAY, 2015);
  g_autoptr(IcJudgement) board = ic_judgement_new (IC_AREA_LSCB, "The effectiveness of the LSCB",
                                                   IC_GRADE_REQUIRES_IMPROVEMENT, 1);
  g_autoptr(GListModel) reports = NULL;
  IcChartOptions latest = { .latest_only = TRUE };
  g_autoptr(IcChart) chart = NULL;
  g_autofree char *text = NULL;

  _ic_report_set_authority (review, "Surrey");
  _ic_report_set_inspection_type (review, IC_INSPECTION_TYPE_LSCB_REVIEW);
  _ic_report_set_start_date (review, start);
  _ic_report_set_end_date (review, start);
  _ic_report_add_judgement (review, board);
  reports = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1), review, NULL);
  chart = ic_chart_new (IC_CHART_GRADES, reports, &latest);
  text = _ic_bars_subtitle (chart);
  g_assert_cmpstr (text, ==, "Latest graded report of each authority: 1 of 2 authorities have an overall grade");
}

/* One authority's pack says "1 authority" and "1 report", not "1 authorities". */
static void
test_subtitles_count_one (void)
{
  g_autoptr(GListModel) reports = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1), NULL);
  IcChartOptions latest = { .latest_only = TRUE };
  IcChartOptions all = { .latest_only = FALSE };
  g_autoptr(IcChart) grades = ic_chart_new (IC_CHART_GRADES, reports, &latest);
  g_autoptr(IcChart) every = ic_chart_new (IC_CHART_GRADES, reports, &all);
  g_autoptr(IcChart) themes = ic_chart_new (IC_CHART_THEMES, reports, NULL);
  g_autofree char *latest_text = _ic_bars_subtitle (grades);
  g_autofree char *every_text = _ic_bars_subtitle (every);
  g_autofree char *themes_text = _ic_bars_subtitle (themes);

  g_assert_cmpstr (latest_text, ==, "Latest graded report of each authority (1 authority)");
  g_assert_cmpstr (every_text, ==, "Every graded report (1 report)");
  g_assert_true (g_str_has_suffix (themes_text, "\u201cWhat needs to improve\u201d (1 report)"));
}

/* The grade history draws six authorities: of more, its note says how
 * many of how many, and how they were picked; of six or fewer, or those
 * asked for, it says nothing of the kind. */
static void
test_history_says_whom_it_shows (void)
{
  const char *eight[] = { "Barnsley", "Bexley", "Bolton", "Bury", "Camden", "Derby", "Enfield", "Essex" };
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GListModel) two = NULL;
  g_autoptr(IcChart) many = NULL;
  g_autoptr(IcChart) few = NULL;
  g_autofree char *many_note = NULL;
  g_autofree char *few_note = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (eight); i++)
    {
      g_autoptr(IcReport) report = ic_render_test_report (eight[i], 0, i);

      g_list_store_append (reports, report);
    }
  many = ic_chart_new (IC_CHART_HISTORY, G_LIST_MODEL (reports), NULL);
  many_note = _ic_history_note (many);
  g_assert_cmpstr (many_note, ==, "Overall effectiveness: grade in each graded report of 6 of the 8 authorities graded, "
                                  "those with the most graded reports (then A to Z); a filter of six "
                                  "authorities or fewer draws them all");

  two = ic_test_model_of (ic_render_test_report ("Barnsley", 0, 1), ic_render_test_report ("Bury", 0, 2), NULL);
  few = ic_chart_new (IC_CHART_HISTORY, two, NULL);
  few_note = _ic_history_note (few);
  g_assert_cmpstr (few_note, ==, "Overall effectiveness: grade in each graded report");
}

/* The marker of each of the palette's eight series, as a mask. */
static GBytes *
marker_mask (guint shape)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 40, 40);
  cairo_t *cr = cairo_create (surface);
  GBytes *mask;

  _ic_draw_marker (cr, shape, 20, 20, 12);
  cairo_surface_flush (surface);
  mask = g_bytes_new (cairo_image_surface_get_data (surface),
                      cairo_image_surface_get_stride (surface) * 40);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return mask;
}

/* Authorities are told apart by shape in greyscale: no two of the eight
 * series of a timeline (six of a grade history) share a marker. */
static void
test_markers_distinct (void)
{
  g_autoptr(GPtrArray) masks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint n = ic_palette_get_n_series (ic_palette_get_print ());

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (masks, marker_mask (i));
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_false (g_bytes_equal (g_ptr_array_index (masks, i), g_ptr_array_index (masks, j)));
}

/* The years chart's graded and ungraded parts of a bar read apart in
 * greyscale print (2:1 between them), each still 3:1 against the paper. */
static void
test_years_greyscale (void)
{
  const IcPalette *print = ic_palette_get_print ();
  const IcColor *paper = ic_palette_get_color (print, IC_PALETTE_BACKGROUND);
  IcColor colors[2];

  _ic_years_colors (print, colors);
  g_test_message ("graded:visits %.2f, visits:paper %.2f", ic_color_contrast_ratio (&colors[0], &colors[1]),
                  ic_color_contrast_ratio (&colors[1], paper));
  g_assert_cmpfloat (ic_color_contrast_ratio (&colors[0], &colors[1]), >=, 2.0);
  g_assert_cmpfloat (ic_color_contrast_ratio (&colors[0], paper), >=, 3.0);
  g_assert_cmpfloat (ic_color_contrast_ratio (&colors[1], paper), >=, 3.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/palette/contrast", test_palette_contrast);
  g_test_add_func ("/render/palette/greyscale", test_palette_greyscale);
  g_test_add_func ("/render/chart/kind-names", test_kind_names);
  g_test_add_func ("/render/matrix/cells", test_matrix_cells);
  g_test_add_func ("/render/matrix/hit-test", test_matrix_hit);
  g_test_add_func ("/render/matrix/long-names", test_matrix_long_names);
  g_test_add_func ("/render/matrix/header-wraps", test_matrix_header_wraps);
  g_test_add_func ("/render/matrix/every-report", test_matrix_every_report);
  g_test_add_func ("/render/chart/in-bounds", test_charts_in_bounds);
  g_test_add_func ("/render/chart/empty", test_empty);
  g_test_add_func ("/render/chart/theme-counts", test_theme_counts);
  g_test_add_func ("/render/chart/bar-counts", test_bar_counts);
  g_test_add_func ("/render/text/measured-once", test_text_measured_once);
  g_test_add_func ("/render/chart/export", test_export);
  g_test_add_func ("/render/chart/dark-palette", test_dark_palette);
  g_test_add_func ("/render/chart/hit-test", test_other_hits);
  g_test_add_func ("/render/timeline/chain", test_timeline_chain);
  g_test_add_func ("/render/matrix/not-judged-note", test_matrix_not_judged_note);
  g_test_add_func ("/render/matrix/not-read-note", test_matrix_not_read_note);
  g_test_add_func ("/render/sheet/one-day", test_sheet_one_day);
  g_test_add_func ("/render/grades/board-review-not-2026", test_grades_board_review_not_2026);
  g_test_add_func ("/render/timeline/chain-dot-other-theme", test_timeline_chain_dot_other_theme);
  g_test_add_func ("/render/timeline/line-hops-mark", test_timeline_line_hops_mark);
  g_test_add_func ("/render/timeline/marks-every-row", test_timeline_marks_every_row);
  g_test_add_func ("/render/timeline/counts-apart", test_timeline_counts_apart);
  g_test_add_func ("/render/timeline/lone-count-legend", test_timeline_lone_count_legend);
  g_test_add_func ("/render/timeline/hidden-count-legend", test_timeline_hidden_count_legend);
  g_test_add_func ("/render/timeline/lines-from-hidden", test_timeline_lines_from_hidden);
  g_test_add_func ("/render/timeline/two-items-one-row", test_timeline_two_items_one_row);
  g_test_add_func ("/render/timeline/carried-forward-cap", test_timeline_carried_forward_cap);
  g_test_add_func ("/render/timeline/possible-dashed", test_timeline_possible_dashed);
  g_test_add_func ("/render/timeline/possible-not-hidden", test_timeline_possible_not_hidden);
  g_test_add_func ("/render/chart/grades-say-what-they-count", test_grades_say_what_they_count);
  g_test_add_func ("/render/chart/subtitles-count-one", test_subtitles_count_one);
  g_test_add_func ("/render/chart/history-says-whom-it-shows", test_history_says_whom_it_shows);
  g_test_add_func ("/render/chart/markers-distinct", test_markers_distinct);
  g_test_add_func ("/render/chart/years-greyscale", test_years_greyscale);
  g_test_add_func ("/render/timeline/years-above", test_timeline_years_above);
  g_test_add_func ("/render/timeline/years-above-narrow", test_timeline_years_above_narrow);
  g_test_add_func ("/render/timeline/short-year-translated", test_timeline_short_year_translated);
  g_test_add_func ("/render/timeline/heat-counts", test_timeline_heat_counts);
  g_test_add_func ("/render/timeline/heat-single-visible", test_timeline_heat_single_visible);
  g_test_add_func ("/render/sheet/judgements-in-matrix-order", test_sheet_judgements_in_matrix_order);

  return g_test_run ();
}
