/* ic-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports print fieldwork dates in many shapes: "31 January to 4 February
 * 2022", "8 – 12 July 2013", "9 December 2019 to 13 December 2019", "on 19
 * and 20 March 2019", "20 June 2017 ─ 13 July 2017", often broken over a
 * line.  The text is cut into tokens (numbers, month names, connectors) and
 * a small grammar reads a run of partial dates ("31 January", "4 February
 * 2022") joined by connectors; missing months and years are taken from the
 * last date of the run.
 */
#define G_LOG_DOMAIN "ic-dates"

#include "config.h"

#include <string.h>

#include "ic-dates.h"

typedef enum
{
  T_OTHER,
  T_NUMBER,
  T_MONTH,
  T_DASH,
  T_TO,
  T_AND,
  T_COMMA,
  T_OF,
  T_WEEKDAY,
  T_ORDINAL,
  T_DOT,
  T_SLASH,
} TokenType;

typedef struct
{
  TokenType type;
  guint     value;
  guint     digits;
  gsize     start;
  gsize     end;
} Token;

/* A date as printed, perhaps without its month or year. */
typedef struct
{
  guint day;
  guint month;
  guint year;
} Partial;

typedef struct
{
  const char *word;
  TokenType   type;
  guint       value;
} Word;

static const Word words[] = {
  { "january", T_MONTH, 1 }, { "jan", T_MONTH, 1 },
  { "february", T_MONTH, 2 }, { "feb", T_MONTH, 2 },
  { "march", T_MONTH, 3 }, { "mar", T_MONTH, 3 },
  { "april", T_MONTH, 4 }, { "apr", T_MONTH, 4 },
  { "may", T_MONTH, 5 },
  { "june", T_MONTH, 6 }, { "jun", T_MONTH, 6 },
  { "july", T_MONTH, 7 }, { "jul", T_MONTH, 7 },
  { "august", T_MONTH, 8 }, { "aug", T_MONTH, 8 },
  { "september", T_MONTH, 9 }, { "sept", T_MONTH, 9 }, { "sep", T_MONTH, 9 },
  { "october", T_MONTH, 10 }, { "oct", T_MONTH, 10 },
  { "november", T_MONTH, 11 }, { "nov", T_MONTH, 11 },
  { "december", T_MONTH, 12 }, { "dec", T_MONTH, 12 },
  { "to", T_TO, 0 }, { "until", T_TO, 0 }, { "till", T_TO, 0 }, { "through", T_TO, 0 },
  { "and", T_AND, 0 }, { "of", T_OF, 0 },
  { "st", T_ORDINAL, 0 }, { "nd", T_ORDINAL, 0 }, { "rd", T_ORDINAL, 0 },
  { "th", T_ORDINAL, 0 },
  { "monday", T_WEEKDAY, 0 }, { "tuesday", T_WEEKDAY, 0 },
  { "wednesday", T_WEEKDAY, 0 }, { "thursday", T_WEEKDAY, 0 },
  { "friday", T_WEEKDAY, 0 }, { "saturday", T_WEEKDAY, 0 }, { "sunday", T_WEEKDAY, 0 },
};

/* Tokens */

static gboolean
is_dash (gunichar c)
{
  /* Hyphens, en and em dashes, minus, and the box-drawing line some
   * reports print between dates (U+2500). */
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
         c == 0x2500 || c == 0x2501 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

static void
classify_word (Token      *token,
               const char *text)
{
  gsize len = token->end - token->start;

  token->type = T_OTHER;
  if (len < 2 || len > 9)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i].word) == len &&
        g_ascii_strncasecmp (text + token->start, words[i].word, len) == 0)
      {
        token->type = words[i].type;
        token->value = words[i].value;
        return;
      }
}

/* Reads digits at @p, and an ordinal suffix glued to them ("1st"). */
static const char *
read_number (Token      *token,
             const char *text,
             const char *p)
{
  const char *q = p;
  guint value = 0;

  while (g_ascii_isdigit (*q) && q - p < 6)
    value = value * 10 + (guint) (*q++ - '0');

  token->type = g_ascii_isdigit (*q) ? T_OTHER : T_NUMBER;
  token->value = value;
  token->digits = q - p;
  while (g_ascii_isdigit (*q))
    q++;

  if (g_ascii_isalpha (q[0]) && g_ascii_isalpha (q[1]) && !g_ascii_isalpha (q[2]))
    {
      Token suffix = { .start = q - text, .end = q + 2 - text };

      classify_word (&suffix, text);
      if (suffix.type == T_ORDINAL)
        q += 2;
    }
  if (g_ascii_isalpha (*q))
    token->type = T_OTHER;

  return q;
}

