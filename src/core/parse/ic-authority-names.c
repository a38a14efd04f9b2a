/* ic-authority-names.c: authority names, printed or in text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports print an authority's name in many ways ("London Borough of
 * Richmond upon Thames", "Kingston-upon-Thames", "Bradford Children and
 * Families Trust", "Bournemouth,\nChristchurch and Poole").  Every name is
 * reduced to a key of folded words (lower case, no punctuation or accents,
 * "and" dropped, "saint" as "st"), so that one hash lookup matches them all;
 * council prefixes and suffixes are peeled off one at a time until a key
 * matches.
 */
#define G_LOG_DOMAIN "ic-authorities"

#include "config.h"

#include <string.h>

#include "ic-authorities-private.h"

typedef struct
{
  gsize  start;
  gsize  end;
  char  *word;
} Token;

/* Peeled off printed names, longest first so that "Borough Council" goes
 * before "Council".  Written as keys (see _ic_authorities_fold). */
static const char * const prefixes[] = {
  "london borough of", "royal borough of", "metropolitan borough of",
  "council of the", "corporation of", "borough of", "county of", "city of",
  "the",
};

static const char * const council_suffixes[] = {
  "metropolitan district council", "metropolitan borough council",
  "childrens services trust", "children families trust",
  "borough council", "county council", "district council", "city council",
  "childrens trust", "council",
  /* Title lines also print "Derby City", "Rutland County", "Reading Borough". */
  "city", "county", "borough",
};

static const char * const service_suffixes[] = {
  "local authority childrens services", "local authority childrens social care",
  "local safeguarding children board", "local safeguarding children partnership",
  "safeguarding children partnership", "safeguarding children board",
  "local safeguarding partnership", "safeguarding partnership",
  "childrens social care services", "childrens social care",
  "childrens services", "local authority", "unitary authority", "lscb",
};

void
_ic_authorities_add_prefix_words (GHashTable *words)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    g_hash_table_add (words, g_strndup (prefixes[i], strcspn (prefixes[i], " ")));
}

/* Folding words */

static void
clear_token (gpointer data)
{
  Token *token = data;

  g_free (token->word);
}

static gboolean
is_joiner (gunichar c)
{
  /* Apostrophes, soft hyphens and combining marks keep a word together:
   * "Children's" is one word, "childrens". */
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0xAD ||
         g_unichar_ismark (c);
}

static void
append_folded (GString  *word,
               gunichar  c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  /* Compatibility decomposition splits PDF ligatures ("ﬀ" in Sheffield)
   * and drops accents. */
  n = g_unichar_fully_decompose (c, TRUE, parts, G_N_ELEMENTS (parts));
  for (gsize i = 0; i < n; i++)
    if (g_unichar_isalnum (parts[i]))
      g_string_append_unichar (word, g_unichar_tolower (parts[i]));
}

/* Reads words one at a time, so that a search can stop at the first name
 * in a long text without splitting all of it. */
typedef struct
{
  const char *text;
  const char *p;
  GString    *word;
} Tokeniser;

static void
tokeniser_init (Tokeniser  *self,
                const char *text)
{
  self->text = text;
  self->p = text;
  self->word = g_string_new (NULL);
}

static void
tokeniser_clear (Tokeniser *self)
{
  g_string_free (self->word, TRUE);
}

/* Hands the word read so far over to @token, unless it is "and": "and"
 * and "&" vary freely ("Brighton & Hove", "windsor_maidenhead"). */
static gboolean
take_word (Tokeniser *self,
           Token     *token,
           gsize      start,
           gsize      end)
{
  gboolean keep = strcmp (self->word->str, "and") != 0;

  if (keep)
    {
      token->start = start;
      token->end = end;
      token->word = g_strdup (strcmp (self->word->str, "saint") == 0 ? "st" : self->word->str);
    }
  g_string_truncate (self->word, 0);

  return keep;
}

/* Bytes that are not UTF-8 separate words, so any input is safe. */
static gboolean
next_token (Tokeniser *self,
            Token     *token)
{
  gsize start = 0;
  gsize end = 0;

  while (*self->p != '\0')
    {
      const char *p = self->p;
      gunichar c = (guchar) *p;
      gsize step = 1;

      if (c >= 0x80)
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c < 0x110000)
            step = g_utf8_next_char (p) - p;
          else
            c = ' ';
        }
      self->p += step;

      if (g_unichar_isalnum (c))
        {
          if (self->word->len == 0)
            start = p - self->text;
          if (c < 0x80)
            g_string_append_c (self->word, g_ascii_tolower (c));
          else
            append_folded (self->word, c);
          end = p - self->text + step;
        }
      else if (self->word->len > 0 && !is_joiner (c) && take_word (self, token, start, end))
        return TRUE;
    }

  return self->word->len > 0 && take_word (self, token, start, end);
}

