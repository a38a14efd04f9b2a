/* ic-cli.h: the headless command line (README, "Command line")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ic_cli_wants_headless (int    argc,
                                char **argv);
int      ic_cli_run            (int    argc,
                                char **argv);

G_END_DECLS
