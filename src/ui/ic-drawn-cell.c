/* ic-drawn-cell.c
 *
 * GTK 4.8 restyles and re-measures every row a list keeps widgets for
 * whenever the list changes (doc/ui-stalls.md). A cell that draws its
 * own text is one style node instead of a widget holding a GtkLabel, and
 * it keeps its layout and sizes until its text or font changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-drawn-cell"

#include "config.h"

#include <pango/pangocairo.h>

#include "ic-drawn-cell.h"
#include "ic-display-text.h"

/* As GtkLabel's max-width-chars: longer grades wrap onto more lines. */
#define MAX_WIDTH_CHARS 14
/* No height known yet (-1 is a width: "unconstrained"). */
#define NO_WIDTH G_MININT

typedef struct
{
  IcDrawnCellMode       mode;
  char                 *text;
  PangoLayout          *layout;        /* made on demand */
  PangoFontDescription *font;          /* the font the sizes were found with */
  gboolean              widths_valid;
  int                   min_width;
  int                   natural_width;
  int                   height_width;  /* the width height was found for */
  int                   height;
  int                   max_width;     /* Pango units; -1: not found for this font yet */
  char                 *font_key;      /* font, resolution, options, direction; NULL: not found yet */
  guint                 n_layouts;     /* laid out to be measured, for tests */
} IcDrawnCellPrivate;

/* Sizes found for a text in a font, shared by every cell showing it:
 * a reopen's batch gives a screenful of rows new reports at once, and
 * most of their cells show a text some cell showed before (a grade, a
 * type, an authority). Laying each out three times to measure it was
 * 40 % of such a frame's main-thread time (doc/ui-stalls.md). A grade
 * is shown in columns of several widths: one height kept per text made
 * each column lay it out again for the next (seven layouts of "Not
 * graded" in the first rows' frame), so heights are kept per width. */
#define MAX_SHARED_HEIGHTS 16

typedef struct
{
  gboolean widths_found;
  int      min_width;
  int      natural_width;
  int      line_width;   /* Pango units: the text on one line */
  int      line_height;
  guint    n_heights;
  guint    next_height;  /* the slot taken next once all are used */
  int      height_widths[MAX_SHARED_HEIGHTS];
  int      heights[MAX_SHARED_HEIGHTS];
} SharedSizes;

/* Enough for a national archive's texts; emptied when full. */
#define MAX_SHARED_SIZES 20000

static GHashTable *shared_sizes;  /* font key, mode and text -> SharedSizes */
static guint n_text_layouts;

G_DEFINE_TYPE_WITH_PRIVATE (IcDrawnCell, ic_drawn_cell, GTK_TYPE_WIDGET)

#define PRIV(self) ((IcDrawnCellPrivate *) ic_drawn_cell_get_instance_private (IC_DRAWN_CELL (self)))

static void
forget_sizes (IcDrawnCellPrivate *priv)
{
  priv->widths_valid = FALSE;
  priv->height_width = NO_WIDTH;
}

/* Report text may hold characters pango refuses; see ic-display-text.c. */
static void
set_layout_text (IcDrawnCellPrivate *priv)
{
  g_autofree char *clean = ic_display_text (priv->text);

  pango_layout_set_text (priv->layout, clean, -1);
}

