/* ic-palette.h: the colours one drawing uses, for print and for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ic-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} IcColor;

typedef struct _IcPalette IcPalette;

/* Roles of the neutral colours. Every *_TEXT role is meant to be drawn
 * on IC_PALETTE_BACKGROUND or IC_PALETTE_SURFACE. */
typedef enum
{
  IC_PALETTE_BACKGROUND,
  IC_PALETTE_SURFACE,        /* header rows, zebra stripes, "not graded" cells */
  IC_PALETTE_TEXT,
  IC_PALETTE_MUTED_TEXT,     /* dates, sub-labels, "part of children in care" */
  IC_PALETTE_GRID,
  IC_PALETTE_AXIS,
  IC_PALETTE_LINK,           /* contents entries in the PDF */
  IC_PALETTE_ACCENT,         /* bars of counts (themes, years) */
  IC_PALETTE_ACCENT_TEXT,    /* text drawn on IC_PALETTE_ACCENT */
  IC_N_PALETTE_ROLES
} IcPaletteRole;

const IcPalette *ic_palette_get_print      (void);
const IcPalette *ic_palette_get_screen     (gboolean         dark);

const IcColor   *ic_palette_get_color      (const IcPalette *palette,
                                            IcPaletteRole    role);
/* Cell fill and the text drawn on it; IC_GRADE_NONE is "Not graded". */
const IcColor   *ic_palette_get_grade_fill (const IcPalette *palette,
                                            IcGrade          grade);
const IcColor   *ic_palette_get_grade_text (const IcPalette *palette,
                                            IcGrade          grade);
/* Neutral colours (no greens or reds) for authorities and themes, each
 * at least 3:1 against the background (marks and lines, not text). */
guint            ic_palette_get_n_series   (const IcPalette *palette);
const IcColor   *ic_palette_get_series     (const IcPalette *palette,
                                            guint            index);

void             ic_color_set_source       (const IcColor   *color,
                                            cairo_t         *cr);
double           ic_color_get_luminance    (const IcColor   *color);
double           ic_color_get_lightness    (const IcColor   *color);
double           ic_color_contrast_ratio   (const IcColor   *a,
                                            const IcColor   *b);

G_END_DECLS