static const char *
read_token (Token      *token,
            const char *text,
            const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);
  const char *q;

  token->start = p - text;
  token->type = T_OTHER;

  if (c >= 0x110000)
    q = p + 1;
  else if (g_ascii_isdigit (*p))
    q = read_number (token, text, p);
  else if (g_unichar_isalpha (c))
    {
      for (q = p; *q != '\0'; q = g_utf8_next_char (q))
        {
          gunichar d = g_utf8_get_char_validated (q, -1);

          if (d >= 0x110000 || !g_unichar_isalpha (d))
            break;
        }
      token->end = q - text;
      classify_word (token, text);
    }
  else
    {
      q = g_utf8_next_char (p);
      token->type = is_dash (c) ? T_DASH : c == '&' ? T_AND : c == ',' ? T_COMMA :
                    c == '.' ? T_DOT : c == '/' ? T_SLASH : T_OTHER;
    }

  token->end = q - text;
  return q;
}

/* Tokens are read into a window that slides over the text, so that a
 * search stops at the first date of a long text without splitting all of
 * it.  A date, however long its printed form, fits in the window. */
#define WINDOW_SIZE 32

typedef struct
{
  const char *text;
  const char *p;
  GArray     *tokens;
} Window;

static void
window_init (Window     *self,
             const char *text)
{
  self->text = text;
  self->p = text;
  self->tokens = g_array_sized_new (FALSE, TRUE, sizeof (Token), WINDOW_SIZE);
}

static void
window_clear (Window *self)
{
  g_array_unref (self->tokens);
}

/* Returns FALSE when the window is empty: the text is used up. */
static gboolean
window_fill (Window *self)
{
  while (*self->p != '\0' && self->tokens->len < WINDOW_SIZE)
    {
      gunichar c = g_utf8_get_char_validated (self->p, -1);
      Token token = { 0, };

      /* Spaces of every kind, including no-break ones and line breaks. */
      if (c < 0x110000 && (g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B))
        {
          self->p = g_utf8_next_char (self->p);
          continue;
        }
      self->p = read_token (&token, self->text, self->p);
      g_array_append_val (self->tokens, token);
    }

  return self->tokens->len > 0;
}

static void
window_drop (Window *self,
             guint   n)
{
  g_array_remove_range (self->tokens, 0, MIN (MAX (n, 1), self->tokens->len));
}

/* Grammar */

static const Token *
token_at (GArray *tokens,
          guint   i)
{
  static const Token end = { T_OTHER, 0, 0, 0, 0 };

  return i < tokens->len ? &g_array_index (tokens, Token, i) : &end;
}

static gboolean
is_type (GArray    *tokens,
         guint      i,
         TokenType  type)
{
  return token_at (tokens, i)->type == type;
}

/* The rest of a numeric date after its day: "/06/2015" in "1/06/2015". */
static gboolean
read_numeric (GArray  *tokens,
              guint   *i,
              Partial *partial)
{
  guint at = *i;
  const Token *month = token_at (tokens, at + 1);
  const Token *year = token_at (tokens, at + 3);

  if (!is_type (tokens, at, T_SLASH) || month->type != T_NUMBER || month->digits > 2 ||
      month->value < 1 || month->value > 12 || !is_type (tokens, at + 2, T_SLASH) ||
      year->type != T_NUMBER || year->digits != 4 || year->value < 1900 || year->value >= 2200)
    return FALSE;
  partial->month = month->value;
  partial->year = year->value;
  *i = at + 4;
  return TRUE;
}

/* Reads "[Weekday[,]] D[st] [of] [Month[.] [,] [YYYY]]" from token *@i,
 * or "D/MM/YYYY" when @numeric. */
