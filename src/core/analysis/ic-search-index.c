/* ic-search-index.c: every word of every report, for evidence search
 *
 * A document is the report's text as the parser sees it (running heads,
 * page numbers, footnotes and Ofsted's letterhead removed by
 * _ic_parser_split_lines()), joined into one string, and a table from
 * stem to the byte offsets of the words with that stem. Stems come from
 * ic_words_stem_word(), the stemmer of the theme rules, so "supports",
 * "supported" and "supporting" meet as they do in themes.
 *
 * Word queries look a stem up; phrases look their first word up and
 * compare the text from there, so the table needs no second index of
 * exact words. A query of several terms matches where all of them stand
 * within a sentence or so of each other (WINDOW); OR joins such groups
 * as alternatives (it binds loosest: "a b OR c" is "(a b) OR c").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-search"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-cache.h"
#include "ic-parser-private.h"
#include "ic-search-index.h"
#include "ic-words.h"

/* Terms of one query must start within this many bytes of the first
 * term's: about 25 words, a sentence of a report. */
#define WINDOW 150
/* Longer "words" are table rules or URLs: not worth indexing. */
#define MAX_WORD 63

#define SOFT_HYPHEN "\xC2\xAD"

typedef struct
{
  guint32 stem;   /* offset of the stem in the stems blob */
  guint32 first;  /* first of its positions */
  guint32 count;
} StemEntry;

typedef struct
{
  guint32 offset;  /* where the page's text starts */
  guint32 page;    /* 1-based PDF page, 0 for text files */
} PageStart;

struct _IcSearchDoc
{
  char      *text;
  gsize      length;
  PageStart *pages;
  guint      n_pages;
  char      *stems;
  gsize      stems_length;
  StemEntry *entries;
  guint      n_entries;
  guint32   *positions;
  guint      n_positions;
};

typedef struct
{
  char *stem;    /* of the word, or of a phrase's first word */
  char *phrase;  /* folded phrase, NULL for a word */
} Term;

/* Alternatives joined by OR; each matches where all its terms stand
 * close together. */
struct _IcSearchQuery
{
  GPtrArray *alternatives;  /* of GArray of Term */
};

/* ---- characters ---- */

