/* ic-size-fence.h: a bin whose size request never depends on its child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_SIZE_FENCE (ic_size_fence_get_type ())

G_DECLARE_FINAL_TYPE (IcSizeFence, ic_size_fence, IC, SIZE_FENCE, GtkWidget)

GtkWidget *ic_size_fence_new       (void);
GtkWidget *ic_size_fence_get_child (IcSizeFence *self);
void       ic_size_fence_set_child (IcSizeFence *self,
                                    GtkWidget   *child);

G_END_DECLS
