/* ic-render-private.h: text and drawing helpers shared by the renderers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ic-palette.h"

G_BEGIN_DECLS

/* Pango 1.50 has no cleanup function for PangoContext; an alias keeps
 * ours from clashing with one a later pango (or GTK) may define. */
typedef PangoContext IcPangoContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcPangoContext, g_object_unref)

/* Tests turn clipping off to see whether anything is drawn out of bounds. */
extern gboolean _ic_render_debug_no_clip;

#define IC_RENDER_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

typedef enum
{
  IC_TEXT_REGULAR = 0,
  IC_TEXT_BOLD = 1 << 0,
  IC_TEXT_CENTER = 1 << 1,
  IC_TEXT_RIGHT = 1 << 2,
  IC_TEXT_ITALIC = 1 << 3,
} IcTextFlags;

PangoContext *_ic_render_create_context (cairo_t        *cr) G_GNUC_WARN_UNUSED_RESULT;
PangoLayout  *_ic_text_layout           (PangoContext   *context,
                                         const char     *text,
                                         double          size,
                                         IcTextFlags     flags,
                                         double          width) G_GNUC_WARN_UNUSED_RESULT;
PangoLayout  *_ic_markup_layout         (PangoContext   *context,
                                         const char     *markup,
                                         double          size,
                                         IcTextFlags     flags,
                                         double          width) G_GNUC_WARN_UNUSED_RESULT;
void          _ic_text_size             (PangoLayout    *layout,
                                         double         *width,
                                         double         *height);
double        _ic_text_height           (PangoContext   *context,
                                         const char     *text,
                                         double          size,
                                         IcTextFlags     flags,
                                         double          width);
double        _ic_text_width            (PangoContext   *context,
                                         const char     *text,
                                         double          size,
                                         IcTextFlags     flags);
guint         _ic_text_n_measured       (void);
void          _ic_text_draw             (cairo_t        *cr,
                                         PangoLayout    *layout,
                                         double          x,
                                         double          y,
                                         const IcColor  *color);
void          _ic_fill_rect             (cairo_t        *cr,
                                         double          x,
                                         double          y,
                                         double          width,
                                         double          height,
                                         const IcColor  *color);
void          _ic_draw_marker           (cairo_t        *cr,
                                         guint           shape,
                                         double          x,
                                         double          y,
                                         double          radius);

/* Themes in the taxonomy's order (ic-themes.h), then any others. */
const char * const *_ic_theme_keys      (void);
int           _ic_theme_order           (const char     *key);
char         *_ic_theme_label           (const char     *key) G_GNUC_WARN_UNUSED_RESULT;
char         *_ic_report_date_label     (gpointer        report) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
