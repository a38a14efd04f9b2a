/* ic-size-fence.c
 *
 * Any change in a GTK 4.8 list view queues a resize, and on X11 the
 * window then measures everything it holds to learn its minimum size:
 * every cell of the 100 to 200 rows a list keeps widgets for, 20–30 ms
 * a frame while reports arrive. A scrolled list's size does not depend
 * on its rows, so a fence around it answers the window's question
 * without asking the list; the list is measured only when it is laid
 * out, at the size it gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-size-fence"

#include "config.h"

#include "ic-size-fence.h"

/* What a scrolled list asks for: room for a few rows and columns. */
#define REQUEST_WIDTH  240
#define REQUEST_HEIGHT 160

struct _IcSizeFence
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

static void ic_size_fence_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcSizeFence, ic_size_fence, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      ic_size_fence_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
ic_size_fence_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? REQUEST_WIDTH : REQUEST_HEIGHT;
}

static void
ic_size_fence_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IcSizeFence *self = IC_SIZE_FENCE (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
ic_size_fence_dispose (GObject *object)
{
  IcSizeFence *self = (IcSizeFence *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (ic_size_fence_parent_class)->dispose (object);
}

static void
ic_size_fence_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_WIDGET (child))
    ic_size_fence_set_child (IC_SIZE_FENCE (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
ic_size_fence_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = ic_size_fence_add_child;
}

static void
ic_size_fence_class_init (IcSizeFenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_size_fence_dispose;
  widget_class->measure = ic_size_fence_measure;
  widget_class->size_allocate = ic_size_fence_size_allocate;
}

static void
ic_size_fence_init (IcSizeFence *self)
{
}

GtkWidget *
ic_size_fence_new (void)
{
  return g_object_new (IC_TYPE_SIZE_FENCE, NULL);
}

GtkWidget *
ic_size_fence_get_child (IcSizeFence *self)
{
  g_return_val_if_fail (IC_IS_SIZE_FENCE (self), NULL);
  return self->child;
}

void
ic_size_fence_set_child (IcSizeFence *self,
                         GtkWidget   *child)
{
  g_return_if_fail (IC_IS_SIZE_FENCE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}
