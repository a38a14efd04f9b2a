/* ic-work-crew.h: a function over items, on a thread per core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ic_work_crew_run (GPtrArray *items,
                       GFunc      func,
                       gpointer   user_data,
                       gboolean   background);

G_END_DECLS