static GArray *
tokenise (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Tokeniser tokeniser;
  Token token;

  g_array_set_clear_func (tokens, clear_token);
  tokeniser_init (&tokeniser, text);
  while (next_token (&tokeniser, &token))
    g_array_append_val (tokens, token);
  tokeniser_clear (&tokeniser);

  return tokens;
}

static char *
join_words (GArray *tokens,
            guint   from,
            guint   to)
{
  GString *key = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (i > from)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (tokens, Token, i).word);
    }

  return g_string_free (key, FALSE);
}

char *
_ic_authorities_fold (const char *text)
{
  g_autoptr(GArray) tokens = tokenise (text);

  return join_words (tokens, 0, tokens->len);
}

/* How many tokens from @at spell @phrase (a key), or 0. */
static guint
match_phrase (GArray     *tokens,
              guint       at,
              const char *phrase)
{
  guint i = at;

  for (const char *p = phrase; *p != '\0'; i++)
    {
      const char *space = strchr (p, ' ');
      gsize len = space ? (gsize) (space - p) : strlen (p);
      const char *word;

      if (i >= tokens->len)
        return 0;
      word = g_array_index (tokens, Token, i).word;
      if (strlen (word) != len || strncmp (word, p, len) != 0)
        return 0;
      p += len + (space ? 1 : 0);
    }

  return i - at;
}

/* Lookup */

static guint
phrase_words (const char *phrase)
{
  guint words = 1;

  for (const char *p = phrase; *p != '\0'; p++)
    words += *p == ' ';

  return words;
}

/* Removes one phrase of @list from the start or the end of the words
 * @from..@to, leaving at least one word. */
static gboolean
strip_one (GArray             *tokens,
           guint              *from,
           guint              *to,
           const char * const *list,
           gsize               n,
           gboolean            at_start)
{
  for (gsize i = 0; i < n; i++)
    {
      guint words = phrase_words (list[i]);
      guint at;

      if (*to - *from <= words)
        continue;
      at = at_start ? *from : *to - words;
      if (match_phrase (tokens, at, list[i]) != words)
        continue;
      if (at_start)
        *from += words;
      else
        *to -= words;
      return TRUE;
    }

  return FALSE;
}

static gboolean
strip_affix (GArray *tokens,
             guint  *from,
             guint  *to)
{
  return strip_one (tokens, from, to, prefixes, G_N_ELEMENTS (prefixes), TRUE) ||
         strip_one (tokens, from, to, council_suffixes, G_N_ELEMENTS (council_suffixes), FALSE) ||
         strip_one (tokens, from, to, service_suffixes, G_N_ELEMENTS (service_suffixes), FALSE);
}

char *
_ic_authorities_base_name (const char *name)
{
  g_autoptr(GArray) tokens = tokenise (name);
  guint from = 0;
  guint to = tokens->len;

  while (strip_affix (tokens, &from, &to))
    ;

  return join_words (tokens, from, to);
}

typedef struct
{
  const char * const *phrases;
  gsize               n;
  gboolean            at_start;
} Affixes;

static const Affixes affixes[] = {
  { prefixes, G_N_ELEMENTS (prefixes), TRUE },
  { council_suffixes, G_N_ELEMENTS (council_suffixes), FALSE },
  { service_suffixes, G_N_ELEMENTS (service_suffixes), FALSE },
};

/* Tries the words @from..@to, then every way of peeling up to @depth
 * prefixes and suffixes off them: "City of London Borough" is "City of
 * London" without "Borough", not "London Borough" without "City of". */
static IcAuthority *
lookup_words (IcAuthorityTable *table,
              GArray           *tokens,
              guint             from,
              guint             to,
              guint             depth)
{
  g_autofree char *key = join_words (tokens, from, to);
  IcAuthority *found = g_hash_table_lookup (table->by_key, key);

  for (gsize a = 0; a < G_N_ELEMENTS (affixes) && found == NULL && depth > 0; a++)
    for (gsize i = 0; i < affixes[a].n && found == NULL; i++)
      {
        const char *phrase = affixes[a].phrases[i];
        guint n = phrase_words (phrase);

        if (to - from <= n ||
            match_phrase (tokens, affixes[a].at_start ? from : to - n, phrase) != n)
          continue;
        if (affixes[a].at_start)
          found = lookup_words (table, tokens, from + n, to, depth - 1);
        else
          found = lookup_words (table, tokens, from, to - n, depth - 1);
      }

  return found;
}

/**
 * ic_authorities_lookup:
 * @printed: a name as a report or a file name prints it
 *
 * Returns: (transfer none) (nullable): the authority @printed names, or
 *   %NULL when it names none
 */
const IcAuthority *
ic_authorities_lookup (const char *printed)
{
  g_autoptr(GArray) tokens = NULL;

  if (printed == NULL)
    return NULL;

  tokens = tokenise (printed);
  if (tokens->len == 0)
    return NULL;

  /* Real names carry at most two prefixes ("the London Borough of") and
   * two suffixes ("Council", "children's services"). */
  return lookup_words (_ic_authorities_get_table (), tokens, 0, tokens->len, 6);
}

