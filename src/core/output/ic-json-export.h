/* ic-json-export.h: the JSON export written to a file (README, "Command line")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-progress.h"

G_BEGIN_DECLS

/* How the document's text ends: the command line's files end in a line
 * break, as its standard output does; the window's never did. */
typedef enum
{
  IC_JSON_EXPORT_AS_IS,
  IC_JSON_EXPORT_FINAL_NEWLINE,
} IcJsonExportEnding;

gboolean ic_json_export_write (GListModel          *all,
                               GListModel          *selected,
                               GListModel          *failures,
                               GPtrArray           *found,
                               IcJsonExportEnding   ending,
                               const char          *path,
                               const IcProgress    *progress,
                               GError             **error);

G_END_DECLS
