/* ic-parser.c: pages of report text -> IcReport
 *
 * The parser reads what every Ofsted framework from 2012 to 2026 prints
 * (README, "The parser"): it recognises the report type from its title, then
 * reads the metadata, the judgements (ic-parser-judgements.c) and the
 * improvement items and strengths (ic-parser-items.c). Where it is unsure
 * it says so in the report's warnings, in words a user understands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-authorities.h"
#include "ic-dates.h"
#include "ic-frameworks.h"
#include "ic-parser.h"
#include "ic-parser-private.h"

G_DEFINE_QUARK (ic-parse-error-quark, ic_parse_error)

/* How far into the document the title and the metadata are looked for. */
#define HEAD_LINES 90

#define APOS "[’'‘`]"

/* One title pattern of a row of the table of frameworks, compiled. */
typedef struct
{
  IcInspectionType  type;
  const char       *pattern;
  GRegex           *regex;
} TitlePattern;

static TitlePattern *title_patterns;
static guint n_title_patterns;

/* The title patterns of every row of the table of frameworks, in its
 * order; the eras of one framework share theirs. */
static void
compile_title_patterns (void)
{
  static gsize done;
  const char * const *last = NULL;
  const IcFramework *frameworks;
  g_autoptr(GArray) patterns = g_array_new (FALSE, FALSE, sizeof (TitlePattern));
  guint n;

  if (!g_once_init_enter (&done))
    return;

  frameworks = ic_frameworks_get (&n);
  for (guint i = 0; i < n; i++)
    {
      if (frameworks[i].title_patterns == NULL || frameworks[i].title_patterns == last)
        continue;
      last = frameworks[i].title_patterns;
      for (guint k = 0; last[k] != NULL; k++)
        {
          TitlePattern title = { frameworks[i].type, last[k], NULL };

          title.regex = g_regex_new (last[k], G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE,
                                     0, NULL);
          g_array_append_val (patterns, title);
        }
    }
  n_title_patterns = patterns->len;
  title_patterns = (TitlePattern *) g_array_free (g_steal_pointer (&patterns), FALSE);
  g_once_init_leave (&done, 1);
}

/* The head of the document as original text, one line per line, with the
 * offset of each line so that matches can be mapped back to lines. */
typedef struct
{
  GString *text;
  GArray  *offsets;
} Head;

static void
head_init (Head    *head,
           IcParse *parse,
           guint    n_lines)
{
  head->text = g_string_new (NULL);
  head->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < MIN (n_lines, parse->lines->len); i++)
    {
      g_array_append_val (head->offsets, head->text->len);
      g_string_append (head->text, IC_LINE (parse, i)->text);
      g_string_append_c (head->text, '\n');
    }
}

static void
head_clear (Head *head)
{
  g_string_free (head->text, TRUE);
  g_array_unref (head->offsets);
}

static guint
head_line_at (Head  *head,
              gsize  offset)
{
  guint line = 0;

  while (line + 1 < head->offsets->len && g_array_index (head->offsets, gsize, line + 1) <= offset)
    line++;
  return line;
}

/* A title joins its wrapped lines: "Inspection of Bournemouth,\nChristchurch
 * and Poole local authority\nchildren's services". */
