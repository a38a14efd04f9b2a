/* ic-parser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include "ic-parser.h"
#include "ic-report-private.h"

G_DEFINE_QUARK (ic-parse-error-quark, ic_parse_error)

IcReport *
ic_parse_report (const char          *source,
                 const char * const  *pages,
                 gboolean             from_pdf,
                 GError             **error)
{
  g_set_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NOT_A_REPORT,
               "not an Ofsted local authority report");
  return NULL;
}