static PangoLayout *
ensure_layout (IcDrawnCell *self)
{
  IcDrawnCellPrivate *priv = PRIV (self);

  if (priv->layout != NULL)
    return priv->layout;

  priv->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  set_layout_text (priv);
  if (priv->mode == IC_DRAWN_CELL_WRAP)
    {
      pango_layout_set_alignment (priv->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (priv->layout, PANGO_WRAP_WORD);
    }
  else
    {
      pango_layout_set_ellipsize (priv->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (priv->layout, TRUE);
    }
  return priv->layout;
}

/* The text's logical extents laid out at @width (Pango units; -1: one
 * line). */
static void
text_extents (IcDrawnCell    *self,
              int             width,
              PangoRectangle *logical)
{
  PangoLayout *layout = ensure_layout (self);

  n_text_layouts++;
  PRIV (self)->n_layouts++;
  pango_layout_set_width (layout, width);
  pango_layout_get_extents (layout, NULL, logical);
}

/* The size of the text laid out at @width, in pixels. */
static void
text_size (IcDrawnCell *self,
           int          width,
           int         *out_width,
           int         *out_height)
{
  PangoRectangle logical;

  text_extents (self, width, &logical);
  if (out_width != NULL)
    *out_width = PANGO_PIXELS_CEIL (logical.width);
  if (out_height != NULL)
    *out_height = PANGO_PIXELS_CEIL (logical.height);
}

/* Pango shapes a sample text for each pango_context_get_metrics(): a
 * row asked it twice per grade cell. The widths are kept by font,
 * resolution and font options, which is all they depend on. */
static int
find_max_text_width (IcDrawnCell *self)
{
  static GHashTable *widths;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  char *key = g_strdup_printf ("%s|%g|%lu", font, pango_cairo_context_get_resolution (context),
                               options != NULL ? cairo_font_options_hash (options) : 0);
  gpointer width;
  PangoFontMetrics *metrics;

  if (widths == NULL)
    widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (widths, key, NULL, &width))
    {
      g_free (key);
      return GPOINTER_TO_INT (width);
    }
  metrics = pango_context_get_metrics (context, NULL, NULL);
  width = GINT_TO_POINTER (MAX_WIDTH_CHARS * pango_font_metrics_get_approximate_char_width (metrics));
  pango_font_metrics_unref (metrics);
  g_hash_table_insert (widths, key, width);
  return GPOINTER_TO_INT (width);
}

/* Kept by the cell until its font changes: a row is bound again often. */
static int
max_text_width (IcDrawnCell *self)
{
  IcDrawnCellPrivate *priv = PRIV (self);

  if (priv->max_width < 0)
    priv->max_width = find_max_text_width (self);
  return priv->max_width;
}

/* What a text's sizes depend on besides the text: the font, resolution,
 * font options and direction of the cell's Pango context, and its mode. */
static const char *
font_key (IcDrawnCell *self)
{
  IcDrawnCellPrivate *priv = PRIV (self);

  if (priv->font_key == NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
      const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

      priv->font_key = g_strdup_printf ("%s|%g|%lu|%d|%d", font, pango_cairo_context_get_resolution (context),
                                        options != NULL ? cairo_font_options_hash (options) : 0,
                                        pango_context_get_base_dir (context), priv->mode);
    }
  return priv->font_key;
}

/* At width 0 a line cut short is cut down to "…" whatever its text:
 * its minimum width is the ellipsis's, kept by font, so that a new
 * text (an authority, a date) is laid out once to be measured, not
 * twice. */
static int
ellipsis_width (IcDrawnCell *self)
{
  static GHashTable *widths;
  const char *key = font_key (self);
  gpointer width;
  PangoLayout *layout;
  PangoRectangle logical;

  if (widths == NULL)
    widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (widths, key, NULL, &width))
    return GPOINTER_TO_INT (width);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "\u2026");
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (layout);
  width = GINT_TO_POINTER (PANGO_PIXELS_CEIL (logical.width));
  g_hash_table_insert (widths, g_strdup (key), width);
  return GPOINTER_TO_INT (width);
}

/* The sizes shared by the cells showing this cell's text in its font,
 * made empty if none was found yet. */
