/* ic-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-ui-util"

#include "config.h"

#include <glib/gi18n.h>

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
  for (guint i = 0; i < IC_N_GRADES; i++)
    gtk_widget_remove_css_class (widget, grade_classes[i]);
  gtk_widget_add_css_class (widget, ic_ui_grade_css_class (grade));
}

/* Before 2023 one ILACS judgement covered children in care and care
 * leavers (DOMAIN.md): that cell is "part of", not missing. */
static gboolean
is_part_of_children_in_care (IcReport *report,
                             IcArea    area)
{
  return area == IC_AREA_CARE_LEAVERS &&
         ic_report_get_inspection_type (report) == IC_INSPECTION_TYPE_ILACS &&
         ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE) != IC_GRADE_NONE;
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
    return g_strdup (_("Not graded"));
  if (*grade != IC_GRADE_NONE)
    return g_strdup (ic_grade_to_label (*grade));
  if (is_part_of_children_in_care (report, area))
    return g_strdup (_("Part of children in care"));
  return g_strdup ("—");
}

char *
ic_ui_report_date (IcReport *report)
{
  g_autofree char *text = ic_date_to_display (ic_report_get_end_date (report));

  if (text == NULL)
    text = ic_date_to_display (ic_report_get_sort_date (report));
  return text ? g_steal_pointer (&text) : g_strdup (_("Date unknown"));
}

/* What a screen reader says for one cell, e.g. "Richmond upon Thames,
 * Overall effectiveness, Good, inspection ended 4 February 2022". */
char *
ic_ui_cell_description (IcReport *report,
                        IcArea    area)
{
  g_autofree char *date = ic_date_to_display (ic_report_get_end_date (report));
  g_autofree char *value = NULL;
  IcGrade grade;

  value = ic_ui_cell_text (report, area, &grade);
  if (g_str_equal (value, "—"))

    {
      g_free (value);
      value = g_strdup (_("not judged"));
    }

  if (date == NULL)
    return g_strdup_printf (_("%s, %s, %s, date unknown"),
                            ic_report_get_authority (report), ic_area_to_label (area), value);
  return g_strdup_printf (_("%s, %s, %s, inspection ended %s"),
                          ic_report_get_authority (report), ic_area_to_label (area), value, date);
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

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  IcReportTextFunc text_func = (IcReportTextFunc) user_data;
  g_autofree char *text = text_func (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

/**
 * ic_ui_add_text_column:
 * @text_func: returns the cell's text (transfer full)
 * @compare: (nullable): the column's sort order over #IcReport items
 *
 * Returns: (transfer none): the column, appended to @column_view
 */
GtkColumnViewColumn *
ic_ui_add_text_column (GtkColumnView    *column_view,
                       const char       *title,
                       IcReportTextFunc  text_func,
                       GCompareDataFunc  compare)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cb), (gpointer) text_func);
  column = gtk_column_view_column_new (title, factory);
  if (compare != NULL)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (column_view, column);
  g_object_unref (column);
  return column;
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
