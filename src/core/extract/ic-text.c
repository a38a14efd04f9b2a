/* ic-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ic-text.h"

G_DEFINE_QUARK (ic-text-error-quark, ic_text_error)

/* Windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static gboolean
is_bad_control (gunichar c)
{
  /* Tab, line feed, form feed and carriage return are text; the other C0
   * controls and DEL only appear in binary files. */
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
}

/* Binary files are rejected rather than shown as mojibake: any NUL, or
 * more than one control character in a hundred. */
static gboolean
utf8_is_text (const char *text)
{
  gsize n = 0, bad = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), n++)
    if (is_bad_control (g_utf8_get_char (p)))
      bad++;

  return bad * 100 <= n;
}

static char *
normalise_newlines (const char *text,
                    gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
from_cp1252 (const guchar *data,
             gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b < 0xA0)
        {
          if (cp1252_high[b - 0x80] == 0)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append_unichar (out, cp1252_high[b - 0x80]);
        }
      else
        g_string_append_unichar (out, b);
    }

  return g_string_free (out, FALSE);
}

static char *
from_utf16 (const char *data,
            gsize       length,
            const char *charset)
{
  gsize written = 0;
  char *utf8;

  if (length % 2 != 0)
    return NULL;
  utf8 = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);
  if (utf8 != NULL && strlen (utf8) != written)
    g_clear_pointer (&utf8, g_free);   /* An embedded U+0000. */
  return utf8;
}

/* UTF-16 without a byte order mark: English text in UTF-16 has a zero
 * byte in every other position, on the odd side for little-endian. */
static const char *
guess_utf16 (const guchar *u,
             gsize         length)
{
  gsize pairs = MIN (length, 4096) / 2;
  gsize even_zero = 0, odd_zero = 0;

  if (length % 2 != 0 || pairs < 2)
    return NULL;

  for (gsize i = 0; i < pairs; i++)
    {
      even_zero += u[2 * i] == 0;
      odd_zero += u[2 * i + 1] == 0;
    }

  if (odd_zero * 10 >= pairs * 6 && even_zero * 20 <= pairs)
    return "UTF-16LE";
  if (even_zero * 10 >= pairs * 6 && odd_zero * 20 <= pairs)
    return "UTF-16BE";
  return NULL;
}

static char *
decode_raw (const char *data,
            gsize       length)
{
  const guchar *u = (const guchar *)data;
  const char *utf16;

  if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    return from_utf16 (data + 2, length - 2, "UTF-16LE");
  if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    return from_utf16 (data + 2, length - 2, "UTF-16BE");
  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      utf16 = guess_utf16 ((const guchar *)data, length);
      return utf16 ? from_utf16 (data, length, utf16) : NULL;
    }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);
  return from_cp1252 ((const guchar *)data, length);
}

/**
 * ic_text_decode:
 *
 * Returns: (transfer full): the text as UTF-8 with "\n" line ends
 */
char *
ic_text_decode (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autofree char *utf8 = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length == 0)
    return g_strdup ("");

  utf8 = decode_raw (data, length);
  if (utf8 == NULL || !utf8_is_text (utf8))
    {
      g_set_error_literal (error, IC_TEXT_ERROR, IC_TEXT_ERROR_NOT_TEXT, N_("not a text file"));
      return NULL;
    }

  return normalise_newlines (utf8, strlen (utf8));
}

gboolean
ic_text_looks_like_text (const char *data,
                         gsize       length)
{
  g_autofree char *text = ic_text_decode (data, length, NULL);

  return text != NULL;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/**
 * ic_text_check_page_count:
 *
 * Returns: %FALSE, with a reason in words, when @text has more than
 *   %IC_MAX_PAGES pages; counted before splitting, which would cost
 *   memory for every page
 */
gboolean
ic_text_check_page_count (const char  *text,
                          GError     **error)
{
  guint form_feeds = 0;

  for (const char *p = strchr (text, '\f'); p != NULL; p = strchr (p + 1, '\f'))
    if (++form_feeds > IC_MAX_PAGES)
      {
        g_set_error (error, IC_TEXT_ERROR, IC_TEXT_ERROR_TOO_MANY_PAGES,
                     N_("too many pages (more than %d): not an inspection report"), IC_MAX_PAGES);
        return FALSE;
      }
  return TRUE;
}

/**
 * ic_text_split_pages:
 *
 * Returns: (transfer full): the pages, at least one
 */
char **
ic_text_split_pages (const char *text)
{
  char **pages;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);

  pages = g_strsplit (text, "\f", -1);
  n = g_strv_length (pages);
  if (n == 0)
    {
      g_strfreev (pages);
      pages = g_new0 (char *, 2);
      pages[0] = g_strdup ("");
      return pages;
    }
  /* A form feed after the last page is common (pdftotext writes one). */
  if (n > 1 && is_blank (pages[n - 1]))
    g_clear_pointer (&pages[n - 1], g_free);

  return pages;
}
