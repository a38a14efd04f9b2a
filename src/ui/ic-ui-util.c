/* ic-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-ui-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-frameworks.h"
#include "ic-text-cell.h"
#include "ic-a11y.h"
#include "ic-corrections.h"
#include "ic-ui-util.h"

static const char *grade_classes[IC_N_GRADES] = {
  "grade-none", "grade-outstanding", "grade-good",
  "grade-requires-improvement", "grade-adequate", "grade-inadequate",
};

const char *
ic_ui_grade_css_class (IcGrade grade)
{
  g_return_val_if_fail (grade < IC_N_GRADES, "grade-none");
  return grade_classes[grade];
}

void
ic_ui_set_grade_class (GtkWidget *widget,
                       IcGrade    grade)
{
  const char *shown = g_object_get_data (G_OBJECT (widget), "ic-grade-class");
  const char *wanted = ic_ui_grade_css_class (grade);

  /* A list rebinds its cells often, mostly to the grade they show. */
  if (shown == wanted)
    return;
  if (shown != NULL)
    gtk_widget_remove_css_class (widget, shown);
  gtk_widget_add_css_class (widget, wanted);
  g_object_set_data (G_OBJECT (widget), "ic-grade-class", (gpointer) wanted);
}

/* What a matrix cell says when it shows no grade (ic_ui_cell_text()). */
enum {
  NO_GRADE_NOT_GRADED,
  NO_GRADE_PART_OF_CARE,
  NO_GRADE_NOT_GIVEN,
  NO_GRADE_NOT_JUDGED,
  NO_GRADE_NOT_READ,
  N_NO_GRADE_TEXTS
};

static const char *const no_grade_words[N_NO_GRADE_TEXTS] = {
  [NO_GRADE_NOT_GRADED] = N_("Not graded"),
  [NO_GRADE_PART_OF_CARE] = N_("Part of children in care"),
  [NO_GRADE_NOT_GIVEN] = N_("Not given (2026 framework)"),
  [NO_GRADE_NOT_JUDGED] = "—",
  /* Translators: a matrix cell with no grade in a report whose PDF is cut short. */
  [NO_GRADE_NOT_READ] = N_("Not read (file cut short)"),
};

static const char *
no_grade_text (guint which)
{
  return which == NO_GRADE_NOT_JUDGED ? no_grade_words[which] : _(no_grade_words[which]);
}

/**
 * ic_ui_no_grade_texts:
 *
 * Returns: (transfer none): every text ic_ui_cell_text() gives a cell
 *   with no grade, %NULL-terminated
 */
const char * const *
ic_ui_no_grade_texts (void)
{
  static const char *texts[N_NO_GRADE_TEXTS + 1];

  if (texts[0] == NULL)
    for (guint i = 0; i < N_NO_GRADE_TEXTS; i++)
      texts[i] = no_grade_text (i);
  return texts;
}

/* Why a graded report's cell has no grade. A report read from a PDF cut
 * short may have lost the page that held the grade: it is not said to
 * give none. */
static guint
no_grade_kind (IcReport *report,
               IcArea    area)
{
  if (area == IC_AREA_CARE_LEAVERS && ic_report_care_leavers_in_children_in_care (report))
    return NO_GRADE_PART_OF_CARE;
  if (area == IC_AREA_OVERALL_EFFECTIVENESS &&
      ic_report_framework_omits_area (report, IC_AREA_OVERALL_EFFECTIVENESS))
    return NO_GRADE_NOT_GIVEN;
  if (ic_report_get_damage (report) != IC_DAMAGE_NONE)
    return NO_GRADE_NOT_READ;
  return NO_GRADE_NOT_JUDGED;
}

/**
 * ic_ui_cell_text:
 * @grade: (out): the grade shown, %IC_GRADE_NONE for none
 *
 * Returns: the words of a matrix cell; never empty, as a blank cell would
 *   hide the difference between "not graded" and "not judged"
 */
char *
ic_ui_cell_text (IcReport *report,
                 IcArea    area,
                 IcGrade  *grade)
{
  *grade = ic_report_get_grade (report, area);

  if (!ic_inspection_type_is_graded (ic_report_get_inspection_type (report)))
    return g_strdup (no_grade_text (NO_GRADE_NOT_GRADED));
  if (*grade != IC_GRADE_NONE)
    return g_strdup (ic_grade_to_label (*grade));
  return g_strdup (no_grade_text (no_grade_kind (report, area)));
}

