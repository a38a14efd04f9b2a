/* fuzz-dates.c: libFuzzer target for ic-dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ic-dates.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  GDate start;
  GDate end;
  GDate day;
  gsize match_start;
  gsize match_len;

  /* Whatever is found is a real range, inside the text. */
  if (ic_dates_find_range_span (text, &start, &end, &match_start, &match_len))
    {
      g_assert_true (g_date_valid (&start) && g_date_valid (&end));
      g_assert_cmpint (g_date_compare (&start, &end), <=, 0);
      g_assert_cmpuint (match_len, >, 0);
      g_assert_cmpuint (match_start + match_len, <=, strlen (text));
    }

  if (ic_dates_parse_day (text, &day))
    g_assert_true (g_date_valid (&day));

  return 0;
}
