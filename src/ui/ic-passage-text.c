/* ic-passage-text.c
 *
 * GTK 4.8's list view keeps widgets for up to 200 rows around what is
 * shown and measures every one of them: with a wrapping GtkLabel per
 * passage, a search of a thousand passages laid out 200 snippets of two
 * lines before its first frame (about a second under Xvfb). A passage's
 * height is found here from the font's metrics and the snippet's length
 * instead, so measuring costs no layout; the text is laid out when the
 * row is drawn. The estimate leans long (a line to spare rather than a
 * word lost); a snippet that still does not fit ends in "…".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-passage-text"

#include "config.h"

#include "ic-passage-text.h"

/* A passage longer than this many lines at the width given is cut. */
#define MAX_LINES 6
/* Words wrap before a line is full: count a line as 85 % of its width. */
#define LINE_FILL 0.85

struct _IcPassageText
{
  GtkWidget             parent_instance;

  char                 *markup;
  char                 *text;
  glong                 n_chars;
  PangoLayout          *layout;       /* made when first drawn */
  char                 *laid_out;     /* the markup @layout shows */
  PangoFontDescription *font;         /* the font the metrics are for */
  int                   line_height;  /* pixels; 0: not known yet */
  int                   char_width;   /* Pango units, an average */
};

G_DEFINE_FINAL_TYPE (IcPassageText, ic_passage_text, GTK_TYPE_WIDGET)

/* Every passage of a list has the same font: its metrics are found once
 * (pango shapes a sample text to find them). Main thread only. */
static struct
{
  PangoFontDescription *font;
  int                   line_height;
  int                   char_width;
} metrics_cache;

static void
ensure_metrics (IcPassageText *self)
{
  PangoContext *context;
  const PangoFontDescription *font;
  PangoFontMetrics *metrics;

  if (self->line_height > 0)
    return;
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  if (metrics_cache.font == NULL || font == NULL ||
      !pango_font_description_equal (metrics_cache.font, font))
    {
      metrics = pango_context_get_metrics (context, NULL, NULL);
      /* A layout's line is ascent plus descent; the metrics' height may
       * add the font's line gap. Whichever is taller. */
      metrics_cache.line_height =
        PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_height (metrics),
                                pango_font_metrics_get_ascent (metrics) +
                                pango_font_metrics_get_descent (metrics)));
      metrics_cache.char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics));
      pango_font_metrics_unref (metrics);
      g_clear_pointer (&metrics_cache.font, pango_font_description_free);
      metrics_cache.font = font != NULL ? pango_font_description_copy (font) : NULL;
    }
  self->line_height = MAX (1, metrics_cache.line_height);
  self->char_width = metrics_cache.char_width;
}

static int
lines_for_width (IcPassageText *self,
                 int            width)
{
  double per_line;

  if (self->n_chars == 0)
    return 0;
  if (width < 0)
    return 2;
  per_line = MAX (1.0, (double) width * PANGO_SCALE / self->char_width * LINE_FILL);
  return CLAMP ((int) ((self->n_chars + per_line - 1) / per_line), 1, MAX_LINES);
}

static GtkSizeRequestMode
ic_passage_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ic_passage_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IcPassageText *self = IC_PASSAGE_TEXT (widget);

  ensure_metrics (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As a wrapping label's: a few words at least, a long line at most. */
      *minimum = PANGO_PIXELS_CEIL (12 * self->char_width);
      *natural = PANGO_PIXELS_CEIL (MIN (self->n_chars, 80) * self->char_width);
      *natural = MAX (*minimum, *natural);
    }
  else
    {
      *minimum = *natural = lines_for_width (self, for_size) * self->line_height;
    }
}

static PangoLayout *
ensure_layout (IcPassageText *self)
{
  if (self->layout != NULL)
    return self->layout;
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (self->layout, self->markup, -1);
  g_free (self->laid_out);
  self->laid_out = g_strdup (self->markup);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  return self->layout;
}

static void
ic_passage_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IcPassageText *self = IC_PASSAGE_TEXT (widget);
  PangoLayout *layout;
  GdkRGBA color;

  if (self->markup == NULL || *self->markup == '\0')
    return;
  ensure_metrics (self);
  layout = ensure_layout (self);
  pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  /* A negative height is a number of lines: the ones measured for. */
  pango_layout_set_height (layout, -MAX (1, gtk_widget_get_height (widget) / self->line_height));
  /* gtk_widget_get_color() is GTK 4.10; this is its 4.8 spelling. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_append_layout (snapshot, layout, &color);
}

/* A list restyles all its rows whenever one changes: the metrics and
 * layout are kept unless the font itself changed. */
static void
ic_passage_text_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  IcPassageText *self = IC_PASSAGE_TEXT (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (ic_passage_text_parent_class)->css_changed (widget, change);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font != NULL ? pango_font_description_copy (font) : NULL;
  g_clear_object (&self->layout);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
ic_passage_text_finalize (GObject *object)
{
  IcPassageText *self = IC_PASSAGE_TEXT (object);

  g_free (self->markup);
  g_free (self->text);
  g_free (self->laid_out);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  G_OBJECT_CLASS (ic_passage_text_parent_class)->finalize (object);
}

static void
ic_passage_text_class_init (IcPassageTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_passage_text_finalize;
  widget_class->get_request_mode = ic_passage_text_get_request_mode;
  widget_class->measure = ic_passage_text_measure;
  widget_class->snapshot = ic_passage_text_snapshot;
  widget_class->css_changed = ic_passage_text_css_changed;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ic_passage_text_init (IcPassageText *self)
{
}

GtkWidget *
ic_passage_text_new (void)
{
  return g_object_new (IC_TYPE_PASSAGE_TEXT, NULL);
}

void
ic_passage_text_set_markup (IcPassageText *self,
                            const char    *markup,
                            const char    *text)
{
  g_return_if_fail (IC_IS_PASSAGE_TEXT (self));

  g_free (self->markup);
  self->markup = g_strdup (markup);
  g_free (self->text);
  self->text = g_strdup (text);
  self->n_chars = text != NULL ? g_utf8_strlen (text, -1) : 0;
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text ? self->text : "", -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
ic_passage_text_get_text (IcPassageText *self)
{
  g_return_val_if_fail (IC_IS_PASSAGE_TEXT (self), NULL);
  return self->text;
}

const char *
ic_passage_text_get_laid_out (IcPassageText *self)
{
  g_return_val_if_fail (IC_IS_PASSAGE_TEXT (self), NULL);
  return self->layout != NULL ? self->laid_out : NULL;
}
