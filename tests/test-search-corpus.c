/* test-search-corpus.c: evidence search on every real report of the corpus
 *
 * For each phrase, the reports the index finds are exactly the reports
 * whose extracted text holds the phrase, found here without the index,
 * and every hit's page holds it. The text is normalised here as the
 * index promises, written out plainly:
 *
 *  - letters compared in lower case; typographic apostrophes are "'";
 *    the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ are their letters; soft hyphens vanish;
 *  - runs of white space (line breaks included) are one space;
 *  - a line ending in a letter and "-" whose next line starts with a
 *    lower-case letter holds a word broken at the line end: it matches
 *    with the hyphen ("multi-agency") or without it ("development");
 *  - a phrase stands between non-letters (whole words).
 *
 * The index also leaves out page furniture; the phrases were chosen from
 * report prose, so furniture plays no part here (test-search covers it).
 *
 * Slow (it loads the bulk corpus), so it is in the `slow` suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-loader.h"
#include "ic-search-index.h"
#include "ic-test-util.h"

static const char * const phrases[] = {
  "return home interviews",
  "edge of care",
  "corporate parenting",
  "private fostering",
  "unaccompanied asylum-seeking children",
};

/* One line of a page, normalised as the header says, without its ends. */
static void
append_folded_line (GString    *out,
                    const char *line)
{
  gboolean space = FALSE;

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c == 0xAD)
        continue;
      if (g_unichar_isspace (c) || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      space = FALSE;
      switch (c)
        {
        case 0xFB00: g_string_append (out, "ff"); continue;
        case 0xFB01: g_string_append (out, "fi"); continue;
        case 0xFB02: g_string_append (out, "fl"); continue;
        case 0xFB03: g_string_append (out, "ffi"); continue;
        case 0xFB04: g_string_append (out, "ffl"); continue;
        case 0x2018: case 0x2019: c = '\''; break;
        default: c = g_unichar_tolower (c);
        }
      g_string_append_unichar (out, c);
    }
}

/* The pages [@from, @to) as two texts: a line-end hyphen kept in
 * @with_hyphen, dropped in @without. */
static void
fold_pages (const char * const *pages,
            guint               from,
            guint               to,
            GString            *with_hyphen,
            GString            *without)
{
  for (guint p = from; p < to && pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GString) line = g_string_new (NULL);
          gboolean broken_word;

          append_folded_line (line, lines[i]);
          if (line->len > 0 && line->str[0] == ' ')
            g_string_erase (line, 0, 1);
          if (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          if (line->len == 0)
            continue;
          broken_word = without->len >= 2 && without->str[without->len - 1] == '-' &&
                        g_ascii_isalpha (without->str[without->len - 2]) &&
                        g_ascii_islower (lines[i][strspn (lines[i], " \t")]);
          if (broken_word)
            g_string_truncate (without, without->len - 1);
          else if (without->len > 0)
            {
              g_string_append_c (without, ' ');
              g_string_append_c (with_hyphen, ' ');
            }
          g_string_append (without, line->str);
          g_string_append (with_hyphen, line->str);
        }
    }
}

static gboolean
holds_word_phrase (const char *text,
                   const char *phrase)
{
  gsize n = strlen (phrase);

  for (const char *p = strstr (text, phrase); p != NULL; p = strstr (p + 1, phrase))
    {
      gboolean starts = p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static gboolean
pages_hold (const char * const *pages,
            guint               from,
            guint               to,
            const char         *phrase)
{
  g_autoptr(GString) with_hyphen = g_string_new (NULL);
  g_autoptr(GString) without = g_string_new (NULL);

  fold_pages (pages, from, to, with_hyphen, without);
  return holds_word_phrase (with_hyphen->str, phrase) || holds_word_phrase (without->str, phrase);
}

static IcReportStore *
load_bulk (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autoptr(IcReportStore) store = NULL;
  g_autoptr(IcLoader) loader = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (bulk == NULL)
    return NULL;
  store = ic_report_store_new ();
  loader = ic_loader_new (store);
  folder = g_file_new_for_path (bulk);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >, 100);
  return g_steal_pointer (&store);
}

/* A hit's page holds the phrase, or the phrase starts there and runs
 * onto the next page. */
static void
assert_hit_page (const IcSearchHit *hit,
                 const char        *phrase)
{
  const char * const *pages = ic_report_get_pages (hit->report);

  g_assert_cmpuint (hit->page, >=, 1);
  if (pages_hold (pages, hit->page - 1, hit->page, phrase))
    return;
  if (!pages_hold (pages, hit->page - 1, hit->page + 1, phrase))
    {
      g_autofree char *note = g_strdup_printf ("%s: page %u does not hold \"%s\"",
                                               ic_report_get_source (hit->report), hit->page, phrase);
      ic_test_note (note);
      g_assert_not_reached ();
    }
}

static void
check_phrase (GListModel *reports,
              const char *phrase)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", phrase);
  g_autoptr(IcSearchQuery) query = ic_search_query_new (quoted);
  g_autoptr(GArray) hits = ic_search_run (reports, query);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  guint expected = 0;
  g_autofree char *note = NULL;

  for (guint i = 0; i < hits->len; i++)
    {
      const IcSearchHit *hit = &g_array_index (hits, IcSearchHit, i);

      g_hash_table_add (found, (gpointer) ic_report_get_source (hit->report));
      assert_hit_page (hit, phrase);
    }

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      const char *source = ic_report_get_source (report);
      gboolean holds = pages_hold (ic_report_get_pages (report), 0, G_MAXUINT, phrase);

      if (holds != g_hash_table_contains (found, source))
        {
          g_autofree char *why = g_strdup_printf ("%s: \"%s\" %s", source, phrase,
                                                  holds ? "is in the text but not found"
                                                        : "found but not in the text");
          ic_test_note (why);
        }
      g_assert_cmpint (holds, ==, g_hash_table_contains (found, source));
      expected += holds;
    }

  note = g_strdup_printf ("\"%s\": %u reports, %u hits", phrase, expected, hits->len);
  ic_test_note (note);
  /* A phrase no report holds would prove nothing. */
  g_assert_cmpuint (expected, >, 0);
}

static void
test_phrases_match_text (void)
{
  g_autoptr(IcReportStore) store = load_bulk ();

  if (store == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    check_phrase (G_LIST_MODEL (store), phrases[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-corpus/phrases-match-text", test_phrases_match_text);

  return g_test_run ();
}
