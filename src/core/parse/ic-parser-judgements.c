/* ic-parser-judgements.c: graded judgements, from tables and sentences
 *
 * Each framework prints its grades in one place that can be trusted: the
 * "Judgement | Grade" table on the first page (ILACS), the front page and
 * its sentences (SIF), or the "Record of main findings" table at the end
 * (2012–13 frameworks). Looking only there avoids the previous
 * inspection's grades, which later reports list in the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-frameworks.h"
#include "ic-parser-private.h"

/* Every framework's wording of the areas (ic-frameworks.c), one group
 * each, in the table's order. */
static GRegex *
labels_regex (void)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    {
      GString *pattern = g_string_new (NULL);
      const IcAreaPhrase *phrases;
      guint n;

      phrases = ic_frameworks_area_phrases (&n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (pattern, "%s(%s)", i ? "|" : "", phrases[i].pattern);
      g_once_init_leave (&re, g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL));
      g_string_free (pattern, TRUE);
    }
  return re;
}

/* Folded region text with the line each offset came from, and the same
 * lines as printed, for labels. */
typedef struct
{
  GString  *text;
  GString  *printed;
  gboolean  aligned;  /* character k of text folds character k of printed */
  GArray   *starts;   /* offset where line k of the region starts */
  guint     first;
} Region;

/* Folding drops "*" and turns every other character into one character:
 * without the stars, a line has as many characters as its folded text. */
static void
append_without_stars (GString    *out,
                      const char *text)
{
  for (const char *p = text; *p; p++)
    if (*p != '*')
      g_string_append_c (out, *p);
}

static void
region_init (Region  *region,
             IcParse *parse,
             guint    from,
             guint    to)
{
  region->text = g_string_new (NULL);
  region->printed = g_string_new (NULL);
  region->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  region->first = from;

  for (guint i = from; i < MIN (to, parse->lines->len); i++)
    {
      g_array_append_val (region->starts, region->text->len);
      g_string_append (region->text, IC_LINE (parse, i)->folded);
      g_string_append_c (region->text, ' ');
      append_without_stars (region->printed, IC_LINE (parse, i)->text);
      g_string_append_c (region->printed, ' ');
    }
  region->aligned = g_utf8_strlen (region->text->str, -1) == g_utf8_strlen (region->printed->str, -1);
}

static void
region_clear (Region *region)
{
  g_string_free (region->text, TRUE);
  g_string_free (region->printed, TRUE);
  g_array_unref (region->starts);
}

/* Where byte @offset of the folded text falls in the printed text. */
static const char *
printed_at (Region *region,
            int     offset)
{
  glong chars = g_utf8_pointer_to_offset (region->text->str, region->text->str + offset);

  return g_utf8_offset_to_pointer (region->printed->str, chars);
}

/* The label that bytes [s, e) of the folded text hold, as printed: the
 * capitals of "Local Safeguarding Children Board (LSCB)" or "Care
 * Leavers" are the report's own, which folding loses. */
static char *
region_label (Region *region,
              int     s,
              int     e)
{
  char *label;

  if (region->aligned)
    label = g_strndup (printed_at (region, s), printed_at (region, e) - printed_at (region, s));
  else
    label = g_strndup (region->text->str + s, e - s);
  g_strstrip (label);
  label[0] = g_ascii_toupper (label[0]);
  return label;
}

static guint
region_page (Region  *region,
             IcParse *parse,
             gsize    offset)
{
  guint k = 0;

  while (k + 1 < region->starts->len && g_array_index (region->starts, gsize, k + 1) <= offset)
    k++;
  return IC_LINE (parse, region->first + k)->page;
}

/* What may stand between a label and its grade: a colon, a dash, "is". */
static gboolean
is_connector (const char *text,
              gsize       len,
              gboolean    sentences)
{
  static GRegex *in_sentence, *in_table;
  g_autofree char *between = g_strndup (text, len);
  GRegex *re;

  if (sentences)
    re = _ic_parser_regex (&in_sentence,
                           "^[^.;]{0,120}?\\b(?:is|are)(?: judged to be| judged| now)?\\s*(?:grade [1-4] )?\\(?\\s*$",
                           0);
  else
    re = _ic_parser_regex (&in_table, "^[\\s:\\-.)]*(?:(?:is|are|judged to be|grade [1-4])[\\s:(]*)?$", 0);
  return g_regex_match (re, between, 0, NULL);
}

