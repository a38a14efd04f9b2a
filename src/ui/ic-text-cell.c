/* ic-text-cell.c
 *
 * The text columns of the matrix and the report list (authority, type,
 * dates, file). A GtkLabel would do, but GTK 4.8 restyles every row a
 * list keeps widgets for on any change, and a label is a node matching
 * many theme rules: this cell is one node that draws its line itself
 * (IcDrawnCell), cut short with "…" and shown whole in its tooltip then.
 * A link cell (an authority's name) is also a button: focusable, it
 * emits ::activate on a click, Enter or Space.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-text-cell"

#include "config.h"

#include "ic-drawn-cell.h"
#include "ic-text-cell.h"

struct _IcTextCell
{
  IcDrawnCell parent_instance;
};

G_DEFINE_FINAL_TYPE (IcTextCell, ic_text_cell, IC_TYPE_DRAWN_CELL)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The whole text, when the cell cuts it short. */
static gboolean
ic_text_cell_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  IcDrawnCell *self = IC_DRAWN_CELL (widget);

  if (ic_drawn_cell_get_text (self) == NULL || !ic_drawn_cell_is_cut (self))
    return FALSE;
  gtk_tooltip_set_text (tooltip, ic_drawn_cell_get_text (self));
  return TRUE;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   IcTextCell      *self)
{
  /* Like a button: released over the cell, not dragged off it. */
  if (!gtk_widget_contains (GTK_WIDGET (self), x, y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
ic_text_cell_class_init (IcTextCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->query_tooltip = ic_text_cell_query_tooltip;

  /**
   * IcTextCell::activate:
   *
   * A link cell clicked, or Enter or Space on it.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  /* Only a link cell takes the keyboard, so only it hears these. */
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "textcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ic_text_cell_init (IcTextCell *self)
{
  ic_drawn_cell_set_mode (IC_DRAWN_CELL (self), IC_DRAWN_CELL_ELLIPSIZE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ic_text_cell_new (void)
{
  return g_object_new (IC_TYPE_TEXT_CELL, NULL);
}

/* A cell that is also a button (see ::activate). */
GtkWidget *
ic_text_cell_new_link (void)
{
  GtkWidget *self = g_object_new (IC_TYPE_TEXT_CELL,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_BUTTON,
                                  "focusable", TRUE,
                                  NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (self, GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_css_class (self, "link-cell");
  return self;
}

const char *
ic_text_cell_get_text (IcTextCell *self)
{
  g_return_val_if_fail (IC_IS_TEXT_CELL (self), NULL);
  return ic_drawn_cell_get_text (IC_DRAWN_CELL (self));
}

/* The text is also the cell's accessible label. */
void
ic_text_cell_set_text (IcTextCell *self,
                       const char *text)
{
  g_return_if_fail (IC_IS_TEXT_CELL (self));

  if (ic_drawn_cell_set_text (IC_DRAWN_CELL (self), text))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    text != NULL ? text : "", -1);
}

/* Whether the text is cut short at the cell's width. */
gboolean
ic_text_cell_is_cut (IcTextCell *self)
{
  g_return_val_if_fail (IC_IS_TEXT_CELL (self), FALSE);
  return ic_drawn_cell_is_cut (IC_DRAWN_CELL (self));
}
