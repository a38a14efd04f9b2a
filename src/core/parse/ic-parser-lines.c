/* ic-parser-lines.c: pages of text -> clean lines
 *
 * PDF text carries furniture that is not part of the report: page numbers,
 * running heads and footers repeated on every page, and footnotes at the
 * bottom of a page that would otherwise split an improvement item in two.
 * They are removed here so that the rest of the parser sees prose only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-parser-private.h"

static gboolean
is_space_like (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x3000 || c == 0xFEFF;
}

/* The ASCII characters g_unichar_isspace() takes for space: most of a
 * report's text is ASCII, and deciding it byte by byte spares the
 * Unicode tables for the rest (is_space_like() says the same of them). */
static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Folds white space to single spaces, mends ligatures and drops soft
 * hyphens, keeping everything else as printed. Nothing here makes a line
 * longer (a space stands for at least one, a ligature's letters for its
 * three bytes), so the line is written into one buffer of its length. */
static char *
clean_line (const char *raw)
{
  char *out = g_malloc (strlen (raw) + 1);
  gsize len = 0;
  gboolean pending_space = FALSE;

  for (const char *p = raw; *p; p = g_utf8_next_char (p))
    {
      const char *letters = NULL;
      gunichar c;

      if ((guchar)*p < 0x80)
        {
          if (is_ascii_space (*p))
            {
              pending_space = len > 0;
              continue;
            }
          if (pending_space)
            out[len++] = ' ';
          pending_space = FALSE;
          out[len++] = *p;
          continue;
        }

      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      if (c == 0xAD || c == 0x200C || c == 0x200D)
        continue;
      if (is_space_like (c))
        {
          pending_space = len > 0;
          continue;
        }
      if (pending_space)
        out[len++] = ' ';
      pending_space = FALSE;

      switch (c)
        {
        case 0xFB00: letters = "ff"; break;
        case 0xFB01: letters = "fi"; break;
        case 0xFB02: letters = "fl"; break;
        case 0xFB03: letters = "ffi"; break;
        case 0xFB04: letters = "ffl"; break;
        default: len += g_unichar_to_utf8 (c, out + len);
        }
      if (letters != NULL)
        {
          memcpy (out + len, letters, strlen (letters));
          len += strlen (letters);
        }
    }

  out[len] = '\0';
  return out;
}

/* g_ascii_tolower() is a function call per character; this is the same
 * for ASCII, inline. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/**
 * _ic_parser_fold:
 *
 * Lower case with typographic quotes and dashes made plain and bold
 * markers ("**good**") removed, for matching only.
 */
char *
_ic_parser_fold (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* ASCII, most of the text, without the Unicode tables. */
      if ((guchar)*p < 0x80)
        {
          if (*p != '*')
            g_string_append_c (out, *p == '`' ? '\'' : ascii_lower (*p));
          continue;
        }

      c = g_utf8_get_char (p);

      if (c == '*')
        continue;
      if (c == 0x2018 || c == 0x2019 || c == 0x2032 || c == '`')
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      else if (c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
               c == 0x2212 || c == 0x2500)
        c = '-';
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_page_number (const char *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(page\\s+)?\\d{1,3}(\\s+of\\s+\\d{1,3})?$",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (re, text, 0, NULL);
}

typedef struct
{
  GPtrArray *lines;  /* of char*, cleaned, "" for blank */
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->lines, g_ptr_array_unref);
}

static Page *
split_pages (const char * const *pages,
             guint              *n_pages)
{
  guint n = pages ? g_strv_length ((char **)pages) : 0;
  Page *out = g_new0 (Page, MAX (n, 1));

  for (guint p = 0; p < n; p++)
    {
      g_auto(GStrv) raw = g_strsplit (pages[p], "\n", -1);

      out[p].lines = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; raw[i] != NULL; i++)
        g_ptr_array_add (out[p].lines, clean_line (raw[i]));
    }

  *n_pages = n;
  return out;
}