/* The area whose phrase @info matched. */
static IcArea
matched_area (GMatchInfo *info)
{
  guint n;
  const IcAreaPhrase *phrases = ic_frameworks_area_phrases (&n);

  for (guint i = 0; i < n; i++)
    {
      int s = -1, e = -1;

      if (g_match_info_fetch_pos (info, i + 1, &s, &e) && s >= 0)
        return phrases[i].area;
    }
  return phrases[0].area;
}

static void
add_judgement (IcParse    *parse,
               IcArea      area,
               const char *label,
               IcGrade     grade,
               guint       page)
{
  g_autoptr(IcJudgement) judgement = NULL;

  if (ic_report_find_judgement (parse->report, area) != NULL)
    return;
  judgement = ic_judgement_new (area, label, grade, page);
  _ic_report_add_judgement (parse->report, judgement);
}

/* Finds "label … grade" pairs in lines [from, to): each label takes the
 * first grade after it, provided only a connector stands between. */
static guint
scan_pairs (IcParse  *parse,
            guint     from,
            guint     to,
            gboolean  sentences)
{
  static GRegex *not_judged;
  Region region;
  g_autoptr(GMatchInfo) info = NULL;
  guint found = 0;

  region_init (&region, parse, from, to);
  g_regex_match (labels_regex (), region.text->str, 0, &info);

  while (g_match_info_matches (info))
    {
      IcArea area = matched_area (info);
      const char *after;
      IcGrade grade;
      gsize gs, ge;
      int s, e;

      g_match_info_fetch_pos (info, 0, &s, &e);
      after = region.text->str + e;
      if (g_regex_match (_ic_parser_regex (&not_judged, "^[\\s:\\-]*not judged\\b", 0), after, 0, NULL))
        parse->not_judged |= IC_AREA_BIT (area);
      else if (_ic_parser_match_grade (after, &grade, &gs, &ge) && is_connector (after, gs, sentences))
        {
          g_autofree char *printed = region_label (&region, s, e);

          add_judgement (parse, area, printed, grade, region_page (&region, parse, s));
          found++;
        }
      g_match_info_next (info, NULL);
    }

  region_clear (&region);
  return found;
}

static gboolean
line_is (IcParse    *parse,
         guint       i,
         const char *pattern)
{
  return g_regex_match (_ic_parser_regex_for (pattern), IC_LINE (parse, i)->folded, 0, NULL);
}

static guint
lines_on_first_pages (IcParse *parse,
                      guint    n_pages)
{
  guint i = 0;

  if (!parse->from_pdf)
    return MIN (parse->lines->len, 60);
  while (i < parse->lines->len && IC_LINE (parse, i)->page <= n_pages)
    i++;
  return i;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strv_length (words);
}

/* A table extracted column by column: all the labels, then all the
 * grades in the same order. Taken only when the counts agree. */
static void
read_table_columns (IcParse *parse,
                    guint    from,
                    guint    to)
{
  Region region;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (IcArea));
  g_autoptr(GArray) grades = g_array_new (FALSE, FALSE, sizeof (IcGrade));
  const char *rest;
  int s = 0, e = 0;
  IcGrade grade;
  gsize gs, ge;

  region_init (&region, parse, from, to);
  for (g_regex_match (labels_regex (), region.text->str, 0, &info);
       g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      IcArea area = matched_area (info);

      g_array_append_val (areas, area);
      g_match_info_fetch_pos (info, 0, &s, &e);
      g_ptr_array_add (labels, region_label (&region, s, e));
    }

  /* After the last label, only grades may stand, under the column's own
   * heading "Grade". */
  rest = region.text->str + e;
  while (*rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "grade ") || g_str_has_prefix (rest, "grades "))
    rest = strchr (rest, ' ');
  for (; _ic_parser_match_grade (rest, &grade, &gs, &ge) &&
       is_connector (rest, gs, FALSE); rest += ge)
    g_array_append_val (grades, grade);

  if (labels->len > 1 && labels->len == grades->len)
    for (guint k = 0; k < labels->len; k++)
      {
        add_judgement (parse, g_array_index (areas, IcArea, k), g_ptr_array_index (labels, k),
                       g_array_index (grades, IcGrade, k), region_page (&region, parse, s));
      }
  region_clear (&region);
}

