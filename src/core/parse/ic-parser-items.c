/* ic-parser-items.c: improvement items and strengths
 *
 * Items stand under one of many headings ("What needs to improve?",
 * "Areas for improvement", "Recommendations", "Areas for priority
 * action" …) as bullets of any glyph, numbered paragraphs, or plain
 * paragraphs, wrapped over lines and pages. A section ends at the next
 * heading the parser knows, or where prose follows the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-frameworks.h"
#include "ic-parser-private.h"

typedef enum
{
  HEADING_NONE,
  HEADING_STOP,
  HEADING_ITEMS,
  HEADING_LSCB_ITEMS,
  HEADING_PRIORITY,
  HEADING_RECOMMENDATIONS,
  HEADING_STRENGTHS,
  HEADING_AREA,
} HeadingKind;

typedef struct
{
  HeadingKind  kind;
  const char  *pattern;
} HeadingPattern;

static const HeadingPattern heading_patterns[] = {
  { HEADING_ITEMS, "what needs to improve(?: in this area of (?:social work )?practice)?" },
  { HEADING_ITEMS, "what does the local authority need to improve" },
  { HEADING_LSCB_ITEMS, "what does the (?:lscb|local safeguarding children board) need to improve" },
  { HEADING_ITEMS, "areas? for (?:improvement|development)" },
  { HEADING_PRIORITY, "areas? for (?:priority|immediate) action" },
  { HEADING_PRIORITY, "priority and immediate action" },
  { HEADING_PRIORITY, "priority actions?" },
  { HEADING_RECOMMENDATIONS, "recommendations?" },
  /* "Key strengths and weaknesses of the LSCB" (SIF 2014) weighs both in
   * prose: it is not a list of strengths, so it stops a section. */
  { HEADING_STRENGTHS, "(?:key )?strengths|areas of strength|"
                       "the (?:local authority|lscb|board|local safeguarding children board)'s strengths|"
                       "the (?:local authority|lscb|board) has the following strengths" },
  { HEADING_STOP, "headline findings|main findings|findings|overview|next steps|contents|"
                  "summary for children and young people|information about this inspection|"
                  "information about this local authority area|about this inspection|"
                  "service information|progress since the last inspection|"
                  "inspection judgements about the local authority|"
                  "the inspection judgements and what they mean|record of main findings|"
                  "executive summary|inspection findings.*|summary of key findings|"
                  "what the inspection judgements mean.*|section \\d+: .*|the inspection team|"
                  "case study.*|the local safeguarding children board(?: \\(lscb\\))?|"
                  "(?:review|inspection) of the effectiveness of the local safeguarding children board|"
                  "key strengths and weaknesses of the .*|what the lscb needs to do|"
                  "yours sincerely|ofsted will take the findings.*|inspection judgements? .*|"
                  "(?:deputy )?(?:lead|reporting) inspector\\b.*|team inspectors\\b.*" },
};

/* Judgement areas head the body's sections ("The experiences and progress
 * of children in care: good"), and also stand as topic sub-headings
 * inside a list of recommendations (SIF 2014): every framework's phrase
 * for an area (ic-frameworks.c), alone or followed by its grade or by
 * "of …" ("Overall effectiveness of services for …"), or the first line
 * of a long area heading wrapped over lines. A sentence that opens with
 * an area ("Adoption performance is a strength …") is not a heading. */
static void
append_area_headings (GString *pattern)
{
  const IcAreaPhrase *phrases;
  guint n;

  phrases = ic_frameworks_area_phrases (&n);
  g_string_append (pattern, "(?:the )?experiences and progress of .*|the impact of leaders .*|"
                            "the effectiveness of the help and protection .*|overall effectiveness.*|"
                            "outcomes for looked after children.*");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (pattern, "|(?:%s)(?:\\s*[:\\-–].*|\\s+(?:is|are)\\s+(?:%s).*|\\s+of\\s.*)?",
                            phrases[i].pattern, IC_GRADE_WORDS);
}

static GRegex *
heading_regex (HeadingKind kind)
{
  static GRegex *regexes[HEADING_AREA + 1];

  if (g_once_init_enter (&regexes[kind]))
    {
      GString *pattern = g_string_new ("^(?:\\d+\\.\\s*)?(?:");
      gboolean first = TRUE;

      if (kind == HEADING_AREA)
        append_area_headings (pattern);
      for (guint i = 0; i < G_N_ELEMENTS (heading_patterns); i++)
        if (heading_patterns[i].kind == kind)
          {
            g_string_append_printf (pattern, "%s%s", first ? "" : "|", heading_patterns[i].pattern);
            first = FALSE;
          }
      /* A trailing footnote digit, "?" or ":" may follow; a full stop
       * would make it a sentence. */
      g_string_append (pattern, ")\\s*[?:]?\\s*\\d{0,2}\\s*[?:]?$");
      g_once_init_leave (&regexes[kind], g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL));
      g_string_free (pattern, TRUE);
    }
  return regexes[kind];
}

