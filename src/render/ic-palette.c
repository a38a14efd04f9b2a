/* ic-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-palette"

#include "config.h"

#include <math.h>

#include "ic-palette.h"

#define N_SERIES 8

struct _IcPalette
{
  IcColor roles[IC_N_PALETTE_ROLES];
  IcColor grade_fill[IC_N_GRADES];
  IcColor grade_text[IC_N_GRADES];
  IcColor series[N_SERIES];
};

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Grade fills go from green to red but are told apart in greyscale by
 * lightness too: CIE L* of about 28 (outstanding), 94 (not graded),
 * 79 (good), 90 (requires improvement), 62 (adequate) and 47 (inadequate),
 * at least 10 apart between any two grades. The word is always printed
 * on top, so nobody has to rely on the colour. */
#define GRADE_FILLS \
  { RGB (0xeeeeee), RGB (0x0b4d1e), RGB (0x8cd47e), RGB (0xffe27a), RGB (0xd9822b), RGB (0xd32f2f) }
#define GRADE_TEXTS \
  { RGB (0x333333), RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x000000), RGB (0xffffff) }

static const IcPalette print_palette = {
  .roles = {
    [IC_PALETTE_BACKGROUND] = RGB (0xffffff),
    [IC_PALETTE_SURFACE] = RGB (0xf2f2f2),
    [IC_PALETTE_TEXT] = RGB (0x1a1a1a),
    [IC_PALETTE_MUTED_TEXT] = RGB (0x595959),
    [IC_PALETTE_GRID] = RGB (0xb0b0b0),
    [IC_PALETTE_AXIS] = RGB (0x404040),
    [IC_PALETTE_LINK] = RGB (0x1a4d8f),
    [IC_PALETTE_ACCENT] = RGB (0x3d5a80),
    [IC_PALETTE_ACCENT_TEXT] = RGB (0xffffff),
  },
  .grade_fill = GRADE_FILLS,
  .grade_text = GRADE_TEXTS,
  /* Blues, purples and greys: never read as a grade. */
  .series = {
    RGB (0x1f4e79), RGB (0x7b3294), RGB (0x4d4d4d), RGB (0x2b7bb9),
    RGB (0x9b59b6), RGB (0x283593), RGB (0x5e62b0), RGB (0x1b6f8a),
  },
};

static const IcPalette screen_light_palette = {
  .roles = {
    [IC_PALETTE_BACKGROUND] = RGB (0xfafafa),
    [IC_PALETTE_SURFACE] = RGB (0xebebeb),
    [IC_PALETTE_TEXT] = RGB (0x242424),
    [IC_PALETTE_MUTED_TEXT] = RGB (0x5e5e5e),
    [IC_PALETTE_GRID] = RGB (0xc0c0c0),
    [IC_PALETTE_AXIS] = RGB (0x505050),
    [IC_PALETTE_LINK] = RGB (0x1c59a8),
    [IC_PALETTE_ACCENT] = RGB (0x3584e4),
    [IC_PALETTE_ACCENT_TEXT] = RGB (0x000000),
  },
  .grade_fill = GRADE_FILLS,
  .grade_text = GRADE_TEXTS,
  .series = {
    RGB (0x1c71d8), RGB (0x813d9c), RGB (0x5e5c64), RGB (0x2b7bb9),
    RGB (0x9b59b6), RGB (0x283593), RGB (0x5e62b0), RGB (0x1b6f8a),
  },
};

static const IcPalette screen_dark_palette = {
  .roles = {
    [IC_PALETTE_BACKGROUND] = RGB (0x242424),
    [IC_PALETTE_SURFACE] = RGB (0x363636),
    [IC_PALETTE_TEXT] = RGB (0xffffff),
    [IC_PALETTE_MUTED_TEXT] = RGB (0xc0c0c0),
    [IC_PALETTE_GRID] = RGB (0x5a5a5a),
    [IC_PALETTE_AXIS] = RGB (0xb0b0b0),
    [IC_PALETTE_LINK] = RGB (0x99c1f1),
    [IC_PALETTE_ACCENT] = RGB (0x62a0ea),
    [IC_PALETTE_ACCENT_TEXT] = RGB (0x000000),
  },
  /* The cells carry their own text colour, so the same fills serve on
   * a dark window; only "not graded" is darkened to sit with it. */
  .grade_fill = { RGB (0x4a4a4a), RGB (0x0b4d1e), RGB (0x8cd47e), RGB (0xffe27a), RGB (0xd9822b), RGB (0xd32f2f) },
  .grade_text = { RGB (0xffffff), RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x000000), RGB (0xffffff) },
  .series = {
    RGB (0x99c1f1), RGB (0xdc8add), RGB (0xdeddda), RGB (0x62a0ea),
    RGB (0xc2a5cf), RGB (0x9fa8da), RGB (0xb39ddb), RGB (0xb0bec5),
  },
};

const IcPalette *
ic_palette_get_print (void)
{
  return &print_palette;
}

const IcPalette *
ic_palette_get_screen (gboolean dark)
{
  return dark ? &screen_dark_palette : &screen_light_palette;
}

const IcColor *
ic_palette_get_color (const IcPalette *palette,
                      IcPaletteRole    role)
{
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (role < IC_N_PALETTE_ROLES, NULL);
  return &palette->roles[role];
}

const IcColor *
ic_palette_get_grade_fill (const IcPalette *palette,
                           IcGrade          grade)
{
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (grade < IC_N_GRADES, NULL);
  return &palette->grade_fill[grade];
}

const IcColor *
ic_palette_get_grade_text (const IcPalette *palette,
                           IcGrade          grade)
{
  g_return_val_if_fail (palette != NULL, NULL);
  g_return_val_if_fail (grade < IC_N_GRADES, NULL);
  return &palette->grade_text[grade];
}

guint
ic_palette_get_n_series (const IcPalette *palette)
{
  return N_SERIES;
}

const IcColor *
ic_palette_get_series (const IcPalette *palette,
                       guint            index)
{
  g_return_val_if_fail (palette != NULL, NULL);
  return &palette->series[index % N_SERIES];
}

void
ic_color_set_source (const IcColor *color,
                     cairo_t       *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static double
linearise (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Relative luminance as WCAG 2 defines it. */
double
ic_color_get_luminance (const IcColor *color)
{
  return 0.2126 * linearise (color->red)
         + 0.7152 * linearise (color->green)
         + 0.0722 * linearise (color->blue);
}

/* CIE L*, 0 (black) to 100 (white): how light a colour prints in grey. */
double
ic_color_get_lightness (const IcColor *color)
{
  double y = ic_color_get_luminance (color);

  return y > 216.0 / 24389.0 ? 116.0 * cbrt (y) - 16.0 : y * 24389.0 / 27.0;
}

double
ic_color_contrast_ratio (const IcColor *a,
                         const IcColor *b)
{
  double la = ic_color_get_luminance (a);
  double lb = ic_color_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
