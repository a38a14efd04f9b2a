/* ic-themes.c
 *
 * Each theme has terms at a few weights. An item's words are stemmed and
 * matched against every term (a term of several words must match in
 * sequence); a theme scores the weights of the distinct terms it matched,
 * the best score is the main theme, and others close enough follow it.
 * Longer terms win over shorter ones of the same theme at the same place,
 * so a weight-0 term ("not") can stop a phrase counting ("contact time"
 * is not a contact with the front door).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-themes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ic-core-resource.h"
#include "ic-report-private.h"
#include "ic-words.h"
#include "ic-themes.h"

#define SHIPPED_PATH "/io/github/InspectionCompare/core/themes.rules"

/* A secondary theme needs this share of the main theme's score. */
#define SECONDARY_SHARE 0.45
#define SECONDARY_MIN 1.5
/* Terms after a purpose clause ("so that …") count this much. */
#define PURPOSE_FACTOR 0.5
#define PURPOSE_GROUP "purpose"
/* A theme's search uses its terms of this weight and more ("lead"). */
#define QUERY_MIN_WEIGHT 8.0
/* Terms beyond a theme's best one add this share of their weight. */
#define REST_SHARE 0.25


static const struct { const char *key, *label; } taxonomy[] = {
  { "front_door", "Front door" },
  { "early_help", "Early help" },
  { "strategy_and_child_protection", "Strategy and child protection" },
  { "assessment_and_risk", "Assessment and risk" },
  { "plans_and_planning", "Plans and planning" },
  { "child_voice_and_identity", "Child's voice and identity" },
  { "recording", "Recording" },
  { "supervision_and_management_oversight", "Supervision and management oversight" },
  { "quality_assurance_and_performance", "Quality assurance and performance" },
  { "independent_reviewing", "Independent reviewing" },
  { "sufficiency_and_placements", "Sufficiency and placements" },
  { "permanence_and_adoption", "Permanence and adoption" },
  { "care_leavers", "Care leavers" },
  { "exploitation_and_missing", "Exploitation and missing" },
  { "education", "Education" },
  { "health_and_wellbeing", "Health and well-being" },
  { "domestic_abuse", "Domestic abuse" },
  { "disabled_children_and_transitions", "Disabled children and transitions" },
  { "partnership_and_governance", "Partnership and governance" },
  { "workforce", "Workforce" },
  { "private_fostering", "Private fostering" },
};

static const struct { const char *name; double weight; } levels[] = {
  { "first", 16.0 }, { "lead", 8.0 }, { "strong", 4.0 }, { "medium", 2.0 }, { "weak", 1.0 }, { "not", 0.0 },
};

typedef struct
{
  char   *display;  /* as written in the rules */
  char  **stems;
  guint   n_stems;
  double  weight;
  guint   theme;
} Term;

typedef struct
{
  char *key;
  char *label;
} Theme;

struct _IcThemeRules
{
  GObject     parent_instance;
  char       *origin;
  char       *digest;  /* SHA-256 of the rules' text */
  GArray     *themes;  /* of Theme */
  GPtrArray  *terms;   /* of Term, owned */
  GHashTable *by_first_stem;  /* stem -> GPtrArray of Term, longest first */
  GPtrArray  *purpose;        /* of GStrv: stems of purpose-clause markers */
};

G_DEFINE_FINAL_TYPE (IcThemeRules, ic_theme_rules, G_TYPE_OBJECT)
G_DEFINE_QUARK (ic-theme-rules-error-quark, ic_theme_rules_error)
G_DEFINE_BOXED_TYPE (IcThemeMatch, ic_theme_match, ic_theme_match_copy, ic_theme_match_free)

IcThemeMatch *
ic_theme_match_copy (const IcThemeMatch *match)
{
  IcThemeMatch *copy = g_new0 (IcThemeMatch, 1);

  copy->theme = g_strdup (match->theme);
  copy->score = match->score;
  copy->triggers = g_strdupv (match->triggers);
  copy->terms = g_strdupv (match->terms);
  return copy;
}

void
ic_theme_match_free (IcThemeMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->theme);
  g_strfreev (match->triggers);
  g_strfreev (match->terms);
  g_free (match);
}

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->display);
  g_strfreev (term->stems);
  g_free (term);
}

