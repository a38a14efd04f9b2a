/* ic-concepts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-concepts"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ic-concepts.h"
#include "ic-core-resource.h"
#include "ic-words.h"

#define SHIPPED_PATH "/io/github/InspectionCompare/core/concepts.rules"
#define PURPOSE_GROUP "purpose"
/* A purpose clause never starts in an item's first words: "To improve
 * the front door" is about the front door. */
#define HEAD_MIN_WORDS 3

typedef struct
{
  char  **words;    /* stems, "=word" for the word exactly, or "word*" for a
                     * prefix of the word as written */
  guint   n_words;
  guint   concept;
  gboolean hide;    /* a "not" phrase */
} Phrase;

typedef struct
{
  char   *key;
  char     *label;
  double    weight;
  gboolean  cohort;  /* names which children, not a concern */
} Concept;

/* Phrases are looked up by their first word, so that matching an item
 * tries only the few phrases that can start at each word instead of all
 * of them (which was most of the time of finding recurrences). */
struct _IcConcepts
{
  GArray     *concepts;  /* of Concept */
  GPtrArray  *phrases;   /* of Phrase, longest first */
  GPtrArray  *purpose;   /* of GStrv of stems */
  GHashTable *by_stem;   /* first stem → GArray of phrase positions, ascending */
  GHashTable *by_word;   /* first word, for "=word" → the same */
  GArray     *by_prefix; /* positions of phrases starting with "word*" */
};

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->words);
  g_free (phrase);
}

static void
concept_clear (gpointer data)
{
  Concept *concept = data;

  g_free (concept->key);
  g_free (concept->label);
}

void
ic_concepts_free (IcConcepts *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->concepts);
  g_hash_table_unref (self->by_stem);
  g_hash_table_unref (self->by_word);
  g_array_unref (self->by_prefix);
  g_ptr_array_unref (self->phrases);
  g_ptr_array_unref (self->purpose);
  g_free (self);
}

static char **
stems_of (const char *text,
          guint      *n)
{
  g_autoptr(GArray) tokens = ic_words_tokenise (text);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  gboolean prefix = g_str_has_suffix (g_strstrip ((char *)text), "*");
  gboolean exact = text[0] == '"';

  for (guint i = 0; i < tokens->len; i++)
    {
      const IcToken *token = &g_array_index (tokens, IcToken, i);

      if (exact)
        {
          g_autofree char *pattern = g_strconcat ("=", token->word, NULL);

          g_strv_builder_add (words, pattern);
        }
      else if (prefix && i + 1 == tokens->len)
        {
          g_autofree char *pattern = g_strconcat (token->word, "*", NULL);

          g_strv_builder_add (words, pattern);
        }
      else
        g_strv_builder_add (words, token->stem);
    }
  *n = tokens->len;
  return g_strv_builder_end (words);
}

/* "decision-making" is also read as "decisionmaking", which PDF text often
 * has at a line end. */
static void
add_phrase (IcConcepts *self,
            const char *text,
            guint       concept,
            gboolean    hide)
{
  g_autofree char *copy = g_strdup (text);
  Phrase *phrase = g_new0 (Phrase, 1);

  phrase->words = stems_of (copy, &phrase->n_words);
  phrase->concept = concept;
  phrase->hide = hide;
  if (phrase->n_words == 0)
    {
      phrase_free (phrase);
      return;
    }
  g_ptr_array_add (self->phrases, phrase);

  if (strchr (text, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "-", -1);
      g_autofree char *joined = g_strjoinv ("", parts);

      add_phrase (self, joined, concept, hide);
    }
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  const Phrase *pa = *(const Phrase **)a;
  const Phrase *pb = *(const Phrase **)b;

  return (int)pb->n_words - (int)pa->n_words;
}