/* Finding a name in a line of text */

static gboolean
starts_upper (const char  *text,
              const Token *token)
{
  gunichar c = g_utf8_get_char_validated (text + token->start, -1);

  /* Names are proper nouns: "reading the records" names no authority. */
  return c < 0x110000 && !g_unichar_islower (c);
}

/* The longest key starting at token @at; *@end is set past its last token. */
static IcAuthority *
longest_key_at (IcAuthorityTable *table,
                const char       *text,
                GArray           *tokens,
                guint             at,
                guint            *end)
{
  g_autoptr(GString) key = NULL;
  IcAuthority *best = NULL;
  const Token *first;

  /* A council prefix can end the text ("London Borough of"). */
  if (at >= tokens->len)
    return NULL;

  first = &g_array_index (tokens, Token, at);
  if (!g_hash_table_contains (table->first_words, first->word) || !starts_upper (text, first))
    return NULL;

  key = g_string_new (NULL);
  for (guint i = at; i < tokens->len && i - at < table->max_words; i++)
    {
      IcAuthority *found;

      if (i > at)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (tokens, Token, i).word);
      found = g_hash_table_lookup (table->by_key, key->str);
      if (found != NULL)
        {
          best = found;
          *end = i + 1;
        }
    }

  return best;
}

static guint
council_suffix_at (GArray *tokens,
                   guint   at)
{
  for (gsize i = 0; i < G_N_ELEMENTS (council_suffixes); i++)
    {
      guint n = match_phrase (tokens, at, council_suffixes[i]);

      if (n > 0)
        return n;
    }

  return 0;
}

/* The authority named from token @at, with or without a council prefix
 * ("London Borough of") and suffix ("Metropolitan District Council"),
 * which belong to the name as printed; the longest name wins, so that
 * "North Northamptonshire" is not read as "Northamptonshire". */
static IcAuthority *
match_at (IcAuthorityTable *table,
          const char       *text,
          GArray           *tokens,
          guint             at,
          guint            *end)
{
  IcAuthority *best = longest_key_at (table, text, tokens, at, end);
  const char *word = g_array_index (tokens, Token, at).word;

  for (gsize i = 0; i < G_N_ELEMENTS (prefixes) && g_hash_table_contains (table->prefix_words, word); i++)
    {
      guint n = match_phrase (tokens, at, prefixes[i]);
      guint prefixed_end = 0;
      IcAuthority *found;

      if (n == 0 || strcmp (prefixes[i], "the") == 0)
        continue;
      found = longest_key_at (table, text, tokens, at + n, &prefixed_end);
      if (found != NULL && (best == NULL || prefixed_end > *end))
        {
          best = found;
          *end = prefixed_end;
        }
    }

  if (best != NULL)
    *end += council_suffix_at (tokens, *end);

  return best;
}

/**
 * ic_authorities_find_in_text:
 * @text: a title line or a sentence
 * @match_start: (out) (optional): byte offset of the name in @text
 * @match_len: (out) (optional): byte length of the name as printed
 *
 * Finds the first authority named in @text.  The name as printed includes
 * council prefixes and suffixes ("London Borough of Barnet Council") but
 * not "children's services".
 *
 * Returns: (transfer none) (nullable): the authority, or %NULL
 */
const IcAuthority *
ic_authorities_find_in_text (const char *text,
                             gsize      *match_start,
                             gsize      *match_len)
{
  IcAuthorityTable *table = _ic_authorities_get_table ();
  g_autoptr(GArray) tokens = NULL;
  const IcAuthority *found = NULL;
  Tokeniser tokeniser;
  gboolean more = TRUE;

  if (match_start != NULL)
    *match_start = 0;
  if (match_len != NULL)
    *match_len = 0;
  if (text == NULL)
    return NULL;

  /* A window of tokens slides over the text: wide enough for a council
   * prefix, the longest name and a council suffix. */
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, clear_token);
  tokeniser_init (&tokeniser, text);
  for (;;)
    {
      guint end = 0;
      Token token;

      while (more && tokens->len < table->max_words + 8)
        {
          more = next_token (&tokeniser, &token);
          if (more)
            g_array_append_val (tokens, token);
        }
      if (tokens->len == 0)
        break;

      found = match_at (table, text, tokens, 0, &end);
      if (found != NULL)
        {
          if (match_start != NULL)
            *match_start = g_array_index (tokens, Token, 0).start;
          if (match_len != NULL)
            *match_len = g_array_index (tokens, Token, end - 1).end -
                         g_array_index (tokens, Token, 0).start;
          break;
        }
      g_array_remove_index (tokens, 0);
    }
  tokeniser_clear (&tokeniser);

  return found;
}
