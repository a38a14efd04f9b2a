/* ic-parser.h: pages of report text -> IcReport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_PARSE_ERROR (ic_parse_error_quark ())

typedef enum
{
  /* The text is readable but is not an Ofsted local authority report. */
  IC_PARSE_ERROR_NOT_A_REPORT,
  /* The file has no text at all (for example a scanned PDF). */
  IC_PARSE_ERROR_NO_TEXT,
} IcParseError;

GQuark    ic_parse_error_quark (void);
IcReport *ic_parse_report      (const char          *source,
                                const char * const  *pages,
                                gboolean             from_pdf,
                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* As ic_parse_report(), also giving the lines it split @pages into
 * (@lines: page furniture left out; for ic_search_doc_new_cached(), which
 * would split them again otherwise). Set on failure too, as far as got. */
IcReport *ic_parse_report_and_lines (const char          *source,
                                     const char * const  *pages,
                                     gboolean             from_pdf,
                                     GArray             **lines,
                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