/**
 * ic_ui_sort_grade:
 *
 * The grade @report sorts by in @area's column: its grade, or, when its
 * framework gives no overall effectiveness, the worst of its other
 * grades, so that an authority with inadequate leadership sorts among
 * the inadequate ones rather than after every graded one.
 */
IcGrade
ic_ui_sort_grade (IcReport *report,
                  IcArea    area)
{
  IcGrade grade = ic_report_get_grade (report, area);
  IcGrade worst = IC_GRADE_NONE;

  if (grade != IC_GRADE_NONE || area != IC_AREA_OVERALL_EFFECTIVENESS ||
      !ic_report_framework_omits_area (report, area))
    return grade;
  for (guint a = 0; a < IC_N_AREAS; a++)
    {
      IcGrade other = ic_report_get_grade (report, a);

      if (other != IC_GRADE_NONE && (worst == IC_GRADE_NONE || ic_ui_compare_grades (other, worst) > 0))
        worst = other;
    }
  return worst;
}

/* Whether @type's frameworks grade with @grade: "Adequate" belongs to
 * the 2009–13 frameworks (SLAC, child protection, looked after
 * children), "Requires improvement" to those since. */
gboolean
ic_ui_grade_in_scale (IcInspectionType type,
                      IcGrade          grade)
{
  gboolean old_scale = type == IC_INSPECTION_TYPE_SLAC ||
                       type == IC_INSPECTION_TYPE_CHILD_PROTECTION ||
                       type == IC_INSPECTION_TYPE_LOOKED_AFTER_CHILDREN;
  gboolean new_scale = type == IC_INSPECTION_TYPE_ILACS || type == IC_INSPECTION_TYPE_SIF ||
                       type == IC_INSPECTION_TYPE_LSCB_REVIEW;

  if (grade == IC_GRADE_ADEQUATE)
    return !new_scale;
  if (grade == IC_GRADE_REQUIRES_IMPROVEMENT)
    return !old_scale;
  return TRUE;
}

/* "Mar 2025"; "date unknown" without a valid date. */
char *
ic_ui_month_text (const GDate *date)
{
  char buffer[64];

  if (date == NULL || !g_date_valid (date) ||
      g_date_strftime (buffer, sizeof buffer, C_("month and year", "%b %Y"), date) == 0)
    return g_strdup (_("date unknown"));
  return g_strdup (buffer);
}

char *
ic_ui_report_date (IcReport *report)
{
  g_autofree char *text = ic_date_to_display (ic_report_get_end_date (report));

  if (text == NULL)
    text = ic_date_to_display (ic_report_get_sort_date (report));
  return text ? g_steal_pointer (&text) : g_strdup (_("Date unknown"));
}

/* The display date of @report's end. The cells of a row are bound one
 * after another, so the last date shown is kept: g_date_strftime() was a
 * large part of binding a row. Main thread only. */
static const char *
end_date_text (IcReport *report)
{
  static guint32 last_julian;
  static char *last_text;
  const GDate *date = ic_report_get_end_date (report);
  guint32 julian = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;

  if (julian != last_julian || last_text == NULL)
    {
      g_free (last_text);
      last_text = julian != 0 ? ic_date_to_display (date) : g_strdup ("");
      last_julian = julian;
    }
  return last_text;
}

/* What a screen reader says for one cell, e.g. "Richmond upon Thames,
 * Overall effectiveness, Good, inspection ended 4 February 2022". */
char *
ic_ui_cell_description (IcReport *report,
                        IcArea    area)
{
  const char *date = end_date_text (report);
  g_autofree char *value = NULL;
  IcGrade grade;

  value = ic_ui_cell_text (report, area, &grade);
  /* By what the cell means, not by its words. */
  if (ic_inspection_type_is_graded (ic_report_get_inspection_type (report)) &&
      grade == IC_GRADE_NONE && no_grade_kind (report, area) == NO_GRADE_NOT_JUDGED)
    {
      g_free (value);
      value = g_strdup (_("not judged"));
    }

  if (*date == '\0')
    return g_strdup_printf (_("%s, %s, %s, date unknown"),
                            ic_report_get_authority (report), ic_area_to_label (area), value);
  return g_strdup_printf (_("%s, %s, %s, inspection ended %s"),
                          ic_report_get_authority (report), ic_area_to_label (area), value, date);
}

