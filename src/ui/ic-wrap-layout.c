/* ic-wrap-layout.c
 *
 * A bar of controls (the filter bar) as wide as its controls side by
 * side, and, in a window narrower than that (800 pixels, the smallest
 * the GNOME guidelines ask for), the controls that do not fit start a
 * new line, as words do. libadwaita 1.2 has no wrap box and no
 * breakpoints; this is the least it takes. Each child keeps its natural
 * width (cut to the line when wider), unless narrowing the text entries
 * (the search) keeps the next child on the line; a
 * child aligned to the end goes to the end of its line; lines are
 * mirrored in right-to-left text.
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

static int
child_min_width (GtkWidget *child)
{
  int min;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

typedef struct
{
  GtkWidget *child;
  int        width;
  int        min;
} Placed;

/* Narrows the line's children that can be narrower (text entries),
 * each by its share of the @excess, so the line fits. */
static void
shrink_line (GArray *placed,
             int     excess,
             int     slack)
{
  if (excess <= 0 || slack <= 0)
    return;
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      int room = p->width - p->min;
      /* Rounded up: the line must not end a pixel past its width. */
      int cut = (int) (((gint64) excess * room + slack - 1) / slack);

      p->width -= MIN (cut, room);
    }
}

/* Takes the children of one line from @start into @placed, at the widths
 * they get there, and returns the first child of the next line. A child
 * stays on the line when it fits at its natural width, or when narrowing
 * the line's other children to their minimum makes room for it: a
 * control wrapped alone onto a line of its own costs the views a line. */
static GtkWidget *
take_line (GtkWidget *start,
           int        width,
           GArray    *placed)
{
  GtkWidget *c;
  int x = 0, slack = 0;

  for (c = start; c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      Placed p = { c, 0, 0 };

      if (!gtk_widget_should_layout (c))
        continue;
      p.width = child_width (c, width);
      /* Only text entries narrow: a drop-down cut short loses its value
       * ("Compa…"), an entry only room to type in. */
      p.min = GTK_IS_EDITABLE (c) ? MIN (child_min_width (c), p.width) : p.width;
      if (placed->len > 0 && width >= 0 && x + p.min - slack > width)
        break;
      g_array_append_val (placed, p);
      x += p.width + SPACING;
      slack += p.width - p.min;
    }
  if (width >= 0)
    shrink_line (placed, x - SPACING - width, slack);
  return c;
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
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  int y = 0;

  while (line_start != NULL)
    {
      int line_height = 0, left = 0;

      g_array_set_size (placed, 0);
      line_start = take_line (line_start, width, placed);
      for (guint i = 0; i < placed->len; i++)
        {
          Placed *p = &g_array_index (placed, Placed, i);

          line_height = MAX (line_height, child_height (p->child, p->width));
        }
      for (guint i = 0; allocate && i < placed->len; i++)
        {
          Placed *p = &g_array_index (placed, Placed, i);
          int h = child_height (p->child, p->width);
          int cx;

          if (gtk_widget_get_halign (p->child) == GTK_ALIGN_END)
            left = MAX (left, width - p->width);
          cx = rtl ? width - left - p->width : left;
          gtk_widget_allocate (p->child, p->width, h, -1,
                               gsk_transform_translate (NULL,
                                 &GRAPHENE_POINT_INIT (cx, y + (line_height - h) / 2)));
          left += p->width + SPACING;
        }
      y += line_height + LINE_SPACING;
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
