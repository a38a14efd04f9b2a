/* ic-grade-cell.c
 *
 * A matrix cell is focusable, opens its report on a click, Enter or
 * Space, and reads the whole judgement to a screen reader: a button.
 * A GtkButton with its GtkLabel made two style nodes per cell that
 * match most of Adwaita's button rules. GTK 4.8 restyles every row it
 * keeps widgets for (up to 200) whenever a list changes, so while reports
 * arrived that restyle took 23–38 ms a frame. This widget is one node
 * with its own CSS name and draws its text itself (doc/ui-stalls.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-grade-cell"

#include "config.h"

#include "ic-grade-cell.h"

/* As GtkLabel's max-width-chars: longer grades wrap onto more lines. */
#define MAX_WIDTH_CHARS 14
/* No height known yet (-1 is a width: "unconstrained"). */
#define NO_WIDTH G_MININT

struct _IcGradeCell
{
  GtkWidget    parent_instance;

  char        *text;
  char        *description;
  PangoLayout *layout;   /* made on demand; dropped when the font may change */

  /* Sizes, kept until the text or the font changes: a list measures its
   * cells again whenever any row changes. */
  gboolean     widths_valid;
  int          natural_width;
  int          word_width;     /* the longest word */
  int          height_width;   /* the width height was found for */
  int          height;
  PangoFontDescription *font;  /* the font the sizes were found with */
};

G_DEFINE_FINAL_TYPE (IcGradeCell, ic_grade_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static PangoLayout *
ensure_layout (IcGradeCell *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD);
    }
  return self->layout;
}

static void
forget_sizes (IcGradeCell *self)
{
  self->widths_valid = FALSE;
  self->height_width = NO_WIDTH;
}

static void
drop_layout (IcGradeCell *self)
{
  g_clear_object (&self->layout);
  forget_sizes (self);
}

static int
max_text_width (IcGradeCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = MAX_WIDTH_CHARS * pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return width;
}

/* The width of the text laid out at @width (Pango units; -1: one line). */
static void
text_size (IcGradeCell *self,
           int          width,
           int         *out_width,
           int         *out_height)
{
  PangoLayout *layout = ensure_layout (self);
  PangoRectangle logical;

  pango_layout_set_width (layout, width);
  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = PANGO_PIXELS_CEIL (logical.width);
  if (out_height != NULL)
    *out_height = PANGO_PIXELS_CEIL (logical.height);
}

static void
ensure_widths (IcGradeCell *self)
{
  int one_line;

  if (self->widths_valid)
    return;
  text_size (self, -1, &one_line, NULL);
  /* A width of 0 breaks at every word: the longest word remains. */
  text_size (self, 0, &self->word_width, NULL);
  self->natural_width = MAX (self->word_width,
                             MIN (one_line, PANGO_PIXELS_CEIL (max_text_width (self))));
  self->widths_valid = TRUE;
}

static int
height_for_width (IcGradeCell *self,
                  int          width)
{
  if (self->height_width != width)
    {
      text_size (self, width >= 0 ? width * PANGO_SCALE : max_text_width (self), NULL,
                 &self->height);
      self->height_width = width;
    }
  return self->height;
}

static void
ic_grade_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IcGradeCell *self = IC_GRADE_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      ensure_widths (self);
      *minimum = self->word_width;
      *natural = self->natural_width;
    }
  else
    {
      *minimum = *natural = height_for_width (self, for_size);
    }
}

static GtkSizeRequestMode
ic_grade_cell_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ic_grade_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IcGradeCell *self = IC_GRADE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout = ensure_layout (self);
  GdkRGBA color;
  int text_height;

  if (self->text == NULL || *self->text == '\0')
    return;

  text_height = height_for_width (self, width);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  /* gtk_widget_get_color() is GTK 4.10; this is its 4.8 spelling. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The font comes from CSS (bold grades, normal "none"). A list
 * restyles all its rows whenever one changes, so the layout and sizes
 * are kept unless the font itself changed; GtkWidget queues the resize
 * or redraw a style change needs. */
static void
ic_grade_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  IcGradeCell *self = IC_GRADE_CELL (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (ic_grade_cell_parent_class)->css_changed (widget, change);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font != NULL ? pango_font_description_copy (font) : NULL;
  drop_layout (self);
  gtk_widget_queue_resize (widget);
}

static void
ic_grade_cell_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  drop_layout (IC_GRADE_CELL (widget));
  gtk_widget_queue_resize (widget);
}

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

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (ic_grade_cell_parent_class)->finalize (object);
}

static void
ic_grade_cell_class_init (IcGradeCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_grade_cell_finalize;
  widget_class->get_request_mode = ic_grade_cell_get_request_mode;
  widget_class->measure = ic_grade_cell_measure;
  widget_class->snapshot = ic_grade_cell_snapshot;
  widget_class->css_changed = ic_grade_cell_css_changed;
  widget_class->direction_changed = ic_grade_cell_direction_changed;
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
  self->height_width = NO_WIDTH;
  GtkGesture *click = gtk_gesture_click_new ();

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
  return self->text;
}

void
ic_grade_cell_set_text (IcGradeCell *self,
                        const char  *text)
{
  g_return_if_fail (IC_IS_GRADE_CELL (self));

  if (!set_str (&self->text, text))
    return;
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  forget_sizes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

  if (!set_str (&self->description, description))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}
