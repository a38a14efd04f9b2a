/* ic-cache.h: extracted text kept between runs, keyed by content
 *
 * Lives in g_get_user_cache_dir()/inspection-compare. Entries are written
 * to a temporary file and renamed, and synced in batches (one syncfs per
 * 1,000 entries and one at close), not one by one; each carries a
 * SHA-256 of itself, so an entry torn by a crash is ignored rather than
 * trusted. IC_NO_CACHE=1 turns the cache off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"
#include "ic-scanner.h"

G_BEGIN_DECLS

typedef struct _IcCache IcCache;

/* The default bound on the cache's size on disk. */
#define IC_CACHE_MAX_BYTES (200 * 1024 * 1024)

/* Returns NULL when the cache is turned off. Thread-safe after opening. */
IcCache  *ic_cache_open              (const char         *dir,
                                      guint64             max_bytes) G_GNUC_WARN_UNUSED_RESULT;
IcCache  *ic_cache_open_default      (void) G_GNUC_WARN_UNUSED_RESULT;
/* Saves the path index if it changed and trims the cache to its bound. */
void      ic_cache_close             (IcCache            *self);
/* The content id last seen at this path, if size, mtime and inode still
 * match: the file need not be read or hashed. */
char     *ic_cache_lookup_path       (IcCache            *self,
                                      const IcScanEntry  *entry) G_GNUC_WARN_UNUSED_RESULT;
void      ic_cache_remember_path     (IcCache            *self,
                                      const IcScanEntry  *entry,
                                      const char         *content_id);
/* TRUE on a hit: then either *pages (the text) or *reason (why the
 * content cannot be read) is set. */
gboolean  ic_cache_lookup_pages      (IcCache            *self,
                                      const char         *content_id,
                                      gboolean           *from_pdf,
                                      char             ***pages,
                                      char              **reason);
void      ic_cache_store_pages       (IcCache            *self,
                                      const char         *content_id,
                                      gboolean            from_pdf,
                                      const char * const *pages,
                                      const char         *reason);
/* A failure of the text extractor (crash, time-out), kept for the
 * extractor in use only (ic_extract_get_version()). */
void      ic_cache_store_extractor_failure (IcCache      *self,
                                            const char   *content_id,
                                            const char   *reason);
/* Reload: from now on the extractor's failures are not taken from the
 * cache, so those PDFs are read again. */
void      ic_cache_retry_extractor_failures (IcCache     *self);
/* What this build of the parser made of the content (keyed by a hash of
 * the core sources, see build-aux/parser-fingerprint.py), with its
 * items' themes and the digest of the theme rules that gave them
 * (ic_theme_rules_get_digest()): *themed says whether they are those of
 * @themes_by, the rules in force. */
IcReport *ic_cache_lookup_report     (IcCache            *self,
                                      const char         *content_id,
                                      const char         *source,
                                      const char         *themes_by,
                                      gboolean           *themed) G_GNUC_WARN_UNUSED_RESULT;
void      ic_cache_store_report      (IcCache            *self,
                                      IcReport           *report,
                                      const char         *themes_by);
/* The search index of the content (ic-search-index.c), kept with the
 * parsed report: both depend on the parser's build. */
GBytes   *ic_cache_lookup_search     (IcCache            *self,
                                      const char         *content_id) G_GNUC_WARN_UNUSED_RESULT;
void      ic_cache_store_search      (IcCache            *self,
                                      const char         *content_id,
                                      GBytes             *bytes);
/* The paths of the entries of @content_id, for tests. */
char     *ic_cache_get_entry_path    (IcCache            *self,
                                      const char         *content_id) G_GNUC_WARN_UNUSED_RESULT;
char     *ic_cache_get_report_path   (IcCache            *self,
                                      const char         *content_id) G_GNUC_WARN_UNUSED_RESULT;
void      ic_cache_trim              (IcCache            *self);
/* How many syncs the entries written so far cost (entries are synced in
 * batches), for tests. */
guint     ic_cache_get_n_syncs       (IcCache            *self);

G_END_DECLS
