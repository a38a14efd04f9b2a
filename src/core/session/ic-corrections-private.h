/* ic-corrections-private.h: what ic-corrections-file.c (keeping
 * corrections) and ic-corrections.c (applying them) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ic-corrections.h"

G_BEGIN_DECLS

/* Field names shared by both sides (see ic-corrections.h). */
#define ITEMS_PREFIX "improvements."
#define THEMES_SUFFIX ".themes"

/* Whether @value can correct @field; says why not in @error. */
gboolean    _ic_corrections_validate  (const char     *field,
                                       JsonNode       *value,
                                       GError        **error);
/* (transfer none) (nullable): the corrections of @content_id, field ->
 * value. */
JsonObject *_ic_corrections_get_entry (IcCorrections  *self,
                                       const char     *content_id);

G_END_DECLS
