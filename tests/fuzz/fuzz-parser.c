/* fuzz-parser.c: libFuzzer target for ic_parse_report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the text of a report with pages separated by form feeds,
 * as the loader hands it over; the loader only passes valid UTF-8, so
 * invalid sequences are replaced first.  The first byte's low bit picks
 * PDF or plain-text input.
 */
#include "config.h"

#include <stdint.h>

#include "ic-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = NULL;
  gboolean from_pdf = size > 0 && (data[0] & 1);

  report = ic_parse_report ("fuzz.txt", (const char * const *) pages, from_pdf, &error);

  /* Either a report or a reason, never both or neither. */
  g_assert_true ((report == NULL) != (error == NULL));
  if (report != NULL)
    g_assert_nonnull (ic_report_get_source (report));

  return 0;
}