/* "Requires improvement" + "Overall effectiveness" + "to be good": a grade
 * printed across two lines of its cell, the label extracted between
 * them. Taken only for an area still without a grade. */
static void
read_split_grades (IcParse *parse,
                   guint    from,
                   guint    to)
{
  Region region;
  g_autoptr(GMatchInfo) info = NULL;
  static GRegex *before_re, *after_re;
  GRegex *before = _ic_parser_regex (&before_re, "\\b(requires?(?: improvement)?(?: to)?(?: be)?)\\s*$", 0);
  GRegex *after = _ic_parser_regex (&after_re, "^\\s*((?:improvement ?)?(?:to ?)?(?:be ?)?(?:good)?)\\b", 0);

  region_init (&region, parse, from, to);
  for (g_regex_match (labels_regex (), region.text->str, 0, &info);
       g_match_info_matches (info); g_match_info_next (info, NULL))
    {
      g_autoptr(GMatchInfo) b = NULL;
      g_autoptr(GMatchInfo) a = NULL;
      g_autofree char *head = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *grade_text = NULL;
      g_autofree char *first = NULL;
      g_autofree char *rest = NULL;
      IcArea area = matched_area (info);
      IcGrade grade;
      gsize gs, ge;
      int s, e;

      g_match_info_fetch_pos (info, 0, &s, &e);
      head = g_strndup (region.text->str, s);
      if (ic_report_find_judgement (parse->report, area) != NULL ||
          !g_regex_match (before, head, 0, &b) || !g_regex_match (after, region.text->str + e, 0, &a))
        continue;
      first = g_match_info_fetch (b, 1);
      rest = g_match_info_fetch (a, 1);
      grade_text = g_strstrip (g_strconcat (first, " ", rest, NULL));
      if (*rest == '\0' || !_ic_parser_match_grade (grade_text, &grade, &gs, &ge) ||
          gs != 0 || ge != strlen (grade_text))
        continue;
      printed = region_label (&region, s, e);
      add_judgement (parse, area, printed, grade, region_page (&region, parse, s));
    }
  region_clear (&region);
}

/* A section heading whose grade differs from the table's: one of them
 * was misread, or misprinted. The table's grade is kept. */
static void
check_heading_agrees (IcParse    *parse,
                      const char *heading)
{
  g_autoptr(GMatchInfo) info = NULL;
  IcJudgement *judgement;
  IcGrade grade;
  int s, e;

  if (!g_regex_match (labels_regex (), heading, 0, &info))
    return;
  g_match_info_fetch_pos (info, 0, &s, &e);
  judgement = ic_report_find_judgement (parse->report, matched_area (info));
  if (judgement != NULL && _ic_parser_match_grade (heading + e, &grade, NULL, NULL) &&
      grade != ic_judgement_get_grade (judgement))
    {
      g_autofree char *warning =
        g_strdup_printf (_("The grade for “%s” in the table differs from the one in its section heading; "
                           "the table's grade is shown."), ic_judgement_get_label (judgement));
      _ic_report_add_warning (parse->report, warning);
    }
}

/* An ILACS body section heading that carries its grade: "The experiences
 * and progress of children in care: good", "… protection is inadequate",
 * wrapped over up to three lines, the grade ending the last one. */
static gboolean
heading_grade (IcParse *parse,
               guint    i)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    {
      g_autofree char *pattern = g_strdup_printf ("^(?:%s)\\s*(?::|\\bis\\b|\\bare\\b)\\s*"
                                                  "(?:" IC_GRADE_WORDS ")(?: to be good)?\\s*$",
                                                  g_regex_get_pattern (labels_regex ()));
      g_once_init_leave (&re, g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL));
    }

  for (guint n = 1; n <= 3 && i + n <= parse->lines->len; n++)
    {
      g_autofree char *text = _ic_parser_join (parse, i, i + n);

      if (g_regex_match (re, text, 0, NULL))
        {
          check_heading_agrees (parse, text);
          return scan_pairs (parse, i, i + n, FALSE) > 0;
        }
    }
  return FALSE;
}

