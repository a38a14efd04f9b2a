/* ic-output-path.h: refusing outputs that would land on or beside a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _IcOutputGuard IcOutputGuard;

IcOutputGuard *ic_output_guard_new          (void);
void           ic_output_guard_free         (IcOutputGuard  *guard);
void           ic_output_guard_add_input    (IcOutputGuard  *guard,
                                             const char     *path);
void           ic_output_guard_add_loaded   (IcOutputGuard  *guard,
                                             GListModel     *reports,
                                             GListModel     *failures);
gboolean       ic_output_guard_check        (IcOutputGuard  *guard,
                                             const char     *output,
                                             GError        **error);
gboolean       ic_output_guard_add_output   (IcOutputGuard  *guard,
                                             const char     *output,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcOutputGuard, ic_output_guard_free)

G_END_DECLS
