/* ic-terminal.h: text safe to print on a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ic_terminal_escape (const char *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
