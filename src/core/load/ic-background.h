/* ic-background.h: reading at a lower CPU priority than the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nice value of background reading: the kernel then gives a busy
 * window's main thread a core before the extractors. */
#define IC_BACKGROUND_NICE 10

void ic_background_lower_thread  (void);
void ic_background_lower_process (GPid pid);
int  ic_background_get_thread_nice (void);

G_END_DECLS