static void
theme_clear (gpointer data)
{
  Theme *theme = data;

  g_clear_pointer (&theme->key, g_free);
  g_clear_pointer (&theme->label, g_free);
}

static void
ic_theme_rules_finalize (GObject *object)
{
  IcThemeRules *self = (IcThemeRules *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->themes, g_array_unref);
  g_clear_pointer (&self->by_first_stem, g_hash_table_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->purpose, g_ptr_array_unref);

  G_OBJECT_CLASS (ic_theme_rules_parent_class)->finalize (object);
}

static void
ic_theme_rules_class_init (IcThemeRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_theme_rules_finalize;
}

static void
ic_theme_rules_init (IcThemeRules *self)
{
  self->themes = g_array_new (FALSE, TRUE, sizeof (Theme));
  g_array_set_clear_func (self->themes, theme_clear);
  self->terms = g_ptr_array_new_with_free_func (term_free);
  self->by_first_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_ptr_array_unref);
  self->purpose = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
}

/* ---- taxonomy ---- */

const char * const *
ic_theme_get_keys (void)
{
  static const char *keys[G_N_ELEMENTS (taxonomy) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (taxonomy); i++)
      keys[i] = taxonomy[i].key;
  return keys;
}

static int
taxonomy_index (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (taxonomy); i++)
    if (strcmp (taxonomy[i].key, key) == 0)
      return i;
  return -1;
}

gboolean
ic_theme_is_key (const char *key)
{
  return taxonomy_index (key) >= 0;
}

/**
 * ic_theme_get_label:
 *
 * Returns: the label of @key for people ("Front door"), or @key itself
 *   when it is not a theme
 */
const char *
ic_theme_get_label (const char *key)
{
  IcThemeRules *rules = ic_theme_rules_get_default ();

  return ic_theme_rules_get_label (rules, key);
}

/* ---- loading ---- */

static gboolean
compile_variant (IcThemeRules *self,
                 const char   *display,
                 const char   *words,
                 gboolean      exact,
                 double        weight,
                 guint         theme)
{
  g_autoptr(GArray) tokens = ic_words_tokenise (words);
  g_autoptr(GStrvBuilder) stems = g_strv_builder_new ();
  GPtrArray *bucket;
  Term *term;

  if (tokens->len == 0)
    return FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      const IcToken *token = &g_array_index (tokens, IcToken, i);
      g_autofree char *exact_word = g_strconcat ("=", token->word, NULL);

      g_strv_builder_add (stems, exact ? exact_word : token->stem);
    }

  term = g_new0 (Term, 1);
  term->display = g_strdup (display);
  term->stems = g_strv_builder_end (stems);
  term->n_stems = tokens->len;
  term->weight = weight;
  term->theme = theme;
  g_ptr_array_add (self->terms, term);

  bucket = g_hash_table_lookup (self->by_first_stem, term->stems[0]);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (self->by_first_stem, g_strdup (term->stems[0]), bucket);
    }
  g_ptr_array_add (bucket, term);
  return TRUE;
}

/* "decision-making" is matched both as two words and, because PDF text
 * often loses the hyphen at a line end, as "decisionmaking". A term in
 * double quotes matches its words exactly, not their stems ("placed"
 * without "place"). */
static gboolean
compile_term (IcThemeRules *self,
              const char   *text,
              double        weight,
              guint         theme)
{
  g_autofree char *display = g_strstrip (g_strdup (text));
  gsize len = strlen (display);
  gboolean exact = len > 2 && display[0] == '"' && display[len - 1] == '"';
  g_autofree char *words = exact ? g_strndup (display + 1, len - 2) : g_strdup (display);

  if (!compile_variant (self, display, words, exact, weight, theme))
    return FALSE;

  if (strchr (words, '-') != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (words, "-", -1);
      g_autofree char *joined = g_strjoinv ("", parts);

      compile_variant (self, display, joined, exact, weight, theme);
    }
  return TRUE;
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  const Term *ta = *(const Term **)a;
  const Term *tb = *(const Term **)b;

  return (int)tb->n_stems - (int)ta->n_stems;
}

