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
} IcExtractError;

/* Bump when the text produced changes, so cached text is not reused. */
#define IC_EXTRACTOR_VERSION 1

GQuark  ic_extract_error_quark (void);
/* Safe to call from any number of threads at once. Checks @cancellable
 * between pages. Returns (transfer full): a NULL-terminated vector with
 * one string per page, in reading order, lines without trailing spaces. */
char  **ic_extractor_get_pages (const char    *data,
                                gsize          length,
                                GCancellable  *cancellable,
                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