static SharedSizes *
shared_sizes_for (IcDrawnCell *self)
{
  IcDrawnCellPrivate *priv = PRIV (self);
  char *key = g_strconcat (font_key (self), "\n", priv->text != NULL ? priv->text : "", NULL);
  SharedSizes *sizes;

  if (shared_sizes == NULL || g_hash_table_size (shared_sizes) >= MAX_SHARED_SIZES)
    {
      g_clear_pointer (&shared_sizes, g_hash_table_unref);
      shared_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  sizes = g_hash_table_lookup (shared_sizes, key);
  if (sizes != NULL)
    {
      g_free (key);
      return sizes;
    }
  sizes = g_new0 (SharedSizes, 1);
  g_hash_table_insert (shared_sizes, key, sizes);
  return sizes;
}

/* @height: (out) (optional) */
static gboolean
shared_height (SharedSizes *sizes,
               int          width,
               int         *height)
{
  for (guint i = 0; i < sizes->n_heights; i++)
    if (sizes->height_widths[i] == width)
      {
        if (height != NULL)
          *height = sizes->heights[i];
        return TRUE;
      }
  return FALSE;
}

static void
share_height (SharedSizes *sizes,
              int          width,
              int          height)
{
  guint slot = sizes->next_height;

  sizes->height_widths[slot] = width;
  sizes->heights[slot] = height;
  sizes->n_heights = MAX (sizes->n_heights, slot + 1);
  sizes->next_height = (slot + 1) % MAX_SHARED_HEIGHTS;
}

/* A line cut short is one line high at any width: its cells share one
 * height whatever their columns' widths. */
static int
height_key (IcDrawnCellPrivate *priv,
            int                 width)
{
  return priv->mode == IC_DRAWN_CELL_ELLIPSIZE ? -1 : width;
}

static void
ensure_widths (IcDrawnCell *self)
{
  IcDrawnCellPrivate *priv = PRIV (self);
  SharedSizes *shared;
  PangoRectangle line;
  int one_line, line_height;

  if (priv->widths_valid)
    return;
  shared = shared_sizes_for (self);
  if (shared->widths_found)
    {
      priv->min_width = shared->min_width;
      priv->natural_width = shared->natural_width;
      priv->widths_valid = TRUE;
      return;
    }
  text_extents (self, -1, &line);
  one_line = PANGO_PIXELS_CEIL (line.width);
  line_height = PANGO_PIXELS_CEIL (line.height);
  /* At width 0 a wrapped text keeps its longest word; an ellipsized one
   * is cut down to "…", as an ellipsized GtkLabel can be. */
  if (priv->mode == IC_DRAWN_CELL_WRAP)
    {
      text_size (self, 0, &priv->min_width, NULL);
      one_line = MIN (one_line, PANGO_PIXELS_CEIL (max_text_width (self)));
    }
  else
    {
      priv->min_width = priv->text != NULL && *priv->text != '\0' ? ellipsis_width (self) : 0;
      if (!shared_height (shared, -1, NULL))
        share_height (shared, -1, line_height);
    }
  priv->natural_width = MAX (priv->min_width, one_line);
  priv->widths_valid = TRUE;
  shared->widths_found = TRUE;
  shared->min_width = priv->min_width;
  shared->natural_width = priv->natural_width;
  shared->line_width = line.width;
  shared->line_height = line_height;
}

/* Pango wraps a text only where it is wider than the layout: one that
 * fits on a line ("Good", "visit Mar 2025") is its line's height, found
 * with its widths. */
static gboolean
fits_on_a_line (IcDrawnCellPrivate *priv,
                SharedSizes        *shared,
                int                 pango_width)
{
  return priv->mode == IC_DRAWN_CELL_WRAP && shared->widths_found &&
         pango_width >= 0 && shared->line_width <= pango_width;
}

static int
height_for_width (IcDrawnCell *self,
                  int          width)
{
  IcDrawnCellPrivate *priv = PRIV (self);

  width = height_key (priv, width);
  if (priv->height_width != width)
    {
      SharedSizes *shared = shared_sizes_for (self);
      int pango_width = width >= 0 ? width * PANGO_SCALE : -1;

      if (width < 0 && priv->mode == IC_DRAWN_CELL_WRAP)
        pango_width = max_text_width (self);
      if (!shared_height (shared, width, &priv->height))
        {
          if (fits_on_a_line (priv, shared, pango_width))
            priv->height = shared->line_height;
          else
            text_size (self, pango_width, NULL, &priv->height);
          share_height (shared, width, priv->height);
        }
      priv->height_width = width;
    }
  return priv->height;
}

static GtkSizeRequestMode
ic_drawn_cell_get_request_mode (GtkWidget *widget)
{
  return PRIV (widget)->mode == IC_DRAWN_CELL_WRAP ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                  : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ic_drawn_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IcDrawnCell *self = IC_DRAWN_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      ensure_widths (self);
      *minimum = PRIV (self)->min_width;
      *natural = PRIV (self)->natural_width;
    }
  else
    {
      *minimum = *natural = height_for_width (self, for_size);
    }
}

static void
ic_drawn_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IcDrawnCell *self = IC_DRAWN_CELL (widget);
  const char *text = PRIV (self)->text;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;
  int text_height;

  if (text == NULL || *text == '\0')
    return;

  text_height = height_for_width (self, width);
  pango_layout_set_width (ensure_layout (self), width * PANGO_SCALE);
  /* gtk_widget_get_color() is GTK 4.10; this is its 4.8 spelling. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (height - text_height) / 2.f));
  gtk_snapshot_append_layout (snapshot, ensure_layout (self), &color);
  gtk_snapshot_restore (snapshot);
}

/* The font comes from CSS (bold grades, normal "none"). A list restyles
 * all its rows whenever one changes, so the layout and sizes are kept
 * unless the font or direction changed; GtkWidget queues the resize or
 * redraw any other style change needs. */