static void
load_purpose (IcThemeRules *self,
              GKeyFile     *file)
{
  g_auto(GStrv) markers = g_key_file_get_string_list (file, PURPOSE_GROUP, "markers", NULL, NULL);

  for (guint i = 0; markers != NULL && markers[i] != NULL; i++)
    {
      g_autoptr(GArray) tokens = ic_words_tokenise (markers[i]);
      g_autoptr(GStrvBuilder) stems = g_strv_builder_new ();

      for (guint t = 0; t < tokens->len; t++)
        g_strv_builder_add (stems, g_array_index (tokens, IcToken, t).stem);
      if (tokens->len > 0)
        g_ptr_array_add (self->purpose, g_strv_builder_end (stems));
    }
}

static gboolean
load_theme (IcThemeRules *self,
            GKeyFile     *file,
            const char   *group,
            GError      **error)
{
  Theme theme = { 0 };
  guint index = self->themes->len;

  if (!ic_theme_is_key (group))
    {
      g_set_error (error, IC_THEME_RULES_ERROR, IC_THEME_RULES_ERROR_INVALID,
                   _("%s: [%s] is not a theme of the taxonomy"), self->origin, group);
      return FALSE;
    }

  theme.key = g_strdup (group);
  theme.label = g_key_file_get_string (file, group, "label", NULL);
  if (theme.label == NULL)
    theme.label = g_strdup (taxonomy[taxonomy_index (group)].label);
  g_array_append_val (self->themes, theme);

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_auto(GStrv) terms = g_key_file_get_string_list (file, group, levels[l].name, NULL, NULL);

      for (guint t = 0; terms != NULL && terms[t] != NULL; t++)
        compile_term (self, terms[t], levels[l].weight, index);
    }
  return TRUE;
}

IcThemeRules *
ic_theme_rules_new_from_data (const char  *data,
                              gsize        length,
                              const char  *origin,
                              GError     **error)
{
  g_autoptr(IcThemeRules) self = g_object_new (IC_TYPE_THEME_RULES, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer bucket;

  self->origin = g_strdup (origin ? origin : "themes.rules");
  self->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, IC_THEME_RULES_ERROR, IC_THEME_RULES_ERROR_INVALID,
                   "%s: %s", self->origin, local_error->message);
      return NULL;
    }

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (strcmp (groups[i], PURPOSE_GROUP) == 0)
        load_purpose (self, file);
      else if (!load_theme (self, file, groups[i], error))
        return NULL;
    }

  if (self->themes->len == 0)
    {
      g_set_error (error, IC_THEME_RULES_ERROR, IC_THEME_RULES_ERROR_INVALID,
                   _("%s: no themes defined"), self->origin);
      return NULL;
    }

  g_hash_table_iter_init (&iter, self->by_first_stem);
  while (g_hash_table_iter_next (&iter, NULL, &bucket))
    g_ptr_array_sort (bucket, compare_length_desc);

  return g_steal_pointer (&self);
}

IcThemeRules *
ic_theme_rules_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return ic_theme_rules_new_from_data (data, length, path, error);
}

/**
 * ic_theme_rules_new_shipped:
 *
 * Returns: (transfer full): the rules the application ships
 */
IcThemeRules *
ic_theme_rules_new_shipped (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IcThemeRules *rules;

  bytes = g_resource_lookup_data (ic_core_resource (), SHIPPED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  rules = ic_theme_rules_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        "themes.rules (shipped)", &error);
  /* The shipped file is tested; failing here is a build defect. */
  g_assert_no_error (error);
  return rules;
}

char *
ic_theme_rules_get_user_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "inspection-compare", "themes.rules", NULL);
}

/**
 * ic_theme_rules_load_default:
 *
 * The user's copy in the configuration folder when it exists, else the
 * shipped rules. A user copy that cannot be read is an error, so that
 * the caller can say so rather than silently use other rules.
 *
 * Returns: (transfer full) (nullable):
 */
IcThemeRules *
ic_theme_rules_load_default (GError **error)
{
  g_autofree char *user_path = ic_theme_rules_get_user_path ();

  if (g_file_test (user_path, G_FILE_TEST_EXISTS))
    return ic_theme_rules_new_from_file (user_path, error);
  return ic_theme_rules_new_shipped ();
}

