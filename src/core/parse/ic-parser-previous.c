/* ic-parser-previous.c: when the report says its authority was last
 * inspected
 *
 * Reports place themselves after an earlier inspection in a few set
 * phrases: "since the last inspection in 2023", "at the previous
 * inspection in May 2019", "the previous inspection of the local
 * authority's services for children looked after was in March 2012",
 * "was last inspected by Ofsted in 2017". What changed since the
 * previous report open is only what changed since the last inspection
 * when that inspection is open too; the date read here lets the
 * analysis tell the user when it is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-parser-private.h"

#define MONTHS "january|february|march|april|may|june|july|august|september|october|november|december"

/* On folded text. "Published in" dates a report, not a visit, and a
 * plural ("previous inspections in 2012 and 2015") names no one date:
 * neither is matched. The "of … was" clause stops at a full stop, so it
 * never reaches into the next sentence. */
#define PREVIOUS_PATTERN                                                        \
  "\\b(?:(?:last|previous|most recent)\\s+"                                     \
  "(?:(?:ilacs|sif|standard|full|short|single|graded)\\s+)?inspection"          \
  "(?:\\s+of\\s+[^.]{1,90}?\\s+was(?:\\s+also)?)?,?\\s+(?:was\\s+)?"            \
  "|last\\s+inspected(?:\\s+by\\s+ofsted)?\\s+)"                                \
  "in\\s+(?:(" MONTHS ")\\s+)?((?:19|20)\\d\\d)\\b"

static guint
month_number (const char *name)
{
  static const char *const months[] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_strcmp0 (name, months[i]) == 0)
      return i + 1;
  return 0;
}

/* Whether (@year, @month) comes before the report's own visit: a date
 * the report's own visit or a later one is not its last inspection. */
static gboolean
before_report (IcReport *report,
               guint     year,
               guint     month)
{
  const GDate *start = ic_report_get_start_date (report);

  if (start == NULL)
    start = ic_report_get_end_date (report);
  if (start == NULL)
    return TRUE;
  if (year != g_date_get_year (start))
    return year < g_date_get_year (start);
  return month == 0 || month < (guint) g_date_get_month (start);
}

/* Reads the latest of the report's statements of when its authority
 * was last inspected: a report that names several (a single inspection
 * names the last of each service it replaces) was last inspected at
 * the latest of them. */
void
_ic_parser_read_stated_previous (IcParse *parse)
{
  static GRegex *previous;
  GRegex *regex = _ic_parser_regex (&previous, PREVIOUS_PATTERN, G_REGEX_OPTIMIZE);
  g_autofree char *text = _ic_parser_join (parse, 0, parse->lines->len);
  g_autoptr(GMatchInfo) match = NULL;
  guint best_year = 0, best_month = 0;

  g_regex_match (regex, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *month_name = g_match_info_fetch (match, 1);
      g_autofree char *year_text = g_match_info_fetch (match, 2);
      guint year = (guint) g_ascii_strtoull (year_text, NULL, 10);
      guint month = month_number (month_name);

      if (!before_report (parse->report, year, month))
        continue;
      if (year > best_year || (year == best_year && month > best_month))
        {
          best_year = year;
          best_month = month;
        }
    }
  _ic_report_set_stated_previous (parse->report, best_year, best_month);
}
