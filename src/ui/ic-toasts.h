/* ic-toasts.h: the window's toasts, dismissed only when libadwaita 1.2
 * survives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast on @overlay (taking it), or queues it behind the one
 * shown, with names for its buttons. Every toast of @overlay comes this
 * way: ic_toasts_dismiss() learns from them when one starts sliding in. */
void     ic_toasts_add            (AdwToastOverlay *overlay,
                                   AdwToast        *toast);

/* Dismisses @toast now, or, while it slides in, in the first frame of
 * its end. Nothing when it is dismissed already. */
void     ic_toasts_dismiss        (AdwToast        *toast);

/* Whether @toast is sliding in: shown, its slide not over. */
gboolean ic_toasts_is_sliding_in  (AdwToast        *toast);

G_END_DECLS
