/* test-search.c: the evidence search index on pages written for the test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ic-cache.h"
#include "ic-parser.h"
#include "ic-report-private.h"
#include "ic-search-index.h"
#include "ic-test-util.h"

/* The text of every hit of @query in @pages, one per element. */
static GPtrArray *
find_texts (const char * const *pages,
            gboolean            from_pdf,
            const char         *query_text,
            GArray            **pages_out)
{
  g_autoptr(IcSearchDoc) doc = ic_search_doc_new (pages, from_pdf);
  g_autoptr(IcSearchQuery) query = ic_search_query_new (query_text);
  g_autoptr(GArray) hits = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (query);
  hits = ic_search_doc_find (doc, query);
  if (pages_out != NULL)
    *pages_out = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < hits->len; i++)
    {
      IcSearchMark *mark = &g_array_index (hits, IcSearchMark, i);
      guint page = ic_search_doc_page_at (doc, mark->start);

      g_ptr_array_add (texts, g_strndup (ic_search_doc_get_text (doc) + mark->start,
                                         mark->end - mark->start));
      if (pages_out != NULL)
        g_array_append_val (*pages_out, page);
    }
  return texts;
}

static guint
count_hits (const char * const *pages,
            const char         *query)
{
  g_autoptr(GPtrArray) texts = find_texts (pages, TRUE, query, NULL);

  return texts->len;
}

static void
test_case_ignored (void)
{
  const char *pages[] = { "Edge of Care services are strong.\nThe EDGE OF CARE team meets weekly.", NULL };

  g_assert_cmpuint (count_hits (pages, "\"edge of care\""), ==, 2);
  g_assert_cmpuint (count_hits (pages, "\"Edge Of Care\""), ==, 2);
  g_assert_cmpuint (count_hits (pages, "EDGE"), ==, 2);
  g_assert_cmpuint (count_hits (pages, "\"edge of carers\""), ==, 0);
}

static void
test_stemming (void)
{
  const char *pages[] = { "Leaders supported staff. Supervision supports them.\n"
                          "Supporting families is a priority. Supper was served.", NULL };
  g_autoptr(GPtrArray) texts = find_texts (pages, TRUE, "support", NULL);

  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "supported");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "supports");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "Supporting");
  /* American spelling meets British, as in the theme rules. */
  const char *behaviour[] = { "Her behaviour improved.", NULL };
  g_assert_cmpuint (count_hits (behaviour, "behavior"), ==, 1);
  /* A phrase is exact: no stemming inside it. */
  g_assert_cmpuint (count_hits (pages, "\"support families\""), ==, 0);
  g_assert_cmpuint (count_hits (pages, "\"supporting families\""), ==, 1);
}

static void
test_hyphenation_at_line_end (void)
{
  const char *pages[] = { "There is a clear develop-\nment plan for the service.\n"
                          "Strong multi-\nagency working is in place.\n"
                          "A well-\nKnown name stays hyphenated.", NULL };

  g_assert_cmpuint (count_hits (pages, "development"), ==, 1);
  g_assert_cmpuint (count_hits (pages, "\"clear development plan\""), ==, 1);
  g_assert_cmpuint (count_hits (pages, "\"multi-agency working\""), ==, 1);
  g_assert_cmpuint (count_hits (pages, "multiagency"), ==, 1);
  g_assert_cmpuint (count_hits (pages, "agency"), ==, 1);
  /* An upper-case line start is no continued word: the hyphen stays. */
  g_assert_cmpuint (count_hits (pages, "\"well- known\""), ==, 1);
  g_assert_cmpuint (count_hits (pages, "wellknown"), ==, 0);
}

static void
test_phrase_across_line_break (void)
{
  const char *pages[] = { "Page one text.",
                          "Work with young people on the edge of\ncare is strong.\n"
                          "Return home\n   interviews happen.", NULL };
  g_autoptr(GArray) found_pages = NULL;
  g_autoptr(GPtrArray) texts = find_texts (pages, TRUE, "\"edge of care\"", &found_pages);

  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "edge of care");
  g_assert_cmpuint (g_array_index (found_pages, guint, 0), ==, 2);
  g_assert_cmpuint (count_hits (pages, "\"return home interviews\""), ==, 1);
}

