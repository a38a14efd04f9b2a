/* ic-text-cell.c
 *
 * The text columns of the matrix and the report list (authority, type,
 * dates, file). A GtkLabel would do, but GTK 4.8 restyles every row a
 * list keeps widgets for on any change, and a label is a node matching
 * many theme rules: this cell is one node that draws its line itself
 * (IcCellText), cut short with "…" and shown whole in its tooltip then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-text-cell"

#include "config.h"

#include "ic-cell-text.h"
#include "ic-text-cell.h"

struct _IcTextCell
{
  GtkWidget  parent_instance;

  IcCellText text;
};

G_DEFINE_FINAL_TYPE (IcTextCell, ic_text_cell, GTK_TYPE_WIDGET)

static void
ic_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  ic_cell_text_measure (&IC_TEXT_CELL (widget)->text, widget, orientation, for_size,
                        minimum, natural);
}

static void
ic_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  ic_cell_text_snapshot (&IC_TEXT_CELL (widget)->text, widget, snapshot);
}

static void
ic_text_cell_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ic_text_cell_parent_class)->css_changed (widget, change);
  ic_cell_text_style_changed (&IC_TEXT_CELL (widget)->text, widget, FALSE);
}

static void
ic_text_cell_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  ic_cell_text_style_changed (&IC_TEXT_CELL (widget)->text, widget, TRUE);
}

/* The whole text, when the cell cuts it short. */
static gboolean
ic_text_cell_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  IcTextCell *self = IC_TEXT_CELL (widget);

  if (self->text.text == NULL || !ic_text_cell_is_cut (self))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text.text);
  return TRUE;
}

static void
ic_text_cell_finalize (GObject *object)
{
  ic_cell_text_clear (&IC_TEXT_CELL (object)->text);

  G_OBJECT_CLASS (ic_text_cell_parent_class)->finalize (object);
}

static void
ic_text_cell_class_init (IcTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_text_cell_finalize;
  widget_class->measure = ic_text_cell_measure;
  widget_class->snapshot = ic_text_cell_snapshot;
  widget_class->css_changed = ic_text_cell_css_changed;
  widget_class->direction_changed = ic_text_cell_direction_changed;
  widget_class->query_tooltip = ic_text_cell_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "textcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ic_text_cell_init (IcTextCell *self)
{
  ic_cell_text_init (&self->text, IC_CELL_TEXT_ELLIPSIZE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ic_text_cell_new (void)
{
  return g_object_new (IC_TYPE_TEXT_CELL, NULL);
}

const char *
ic_text_cell_get_text (IcTextCell *self)
{
  g_return_val_if_fail (IC_IS_TEXT_CELL (self), NULL);
  return self->text.text;
}

/* The text is also the cell's accessible label. */
void
ic_text_cell_set_text (IcTextCell *self,
                       const char *text)
{
  g_return_if_fail (IC_IS_TEXT_CELL (self));

  if (!ic_cell_text_set_text (&self->text, text))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Whether the text is cut short at the cell's width. */
gboolean
ic_text_cell_is_cut (IcTextCell *self)
{
  g_return_val_if_fail (IC_IS_TEXT_CELL (self), FALSE);
  return ic_cell_text_is_cut (&self->text, GTK_WIDGET (self));
}