/* Where the table could not be read in full, the body's section headings
 * give the missing grades (a grade already read is kept): they are this inspection's, never the last
 * one's. (Overall effectiveness has no section of its own.) */
static void
read_body_headings (IcParse *parse,
                    guint    from)
{
  for (guint i = from; i < parse->lines->len; i++)
    heading_grade (parse, i);
}

/* ILACS: the table after "Judgement | Grade", up to the first sentence. */
static void
read_ilacs_table (IcParse *parse)
{
  guint limit = lines_on_first_pages (parse, 2);
  guint from = parse->title_line, to;

  for (guint i = parse->title_line; i < limit; i++)
    if (line_is (parse, i, "^judgements?(\\s+grades?)?$"))
      {
        from = i + 1;
        break;
      }

  /* The table ends at the first sentence of prose; a label may end with a
   * stray full stop ("children and families."), a sentence is longer. */
  for (to = from; to < limit; to++)
    if (g_str_has_suffix (IC_LINE (parse, to)->text, ".") && count_words (IC_LINE (parse, to)->text) > 6)
      break;

  if (scan_pairs (parse, from, to, FALSE) == 0)
    read_table_columns (parse, from, to);
  read_split_grades (parse, from, to);
  read_body_headings (parse, to);
}

/* The first line from @from on whose folded text holds @word, or the
 * number of lines. */
static guint
next_line_with (IcParse    *parse,
                guint       from,
                const char *word)
{
  while (from < parse->lines->len && strstr (IC_LINE (parse, from)->folded, word) == NULL)
    from++;
  return from;
}

/* The page of the line that holds byte @offset of the lines from @from
 * on as _ic_parser_join() joins them: a sentence found in a window of
 * lines is on the page of its own first line, not of the window's, which
 * may end the page before (the LSCB's section opens a page). */
static guint
page_at (IcParse *parse,
         guint    from,
         gsize    offset)
{
  gsize start = 0;
  guint i = from;

  while (i + 1 < parse->lines->len && start + strlen (IC_LINE (parse, i)->folded) + 1 <= offset)
    start += strlen (IC_LINE (parse, i++)->folded) + 1;
  return IC_LINE (parse, i)->page;
}

/* @word, when not NULL, is a word (no space) that every match of
 * @pattern holds: a window of lines can only match when one of its lines
 * holds the word, since joining lines puts spaces between them. Checking
 * for it first spares joining and matching every window of a long
 * report. */
static void
read_sentence_grade (IcParse    *parse,
                     IcArea      area,
                     const char *label,
                     const char *pattern,
                     const char *word,
                     guint       from,
                     guint       to)
{
  g_autofree char *full = g_strconcat (pattern, "\\s*\\b(" IC_GRADE_WORDS ")\\b", NULL);
  GRegex *re = _ic_parser_regex_for (full);
  guint with_word = word != NULL ? next_line_with (parse, from, word) : from;

  for (guint i = from; i < MIN (to, parse->lines->len); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) info = NULL;
      IcGrade grade;
      int s, e;

      if (word != NULL && with_word < i)
        with_word = next_line_with (parse, i, word);
      if (word != NULL && with_word > i + 2)
        continue;
      text = _ic_parser_join (parse, i, i + 3);
      if (!g_regex_match (re, text, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 1, &s, &e);
      if (_ic_parser_match_grade (text + s, &grade, NULL, NULL))
        {
          g_match_info_fetch_pos (info, 0, &s, &e);
          add_judgement (parse, area, label, grade, page_at (parse, i, s));
          return;
        }
    }
}

/* "The Local Safeguarding Children Board (LSCB) is good", anywhere; one
 * report leaves out "Board". */
static void
read_lscb_sentence (IcParse *parse)
{
  read_sentence_grade (parse, IC_AREA_LSCB,
                       "The effectiveness of the Local Safeguarding Children Board",
                       "(?:effectiveness of )?the local safeguarding children(?: board)?(?: \\(lscb\\))?"
                       "(?: is| are)? ", "safeguarding", 0, parse->lines->len);
}

/* SIF: the labelled rows of the front page, the overall judgement that
 * has no label ("Children's services in X require improvement to be
 * good", some without the authority's name), and the LSCB's sentence. */
