/* ic-wrap-layout.c
 *
 * A bar of controls (the filter bar) as wide as its controls side by
 * side, and, in a window narrower than that (800 pixels, the smallest
 * the GNOME guidelines ask for), the controls that do not fit start a
 * new line, as words do. libadwaita 1.2 has no wrap box and no
 * breakpoints; this is the least it takes. Each child keeps its natural
 * width (cut to the line when wider); a child aligned to the end goes to
 * the end of its line; lines are mirrored in right-to-left text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-wrap-layout"

#include "config.h"

#include "ic-wrap-layout.h"

#define SPACING 6
#define LINE_SPACING 6

struct _IcWrapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (IcWrapLayout, ic_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width @child takes in a line @available wide. */
static int
child_width (GtkWidget *child,
             int        available)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return available < 0 ? nat : MAX (min, MIN (nat, available));
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int min, nat;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* Lays the children out in lines @width wide (-1: one line) and returns
 * the height taken; allocates them when @allocate. */
static int
lay_out (GtkWidget *widget,
         int        width,
         gboolean   allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;

  while (line_start != NULL)
    {
      GtkWidget *line_end = line_start;
      int x = 0, line_height = 0;

      /* Take children while they fit; a line has at least one. */
      for (GtkWidget *c = line_start; c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          int w;

          line_end = gtk_widget_get_next_sibling (c);
          if (!gtk_widget_should_layout (c))
            continue;
          w = child_width (c, width);
          if (x > 0 && width >= 0 && x + w > width)
            {
              line_end = c;
              break;
            }
          line_height = MAX (line_height, child_height (c, w));
          x += w + SPACING;
        }
      if (allocate)
        {
          int left = 0;

          for (GtkWidget *c = line_start; c != line_end; c = gtk_widget_get_next_sibling (c))
            {
              int w, h, cx;

              if (!gtk_widget_should_layout (c))
                continue;
              w = child_width (c, width);
              h = child_height (c, w);
              if (gtk_widget_get_halign (c) == GTK_ALIGN_END)
                left = MAX (left, width - w);
              cx = rtl ? width - left - w : left;
              gtk_widget_allocate (c, w, h, -1,
                                   gsk_transform_translate (NULL,
                                     &GRAPHENE_POINT_INIT (cx, y + (line_height - h) / 2)));
              left += w + SPACING;
            }
        }
      y += line_height + LINE_SPACING;
      line_start = line_end;
    }
  return MAX (0, y - LINE_SPACING);
}

static void
ic_wrap_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = lay_out (widget, for_size, FALSE);
      return;
    }

  /* As narrow as the widest child; naturally all on one line. */
  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min, nat;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural += nat + (*natural > 0 ? SPACING : 0);
    }
}

static void
ic_wrap_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  lay_out (widget, width, TRUE);
}

static GtkSizeRequestMode
ic_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ic_wrap_layout_class_init (IcWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = ic_wrap_layout_measure;
  layout_class->allocate = ic_wrap_layout_allocate;
  layout_class->get_request_mode = ic_wrap_layout_get_request_mode;
}

static void
ic_wrap_layout_init (IcWrapLayout *self)
{
}

GtkLayoutManager *
ic_wrap_layout_new (void)
{
  return g_object_new (IC_TYPE_WRAP_LAYOUT, NULL);
}
