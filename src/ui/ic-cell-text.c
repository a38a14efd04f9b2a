/* ic-cell-text.c
 *
 * GTK 4.8 restyles and re-measures every row a list keeps widgets for
 * whenever the list changes (doc/ui-stalls.md). A cell that draws its
 * own text is one style node instead of a widget and a GtkLabel, and it
 * keeps its layout and sizes until its text or font changes. Used by
 * IcGradeCell and IcTextCell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-cell-text"

#include "config.h"

#include "ic-cell-text.h"

/* As GtkLabel's max-width-chars: longer grades wrap onto more lines. */
#define MAX_WIDTH_CHARS 14
/* No height known yet (-1 is a width: "unconstrained"). */
#define NO_WIDTH G_MININT

static void
forget_sizes (IcCellText *self)
{
  self->widths_valid = FALSE;
  self->height_width = NO_WIDTH;
}

void
ic_cell_text_init (IcCellText     *self,
                   IcCellTextMode  mode)
{
  *self = (IcCellText) { .mode = mode };
  forget_sizes (self);
}

void
ic_cell_text_clear (IcCellText *self)
{
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
}

static PangoLayout *
ensure_layout (IcCellText *self,
               GtkWidget  *widget)
{
  if (self->layout != NULL)
    return self->layout;

  self->layout = gtk_widget_create_pango_layout (widget, self->text);
  if (self->mode == IC_CELL_TEXT_WRAP)
    {
      pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD);
    }
  else
    {
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
    }
  return self->layout;
}

/* Returns whether it changed. */
gboolean
ic_cell_text_set_text (IcCellText *self,
                       const char *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return FALSE;
  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  forget_sizes (self);
  return TRUE;
}

/* The size of the text laid out at @width (Pango units; -1: one line). */
static void
text_size (IcCellText *self,
           GtkWidget  *widget,
           int         width,
           int        *out_width,
           int        *out_height)
{
  PangoLayout *layout = ensure_layout (self, widget);
  PangoRectangle logical;

  pango_layout_set_width (layout, width);
  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = PANGO_PIXELS_CEIL (logical.width);
  if (out_height != NULL)
    *out_height = PANGO_PIXELS_CEIL (logical.height);
}

static int
max_text_width (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = MAX_WIDTH_CHARS * pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return width;
}

static void
ensure_widths (IcCellText *self,
               GtkWidget  *widget)
{
  int one_line;

  if (self->widths_valid)
    return;
  text_size (self, widget, -1, &one_line, NULL);
  if (self->mode == IC_CELL_TEXT_WRAP)
    {
      /* A width of 0 breaks at every word: the longest word remains. */
      text_size (self, widget, 0, &self->min_width, NULL);
      self->natural_width = MAX (self->min_width,
                                 MIN (one_line, PANGO_PIXELS_CEIL (max_text_width (widget))));
    }
  else
    {
      /* Cut down to "…" at the least, as an ellipsized GtkLabel. */
      text_size (self, widget, 0, &self->min_width, NULL);
      self->natural_width = MAX (self->min_width, one_line);
    }
  self->widths_valid = TRUE;
}

static int
height_for_width (IcCellText *self,
                  GtkWidget  *widget,
                  int         width)
{
  if (self->height_width != width)
    {
      int pango_width = width >= 0 ? width * PANGO_SCALE : -1;

      if (width < 0 && self->mode == IC_CELL_TEXT_WRAP)
        pango_width = max_text_width (widget);
      text_size (self, widget, pango_width, NULL, &self->height);
      self->height_width = width;
    }
  return self->height;
}

void
ic_cell_text_measure (IcCellText     *self,
                      GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      ensure_widths (self, widget);
      *minimum = self->min_width;
      *natural = self->natural_width;
    }
  else
    {
      *minimum = *natural = height_for_width (self, widget, for_size);
    }
}

void
ic_cell_text_snapshot (IcCellText  *self,
                       GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout = ensure_layout (self, widget);
  GdkRGBA color;
  int text_height;

  if (self->text == NULL || *self->text == '\0')
    return;

  text_height = height_for_width (self, widget, width);
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

/* The font comes from CSS (bold grades, normal "none"). A list restyles
 * all its rows whenever one changes, so the layout and sizes are kept
 * unless the font itself changed; GtkWidget queues the resize or redraw
 * any other style change needs. */
void
ic_cell_text_style_changed (IcCellText *self,
                            GtkWidget  *widget,
                            gboolean    direction_changed)
{
  const PangoFontDescription *font;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (!direction_changed && self->font != NULL && font != NULL &&
      pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font != NULL ? pango_font_description_copy (font) : NULL;
  g_clear_object (&self->layout);
  forget_sizes (self);
  gtk_widget_queue_resize (widget);
}

gboolean
ic_cell_text_is_cut (IcCellText *self,
                     GtkWidget  *widget)
{
  PangoLayout *layout = ensure_layout (self, widget);

  pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  return pango_layout_is_ellipsized (layout);
}