static void
load_concept (IcConcepts *self,
              GKeyFile   *file,
              const char *group)
{
  Concept concept = { 0 };
  guint index = self->concepts->len;
  g_auto(GStrv) terms = g_key_file_get_string_list (file, group, "terms", NULL, NULL);
  g_auto(GStrv) hidden = g_key_file_get_string_list (file, group, "not", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;

  concept.key = g_strdup (group);
  concept.label = g_key_file_get_string (file, group, "label", NULL);
  if (concept.label == NULL)
    concept.label = g_strdup (group);
  concept.weight = g_key_file_get_double (file, group, "weight", &error);
  if (error != NULL)
    concept.weight = 0.5;
  kind = g_key_file_get_string (file, group, "kind", NULL);
  concept.cohort = g_strcmp0 (kind, "cohort") == 0;
  g_array_append_val (self->concepts, concept);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    add_phrase (self, terms[i], index, FALSE);
  for (guint i = 0; hidden != NULL && hidden[i] != NULL; i++)
    add_phrase (self, hidden[i], index, TRUE);
}

static void
load_purpose (IcConcepts *self,
              GKeyFile   *file)
{
  g_auto(GStrv) markers = g_key_file_get_string_list (file, PURPOSE_GROUP, "markers", NULL, NULL);

  for (guint i = 0; markers != NULL && markers[i] != NULL; i++)
    {
      guint n;
      char **stems = stems_of (markers[i], &n);

      if (n > 0)
        g_ptr_array_add (self->purpose, stems);
      else
        g_strfreev (stems);
    }
}

static gboolean
is_prefix_pattern (const char *pattern)
{
  gsize len = strlen (pattern);

  return pattern[0] != '=' && len > 1 && pattern[len - 1] == '*';
}

static void
index_position (GHashTable *table,
                const char *key,
                guint       position)
{
  GArray *positions = g_hash_table_lookup (table, key);

  if (positions == NULL)
    {
      positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, (gpointer)key, positions);
    }
  g_array_append_val (positions, position);
}

/* After sorting: the keys point into the phrases' own words. */
static void
index_phrases (IcConcepts *self)
{
  self->by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
  self->by_word = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_array_unref);
  self->by_prefix = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < self->phrases->len; p++)
    {
      const char *first = ((const Phrase *)g_ptr_array_index (self->phrases, p))->words[0];

      if (first[0] == '=')
        index_position (self->by_word, first + 1, p);
      else if (is_prefix_pattern (first))
        g_array_append_val (self->by_prefix, p);
      else
        index_position (self->by_stem, first, p);
    }
}

IcConcepts *
ic_concepts_new_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  IcConcepts *self;

  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, error))
    return NULL;

  self = g_new0 (IcConcepts, 1);
  self->concepts = g_array_new (FALSE, TRUE, sizeof (Concept));
  g_array_set_clear_func (self->concepts, concept_clear);
  self->phrases = g_ptr_array_new_with_free_func (phrase_free);
  self->purpose = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_equal (groups[i], PURPOSE_GROUP))
      load_purpose (self, file);
    else
      load_concept (self, file, groups[i]);
  g_ptr_array_sort (self->phrases, compare_length_desc);
  index_phrases (self);
  return self;
}

static gpointer
load_default_once (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IcConcepts *self;

  bytes = g_resource_lookup_data (ic_core_resource (), SHIPPED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  self = ic_concepts_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  /* The shipped file is tested; failing here is a build defect. */
  g_assert_no_error (error);
  return self;
}

/**
 * ic_concepts_get_default:
 *
 * Returns: (transfer none): the concepts the application ships
 */
IcConcepts *
ic_concepts_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_default_once, NULL);
}

guint
ic_concepts_get_n (IcConcepts *self)
{
  return self->concepts->len;
}

const char *
ic_concepts_get_key (IcConcepts *self,
                     guint       concept)
{
  g_return_val_if_fail (concept < self->concepts->len, NULL);
  return g_array_index (self->concepts, Concept, concept).key;
}

const char *
ic_concepts_get_label (IcConcepts *self,
                       guint       concept)
{
  g_return_val_if_fail (concept < self->concepts->len, NULL);
  return g_array_index (self->concepts, Concept, concept).label;
}

double
ic_concepts_get_weight (IcConcepts *self,
                        guint       concept)
{
  g_return_val_if_fail (concept < self->concepts->len, 0);
  return g_array_index (self->concepts, Concept, concept).weight;
}

/* Whether @concept names a cohort of children (children in care, care
 * leavers…) rather than a concern: it tells items apart, never links
 * them. */
gboolean
ic_concepts_is_cohort (IcConcepts *self,
                       guint       concept)
{
  g_return_val_if_fail (concept < self->concepts->len, FALSE);
  return g_array_index (self->concepts, Concept, concept).cohort;
}

static gboolean
word_matches (const char    *pattern,
              const IcToken *token)
{
  if (pattern[0] == '=')
    return strcmp (token->word, pattern + 1) == 0;
  if (is_prefix_pattern (pattern))
    return strncmp (token->word, pattern, strlen (pattern) - 1) == 0;
  return strcmp (pattern, token->stem) == 0;
}