static gpointer
load_default_once (gpointer data)
{
  g_autoptr(GError) error = NULL;
  IcThemeRules *rules = ic_theme_rules_load_default (&error);

  if (rules == NULL)
    {
      g_warning ("%s; using the shipped theme rules", error->message);
      rules = ic_theme_rules_new_shipped ();
    }
  return rules;
}

/**
 * ic_theme_rules_get_default:
 *
 * Returns: (transfer none): the rules loaded once per process, safe to
 *   use from any thread
 */
IcThemeRules *
ic_theme_rules_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_default_once, NULL);
}

/**
 * ic_theme_rules_get_digest:
 *
 * Returns: a SHA-256 of the rules' text: rules with the same digest give
 *   every text the same themes (with this build's code), so themes kept
 *   with it stay valid while it is the same
 */
const char *
ic_theme_rules_get_digest (IcThemeRules *self)
{
  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);
  return self->digest;
}

const char *
ic_theme_rules_get_origin (IcThemeRules *self)
{
  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);
  return self->origin;
}

guint
ic_theme_rules_get_n_themes (IcThemeRules *self)
{
  g_return_val_if_fail (IC_IS_THEME_RULES (self), 0);
  return self->themes->len;
}

const char *
ic_theme_rules_get_key (IcThemeRules *self,
                        guint         position)
{
  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);
  if (position >= self->themes->len)
    return NULL;
  return g_array_index (self->themes, Theme, position).key;
}

const char *
ic_theme_rules_get_label (IcThemeRules *self,
                          const char   *key)
{
  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);

  for (guint i = 0; i < self->themes->len; i++)
    if (g_strcmp0 (g_array_index (self->themes, Theme, i).key, key) == 0)
      return g_array_index (self->themes, Theme, i).label;
  if (taxonomy_index (key) >= 0)
    return taxonomy[taxonomy_index (key)].label;
  return key;
}

/* How a rule term reads in a search query: a quoted term stays quoted
 * (exact), a term of several words or a hyphenated one becomes a
 * phrase, a single word stays bare (matched by stem, as in the rules). */
static char *
term_as_query (const char *display)
{
  if (display[0] == '"' || strpbrk (display, " -") == NULL)
    return g_strdup (display);
  return g_strdup_printf ("\"%s\"", display);
}

/**
 * ic_theme_rules_get_query:
 *
 * The search query for the theme @key: its "first" and "lead" terms
 * (those that on their own name an item's subject), each a word or a
 * quoted phrase, joined by OR. Weaker terms are left out: "contact" or
 * "referral" alone would find nearly every report.
 *
 * Returns: (transfer full) (nullable): the query, NULL when the theme
 *   has no such term
 */
char *
ic_theme_rules_get_query (IcThemeRules *self,
                          const char   *key)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int theme = -1;

  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);

  for (guint i = 0; i < self->themes->len; i++)
    if (g_strcmp0 (g_array_index (self->themes, Theme, i).key, key) == 0)
      theme = i;
  for (guint i = 0; theme >= 0 && i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);

      /* A hyphenated term is compiled twice under one display. */
      if ((int) term->theme != theme || term->weight < QUERY_MIN_WEIGHT ||
          !g_hash_table_add (seen, term->display))
        continue;
      g_ptr_array_add (parts, term_as_query (term->display));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" OR ", (char **) parts->pdata);
}

/* ---- matching ---- */

typedef struct
{
  const Term *term;
  guint       first;  /* token positions, inclusive */
  guint       last;
} Hit;

