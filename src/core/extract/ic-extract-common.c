/* ic-extract-common.c: what the app and the PDF helper share, without MuPDF
 *
 * The app reads PDFs only through the helper process (ic-extract-pool.c);
 * MuPDF is linked into the helper alone, which keeps it out of the
 * window's executable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ic-extract-pool.h"
#include "ic-extractor.h"

G_DEFINE_QUARK (ic-extract-error-quark, ic_extract_error)

gboolean
ic_extractor_check_text (const char * const  *pages,
                         GError             **error)
{
  if (g_strv_length ((char **) pages) > 2000)
    {
      g_set_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_TEXT,
                   N_("too many pages (more than %d): not an inspection report"), 2000);
      return FALSE;
    }
  for (guint i = 0; pages[i] != NULL; i++)
    for (const char *p = pages[i]; *p; p++)
      if (!g_ascii_isspace (*p))
        return TRUE;

  g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_TEXT,
                       N_("the PDF has no text (scanned image?)"));
  return FALSE;
}

gboolean
ic_extract_is_cut_short (const char *data,
                         gsize       length)
{
  static const char eof[] = "%%EOF";
  gsize n = sizeof eof - 1;

  /* Bytes, not a string: a tail may hold NULs (an xref stream), where
   * g_strstr_len() would stop. */
  for (gsize i = length - MIN (length, 1024); i + n <= length; i++)
    if (memcmp (data + i, eof, n) == 0)
      return FALSE;
  return TRUE;
}

double
ic_extractor_get_time_limit (void)
{
  const char *timeout = g_getenv ("IC_EXTRACT_TIMEOUT");
  double seconds = timeout ? g_ascii_strtod (timeout, NULL) : 0;

  return seconds > 0 ? seconds : 60;
}

char **
ic_extract_in_process (const char    *data,
                       gsize          length,
                       guint          first,
                       guint          max,
                       guint          whole_up_to,
                       guint         *n_pages,
                       GCancellable  *cancellable,
                       GError       **error)
{
#ifdef IC_IN_PROCESS_PDF
  /* The same time limit as a helper's (ic-extractor.c says how). */
  return ic_extractor_get_page_range_within (data, length, first, max, whole_up_to,
                                             ic_extractor_get_time_limit (), n_pages,
                                             cancellable, error);
#else
  g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_HELPER,
                       N_("cannot read PDFs: the text extractor inspection-compare-extract "
                          "is not installed or does not start"));
  return NULL;
#endif
}

char **
ic_extract_in_process_streamed (const char        *data,
                                gsize              length,
                                guint              first_pass,
                                guint              whole_up_to,
                                guint             *n_pages,
                                IcExtractPartFunc  first_func,
                                gpointer           first_data,
                                GCancellable      *cancellable,
                                GError           **error)
{
#ifdef IC_IN_PROCESS_PDF
  return ic_extractor_get_pages_streamed (data, length, 0, first_pass, whole_up_to,
                                          ic_extractor_get_time_limit (), n_pages,
                                          first_func, first_data, cancellable, error);
#else
  return ic_extract_in_process (data, length, 0, first_pass, whole_up_to, n_pages, cancellable,
                                error);
#endif
}
