/* ic-search-index.h: every word of every report, for evidence search
 *
 * Each report's text (all pages, page furniture left out) is kept once
 * more as one normalised string: lines joined with single spaces, a word
 * hyphenated at a line end marked with a soft hyphen (U+00AD) so that it
 * matches both joined ("development") and hyphenated ("multi-agency").
 * Its words are indexed by stem (the themes' stemmer, ic-words.c) with
 * their byte offsets. An IcSearchDoc is immutable once built and
 * reference counted atomically, so worker threads may share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

typedef struct _IcSearchDoc   IcSearchDoc;
typedef struct _IcSearchQuery IcSearchQuery;

/* One passage that matches a query: bytes [start, end) of the document's
 * text, on PDF page @page (1-based; 0 for a text file). */
typedef struct
{
  IcReport    *report;
  IcSearchDoc *doc;
  guint        page;
  guint        start;
  guint        end;
} IcSearchHit;

/* A marked stretch of a snippet: bytes [start, end). */
typedef struct
{
  guint start;
  guint end;
} IcSearchMark;

/* Builds the document of a report's pages (thread-safe; any thread). */
IcSearchDoc   *ic_search_doc_new          (const char * const *pages,
                                           gboolean            from_pdf) G_GNUC_WARN_UNUSED_RESULT;
typedef struct _IcCache IcCache;
/* From the cache when it holds this content's document, else built (from
 * the parser's @lines when given, see ic_parse_report_and_lines()) and
 * stored there (@cache may be NULL). */
IcSearchDoc   *ic_search_doc_new_cached   (IcCache            *cache,
                                           const char         *content_id,
                                           const char * const *pages,
                                           gboolean            from_pdf,
                                           GArray             *lines) G_GNUC_WARN_UNUSED_RESULT;
IcSearchDoc   *ic_search_doc_ref          (IcSearchDoc        *doc);
void           ic_search_doc_unref        (IcSearchDoc        *doc);
const char    *ic_search_doc_get_text     (IcSearchDoc        *doc);
guint          ic_search_doc_page_at      (IcSearchDoc        *doc,
                                           guint               offset);
gsize          ic_search_doc_get_size     (IcSearchDoc        *doc);
/* The report's document, built from its pages on first use when the
 * loader did not build it (main thread, or a report no other thread
 * sees). */
IcSearchDoc   *ic_search_doc_for_report   (IcReport           *report);

/* Words are matched by stem; "quoted phrases" exactly (case, line breaks
 * and line-end hyphens aside). Function words are dropped from a query
 * that has other words. An uppercase OR between terms separates
 * alternatives, and binds loosest ("a b OR c" is "(a b) OR c"). Returns
 * NULL for a query with no words. */
IcSearchQuery *ic_search_query_new        (const char         *text) G_GNUC_WARN_UNUSED_RESULT;
void           ic_search_query_free       (IcSearchQuery      *query);
/* Hits in @doc, in text order. Returns: (element-type IcSearchMark) */
GArray        *ic_search_doc_find         (IcSearchDoc        *doc,
                                           IcSearchQuery      *query) G_GNUC_WARN_UNUSED_RESULT;
/* Every hit in every report of @reports (in model order, then text
 * order). Returns: (element-type IcSearchHit): a new array that owns its
 * references */
GArray        *ic_search_run              (GListModel         *reports,
                                           IcSearchQuery      *query) G_GNUC_WARN_UNUSED_RESULT;
/* About @width characters of text around @hit, on one line, cut at
 * words ("…" where cut); @marks gets where the query's terms are. */
char          *ic_search_hit_snippet      (const IcSearchHit  *hit,
                                           IcSearchQuery      *query,
                                           guint               width,
                                           GArray            **marks) G_GNUC_WARN_UNUSED_RESULT;

/* Finds @passage (a stretch of a document's text) in @text as printed:
 * a space of @passage matches any white space, a soft hyphen a hyphen at
 * a line end or nothing, case aside; whole words first, inside a word
 * only when no whole word matches. Sets byte offsets into @text. */
gboolean       ic_search_locate           (const char         *text,
                                           const char         *passage,
                                           gsize              *start,
                                           gsize              *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcSearchDoc, ic_search_doc_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcSearchQuery, ic_search_query_free)

G_END_DECLS
