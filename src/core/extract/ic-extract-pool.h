/* ic-extract-pool.h: PDF text from helper processes, so that a crash or
 * a hang inside MuPDF costs one file, not the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-extractor.h"

G_BEGIN_DECLS

typedef struct _IcExtractPool IcExtractPool;

/* The helper executable: $IC_EXTRACT_HELPER, else the installed one in
 * LIBEXECDIR. NULL (extract in process) when there is none or when
 * IC_EXTRACT_HELPER is "none". */
IcExtractPool *ic_extract_pool_get_default (void);
/* Same contract as ic_extractor_get_pages(), plus two failures: "the PDF
 * made the text extractor crash" (twice: a helper that dies is replaced
 * and asked once more) and "the PDF made the text extractor hang" (over
 * the time limit, $IC_EXTRACT_TIMEOUT seconds, default 60).
 * Thread-safe: each caller gets a helper of its own. */
char         **ic_extract_pool_get_pages   (IcExtractPool  *self,
                                            const char     *data,
                                            gsize           length,
                                            GCancellable   *cancellable,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* ic_extractor_get_page_range_within() in a helper, with the failures
 * above and the helper's time limit. */
char         **ic_extract_pool_get_page_range (IcExtractPool  *self,
                                               const char     *data,
                                               gsize           length,
                                               guint           first,
                                               guint           max,
                                               guint           whole_up_to,
                                               guint          *n_pages,
                                               GCancellable   *cancellable,
                                               GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* ic_extract_pool_get_page_range() from page 0, at most @first_pass
 * pages, that for a document going on after them gives the first pages
 * to @first_func and returns the rest, from one opening of the document
 * in one helper. Isolation is as before: a helper that dies before the
 * first pages is replaced and asked again; one that dies after them is
 * replaced and asked for the rest alone. */
char         **ic_extract_pool_get_pages_streamed (IcExtractPool     *self,
                                                   const char        *data,
                                                   gsize              length,
                                                   guint              first_pass,
                                                   guint              whole_up_to,
                                                   guint             *n_pages,
                                                   IcExtractPartFunc  first_func,
                                                   gpointer           first_data,
                                                   GCancellable      *cancellable,
                                                   GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* The text extractor in use, as a string that changes with its version
 * or with the helper installed; failures of the extractor are cached
 * for this version only (ic-cache.h). */
const char    *ic_extract_get_version      (void);

/* Helpers started from now on, and idle ones when next used, run at a
 * lower CPU priority (ic-background.h). */
void           ic_extract_pool_set_background (IcExtractPool *self);

/* Without a helper process: reads in process when built with
 * -Din_process_pdf=true (for tests and benchmarks), else fails with
 * IC_EXTRACT_ERROR_NO_HELPER, since the app itself has no PDF reader. */
char         **ic_extract_in_process       (const char     *data,
                                            gsize           length,
                                            guint           first,
                                            guint           max,
                                            guint           whole_up_to,
                                            guint          *n_pages,
                                            GCancellable   *cancellable,
                                            GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same for ic_extract_pool_get_pages_streamed(). */
char         **ic_extract_in_process_streamed (const char        *data,
                                               gsize              length,
                                               guint              first_pass,
                                               guint              whole_up_to,
                                               guint             *n_pages,
                                               IcExtractPartFunc  first_func,
                                               gpointer           first_data,
                                               GCancellable      *cancellable,
                                               GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Pipe I/O of the protocol, blocking, for the helper's side. */
gboolean       ic_extract_write_all        (int             fd,
                                            const void     *data,
                                            gsize           length);
gboolean       ic_extract_read_all         (int             fd,
                                            void           *data,
                                            gsize           length);

G_END_DECLS