static gboolean
read_partial (GArray   *tokens,
              guint    *i,
              gboolean  numeric,
              Partial  *partial)
{
  guint at = *i;

  memset (partial, 0, sizeof *partial);
  if (is_type (tokens, at, T_WEEKDAY))
    at += is_type (tokens, at + 1, T_COMMA) ? 2 : 1;
  if (!is_type (tokens, at, T_NUMBER) || token_at (tokens, at)->digits > 2 ||
      token_at (tokens, at)->value < 1 || token_at (tokens, at)->value > 31)
    return FALSE;
  partial->day = token_at (tokens, at++)->value;
  if (numeric && read_numeric (tokens, &at, partial))
    {
      *i = at;
      return TRUE;
    }
  at += is_type (tokens, at, T_ORDINAL);
  at += is_type (tokens, at, T_OF) && is_type (tokens, at + 1, T_MONTH);

  if (is_type (tokens, at, T_MONTH))
    {
      partial->month = token_at (tokens, at++)->value;
      at += is_type (tokens, at, T_DOT);
      if (is_type (tokens, at, T_COMMA) && is_type (tokens, at + 1, T_NUMBER))
        at++;
      if (is_type (tokens, at, T_NUMBER) && token_at (tokens, at)->digits == 4 &&
          token_at (tokens, at)->value >= 1900 && token_at (tokens, at)->value < 2200)
        partial->year = token_at (tokens, at++)->value;
    }

  *i = at;
  return TRUE;
}

static gboolean
is_connector (GArray *tokens,
              guint   i)
{
  TokenType type = token_at (tokens, i)->type;

  return type == T_DASH || type == T_TO || type == T_AND || type == T_COMMA;
}

/* Fills the month and year the first date of a range leaves out from the
 * last one: "30 December to 3 January 2020" starts in 2019. */
static gboolean
resolve (const Partial *first,
         const Partial *fill,
         const Partial *last,
         GDate         *start,
         GDate         *end)
{
  guint month = first->month ? first->month : fill->month;
  guint year = first->year ? first->year : fill->year;

  if (year == 0)
    year = last->year - (month > last->month ? 1 : 0);
  if (!g_date_valid_dmy (first->day, month, year) ||
      !g_date_valid_dmy (last->day, last->month, last->year))
    return FALSE;

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_set_dmy (start, first->day, month, year);
  g_date_set_dmy (end, last->day, last->month, last->year);

  return g_date_compare (start, end) <= 0;
}

typedef enum
{
  RANGE_NONE,
  RANGE_IMPOSSIBLE,
  RANGE_FOUND,
} RangeResult;

/* Reads a date or a range from token @at; *@next is set past it, also
 * past an impossible one ("31 February 2022", "20 to 13 July 2017") so
 * that a part of it is not taken for a date. A range without a year takes
 * @default_year (0: it is not a date). */
static RangeResult
read_range (GArray   *tokens,
            guint     at,
            guint     default_year,
            gboolean  numeric,
            gboolean  second_block,
            GDate    *start,
            GDate    *end,
            guint    *next)
{
  Partial first;
  Partial fill = { 0 };
  Partial last;
  guint i = at;
  GDate more_start, more_end;
  guint more_next = 0;
  RangeResult result;

  if (!read_partial (tokens, &i, numeric, &first))
    return RANGE_NONE;
  last = first;

  /* "19 and 20 March", "8 – 12 July", "31 January to 4 February 2022",
   * "1, 2 and 3 May", "29 and 30 September, and 1 October 2020": partial
   * dates joined until one has its year. The first date takes its month
   * from the first one that names a month. */
  while (last.year == 0 && is_connector (tokens, i))
    {
      guint j = i + 1;
      Partial p;

      j += is_type (tokens, i, T_COMMA) && is_type (tokens, j, T_AND);
      if (!read_partial (tokens, &j, numeric, &p) || (p.month == 0 && last.month != 0))
        break;
      if (fill.month == 0 && first.month == 0 && p.month != 0)
        fill = p;
      last = p;
      i = j;
    }

  /* "9 December 2019 to 13 December 2019": a second full date. */
  if (first.year != 0 && is_connector (tokens, i) && !is_type (tokens, i, T_COMMA))
    {
      guint j = i + 1;
      Partial p;

      if (read_partial (tokens, &j, numeric, &p) && p.year != 0)
        {
          last = p;
          i = j;
        }
    }

  if (last.month != 0 && last.year == 0 && default_year != 0)
    {
      last.year = default_year;
      if (fill.month != 0 && fill.year == 0)
        fill.year = fill.month > last.month ? default_year - 1 : default_year;
    }
  if (last.month == 0 || last.year == 0)
    return RANGE_NONE;

  *next = i;
  result = resolve (&first, &fill, &last, start, end) ? RANGE_FOUND : RANGE_IMPOSSIBLE;

  /* Fieldwork in two blocks, "8 to 12 July 2019 and 7 to 8 August 2019",
   * ends with the second. */
  if (result == RANGE_FOUND && !second_block && is_type (tokens, i, T_AND) &&
      read_range (tokens, i + 1, 0, numeric, TRUE, &more_start, &more_end, &more_next) == RANGE_FOUND &&
      g_date_compare (&more_start, end) > 0)
    {
      *end = more_end;
      *next = more_next;
    }
  return result;
}