/* Five pages with a running head, a running foot and page numbers. */
static void
test_furniture_excluded (void)
{
  const char *pages[] = {
    "Inspection of Testshire County Council\nThe first page opens the report.\nPage 1 of 5",
    "Inspection of Testshire County Council\nIn Testshire, leaders know their services.\nPage 2 of 5",
    "Inspection of Testshire County Council\nA middle page about care leavers.\nPage 3 of 5",
    "Inspection of Testshire County Council\nAnother page about fostering.\nPage 4 of 5",
    "Inspection of Testshire County Council\nThe last page.\nPage 5 of 5",
    NULL
  };
  g_autoptr(GArray) found_pages = NULL;
  g_autoptr(GPtrArray) texts = find_texts (pages, TRUE, "testshire", &found_pages);

  /* The title on page 1 is the report's, and the prose on page 2. */
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpuint (g_array_index (found_pages, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (found_pages, guint, 1), ==, 2);
  g_assert_cmpuint (count_hits (pages, "\"page 3 of 5\""), ==, 0);
  g_assert_cmpuint (count_hits (pages, "\"council a middle page\""), ==, 0);
  g_clear_pointer (&texts, g_ptr_array_unref);
  g_clear_pointer (&found_pages, g_array_unref);
  texts = find_texts (pages, TRUE, "\"care leavers\"", &found_pages);
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpuint (g_array_index (found_pages, guint, 0), ==, 3);
}

static void
test_whole_words (void)
{
  const char *pages[] = { "Her career in care began early; careful carers cared.", NULL };
  g_autoptr(GPtrArray) texts = find_texts (pages, TRUE, "\"care\"", NULL);

  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "care");
  /* Porter stems "care", "careful" and "cared" alike; not "career" or
   * "carers". */
  g_clear_pointer (&texts, g_ptr_array_unref);
  texts = find_texts (pages, TRUE, "care", NULL);
  g_assert_cmpuint (texts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "care");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "careful");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "cared");
}

static void
test_several_words (void)
{
  g_autoptr(GString) far = g_string_new ("Interviews were held. ");
  const char *near[] = { "Children receive interviews when they return home from care.", NULL };
  const char *pages[2] = { NULL, NULL };
  g_autoptr(GPtrArray) texts = find_texts (near, TRUE, "return home interviews", NULL);

  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "interviews when they return home");
  /* Function words of a query are dropped: "of" does not need to be there. */
  g_assert_cmpuint (count_hits (near, "return of interviews"), ==, 1);

  for (guint i = 0; i < 40; i++)
    g_string_append (far, "Leaders know their services well. ");
  g_string_append (far, "They return home.");
  pages[0] = far->str;
  g_assert_cmpuint (count_hits (pages, "interviews"), ==, 1);
  g_assert_cmpuint (count_hits (pages, "interviews return"), ==, 0);
  g_assert_null (ic_search_query_new ("  \"\" ,. "));
}

