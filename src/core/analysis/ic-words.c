/* ic-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-words"

#include "config.h"

#include <string.h>

#include "ic-words.h"

/* American forms that the suffix rules below do not catch. Both the
 * rules and the items pass through the same folding, so only spellings
 * that differ between the two countries need listing. */
static const struct { const char *us, *uk; } spellings[] = {
  { "behavior", "behaviour" }, { "behaviors", "behaviours" }, { "behavioral", "behavioural" },
  { "center", "centre" }, { "centers", "centres" }, { "program", "programme" },
  { "programs", "programmes" }, { "judgment", "judgement" }, { "judgments", "judgements" },
  { "pediatric", "paediatric" }, { "pediatrics", "paediatrics" }, { "counseling", "counselling" },
  { "counselor", "counsellor" }, { "counselors", "counsellors" }, { "fulfill", "fulfil" },
  { "fulfills", "fulfils" }, { "enroll", "enrol" }, { "enrollment", "enrolment" },
  { "practise", "practice" }, { "practised", "practiced" }, { "practising", "practicing" },
  { "aging", "ageing" }, { "defense", "defence" }, { "offense", "offence" },
  { "offenses", "offences" }, { "neighbor", "neighbour" }, { "neighbors", "neighbours" },
  { "neighborhood", "neighbourhood" }, { "labor", "labour" }, { "favor", "favour" },
  { "color", "colour" }, { "honor", "honour" }, { "endeavor", "endeavour" },
  { "modeling", "modelling" }, { "labeled", "labelled" }, { "labeling", "labelling" },
  { "traveling", "travelling" }, { "traveler", "traveller" }, { "travelers", "travellers" },
  { "catalog", "catalogue" }, { "dialog", "dialogue" }, { "license", "licence" },
  { "esthetic", "aesthetic" }, { "anemia", "anaemia" }, { "fetal", "foetal" },
  { "mold", "mould" }, { "analog", "analogue" }, { "skeptical", "sceptical" },
};

/* -ize/-yze and their derived forms become -ise/-yse. */
static const struct { const char *us, *uk; } suffixes[] = {
  { "izations", "isations" }, { "ization", "isation" }, { "izing", "ising" },
  { "ized", "ised" }, { "izes", "ises" }, { "izer", "iser" }, { "ize", "ise" },
  { "yzing", "ysing" }, { "yzed", "ysed" }, { "yzes", "yses" }, { "yze", "yse" },
};

static void
fold_spelling (GString *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      if (strcmp (word->str, spellings[i].us) == 0)
        {
          g_string_assign (word, spellings[i].uk);
          return;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize len = strlen (suffixes[i].us);

      /* "size" and "prize" keep their z: the stem must be longer. */
      if (word->len > len + 2 && g_str_has_suffix (word->str, suffixes[i].us))
        {
          g_string_truncate (word, word->len - len);
          g_string_append (word, suffixes[i].uk);
          return;
        }
    }
}

/* ---- Porter (1980), "An algorithm for suffix stripping" ---- */

typedef struct
{
  char *b;
  int   k;  /* last index of the word */
  int   j;  /* end of the stem being examined */
} Stemmer;

static gboolean
cons (Stemmer *z,
      int      i)
{
  switch (z->b[i])
    {
    case 'a': case 'e': case 'i': case 'o': case 'u':
      return FALSE;
    case 'y':
      return i == 0 ? TRUE : !cons (z, i - 1);
    default:
      return TRUE;
    }
}

/* The number of vowel-consonant sequences in b[0..j]. */
static int
measure (Stemmer *z)
{
  int n = 0, i = 0;

  for (;; i++)
    {
      if (i > z->j)
        return n;
      if (!cons (z, i))
        break;
    }
  i++;
  for (;;)
    {
      for (;; i++)
        {
          if (i > z->j)
            return n;
          if (cons (z, i))
            break;
        }
      i++;
      n++;
      for (;; i++)
        {
          if (i > z->j)
            return n;
          if (!cons (z, i))
            break;
        }
      i++;
    }
}

static gboolean
vowel_in_stem (Stemmer *z)
{
  for (int i = 0; i <= z->j; i++)
    if (!cons (z, i))
      return TRUE;
  return FALSE;
}

static gboolean
double_cons (Stemmer *z,
             int      j)
{
  return j >= 1 && z->b[j] == z->b[j - 1] && cons (z, j);
}

static gboolean
cvc (Stemmer *z,
     int      i)
{
  if (i < 2 || !cons (z, i) || cons (z, i - 1) || !cons (z, i - 2))
    return FALSE;
  return z->b[i] != 'w' && z->b[i] != 'x' && z->b[i] != 'y';
}

static gboolean
ends (Stemmer    *z,
      const char *s)
{
  int len = strlen (s);

  if (s[len - 1] != z->b[z->k] || len > z->k + 1)
    return FALSE;
  if (memcmp (z->b + z->k - len + 1, s, len) != 0)
    return FALSE;
  z->j = z->k - len;
  return TRUE;
}

