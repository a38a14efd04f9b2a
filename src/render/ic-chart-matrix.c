/* ic-chart-matrix.c: authorities (or reports) x judgement areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-chart-private.h"
#include "ic-corrections.h"
#include "ic-frameworks.h"

#define CARE_LEAVERS_NOTE N_("part of children in care")
/* Translators: short for "part of children in care", in a narrow cell. */
#define CARE_LEAVERS_SHORT N_("in CiC")
/* Translators: explains "in CiC", the short form in a narrow cell. */
#define COMPACT_NOTE N_("in CiC: care leavers judged with children in care (part of children in care)")
#define NOT_JUDGED "\u2014"
/* Translators: explains "—" in a cell of the judgement matrix. */
#define NOT_JUDGED_NOTE N_("\u2014: the report gives no judgement in that area")
#define NOT_READ "?"
/* Translators: explains "?" in a cell of the judgement matrix. */
#define NOT_READ_NOTE N_("?: not read, as the report's PDF is cut short")

/* What a cell of a graded report shows. */
typedef enum
{
  CELL_GRADE,
  CELL_IN_CHILDREN_IN_CARE,
  CELL_NOT_JUDGED,
  CELL_NOT_READ,
} CellKind;

static const IcGrade legend_grades[] = {
  IC_GRADE_OUTSTANDING, IC_GRADE_GOOD, IC_GRADE_REQUIRES_IMPROVEMENT,
  IC_GRADE_ADEQUATE, IC_GRADE_INADEQUATE, IC_GRADE_NONE,
};

static gboolean
grade_corrected (IcReport *report,
                 IcArea    area)
{
  g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (area), NULL);

  return ic_report_is_corrected (report, field);
}

/* A corrected value carries the mark, which its footnote explains. */
static char *
marked (const char *text,
        gboolean    corrected)
{
  return corrected ? g_strconcat (text, IC_CORRECTED_MARK, NULL) : g_strdup (text);
}

static const char *label_fields[] = { "inspection_type", "start_date", "end_date", "published_date" };

static gboolean
label_corrected (IcReport *report)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_fields); i++)
    if (ic_report_is_corrected (report, label_fields[i]))
      return TRUE;
  return FALSE;
}

static double
pad (IcChart *chart)
{
  return round (chart->font_size * 0.4 * 4) / 4;
}

static double
cell_font (IcChart *chart)
{
  return chart->font_size * 0.85;
}

static char *
row_sublabel (IcChart  *chart,
              IcReport *report)
{
  g_autofree char *date = _ic_report_date_label (report);
  const char *mark = label_corrected (report) ? IC_CORRECTED_MARK : "";

  if (chart->compact)
    return g_strconcat (date, mark, NULL);
  /* Translators: a row's date and the report's type: "6 March 2015 · Focused visit". */
  g_autofree char *label = g_strdup_printf (_("%s \u00b7 %s"), date,
                                            ic_inspection_type_to_label (ic_report_get_inspection_type (report)));

  return g_strconcat (label, mark, NULL);
}

static const char *
row_name (IcReport *report)
{
  return _ic_chart_report_authority (report);
}

static gboolean
report_is_graded (IcReport *report)
{
  return g_list_model_get_n_items (ic_report_get_judgements (report)) > 0;
}

/* A report read from a PDF cut short may have lost the page that held a
 * grade: an area with none is not read, not "no judgement given". */
static CellKind
cell_kind (IcReport *report,
           IcArea    area)
{
  if (ic_report_find_judgement (report, area) != NULL)
    return CELL_GRADE;
  if (area == IC_AREA_CARE_LEAVERS && ic_report_care_leavers_in_children_in_care (report))
    return CELL_IN_CHILDREN_IN_CARE;
  if (area == IC_AREA_OVERALL_EFFECTIVENESS &&
      ic_report_framework_omits_area (report, IC_AREA_OVERALL_EFFECTIVENESS))
    return CELL_NOT_JUDGED;
  if (ic_report_get_damage (report) != IC_DAMAGE_NONE)
    return CELL_NOT_READ;
  return CELL_NOT_JUDGED;
}

