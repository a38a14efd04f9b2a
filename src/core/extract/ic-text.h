/* ic-text.h: bytes of a text file -> UTF-8 text, and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IC_TEXT_ERROR (ic_text_error_quark ())

typedef enum
{
  /* NUL bytes, control characters or undecodable bytes: not text. */
  IC_TEXT_ERROR_NOT_TEXT,
  /* More pages than any inspection report has. */
  IC_TEXT_ERROR_TOO_MANY_PAGES,
} IcTextError;

/* Ofsted's longest report has fewer than 120 pages: this is generous,
 * and keeps a file of ten million form feeds from taking gigabytes. */
#define IC_MAX_PAGES 2000

GQuark  ic_text_error_quark  (void);
/* UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else Windows-1252.
 * Line ends become "\n". */
char   *ic_text_decode       (const char  *data,
                              gsize        length,
                              GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Form feeds separate pages; a trailing empty page is dropped. Never
 * returns an empty vector. */
char  **ic_text_split_pages  (const char  *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean ic_text_check_page_count (const char  *text,
                                   GError     **error);
/* TRUE when @data decodes as text (what ic_text_decode() accepts). */
gboolean ic_text_looks_like_text (const char *data,
                                  gsize       length);

G_END_DECLS
