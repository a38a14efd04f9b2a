/* ic-cairo-output.h: cairo surfaces written through an IcAtomicFile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ic-atomic-file.h"

G_BEGIN_DECLS

cairo_status_t ic_cairo_output_write      (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);
gboolean       ic_cairo_output_check      (IcAtomicFile        *file,
                                           cairo_t             *cr,
                                           cairo_surface_t     *surface);
gboolean       ic_cairo_output_finish     (IcAtomicFile        *file,
                                           cairo_surface_t     *surface,
                                           GError             **error);

G_END_DECLS
