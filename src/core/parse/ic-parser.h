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

G_END_DECLS
