/* test-text.c: decoding text files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-text.h"

static char *
decode (const char *bytes,
        gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *text = ic_text_decode (bytes, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static void
test_utf8 (void)
{
  const char plain[] = "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\r\nline two\rthree\n";
  const char bom[] = "\xef\xbb\xbfHello\r\n";
  g_autofree char *a = decode (plain, sizeof plain - 1);
  g_autofree char *b = decode (bom, sizeof bom - 1);

  g_assert_cmpstr (a, ==, "Café “quoted”\nline two\nthree\n");
  g_assert_cmpstr (b, ==, "Hello\n");
}

static void
test_utf16 (void)
{
  /* "Aé“\r\n" with a BOM, both byte orders. */
  const char le[] = "\xff\xfe" "A\0" "\xe9\0" "\x1c\x20" "\r\0" "\n\0";
  const char be[] = "\xfe\xff" "\0A" "\0\xe9" "\x20\x1c" "\0\r" "\0\n";
  g_autofree char *a = decode (le, sizeof le - 1);
  g_autofree char *b = decode (be, sizeof be - 1);

  g_assert_cmpstr (a, ==, "Aé“\n");
  g_assert_cmpstr (b, ==, "Aé“\n");
}

static void
test_utf16_without_bom (void)
{
  /* "Good – Ofsted\n" with no byte order mark, both byte orders. */
  const char le[] = "G\0o\0o\0d\0 \0\x13\x20 \0O\0f\0s\0t\0e\0d\0\n\0";
  const char be[] = "\0G\0o\0o\0d\0 \x20\x13\0 \0O\0f\0s\0t\0e\0d\0\n";
  g_autofree char *a = decode (le, sizeof le - 1);
  g_autofree char *b = decode (be, sizeof be - 1);

  g_assert_cmpstr (a, ==, "Good – Ofsted\n");
  g_assert_cmpstr (b, ==, "Good – Ofsted\n");
}

static void
test_cp1252 (void)
{
  /* Word's curly quotes, an en dash and a pound sign in Windows-1252. */
  const char cp[] = "\x93Good\x94 \x96 it\x92s \xa3" "5\r\n";
  g_autofree char *text = decode (cp, sizeof cp - 1);

  g_assert_cmpstr (text, ==, "“Good” – it’s £5\n");
}

static void
assert_not_text (const char *bytes,
                 gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ic_text_decode (bytes, length, &error);

  g_assert_null (text);
  g_assert_error (error, IC_TEXT_ERROR, IC_TEXT_ERROR_NOT_TEXT);
  g_assert_cmpstr (error->message, ==, "not a text file");
  g_assert_false (ic_text_looks_like_text (bytes, length));
}

static void
test_binary (void)
{
  const char nul[] = "text with a \0 NUL in it";
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const char controls[] = "a\x01\x02\x03\x04\x05\x06\x07\x08 b";
  const char odd_utf16[] = "\xff\xfe" "A\0B";
  guchar junk[4096];
  guint32 seed = 7;

  for (gsize i = 0; i < sizeof junk; i++)
    {
      seed = seed * 1103515245 + 12345;
      junk[i] = seed >> 24;
    }

  assert_not_text (nul, sizeof nul - 1);
  assert_not_text (png, sizeof png - 1);
  assert_not_text (controls, sizeof controls - 1);
  assert_not_text (odd_utf16, sizeof odd_utf16 - 1);
  assert_not_text ((const char *)junk, sizeof junk);
}

static void
test_pages (void)
{
  g_auto(GStrv) three = ic_text_split_pages ("one\n\ftwo\n\fthree\n\f\n");
  g_auto(GStrv) single = ic_text_split_pages ("only page");
  g_auto(GStrv) empty = ic_text_split_pages ("");

  g_assert_cmpuint (g_strv_length (three), ==, 3);
  g_assert_cmpstr (three[0], ==, "one\n");
  g_assert_cmpstr (three[1], ==, "two\n");
  g_assert_cmpstr (three[2], ==, "three\n");
  g_assert_cmpuint (g_strv_length (single), ==, 1);
  g_assert_cmpuint (g_strv_length (empty), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/utf8", test_utf8);
  g_test_add_func ("/text/utf16", test_utf16);
  g_test_add_func ("/text/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/text/cp1252", test_cp1252);
  g_test_add_func ("/text/binary", test_binary);
  g_test_add_func ("/text/pages", test_pages);

  return g_test_run ();
}
