/* ic-links-cache.h: the timeline's joins, kept by authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _IcLinksCache IcLinksCache;

IcLinksCache *ic_links_cache_new    (void);
void          ic_links_cache_free   (IcLinksCache *self);
GPtrArray    *ic_links_cache_lookup (IcLinksCache *self,
                                     GListModel   *all,
                                     GListModel   *reports,
                                     GPtrArray   **missing) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *ic_links_cache_find   (GPtrArray    *missing) G_GNUC_WARN_UNUSED_RESULT;
void          ic_links_cache_add    (IcLinksCache *self,
                                     GPtrArray    *missing,
                                     GPtrArray    *found);
guint         ic_links_cache_get_n_found (IcLinksCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcLinksCache, ic_links_cache_free)

G_END_DECLS
