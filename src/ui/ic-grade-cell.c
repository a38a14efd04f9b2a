/* ic-grade-cell.c
 *
 * A matrix cell is focusable, opens its report on a click, Enter or
 * Space, and reads the whole judgement to a screen reader: a button.
 * A GtkButton with its GtkLabel made two style nodes per cell that
 * match most of Adwaita's button rules. GTK 4.8 restyles every row it
 * keeps widgets for (up to 200) whenever a list changes, so while reports
 * arrived that restyle took 23–38 ms a frame. This widget is one node
 * with its own CSS name and draws its text itself (IcDrawnCell,
 * doc/ui-stalls.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-grade-cell"

#include "config.h"

#include "ic-drawn-cell.h"
#include "ic-grade-cell.h"

struct _IcGradeCell
{
  IcDrawnCell  parent_instance;

  char        *description;
};

G_DEFINE_FINAL_TYPE (IcGradeCell, ic_grade_cell, IC_TYPE_DRAWN_CELL)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
ic_grade_cell_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  IcGradeCell *self = IC_GRADE_CELL (widget);

  if (self->description == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   IcGradeCell     *self)
{
  /* Like a button: released over the cell, not dragged off it. */
  if (!gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
ic_grade_cell_finalize (GObject *object)
{
  IcGradeCell *self = (IcGradeCell *)object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ic_grade_cell_parent_class)->finalize (object);
}

static void
ic_grade_cell_class_init (IcGradeCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_grade_cell_finalize;
  widget_class->query_tooltip = ic_grade_cell_query_tooltip;

  /**
   * IcGradeCell::activate:
   *
   * A click, Enter or Space: the cell's report should open.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "gradecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
ic_grade_cell_init (IcGradeCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  ic_drawn_cell_set_mode (IC_DRAWN_CELL (self), IC_DRAWN_CELL_WRAP);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
ic_grade_cell_new (void)
{
  return g_object_new (IC_TYPE_GRADE_CELL, NULL);
}

const char *
ic_grade_cell_get_text (IcGradeCell *self)
{
  g_return_val_if_fail (IC_IS_GRADE_CELL (self), NULL);
  return ic_drawn_cell_get_text (IC_DRAWN_CELL (self));
}

void
ic_grade_cell_set_text (IcGradeCell *self,
                        const char  *text)
{
  g_return_if_fail (IC_IS_GRADE_CELL (self));

  ic_drawn_cell_set_text (IC_DRAWN_CELL (self), text);
}

const char *
ic_grade_cell_get_description (IcGradeCell *self)
{
  g_return_val_if_fail (IC_IS_GRADE_CELL (self), NULL);
  return self->description;
}

/* The accessible label and the tooltip: the judgement in full. */
void
ic_grade_cell_set_description (IcGradeCell *self,
                               const char  *description)
{
  g_return_if_fail (IC_IS_GRADE_CELL (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}
