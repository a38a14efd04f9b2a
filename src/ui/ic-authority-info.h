/* ic-authority-info.h: what the window needs to know about authorities
 *
 * One small seam over the authority data (regions, statistical
 * neighbours) so the filter code does not depend on how it is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The region of @authority (canonical name), or NULL when unknown. */
const char  *ic_authority_info_get_region     (const char *authority);
/* The statistical neighbours of @authority, or NULL when unknown. */
char       **ic_authority_info_get_neighbours (const char *authority) G_GNUC_WARN_UNUSED_RESULT;
/* Every region name, sorted; empty when the data is not available. */
char       **ic_authority_info_list_regions   (void) G_GNUC_WARN_UNUSED_RESULT;
/* Every current authority that has statistical neighbours, sorted. */
char       **ic_authority_info_list_with_neighbours (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
