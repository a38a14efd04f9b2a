/* ic-render-text.c: pango layouts measured the same way on every surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ic-display-text.h"
#include "ic-render-private.h"
#include "ic-report.h"

gboolean _ic_render_debug_no_clip = FALSE;

/* Metrics hinting differs between image and PDF surfaces; turning it off
 * everywhere makes a layout measured for pagination the size it is drawn. */
PangoContext *
_ic_render_create_context (cairo_t *cr)
{
  g_autoptr(IcPangoContext) context = NULL;
  cairo_font_options_t *options = cairo_font_options_create ();

  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return g_steal_pointer (&context);
}

static PangoLayout *
new_layout (PangoContext *context,
            double        size,
            IcTextFlags   flags,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (IC_RENDER_FONT_FAMILY);

  /* Absolute sizes: one unit of the cairo context is one point of text,
   * whatever the resolution of the surface. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (flags & IC_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (flags & IC_TEXT_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (flags & IC_TEXT_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & IC_TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  return layout;
}

PangoLayout *
_ic_text_layout (PangoContext *context,
                 const char   *text,
                 double        size,
                 IcTextFlags   flags,
                 double        width)
{
  PangoLayout *layout = new_layout (context, size, flags, width);
  g_autofree char *clean = ic_display_text (text);

  pango_layout_set_text (layout, clean, -1);
  return layout;
}

PangoLayout *
_ic_markup_layout (PangoContext *context,
                   const char   *markup,
                   double        size,
                   IcTextFlags   flags,
                   double        width)
{
  PangoLayout *layout = new_layout (context, size, flags, width);
  g_autofree char *clean = ic_display_text (markup);

  pango_layout_set_markup (layout, clean, -1);
  return layout;
}

void
_ic_text_size (PangoLayout *layout,
               double      *width,
               double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Text measured once per text, size and set-up of the context. The
 * charts measure the same labels at every width GTK asks about, again
 * to draw them, and again at every filter change: a theme's label is
 * shaped once, not a dozen times a frame (doc/ui-stalls.md). Shared by
 * the threads that draw (exports run in workers), hence the lock. */
typedef struct
{
  double width;
  double height;
} TextExtents;

#define MAX_EXTENTS 8192

static GMutex extents_lock;
static GHashTable *extents;  /* char *key -> TextExtents */
static guint n_measured;

/* Everything a layout's size depends on besides the layout's own font:
 * the font map (one a thread), the font options (hinting), the
 * transformation, glyph rounding, language, direction and the
 * context's font, which fills what the layout's leaves unset. */
static char *
extents_key (PangoContext *context,
             const char   *text,
             double        size,
             IcTextFlags   flags,
             double        width)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  const PangoMatrix *m = pango_context_get_matrix (context);
  const PangoFontDescription *font = pango_context_get_font_description (context);

  return g_strdup_printf ("%p %lx %a %a %a %a %a %a %d %s %d %x %d %a %a\037%s",
                          (gpointer) pango_context_get_font_map (context),
                          options ? cairo_font_options_hash (options) : 0UL,
                          m ? m->xx : 1, m ? m->xy : 0, m ? m->yx : 0, m ? m->yy : 1,
                          m ? m->x0 : 0, m ? m->y0 : 0,
                          pango_context_get_round_glyph_positions (context),
                          pango_language_to_string (pango_context_get_language (context)),
                          pango_context_get_base_dir (context),
                          font ? pango_font_description_hash (font) : 0U,
                          flags, size, width, text ? text : "");
}

/* Returns: whether @key was measured before; its size then in @out */
static gboolean
lookup_extents (const char  *key,
                TextExtents *out)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&extents_lock);
  TextExtents *found = extents ? g_hash_table_lookup (extents, key) : NULL;

  if (found != NULL)
    *out = *found;
  return found != NULL;
}

static void
keep_extents (char              *key,
              const TextExtents *size)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&extents_lock);

  if (extents == NULL)
    extents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Texts with counts in them come and go: start over now and then. */
  if (g_hash_table_size (extents) >= MAX_EXTENTS)
    g_hash_table_remove_all (extents);
  g_hash_table_replace (extents, key, g_memdup2 (size, sizeof *size));
  n_measured++;
}

static TextExtents
text_extents (PangoContext *context,
              const char   *text,
              double        size,
              IcTextFlags   flags,
              double        width)
{
  g_autofree char *key = extents_key (context, text, size, flags, width);
  g_autoptr(PangoLayout) layout = NULL;
  TextExtents measured;

  if (lookup_extents (key, &measured))
    return measured;
  layout = _ic_text_layout (context, text, size, flags, width);
  _ic_text_size (layout, &measured.width, &measured.height);
  keep_extents (g_steal_pointer (&key), &measured);
  return measured;
}

/* How many texts were laid out to be measured so far: for tests. */
guint
_ic_text_n_measured (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&extents_lock);

  return n_measured;
}