static void
read_sif (IcParse *parse)
{
  guint limit = lines_on_first_pages (parse, 2);

  for (guint i = parse->title_line; i < limit; i++)
    if (line_is (parse, i, "^(contents|executive summary|summary of key findings)$"))
      {
        limit = i;
        break;
      }

  read_sentence_grade (parse, IC_AREA_OVERALL_EFFECTIVENESS, "Overall effectiveness",
                       "(?:overall judgement is(?: that children's services?(?: are| is)?)?|"
                       "children's services?(?: in (?:(?! were | was | had ).){2,60}?)? (?:are |is )?)", NULL, 0, limit);
  scan_pairs (parse, parse->title_line, limit, FALSE);
  read_lscb_sentence (parse);
}

/* SLAC 2009–12 grades safeguarding services and services for looked
 * after children apart, each with its own overall effectiveness. The
 * looked after children's overall grade is the matrix's children in care
 * cell; the other grades are safeguarding's. */
static guint
find_slac_looked_after (IcParse *parse,
                        guint    from)
{
  for (guint i = from; i < parse->lines->len; i++)
    if (line_is (parse, i, "^services for looked after children$"))
      return i;
  return parse->lines->len;
}

static void
read_slac_looked_after (IcParse *parse,
                        guint    lac)
{
  for (guint i = lac + 1; i < parse->lines->len; i++)
    {
      g_autofree char *text = _ic_parser_join (parse, i, i + 2);
      IcGrade grade;

      if (g_str_has_prefix (text, "overall effectiveness") &&
          _ic_parser_match_grade (text + strlen ("overall effectiveness"), &grade, NULL, NULL))
        {
          add_judgement (parse, IC_AREA_CHILDREN_IN_CARE,
                         "Overall effectiveness of services for looked after children", grade,
                         IC_LINE (parse, i)->page);
          _ic_report_add_warning (parse->report,
                                  _("This report grades safeguarding and looked after children's services "
                                    "separately: the overall grade shown is for safeguarding, and the looked "
                                    "after children's overall grade is shown as children in care."));
          break;
        }
    }
}

/* A label on its own line and "Grade N (word)" on the next: a graded
 * section heading of the 2012–13 frameworks. */
static guint
scan_grade_lines (IcParse *parse)
{
  guint found = 0;

  for (guint i = parse->title_line; i + 1 < parse->lines->len; i++)
    if (line_is (parse, i + 1, "^grade [1-4] \\((?:outstanding|good|adequate|inadequate)\\)$"))
      found += scan_pairs (parse, i, i + 2, FALSE);
  return found;
}

/* 2012–13 frameworks: the "Record of main findings" table at the end,
 * else the sentences that give each grade in the body. */
static void
read_main_findings (IcParse *parse)
{
  guint from = G_MAXUINT, to = parse->lines->len;

  for (guint i = parse->lines->len; i-- > 0;)
    if (line_is (parse, i, "^record of main findings$"))
      {
        from = i + 1;
        break;
      }

  if (from != G_MAXUINT && parse->type == IC_INSPECTION_TYPE_SLAC)
    to = find_slac_looked_after (parse, from);
  if (from != G_MAXUINT && scan_pairs (parse, from, to, FALSE) > 0)
    {
      if (to < parse->lines->len)
        read_slac_looked_after (parse, to);
      return;
    }

  /* Without the table: section headings followed by "Grade 4 (inadequate)"
   * (LAC 2013), then the sentences below. */
  if (scan_grade_lines (parse) > 0)
    return;

  scan_pairs (parse, parse->title_line, parse->lines->len, TRUE);
}

void
_ic_parser_read_judgements (IcParse *parse)
{
  switch (ic_inspection_type_grade_source (parse->type))
    {
    case IC_GRADE_SOURCE_TABLE:
      read_ilacs_table (parse);
      break;
    case IC_GRADE_SOURCE_FRONT_PAGE:
      read_sif (parse);
      break;
    case IC_GRADE_SOURCE_SENTENCE:
      read_lscb_sentence (parse);
      break;
    case IC_GRADE_SOURCE_MAIN_FINDINGS:
      read_main_findings (parse);
      break;
    case IC_GRADE_SOURCE_NONE:
    default:
      /* A title the table does not know may still stand above a
       * judgement table. */
      if (parse->type == IC_INSPECTION_TYPE_OTHER)
        read_ilacs_table (parse);
      break;
    }
}