/* Index of the first (or last) non-blank line of a page, or -1. */
static int
edge_line (Page     *page,
           gboolean  last)
{
  int n = page->lines->len;

  for (int k = 0; k < n; k++)
    {
      int i = last ? n - 1 - k : k;
      const char *text = g_ptr_array_index (page->lines, i);

      if (*text)
        return i;
    }
  return -1;
}

static void
blank_line (Page *page,
            int   i)
{
  g_free (page->lines->pdata[i]);
  page->lines->pdata[i] = g_strdup ("");
}

static void
drop_page_numbers (Page  *pages,
                   guint  n_pages)
{
  for (guint p = 0; p < n_pages; p++)
    for (int side = 0; side < 2; side++)
      {
        int i = edge_line (&pages[p], side);

        if (i >= 0 && is_page_number (g_ptr_array_index (pages[p].lines, i)))
          blank_line (&pages[p], i);
      }
}

/* Running heads and footers: the same first or last line on many pages. */
static void
drop_running_lines (Page  *pages,
                    guint  n_pages)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n_pages < 3)
    return;

  for (int side = 0; side < 2; side++)
    for (guint p = 0; p < n_pages; p++)
      {
        int i = edge_line (&pages[p], side);

        if (i >= 0)
          {
            char *key = g_strdup_printf ("%d:%s", side, (char *)g_ptr_array_index (pages[p].lines, i));
            g_hash_table_insert (counts, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
          }
      }

  for (int side = 0; side < 2; side++)
    for (guint p = 0; p < n_pages; p++)
      {
        int i = edge_line (&pages[p], side);
        g_autofree char *key = NULL;
        guint count;

        if (i < 0)
          continue;
        /* The first page opens with the title, which later pages may
         * repeat as their running head: keep it. A lone glyph is a bullet
         * whose text follows, not furniture. */
        if ((side == 0 && p == 0) || g_utf8_strlen (g_ptr_array_index (pages[p].lines, i), -1) < 3)
          continue;
        key = g_strdup_printf ("%d:%s", side, (char *)g_ptr_array_index (pages[p].lines, i));
        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
        if (count >= 3 && count * 10 >= n_pages * 3)
          blank_line (&pages[p], i);
      }
}

/* Footnote markers are digits glued to the end of a word or heading
 * ("board1", "What needs to improve?1"); the footnote itself starts a line
 * with the same number near the bottom of the page. */
static void
collect_footnote_markers (Page     *pages,
                          guint     n_pages,
                          gboolean *markers)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("[a-z?:),.’'](\\d{1,2})(\\s|$)", G_REGEX_OPTIMIZE, 0, NULL));

  for (guint p = 0; p < n_pages; p++)
    for (guint i = 0; i < pages[p].lines->len; i++)
      {
        g_autoptr(GMatchInfo) info = NULL;

        g_regex_match (re, g_ptr_array_index (pages[p].lines, i), 0, &info);
        while (g_match_info_matches (info))
          {
            g_autofree char *digits = g_match_info_fetch (info, 1);
            int n = atoi (digits);

            if (n > 0 && n < 100)
              markers[n] = TRUE;
            g_match_info_next (info, NULL);
          }
      }
}

/* Removes the marker @n glued to a word of @page's lines above @below
 * ("children2" -> "children"): its note has been found at the foot of
 * the page, so the digit is no part of the text. */
static void
unglue_marker (Page  *page,
               long   n,
               guint  below)
{
  g_autofree char *pattern = g_strdup_printf ("(?<=[a-z?:),.’'])%ld(?=\\s|$)", n);
  GRegex *re = _ic_parser_regex_for (pattern);

  for (guint i = 0; i < below; i++)
    {
      char *text = g_ptr_array_index (page->lines, i);
      char *mended = g_regex_replace_literal (re, text, -1, 0, "", 0, NULL);

      g_free (text);
      page->lines->pdata[i] = mended;
    }
}