static gboolean
words_match_at (char   **words,
                guint    n_words,
                GArray  *tokens,
                guint    pos)
{
  if (pos + n_words > tokens->len)
    return FALSE;
  for (guint i = 0; i < n_words; i++)
    if (!word_matches (words[i], &g_array_index (tokens, IcToken, pos + i)))
      return FALSE;
  return TRUE;
}

/* Whether a sentence ends between token @pos - 1 and token @pos: a full
 * stop, then a capital ("… practice. In particular, …"; not "e.g. the"). */
static gboolean
sentence_ends_before (const char *text,
                      GArray     *tokens,
                      guint       pos)
{
  const IcToken *before = &g_array_index (tokens, IcToken, pos - 1);
  const IcToken *at = &g_array_index (tokens, IcToken, pos);

  return memchr (text + before->end, '.', at->start - before->end) != NULL &&
         g_ascii_isupper (text[at->start]);
}

/* Where the item's purpose clause starts ("…, so that …") or its first
 * sentence ends (later sentences say why, not what), or the number of
 * tokens when it has neither. */
static guint
head_end (IcConcepts *self,
          const char *text,
          GArray     *tokens)
{
  for (guint pos = HEAD_MIN_WORDS; pos < tokens->len; pos++)
    {
      if (sentence_ends_before (text, tokens, pos))
        return pos;
      for (guint m = 0; m < self->purpose->len; m++)
        {
          char **stems = g_ptr_array_index (self->purpose, m);

          if (words_match_at (stems, g_strv_length (stems), tokens, pos))
            return pos;
        }
    }
  return tokens->len;
}

static void
add_hit (GArray *hits,
         guint   concept,
         guint   pos,
         guint   head)
{
  IcConceptHit hit = { concept, pos < head, pos };

  for (guint i = 0; i < hits->len; i++)
    {
      IcConceptHit *seen = &g_array_index (hits, IcConceptHit, i);

      if (seen->concept == concept)
        {
          seen->in_head |= hit.in_head;
          return;
        }
    }
  g_array_append_val (hits, hit);
}

/* The phrases whose first word can be @token's, in the order of
 * self->phrases (longest first), as the three sorted lists merged. */
static void
collect_candidates (IcConcepts    *self,
                    const IcToken *token,
                    GArray        *candidates)
{
  GArray *lists[] = { g_hash_table_lookup (self->by_stem, token->stem),
                      g_hash_table_lookup (self->by_word, token->word),
                      self->by_prefix };
  guint next[G_N_ELEMENTS (lists)] = { 0 };

  g_array_set_size (candidates, 0);
  for (;;)
    {
      guint best = G_N_ELEMENTS (lists);

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        if (lists[l] != NULL && next[l] < lists[l]->len &&
            (best == G_N_ELEMENTS (lists) ||
             g_array_index (lists[l], guint, next[l]) < g_array_index (lists[best], guint, next[best])))
          best = l;
      if (best == G_N_ELEMENTS (lists))
        return;
      g_array_append_val (candidates, g_array_index (lists[best], guint, next[best]));
      next[best]++;
    }
}

/* Per concept, the longest phrase at a place wins and hides shorter
 * phrases of that concept overlapping it; a "not" phrase wins the same
 * way and counts for nothing. */
GArray *
ic_concepts_match (IcConcepts *self,
                   const char *text)
{
  g_autoptr(GArray) tokens = ic_words_tokenise (text);

  return ic_concepts_match_tokens (self, text, tokens);
}

GArray *
ic_concepts_match_tokens (IcConcepts *self,
                          const char *text,
                          GArray     *tokens)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *covered_to = g_new0 (guint, self->concepts->len);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (IcConceptHit));
  guint head = head_end (self, text, tokens);

  for (guint pos = 0; pos < tokens->len; pos++)
    {
      collect_candidates (self, &g_array_index (tokens, IcToken, pos), candidates);
      for (guint c = 0; c < candidates->len; c++)
        {
          const Phrase *phrase = g_ptr_array_index (self->phrases, g_array_index (candidates, guint, c));

          if (covered_to[phrase->concept] > pos ||
              !words_match_at (phrase->words, phrase->n_words, tokens, pos))
            continue;
          covered_to[phrase->concept] = pos + phrase->n_words;
          if (!phrase->hide)
            add_hit (hits, phrase->concept, pos, head);
        }
    }
  return hits;
}