static gboolean
is_contents_entry (IcParse *parse,
                   guint    i)
{
  static GRegex *page_number;
  const char *next;

  if (i + 1 >= parse->lines->len)
    return FALSE;
  next = IC_LINE (parse, i + 1)->text;
  /* Most lines open with a letter: no need to ask the pattern. */
  if ((guchar)*next < 0x80 && !g_ascii_isdigit (*next))
    return FALSE;
  return g_regex_match (_ic_parser_regex (&page_number, "^\\d{1,3}$", 0), next, 0, NULL);
}

/* A line that goes on with the previous one's sentence is not a heading,
 * even when it reads like one: "… had recognised this as an" + "area for
 * improvement.", "… children looked after under a" + "Section 20 …". */
static gboolean
continues_sentence (IcParse *parse,
                    guint    i)
{
  static GRegex *re;
  const IcLine *line = IC_LINE (parse, i);

  if (g_unichar_islower (g_utf8_get_char (line->text)))
    return TRUE;
  if (i == 0)
    return FALSE;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("(?:[,\\-–]|\\b(?:a|an|the|of|to|for|in|on|by|and|or|with|"
                                         "from|under|that|which|their|its|is|are|be|as|at))$",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (re, IC_LINE (parse, i - 1)->folded, 0, NULL);
}

static gsize bullet_length (const char *text);

/* A heading may carry a decorative glyph that the text joined to it as if
 * it were a bullet (" What needs to improve?"). */
static HeadingKind
glyph_heading_kind (const IcLine *line)
{
  gsize b = bullet_length (line->text);
  g_autofree char *rest = NULL;

  if (b == 0 || g_unichar_isalnum (g_utf8_get_char (line->text)) || *line->text == '-')
    return HEADING_NONE;
  rest = _ic_parser_fold (line->text + b);
  for (HeadingKind kind = HEADING_ITEMS; kind <= HEADING_STRENGTHS; kind++)
    if (g_regex_match (heading_regex (kind), rest, 0, NULL))
      return kind;
  return HEADING_NONE;
}

/* The first line of a PDF page. */
static gboolean
starts_page (IcParse *parse,
             guint    i)
{
  return i > 0 && IC_LINE (parse, i)->page != 0 && IC_LINE (parse, i)->page != IC_LINE (parse, i - 1)->page;
}

/* A list heading that opens a page (" Recommendations" at the top of an
 * LSCB review's page) stands alone, even when the last line of the page
 * before ends as if its sentence went on: a figure, a table or a cut
 * footnote often ends a page. A capital after the page break starts a
 * new line of thought; a sentence going on over a page break goes on in
 * lower case. */
static gboolean
list_heading_opening_page (IcParse *parse,
                           guint    i)
{
  const IcLine *line = IC_LINE (parse, i);

  if (!starts_page (parse, i) || !g_unichar_isupper (g_utf8_get_char (line->text)))
    return FALSE;
  for (HeadingKind kind = HEADING_ITEMS; kind <= HEADING_RECOMMENDATIONS; kind++)
    if (g_regex_match (heading_regex (kind), line->folded, 0, NULL))
      return TRUE;
  return FALSE;
}

static HeadingKind
heading_kind (IcParse *parse,
              guint    i)
{
  const IcLine *line = IC_LINE (parse, i);

  if (strlen (line->folded) > 140 || is_contents_entry (parse, i) ||
      (continues_sentence (parse, i) && !list_heading_opening_page (parse, i)))
    return HEADING_NONE;

  for (HeadingKind kind = HEADING_ITEMS; kind <= HEADING_STRENGTHS; kind++)
    if (g_regex_match (heading_regex (kind), line->folded, 0, NULL))
      return kind;
  if (glyph_heading_kind (line) != HEADING_NONE)
    return glyph_heading_kind (line);

  /* Other headings are titles, not sentences. */
  if (g_str_has_suffix (line->text, "."))
    return HEADING_NONE;
  if (g_regex_match (heading_regex (HEADING_STOP), line->folded, 0, NULL))
    return HEADING_STOP;
  if (g_regex_match (heading_regex (HEADING_AREA), line->folded, 0, NULL))
    return HEADING_AREA;

  return HEADING_NONE;
}

gboolean
_ic_parser_is_heading (IcParse *parse,
                       guint    i)
{
  return heading_kind (parse, i) != HEADING_NONE;
}

/* The number of bytes of a bullet marker and the space after it, or 0.
 * Bullets come in every glyph: ◼ ■ • ▪ -, and private-use code points of
 * symbol fonts (U+F06E, U+F0B7 …). */
static gsize
bullet_length (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *after = g_utf8_next_char (text);
  gboolean glyph;

  glyph = (c >= 0xE000 && c <= 0xF8FF) || (c >= 0x25A0 && c <= 0x25FF) ||
          c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x2219 || c == 0x00B7 ||
          c == 0x27A2 || c == 0x27A4 || c == 0x2713 || c == 0x2714 || c == 0x25BA;
  /* Dashes, and the overlay stroke one template prints as a sub-bullet,
   * count only when a space follows. */
  if (!glyph && (c == '-' || c == '*' || c == 0x2013 || c == 0x2014 || c == 0x2212 || c == 0x0336))
    glyph = *after == ' ';
  if (!glyph)
    return 0;

  while (*after == ' ')
    after++;
  return after - text;
}

static gboolean
is_nested_bullet (const char *text)
{
  return (text[0] == 'o' && text[1] == ' ') || bullet_length (text) > 0;
}

/* The length of a nested bullet's marker: a glyph, or the letter "o" that
 * symbol fonts print as a hollow circle. */
static gsize
nested_marker_length (const char *text)
{
  if (text[0] == 'o' && text[1] == ' ')
    return 2;
  return bullet_length (text);
}

static gsize
number_length (const char *text)
{
  gsize n = 0;

  while (g_ascii_isdigit (text[n]) && n < 3)
    n++;
  if (n == 0 || (text[n] != '.' && text[n] != ')'))
    return 0;
  n++;
  if (text[n] != '\0' && text[n] != ' ')
    return 0;
  while (text[n] == ' ')
    n++;
  return n;
}

static gboolean
starts_item (const char *text)
{
  return number_length (text) > 0 || bullet_length (text) > 0;
}

static char *
timeframe_of (const IcLine *line)
{
  static GRegex *timeframe;
  GRegex *re = _ic_parser_regex (&timeframe,
                                 "^(immediately|within (?:one|two|three|four|six|nine|twelve|\\d+) "
                                 "(?:weeks?|months?))(?: of (?:the|this) [a-z ]{3,30})?\\s*:?$", G_REGEX_CASELESS);
  g_autoptr(GMatchInfo) info = NULL;

  if (!g_regex_match (re, line->text, 0, &info))
    return NULL;
  return g_match_info_fetch (info, 1);
}

/* A full stop, perhaps followed by a closing quote or a reference such
 * as "(paragraph 25)" or "(Outcome 3, National Framework)". */
static gboolean
ends_sentence (const GString *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("[.;!][\"'’”)]*(?:\\s*\\([^()]*\\))?\\.?$",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (re, text->str, 0, NULL);
}

/* Joins a wrapped line: "decision-" + "making" stays one word. */
static void
append_wrapped (GString    *item,
                const char *text)
{
  gboolean hyphen = item->len > 1 && item->str[item->len - 1] == '-' && item->str[item->len - 2] != ' ';

  if (item->len > 0 && !(hyphen && g_unichar_islower (g_utf8_get_char (text))))
    g_string_append_c (item, ' ');
  g_string_append (item, text);
}

/* A nested bullet's text goes on its item after "; ", unless the item
 * leads in with a colon or already ends its clause. */
static void
append_sub_item (GString    *item,
                 const char *text)
{
  char last = item->len > 0 ? item->str[item->len - 1] : ':';

  if (last != ':' && last != ';' && last != ',' && last != '.')
    g_string_append_c (item, ';');
  append_wrapped (item, text);
}

typedef struct
{
  IcParse     *parse;
  HeadingKind  kind;
  IcScope      scope;
  char        *timeframe;
  GString     *item;
  guint        page;
  guint        taken;      /* items and strengths added */
  gboolean     said_none;  /* the list said it was empty, or pointed back */
  gboolean     lone_paragraph; /* the section is one paragraph, no list */
} Collector;

/* Longer than any item seen in 2012–26 reports: prose after the list was
 * probably taken into it. */
#define LONG_ITEM 1200

static void
check_length (Collector  *c,
              const char *text)
{
  if (strlen (text) <= LONG_ITEM || c->parse->warned_long)
    return;
  c->parse->warned_long = TRUE;
  _ic_report_add_warning (c->parse->report,
                          _("An improvement item is unusually long: the end of its list may not have "
                            "been recognised, and the text that follows may have been taken into it."));
}

/* "The inspection did not find any areas for priority and immediate
 * action.", "No areas were identified for immediate improvement.",
 * "There are no priority actions following this focused visit.": a list
 * may say it is empty, and that sentence is not an item. */
static gboolean
states_none (const char *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^none(?: (?:identified|found))?\\.?$|"
                                         "^(?:the inspection |inspectors )?(?:did not (?:find|identify) any|"
                                         "(?:there (?:are|were|is) )?no (?:areas?|priority|priorities|"
                                         "recommendations?|actions?)\\b)[^.]*\\.?$",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return strlen (text) < 200 && g_regex_match (re, text, 0, NULL);
}

/* "The areas for improvement identified at the last inspection remain."
 * (focused visits): the list points back to an earlier report instead of
 * naming items. The report may be named by its kind and date instead
 * ("set at the focused visit in June 2021 … continue to apply"). */
static gboolean
refers_back (const char *text)
{
  static GRegex *re;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(?:the |all )?(?:areas?|recommendations?|priority actions?)\\b[^.]{0,160}"
                                         "\\b(?:last|previous|earlier|(?:focused|monitoring) visit|inspection)\\b"
                                         "[^.]{0,80}"
                                         "\\b(?:remain|remains|still apply|continue to apply|are still)\\b[^.]*\\.?$",
                                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return strlen (text) < 300 && g_regex_match (re, text, 0, NULL);
}

/* A section of one paragraph that tells rather than asks ("Leaders know
 * that … is not yet finished, and they are putting this right. They
 * should also …"): two sentences or more, the first saying what is, in
 * its first words, and asking for nothing. An item asks: "The quality of
 * plans.", "Ensure that …", "The local authority should …". */
static gboolean
is_prose (const char *text)
{
  static GRegex *sentences, *tells, *asks;
  g_auto(GStrv) parts = NULL;

  if (g_once_init_enter (&sentences))
    {
      tells = g_regex_new ("^(?:\\S+\\s+){0,5}?(?:know|knows|have|has|are|is|were|was|recognise[sd]?|"
                           "recognize[sd]?|understand|understands|acknowledge[sd]?|identified)\\b",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      asks = g_regex_new ("\\b(?:should|must|needs? to|ensure|improve)\\b", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&sentences, g_regex_new ("(?<=[.!?])\\s+(?=[A-Z])", G_REGEX_OPTIMIZE, 0, NULL));
    }
  parts = g_regex_split (sentences, text, 0);
  return g_strv_length (parts) >= 2 && g_regex_match (tells, parts[0], 0, NULL) &&
         !g_regex_match (asks, parts[0], 0, NULL);
}

static void
flush (Collector *c)
{
  g_autofree char *text = NULL;

  if (c->item->len == 0)
    return;

  text = g_strstrip (g_strdup (c->item->str));
  g_string_truncate (c->item, 0);
  if (*text == '\0')
    return;
  if (states_none (text))
    {
      c->said_none = TRUE;
      return;
    }
  if (c->lone_paragraph && c->kind != HEADING_STRENGTHS && is_prose (text))
    {
      c->said_none = TRUE;
      _ic_parser_add_note (c->parse, text);
      _ic_report_add_warning (c->parse->report,
                              _("The improvement section is a paragraph of prose, not a list: it is kept as "
                                "the report's note, not as items."));
      return;
    }
  if (refers_back (text))
    {
      c->said_none = TRUE;
      _ic_parser_add_note (c->parse, text);
      _ic_report_add_warning (c->parse->report,
                              _("The report says that areas for improvement from an earlier inspection still "
                                "apply, without listing them again."));
      return;
    }

  c->taken++;
  check_length (c, text);
  if (c->kind == HEADING_STRENGTHS)
    {
      _ic_report_add_strength (c->parse->report, text);
    }
  else
    {
      IcItemKind kind = c->kind == HEADING_PRIORITY ? IC_ITEM_KIND_PRIORITY_ACTION :
                        c->kind == HEADING_RECOMMENDATIONS ? IC_ITEM_KIND_RECOMMENDATION :
                        IC_ITEM_KIND_IMPROVEMENT;
      g_autoptr(IcImprovement) improvement = ic_improvement_new (text, kind, c->scope,
                                                                 c->timeframe, c->page);
      _ic_report_add_improvement (c->parse->report, improvement);
    }
}

static void
start_item (Collector    *c,
            const IcLine *line,
            const char   *text)
{
  flush (c);
  c->page = line->page;
  g_string_append (c->item, text);
}

/* A short title-like line between items: a topic sub-heading (SIF 2014). */
static gboolean
is_subheading (IcParse *parse,
               guint    i,
               guint    end)
{
  const IcLine *line = IC_LINE (parse, i);

  return strlen (line->text) < 70 && strpbrk (line->text, ".;()") == NULL &&
         g_unichar_isupper (g_utf8_get_char (line->text)) &&
         i + 1 < end && number_length (IC_LINE (parse, i + 1)->text) > 0;
}

static void
collect_numbered (Collector *c,
                  guint      from,
                  guint      end)
{
  gboolean open = FALSE;

  for (guint i = from; i < end; i++)
    {
      const IcLine *line = IC_LINE (c->parse, i);
      gsize n = number_length (line->text);
      g_autofree char *timeframe = timeframe_of (line);

      if (timeframe != NULL)
        {
          flush (c);
          g_free (c->timeframe);
          c->timeframe = g_steal_pointer (&timeframe);
          open = FALSE;
        }
      else if (n > 0)
        {
          start_item (c, line, line->text + n);
          open = TRUE;
        }
      else if (open && ends_sentence (c->item) && is_subheading (c->parse, i, end))
        {
          flush (c);
          open = FALSE;
        }
      else if (open)
        {
          gsize b = nested_marker_length (line->text);

          if (c->item->len == 0)
            c->page = line->page;
          if (b > 0 && c->item->len > 0)
            append_sub_item (c->item, line->text + b);
          else
            append_wrapped (c->item, line->text + b);
        }
    }
  flush (c);
}

/* A bullet of another glyph than the list's own, under an item that
 * leads in with a colon ("… to demonstrate:" + "- an understanding …"),
 * is part of that item. */
static gboolean
is_sub_bullet (Collector  *c,
               const char *text,
               gunichar    list_glyph,
               gboolean    in_sub)
{
  return bullet_length (text) > 0 && g_utf8_get_char (text) != list_glyph &&
         (in_sub || (c->item->len > 0 && c->item->str[c->item->len - 1] == ':'));
}

/* "(Outcome 3, National Framework)" alone on a line. */
static gboolean
is_reference (const char *text)
{
  return text[0] == '(' && (g_str_has_suffix (text, ")") || g_str_has_suffix (text, ")."));
}

/* The longest paragraph after a list's last bullet that is still read as
 * part of that item: a sentence or two, not the body's prose. */
#define LAST_ITEM_TAIL_MAX 300

/* After a blank, a line that goes on with the item above rather than
 * start the prose after the list: a reference wrapped onto its own line,
 * or sentences ending in a full stop with another bullet of the list
 * below them (prose does not stand between the bullets of one list), or,
 * after the last bullet, one short paragraph of sentences that is all
 * there is before the next heading. */
static gboolean
continues_item (IcParse  *parse,
                guint     i,
                guint     end,
                gunichar  list_glyph)
{
  g_autofree char *tail = NULL;
  guint k;

  if (is_reference (IC_LINE (parse, i)->text))
    return TRUE;
  for (k = i; k < end && bullet_length (IC_LINE (parse, k)->text) == 0; k++)
    if (k > i && IC_LINE (parse, k)->blank_before)
      return FALSE;
  if (k < end)
    return k > i && g_utf8_get_char (IC_LINE (parse, k)->text) == list_glyph &&
           g_str_has_suffix (IC_LINE (parse, k - 1)->text, ".");
  /* A footnote ("1 A note …") or a numbered paragraph is not the item's. */
  if (k == i || end >= parse->lines->len || !g_unichar_isupper (g_utf8_get_char (IC_LINE (parse, i)->text)))
    return FALSE;
  tail = _ic_parser_join (parse, i, end);
  return strlen (tail) <= LAST_ITEM_TAIL_MAX && g_str_has_suffix (IC_LINE (parse, end - 1)->text, ".");
}

static void
collect_bullets (Collector *c,
                 guint      from,
                 guint      end)
{
  gboolean open = FALSE, in_sub = FALSE;
  gunichar list_glyph = 0;

  for (guint i = from; i < end; i++)
    {
      const IcLine *line = IC_LINE (c->parse, i);
      gsize b = bullet_length (line->text);
      g_autofree char *timeframe = timeframe_of (line);

      if (b > 0 && list_glyph == 0)
        list_glyph = g_utf8_get_char (line->text);

      if (timeframe != NULL)
        {
          flush (c);
          g_free (c->timeframe);
          c->timeframe = g_steal_pointer (&timeframe);
          open = FALSE;
        }
      else if (open && is_sub_bullet (c, line->text, list_glyph, in_sub))
        {
          append_sub_item (c->item, line->text + b);
          in_sub = TRUE;
        }
      else if (b > 0)
        {
          start_item (c, line, line->text + b);
          open = TRUE;
          in_sub = FALSE;
        }
      else if (open && number_length (line->text) > 0 && line->text[number_length (line->text)] != '\0' &&
               g_unichar_isupper (g_utf8_get_char (line->text + number_length (line->text))))
        {
          /* A numbered paragraph after bullets is the body's. */
          flush (c);
          open = FALSE;
        }
      else if (open && line->blank_before && ends_sentence (c->item) &&
               !g_unichar_islower (g_utf8_get_char (line->text)) && !is_nested_bullet (line->text) &&
               !continues_item (c->parse, i, end, list_glyph))
        {
          /* Prose after the list: the list has ended. */
          flush (c);
          open = FALSE;
        }
      else if (open)
        {
          append_wrapped (c->item, line->text + nested_marker_length (line->text));
        }
    }
  flush (c);
}

/* The paragraphs of a section without a list, as collect_paragraphs()
 * splits them. */
static guint
count_paragraphs (IcParse *parse,
                  guint    from,
                  guint    end)
{
  static GRegex *paragraph_end;
  GRegex *ends = _ic_parser_regex (&paragraph_end, "[.;!][\"'’”)]*$", 0);
  guint n = 0;

  for (guint i = from; i < end; i++)
    {
      const char *text = IC_LINE (parse, i)->text;

      if (i == from || (IC_LINE (parse, i)->blank_before &&
                        g_regex_match (ends, IC_LINE (parse, i - 1)->text, 0, NULL)))
        n++;
      if (g_str_has_suffix (text, ":"))
        n = 0;
    }
  return n;
}

/* Items as plain paragraphs, one per paragraph; a lead-in sentence ending
 * with a colon is not an item. */
static void
collect_paragraphs (Collector *c,
                    guint      from,
                    guint      end)
{
  for (guint i = from; i < end; i++)
    {
      const IcLine *line = IC_LINE (c->parse, i);
      g_autofree char *timeframe = timeframe_of (line);

      if (timeframe != NULL)
        {
          flush (c);
          g_free (c->timeframe);
          c->timeframe = g_steal_pointer (&timeframe);
          continue;
        }
      if (line->blank_before && ends_sentence (c->item))
        flush (c);
      if (c->item->len == 0)
        c->page = line->page;
      append_wrapped (c->item, line->text);
      if (g_str_has_suffix (line->text, ":"))
        g_string_truncate (c->item, 0);
    }
  flush (c);
}

/* "In order to improve …, the local authority and its partners should
 * take the following action." (2009–13 frameworks): a numbered paragraph
 * that leads in to the whole list is not an item, and must not make the
 * list read as numbered. */
static gboolean
is_numbered_lead_in (IcParse *parse,
                     guint    i,
                     guint    end)
{
  static GRegex *re;
  g_autofree char *text = NULL;
  guint last = i;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^\\d+\\.\\s*in order to improve|following actions?\\s*[.:]?$",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  while (last + 1 < end && !IC_LINE (parse, last + 1)->blank_before &&
         !starts_item (IC_LINE (parse, last + 1)->text))
    last++;
  text = _ic_parser_join (parse, i, last + 1);
  return g_regex_match (re, text, 0, NULL);
}

/* Returns whether the section gave items, or said it had none. */
static gboolean
collect_section (IcParse     *parse,
                 HeadingKind  kind,
                 guint        from,
                 guint        end)
{
  Collector c = { parse, kind, IC_SCOPE_LOCAL_AUTHORITY, NULL, g_string_new (NULL), 0, 0, FALSE, FALSE };
  gboolean numbered, bulleted;
  guint bullets = 0, numbers = 0, run = 0;
  gboolean ended = FALSE;
  char opening = 0;

  c.scope = ic_inspection_type_default_scope (parse->type);
  if (c.scope == IC_SCOPE_LOCAL_AUTHORITY && (kind == HEADING_LSCB_ITEMS || from >= parse->lscb_from))
    c.scope = IC_SCOPE_LSCB;

  /* Numbered items may hold nested bullets; a numbered lead-in paragraph
   * may stand before bullets (CP 2012); a bullet may mark a topic
   * sub-heading above numbered items: the more frequent form wins. But
   * a list that opens with two or more items of one form before any of
   * the other is of that form: body text that the list's end did not stop
   * (numbered findings paragraphs after four bullets, the children's
   * summary in bullets after numbered recommendations) does not decide. */
  for (guint i = from; i < end; i++)
    {
      gboolean bullet = bullet_length (IC_LINE (parse, i)->text) > 0;
      gboolean number = !bullet && number_length (IC_LINE (parse, i)->text) > 0 &&
                        !is_numbered_lead_in (parse, i, end);

      if (bullet || number)
        {
          if (opening == 0)
            opening = bullet ? 'b' : 'n';
          if ((bullet ? 'b' : 'n') != opening)
            ended = TRUE;
          else if (!ended)
            run++;
        }
      bullets += bullet;
      numbers += number;
    }
  if (run >= 2)
    {
      numbered = opening == 'n';
      bulleted = opening == 'b';
    }
  else
    {
      numbered = numbers > 0 && numbers >= bullets;
      bulleted = !numbered && bullets > 0;
    }

  if (numbered)
    collect_numbered (&c, from, end);
  else if (bulleted)
    collect_bullets (&c, from, end);
  else
    {
      c.lone_paragraph = count_paragraphs (parse, from, end) == 1;
      collect_paragraphs (&c, from, end);
    }

  g_free (c.timeframe);
  g_string_free (c.item, TRUE);
  return c.taken > 0 || c.said_none;
}

static gboolean
starts_with_grade (const char *folded)
{
  IcGrade grade;
  gsize start = 1;

  if (g_str_has_prefix (folded, "is "))
    return TRUE;
  return _ic_parser_match_grade (folded, &grade, &start, NULL) && start == 0;
}

/* The PDF page that holds the table of contents, or 0. Its entries name
 * sections but do not start them, and its last page number may have been
 * taken away as page furniture. */
static guint
contents_page (IcParse *parse)
{
  for (guint i = 0; i < parse->lines->len && IC_LINE (parse, i)->page <= 4; i++)
    if (g_str_equal (IC_LINE (parse, i)->folded, "contents"))
      return IC_LINE (parse, i)->page;
  return 0;
}

/* Whether line @i names the board: its heading holds one of these
 * words, and a word never spans two lines joined by a space. */
static gboolean
names_board (IcParse *parse,
             guint    i)
{
  const char *folded;

  if (i >= parse->lines->len)
    return FALSE;
  folded = IC_LINE (parse, i)->folded;
  return strstr (folded, "safeguarding") != NULL || strstr (folded, "lscb") != NULL;
}

/* The LSCB part of a SIF report starts at its own section heading. */
static void
find_lscb_section (IcParse *parse)
{
  static GRegex *lscb_heading;
  GRegex *re = _ic_parser_regex (&lscb_heading,
                                 "^(?:section 2:? )?(?:the )?(?:(?:review|inspection) of )?(?:the )?"
                                 "(?:effectiveness (?:of )?(?:the )?)?local safeguarding children board"
                                 "(?: \\(lscb\\))?\\s*\\d{0,2}$|^the lscb$", 0);

  guint contents = contents_page (parse);

  for (guint i = parse->title_line + 12; i < parse->lines->len; i++)
    {
      g_autofree char *two = NULL;
      guint next;

      /* Most lines do not name the board: no need to join or match them. */
      if ((!names_board (parse, i) && !names_board (parse, i + 1)) ||
          is_contents_entry (parse, i) || is_contents_entry (parse, i + 1) ||
          (contents != 0 && IC_LINE (parse, i)->page == contents))
        continue;
      if (g_regex_match (re, IC_LINE (parse, i)->folded, 0, NULL))
        next = i + 1;
      else if (g_regex_match (re, two = _ic_parser_join (parse, i, i + 2), 0, NULL))
        next = i + 2;
      else
        continue;

      /* On the front page the board's name is followed by its grade
       * ("… (LSCB)" + "requires improvement."): a judgement, not the
       * section's heading. */
      if (next >= parse->lines->len || !starts_with_grade (IC_LINE (parse, next)->folded))
        {
          parse->lscb_from = i;
          return;
        }
    }
}

static gboolean starts_item (const char *text);

/* An area named without a grade just before an item is a topic
 * sub-heading of the list, not the next section of the report. */
static gboolean
is_topic_subheading (IcParse *parse,
                     guint    i)
{
  IcGrade grade;

  return i + 1 < parse->lines->len &&
         starts_item (IC_LINE (parse, i + 1)->text) &&
         !_ic_parser_match_grade (IC_LINE (parse, i)->folded, &grade, NULL, NULL);
}

/* A section heading wrapped over two lines ("Summary for children and
 * young" + "people"), the second short as the rest of a title is. */
static gboolean
is_wrapped_stop_heading (IcParse *parse,
                         guint    i)
{
  const IcLine *next;
  g_autofree char *two = NULL;

  if (i + 1 >= parse->lines->len || g_str_has_suffix (IC_LINE (parse, i)->text, ".") ||
      continues_sentence (parse, i))
    return FALSE;
  next = IC_LINE (parse, i + 1);
  if (next->blank_before || strlen (next->folded) > 30 || starts_item (next->text))
    return FALSE;
  two = _ic_parser_join (parse, i, i + 2);
  return g_regex_match (heading_regex (HEADING_STOP), two, 0, NULL);
}

static guint
section_end (IcParse *parse,
             guint    from)
{
  guint i;

  for (i = from; i < parse->lines->len; i++)
    {
      HeadingKind kind = heading_kind (parse, i);

      if (kind == HEADING_AREA && is_topic_subheading (parse, i))
        continue;
      if (kind != HEADING_NONE || is_wrapped_stop_heading (parse, i))
        break;
    }
  return i;
}

/* A heading with text under it but no item read from that text: the
 * list has a shape the parser does not know. */
static void
warn_unread (IcParse *parse,
             guint    heading)
{
  g_autofree char *warning = g_strdup_printf (_("No items could be read under the heading “%s”."),
                                              IC_LINE (parse, heading)->text);

  _ic_report_add_warning (parse->report, warning);
}

/* The rest of a wrapped title is short; after a very short first line
 * ("What needs to"), most of the title may follow. */
static gboolean
is_heading_rest (const IcLine *first,
                 const IcLine *rest)
{
  return strlen (rest->folded) <= 30 || (strlen (first->folded) <= 25 && strlen (rest->folded) <= 60);
}

/* A list heading wrapped over two lines ("What needs to improve in this
 * area of social work" + "practice?"): its kind, and the number of lines it
 * takes in @span. Only list headings are joined; the second line must be
 * short, as the rest of a title is. */
static HeadingKind
list_heading (IcParse *parse,
              guint    i,
              guint   *span)
{
  HeadingKind kind = heading_kind (parse, i);
  g_autofree char *two = NULL;

  *span = 1;
  if (kind != HEADING_NONE || i + 1 >= parse->lines->len || is_contents_entry (parse, i) ||
      g_ascii_isdigit (*IC_LINE (parse, i + 1)->folded) ||
      !is_heading_rest (IC_LINE (parse, i), IC_LINE (parse, i + 1)) || IC_LINE (parse, i + 1)->blank_before ||
      starts_item (IC_LINE (parse, i + 1)->text) || continues_sentence (parse, i) ||
      is_contents_entry (parse, i + 1))
    return kind;

  two = _ic_parser_join (parse, i, i + 2);
  for (HeadingKind k = HEADING_ITEMS; k <= HEADING_STRENGTHS; k++)
    if (g_regex_match (heading_regex (k), two, 0, NULL))
      {
        *span = 2;
        return k;
      }
  return kind;
}

/* "Areas for improvement" under a letter's "Findings" or "Main findings"
 * is a sub-heading of the findings, not its list: the letter's list
 * stands under "What needs to improve …". */
static gboolean
is_findings_subheading (IcParse *parse,
                        guint    i,
                        gboolean in_findings)
{
  static GRegex *subheading;

  return in_findings && ic_inspection_type_is_letter (parse->type) &&
         g_regex_match (_ic_parser_regex (&subheading, "^areas? for (?:improvement|development)\\b", 0),
                        IC_LINE (parse, i)->folded, 0, NULL);
}

static gboolean
starts_findings (IcParse *parse,
                 guint    i)
{
  static GRegex *findings;

  return g_regex_match (_ic_parser_regex (&findings, "^(?:main )?findings\\s*:?$", 0),
                        IC_LINE (parse, i)->folded, 0, NULL);
}

/* A letter with no list heading may still list what needs to improve as
 * bullets of one line each ending "… needs to improve.". */
static gboolean
collect_needs_to_improve (IcParse *parse)
{
  static GRegex *needs_to_improve;
  Collector c = { parse, HEADING_ITEMS, ic_inspection_type_default_scope (parse->type), NULL,
                  g_string_new (NULL), 0, 0, FALSE };

  for (guint i = parse->title_line; i < parse->lines->len; i++)
    {
      const IcLine *line = IC_LINE (parse, i);
      gsize b = bullet_length (line->text);
      gboolean one_line = i + 1 >= parse->lines->len || IC_LINE (parse, i + 1)->blank_before ||
                          bullet_length (IC_LINE (parse, i + 1)->text) > 0;

      if (b > 0 && one_line &&
          g_regex_match (_ic_parser_regex (&needs_to_improve, "\\bneeds? to (?:be )?improved?\\.$", 0),
                         line->folded, 0, NULL))
        {
          start_item (&c, line, line->text + b);
          flush (&c);
        }
    }
  g_string_free (c.item, TRUE);
  return c.taken > 0;
}

void
_ic_parser_read_items (IcParse *parse)
{
  gboolean found = FALSE, in_findings = FALSE;
  guint contents = contents_page (parse);

  if (parse->type == IC_INSPECTION_TYPE_SIF || parse->type == IC_INSPECTION_TYPE_LSCB_REVIEW)
    find_lscb_section (parse);

  for (guint i = parse->title_line; i < parse->lines->len; i++)
    {
      guint span, end;
      HeadingKind kind;

      /* The contents page names sections; it does not start them. */
      if (contents != 0 && IC_LINE (parse, i)->page == contents)
        continue;
      kind = list_heading (parse, i, &span);

      if (kind == HEADING_STOP)
        in_findings = starts_findings (parse, i);
      if (kind == HEADING_NONE || kind == HEADING_STOP || kind == HEADING_AREA ||
          is_findings_subheading (parse, i, in_findings))
        continue;
      in_findings = FALSE;
      /* "What does the LSCB need to improve?" starts the board's part even
       * where its section heading was not recognised. */
      if (kind == HEADING_LSCB_ITEMS)
        parse->lscb_from = MIN (parse->lscb_from, i);

      end = section_end (parse, i + span);
      if (!collect_section (parse, kind, i + span, end) && end > i + span)
        warn_unread (parse, i);
      found |= kind != HEADING_STRENGTHS;
      i = end - 1;
    }

  if (!found && ic_inspection_type_is_letter (parse->type))
    found = collect_needs_to_improve (parse);

  if (!found && parse->type != IC_INSPECTION_TYPE_OTHER)
    _ic_report_add_warning (parse->report,
                            _("No list of improvements was found (such as “What needs to improve”, "
                              "“Areas for improvement” or “Recommendations”)."));
}