static void
test_text_file_pages (void)
{
  const char *pages[] = { "First page about adoption.", "Second page about adoption.", NULL };
  g_autoptr(GArray) found_pages = NULL;
  g_autoptr(GPtrArray) texts = find_texts (pages, FALSE, "adoption", &found_pages);

  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpuint (g_array_index (found_pages, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (found_pages, guint, 1), ==, 0);
}

static IcReport *
report_with_pages (const char         *source,
                   const char         *authority,
                   const char * const *pages)
{
  IcReport *report = _ic_report_new (source);

  _ic_report_set_authority (report, authority);
  _ic_report_set_pages (report, pages);
  return report;
}

static void
test_run_and_snippet (void)
{
  const char *one[] = { "Cover page.", "Some children are on the edge of care; the\nedge-of-care team is new.", NULL };
  const char *two[] = { "No match here at all.", NULL };
  g_autoptr(GListModel) model = ic_test_model_of (report_with_pages ("/r/one.pdf", "Testshire", one),
                                                  report_with_pages ("/r/two.pdf", "Otherham", two),
                                                  NULL);
  g_autoptr(IcSearchQuery) query = ic_search_query_new ("\"edge of care\"");
  g_autoptr(GArray) hits = ic_search_run (model, query);
  g_autoptr(GArray) marks = NULL;
  g_autofree char *snippet = NULL;
  IcSearchHit *hit;
  IcSearchMark *mark;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = &g_array_index (hits, IcSearchHit, 0);
  g_assert_cmpstr (ic_report_get_authority (hit->report), ==, "Testshire");
  g_assert_cmpuint (hit->page, ==, 2);

  snippet = ic_search_hit_snippet (hit, query, 20, &marks);
  g_assert_null (strchr (snippet, '\n'));
  g_assert_nonnull (strstr (snippet, "edge of care"));
  g_assert_cmpuint (marks->len, ==, 1);
  mark = &g_array_index (marks, IcSearchMark, 0);
  g_assert_cmpint (strncmp (snippet + mark->start, "edge of care", mark->end - mark->start), ==, 0);
  g_assert_cmpuint (mark->end - mark->start, ==, strlen ("edge of care"));
  /* Cut at words, and says so. */
  g_assert_true (g_str_has_prefix (snippet, "… "));
}

/* The authorities of the reports @query finds in @model, sorted, joined
 * by ",". */
static char *
reports_found (GListModel *model,
               const char *query_text)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (query_text);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_nonnull (query);
  hits = ic_search_run (model, query);
  for (guint i = 0; i < hits->len; i++)
    {
      const char *name = ic_report_get_authority (g_array_index (hits, IcSearchHit, i).report);

      if (names->len == 0 || !g_str_equal (g_ptr_array_index (names, names->len - 1), name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* OR of two phrases finds the reports with either; OR binds loosest. */
static void
test_or (void)
{
  const char *home[] = { "Return home interviews are timely.", NULL };
  const char *missing[] = { "Children missing from home are seen quickly.", NULL };
  const char *both[] = { "Return home interviews follow each episode missing from home.", NULL };
  const char *neither[] = { "Children return to school; interviews at home are rare.", NULL };
  g_autoptr(GListModel) model = ic_test_model_of (report_with_pages ("/r/a.pdf", "Ashire", home),
                                                  report_with_pages ("/r/b.pdf", "Bshire", missing),
                                                  report_with_pages ("/r/c.pdf", "Cshire", both),
                                                  report_with_pages ("/r/d.pdf", "Dshire", neither),
                                                  NULL);
  g_autofree char *one = reports_found (model, "\"return home interviews\"");
  g_autofree char *other = reports_found (model, "\"missing from home\"");
  g_autofree char *either = reports_found (model, "\"return home interviews\" OR \"missing from home\"");
  g_autofree char *words = reports_found (model, "timely OR quickly");
  g_autofree char *grouped = reports_found (model, "school rare OR episode");
  g_autofree char *lower = reports_found (model, "timely or quickly");
  g_autoptr(GPtrArray) texts = find_texts (both, TRUE, "\"return home interviews\" OR \"missing from home\"", NULL);

  g_assert_cmpstr (one, ==, "Ashire,Cshire");
  g_assert_cmpstr (other, ==, "Bshire,Cshire");
  g_assert_cmpstr (either, ==, "Ashire,Bshire,Cshire");
  g_assert_cmpstr (words, ==, "Ashire,Bshire");
  /* "school rare OR episode" is "(school rare) OR episode". */
  g_assert_cmpstr (grouped, ==, "Cshire,Dshire");
  /* Only an uppercase OR is the operator: "or" is a function word, so
   * this asks for both words, in no report. */
  g_assert_cmpstr (lower, ==, "");
  /* Each alternative's passage is its own. */
  g_assert_cmpuint (texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Return home interviews");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "missing from home");
  /* OR inside quotes is a word of the phrase; a query of bare ORs has
   * no word. */
  g_assert_cmpuint (count_hits (both, "\"interviews OR episode\""), ==, 0);
  g_assert_null (ic_search_query_new ("OR OR"));
}

/* A passage of the document found again in the page as printed: line
 * breaks, a word broken at a line end, case. */
static void
test_locate (void)
{
  const char *printed = "Intro.\nThe clear develop-\nment plan for\n  Edge of\ncare works.";
  const char *pages[] = { printed, NULL };
  g_autoptr(IcSearchDoc) doc = ic_search_doc_new (pages, TRUE);
  const char *text = ic_search_doc_get_text (doc);
  const char *from = strstr (text, "develop");
  g_autofree char *passage = g_strndup (from, strstr (text, " works") - from);
  gsize start = 0, end = 0;

  g_assert_true (ic_search_locate (printed, passage, &start, &end));
  g_assert_cmpuint (start, ==, strstr (printed, "develop") - printed);
  g_assert_cmpuint (end, ==, strstr (printed, " works") - printed);
  g_assert_true (ic_search_locate (printed, "edge of care", &start, &end));
  g_assert_cmpuint (start, ==, strstr (printed, "Edge") - printed);
  g_assert_false (ic_search_locate (printed, "edge of cares", &start, &end));

  /* A word, not the same letters inside another word. */
  g_assert_true (ic_search_locate ("In Barking, care in homes", "in", &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_true (ic_search_locate ("Barking's care in homes", "in", &start, &end));
  g_assert_cmpuint (start, ==, strlen ("Barking's care "));
  g_assert_cmpuint (end, ==, strlen ("Barking's care in"));
  g_assert_true (ic_search_locate ("interviews, in time", "in", &start, &end));
  g_assert_cmpuint (start, ==, strlen ("interviews, "));
  /* Only inside a word: found there rather than nowhere. */
  g_assert_true (ic_search_locate ("Barking", "in", &start, &end));
  g_assert_cmpuint (start, ==, strlen ("Bark"));
}

/* Hits of @query in @doc as "start-end " text, to compare documents. */
static char *
describe_hits (IcSearchDoc *doc,
               const char  *query_text)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (query_text);
  g_autoptr(GArray) hits = ic_search_doc_find (doc, query);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      IcSearchMark *mark = &g_array_index (hits, IcSearchMark, i);

      g_string_append_printf (out, "%u-%u:%u ", mark->start, mark->end,
                              ic_search_doc_page_at (doc, mark->start));
    }
  return g_string_free (out, FALSE);
}

/* A document read back from the cache finds what the one built did; an
 * entry whose content does not hold together is rebuilt, not trusted. */
static void
test_cached (void)
{
  const char *pages[] = { "Cover.", "Leaders supported the edge of\ncare team.",
                          "Support for care leavers.", NULL };
  g_autofree char *dir = g_dir_make_tmp ("ic-search-cache-XXXXXX", NULL);
  IcCache *cache = ic_cache_open (dir, 10 * 1024 * 1024);
  g_autoptr(IcSearchDoc) built = ic_search_doc_new_cached (cache, "abcdef", pages, TRUE, NULL);
  g_autoptr(IcSearchDoc) read = NULL;
  g_autoptr(IcSearchDoc) rebuilt = NULL;
  g_autoptr(GBytes) stored = ic_cache_lookup_search (cache, "abcdef");
  g_autoptr(GBytes) bogus = NULL;
  const char *queries[] = { "support", "\"edge of care\"", "leavers care", "cover" };
  guint8 *broken;
  gsize size;

  g_assert_nonnull (stored);
  read = ic_search_doc_new_cached (cache, "abcdef", pages, TRUE, NULL);
  g_assert_true (read != built);
  g_assert_cmpstr (ic_search_doc_get_text (read), ==, ic_search_doc_get_text (built));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *a = describe_hits (built, queries[i]);
      g_autofree char *b = describe_hits (read, queries[i]);

      g_assert_cmpstr (a, !=, "");
      g_assert_cmpstr (a, ==, b);
    }

  /* A position past the text: the last four bytes are a position. */
  g_bytes_get_data (stored, &size);
  broken = g_memdup2 (g_bytes_get_data (stored, NULL), size);
  memset (broken + size - 4, 0xff, 4);
  bogus = g_bytes_new_take (broken, size);
  ic_cache_store_search (cache, "abcdef", bogus);
  rebuilt = ic_search_doc_new_cached (cache, "abcdef", pages, TRUE, NULL);
  {
    g_autofree char *a = describe_hits (built, "support");
    g_autofree char *b = describe_hits (rebuilt, "support");

    g_assert_cmpstr (a, ==, b);
  }
  ic_cache_close (cache);
  ic_test_remove_tree (dir);
}

/* Pages of a parser fixture (pages end at form feeds). */
static char **
fixture_pages (const char *name)
{
  g_autofree char *path = ic_test_fixture_path (name);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return g_strsplit (text, "\f", -1);
}

static void
assert_same_doc (IcSearchDoc *a,
                 IcSearchDoc *b)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new ("children OR \"social workers\"");
  g_autoptr(GArray) hits_a = ic_search_doc_find (a, query);
  g_autoptr(GArray) hits_b = ic_search_doc_find (b, query);

  g_assert_cmpstr (ic_search_doc_get_text (a), ==, ic_search_doc_get_text (b));
  g_assert_cmpuint (ic_search_doc_get_size (a), ==, ic_search_doc_get_size (b));
  g_assert_cmpuint (hits_a->len, >, 0);
  g_assert_cmpmem (hits_a->data, hits_a->len * sizeof (IcSearchMark),
                   hits_b->data, hits_b->len * sizeof (IcSearchMark));
}

/* The loader builds a document from the lines the parser split the
 * pages into, not splitting them again: the same document. */
static void
test_doc_from_parser_lines (void)
{
  g_auto(GStrv) pages = fixture_pages ("parser/fv-2025.txt");
  g_auto(GStrv) other_pages = fixture_pages ("parser/cp-2012.txt");
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) other_lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report_and_lines ("fv-2025.pdf", (const char * const *) pages,
                                                          TRUE, &lines, &error);
  g_autoptr(IcReport) other = ic_parse_report_and_lines ("cp-2012.pdf", (const char * const *) other_pages,
                                                         TRUE, &other_lines, &error);
  g_autoptr(IcSearchDoc) from_pages = ic_search_doc_new ((const char * const *) pages, TRUE);
  g_autoptr(IcSearchDoc) from_lines = NULL;
  g_autoptr(IcSearchDoc) other_doc = ic_search_doc_new ((const char * const *) other_pages, TRUE);
  g_autoptr(IcSearchDoc) from_other_lines = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_nonnull (lines);
  from_lines = ic_search_doc_new_cached (NULL, NULL, (const char * const *) pages, TRUE, lines);
  assert_same_doc (from_lines, from_pages);
  /* The lines given are what is indexed (a mismatch is the caller's). */
  from_other_lines = ic_search_doc_new_cached (NULL, NULL, (const char * const *) pages, TRUE, other_lines);
  assert_same_doc (from_other_lines, other_doc);

  /* No text: no report and no lines. */
  {
    const char *blank[] = { "  \n", NULL };
    g_autoptr(GArray) none = NULL;
    g_autoptr(GError) no_text = NULL;
    g_autoptr(IcReport) nothing = ic_parse_report_and_lines ("blank.pdf", blank, TRUE, &none, &no_text);

    g_assert_null (nothing);
    g_assert_null (none);
    g_assert_error (no_text, IC_PARSE_ERROR, IC_PARSE_ERROR_NO_TEXT);
  }
}

/* A document lives as long as its report: its blocks are allocated to
 * fit, not with the slack of an array grown by doubling (which held a
 * third as much memory again as the whole archive's text). */
static void
test_doc_sized_to_fit (void)
{
#ifdef __GLIBC__
  g_auto(GStrv) pages = fixture_pages ("parser/fv-2025.txt");
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report_and_lines ("fv-2025.pdf", (const char * const *) pages,
                                                          TRUE, &lines, &error);
  g_autoptr(IcSearchDoc) from_pages = ic_search_doc_new ((const char * const *) pages, TRUE);
  g_autoptr(IcSearchDoc) from_lines = NULL;
  IcSearchDoc *docs[2];

  g_assert_no_error (error);
  from_lines = ic_search_doc_new_cached (NULL, NULL, (const char * const *) pages, TRUE, lines);
  docs[0] = from_pages;
  docs[1] = from_lines;
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      const char *text = ic_search_doc_get_text (docs[i]);
      gsize length = strlen (text);

      /* Small enough for the heap, where malloc rounds to 16 bytes. */
      g_assert_cmpuint (length, >, 500);
      g_assert_cmpuint (length, <, 100000);
      g_assert_cmpuint (malloc_usable_size ((void *) text), <=, length + 1 + 32);
    }
#else
  g_test_skip ("malloc_usable_size() is glibc's");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/case-ignored", test_case_ignored);
  g_test_add_func ("/search/stemming", test_stemming);
  g_test_add_func ("/search/hyphenation-at-line-end", test_hyphenation_at_line_end);
  g_test_add_func ("/search/phrase-across-line-break", test_phrase_across_line_break);
  g_test_add_func ("/search/furniture-excluded", test_furniture_excluded);
  g_test_add_func ("/search/whole-words", test_whole_words);
  g_test_add_func ("/search/several-words", test_several_words);
  g_test_add_func ("/search/text-file-pages", test_text_file_pages);
  g_test_add_func ("/search/run-and-snippet", test_run_and_snippet);
  g_test_add_func ("/search/or", test_or);
  g_test_add_func ("/search/locate", test_locate);
  g_test_add_func ("/search/cached", test_cached);
  g_test_add_func ("/search/doc-from-parser-lines", test_doc_from_parser_lines);
  g_test_add_func ("/search/doc-sized-to-fit", test_doc_sized_to_fit);

  return g_test_run ();
}
