/* ic-display-text.c: text that a text renderer can always draw
 *
 * A Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0 to U+FDEF, and the last
 * two code points of every plane) is valid UTF-8, but pango refuses it
 * and cairo then stops drawing altogether. Report text can hold one (a
 * text file, or a PDF whose ToUnicode map yields one), so every string
 * is cleaned before it reaches pango: such characters, and bytes that
 * are not UTF-8, become U+FFFD.
 *
 * A private-use code point (U+E000 to U+F8FF) is a glyph of a symbol
 * font that a PDF's text gives as it is: in reports, the bullets of
 * lists (U+F0B7). No font here draws it but as a box, so it becomes a
 * bullet, "•".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-display-text"

#include "config.h"

#include "ic-display-text.h"

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/**
 * ic_display_text:
 * @text: (nullable): any bytes
 *
 * Returns: (transfer full): @text as valid UTF-8 without noncharacters
 */
char *
ic_display_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_noncharacter (c))
        g_string_append_unichar (out, 0xFFFD);
      else if (c >= 0xE000 && c <= 0xF8FF)
        g_string_append_unichar (out, 0x2022);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