static char *
joined_head (Head *head)
{
  char *joined = g_strdup (head->text->str);

  for (char *p = joined; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return joined;
}

/* A letter's title ends its line: a match that runs on
 * into a sentence ("Focused visit to Slough Children First" + "This
 * letter summarises … children's services on …") is not the title. */
static gboolean
ends_line (Head *head,
           int   end)
{
  const char *p = head->text->str + end;

  while (*p == ' ' || *p == '\t' || *p == '.')
    p++;
  return *p == '\n' || *p == '\0';
}

typedef struct
{
  const TitlePattern *pattern;
  int                 start, end;
  char               *authority;  /* as printed, from the title, or NULL */
} TitleMatch;

static gboolean
find_title (Head       *head,
            TitleMatch *best,
            gboolean    strict)
{
  g_autofree char *joined = joined_head (head);

  compile_title_patterns ();
  best->pattern = NULL;
  best->start = G_MAXINT;

  for (guint i = 0; i < n_title_patterns; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      /* Patterns that name the authority up to the end of a line (JTAI
       * titles, letters to trusts) read the lines as printed. */
      gboolean by_line = title_patterns[i].pattern[0] == '^' ||
                         g_str_has_suffix (title_patterns[i].pattern, "$");
      const char *subject = by_line ? head->text->str : joined;
      int s, e;

      if (!g_regex_match (title_patterns[i].regex, subject, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 0, &s, &e);
      if (s >= best->start)
        continue;
      if (strict && !by_line && ic_inspection_type_is_letter (title_patterns[i].type) && !ends_line (head, e))
        continue;

      g_clear_pointer (&best->authority, g_free);
      best->pattern = &title_patterns[i];
      best->start = s;
      best->end = e;
      if (g_match_info_get_match_count (info) > 1)
        best->authority = g_strstrip (g_match_info_fetch (info, 1));
    }

  return best->pattern != NULL;
}

static char *
lines_text (IcParse *parse,
            guint    from,
            guint    to)
{
  GString *out = g_string_new (NULL);

  for (guint i = from; i <= to && i < parse->lines->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, IC_LINE (parse, i)->text);
    }
  return g_string_free (out, FALSE);
}

static void
read_title (IcParse    *parse,
            Head       *head,
            TitleMatch *match)
{
  guint first = head_line_at (head, match->start);
  guint last = head_line_at (head, MAX (match->start, match->end - 1));
  g_autofree char *title = lines_text (parse, first, last);

  parse->title_line = first;
  _ic_report_set_title (parse->report, title);
}

static gboolean
try_authority (IcParse    *parse,
               const char *printed)
{
  const IcAuthority *authority;
  gsize start = 0, len = 0;
  g_autofree char *span = NULL;

  if (printed == NULL || *printed == '\0')
    return FALSE;

  authority = ic_authorities_lookup (printed);
  if (authority != NULL)
    {
      _ic_report_set_authority (parse->report, ic_authority_get_name (authority));
      _ic_report_set_authority_as_printed (parse->report, printed);
      return TRUE;
    }

  authority = ic_authorities_find_in_text (printed, &start, &len);
  if (authority == NULL)
    return FALSE;

  span = g_strndup (printed + start, len);
  _ic_report_set_authority (parse->report, ic_authority_get_name (authority));
  _ic_report_set_authority_as_printed (parse->report, span);
  return TRUE;
}

/* Whether @text is an authority's name with only council words around
 * it, as a title line prints it ("Derby City", "Wirral Council"). */
static gboolean
is_name_line (const char *text)
{
  static const char * const qualifiers[] = {
    "city", "council", "county", "borough", "metropolitan", "district", "royal",
    "london", "of", "the", "corporation", NULL
  };
  g_autofree char *rest = NULL;
  g_auto(GStrv) words = NULL;
  gsize start = 0, len = 0;

  if (strlen (text) > 80 || strpbrk (text, ".:;0123456789") != NULL ||
      ic_authorities_find_in_text (text, &start, &len) == NULL)
    return FALSE;

  rest = g_strdup (text);
  memset (rest + start, ' ', len);
  words = g_strsplit (g_strstrip (rest), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (words[i], -1);

      if (*word != '\0' && !g_strv_contains (qualifiers, word))
        return FALSE;
    }
  return TRUE;
}

/* Reports without the name in their title print it on the lines just
 * before the title ("Hampshire County Council", "City of Bradford
 * Metropolitan District\nCouncil") or just after it (CP 2012). */
static gboolean
authority_near_title (IcParse *parse)
{
  guint t = parse->title_line;
  static const int spans[][2] = { { -2, -1 }, { -1, -1 }, { -3, -1 }, { 1, 1 }, { 1, 2 }, { 2, 2 } };

  for (guint k = 0; k < G_N_ELEMENTS (spans); k++)
    {
      int from = (int)t + spans[k][0], to = (int)t + spans[k][1];
      g_autofree char *text = NULL;

      if (from < 0 || to >= (int)parse->lines->len)
        continue;
      text = lines_text (parse, from, to);
      if (strlen (text) < 90 && ic_authorities_lookup (text) != NULL && try_authority (parse, text))
        return TRUE;
      if (is_name_line (text) && try_authority (parse, text))
        {
          /* Keep the whole line as printed, not just the name in it. */
          _ic_report_set_authority_as_printed (parse->report, text);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
authority_from_principal (IcParse *parse)
{
  static GRegex *principal;
  GRegex *re = _ic_parser_regex (&principal, "([A-Z][^.]{2,80}?) (?:is|are) the principal (?:local )?authority",
                                 G_REGEX_CASELESS);

  for (guint i = 0; i < MIN (parse->lines->len, 3 * HEAD_LINES); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *name = NULL;

      if (!g_regex_match (re, IC_LINE (parse, i)->text, 0, &info))
        continue;
      name = g_match_info_fetch (info, 1);
      if (try_authority (parse, name))
        return TRUE;
    }
  return FALSE;
}

static const char *
skip_ofsted_address (const char *text)
{
  const char *markers[] = { "enquiries@ofsted.gov.uk", "www.gov.uk/ofsted", "Textphone" };
  const char *from = text;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *hit = strstr (text, markers[i]);

      if (hit != NULL && hit - text < 600)
        from = MAX (from, hit + strlen (markers[i]));
    }
  return from;
}

static void
read_authority (IcParse    *parse,
                Head       *head,
                TitleMatch *match)
{
  g_autofree char *joined = joined_head (head);
  gsize start = 0, len = 0;
  const IcAuthority *authority;

  if (parse->type == IC_INSPECTION_TYPE_JTAI && authority_from_principal (parse))
    return;
  if (try_authority (parse, match->authority))
    return;
  if (authority_near_title (parse))
    return;

  /* Last resort: the first authority named at the top of the document,
   * past Ofsted's own address at the head of letters. */
  authority = ic_authorities_find_in_text (skip_ofsted_address (joined), &start, &len);
  if (authority != NULL)
    {
      g_autofree char *printed = g_strndup (skip_ofsted_address (joined) + start, len);

      _ic_report_set_authority (parse->report, ic_authority_get_name (authority));
      _ic_report_set_authority_as_printed (parse->report, printed);
      _ic_report_add_warning (parse->report,
                              _("The authority was not named in the title; it was taken from the first page."));
      return;
    }

  if (match->authority != NULL)
    _ic_report_set_authority_as_printed (parse->report, match->authority);
  _ic_report_add_warning (parse->report, _("The local authority could not be recognised."));
}

/* Searches lines [from, from + window) joined, starting after the first
 * match of @keyword, for a date range. */
static gboolean
range_after (IcParse    *parse,
             GRegex     *keyword,
             guint       limit,
             gboolean    labelled,
             GDate      *start,
             GDate      *end)
{
  for (guint i = 0; i < MIN (limit, parse->lines->len); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *text = NULL;
      int s, e;

      text = lines_text (parse, i, i + 2);
      if (!g_regex_match (keyword, text, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 0, &s, &e);
      if (labelled ? ic_dates_find_labelled_range (text + e, start, end)
                   : ic_dates_find_range (text + e, start, end))
        return TRUE;
    }
  return FALSE;
}

/* Letters may print the visit's days without a year ("on 4 and 5
 * March"): the year is the letter's, or the one before when that would
 * put the visit after the letter. */
static gboolean
range_in_letter_year (IcParse *parse,
                      GRegex  *keyword,
                      GDate   *start,
                      GDate   *end)
{
  const GDate *letter = ic_report_get_published_date (parse->report);
  guint year;

  if (letter == NULL || !ic_inspection_type_is_letter (parse->type))
    return FALSE;
  year = g_date_get_year (letter);
  for (guint i = 0; i < MIN (3 * HEAD_LINES, parse->lines->len); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *text = lines_text (parse, i, i + 2);
      int s, e;

      if (!g_regex_match (keyword, text, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 0, &s, &e);
      if (!ic_dates_find_range_in_year (text + e, year, start, end))
        continue;
      if (g_date_compare (end, letter) > 0)
        return ic_dates_find_range_in_year (text + e, year - 1, start, end);
      return TRUE;
    }
  return FALSE;
}

static void
read_visit_dates (IcParse *parse)
{
  static GRegex *label_re, *sentence_re;
  GRegex *label = _ic_parser_regex (&label_re,
                                    "^inspection dates?\\s*:?|^dates? of (?:the )?(?:inspection|visit)\\s*:?",
                                    G_REGEX_CASELESS);
  GRegex *sentence = _ic_parser_regex (&sentence_re,
                                       "took place (?:from|on|between)?|"
                                       "(?:focused|monitoring) visit to .{3,120}? (?:on|from|between)\\b|"
                                       "(?:visit|inspection) (?:was )?(?:carried out|undertaken|conducted) (?:on|from|between)\\b|"
                                       "findings of the .{3,80}? (?:on|from|between)\\b|"
                                       "inspection dates?|\\bbetween(?= \\d)",
                                       G_REGEX_CASELESS);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);

  if (range_after (parse, label, HEAD_LINES, TRUE, &start, &end) ||
      range_after (parse, sentence, 3 * HEAD_LINES, FALSE, &start, &end) ||
      range_in_letter_year (parse, sentence, &start, &end))
    {
      _ic_report_set_start_date (parse->report, &start);
      _ic_report_set_end_date (parse->report, &end);
      return;
    }

  _ic_report_add_warning (parse->report, _("The dates of the inspection could not be found."));
}

static gboolean
line_is_date (const char *text,
              GDate      *date)
{
  static GRegex *date_line;
  GRegex *re = _ic_parser_regex (&date_line, "^\\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \\d{4}$", 0);

  return g_regex_match (re, text, 0, NULL) && ic_dates_parse_day (text, date);
}

/* A line that is laid out as a letter's date but does not read as one
 * ("6 November 20205", a misprinted year). */
static gboolean
line_is_misprinted_date (const char *text)
{
  static GRegex *shape_re;
  GRegex *shape = _ic_parser_regex (&shape_re, "^\\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \\d{1,6}$", 0);
  GDate unused;

  g_date_clear (&unused, 1);
  return g_regex_match (shape, text, 0, NULL) && !line_is_date (text, &unused);
}

/* Letters always print their date above the salutation: when it is there
 * but misprinted, the user is told why the report has no date, rather
 * than left to think it prints none. */
static void
warn_misprinted_letter_date (IcParse *parse)
{
  for (guint i = 0; i < MIN (parse->title_line + 1, parse->lines->len); i++)
    {
      const char *text = IC_LINE (parse, i)->text;

      if (line_is_misprinted_date (text))
        {
          g_autofree char *warning = g_strdup_printf (_("The letter is dated “%s”, which is not a date: "
                                                        "it may be misprinted, so the report is shown without its date."),
                                                      text);
          _ic_report_add_warning (parse->report, warning);
          return;
        }
    }
}

static void
read_published_date (IcParse *parse)
{
  static GRegex *published;
  GRegex *label = _ic_parser_regex (&published, "^(?:report )?published\\s*:?", G_REGEX_CASELESS);
  GDate date, unused;
  gboolean letter = ic_inspection_type_is_letter (parse->type);

  g_date_clear (&date, 1);
  g_date_clear (&unused, 1);

  if (range_after (parse, label, 3 * HEAD_LINES, TRUE, &date, &unused))
    {
      _ic_report_set_published_date (parse->report, &date);
      return;
    }

  /* A letter is dated on a line of its own above the salutation. */
  for (guint i = 0; letter && i < MIN (parse->title_line + 1, parse->lines->len); i++)
    if (line_is_date (IC_LINE (parse, i)->text, &date))
      {
        _ic_report_set_published_date (parse->report, &date);
        return;
      }
  if (letter)
    warn_misprinted_letter_date (parse);
}

/* "Andy Whippey, Her Majesty's Inspector" -> "Andy Whippey". */
static char *
clean_inspector_name (const char *raw)
{
  static GRegex *tail_re, *title_re;
  GRegex *tail = _ic_parser_regex (&tail_re,
                                   "\\s*(?:,|\\(|\\b)\\s*(?:senior |deputy )?(?:HMI|SHMI|OI|"
                                   "(?:Her|His) Majesty" APOS "?s (?:Senior )?Inspector(?:s)?|"
                                   "Ofsted Inspector|Social Care Regulatory Inspector)\\)?.*$",
                                   G_REGEX_CASELESS);
  GRegex *title = _ic_parser_regex (&title_re, "^(?:Mr|Mrs|Ms|Miss|Dr)\\.? ", 0);
  g_autofree char *a = g_regex_replace (tail, raw, -1, 0, "", 0, NULL);
  g_autofree char *b = g_regex_replace (title, a, -1, 0, "", 0, NULL);
  char *name = g_strstrip (g_strdup (b));

  while (*name && (name[strlen (name) - 1] == ',' || name[strlen (name) - 1] == '.'))
    name[strlen (name) - 1] = '\0';
  return name;
}

static gboolean
looks_like_name (const char *text)
{
  static GRegex *name;
  GRegex *re = _ic_parser_regex (&name, "^(?:\\p{Lu}[\\p{L}'’\\-]*\\.? ){1,3}\\p{Lu}[\\p{L}'’\\-]+$", 0);

  return g_regex_match (re, text, 0, NULL);
}

static gboolean
set_inspector (IcParse    *parse,
               const char *raw)
{
  g_autofree char *name = clean_inspector_name (raw);

  if (!looks_like_name (name))
    return FALSE;
  _ic_report_set_lead_inspector (parse->report, name);
  return TRUE;
}

/* "Jane Thomson-" + "Jones, Her Majesty's Inspector": a name hyphenated
 * at the end of its line goes on with the next line's first word. */
static char *
join_hyphenated_name (IcParse    *parse,
                      guint       i,
                      const char *rest)
{
  g_autofree char *next = NULL;
  char *space;

  if (!g_str_has_suffix (rest, "-") || i + 1 >= parse->lines->len)
    return NULL;
  next = g_strdup (IC_LINE (parse, i + 1)->text);
  space = strpbrk (next, " ,");
  if (space != NULL)
    *space = '\0';
  return g_strconcat (rest, next, NULL);
}

/* "Lead inspectors: Jane Example and John Sample" names the first. */
static gboolean
set_first_inspector (IcParse    *parse,
                     const char *names)
{
  static GRegex *separator;
  g_auto(GStrv) parts = g_regex_split (_ic_parser_regex (&separator, "\\s+(?:and|&)\\s+|\\s*[,;]\\s*", 0),
                                       names, 0);

  return parts[0] != NULL && set_inspector (parse, parts[0]);
}

static gboolean
inspector_from_label (IcParse *parse)
{
  static GRegex *label;
  GRegex *re = _ic_parser_regex (&label, "^(?:lead|reporting) inspectors?(?: on site)?\\s*:?\\s*(.*)$",
                                 G_REGEX_CASELESS);

  for (guint i = 0; i < parse->lines->len; i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *rest = NULL;
      g_autofree char *joined = NULL;

      if (!g_regex_match (re, IC_LINE (parse, i)->text, 0, &info))
        continue;
      rest = g_strstrip (g_match_info_fetch (info, 1));
      joined = join_hyphenated_name (parse, i, rest);
      if (joined != NULL && set_inspector (parse, joined))
        return TRUE;
      if (set_inspector (parse, rest) || set_first_inspector (parse, rest))
        return TRUE;
      if (*g_strstrip (rest) == '\0' && i + 1 < parse->lines->len &&
          set_inspector (parse, IC_LINE (parse, i + 1)->text))
        return TRUE;
    }
  return FALSE;
}

/* In letters the lead inspector signs after "Yours sincerely". */
static gboolean
inspector_from_signature (IcParse *parse)
{
  for (guint i = 0; i < parse->lines->len; i++)
    {
      if (!g_str_has_prefix (IC_LINE (parse, i)->folded, "yours sincerely"))
        continue;
      for (guint k = i + 1; k < MIN (i + 4, parse->lines->len); k++)
        if (set_inspector (parse, IC_LINE (parse, k)->text))
          return TRUE;
    }
  return FALSE;
}

static gboolean
inspector_from_sentence (IcParse *parse)
{
  /* Only the keywords are caseless: a name is capitalised word by word. */
  static GRegex *sentence;
  GRegex *re = _ic_parser_regex (&sentence, "(?i:the lead inspector was|inspectors (?:for this visit )?were) "
                                 "(\\p{Lu}[\\p{L}'’\\-]*\\.?(?: \\p{Lu}[\\p{L}'’\\-]*\\.?){1,3})",
                                 0);

  for (guint i = 0; i < MIN (parse->lines->len, 3 * HEAD_LINES); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autofree char *text = lines_text (parse, i, i + 1);
      g_autofree char *name = NULL;

      if (!g_regex_match (re, text, 0, &info))
        continue;
      name = g_match_info_fetch (info, 1);
      if (set_inspector (parse, name))
        return TRUE;
    }
  return FALSE;
}

/* A letter cannot be written before the visit it reports on: one of the
 * two dates is misprinted (a letter of January 2019 about a visit in
 * December 2019 is one). Both are kept as printed; the user is told. */
static void
check_letter_date (IcParse *parse)
{
  const GDate *published = ic_report_get_published_date (parse->report);
  const GDate *end = ic_report_get_end_date (parse->report);
  g_autofree char *warning = NULL;
  char letter[64], visit[64];

  if (published == NULL || end == NULL || g_date_compare (published, end) >= 0)
    return;

  g_date_strftime (letter, sizeof letter, "%-d %B %Y", published);
  g_date_strftime (visit, sizeof visit, "%-d %B %Y", end);
  warning = g_strdup_printf (_("The report is dated %s, before the inspection ended on %s: "
                               "one of these dates may be misprinted."), letter, visit);
  _ic_report_add_warning (parse->report, warning);
}

static void
read_lead_inspector (IcParse *parse)
{
  /* JTAI letters are signed by the chief inspectors and name no lead. */
  if (parse->type == IC_INSPECTION_TYPE_JTAI)
    return;

  if (inspector_from_label (parse) || inspector_from_signature (parse) ||
      inspector_from_sentence (parse))
    return;

  _ic_report_add_warning (parse->report, _("No lead inspector was found."));
}

static void
read_ilacs_variant (IcParse *parse)
{
  const GDate *start = ic_report_get_start_date (parse->report);
  const GDate *end = ic_report_get_end_date (parse->report);
  int days;

  if (parse->type != IC_INSPECTION_TYPE_ILACS)
    return;

  if (start == NULL || end == NULL)
    {
      _ic_report_add_warning (parse->report,
                              _("Without inspection dates, short and standard inspections cannot be told apart."));
      return;
    }

  /* The text never says "short": one week on site is short, two weeks
   * standard (up to 7 days on site is short). */
  days = g_date_days_between (start, end) + 1;
  _ic_report_set_ilacs_variant (parse->report, days <= 7 ? IC_ILACS_VARIANT_SHORT
                                                         : IC_ILACS_VARIANT_STANDARD);
}

/* Without a known title, a report is still taken when Ofsted wrote it
 * about a local authority's children's services: schools, nurseries and
 * children's homes are inspected by Ofsted too, and are not ours. */
static gboolean
about_local_authority_services (IcParse *parse)
{
  gboolean ofsted = FALSE, authority = FALSE, services = FALSE;

  for (guint i = 0; i < MIN (parse->lines->len, 3 * HEAD_LINES); i++)
    {
      const char *f = IC_LINE (parse, i)->folded;

      ofsted |= strstr (f, "ofsted") != NULL || strstr (f, "majesty's inspector") != NULL;
      authority |= strstr (f, "local authority") != NULL;
      services |= strstr (f, "children's services") != NULL || strstr (f, "children's social care") != NULL;
    }
  return ofsted && authority && services;
}

static gboolean
recognise (IcParse     *parse,
           TitleMatch  *match,
           Head        *head,
           GError     **error)
{
  /* Strictly first; then, for text that runs titles into the next line's
   * words, as a last resort. */
  if (find_title (head, match, TRUE) || find_title (head, match, FALSE))
    {
      parse->type = match->pattern->type;
      _ic_report_set_inspection_type (parse->report, parse->type);
      read_title (parse, head, match);
      return TRUE;
    }

  if (about_local_authority_services (parse))
    {
      gsize s, l;

      if (ic_authorities_find_in_text (head->text->str, &s, &l) != NULL)
        return TRUE;
    }

  g_set_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NOT_A_REPORT,
               N_("not an Ofsted local authority report"));
  return FALSE;
}

/* A report whose title is not known but that prints the judgement table
 * of an inspection of local authority children's services is one. */
static void
settle_unknown_type (IcParse *parse)
{
  if (parse->type != IC_INSPECTION_TYPE_OTHER || ic_report_get_title (parse->report) != NULL)
    return;
  if (g_list_model_get_n_items (ic_report_get_judgements (parse->report)) == 0)
    {
      _ic_report_add_warning (parse->report, _("The type of report was not recognised."));
      return;
    }
  parse->type = IC_INSPECTION_TYPE_ILACS;
  _ic_report_set_inspection_type (parse->report, parse->type);
  _ic_report_add_warning (parse->report,
                          _("The title was not recognised; the report prints the judgement table of an "
                            "inspection of local authority children's services and is read as one."));
  read_ilacs_variant (parse);
}

static void
check_completeness (IcParse *parse)
{
  IcReport *report = parse->report;

  if (ic_inspection_type_is_graded (parse->type) &&
      g_list_model_get_n_items (ic_report_get_judgements (report)) == 0)
    {
      _ic_report_add_warning (report, _("This type of report is graded, but no judgements were found."));
      return;
    }

  /* A row printed "Not judged" is no grade missed. */
  for (IcArea area = 0; area < IC_N_AREAS; area++)
    if (ic_framework_expects_area (parse->type, ic_report_get_start_date (report), area) &&
        ic_report_find_judgement (report, area) == NULL && (parse->not_judged & IC_AREA_BIT (area)) == 0)
      {
        g_autofree char *warning = g_strdup_printf (_("No grade was found for “%s”."),
                                                    ic_area_to_label (area));
        _ic_report_add_warning (report, warning);
      }
}

static gboolean
has_text (const char * const *pages)
{
  for (guint p = 0; pages != NULL && pages[p] != NULL; p++)
    for (const char *c = pages[p]; *c; c++)
      if (g_ascii_isalpha (*c))
        return TRUE;
  return FALSE;
}

/**
 * ic_parse_report:
 * @source: the file's path, recorded on the report
 * @pages: the text of each page (a text file is one page, or pages split
 *   at form feeds)
 * @from_pdf: whether page numbers are PDF pages (recorded on items)
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error
 *   set in %IC_PARSE_ERROR when the text is not an Ofsted report
 */
IcReport *
ic_parse_report (const char          *source,
                 const char * const  *pages,
                 gboolean             from_pdf,
                 GError             **error)
{
  return ic_parse_report_and_lines (source, pages, from_pdf, NULL, error);
}

/**
 * ic_parse_report_and_lines:
 * @lines: (out) (optional) (transfer full) (nullable): the lines of
 *   @pages as the parser reads them (NULL for pages with no text)
 *
 * Returns: (transfer full) (nullable): as ic_parse_report()
 */
IcReport *
ic_parse_report_and_lines (const char          *source,
                           const char * const  *pages,
                           gboolean             from_pdf,
                           GArray             **lines,
                           GError             **error)
{
  g_autoptr(IcReport) report = NULL;
  TitleMatch match = { 0 };
  IcParse parse = { 0 };
  Head head;
  gboolean ok;

  if (lines != NULL)
    *lines = NULL;
  if (!has_text (pages))
    {
      g_set_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NO_TEXT,
                   from_pdf ? N_("the PDF has no text (is it a scanned image?)")
                            : N_("the file has no text"));
      return NULL;
    }

  report = _ic_report_new (source);
  parse.report = report;
  parse.from_pdf = from_pdf;
  parse.lscb_from = G_MAXUINT;
  parse.lines = _ic_parser_split_lines (pages, from_pdf);
  head_init (&head, &parse, HEAD_LINES);

  ok = recognise (&parse, &match, &head, error);
  if (ok)
    {
      read_authority (&parse, &head, &match);
      read_published_date (&parse);
      read_visit_dates (&parse);
      check_letter_date (&parse);
      read_lead_inspector (&parse);
      _ic_parser_read_stated_previous (&parse);
      read_ilacs_variant (&parse);
      _ic_parser_read_judgements (&parse);
      settle_unknown_type (&parse);
      _ic_parser_read_items (&parse);
      check_completeness (&parse);
    }

  g_free (match.authority);
  head_clear (&head);
  if (lines != NULL)
    *lines = g_steal_pointer (&parse.lines);
  else
    g_array_unref (parse.lines);

  return ok ? g_steal_pointer (&report) : NULL;
}
