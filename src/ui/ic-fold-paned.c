/* ic-fold-paned.c
 *
 * A report's details and its full text side by side in a GtkPaned, so
 * the user drags the handle between them; in a window too narrow for
 * both at their smallest (800 pixels, the smallest the GNOME guidelines
 * ask for), one at a time, as AdwLeaflet folds. libadwaita 1.2's
 * leaflet has no handle to resize its children with, and GtkPaned does
 * not fold: this is the two together. Folded, the pane not shown is
 * hidden, so the paned gives the other the whole width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-fold-paned"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-fold-paned.h"

/* Room for the handle when deciding whether both panes fit. */
#define HANDLE_ROOM 8

struct _IcFoldPaned
{
  GtkWidget  parent_instance;

  GtkPaned  *paned;
  GtkWidget *visible_child;  /* the pane shown when folded */
  gboolean   folded;
  int        placed_at;    /* where we put the handle, -1: not yet */
  gboolean   user_placed;  /* the user dragged it: it stays there */
  int        both_width;   /* the least width that shows both panes */
  guint      notify_tick;  /* "folded" to be said before the next layout */
};

G_DEFINE_FINAL_TYPE (IcFoldPaned, ic_fold_paned, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_START_CHILD,
  PROP_END_CHILD,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
min_width (GtkWidget *child)
{
  int min = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Folded, only the visible child is shown; unfolded, both. */
static void
show_panes (IcFoldPaned *self)
{
  GtkWidget *start = gtk_paned_get_start_child (self->paned);
  GtkWidget *end = gtk_paned_get_end_child (self->paned);
  GtkWidget *shown = self->visible_child != NULL ? self->visible_child : start;

  if (start != NULL)
    gtk_widget_set_visible (start, !self->folded || shown == start);
  if (end != NULL)
    gtk_widget_set_visible (end, !self->folded || shown == end);
}

/* Until the user drags it, the handle gives the details two fifths of
 * the width: at their smallest, long area names wrap word by word. */
static void
place_handle (IcFoldPaned *self,
              int          width)
{
  gboolean position_set;
  int start_min = min_width (gtk_paned_get_start_child (self->paned));
  int end_min = min_width (gtk_paned_get_end_child (self->paned));

  if (self->user_placed)
    return;
  g_object_get (self->paned, "position-set", &position_set, NULL);
  if (position_set && gtk_paned_get_position (self->paned) != self->placed_at)
    {
      self->user_placed = TRUE;
      return;
    }
  self->placed_at = MAX (start_min, MIN (width * 2 / 5, width - end_min - HANDLE_ROOM));
  gtk_paned_set_position (self->paned, self->placed_at);
}

static void
ic_fold_paned_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IcFoldPaned *self = IC_FOLD_PANED (widget);

  /* As narrow as the wider pane alone: narrower than both, it folds. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->paned), orientation, -1, NULL, natural, NULL, NULL);
      *minimum = MAX (min_width (gtk_paned_get_start_child (self->paned)),
                      min_width (gtk_paned_get_end_child (self->paned)));
      *natural = MAX (*natural, *minimum);
    }
  else
    gtk_widget_measure (GTK_WIDGET (self->paned), orientation, -1, minimum, natural, NULL, NULL);
}

/* Runs before the next frame's layout, where what listeners change is
 * allocated with the rest. */
static gboolean
notify_folded_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  IcFoldPaned *self = IC_FOLD_PANED (widget);

  self->notify_tick = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
  return G_SOURCE_REMOVE;
}

static void
ic_fold_paned_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IcFoldPaned *self = IC_FOLD_PANED (widget);
  gboolean folded;

  /* A hidden pane measures 0: the width both need is known while both
   * are shown, and kept while folded. */
  if (!self->folded)
    self->both_width = min_width (gtk_paned_get_start_child (self->paned)) + HANDLE_ROOM +
                       min_width (gtk_paned_get_end_child (self->paned));
  folded = width < self->both_width;

  if (folded != self->folded)
    {
      self->folded = folded;
      show_panes (self);
      /* As AdwLeaflet does: listeners show the buttons that move
       * between the panes. Not from here: a button outside the panes
       * (the page's "Full Text"), its box already allocated in this
       * layout, would be drawn unallocated ("Trying to snapshot GtkBox
       * without a current allocation") until the next. */
      if (self->notify_tick == 0)
        self->notify_tick = gtk_widget_add_tick_callback (widget, notify_folded_cb, NULL, NULL);
      /* The panes' visibility changed: measured again before allocated. */
      gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->paned), GTK_ORIENTATION_VERTICAL, width,
                          NULL, NULL, NULL, NULL);
    }
  if (!folded)
    place_handle (self, width);
  gtk_widget_allocate (GTK_WIDGET (self->paned), width, height, baseline, NULL);
}