double
_ic_text_height (PangoContext *context,
                 const char   *text,
                 double        size,
                 IcTextFlags   flags,
                 double        width)
{
  return text_extents (context, text, size, flags, width).height;
}

double
_ic_text_width (PangoContext *context,
                const char   *text,
                double        size,
                IcTextFlags   flags)
{
  return text_extents (context, text, size, flags, -1).width;
}

void
_ic_text_draw (cairo_t       *cr,
               PangoLayout   *layout,
               double         x,
               double         y,
               const IcColor *color)
{
  cairo_save (cr);
  ic_color_set_source (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
_ic_fill_rect (cairo_t       *cr,
               double         x,
               double         y,
               double         width,
               double         height,
               const IcColor *color)
{
  ic_color_set_source (color, cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* A regular polygon of @n points around (@x, @y), its first point up;
 * with @inner > 0 a star whose points alternate with ones at @inner. */
static void
polygon (cairo_t *cr,
         guint    n,
         double   x,
         double   y,
         double   r,
         double   inner)
{
  guint steps = inner > 0 ? 2 * n : n;

  for (guint i = 0; i < steps; i++)
    {
      double a = -G_PI / 2 + 2 * G_PI * i / steps;
      double d = inner > 0 && i % 2 ? inner : r;

      if (i == 0)
        cairo_move_to (cr, x + d * cos (a), y + d * sin (a));
      else
        cairo_line_to (cr, x + d * cos (a), y + d * sin (a));
    }
  cairo_close_path (cr);
}

/* Shapes tell authorities apart where colours alone would not (greyscale
 * print, colour blindness): circle, square, triangle, diamond, triangle
 * pointing down, plus, ring and star, one for each of the palette's
 * eight series, so no two authorities of a chart share one. */
void
_ic_draw_marker (cairo_t *cr,
                 guint    shape,
                 double   x,
                 double   y,
                 double   r)
{
  switch (shape % 8)
    {
    case 0:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.85);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.1, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.1, y);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.85);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.85);
      cairo_close_path (cr);
      break;
    case 5:
      cairo_rectangle (cr, x - r * 1.1, y - r * 0.4, r * 2.2, r * 0.8);
      cairo_rectangle (cr, x - r * 0.4, y - r * 1.1, r * 0.8, r * 2.2);
      break;
    case 6:
      /* A ring: the inner circle drawn the other way round is a hole. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 1.1, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc_negative (cr, x, y, r * 0.55, 2 * G_PI, 0);
      break;
    default:
      polygon (cr, 5, x, y, r * 1.3, r * 0.55);
      break;
    }
  cairo_fill (cr);
}

static const char * const theme_keys[] = {
  "front_door", "early_help", "strategy_and_child_protection", "assessment_and_risk",
  "plans_and_planning", "child_voice_and_identity", "recording",
  "supervision_and_management_oversight", "quality_assurance_and_performance",
  "independent_reviewing", "sufficiency_and_placements", "permanence_and_adoption",
  "care_leavers", "exploitation_and_missing", "education", "health_and_wellbeing",
  "domestic_abuse", "disabled_children_and_transitions", "partnership_and_governance",
  "workforce", "private_fostering", NULL,
};

/* Labels people use for the themes of the taxonomy (ic-themes.h). */
static const char * const theme_labels[] = {
  N_("Front door"), N_("Early help"), N_("Strategy and child protection"), N_("Assessment and risk"),
  N_("Plans and planning"), N_("Child's voice and identity"), N_("Recording"),
  N_("Supervision and management oversight"), N_("Quality assurance and performance"),
  N_("Independent reviewing"), N_("Sufficiency and placements"), N_("Permanence and adoption"),
  N_("Care leavers"), N_("Exploitation and missing"), N_("Education"), N_("Health and well-being"),
  N_("Domestic abuse"), N_("Disabled children and transitions"), N_("Partnership and governance"),
  N_("Workforce"), N_("Private fostering"),
};

const char * const *
_ic_theme_keys (void)
{
  return theme_keys;
}

int
_ic_theme_order (const char *key)
{
  for (guint i = 0; theme_keys[i] != NULL; i++)
    if (g_strcmp0 (theme_keys[i], key) == 0)
      return i;
  return G_N_ELEMENTS (theme_keys);
}

char *
_ic_theme_label (const char *key)
{
  int order = _ic_theme_order (key);
  char *label;

  if (order < (int) G_N_ELEMENTS (theme_labels))
    return g_strdup (_(theme_labels[order]));

  /* An unknown key still reads as words: "front_door" -> "Front door". */
  label = g_strdelimit (g_strdup (key ? key : ""), "_", ' ');
  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);
  return label;
}

char *
_ic_report_date_label (gpointer report)
{
  char *date = ic_date_to_display (ic_report_get_sort_date (report));

  return date ? date : g_strdup (_("date unknown"));
}
