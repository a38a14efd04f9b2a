/* ic-authorities.h: English local authorities and the names reports print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Immutable records loaded once from data/authorities.csv; they live as
 * long as the program and may be read from any thread. */
typedef struct _IcAuthority IcAuthority;

const IcAuthority *ic_authorities_lookup            (const char        *printed);
const IcAuthority *ic_authorities_find_in_text      (const char        *text,
                                                     gsize             *match_start,
                                                     gsize             *match_len);
const IcAuthority *ic_authorities_find_by_urn       (guint              urn);
const IcAuthority *ic_authorities_find_by_code      (const char        *la_code);
GPtrArray         *ic_authorities_get_all           (void);

const char        *ic_authority_get_name            (const IcAuthority *self);
guint              ic_authority_get_urn             (const IcAuthority *self);
const char        *ic_authority_get_la_code         (const IcAuthority *self);
const char        *ic_authority_get_la_code_new     (const IcAuthority *self);
const char        *ic_authority_get_region          (const IcAuthority *self);
GPtrArray         *ic_authority_get_neighbours      (const IcAuthority *self);
GPtrArray         *ic_authority_get_successors      (const IcAuthority *self);
GPtrArray         *ic_authority_get_predecessors    (const IcAuthority *self);
const GDate       *ic_authority_get_abolished       (const IcAuthority *self);
gboolean           ic_authority_is_current          (const IcAuthority *self);
const IcAuthority *ic_authority_at_date             (const IcAuthority *self,
                                                     const GDate       *date);

G_END_DECLS
