/* ic-atomic-file.h: outputs written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcAtomicFile IcAtomicFile;

IcAtomicFile *ic_atomic_file_open          (const char    *path,
                                            GError       **error);
gboolean      ic_atomic_file_write         (IcAtomicFile  *file,
                                            const void    *data,
                                            gsize          len);
gboolean      ic_atomic_file_fail          (IcAtomicFile  *file,
                                            const char    *reason);
const GError *ic_atomic_file_get_error     (IcAtomicFile  *file);
gboolean      ic_atomic_file_commit        (IcAtomicFile  *file,
                                            GError       **error);
void          ic_atomic_file_abort         (IcAtomicFile  *file);

gboolean      ic_atomic_file_set_contents  (const char    *path,
                                            const char    *contents,
                                            gsize          len,
                                            GError       **error);

char         *ic_output_error_reason       (int            errsv) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcAtomicFile, ic_atomic_file_abort)

G_END_DECLS