/* The text of one cell, or NULL when it shows a note ("—", "?"). */
static const char *
cell_text (IcReport *report,
           IcArea    area,
           gboolean  letters,
           IcGrade  *grade)
{
  CellKind kind = cell_kind (report, area);

  *grade = ic_report_get_grade (report, area);
  if (kind == CELL_GRADE)
    return letters ? ic_grade_to_letter (*grade) : ic_grade_to_label (*grade);
  if (kind == CELL_IN_CHILDREN_IN_CARE)
    return _(CARE_LEAVERS_NOTE);
  return NULL;
}

static char *
row_title (IcReport *report)
{
  return marked (row_name (report), ic_report_is_corrected (report, "authority"));
}

static double
label_height (IcChart      *chart,
              PangoContext *context,
              IcReport     *report,
              double        width)
{
  g_autofree char *sub = row_sublabel (chart, report);
  g_autofree char *title = row_title (report);

  /* Compact rows give the name and the date one line. */
  if (chart->compact)
    return _ic_text_height (context, title, cell_font (chart), IC_TEXT_BOLD, -1);
  return _ic_text_height (context, title, chart->font_size, IC_TEXT_BOLD, width)
         + _ic_text_height (context, sub, cell_font (chart), IC_TEXT_REGULAR, width);
}

static double
row_height (IcChart        *chart,
            IcMatrixLayout *layout,
            PangoContext   *context,
            IcReport       *report)
{
  double inner = layout->cell_width - 2 * pad (chart);
  double h = label_height (chart, context, report, layout->label_width - 2 * pad (chart));

  if (!report_is_graded (report))
    return h + 2 * pad (chart);
  if (chart->compact)
    return ceil (h + pad (chart));

  for (guint i = 0; i < chart->n_areas; i++)
    {
      IcGrade grade;
      const char *text = cell_text (report, chart->areas[i], layout->letters, &grade);
      g_autofree char *shown = text ? marked (text, grade_corrected (report, chart->areas[i])) : NULL;

      if (shown != NULL)
        h = MAX (h, _ic_text_height (context, shown, cell_font (chart), IC_TEXT_CENTER, inner));
    }
  return ceil (h + 2 * pad (chart));
}

/* Grade words need room for their longest word (in the language they
 * are read in); below that, letters. */
static double
widest_grade_word (IcChart      *chart,
                   PangoContext *context)
{
  double widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (legend_grades); i++)
    {
      g_auto(GStrv) words = g_strsplit (ic_grade_to_label (legend_grades[i]), " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        widest = MAX (widest, _ic_text_width (context, words[w], cell_font (chart), IC_TEXT_REGULAR));
    }
  return widest + 2 * pad (chart);
}

/* The head of the column of row names. */
static const char *
header_label (IcChart *chart)
{
  return chart->latest_only ? _("Authority (latest graded report)") : _("Authority and report");
}

static double
natural_label_width (IcChart      *chart,
                     PangoContext *context)
{
  double widest = _ic_text_width (context, _("Authority"), chart->font_size, IC_TEXT_BOLD);

  for (guint i = 0; i < chart->rows->len; i++)
    {
      IcReport *report = g_ptr_array_index (chart->rows, i);
      g_autofree char *sub = row_sublabel (chart, report);
      g_autofree char *title = row_title (report);
      double name = _ic_text_width (context, title, chart->compact ? cell_font (chart) : chart->font_size,
                                    IC_TEXT_BOLD);
      double date = _ic_text_width (context, sub, cell_font (chart), IC_TEXT_REGULAR);

      if (chart->compact)
        widest = MAX (widest, name + date + 3 * pad (chart));
      else
        widest = MAX (widest, MAX (name, date));
    }
  return ceil (widest + 2 * pad (chart));
}

/* Whether some cell is of @kind: "—", a graded report with no judgement
 * in an area another report has (the 2026 framework gives no overall
 * effectiveness), or "?", which the legend then explains, or a reader
 * takes it for a grade left out. */
static gboolean
any_cell_of_kind (IcChart  *chart,
                  CellKind  kind)
{
  for (guint r = 0; r < chart->rows->len; r++)
    {
      IcReport *report = g_ptr_array_index (chart->rows, r);

      for (guint i = 0; report_is_graded (report) && i < chart->n_areas; i++)
        if (cell_kind (report, chart->areas[i]) == kind)
          return TRUE;
    }
  return FALSE;
}