static void
font_may_have_changed (IcDrawnCell *self,
                       gboolean     direction_changed)
{
  IcDrawnCellPrivate *priv = PRIV (self);
  const PangoFontDescription *font;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (!direction_changed && priv->font != NULL && font != NULL &&
      pango_font_description_equal (priv->font, font))
    return;
  g_clear_pointer (&priv->font, pango_font_description_free);
  priv->font = font != NULL ? pango_font_description_copy (font) : NULL;
  g_clear_object (&priv->layout);
  priv->max_width = -1;
  g_clear_pointer (&priv->font_key, g_free);
  forget_sizes (priv);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ic_drawn_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ic_drawn_cell_parent_class)->css_changed (widget, change);
  font_may_have_changed (IC_DRAWN_CELL (widget), FALSE);
}

static void
ic_drawn_cell_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  font_may_have_changed (IC_DRAWN_CELL (widget), TRUE);
}

static void
ic_drawn_cell_finalize (GObject *object)
{
  IcDrawnCellPrivate *priv = PRIV (object);

  g_clear_pointer (&priv->text, g_free);
  g_clear_object (&priv->layout);
  g_clear_pointer (&priv->font, pango_font_description_free);
  g_clear_pointer (&priv->font_key, g_free);

  G_OBJECT_CLASS (ic_drawn_cell_parent_class)->finalize (object);
}

static void
ic_drawn_cell_class_init (IcDrawnCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_drawn_cell_finalize;
  widget_class->get_request_mode = ic_drawn_cell_get_request_mode;
  widget_class->measure = ic_drawn_cell_measure;
  widget_class->snapshot = ic_drawn_cell_snapshot;
  widget_class->css_changed = ic_drawn_cell_css_changed;
  widget_class->direction_changed = ic_drawn_cell_direction_changed;
}

static void
ic_drawn_cell_init (IcDrawnCell *self)
{
  PRIV (self)->max_width = -1;
  forget_sizes (PRIV (self));
}

void
ic_drawn_cell_set_mode (IcDrawnCell     *self,
                        IcDrawnCellMode  mode)
{
  g_return_if_fail (IC_IS_DRAWN_CELL (self));

  PRIV (self)->mode = mode;
  g_clear_object (&PRIV (self)->layout);
  g_clear_pointer (&PRIV (self)->font_key, g_free);
  forget_sizes (PRIV (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
ic_drawn_cell_get_text (IcDrawnCell *self)
{
  g_return_val_if_fail (IC_IS_DRAWN_CELL (self), NULL);
  return PRIV (self)->text;
}

gboolean
ic_drawn_cell_set_text (IcDrawnCell *self,
                        const char  *text)
{
  IcDrawnCellPrivate *priv;

  g_return_val_if_fail (IC_IS_DRAWN_CELL (self), FALSE);

  priv = PRIV (self);
  if (g_strcmp0 (priv->text, text) == 0)
    return FALSE;
  g_free (priv->text);
  priv->text = g_strdup (text);
  if (priv->layout != NULL)
    set_layout_text (priv);
  forget_sizes (priv);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return TRUE;
}

/* How many times cells laid out a text to measure it, since the
 * program started: cells showing the same text in the same font share
 * its sizes, which tests and profiles check. */
guint
ic_drawn_cell_get_n_text_layouts (void)
{
  return n_text_layouts;
}

/* How many times this cell laid its text out to measure it. */
guint
ic_drawn_cell_get_n_own_layouts (IcDrawnCell *self)
{
  g_return_val_if_fail (IC_IS_DRAWN_CELL (self), 0);
  return PRIV (self)->n_layouts;
}

gboolean
ic_drawn_cell_is_cut (IcDrawnCell *self)
{
  PangoLayout *layout;

  g_return_val_if_fail (IC_IS_DRAWN_CELL (self), FALSE);

  layout = ensure_layout (self);
  pango_layout_set_width (layout, gtk_widget_get_width (GTK_WIDGET (self)) * PANGO_SCALE);
  return pango_layout_is_ellipsized (layout);
}
