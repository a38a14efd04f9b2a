/* ic-extract-serve.h: the helper process's side of the extraction protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Serves requests on @in_fd (protocol in ic-extract-pool.c) until it is
 * closed. */
int ic_extract_helper_main (int in_fd,
                            int out_fd);

G_END_DECLS
