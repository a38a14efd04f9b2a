/* ic-pack.h: the meeting summary pack as a PDF (--export-pdf)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-pages.h"

G_BEGIN_DECLS

gboolean ic_pack_export_pdf (GListModel          *reports,
                             GListModel          *failures,
                             const IcPackOptions *options,
                             const char          *path,
                             GError             **error);

G_END_DECLS
