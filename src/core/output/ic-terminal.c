/* ic-terminal.c: text safe to print on a terminal
 *
 * A file name may hold a newline (forging a second message line), an
 * escape sequence (driving the terminal) or bytes that are not UTF-8.
 * Messages on standard error show them escaped, as C strings do, so
 * each message stays one line and the terminal only ever shows text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-terminal"

#include "config.h"

#include "ic-terminal.h"

static void
append_control (GString *out,
                guchar   c)
{
  switch (c)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    default:
      g_string_append_printf (out, "\\x%02x", c);
      break;
    }
}

/* Line separators and format characters (bidirectional overrides among
 * them) can make a line read as something else. */
static gboolean
is_invisible (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/**
 * ic_terminal_escape:
 * @text: (nullable): any bytes
 *
 * Returns: (transfer full): @text with control characters (C0, DEL, C1),
 *   line separators and format characters,
 *   backslashes and bytes that are not UTF-8 escaped; valid printable
 *   UTF-8 is kept as it is
 */
char *
ic_terminal_escape (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7f)
        append_control (out, (guchar) c);
      else if ((c >= 0x80 && c < 0xa0) || is_invisible (c))
        g_string_append_printf (out, "\\u%04x", c);
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