/**
 * ic_ui_mark_corrected_grade:
 * @text: (inout): a grade cell's text
 * @description: (inout): its description, read out and shown as its tooltip
 *
 * A grade a user corrected is not passed off as Ofsted's: as in the pack
 * and prints, it carries the mark, and its description says what the
 * report said.
 */
void
ic_ui_mark_corrected_grade (IcReport  *report,
                            IcArea     area,
                            char     **text,
                            char     **description)
{
  g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (area), NULL);
  g_autofree char *footnote = NULL;
  char *marked;

  if (!ic_report_is_corrected (report, field))
    return;
  footnote = ic_corrections_footnote (report, field);
  marked = g_strconcat (*text, " " IC_CORRECTED_MARK, NULL);
  g_free (*text);
  *text = marked;
  marked = g_strdup_printf ("%s (%s)", *description, footnote);
  g_free (*description);
  *description = marked;
}

/* The text of the Authority and Type columns. */
char *
ic_ui_authority_text (IcReport *report)
{
  return g_strdup (ic_report_get_authority (report));
}

char *
ic_ui_type_text (IcReport *report)
{
  return g_strdup (ic_inspection_type_to_label (ic_report_get_inspection_type (report)));
}

/* The sort orders of those columns: authority (then date), and the
 * type's name as shown. */
int
ic_ui_compare_authority (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return ic_report_compare ((IcReport *) a, (IcReport *) b);
}

int
ic_ui_compare_type (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return g_utf8_collate (ic_inspection_type_to_label (ic_report_get_inspection_type ((IcReport *) a)),
                         ic_inspection_type_to_label (ic_report_get_inspection_type ((IcReport *) b)));
}

/* One line naming a report, for lists and window titles. */
char *
ic_ui_report_summary (IcReport *report)
{
  g_autofree char *date = ic_ui_report_date (report);

  return g_strdup_printf ("%s — %s, %s",
                          ic_report_get_authority (report) ?: _("Unknown authority"),
                          ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                          date);
}

/**
 * ic_ui_trim_blank_lines:
 * @len: (out): the length of the text without its blank lines
 *
 * Extracted pages often start and end with empty lines (headers and
 * footers left out); shown as they are, the text seems to start lower
 * than it does.
 *
 * Returns: (transfer none): where @text's first line that is not blank
 *   starts; the first line keeps its indentation
 */
const char *
ic_ui_trim_blank_lines (const char *text,
                        gsize      *len)
{
  const char *start = text;
  const char *end;

  for (const char *p = text; *p != '\0' && g_ascii_isspace (*p); p++)
    if (*p == '\n')
      start = p + 1;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  *len = end - start;
  return start;
}

/* Grades in rank order; ungraded sorts last whichever way a column is
 * sorted first. */
int
ic_ui_compare_grades (IcGrade a,
                      IcGrade b)
{
  int ra = ic_grade_get_rank (a);
  int rb = ic_grade_get_rank (b);

  if (ra == 0 || rb == 0)
    return (ra == 0) - (rb == 0);
  return ra - rb;
}

int
ic_ui_compare_dates (const GDate *a,
                     const GDate *b)
{
  gboolean va = a != NULL && g_date_valid (a);
  gboolean vb = b != NULL && g_date_valid (b);

  if (!va || !vb)
    return va - vb;
  return g_date_compare (a, b);
}

/* List items that follow their report --------------------------------- */

typedef struct
{
  GtkListItem  *item;      /* owns this */
  IcReport     *report;
  gulong        changed_id;
  IcUiFillFunc  fill;
  gpointer      user_data;
} ItemFollow;

G_DEFINE_QUARK (ic-item-follow, item_follow)

static void
item_follow_free (gpointer data)
{
  ItemFollow *follow = data;

  g_clear_signal_handler (&follow->changed_id, follow->report);
  g_clear_object (&follow->report);
  g_free (follow);
}

static void
item_report_changed_cb (ItemFollow *follow)
{
  follow->fill (follow->item, follow->user_data);
}

/**
 * ic_ui_bind_report_item:
 * @fill: fills the child of @item (a cell or a row) from its report
 *
 * Call from a factory's "bind": fills the child now, and again whenever
 * its report changes in place (#IcReport::changed: read in full, or
 * corrected) until ic_ui_unbind_report_item(). A row that stays needs
 * no change to the list, which would restyle every row on screen.
 */
