/* ic-extractor.h: PDF bytes -> text, one string per page (MuPDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IC_EXTRACT_ERROR (ic_extract_error_quark ())

typedef enum
{
  IC_EXTRACT_ERROR_PASSWORD,
  IC_EXTRACT_ERROR_DAMAGED,
  IC_EXTRACT_ERROR_NO_TEXT,
  /* From a helper process (ic-extract-pool.h). */
  IC_EXTRACT_ERROR_CRASH,
  IC_EXTRACT_ERROR_HANG,
  /* No helper to read PDFs with (ic_extract_in_process()). */
  IC_EXTRACT_ERROR_NO_HELPER,
  /* A PDF without its end (ic_extract_is_cut_short()) that could not be
   * read or had no text: the loader's word for DAMAGED or NO_TEXT then,
   * since the cut is the cause. */
  IC_EXTRACT_ERROR_CUT_SHORT,
} IcExtractError;

/* Bump when the text produced changes, so cached text is not reused.
 * 2: a PDF cut short is cached as such, not as damaged or without text. */
#define IC_EXTRACTOR_VERSION 2

GQuark  ic_extract_error_quark (void);
/* The functions below read in process and are linked only where MuPDF
 * is (the helper, tests, and -Din_process_pdf=true builds); the error
 * domain and ic_extractor_check_text() are in the core library.
 *
 * Safe to call from any number of threads at once. Checks @cancellable
 * between pages. Returns (transfer full): a NULL-terminated vector with
 * one string per page, in reading order, lines without trailing spaces. */
char  **ic_extractor_get_pages (const char    *data,
                                gsize          length,
                                GCancellable  *cancellable,
                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Only the pages from @first (0-based), at most @max of them (0: to the
 * end), and the document's page count in @n_pages. The text check of
 * ic_extractor_get_pages() is left to the caller, who alone sees the
 * whole document (ic_extractor_check_text()). A range past the last page
 * is empty, not an error. */
char  **ic_extractor_get_page_range (const char    *data,
                                     gsize          length,
                                     guint          first,
                                     guint          max,
                                     guint         *n_pages,
                                     GCancellable  *cancellable,
                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same with a time limit in seconds (0: none), as a helper has:
 * over it, IC_EXTRACT_ERROR_HANG; and a document of at most @whole_up_to
 * pages is read whole (0: never), which costs less than opening it again
 * for the rest. For reading in process and in the helper. */
char  **ic_extractor_get_page_range_within (const char    *data,
                                            gsize          length,
                                            guint          first,
                                            guint          max,
                                            guint          whole_up_to,
                                            double         seconds,
                                            guint         *n_pages,
                                            GCancellable  *cancellable,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Called with the first pages of a document that goes on after them
 * (transfer full) and its page count. */
typedef void (*IcExtractPartFunc) (char     **pages,
                                   guint      n_pages,
                                   gpointer   user_data);
/* The same, but a range that ends before the last page is given to
 * @first_func and the rest of the document returned, from one opening
 * (see ic-extractor.c). */
char  **ic_extractor_get_pages_streamed     (const char        *data,
                                             gsize              length,
                                             guint              first,
                                             guint              max,
                                             guint              whole_up_to,
                                             double             seconds,
                                             guint             *n_pages,
                                             IcExtractPartFunc  first_func,
                                             gpointer           first_data,
                                             GCancellable      *cancellable,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* The time limit of an extraction: $IC_EXTRACT_TIMEOUT seconds, else 60. */
double  ic_extractor_get_time_limit (void);
void    ic_extractor_set_single_threaded (void);
/* Whether @data, a PDF, lacks the "%%EOF" a PDF ends with within its last
 * 1024 bytes (as readers allow): a download or copy that did not finish. */
gboolean ic_extract_is_cut_short    (const char         *data,
                                     gsize               length);
/* FALSE with IC_EXTRACT_ERROR_NO_TEXT when no page has any text. */
gboolean ic_extractor_check_text    (const char * const *pages,
                                     GError            **error);

G_END_DECLS