static gboolean
is_soft_hyphen (const char *p)
{
  return (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xAD;
}

static gboolean
is_word_char_at (const char *p)
{
  if ((guchar) *p < 0x80)
    return g_ascii_isalnum (*p);
  return !is_soft_hyphen (p) && g_unichar_isalnum (g_utf8_get_char (p));
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`';
}

/* What a character compares as in a phrase: lower case, one apostrophe,
 * one double quote, one dash. */
static gunichar
fold_char (gunichar c)
{
  if (is_apostrophe (c) || c == 0x2032)
    return '\'';
  if (c == 0x201C || c == 0x201D)
    return '"';
  if ((c >= 0x2010 && c <= 0x2014) || c == 0x2212)
    return '-';
  if (g_unichar_isspace (c) || c == 0xA0)
    return ' ';
  return g_unichar_tolower (c);
}

/* ---- words ---- */

typedef void (*WordFunc) (const char *folded,
                          guint       start,
                          gpointer    data);

/* Lower case, accents dropped, soft hyphens left out: the form
 * ic_words_stem_word() expects. FALSE for a word too long to index. */
static gboolean
fold_word (const char *start,
           const char *end,
           char        buf[MAX_WORD + 1])
{
  gsize n = 0;
  gboolean ascii = TRUE;

  for (const char *p = start; p < end; p++)
    {
      if (is_soft_hyphen (p))
        {
          p++;
          continue;
        }
      if (n == MAX_WORD)
        return FALSE;
      ascii = ascii && (guchar) *p < 0x80;
      buf[n++] = g_ascii_tolower (*p);
    }
  buf[n] = '\0';

  if (!ascii)
    {
      g_autofree char *plain = g_str_to_ascii (buf, "C");

      if (strlen (plain) > MAX_WORD)
        return FALSE;
      for (char *q = plain; *q; q++)
        *q = g_ascii_tolower (*q);
      strcpy (buf, plain);
    }
  return n > 0;
}

static void
emit_word (const char *text,
           const char *start,
           const char *end,
           WordFunc    func,
           gpointer    data)
{
  char buf[MAX_WORD + 1];

  if (fold_word (start, end, buf))
    func (buf, start - text, data);
}

/* A run of word characters, joined across soft hyphens. Each part is a
 * word, and so is the whole ("multi", "agency", "multiagency"). */
static const char *
emit_compound (const char *text,
               const char *p,
               WordFunc    func,
               gpointer    data)
{
  const char *start = p;
  const char *part = p;
  gboolean joined = FALSE;

  for (;;)
    {
      while (*p && is_word_char_at (p))
        p = g_utf8_next_char (p);
      if (!(is_soft_hyphen (p) && is_word_char_at (p + 2)))
        break;
      emit_word (text, part, p, func, data);
      p += 2;
      part = p;
      joined = TRUE;
    }
  emit_word (text, part, p, func, data);
  if (joined)
    emit_word (text, start, p, func, data);
  return p;
}

/* After an apostrophe: "child's" loses the "'s", as in ic_words_tokenise(). */
static const char *
skip_possessive (const char *p)
{
  const char *next = g_utf8_next_char (p);

  if ((*next == 's' || *next == 'S') && !is_word_char_at (next + 1))
    return next + 1;
  return next;
}

static void
for_each_word (const char *text,
               WordFunc    func,
               gpointer    data)
{
  const char *p = text;

  while (*p)
    {
      if (!is_word_char_at (p))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      p = emit_compound (text, p, func, data);
      if (*p && is_apostrophe (g_utf8_get_char (p)))
        p = skip_possessive (p);
    }
}

/* ---- building a document ---- */

static gboolean
ends_hyphenated (GString *text)
{
  return text->len >= 2 && text->str[text->len - 1] == '-' &&
         g_ascii_isalpha (text->str[text->len - 2]);
}

/* The bytes of @lines joined with spaces. */
static gsize
text_size (GArray *lines)
{
  gsize size = 1;

  for (guint i = 0; i < lines->len; i++)
    size += strlen (g_array_index (lines, IcLine, i).text) + 1;
  return size;
}

/* Lines joined with spaces; a line ending in a hyphen after a letter
 * that the next line continues in lower case is a word broken at the
 * line end: its hyphen becomes a soft hyphen, which phrases match with
 * or without a hyphen. */
static void
build_text (IcSearchDoc *doc,
            GArray      *lines)
{
  GString *text = g_string_sized_new (text_size (lines));
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (PageStart));

  for (guint i = 0; i < lines->len; i++)
    {
      IcLine *line = &g_array_index (lines, IcLine, i);

      if (i > 0 && ends_hyphenated (text) && g_ascii_islower (line->text[0]))
        {
          g_string_truncate (text, text->len - 1);
          g_string_append (text, SOFT_HYPHEN);
        }
      else if (i > 0)
        g_string_append_c (text, ' ');
      if (pages->len == 0 || g_array_index (pages, PageStart, pages->len - 1).page != line->page)
        {
          PageStart start = { text->len, line->page };
          g_array_append_val (pages, start);
        }
      g_string_append (text, line->text);
    }

  /* A GString grows by doubling: held for the document's life, its
   * slack would be a third of the text again. */
  doc->length = text->len;
  doc->text = g_realloc (g_string_free (text, FALSE), doc->length + 1);
  doc->n_pages = pages->len;
  doc->pages = g_realloc (g_array_free (pages, FALSE), MAX (1, doc->n_pages) * sizeof (PageStart));
}

static void
collect_word_cb (const char *folded,
                 guint       start,
                 gpointer    data)
{
  GHashTable *words = data;
  GArray *positions = g_hash_table_lookup (words, folded);
  guint32 offset = start;

  if (positions == NULL)
    {
      positions = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (words, g_strdup (folded), positions);
    }
  g_array_append_val (positions, offset);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Words that share a stem pool their positions. */
static GHashTable *
group_by_stem (GHashTable *words)
{
  GHashTable *stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer word, positions;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, &positions))
    {
      char *stem = ic_words_stem_word (word);
      GArray *pooled = g_hash_table_lookup (stems, stem);

      if (pooled == NULL)
        g_hash_table_insert (stems, stem, g_array_ref (positions));
      else
        {
          g_array_append_vals (pooled, ((GArray *) positions)->data, ((GArray *) positions)->len);
          g_free (stem);
        }
    }
  return stems;
}

/* The stems sorted into one block, each with its sorted positions. */
static void
pack_stems (IcSearchDoc *doc,
            GHashTable  *stems)
{
  g_autofree char **keys = (char **) g_hash_table_get_keys_as_array (stems, &doc->n_entries);
  GString *blob = g_string_new (NULL);
  GArray *positions;
  guint n_positions = 0;

  /* Sized once: the document keeps these blocks as long as it lives. */
  for (guint i = 0; i < doc->n_entries; i++)
    n_positions += ((GArray *) g_hash_table_lookup (stems, keys[i]))->len;
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_positions);
  qsort (keys, doc->n_entries, sizeof (char *), compare_strings);
  doc->entries = g_new (StemEntry, doc->n_entries);
  for (guint i = 0; i < doc->n_entries; i++)
    {
      GArray *own = g_hash_table_lookup (stems, keys[i]);
      StemEntry *entry = &doc->entries[i];

      g_array_sort (own, compare_offsets);
      entry->stem = blob->len;
      entry->first = positions->len;
      for (guint k = 0; k < own->len; k++)
        {
          guint32 offset = g_array_index (own, guint32, k);

          /* A compound and its first part may share a stem and a start. */
          if (k == 0 || offset != g_array_index (own, guint32, k - 1))
            g_array_append_val (positions, offset);
        }
      entry->count = positions->len - entry->first;
      g_string_append_len (blob, keys[i], strlen (keys[i]) + 1);
    }

  doc->stems_length = blob->len;
  doc->stems = g_realloc (g_string_free (blob, FALSE), doc->stems_length + 1);
  doc->n_positions = positions->len;
  doc->positions = g_realloc (g_array_free (positions, FALSE), MAX (1, doc->n_positions) * sizeof (guint32));
}

static void
doc_clear (gpointer data)
{
  IcSearchDoc *doc = data;

  g_free (doc->text);
  g_free (doc->pages);
  g_free (doc->stems);
  g_free (doc->entries);
  g_free (doc->positions);
}

static IcSearchDoc *doc_new_from_lines (GArray *lines);

/**
 * ic_search_doc_new:
 * @pages: the report's pages as extracted
 * @from_pdf: whether @pages are PDF pages (page numbers are recorded)
 *
 * Returns: (transfer full): the document
 */
IcSearchDoc *
ic_search_doc_new (const char * const *pages,
                   gboolean            from_pdf)
{
  g_autoptr(GArray) lines = _ic_parser_split_lines (pages, from_pdf);

  return doc_new_from_lines (lines);
}

/* @lines: of IcLine, as _ic_parser_split_lines() gives them */
static IcSearchDoc *
doc_new_from_lines (GArray *lines)
{
  IcSearchDoc *doc = g_atomic_rc_box_new0 (IcSearchDoc);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) stems = NULL;

  build_text (doc, lines);
  /* Offsets are 32-bit: a 2,000-page report is some 10 MB. */
  if (doc->length < G_MAXUINT32)
    for_each_word (doc->text, collect_word_cb, words);
  stems = group_by_stem (words);
  pack_stems (doc, stems);

  return doc;
}

IcSearchDoc *
ic_search_doc_ref (IcSearchDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return g_atomic_rc_box_acquire (doc);
}

void
ic_search_doc_unref (IcSearchDoc *doc)
{
  g_return_if_fail (doc != NULL);
  g_atomic_rc_box_release_full (doc, doc_clear);
}

const char *
ic_search_doc_get_text (IcSearchDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->text;
}

/* Bytes held, for measuring the index. */
gsize
ic_search_doc_get_size (IcSearchDoc *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->length + doc->n_pages * sizeof (PageStart) + doc->n_entries * sizeof (StemEntry) +
         doc->n_positions * sizeof (guint32) + doc->stems_length;
}

guint
ic_search_doc_page_at (IcSearchDoc *doc,
                       guint        offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (doc != NULL, 0);
  if (doc->n_pages == 0)
    return 0;

  /* The last page start at or before @offset. */
  hi = doc->n_pages;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (doc->pages[mid].offset <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return doc->pages[lo].page;
}

IcSearchDoc *
ic_search_doc_for_report (IcReport *report)
{
  IcSearchDoc *doc;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);

  if ((doc = _ic_report_get_search_doc (report)) != NULL)
    return doc;
  /* Reports the loader did not make (tests, a JSON model) say whether
   * they are PDFs only by name. */
  lower = g_ascii_strdown (ic_report_get_source (report), -1);
  _ic_report_take_search_doc (report, ic_search_doc_new (ic_report_get_pages (report),
                                                         g_str_has_suffix (lower, ".pdf")));
  return _ic_report_get_search_doc (report);
}

/* ---- queries ---- */

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_free (term->stem);
  g_free (term->phrase);
}

static void
first_word_cb (const char *folded,
               guint       start,
               gpointer    data)
{
  char **first = data;

  if (*first == NULL)
    *first = g_strdup (folded);
}

/* Lower case, plain quotes and dashes, single spaces, trimmed. */
static char *
fold_phrase (const char *text,
             gsize       length)
{
  GString *out = g_string_new (NULL);
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));

      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
add_phrase (GArray     *terms,
            const char *text,
            gsize       length)
{
  g_autofree char *phrase = fold_phrase (text, length);
  g_autofree char *first = NULL;
  Term term;

  for_each_word (phrase, first_word_cb, &first);
  if (first == NULL)
    return;
  term.stem = ic_words_stem_word (first);
  term.phrase = g_steal_pointer (&phrase);
  g_array_append_val (terms, term);
}

static void
add_word_cb (const char *folded,
             guint       start,
             gpointer    data)
{
  Term term = { ic_words_stem_word (folded), NULL };

  g_array_append_val ((GArray *) data, term);
}

/* English function words: a query of several words drops them, as
 * search engines do ("edge of care" finds "edge … care"). */
static gboolean
is_function_word (const Term *term)
{
  static const char * const words[] = {
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
    "of", "on", "or", "that", "the", "thi", "to", "wa", "with",
  };

  if (term->phrase != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (term->stem, words[i]))
      return TRUE;
  return FALSE;
}

static void
drop_function_words (GArray *terms)
{
  gboolean substance = FALSE;

  for (guint i = 0; i < terms->len; i++)
    substance = substance || !is_function_word (&g_array_index (terms, Term, i));
  for (guint i = terms->len; substance && i-- > 0;)
    if (is_function_word (&g_array_index (terms, Term, i)))
      g_array_remove_index (terms, i);
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D;
}

/* An uppercase OR standing alone, outside quotes, separates
 * alternatives; "or" in lower case stays an ordinary (function) word. */
static gboolean
is_or_at (const char *p,
          gunichar    before)
{
  gunichar after;

  if (p[0] != 'O' || p[1] != 'R')
    return FALSE;
  if (before != 0 && !g_unichar_isspace (before) && !is_quote (before))
    return FALSE;
  after = g_utf8_get_char_validated (p + 2, -1);
  return after == 0 || g_unichar_isspace (after) || is_quote (after);
}

static GArray *
terms_new (void)
{
  GArray *terms = g_array_new (FALSE, FALSE, sizeof (Term));

  g_array_set_clear_func (terms, term_clear);
  return terms;
}

/* Ends the alternative being read: its loose words join its phrases,
 * and it is kept when it has any term (the caller starts a new array). */
static void
finish_alternative (GPtrArray *alternatives,
                    GArray    *terms,
                    GString   *loose)
{
  for_each_word (loose->str, add_word_cb, terms);
  g_string_truncate (loose, 0);
  drop_function_words (terms);
  if (terms->len > 0)
    g_ptr_array_add (alternatives, g_array_ref (terms));
}

/**
 * ic_search_query_new:
 *
 * Returns: (transfer full) (nullable): the query, NULL when @text has no
 *   word
 */
IcSearchQuery *
ic_search_query_new (const char *text)
{
  IcSearchQuery *query;
  g_autoptr(GPtrArray) alternatives = NULL;
  g_autoptr(GArray) terms = NULL;
  g_autoptr(GString) loose = g_string_new (NULL);
  const char *open = NULL;
  gunichar before = 0;

  g_return_val_if_fail (text != NULL, NULL);
  alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  terms = terms_new ();

  /* Quoted stretches are phrases (an unclosed quote runs to the end);
   * the rest is loose words, and OR between them starts another
   * alternative. */
  for (const char *p = text; *p; before = g_utf8_get_char (p), p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (is_quote (c) && open == NULL)
        open = g_utf8_next_char (p);
      else if (is_quote (c))
        {
          add_phrase (terms, open, p - open);
          open = NULL;
        }
      else if (open == NULL && is_or_at (p, before))
        {
          finish_alternative (alternatives, terms, loose);
          g_array_unref (terms);
          terms = terms_new ();
          p++;
        }
      else if (open == NULL)
        g_string_append_unichar (loose, c);
    }
  if (open != NULL)
    add_phrase (terms, open, strlen (open));
  finish_alternative (alternatives, terms, loose);

  if (alternatives->len == 0)
    return NULL;
  query = g_new0 (IcSearchQuery, 1);
  query->alternatives = g_steal_pointer (&alternatives);
  return query;
}

void
ic_search_query_free (IcSearchQuery *query)
{
  if (query == NULL)
    return;
  g_ptr_array_unref (query->alternatives);
  g_free (query);
}

/* ---- matching ---- */

static const StemEntry *
lookup_stem (IcSearchDoc *doc,
             const char  *stem)
{
  guint lo = 0, hi = doc->n_entries;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = strcmp (doc->stems + doc->entries[mid].stem, stem);

      if (cmp == 0)
        return &doc->entries[mid];
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* The end of the word (or compound) starting at @start. */
static guint
word_end (IcSearchDoc *doc,
          guint        start)
{
  const char *p = doc->text + start;

  for (;;)
    {
      while (*p && is_word_char_at (p))
        p = g_utf8_next_char (p);
      if (!(is_soft_hyphen (p) && is_word_char_at (p + 2)))
        break;
      p += 2;
    }
  return p - doc->text;
}

/* The end of @phrase if the text at @start reads it, else 0. A soft
 * hyphen in the text matches a hyphen of the phrase, or nothing. */
static guint
phrase_end (IcSearchDoc *doc,
            guint        start,
            const char  *phrase)
{
  const char *t = doc->text + start;
  const char *q = phrase;

  while (*q)
    {
      gunichar want = g_utf8_get_char (q);

      if (is_soft_hyphen (t))
        {
          t += 2;
          if (want == '-')
            q++;
          continue;
        }
      if (*t == '\0' || fold_char (g_utf8_get_char (t)) != want)
        return 0;
      t = g_utf8_next_char (t);
      q = g_utf8_next_char (q);
    }
  if (is_word_char_at (t) || (is_soft_hyphen (t) && is_word_char_at (t + 2)))
    return 0;
  return t - doc->text;
}

/* Where @term occurs with a start in [@from, @to). */
static void
find_term (IcSearchDoc  *doc,
           const Term   *term,
           guint         from,
           guint         to,
           GArray       *out)
{
  const StemEntry *entry = lookup_stem (doc, term->stem);
  const guint32 *positions;
  guint lo = 0, hi;

  if (entry == NULL)
    return;
  positions = doc->positions + entry->first;
  hi = entry->count;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (positions[mid] < from)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < entry->count && positions[i] < to; i++)
    {
      IcSearchMark mark = { positions[i], 0 };

      mark.end = term->phrase ? phrase_end (doc, mark.start, term->phrase) : word_end (doc, mark.start);
      if (mark.end > mark.start)
        g_array_append_val (out, mark);
    }
}

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const IcSearchMark *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* The occurrence in @marks (sorted) whose start is nearest @offset. */
static const IcSearchMark *
nearest (GArray *marks,
         guint   offset)
{
  guint lo = 0, hi = marks->len;
  const IcSearchMark *best = NULL;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (marks, IcSearchMark, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < marks->len)
    best = &g_array_index (marks, IcSearchMark, lo);
  if (lo > 0 && (best == NULL ||
                 offset - g_array_index (marks, IcSearchMark, lo - 1).start < best->start - offset))
    best = &g_array_index (marks, IcSearchMark, lo - 1);
  return best;
}

/* Joins each occurrence of the first term with the nearest occurrence of
 * every other term within WINDOW; passages do not overlap. */
static void
combine_terms (GArray **found,
               guint    n_terms,
               GArray  *hits)
{
  guint last_end = 0;

  for (guint k = 0; k < found[0]->len; k++)
    {
      IcSearchMark hit = g_array_index (found[0], IcSearchMark, k);
      guint anchor = hit.start;
      gboolean all = TRUE;

      if (hits->len > 0 && hit.start < last_end)
        continue;
      for (guint t = 1; t < n_terms && all; t++)
        {
          const IcSearchMark *other = nearest (found[t], anchor);
          guint distance;

          if (other == NULL)
            break;
          distance = other->start > anchor ? other->start - anchor : anchor - other->start;
          all = distance <= WINDOW;
          hit.start = MIN (hit.start, other->start);
          hit.end = MAX (hit.end, other->end);
        }
      if (!all)
        continue;
      g_array_append_val (hits, hit);
      last_end = hit.end;
    }
}

/* Passages where every term of @terms stands close together. */
static void
find_alternative (IcSearchDoc *doc,
                  GArray      *terms,
                  GArray      *hits)
{
  guint n_terms = terms->len;
  g_autofree GArray **found = g_new0 (GArray *, n_terms);
  gboolean missing = FALSE;

  for (guint t = 0; t < n_terms; t++)
    {
      found[t] = g_array_new (FALSE, FALSE, sizeof (IcSearchMark));
      if (!missing)
        find_term (doc, &g_array_index (terms, Term, t), 0, G_MAXUINT, found[t]);
      missing = missing || found[t]->len == 0;
    }
  if (!missing)
    combine_terms (found, n_terms, hits);

  for (guint t = 0; t < n_terms; t++)
    g_array_unref (found[t]);
}

/* Sorts @hits and joins those that overlap (two alternatives, or two
 * phrases of one, found at the same place are one passage). */
static void
merge_overlaps (GArray *hits)
{
  guint kept = 0;

  g_array_sort (hits, compare_marks);
  for (guint i = 0; i < hits->len; i++)
    {
      IcSearchMark m = g_array_index (hits, IcSearchMark, i);
      IcSearchMark *last = kept ? &g_array_index (hits, IcSearchMark, kept - 1) : NULL;

      if (last != NULL && m.start < last->end)
        last->end = MAX (last->end, m.end);
      else
        g_array_index (hits, IcSearchMark, kept++) = m;
    }
  g_array_set_size (hits, kept);
}

GArray *
ic_search_doc_find (IcSearchDoc   *doc,
                    IcSearchQuery *query)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (IcSearchMark));

  g_return_val_if_fail (doc != NULL, hits);
  g_return_val_if_fail (query != NULL, hits);

  for (guint a = 0; a < query->alternatives->len; a++)
    find_alternative (doc, g_ptr_array_index (query->alternatives, a), hits);
  merge_overlaps (hits);
  return hits;
}

static void
hit_clear (gpointer data)
{
  IcSearchHit *hit = data;

  g_clear_object (&hit->report);
  g_clear_pointer (&hit->doc, ic_search_doc_unref);
}

GArray *
ic_search_run (GListModel    *reports,
               IcSearchQuery *query)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (IcSearchHit));
  guint n;

  g_array_set_clear_func (hits, hit_clear);
  g_return_val_if_fail (G_IS_LIST_MODEL (reports), hits);
  g_return_val_if_fail (query != NULL, hits);

  n = g_list_model_get_n_items (reports);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      IcSearchDoc *doc = ic_search_doc_for_report (report);
      g_autoptr(GArray) found = ic_search_doc_find (doc, query);

      for (guint k = 0; k < found->len; k++)
        {
          const IcSearchMark *mark = &g_array_index (found, IcSearchMark, k);
          IcSearchHit hit = { g_object_ref (report), ic_search_doc_ref (doc),
                              ic_search_doc_page_at (doc, mark->start), mark->start, mark->end };

          g_array_append_val (hits, hit);
        }
    }
  return hits;
}

/* ---- snippets ---- */

/* Moves @from forward to a word's start, not past @limit. */
static guint
snap_start (const char *text,
            guint       from,
            guint       limit)
{
  guint p = from;

  if (from == 0 || text[from - 1] == ' ')
    return from;
  while (p < limit && text[p] != ' ')
    p++;
  return p < limit ? p + 1 : limit;
}

/* Moves @to back to a word's end, not before @limit. */
static guint
snap_end (const char *text,
          gsize       length,
          guint       to,
          guint       limit)
{
  guint p = to;

  if (to >= length || text[to] == ' ')
    return MIN (to, length);
  while (p > limit && text[p] != ' ')
    p--;
  return p > limit ? p : limit;
}

/* Copies text [@from, @to) dropping soft hyphens, and moves @marks (doc
 * offsets within the range) to offsets in the copy. */
static void
copy_marked (IcSearchDoc *doc,
             guint        from,
             guint        to,
             GString     *out,
             GArray      *marks)
{
  g_autofree guint *moved = g_new (guint, to - from + 1);

  for (guint p = from; p < to; p++)
    {
      moved[p - from] = out->len;
      if (is_soft_hyphen (doc->text + p) && p + 1 < to)
        {
          moved[p + 1 - from] = out->len;
          p++;
          continue;
        }
      g_string_append_c (out, doc->text[p]);
    }
  moved[to - from] = out->len;

  for (guint i = 0; i < marks->len; i++)
    {
      IcSearchMark *m = &g_array_index (marks, IcSearchMark, i);

      m->start = moved[m->start - from];
      m->end = moved[m->end - from];
    }
}

/* Every term's occurrences in [@from, @to), sorted, overlaps merged. */
static GArray *
marks_between (IcSearchDoc   *doc,
               IcSearchQuery *query,
               guint          from,
               guint          to)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (IcSearchMark));
  guint kept = 0;

  for (guint a = 0; a < query->alternatives->len; a++)
    {
      GArray *terms = g_ptr_array_index (query->alternatives, a);

      for (guint t = 0; t < terms->len; t++)
        find_term (doc, &g_array_index (terms, Term, t), from, to, marks);
    }
  g_array_sort (marks, compare_marks);
  for (guint i = 0; i < marks->len; i++)
    {
      IcSearchMark m = g_array_index (marks, IcSearchMark, i);
      IcSearchMark *last = kept ? &g_array_index (marks, IcSearchMark, kept - 1) : NULL;

      m.end = MIN (m.end, to);
      if (last != NULL && m.start <= last->end)
        last->end = MAX (last->end, m.end);
      else
        g_array_index (marks, IcSearchMark, kept++) = m;
    }
  g_array_set_size (marks, kept);
  return marks;
}

char *
ic_search_hit_snippet (const IcSearchHit  *hit,
                       IcSearchQuery      *query,
                       guint               width,
                       GArray            **marks)
{
  IcSearchDoc *doc;
  guint span, pad, from, to;
  GString *out = g_string_new (NULL);
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (hit != NULL && hit->doc != NULL, g_string_free (out, FALSE));
  doc = hit->doc;

  span = hit->end - hit->start;
  pad = span < width ? (width - span) / 2 : 0;
  from = snap_start (doc->text, hit->start > pad ? hit->start - pad : 0, hit->start);
  to = snap_end (doc->text, doc->length, MIN (doc->length, (gsize) hit->end + pad), hit->end);

  found = query ? marks_between (doc, query, from, to)
                : g_array_new (FALSE, FALSE, sizeof (IcSearchMark));
  if (from > 0)
    g_string_append (out, "… ");
  copy_marked (doc, from, to, out, found);
  if (to < doc->length)
    g_string_append (out, " …");

  if (marks != NULL)
    *marks = g_steal_pointer (&found);
  return g_string_free (out, FALSE);
}

/* The end of @passage read at @t, or NULL. */
static const char *
locate_at (const char *t,
           const char *passage)
{
  const char *q = passage;

  while (*q)
    {
      if (is_soft_hyphen (q))
        {
          /* "develop-\nment" or "development". */
          if (*t == '-')
            for (t++; *t && g_unichar_isspace (g_utf8_get_char (t)); t = g_utf8_next_char (t))
              ;
          q += 2;
          continue;
        }
      if (*q == ' ')
        {
          if (!g_unichar_isspace (g_utf8_get_char (t)))
            return NULL;
          while (*t && g_unichar_isspace (g_utf8_get_char (t)))
            t = g_utf8_next_char (t);
          q++;
          continue;
        }
      if (*t == '\0' || fold_char (g_utf8_get_char (t)) != fold_char (g_utf8_get_char (q)))
        return NULL;
      t = g_utf8_next_char (t);
      q = g_utf8_next_char (q);
    }
  return t;
}

/* Whether @from … @stop of @text is whole words where @passage is: the
 * passage "in" is not the "in" of "Barking". */
static gboolean
is_whole_words (const char *text,
                const char *from,
                const char *stop,
                const char *passage)
{
  if (is_word_char_at (passage) && from > text
      && is_word_char_at (g_utf8_find_prev_char (text, from)))
    return FALSE;
  if (is_word_char_at (g_utf8_find_prev_char (passage, passage + strlen (passage)))
      && is_word_char_at (stop))
    return FALSE;
  return TRUE;
}

gboolean
ic_search_locate (const char *text,
                  const char *passage,
                  gsize      *start,
                  gsize      *end)
{
  const char *part_from = NULL, *part_stop = NULL;

  g_return_val_if_fail (text != NULL && passage != NULL, FALSE);

  if (*passage == '\0')
    return FALSE;
  for (const char *t = text; *t; t = g_utf8_next_char (t))
    {
      const char *stop = locate_at (t, passage);

      if (stop == NULL)
        continue;
      if (is_whole_words (text, t, stop, passage))
        {
          *start = t - text;
          *end = stop - text;
          return TRUE;
        }
      if (part_from == NULL)
        part_from = t, part_stop = stop;
    }
  /* The index's words and the printed text may cut a word differently
   * (an apostrophe, a ligature): then a match inside a word is better
   * than none. */
  if (part_from == NULL)
    return FALSE;
  *start = part_from - text;
  *end = part_stop - text;
  return TRUE;
}

/* ---- the cache ---- */

/* A document as bytes: a header of counts, then the text (with its NUL),
 * page starts, the stems, their entries and the positions, as they lie
 * in memory. Native byte order: the cache is this machine's. */
typedef struct
{
  guint32 version;
  guint32 length;
  guint32 n_pages;
  guint32 stems_length;
  guint32 n_entries;
  guint32 n_positions;
} Header;

#define DOC_VERSION 1

static GBytes *
doc_to_bytes (IcSearchDoc *doc)
{
  Header header = { DOC_VERSION, doc->length, doc->n_pages, doc->stems_length, doc->n_entries,
                    doc->n_positions };
  GByteArray *out = g_byte_array_new ();

  g_byte_array_append (out, (const guint8 *) &header, sizeof header);
  g_byte_array_append (out, (const guint8 *) doc->text, doc->length + 1);
  g_byte_array_append (out, (const guint8 *) doc->pages, doc->n_pages * sizeof (PageStart));
  g_byte_array_append (out, (const guint8 *) doc->stems, doc->stems_length);
  g_byte_array_append (out, (const guint8 *) doc->entries, doc->n_entries * sizeof (StemEntry));
  g_byte_array_append (out, (const guint8 *) doc->positions, doc->n_positions * sizeof (guint32));
  return g_byte_array_free_to_bytes (out);
}

/* Copies @size bytes from the reader, or FALSE when there are fewer. */
static gboolean
take (const guint8 **at,
      const guint8  *end,
      gsize          size,
      gpointer       out)
{
  if ((gsize) (end - *at) < size)
    return FALSE;
  memcpy (out, *at, size);
  *at += size;
  return TRUE;
}

/* Every offset points inside what it indexes: a cache entry is
 * checksummed, but a document is never trusted to be whole. */
static gboolean
doc_is_sound (IcSearchDoc *doc)
{
  if (doc->text[doc->length] != '\0' || (doc->stems_length > 0 && doc->stems[doc->stems_length - 1] != '\0'))
    return FALSE;
  for (guint i = 0; i < doc->n_pages; i++)
    if (doc->pages[i].offset > doc->length)
      return FALSE;
  for (guint i = 0; i < doc->n_entries; i++)
    if (doc->entries[i].stem >= doc->stems_length ||
        doc->entries[i].first > doc->n_positions ||
        doc->entries[i].count > doc->n_positions - doc->entries[i].first)
      return FALSE;
  for (guint i = 0; i < doc->n_positions; i++)
    if (doc->positions[i] >= doc->length)
      return FALSE;
  return TRUE;
}

static IcSearchDoc *
doc_from_bytes (GBytes *bytes)
{
  gsize size;
  const guint8 *at = g_bytes_get_data (bytes, &size);
  const guint8 *end = at + size;
  Header header;
  IcSearchDoc *doc;
  gboolean whole;

  if (!take (&at, end, sizeof header, &header) || header.version != DOC_VERSION ||
      header.length >= G_MAXUINT32 || (gsize) (end - at) < header.length + 1 ||
      header.n_pages > size / sizeof (PageStart) || header.n_entries > size / sizeof (StemEntry) ||
      header.n_positions > size / sizeof (guint32) || header.stems_length > size)
    return NULL;

  doc = g_atomic_rc_box_new0 (IcSearchDoc);
  doc->length = header.length;
  doc->n_pages = header.n_pages;
  doc->stems_length = header.stems_length;
  doc->n_entries = header.n_entries;
  doc->n_positions = header.n_positions;
  doc->text = g_malloc (header.length + 1);
  doc->pages = g_new (PageStart, header.n_pages);
  doc->stems = g_malloc (header.stems_length + 1);
  doc->entries = g_new (StemEntry, header.n_entries);
  doc->positions = g_new (guint32, header.n_positions);
  whole = take (&at, end, header.length + 1, doc->text) &&
          take (&at, end, header.n_pages * sizeof (PageStart), doc->pages) &&
          take (&at, end, header.stems_length, doc->stems) &&
          take (&at, end, header.n_entries * sizeof (StemEntry), doc->entries) &&
          take (&at, end, header.n_positions * sizeof (guint32), doc->positions) && at == end;
  if (!whole || !doc_is_sound (doc))
    {
      ic_search_doc_unref (doc);
      return NULL;
    }
  return doc;
}

/**
 * ic_search_doc_new_cached:
 * @cache: (nullable): the cache, or NULL when it is off
 *
 * @lines: (nullable): the lines the parser split @pages into
 *   (ic_parse_report_and_lines()), or NULL to split them here
 *
 * The document of @content_id from the cache, or built from @pages and
 * kept there: reading it back is much cheaper than indexing the text
 * again, which would make a warm reopen several times slower. Splitting
 * the pages into lines is half the cost of building a document: the
 * loader passes the parser's.
 *
 * Returns: (transfer full): the document
 */
IcSearchDoc *
ic_search_doc_new_cached (IcCache            *cache,
                          const char         *content_id,
                          const char * const *pages,
                          gboolean            from_pdf,
                          GArray             *lines)
{
  g_autoptr(GBytes) bytes = NULL;
  IcSearchDoc *doc = NULL;

  if (cache != NULL && content_id != NULL)
    bytes = ic_cache_lookup_search (cache, content_id);
  if (bytes != NULL)
    doc = doc_from_bytes (bytes);
  if (doc != NULL)
    return doc;

  doc = lines != NULL ? doc_new_from_lines (lines) : ic_search_doc_new (pages, from_pdf);
  if (cache != NULL && content_id != NULL)
    {
      g_autoptr(GBytes) out = doc_to_bytes (doc);

      ic_cache_store_search (cache, content_id, out);
    }
  return doc;
}