void
ic_ui_bind_report_item (GtkListItem  *item,
                        IcUiFillFunc  fill,
                        gpointer      user_data)
{
  ItemFollow *follow = g_new0 (ItemFollow, 1);

  follow->item = item;
  follow->report = g_object_ref (gtk_list_item_get_item (item));
  follow->fill = fill;
  follow->user_data = user_data;
  follow->changed_id = g_signal_connect_swapped (follow->report, "changed",
                                                 G_CALLBACK (item_report_changed_cb), follow);
  g_object_set_qdata_full (G_OBJECT (item), item_follow_quark (), follow, item_follow_free);
  fill (item, user_data);
}

/* Call from a factory's "unbind" of an item bound with ic_ui_bind_report_item(). */
void
ic_ui_unbind_report_item (GtkListItem *item)
{
  g_object_set_qdata (G_OBJECT (item), item_follow_quark (), NULL);
}

/* gtk_widget_dispose_template() only unparents the children bound to a
 * struct field; the root box of a template usually is not. */
void
ic_ui_dispose_template (GtkWidget *widget,
                        GType      widget_type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, widget_type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* Keeping a list at the top ------------------------------------------- */

#define TOP_KEEPER_KEY "ic-at-top"

static void
keeper_scrolled_cb (GtkAdjustment *adjustment,
                    GtkWidget     *list)
{
  g_object_set_data (G_OBJECT (list), TOP_KEEPER_KEY,
                     GINT_TO_POINTER (gtk_adjustment_get_value (adjustment) <= 0));
}

/* A list view keeps its first row in place when rows are inserted above
 * it, which scrolls. Setting the adjustment back to 0 did nothing when
 * the view had not been laid out again yet, so the view is scrolled to
 * its first item instead; after the view's own handler has moved it. */
static void
keeper_rows_changed_cb (GListModel *rows,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GtkWidget  *list)
{
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list), TOP_KEEPER_KEY)) ||
      g_list_model_get_n_items (rows) == 0)
    return;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
}

/**
 * ic_ui_keep_at_top:
 * @list: a list or grid view (it has the "list.scroll-to-item" action)
 * @rows: its model
 *
 * Rows arrive a few at a time while reading: a list at the top stays at
 * the top instead of following the first row it showed. The user
 * scrolling away ends it until the list is back at the top.
 */
void
ic_ui_keep_at_top (GtkWidget         *list,
                   GListModel        *rows,
                   GtkScrolledWindow *scrolled_window)
{
  g_object_set_data (G_OBJECT (list), TOP_KEEPER_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (scrolled_window), "value-changed",
                           G_CALLBACK (keeper_scrolled_cb), list, 0);
  g_signal_connect_object (rows, "items-changed", G_CALLBACK (keeper_rows_changed_cb), list,
                           G_CONNECT_AFTER);
}

/**
 * ic_ui_leave_grid:
 * @grid: a list or grid view
 * @direction: GTK_DIR_TAB_FORWARD or GTK_DIR_TAB_BACKWARD
 *
 * Moves the focus on from @grid as if it were one widget: GTK 4.8's
 * list and grid views give Tab to their next row, which stops at every
 * row (and at a row that cannot take the focus, such as a heading).
 */
void
ic_ui_leave_grid (GtkWidget        *grid,
                  GtkDirectionType  direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (grid));

  gtk_widget_set_can_focus (grid, FALSE);
  gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (grid, TRUE);
}

/**
 * ic_ui_focus_first:
 * @widget: a view or page just shown
 *
 * Gives the keyboard to @widget's first control. gtk_widget_child_focus()
 * alone goes on from the widget inside @widget that had the keyboard
 * last, so that showing the same view or page again moved the focus one
 * control further each time, onto a selectable label (its words then
 * all selected) and on.
 */
void
ic_ui_focus_first (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static gboolean
cut_label_tooltip_cb (GtkWidget  *widget,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      gpointer    data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/**
 * ic_ui_tooltip_when_cut:
 * @label: an ellipsized label
 *
 * Shows @label's whole text as its tooltip while the window is too
 * narrow for it (a report's title at 800 pixels), and no tooltip when
 * all of it is seen.
 */
void
ic_ui_tooltip_when_cut (GtkLabel *label)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cut_label_tooltip_cb), NULL);
}