/**
 * ic_dates_find_range_span:
 * @text: any text
 * @start: (out caller-allocates): the first day
 * @end: (out caller-allocates): the last day (the same as @start for one day)
 * @match_start: (out) (optional): byte offset of the dates in @text
 * @match_len: (out) (optional): their byte length
 *
 * Finds the first date or range of dates in @text with a day, a month and
 * a year.  Impossible dates ("31 February") and backwards ranges are not
 * dates.  @start and @end are left alone when none is found.
 *
 * Returns: %TRUE when a date was found
 */
static gboolean
find_range (const char *text,
            guint       default_year,
            gboolean    numeric,
            GDate      *start,
            GDate      *end,
            gsize      *match_start,
            gsize      *match_len)
{
  Window window;
  gboolean found = FALSE;

  g_assert (start != NULL);
  g_assert (end != NULL);

  if (text == NULL)
    return FALSE;

  window_init (&window, text);
  while (!found && window_fill (&window))
    {
      GArray *tokens = window.tokens;
      GDate s;
      GDate e;
      guint next = 0;

      switch (read_range (tokens, 0, default_year, numeric, FALSE, &s, &e, &next))
        {
        case RANGE_NONE:
          next = 1;
          break;
        case RANGE_IMPOSSIBLE:
          break;
        case RANGE_FOUND:
        default:
          *start = s;
          *end = e;
          if (match_start != NULL)
            *match_start = token_at (tokens, 0)->start;
          if (match_len != NULL)
            *match_len = token_at (tokens, next - 1)->end - token_at (tokens, 0)->start;
          found = TRUE;
          break;
        }
      window_drop (&window, next);
    }
  window_clear (&window);

  return found;
}

gboolean
ic_dates_find_range_span (const char *text,
                          GDate      *start,
                          GDate      *end,
                          gsize      *match_start,
                          gsize      *match_len)
{
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  return find_range (text, 0, FALSE, start, end, match_start, match_len);
}

/**
 * ic_dates_find_range_in_year:
 * @year: the year of a range printed without one
 *
 * As ic_dates_find_range(), for text that may print its dates without a
 * year ("on 4 and 5 March"), as some letters do: @year is the letter's.
 */
gboolean
ic_dates_find_range_in_year (const char *text,
                             guint       year,
                             GDate      *start,
                             GDate      *end)
{
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  return text != NULL && find_range (text, year, FALSE, start, end, NULL, NULL);
}

/**
 * ic_dates_find_labelled_range:
 *
 * As ic_dates_find_range(), for the text after a label such as
 * "Inspection dates:" or "Published:", where dates may also be printed in
 * figures ("1/06/2015 – 25/06/2015"). Elsewhere figures with slashes are
 * too often something else to be read as dates.
 */
gboolean
ic_dates_find_labelled_range (const char *text,
                              GDate      *start,
                              GDate      *end)
{
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  return text != NULL && find_range (text, 0, TRUE, start, end, NULL, NULL);
}

gboolean
ic_dates_find_range (const char *text,
                     GDate      *start,
                     GDate      *end)
{
  return ic_dates_find_range_span (text, start, end, NULL, NULL);
}

/**
 * ic_dates_parse_day:
 * @text: any text
 * @date: (out caller-allocates): the date found
 *
 * Finds the first complete date ("6 September 2024", "Monday 1st Sept
 * 2020") in @text; a day without its own month and year, such as the
 * first day of "31 January to 4 February 2022", is skipped.
 *
 * Returns: %TRUE when a date was found
 */
gboolean
ic_dates_parse_day (const char *text,
                    GDate      *date)
{
  Window window;
  gboolean found = FALSE;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  window_init (&window, text);
  while (!found && window_fill (&window))
    {
      Partial p;
      guint i = 0;

      if (read_partial (window.tokens, &i, FALSE, &p) && p.year != 0 &&
          g_date_valid_dmy (p.day, p.month, p.year))
        {
          g_date_clear (date, 1);
          g_date_set_dmy (date, p.day, p.month, p.year);
          found = TRUE;
        }
      window_drop (&window, 1);
    }
  window_clear (&window);

  return found;
}
