/* ic-read-file.h: a report's bytes, read into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *ic_read_file_bytes (const char  *path,
                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
