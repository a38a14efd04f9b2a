/* ic-copy-pool.h: the shared memory a frame is copied to the window through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean ic_copy_pool_prepare (GtkWidget *widget);

G_END_DECLS