static void
set_to (Stemmer    *z,
        const char *s)
{
  int len = strlen (s);

  memmove (z->b + z->j + 1, s, len);
  z->k = z->j + len;
}

static void
replace (Stemmer    *z,
         const char *s)
{
  if (measure (z) > 0)
    set_to (z, s);
}

static void
step1ab (Stemmer *z)
{
  if (z->b[z->k] == 's')
    {
      if (ends (z, "sses"))
        z->k -= 2;
      else if (ends (z, "ies"))
        set_to (z, "i");
      else if (z->b[z->k - 1] != 's')
        z->k--;
    }
  if (ends (z, "eed"))
    {
      if (measure (z) > 0)
        z->k--;
    }
  else if ((ends (z, "ed") || ends (z, "ing")) && vowel_in_stem (z))
    {
      z->k = z->j;
      if (ends (z, "at"))
        set_to (z, "ate");
      else if (ends (z, "bl"))
        set_to (z, "ble");
      else if (ends (z, "iz"))
        set_to (z, "ize");
      else if (double_cons (z, z->k))
        {
          char ch = z->b[z->k--];

          if (ch == 'l' || ch == 's' || ch == 'z')
            z->k++;
        }
      else if (measure (z) == 1 && cvc (z, z->k))
        set_to (z, "e");
    }
}

static void
step1c (Stemmer *z)
{
  if (ends (z, "y") && vowel_in_stem (z))
    z->b[z->k] = 'i';
}

typedef struct { const char *from, *to; } Rule;

static gboolean
apply_rules (Stemmer    *z,
             const Rule *rules,
             guint       n_rules)
{
  for (guint i = 0; i < n_rules; i++)
    {
      if (ends (z, rules[i].from))
        {
          replace (z, rules[i].to);
          return TRUE;
        }
    }
  return FALSE;
}

static void
step2 (Stemmer *z)
{
  static const Rule rules[] = {
    { "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" }, { "anci", "ance" },
    { "izer", "ize" }, { "bli", "ble" }, { "alli", "al" }, { "entli", "ent" }, { "eli", "e" },
    { "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" }, { "ator", "ate" },
    { "alism", "al" }, { "iveness", "ive" }, { "fulness", "ful" }, { "ousness", "ous" },
    { "aliti", "al" }, { "iviti", "ive" }, { "biliti", "ble" }, { "logi", "log" },
  };

  if (z->k >= 1)
    apply_rules (z, rules, G_N_ELEMENTS (rules));
}

static void
step3 (Stemmer *z)
{
  static const Rule rules[] = {
    { "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
    { "ical", "ic" }, { "ful", "" }, { "ness", "" },
  };

  apply_rules (z, rules, G_N_ELEMENTS (rules));
}

static void
step4 (Stemmer *z)
{
  static const char * const endings[] = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
    "ou", "ism", "ate", "iti", "ous", "ive", "ize",
  };

  if (z->k < 1)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      if (ends (z, endings[i]))
        {
          if (measure (z) > 1)
            z->k = z->j;
          return;
        }
    }

  if (ends (z, "ion") && z->j >= 0 && (z->b[z->j] == 's' || z->b[z->j] == 't') &&
      measure (z) > 1)
    z->k = z->j;
}

static void
step5 (Stemmer *z)
{
  z->j = z->k;
  if (z->b[z->k] == 'e')
    {
      int a = measure (z);

      if (a > 1 || (a == 1 && !cvc (z, z->k - 1)))
        z->k--;
    }
  if (z->b[z->k] == 'l' && double_cons (z, z->k) && measure (z) > 1)
    z->k--;
}

static gboolean
is_ascii_lower (const char *word)
{
  for (const char *p = word; *p; p++)
    if (*p < 'a' || *p > 'z')
      return FALSE;
  return TRUE;
}

static char *
stem_word (const char *word)
{
  g_autoptr(GString) folded = g_string_new (word);
  Stemmer z;

  fold_spelling (folded);
  /* Short words, numbers and acronyms with digits are kept as they are. */
  if (folded->len <= 2 || !is_ascii_lower (folded->str))
    return g_string_free (g_steal_pointer (&folded), FALSE);

  z.b = folded->str;
  z.k = folded->len - 1;
  z.j = 0;
  step1ab (&z);
  if (z.k > 0)
    {
      step1c (&z);
      step2 (&z);
      step3 (&z);
      step4 (&z);
      step5 (&z);
    }
  g_string_truncate (folded, z.k + 1);

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* Each thread remembers the stems it made: a pack of 900 reports stems
 * about half a million words from a vocabulary of a few thousand, and
 * stemming them anew was a quarter of the pack's time. Per thread, so
 * that loading workers never wait for each other; bounded, so that a
 * hostile file cannot grow it without end. */
#define MAX_REMEMBERED_STEMS 100000

static GPrivate remembered_stems = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

char *
ic_words_stem_word (const char *word)
{
  GHashTable *stems = g_private_get (&remembered_stems);
  const char *stem;
  char *made;

  if (stems == NULL)
    {
      stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&remembered_stems, stems);
    }
  if ((stem = g_hash_table_lookup (stems, word)) != NULL)
    return g_strdup (stem);

  made = stem_word (word);
  if (g_hash_table_size (stems) >= MAX_REMEMBERED_STEMS)
    g_hash_table_remove_all (stems);
  g_hash_table_insert (stems, g_strdup (word), g_strdup (made));
  return made;
}