/* The notes after the legend's grades, "" for none. */
static char *
legend_notes (IcChart *chart)
{
  return g_strjoin ("   ", chart->compact ? _(COMPACT_NOTE) : "",
                    any_cell_of_kind (chart, CELL_NOT_JUDGED) ? _(NOT_JUDGED_NOTE) : "",
                    any_cell_of_kind (chart, CELL_NOT_READ) ? _(NOT_READ_NOTE) : "", NULL);
}

static double
legend_item_width (IcChart      *chart,
                   PangoContext *context,
                   IcGrade       grade)
{
  double box = chart->font_size * 2.2;

  return box + pad (chart) + _ic_text_width (context, ic_grade_to_label (grade), cell_font (chart), 0)
         + 3 * pad (chart);
}

static double
legend_height (IcChart      *chart,
               PangoContext *context,
               double        width)
{
  double line = chart->font_size * 1.6, x = 0;
  guint lines = 1;

  for (guint i = 0; i < G_N_ELEMENTS (legend_grades); i++)
    {
      double w = legend_item_width (chart, context, legend_grades[i]);

      if (x > 0 && x + w > width)
        lines++, x = 0;
      x += w;
    }
  g_autofree char *notes = legend_notes (chart);

  if (*g_strstrip (notes) != '\0' && x + _ic_text_width (context, notes, cell_font (chart), 0) > width)
    lines++;
  return lines * line + pad (chart) * 2;
}

/* A compact column's label, drawn turned upright: long ones take two lines. */
static PangoLayout *
upright_label (IcChart      *chart,
               PangoContext *context,
               IcArea        area)
{
  return _ic_text_layout (context, ic_area_to_short_label (area), cell_font (chart), IC_TEXT_BOLD,
                          chart->font_size * 7);
}

static double
header_height (IcChart        *chart,
               IcMatrixLayout *layout,
               PangoContext   *context)
{
  /* The first column's head wraps in its width, as a longer wording may. */
  double h = _ic_text_height (context, header_label (chart), cell_font (chart), IC_TEXT_BOLD,
                              layout->label_width - 2 * pad (chart));

  /* Compact columns are too narrow for words: their labels stand upright. */
  if (chart->compact)
    {
      for (guint i = 0; i < chart->n_areas; i++)
        {
          g_autoptr(PangoLayout) label = upright_label (chart, context, chart->areas[i]);
          double tw;

          _ic_text_size (label, &tw, NULL);
          h = MAX (h, tw);
        }
      return ceil (h + 2 * pad (chart));
    }
  for (guint i = 0; i < chart->n_areas; i++)
    h = MAX (h, _ic_text_height (context, ic_area_to_short_label (chart->areas[i]), cell_font (chart),
                                 IC_TEXT_BOLD | IC_TEXT_CENTER, layout->cell_width - 2 * pad (chart)));
  return ceil (h + 2 * pad (chart));
}

static void
choose_widths (IcChart        *chart,
               IcMatrixLayout *layout,
               PangoContext   *context,
               double          width)
{
  double word = widest_grade_word (chart, context);
  guint n = MAX (chart->n_areas, 1);
  double label = MIN (natural_label_width (chart, context), chart->font_size * 24);
  double cell = chart->compact ? chart->font_size * 4 : MAX (word, chart->font_size * 7.5);

  /* The natural size: names on one line where they can, grade words. */
  if (width <= 0)
    width = label + n * cell;

  /* Narrower than that, names give up width down to a third of the whole
   * and wrap; the areas share the rest, and below the width of a grade
   * word they show letters. Wider, cells grow up to a cap so that a
   * short matrix does not sprawl. */
  layout->label_width = MIN (label, MAX (width / 3, width - n * cell));
  layout->cell_width = MIN ((width - layout->label_width) / n, chart->font_size * 14);
  layout->letters = chart->compact || layout->cell_width < word;
  layout->width = layout->label_width + n * layout->cell_width;
}

IcMatrixLayout *
_ic_matrix_layout_new (IcChart      *chart,
                       PangoContext *context,
                       double        width)
{
  IcMatrixLayout *layout = g_new0 (IcMatrixLayout, 1);

  choose_widths (chart, layout, context, width);
  layout->legend_height = ceil (legend_height (chart, context, layout->width));
  layout->header_height = header_height (chart, layout, context);
  layout->row_heights = g_array_sized_new (FALSE, FALSE, sizeof (double), chart->rows->len);
  for (guint i = 0; i < chart->rows->len; i++)
    {
      double h = row_height (chart, layout, context, g_ptr_array_index (chart->rows, i));

      g_array_append_val (layout->row_heights, h);
    }
  return layout;
}