static void
drop_footnotes (Page  *pages,
                guint  n_pages)
{
  gboolean markers[100] = { FALSE };

  collect_footnote_markers (pages, n_pages, markers);

  for (guint p = 0; p < n_pages; p++)
    {
      GPtrArray *lines = pages[p].lines;

      for (guint i = lines->len / 3; i < lines->len; i++)
        {
          const char *text = g_ptr_array_index (lines, i);
          char *end;
          long n = strtol (text, &end, 10);

          if (end == text || n <= 0 || n >= 100 || !markers[n] || *end != ' ' ||
              !g_ascii_isupper (end[1]))
            continue;

          /* Every note from here down, each with its marker above. */
          for (guint k = i; k < lines->len; k++)
            {
              const char *note = g_ptr_array_index (lines, k);
              long m = strtol (note, &end, 10);

              if (end != note && m > 0 && m < 100 && *end == ' ')
                unglue_marker (&pages[p], m, i);
              blank_line (&pages[p], k);
            }
          break;
        }
    }
}

/* Ofsted's address, printed at the foot or head of letters' pages:
 * furniture, not the text of the item above it. */
static gboolean
is_letterhead (const char *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(?:(?:Piccadilly Gate|Store Street|Manchester|M1 2WD|"
                                         "T:? 0300 123 1231|Textphone:? [0-9 ]+|"
                                         "enquiries@ofsted\\.gov\\.uk|www\\.gov\\.uk/ofsted|"
                                         "www\\.ofsted\\.gov\\.uk)[ ,]*)+$",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  /* "Manchester" alone may be the authority. */
  return !g_str_equal (text, "Manchester") && g_regex_match (re, text, 0, NULL);
}

/* A bullet printed on a line of its own, its text on the next line
 * ("-" + "an understanding of …"), as PDF text often comes out. */
static gboolean
is_lone_marker (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  if (*g_utf8_next_char (text) != '\0')
    return FALSE;
  /* The glyphs bullets are printed with, and the private-use code points
   * of symbol fonts; not table rules or stray punctuation. */
  return c == 'o' || c == '-' || c == '*' || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
         c == 0x0336 || c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x2219 || c == 0x00B7 ||
         c == 0x27A2 || c == 0x27A4 || c == 0x2713 || c == 0x2714;
}

static void
append_line (GArray     *lines,
             const char *text,
             guint       page,
             gboolean    blank_before)
{
  IcLine line = { 0 };

  line.text = g_strdup (text);
  line.folded = _ic_parser_fold (text);
  line.page = page;
  line.blank_before = blank_before;
  g_array_append_val (lines, line);
}

static void
clear_line (gpointer data)
{
  IcLine *line = data;

  g_free (line->text);
  g_free (line->folded);
}

/* Appends a page's non-blank lines, joining a lone bullet glyph to the
 * line after it. */
static void
append_page (GArray *lines,
             Page   *page,
             guint   number)
{
  gboolean blank = TRUE;
  g_autofree char *marker = NULL;

  for (guint i = 0; i < page->lines->len; i++)
    {
      const char *text = g_ptr_array_index (page->lines, i);
      g_autofree char *joined = NULL;

      if (*text == '\0' || is_letterhead (text))
        {
          blank = TRUE;
          continue;
        }
      if (marker == NULL && is_lone_marker (text))
        {
          marker = g_strdup (text);
          continue;
        }
      if (marker != NULL)
        {
          text = joined = g_strconcat (marker, " ", text, NULL);
          g_clear_pointer (&marker, g_free);
          blank = TRUE;
        }
      append_line (lines, text, number, blank);
      blank = FALSE;
    }
  if (marker != NULL)
    append_line (lines, marker, number, blank);
}

/**
 * _ic_parser_split_lines:
 *
 * Returns: (transfer full): an array of #IcLine with no blank lines; a
 *   blank or a page break is recorded on the line after it
 */
GArray *
_ic_parser_split_lines (const char * const *pages,
                        gboolean            from_pdf)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (IcLine));
  guint n_pages = 0;
  Page *split = split_pages (pages, &n_pages);

  g_array_set_clear_func (lines, clear_line);

  drop_page_numbers (split, n_pages);
  if (from_pdf)
    {
      /* Furniture comes in blocks (title, dates, page number at the head
         of ILACS pages): peel it off a line at a time. */
      for (guint pass = 0; pass < 3; pass++)
        {
          drop_running_lines (split, n_pages);
          drop_page_numbers (split, n_pages);
        }
      drop_footnotes (split, n_pages);
    }

  for (guint p = 0; p < n_pages; p++)
    {
      append_page (lines, &split[p], from_pdf ? p + 1 : 0);
      page_clear (&split[p]);
    }

  g_free (split);
  return lines;
}