/* ---- tokens ---- */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == '`';
}

static void
token_clear (gpointer data)
{
  IcToken *token = data;

  g_clear_pointer (&token->stem, g_free);
  g_clear_pointer (&token->word, g_free);
}

static gboolean
is_ascii (const char *start,
          const char *end)
{
  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* The word lower-cased, accents dropped ("Café" → "cafe"). */
static char *
fold_word (const char *start,
           const char *end)
{
  g_autofree char *raw = NULL;
  g_autofree char *ascii = NULL;

  /* Nearly every word is ASCII already; g_str_to_ascii() is slow. */
  if (is_ascii (start, end))
    return g_ascii_strdown (start, end - start);
  raw = g_strndup (start, end - start);
  ascii = g_str_to_ascii (raw, "C");
  return g_ascii_strdown (ascii, -1);
}

static void
add_token (GArray     *tokens,
           const char *text,
           const char *start,
           const char *end)
{
  g_autofree char *lower = fold_word (start, end);
  IcToken token;

  token.stem = ic_words_stem_word (lower);
  token.word = g_steal_pointer (&lower);
  token.start = start - text;
  token.end = end - text;
  g_array_append_val (tokens, token);
}

/* After an apostrophe: "child's" loses the "'s", "partners'" nothing
 * more; returns where scanning resumes. */
static const char *
skip_possessive (const char *p)
{
  const char *next = g_utf8_next_char (p);

  if ((*next == 's' || *next == 'S') && !g_unichar_isalnum (g_utf8_get_char (next + 1)))
    return next + 1;
  return next;
}

GArray *
ic_words_tokenise (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (IcToken));
  const char *p = text;
  const char *word = NULL;

  g_array_set_clear_func (tokens, token_clear);
  if (text == NULL)
    return tokens;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (word == NULL)
            word = p;
          p = g_utf8_next_char (p);
          continue;
        }

      if (word != NULL)
        add_token (tokens, text, word, p);
      if (word != NULL && is_apostrophe (c))
        {
          word = NULL;
          p = skip_possessive (p);
          continue;
        }
      word = NULL;
      p = g_utf8_next_char (p);
    }
  if (word != NULL)
    add_token (tokens, text, word, p);

  return tokens;
}

/* ---- stop words ---- */

static const char * const stop_words[] = {
  /* English function words. */
  "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an",
  "and", "any", "are", "as", "at", "be", "been", "before", "being", "below", "between",
  "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
  "each", "either", "enough", "etc", "even", "ever", "every", "few", "for", "from",
  "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
  "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least",
  "less", "many", "may", "more", "most", "much", "must", "my", "need", "needs", "no", "nor",
  "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our",
  "out", "over", "own", "per", "rather", "same", "she", "should", "so", "some", "such",
  "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
  "this", "those", "through", "thus", "to", "too", "under", "until", "up", "upon", "us",
  "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
  "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
  "you", "your",
  /* Ofsted's stock phrasing, present in items on any subject. */
  "ensure", "ensuring", "improve", "improving", "improvement", "improvements", "quality",
  "consistent", "consistently", "consistency", "effective", "effectively", "effectiveness",
  "timely", "timeliness", "children", "child", "young", "people", "person", "practice",
  "including", "include", "specifically", "particularly", "use", "used", "using",
  "appropriate", "appropriately", "well", "good", "better",
  "strengthen", "develop", "development", "continue", "further", "work", "working",
  "review", "make", "made", "sure", "clear", "clearly", "robust", "robustly", "evident",
  "area", "areas", "level", "levels", "local", "authority", "services", "service",
  "arrangements", "arrangement", "support", "range", "specific", "fully", "always",
  "regular", "regularly", "time", "impact", "outcomes", "experience", "experiences",
  "progress", "families", "family", "ensures", "need", "needed", "identified", "given",
};

static gpointer
build_stop_set (gpointer data)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    g_hash_table_add (set, ic_words_stem_word (stop_words[i]));

  return set;
}

gboolean
ic_words_is_stop_stem (const char *stem)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *set = g_once (&once, build_stop_set, NULL);

  return stem[0] == '\0' || g_hash_table_contains (set, stem);
}