void
_ic_matrix_layout_free (IcMatrixLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->row_heights);
  g_free (layout);
}

void
_ic_matrix_draw_grade_cell (cairo_t         *cr,
                            PangoContext    *context,
                            const IcPalette *palette,
                            IcGrade          grade,
                            const char      *text,
                            double           size,
                            double           x,
                            double           y,
                            double           width,
                            double           height)
{
  double inset = 1.0, p = size * 0.3, th;
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, text, size, IC_TEXT_CENTER, width - 2 * p);

  _ic_fill_rect (cr, x + inset / 2, y + inset / 2, width - inset, height - inset,
                 ic_palette_get_grade_fill (palette, grade));
  _ic_text_size (layout, NULL, &th);
  _ic_text_draw (cr, layout, x + p, y + (height - th) / 2, ic_palette_get_grade_text (palette, grade));
}

static void
draw_legend (IcChart         *chart,
             IcMatrixLayout  *layout,
             cairo_t         *cr,
             PangoContext    *context,
             const IcPalette *palette)
{
  double line = chart->font_size * 1.6, box = chart->font_size * 2.2;
  double x = 0, y = pad (chart);

  for (guint i = 0; i < G_N_ELEMENTS (legend_grades); i++)
    {
      IcGrade grade = legend_grades[i];
      double w = legend_item_width (chart, context, grade);
      g_autoptr(PangoLayout) label = _ic_text_layout (context, ic_grade_to_label (grade), cell_font (chart), 0, -1);
      double th;

      if (x > 0 && x + w > layout->width)
        x = 0, y += line;
      _ic_matrix_draw_grade_cell (cr, context, palette, grade, ic_grade_to_letter (grade), cell_font (chart),
                                  x, y, box, line - 2);
      _ic_text_size (label, NULL, &th);
      _ic_text_draw (cr, label, x + box + pad (chart), y + (line - 2 - th) / 2,
                     ic_palette_get_color (palette, IC_PALETTE_TEXT));
      x += w;
    }
  g_autofree char *notes = legend_notes (chart);

  if (*g_strstrip (notes) != '\0')
    {
      g_autoptr(PangoLayout) note = _ic_text_layout (context, notes, cell_font (chart), IC_TEXT_ITALIC, -1);
      double nw, th;

      _ic_text_size (note, &nw, &th);
      if (x > 0 && x + nw > layout->width)
        x = 0, y += line;
      _ic_text_draw (cr, note, x, y + (line - 2 - th) / 2, ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
    }
}

static void
draw_header (IcChart         *chart,
             IcMatrixLayout  *layout,
             cairo_t         *cr,
             PangoContext    *context,
             const IcPalette *palette,
             double           y)
{
  const IcColor *text = ic_palette_get_color (palette, IC_PALETTE_TEXT);
  g_autoptr(PangoLayout) first = _ic_text_layout (context, header_label (chart), cell_font (chart), IC_TEXT_BOLD, layout->label_width - 2 * pad (chart));

  _ic_fill_rect (cr, 0, y, layout->width, layout->header_height, ic_palette_get_color (palette, IC_PALETTE_SURFACE));
  _ic_text_draw (cr, first, pad (chart), y + pad (chart), text);
  for (guint i = 0; i < chart->n_areas; i++)
    {
      g_autoptr(PangoLayout) label = NULL;
      double x = layout->label_width + i * layout->cell_width, tw, th;

      if (chart->compact)
        {
          label = upright_label (chart, context, chart->areas[i]);
          _ic_text_size (label, &tw, &th);
          cairo_save (cr);
          cairo_translate (cr, x + (layout->cell_width - th) / 2, y + layout->header_height - pad (chart));
          cairo_rotate (cr, -G_PI / 2);
          _ic_text_draw (cr, label, 0, 0, text);
          cairo_restore (cr);
          continue;
        }
      label = _ic_text_layout (context, ic_area_to_short_label (chart->areas[i]), cell_font (chart),
                               IC_TEXT_BOLD | IC_TEXT_CENTER, layout->cell_width - 2 * pad (chart));
      _ic_text_draw (cr, label, x + pad (chart), y + pad (chart), text);
    }
}

static void
draw_row_label (IcChart         *chart,
                IcMatrixLayout  *layout,
                cairo_t         *cr,
                PangoContext    *context,
                const IcPalette *palette,
                IcReport        *report,
                double           y)
{
  double w = layout->label_width - 2 * pad (chart), nh;
  g_autofree char *sub = row_sublabel (chart, report);
  g_autofree char *title = row_title (report);
  g_autoptr(PangoLayout) name = _ic_text_layout (context, title,
                                                 chart->compact ? cell_font (chart) : chart->font_size, IC_TEXT_BOLD, w);
  g_autoptr(PangoLayout) detail = _ic_text_layout (context, sub, cell_font (chart),
                                                   chart->compact ? IC_TEXT_RIGHT : 0, w);

  if (chart->compact)
    {
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      _ic_text_draw (cr, name, pad (chart), y + pad (chart) / 2, ic_palette_get_color (palette, IC_PALETTE_TEXT));
      _ic_text_draw (cr, detail, pad (chart), y + pad (chart) / 2, ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
      return;
    }
  _ic_text_size (name, NULL, &nh);
  _ic_text_draw (cr, name, pad (chart), y + pad (chart), ic_palette_get_color (palette, IC_PALETTE_TEXT));
  _ic_text_draw (cr, detail, pad (chart), y + pad (chart) + nh, ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
}

static void
draw_note_cell (IcChart         *chart,
                cairo_t         *cr,
                PangoContext    *context,
                const IcPalette *palette,
                const char      *text,
                double           x,
                double           y,
                double           width,
                double           height)
{
  g_autoptr(PangoLayout) layout = _ic_text_layout (context, text, cell_font (chart), IC_TEXT_CENTER | IC_TEXT_ITALIC,
                                                   width - 2 * pad (chart));
  double th;

  _ic_text_size (layout, NULL, &th);
  _ic_text_draw (cr, layout, x + pad (chart), y + (height - th) / 2,
                 ic_palette_get_color (palette, IC_PALETTE_MUTED_TEXT));
}

static void
draw_row (IcChart         *chart,
          IcMatrixLayout  *layout,
          cairo_t         *cr,
          PangoContext    *context,
          const IcPalette *palette,
          IcReport        *report,
          double           y,
          double           h)
{
  double x0 = layout->label_width;

  draw_row_label (chart, layout, cr, context, palette, report, y);
  if (!report_is_graded (report))
    {
      /* Translators: a row of a report that gives no grades: "Not graded — Focused visit". */
      g_autofree char *text = g_strdup_printf (_("%s \u2014 %s"), ic_grade_to_label (IC_GRADE_NONE),
                                               ic_inspection_type_to_label (ic_report_get_inspection_type (report)));

      _ic_matrix_draw_grade_cell (cr, context, palette, IC_GRADE_NONE, text, cell_font (chart),
                                  x0, y, chart->n_areas * layout->cell_width, h);
      return;
    }

  for (guint i = 0; i < chart->n_areas; i++)
    {
      IcGrade grade;
      const char *text = cell_text (report, chart->areas[i], layout->letters, &grade);
      CellKind kind = cell_kind (report, chart->areas[i]);
      double x = x0 + i * layout->cell_width;

      if (kind == CELL_NOT_JUDGED || kind == CELL_NOT_READ)
        draw_note_cell (chart, cr, context, palette, kind == CELL_NOT_READ ? NOT_READ : NOT_JUDGED,
                        x, y, layout->cell_width, h);
      else if (kind == CELL_IN_CHILDREN_IN_CARE)
        draw_note_cell (chart, cr, context, palette, chart->compact ? _(CARE_LEAVERS_SHORT) : text,
                        x, y, layout->cell_width, h);
      else
        {
          g_autofree char *shown = marked (text, grade_corrected (report, chart->areas[i]));

          _ic_matrix_draw_grade_cell (cr, context, palette, grade, shown, cell_font (chart),
                                      x, y, layout->cell_width, h);
        }
    }
}

/**
 * _ic_matrix_draw_rows:
 *
 * Draws the legend and the column header at the top of the current
 * origin, then rows @first to @first + @n_rows below them.
 */
void
_ic_matrix_draw_rows (IcChart         *chart,
                      IcMatrixLayout  *layout,
                      cairo_t         *cr,
                      PangoContext    *context,
                      const IcPalette *palette,
                      guint            first,
                      guint            n_rows)
{
  double y = layout->legend_height;

  draw_legend (chart, layout, cr, context, palette);
  draw_header (chart, layout, cr, context, palette, y);
  y += layout->header_height;

  for (guint i = first; i < first + n_rows && i < chart->rows->len; i++)
    {
      double h = g_array_index (layout->row_heights, double, i);

      if ((i - first) % 2 == 1)
        _ic_fill_rect (cr, 0, y, layout->label_width, h, ic_palette_get_color (palette, IC_PALETTE_SURFACE));
      draw_row (chart, layout, cr, context, palette, g_ptr_array_index (chart->rows, i), y, h);
      ic_color_set_source (ic_palette_get_color (palette, IC_PALETTE_GRID), cr);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y + h - 0.25);
      cairo_line_to (cr, layout->label_width, y + h - 0.25);
      cairo_stroke (cr);
      y += h;
    }
}

gboolean
_ic_matrix_hit_test (IcChart        *chart,
                     IcMatrixLayout *layout,
                     double          x,
                     double          y,
                     IcChartHit     *hit)
{
  double top = layout->legend_height + layout->header_height;

  if (y < top || x >= layout->width)
    return FALSE;

  for (guint i = 0; i < chart->rows->len; i++)
    {
      double h = g_array_index (layout->row_heights, double, i);

      if (y < top + h)
        {
          IcReport *report = g_ptr_array_index (chart->rows, i);
          int column = (int) floor ((x - layout->label_width) / layout->cell_width);

          hit->report = report;
          hit->authority = row_name (report);
          if (x >= layout->label_width && column < (int) chart->n_areas)
            {
              hit->area = chart->areas[column];
              hit->grade = ic_report_get_grade (report, hit->area);
            }
          return TRUE;
        }
      top += h;
    }
  return FALSE;
}

static gboolean
area_shown (IcChart *chart,
            IcArea   area)
{
  for (guint i = 0; i < chart->n_areas; i++)
    if (chart->areas[i] == area)
      return TRUE;
  return FALSE;
}

static char *
field_label (IcChart    *chart,
             const char *field)
{
  IcArea area;

  /* Grades of areas the matrix has no column for are not shown. */
  if (g_str_has_prefix (field, "grade."))
    return ic_area_from_key (field + strlen ("grade."), &area) && area_shown (chart, area)
           ? g_strdup (ic_area_to_short_label (area)) : NULL;
  if (g_str_equal (field, "inspection_type"))
    return g_strdup (_("Type of report"));
  if (g_str_equal (field, "authority"))
    return g_strdup (_("Authority"));
  if (g_str_equal (field, "start_date"))
    return g_strdup (_("First day on site"));
  if (g_str_equal (field, "end_date"))
    return g_strdup (_("Last day on site"));
  if (g_str_equal (field, "published_date"))
    return g_strdup (_("Date of the letter"));
  return NULL;
}

/**
 * _ic_matrix_row_footnotes:
 *
 * Returns: (transfer full): one line per value of @report's row a user
 *   corrected: "† Barnet, 12 March 2024, Leadership: corrected by the
 *   user; the report says Requires improvement"
 */
GPtrArray *
_ic_matrix_row_footnotes (IcChart  *chart,
                          IcReport *report)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  const char * const *fields = ic_report_get_corrected_fields (report);
  g_autofree char *date = _ic_report_date_label (report);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *label = field_label (chart, fields[i]);
      g_autofree char *note = NULL;

      if (label == NULL)
        continue;
      note = ic_corrections_footnote (report, fields[i]);
      /* Translators: a footnote: the mark, the authority, the report's date, what was
       * corrected and how: "† Barnet, 12 March 2024, Leadership: corrected by the user; …". */
      g_ptr_array_add (notes, g_strdup_printf (_("%s %s, %s, %s: %s"), IC_CORRECTED_MARK, row_name (report),
                                               date, label, note));
    }
  return notes;
}
