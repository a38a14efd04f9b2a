/* ic-display-text.h: text that a text renderer can always draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ic_display_text (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
