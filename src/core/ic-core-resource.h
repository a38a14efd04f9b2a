/* ic-core-resource.h: the data the core ships (themes, concepts, authorities)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GResource *ic_core_resource (void);

G_END_DECLS