static gboolean
stems_match_at (const char * const *stems,
                guint               n_stems,
                GArray             *tokens,
                guint               pos)
{
  if (pos + n_stems > tokens->len)
    return FALSE;
  for (guint s = 0; s < n_stems; s++)
    {
      const IcToken *token = &g_array_index (tokens, IcToken, pos + s);

      /* "=word" is an exact word, anything else a stem. */
      if (stems[s][0] == '=' ? strcmp (stems[s] + 1, token->word) != 0
                             : strcmp (stems[s], token->stem) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
term_matches_at (const Term *term,
                 GArray     *tokens,
                 guint       pos)
{
  return stems_match_at ((const char * const *)term->stems, term->n_stems, tokens, pos);
}

static gboolean
is_marker_at (IcThemeRules *self,
              GArray       *tokens,
              guint         pos)
{
  for (guint m = 0; m < self->purpose->len; m++)
    {
      const char * const *stems = g_ptr_array_index (self->purpose, m);

      if (stems_match_at (stems, g_strv_length ((char **)stems), tokens, pos))
        return TRUE;
    }
  return FALSE;
}

/* Which words lie in a subordinate clause ("so that …", "including …"):
 * from a marker to the end of the sentence (not a comma: clauses often
 * hold lists). A
 * sentence's first two words never start one: "To improve the front
 * door" is about the front door. Returns one flag per word. */
static gboolean *
find_clauses (IcThemeRules *self,
              const char   *text,
              GArray       *tokens)
{
  gboolean *in_clause = g_new0 (gboolean, tokens->len + 1);
  gboolean open = FALSE;
  guint sentence = 0;

  for (guint pos = 0; pos < tokens->len; pos++)
    {
      if (pos > 0)
        {
          guint gap_start = g_array_index (tokens, IcToken, pos - 1).end;
          guint gap_end = g_array_index (tokens, IcToken, pos).start;
          g_autofree char *gap = g_strndup (text + gap_start, gap_end - gap_start);

          if (strpbrk (gap, ".;:!?") != NULL)
            {
              sentence = pos;
              open = FALSE;
            }
        }
      if (!open && pos >= sentence + 2 && is_marker_at (self, tokens, pos))
        open = TRUE;
      in_clause[pos] = open;
    }
  return in_clause;
}

/* The terms that may start at @token, longest first. */
static GPtrArray *
candidates (IcThemeRules  *self,
            const IcToken *token)
{
  g_autofree char *exact_key = g_strconcat ("=", token->word, NULL);
  GPtrArray *by_stem = g_hash_table_lookup (self->by_first_stem, token->stem);
  GPtrArray *by_word = g_hash_table_lookup (self->by_first_stem, exact_key);
  GPtrArray *all = g_ptr_array_new ();

  if (by_word != NULL)
    {
      /* Exact terms go first so that, at equal length, they win. */
      g_ptr_array_extend (all, by_word, NULL, NULL);
      if (by_stem != NULL)
        g_ptr_array_extend (all, by_stem, NULL, NULL);
      g_ptr_array_sort (all, compare_length_desc);
    }
  else if (by_stem != NULL)
    g_ptr_array_extend (all, by_stem, NULL, NULL);
  return all;
}

/* Per theme, the longest term at a place wins and hides shorter terms of
 * that theme overlapping it. */
static GArray *
find_hits (IcThemeRules *self,
           GArray       *tokens)
{
  g_autofree guint *covered_to = g_new0 (guint, self->themes->len);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));

  for (guint pos = 0; pos < tokens->len; pos++)
    {
      g_autoptr(GPtrArray) bucket = candidates (self, &g_array_index (tokens, IcToken, pos));

      for (guint b = 0; b < bucket->len; b++)
        {
          const Term *term = g_ptr_array_index (bucket, b);
          Hit hit = { term, pos, pos + term->n_stems - 1 };

          if (covered_to[term->theme] > pos || !term_matches_at (term, tokens, pos))
            continue;
          covered_to[term->theme] = pos + term->n_stems;
          g_array_append_val (hits, hit);
        }
    }
  return hits;
}

static int
compare_match (gconstpointer a,
               gconstpointer b)
{
  const IcThemeMatch *ma = *(const IcThemeMatch **)a;
  const IcThemeMatch *mb = *(const IcThemeMatch **)b;

  if (ma->score != mb->score)
    return ma->score < mb->score ? 1 : -1;
  /* Equal scores: the taxonomy order decides, so results are stable. */
  return taxonomy_index (ma->theme) - taxonomy_index (mb->theme);
}

/* The weight a theme gets from one hit: a term counts once however
 * often it is repeated; earlier words weigh a little more, since items
 * usually name their subject first. */
static double
hit_weight (const Hit      *hit,
            const gboolean *in_clause)
{
  double early = 1.0 - MIN (hit->first, 20u) / 20.0;
  double weight = hit->term->weight * (1.0 + 0.25 * early);

  return in_clause[hit->first] ? weight * PURPOSE_FACTOR : weight;
}

static IcThemeMatch *
build_match (IcThemeRules *self,
             const char   *text,
             GArray       *tokens,
             GArray       *hits,
             const gboolean *in_clause,
             guint         theme)
{
  g_autoptr(GStrvBuilder) triggers = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  IcThemeMatch *match;
  double best = 0, rest = 0;
  guint n = 0;

  for (guint h = 0; h < hits->len; h++)
    {
      const Hit *hit = &g_array_index (hits, Hit, h);
      guint start = g_array_index (tokens, IcToken, hit->first).start;
      guint end = g_array_index (tokens, IcToken, hit->last).end;
      g_autofree char *words = NULL;
      double weight;

      if (hit->term->theme != theme || hit->term->weight <= 0)
        continue;
      words = g_strndup (text + start, end - start);
      g_strv_builder_add (triggers, words);
      g_strv_builder_add (terms, hit->term->display);
      n++;
      if (g_ptr_array_find_with_equal_func (seen, hit->term->display, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, hit->term->display);
      weight = hit_weight (hit, in_clause);
      rest += MIN (weight, best);
      best = MAX (weight, best);
    }

  if (n == 0)
    return NULL;

  match = g_new0 (IcThemeMatch, 1);
  match->theme = g_strdup (g_array_index (self->themes, Theme, theme).key);
  /* The best term names the subject; more terms of the same theme add
   * a little, so that long items repeating a side issue do not win. */
  match->score = best + REST_SHARE * rest;
  match->triggers = g_strv_builder_end (triggers);
  match->terms = g_strv_builder_end (terms);
  return match;
}

/**
 * ic_theme_rules_explain:
 *
 * Every theme whose terms occur in @text, best first, with the words that
 * triggered it.
 *
 * Returns: (transfer full) (element-type IcThemeMatch):
 */
GPtrArray *
ic_theme_rules_explain (IcThemeRules *self,
                        const char   *text)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree gboolean *in_clause = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (IC_IS_THEME_RULES (self), NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_theme_match_free);
  if (text == NULL)
    return matches;

  tokens = ic_words_tokenise (text);
  hits = find_hits (self, tokens);
  in_clause = find_clauses (self, text, tokens);
  for (guint t = 0; t < self->themes->len; t++)
    {
      IcThemeMatch *match = build_match (self, text, tokens, hits, in_clause, t);

      if (match != NULL)
        g_ptr_array_add (matches, match);
    }
  g_ptr_array_sort (matches, compare_match);
  return matches;
}

/**
 * ic_theme_rules_match:
 *
 * Returns: (transfer full): up to three theme keys, the main one first;
 *   empty when no term of any theme occurs in @text
 */
char **
ic_theme_rules_match (IcThemeRules *self,
                      const char   *text)
{
  g_autoptr(GPtrArray) matches = ic_theme_rules_explain (self, text);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  double top;

  if (matches->len == 0)
    return g_strv_builder_end (keys);

  top = ((IcThemeMatch *)g_ptr_array_index (matches, 0))->score;
  for (guint i = 0; i < matches->len && i < IC_MAX_THEMES; i++)
    {
      IcThemeMatch *match = g_ptr_array_index (matches, i);

      if (i > 0 && (match->score < top * SECONDARY_SHARE || match->score < SECONDARY_MIN))
        break;
      g_strv_builder_add (keys, match->theme);
    }
  return g_strv_builder_end (keys);
}

/**
 * ic_theme_rules_assign_report:
 *
 * Gives every improvement item of @report its themes. The rules are
 * immutable, so this may run in a loader's worker thread on a report no
 * other thread sees yet. @report is not yet published: a published one
 * refuses, as every change to its value goes through a draft.
 */
void
ic_theme_rules_assign_report (IcThemeRules *self,
                              IcReport     *report)
{
  GListModel *items;

  g_return_if_fail (IC_IS_THEME_RULES (self));
  g_return_if_fail (IC_IS_REPORT (report));

  items = ic_report_get_improvements (report);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      g_auto(GStrv) themes = ic_theme_rules_match (self, ic_improvement_get_text (item));

      _ic_report_set_item_themes (report, i, (const char * const *)themes);
    }
}