static void
ic_fold_paned_dispose (GObject *object)
{
  IcFoldPaned *self = (IcFoldPaned *)object;

  self->visible_child = NULL;
  if (self->notify_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->notify_tick);
  self->notify_tick = 0;
  if (self->paned != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->paned));
  self->paned = NULL;

  G_OBJECT_CLASS (ic_fold_paned_parent_class)->dispose (object);
}

static void
ic_fold_paned_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IcFoldPaned *self = IC_FOLD_PANED (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      g_value_set_object (value, ic_fold_paned_get_start_child (self));
      break;
    case PROP_END_CHILD:
      g_value_set_object (value, ic_fold_paned_get_end_child (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_fold_paned_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IcFoldPaned *self = IC_FOLD_PANED (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      ic_fold_paned_set_start_child (self, g_value_get_object (value));
      break;
    case PROP_END_CHILD:
      ic_fold_paned_set_end_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_fold_paned_class_init (IcFoldPanedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_fold_paned_dispose;
  object_class->get_property = ic_fold_paned_get_property;
  object_class->set_property = ic_fold_paned_set_property;
  widget_class->measure = ic_fold_paned_measure;
  widget_class->size_allocate = ic_fold_paned_size_allocate;

  properties[PROP_START_CHILD] =
    g_param_spec_object ("start-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_CHILD] =
    g_param_spec_object ("end-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_fold_paned_init (IcFoldPaned *self)
{
  self->placed_at = -1;
  self->paned = GTK_PANED (gtk_paned_new (GTK_ORIENTATION_HORIZONTAL));
  /* A wider window widens the text; the details keep the width the
   * user dragged them to. Neither is ever cut below its smallest. */
  gtk_paned_set_resize_start_child (self->paned, FALSE);
  gtk_paned_set_shrink_start_child (self->paned, FALSE);
  gtk_paned_set_shrink_end_child (self->paned, FALSE);
  /* Named as the page's two panes were: the paned is what a screen
   * reader meets. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Report details and full text"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->paned), GTK_WIDGET (self));
}

GtkWidget *
ic_fold_paned_get_start_child (IcFoldPaned *self)
{
  g_return_val_if_fail (IC_IS_FOLD_PANED (self), NULL);
  return gtk_paned_get_start_child (self->paned);
}

void
ic_fold_paned_set_start_child (IcFoldPaned *self,
                               GtkWidget   *child)
{
  g_return_if_fail (IC_IS_FOLD_PANED (self));

  if (gtk_paned_get_start_child (self->paned) == child)
    return;
  gtk_paned_set_start_child (self->paned, child);
  show_panes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_CHILD]);
}

GtkWidget *
ic_fold_paned_get_end_child (IcFoldPaned *self)
{
  g_return_val_if_fail (IC_IS_FOLD_PANED (self), NULL);
  return gtk_paned_get_end_child (self->paned);
}

void
ic_fold_paned_set_end_child (IcFoldPaned *self,
                             GtkWidget   *child)
{
  g_return_if_fail (IC_IS_FOLD_PANED (self));

  if (gtk_paned_get_end_child (self->paned) == child)
    return;
  gtk_paned_set_end_child (self->paned, child);
  show_panes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_CHILD]);
}

gboolean
ic_fold_paned_get_folded (IcFoldPaned *self)
{
  g_return_val_if_fail (IC_IS_FOLD_PANED (self), FALSE);
  return self->folded;
}

/**
 * ic_fold_paned_set_visible_child:
 * @child: the start or the end child: the one shown when folded
 */
void
ic_fold_paned_set_visible_child (IcFoldPaned *self,
                                 GtkWidget   *child)
{
  g_return_if_fail (IC_IS_FOLD_PANED (self));
  g_return_if_fail (child == gtk_paned_get_start_child (self->paned) ||
                    child == gtk_paned_get_end_child (self->paned));

  self->visible_child = child;
  show_panes (self);
}

/**
 * ic_fold_paned_get_paned:
 *
 * Returns: (transfer none): the paned inside, whose handle the user drags
 */
GtkPaned *
ic_fold_paned_get_paned (IcFoldPaned *self)
{
  g_return_val_if_fail (IC_IS_FOLD_PANED (self), NULL);
  return self->paned;
}