/**
 * _ic_parser_join:
 *
 * Returns: the folded text of lines [@from, @to) joined with spaces
 */
char *
_ic_parser_join (IcParse *parse,
                 guint    from,
                 guint    to)
{
  GString *out = g_string_new (NULL);

  to = MIN (to, parse->lines->len);
  for (guint i = from; i < to; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, IC_LINE (parse, i)->folded);
    }

  return g_string_free (out, FALSE);
}

/**
 * _ic_parser_match_grade:
 * @folded: folded text
 *
 * Finds the first grade word in @folded, in every printed form: wrapped,
 * "requires improvement to be good", the plural "require improvement",
 * "Grade 4 (inadequate)".
 */
gboolean
_ic_parser_match_grade (const char *folded,
                        IcGrade    *grade,
                        gsize      *start,
                        gsize      *end)
{
  static GRegex *re;
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *word = NULL;
  int s, e;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("\\b(?:grade [1-4] \\()?(outstanding|good|inadequate|adequate|"
                                         "requires? improvement(?: to be good)?)\\b\\)?",
                                         G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (re, folded, 0, &info))
    return FALSE;

  word = g_match_info_fetch (info, 1);
  g_match_info_fetch_pos (info, 0, &s, &e);
  if (start)
    *start = s;
  if (end)
    *end = e;

  if (g_str_equal (word, "outstanding"))
    *grade = IC_GRADE_OUTSTANDING;
  else if (g_str_equal (word, "good"))
    *grade = IC_GRADE_GOOD;
  else if (g_str_equal (word, "inadequate"))
    *grade = IC_GRADE_INADEQUATE;
  else if (g_str_equal (word, "adequate"))
    *grade = IC_GRADE_ADEQUATE;
  else
    *grade = IC_GRADE_REQUIRES_IMPROVEMENT;

  return TRUE;
}

/**
 * _ic_parser_regex:
 * @slot: a static pointer of the caller's, %NULL until the first call
 *
 * Compiling a pattern costs more than matching it against a line, and
 * the parser matches its patterns against every line of every report:
 * each pattern is compiled once, on first use, and shared by the load
 * workers (a #GRegex is immutable once compiled).
 *
 * Returns: (transfer none): @pattern compiled with @flags
 */
GRegex *
_ic_parser_regex (GRegex             **slot,
                  const char          *pattern,
                  GRegexCompileFlags   flags)
{
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_regex_new (pattern, flags, 0, NULL));
  return *slot;
}

/**
 * _ic_parser_regex_for:
 *
 * For patterns made at run time (a footnote's number, a caller's
 * phrase), from a small set: each is compiled once and kept.
 *
 * Returns: (transfer none): @pattern compiled with no flags
 */
GRegex *
_ic_parser_regex_for (const char *pattern)
{
  static GMutex mutex;
  static GHashTable *compiled;
  GRegex *regex;

  g_mutex_lock (&mutex);
  if (compiled == NULL)
    compiled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_regex_unref);
  regex = g_hash_table_lookup (compiled, pattern);
  if (regex == NULL)
    {
      regex = g_regex_new (pattern, 0, 0, NULL);
      g_hash_table_insert (compiled, g_strdup (pattern), regex);
    }
  g_mutex_unlock (&mutex);
  return regex;
}
