/* fuzz-authorities.c: libFuzzer target for ic-authorities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ic-authorities.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const IcAuthority *found;
  gsize start;
  gsize len;

  found = ic_authorities_lookup (text);
  if (found != NULL)
    g_assert_true (ic_authorities_lookup (ic_authority_get_name (found)) == found);

  /* A name found in text lies inside it and, read on its own, names the
   * same authority. */
  found = ic_authorities_find_in_text (text, &start, &len);
  if (found != NULL)
    {
      g_autofree char *printed = NULL;

      g_assert_cmpuint (len, >, 0);
      g_assert_cmpuint (start + len, <=, strlen (text));
      printed = g_strndup (text + start, len);
      g_assert_true (ic_authorities_lookup (printed) == found);
    }

  return 0;
}
