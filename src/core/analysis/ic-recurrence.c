/* ic-recurrence.c: which improvement items raise again what an earlier
 * report of the same authority raised
 *
 * The features of item pairs that a learned model of recurrence was
 * fitted on (and not adopted) are measured apart, in ic-pair-features.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-recurrence"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ic-concepts.h"
#include "ic-recurrence-private.h"
#include "ic-words.h"
#include "ic-work-crew.h"

/* From this many reports on, their items' words and concepts are found
 * on a thread per core: below it, starting threads costs more. */
#define PARALLEL_FROM 64

struct _IcRecurrence
{
  gatomicrefcount  ref_count;
  char            *authority;
  char            *theme;
  IcItemRef        earlier;
  IcItemRef        later;
  double           similarity;
  gboolean         carried_forward;
  gboolean         user_linked;
  int              concept;  /* the shared concept that weighs most, or -1 */
};

G_DEFINE_BOXED_TYPE (IcItemRef, ic_item_ref, ic_item_ref_copy, ic_item_ref_free)
G_DEFINE_BOXED_TYPE (IcRecurrence, ic_recurrence, ic_recurrence_ref, ic_recurrence_unref)

IcItemRef *
ic_item_ref_new (IcReport *report,
                 guint     index)
{
  IcItemRef *ref = g_new0 (IcItemRef, 1);

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);

  ref->report = g_object_ref (report);
  ref->index = index;
  return ref;
}

IcItemRef *
ic_item_ref_copy (const IcItemRef *ref)
{
  return ic_item_ref_new (ref->report, ref->index);
}

void
ic_item_ref_free (IcItemRef *ref)
{
  if (ref == NULL)
    return;
  g_clear_object (&ref->report);
  g_free (ref);
}

/**
 * ic_item_ref_get_item:
 *
 * Returns: (transfer full) (nullable): the improvement item referred to
 */
IcImprovement *
ic_item_ref_get_item (const IcItemRef *ref)
{
  return g_list_model_get_item (ic_report_get_improvements (ref->report), ref->index);
}

IcRecurrence *
ic_recurrence_ref (IcRecurrence *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ic_recurrence_unref (IcRecurrence *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->authority);
  g_free (self->theme);
  g_clear_object (&self->earlier.report);
  g_clear_object (&self->later.report);
  g_free (self);
}

const char *
ic_recurrence_get_authority (IcRecurrence *self)
{
  return self->authority;
}

const char *
ic_recurrence_get_theme (IcRecurrence *self)
{
  return self->theme;
}

const IcItemRef *
ic_recurrence_get_earlier (IcRecurrence *self)
{
  return &self->earlier;
}

const IcItemRef *
ic_recurrence_get_later (IcRecurrence *self)
{
  return &self->later;
}

double
ic_recurrence_get_similarity (IcRecurrence *self)
{
  return self->similarity;
}

/* The concern the two items share, in words for people ("Management
 * oversight and supervision"), or NULL when only their words matched. */
const char *
ic_recurrence_get_concept_label (IcRecurrence *self)
{
  if (self->concept < 0)
    return NULL;
  return ic_concepts_get_label (ic_concepts_get_default (), self->concept);
}

/* Whether the later report carried the earlier item forward by saying
 * that earlier areas still apply; the later index is then meaningless. */
gboolean
ic_recurrence_get_carried_forward (IcRecurrence *self)
{
  return self->carried_forward;
}

/* Whether the user said the two items raise the same concern (a link
 * the method did not find, kept as a correction). */
gboolean
ic_recurrence_get_user_linked (IcRecurrence *self)
{
  return self->user_linked;
}

/* A carried-forward link is the report's own word that the area
 * remains, so it is close whatever its items' words; a link the user
 * made or confirmed is the user's, whatever its score. Each found link
 * has its own pair's score (the finder never links through a chain), so
 * no link is called close for a neighbour's score. */
IcRecurrenceMatch
ic_recurrence_get_match (IcRecurrence *self)
{
  if (self->user_linked)
    return IC_RECURRENCE_MATCH_USER;
  if (self->carried_forward || self->similarity >= IC_RECURRENCE_CLOSE)
    return IC_RECURRENCE_MATCH_CLOSE;
  return IC_RECURRENCE_MATCH_POSSIBLE;
}

gboolean
ic_recurrence_is_close (IcRecurrence *self)
{
  return ic_recurrence_get_match (self) == IC_RECURRENCE_MATCH_CLOSE;
}

/* Whether the link rests only on the method's word at a score where it
 * is right a little more than half the time: the user should check it. */
gboolean
ic_recurrence_is_possible (IcRecurrence *self)
{
  return ic_recurrence_get_match (self) == IC_RECURRENCE_MATCH_POSSIBLE;
}

/* The JSON's "match": "close", "possible" or "user". */
const char *
ic_recurrence_match_to_key (IcRecurrenceMatch match)
{
  switch (match)
    {
    case IC_RECURRENCE_MATCH_CLOSE:
      return "close";
    case IC_RECURRENCE_MATCH_USER:
      return "user";
    case IC_RECURRENCE_MATCH_POSSIBLE:
    default:
      return "possible";
    }
}

/**
 * ic_recurrences_raised_by_possible:
 * @recurrences: (element-type IcRecurrence): links among which to look
 *
 * Whether item @index of @report was raised again by possible matches
 * only: it is the later item of links, none of them close or the
 * user's (a carried-forward link has no later item). A later report's
 * close match to it does not make it close: each item's own links
 * decide, wherever a recurrence is shown.
 */
gboolean
ic_recurrences_raised_by_possible (GPtrArray *recurrences,
                                   IcReport  *report,
                                   guint      index)
{
  gboolean any = FALSE;

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (ic_recurrence_get_carried_forward (r) || !ic_item_ref_is (ic_recurrence_get_later (r), report, index))
        continue;
      if (!ic_recurrence_is_possible (r))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* ---- similarity ---- */

/* The distinct content words of a text, by stem, from its words. */
static GHashTable *
content_stems_of (GArray *tokens)
{
  GHashTable *stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *stem = g_array_index (tokens, IcToken, i).stem;

      if (strlen (stem) >= 2 && !ic_words_is_stop_stem (stem))
        g_hash_table_add (stems, g_strdup (stem));
    }
  return stems;
}

static GHashTable *
content_stems (const char *text)
{
  g_autoptr(GArray) tokens = ic_words_tokenise (text);

  return content_stems_of (tokens);
}

/* @idf maps a stem to its weight; NULL weighs every word 1. */
double
_ic_recurrence_word_weight (GHashTable *idf,
                            const char *stem)
{
  gpointer value;

  if (idf == NULL || !g_hash_table_lookup_extended (idf, stem, NULL, &value))
    return 1.0;
  return *(double *)value;
}

/* Cosine of two sets of stems; 0 when they share fewer than
 * IC_RECURRENCE_MIN_SHARED words, since one common word ("process",
 * "learning") is a coincidence, not substance. */
double
_ic_recurrence_cosine (GHashTable *a,
                       GHashTable *b,
                       GHashTable *idf,
                       guint       min_shared)
{
  GHashTableIter iter;
  gpointer stem;
  double dot = 0, norm_a = 0, norm_b = 0;
  guint shared = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    {
      double w = _ic_recurrence_word_weight (idf, stem);

      norm_a += w * w;
      if (g_hash_table_contains (b, stem))
        {
          dot += w * w;
          shared++;
        }
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    {
      double w = _ic_recurrence_word_weight (idf, stem);

      norm_b += w * w;
    }

  if (norm_a == 0 || norm_b == 0 || shared < min_shared)
    return 0;
  return dot / (sqrt (norm_a) * sqrt (norm_b));
}

double
ic_words_similarity (const char *a,
                    const char *b)
{
  g_autoptr(GHashTable) sa = content_stems (a);
  g_autoptr(GHashTable) sb = content_stems (b);

  return _ic_recurrence_cosine (sa, sb, NULL, IC_RECURRENCE_MIN_SHARED);
}

/* ---- finding ---- */

/* Concepts named only outside what both items ask for count this much. */
#define OFF_HEAD_FACTOR 0.6
/* The weight of the items' shared words (their cosine) in the score. */
#define WORDS_WEIGHT 0.6
/* An item that says it was raised at the last inspection needs less in
 * common with that inspection's items. */
#define SAID_REPEATED_BONUS 0.15

/* Whether @text matches @pattern, compiled once into @cache. */
gboolean
_ic_recurrence_matches (const char *pattern,
                        GRegex    **cache,
                        const char *text)
{
  if (g_once_init_enter (cache))
    g_once_init_leave (cache, g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (*cache, text, 0, NULL);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->report);
  g_ptr_array_unref (entry->items);
  g_ptr_array_unref (entry->stems);
  g_ptr_array_unref (entry->concepts);
  g_free (entry);
}

static Entry *
entry_new (IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);
  IcConcepts *concepts = ic_concepts_get_default ();
  Entry *entry = g_new0 (Entry, 1);

  entry->report = g_object_ref (report);
  entry->items = g_ptr_array_new_with_free_func (g_object_unref);
  entry->stems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  entry->concepts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      IcImprovement *item = g_list_model_get_item (items, i);
      const char *text = ic_improvement_get_text (item);
      /* One reading of the words serves both measures. */
      g_autoptr(GArray) tokens = ic_words_tokenise (text);

      g_ptr_array_add (entry->items, item);
      g_ptr_array_add (entry->stems, content_stems_of (tokens));
      g_ptr_array_add (entry->concepts, ic_concepts_match_tokens (concepts, text, tokens));
    }
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **)a;
  const Entry *eb = *(const Entry **)b;

  return ic_report_compare (ea->report, eb->report);
}

/* The theme both items have, the later item's order first; else the
 * later item's main theme. */
static const char *
shared_theme (IcImprovement *earlier,
              IcImprovement *later)
{
  for (const char * const *t = ic_improvement_get_themes (later); *t != NULL; t++)
    if (ic_improvement_has_theme (earlier, *t))
      return *t;
  return ic_improvement_get_main_theme (later);
}

static IcRecurrence *
recurrence_new (Entry      *earlier,
                guint       earlier_index,
                Entry      *later,
                guint       later_index,
                const char *theme,
                double      similarity)
{
  IcRecurrence *self = g_new0 (IcRecurrence, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->authority = g_strdup (ic_report_get_authority (later->report));
  self->theme = g_strdup (theme);
  self->earlier.report = g_object_ref (earlier->report);
  self->earlier.index = earlier_index;
  self->later.report = g_object_ref (later->report);
  self->later.index = later_index;
  self->similarity = similarity;
  self->concept = -1;
  return self;
}

/* Whether the items name, in what they ask for, cohorts of children and
 * none in common: care plans of children in care and child protection
 * plans are about different children. */
gboolean
_ic_recurrence_other_cohorts (GArray *a,
                              GArray *b)
{
  IcConcepts *concepts = ic_concepts_get_default ();
  gboolean cohort_a = FALSE, cohort_b = FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const IcConceptHit *x = &g_array_index (a, IcConceptHit, i);

      if (!x->in_head || !ic_concepts_is_cohort (concepts, x->concept))
        continue;
      cohort_a = TRUE;
      for (guint j = 0; j < b->len; j++)
        {
          const IcConceptHit *y = &g_array_index (b, IcConceptHit, j);

          if (y->in_head && y->concept == x->concept)
            return FALSE;
        }
    }
  for (guint j = 0; j < b->len; j++)
    {
      const IcConceptHit *y = &g_array_index (b, IcConceptHit, j);

      cohort_b |= y->in_head && ic_concepts_is_cohort (concepts, y->concept);
    }
  return cohort_a && cohort_b;
}

/* How strongly two items raise the same concern: the weights of the
 * concepts they share, and their shared words; nothing when they are
 * about different cohorts of children. @best_concept: the shared
 * concept that weighs most, or -1. */
double
_ic_recurrence_concern_score (GArray     *earlier_concepts,
                              GArray     *later_concepts,
                              GHashTable *earlier_stems,
                              GHashTable *later_stems,
                              int        *best_concept)
{
  IcConcepts *concepts = ic_concepts_get_default ();
  double score = 0, best = 0;

  *best_concept = -1;
  if (_ic_recurrence_other_cohorts (earlier_concepts, later_concepts))
    return 0;
  for (guint i = 0; i < earlier_concepts->len; i++)
    {
      const IcConceptHit *a = &g_array_index (earlier_concepts, IcConceptHit, i);

      for (guint j = 0; j < later_concepts->len; j++)
        {
          const IcConceptHit *b = &g_array_index (later_concepts, IcConceptHit, j);
          double w;

          if (a->concept != b->concept || ic_concepts_is_cohort (concepts, a->concept))
            continue;
          w = ic_concepts_get_weight (concepts, a->concept) *
              (a->in_head && b->in_head ? 1.0 : OFF_HEAD_FACTOR);
          score += w;
          if (w > best)
            {
              best = w;
              *best_concept = a->concept;
            }
        }
    }
  return score + WORDS_WEIGHT * _ic_recurrence_cosine (earlier_stems, later_stems, NULL, IC_RECURRENCE_MIN_SHARED);
}

/* "This was a recommendation at the last inspection.": the item says
 * itself that it repeats the previous inspection. */
gboolean
_ic_recurrence_says_repeated (const char *text)
{
  static GRegex *re;

  return _ic_recurrence_matches ("\\b(?:was|were|is|remains?)\\s+(?:a|an|the)?\\s*"
                  "(?:recommendation|area|areas|priority)[^.]{0,60}"
                  "\\b(?:last|previous)\\s+inspection", &re, text);
}

/* Items for the safeguarding board and items for the local authority are
 * told to different bodies: one does not repeat the other. */
gboolean
_ic_recurrence_same_addressee (IcImprovement *a,
                               IcImprovement *b)
{
  return (ic_improvement_get_scope (a) == IC_SCOPE_LSCB) ==
         (ic_improvement_get_scope (b) == IC_SCOPE_LSCB);
}

/* What item @index of @later gains towards every item of @earlier:
 * SAID_REPEATED_BONUS when it says it repeats the last inspection and
 * @earlier is that inspection (@previous), else nothing. */
double
_ic_recurrence_repeat_bonus (Entry    *later,
                             guint     index,
                             gboolean  previous)
{
  IcImprovement *item = g_ptr_array_index (later->items, index);

  return previous && _ic_recurrence_says_repeated (ic_improvement_get_text (item)) ? SAID_REPEATED_BONUS : 0;
}

/* The score the finder links two items by, against
 * IC_RECURRENCE_THRESHOLD: their concern score plus @bonus (from
 * _ic_recurrence_repeat_bonus()); 0 for items told to different bodies.
 * @concept: the shared concept that weighs most, or -1. */
double
_ic_recurrence_pair_score (Entry *earlier,
                           guint  earlier_index,
                           Entry *later,
                           guint  later_index,
                           double bonus,
                           int   *concept)
{
  *concept = -1;
  if (!_ic_recurrence_same_addressee (g_ptr_array_index (earlier->items, earlier_index),
                                      g_ptr_array_index (later->items, later_index)))
    return 0;
  return _ic_recurrence_concern_score (g_ptr_array_index (earlier->concepts, earlier_index),
                                       g_ptr_array_index (later->concepts, later_index),
                                       g_ptr_array_index (earlier->stems, earlier_index),
                                       g_ptr_array_index (later->stems, later_index), concept) + bonus;
}

/* Every item of @earlier that the later item raises again. @previous:
 * @earlier is the last graded inspection before @later. */
static void
match_in_report (Entry     *earlier,
                 Entry     *later,
                 guint      index,
                 gboolean   previous,
                 GPtrArray *out)
{
  IcImprovement *item = g_ptr_array_index (later->items, index);
  double bonus = _ic_recurrence_repeat_bonus (later, index, previous);

  for (guint i = 0; i < earlier->items->len; i++)
    {
      IcImprovement *before = g_ptr_array_index (earlier->items, i);
      IcRecurrence *found;
      int concept;
      double score = _ic_recurrence_pair_score (earlier, i, later, index, bonus, &concept);

      if (score < IC_RECURRENCE_THRESHOLD)
        continue;
      found = recurrence_new (earlier, i, later, index, shared_theme (before, item), score);
      found->concept = concept;
      g_ptr_array_add (out, found);
    }
}

gboolean
_ic_recurrence_same_authority_earlier (Entry *earlier,
                                       Entry *later)
{
  const GDate *de = ic_report_get_sort_date (earlier->report);
  const GDate *dl = ic_report_get_sort_date (later->report);

  return g_strcmp0 (ic_report_get_authority (earlier->report),
                    ic_report_get_authority (later->report)) == 0 &&
         de != NULL && dl != NULL && g_date_compare (de, dl) < 0;
}

gboolean
_ic_recurrence_is_graded_inspection (Entry *entry)
{
  return ic_inspection_type_is_graded (ic_report_get_inspection_type (entry->report));
}

/* The last graded inspection of the authority before @later_pos. */
Entry *
_ic_recurrence_previous_inspection (GPtrArray *entries,
                                    guint      later_pos)
{
  Entry *later = g_ptr_array_index (entries, later_pos);

  for (guint e = later_pos; e-- > 0;)
    {
      Entry *earlier = g_ptr_array_index (entries, e);

      if (_ic_recurrence_same_authority_earlier (earlier, later) && _ic_recurrence_is_graded_inspection (earlier))
        return earlier;
    }
  return NULL;
}

/* The month and year a note names the earlier report by ("set at the
 * focused visit in June 2021"): the authority's last report with items
 * whose fieldwork started or ended in that month, or NULL. */
static Entry *
named_report (GPtrArray  *entries,
              guint       later_pos,
              const char *note)
{
  static const char *months[] = { "january", "february", "march", "april", "may", "june", "july",
                                  "august", "september", "october", "november", "december" };
  static GRegex *re;
  Entry *later = g_ptr_array_index (entries, later_pos);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *month_name = NULL;
  g_autofree char *year_text = NULL;
  guint month = 0, year;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("\\b(January|February|March|April|May|June|July|August|September|"
                                         "October|November|December)\\s+((?:19|20)\\d\\d)\\b",
                                         G_REGEX_CASELESS, 0, NULL));
  if (!g_regex_match (re, note, 0, &match))
    return NULL;
  month_name = g_match_info_fetch (match, 1);
  year_text = g_match_info_fetch (match, 2);
  year = (guint) g_ascii_strtoull (year_text, NULL, 10);
  while (month < G_N_ELEMENTS (months) && g_ascii_strcasecmp (months[month], month_name) != 0)
    month++;
  for (guint e = later_pos; e-- > 0;)
    {
      Entry *earlier = g_ptr_array_index (entries, e);
      const GDate *dates[] = { ic_report_get_start_date (earlier->report), ic_report_get_end_date (earlier->report) };

      if (!_ic_recurrence_same_authority_earlier (earlier, later) || earlier->items->len == 0)
        continue;
      for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
        if (dates[d] != NULL && g_date_valid (dates[d]) && g_date_get_year (dates[d]) == year &&
            g_date_get_month (dates[d]) == month + 1)
          return earlier;
    }
  return NULL;
}

/* "The areas for priority action set at the last focused visit remain.":
 * the earlier report the note points to (the one it names by its month,
 * or the last focused or monitoring visit, the last inspection, or else
 * the last report with items), or NULL when the note does not carry
 * areas forward. */
static Entry *
carried_from (GPtrArray *entries,
              guint      later_pos)
{
  static GRegex *carries, *visit, *inspection;
  Entry *later = g_ptr_array_index (entries, later_pos);
  const char *note = ic_report_get_improvement_note (later->report);
  gboolean want_visit, want_inspection;
  Entry *named;

  if (g_once_init_enter (&carries))
    {
      visit = g_regex_new ("\\b(?:focused|monitoring)\\s+visit", G_REGEX_CASELESS, 0, NULL);
      inspection = g_regex_new ("\\binspection\\b", G_REGEX_CASELESS, 0, NULL);
      /* As the parser's refers_back(): a statement about earlier areas,
       * not a note of prose that happens to say "remain". */
      g_once_init_leave (&carries, g_regex_new ("\\b(?:areas?|recommendations?|priority actions?)\\b.*"
                                                "\\b(?:last|previous|earlier|(?:focused|monitoring) visit|inspection)\\b.*"
                                                "\\b(?:remain|remains|still apply|continue to apply|still require|"
                                                "continue to require|are still)\\b",
                                                G_REGEX_CASELESS | G_REGEX_DOTALL, 0, NULL));
    }
  if (note == NULL || !g_regex_match (carries, note, 0, NULL))
    return NULL;
  if ((named = named_report (entries, later_pos, note)) != NULL)
    return named;
  want_visit = g_regex_match (visit, note, 0, NULL);
  want_inspection = !want_visit && g_regex_match (inspection, note, 0, NULL);

  for (guint e = later_pos; e-- > 0;)
    {
      Entry *earlier = g_ptr_array_index (entries, e);
      IcInspectionType type = ic_report_get_inspection_type (earlier->report);

      if (!_ic_recurrence_same_authority_earlier (earlier, later) || earlier->items->len == 0)
        continue;
      if (want_visit && type != IC_INSPECTION_TYPE_FOCUSED_VISIT && type != IC_INSPECTION_TYPE_MONITORING_VISIT)
        continue;
      if (want_inspection && !_ic_recurrence_is_graded_inspection (earlier))
        continue;
      return earlier;
    }
  return NULL;
}

/* Whether the user said that @later's statement does not carry item
 * @index of @earlier forward ("carried ID M different"), or carries
 * nothing forward ("carried none"). */
static gboolean
carried_unlinked (Entry *later,
                  Entry *earlier,
                  guint  index)
{
  const char * const *links = ic_report_get_recurrence_links (later->report);
  const char *earlier_id = ic_report_get_content_id (earlier->report);
  g_autofree char *unlinked = g_strdup_printf ("carried %s %u different", earlier_id ? earlier_id : "", index);

  return g_strv_contains (links, "carried none") || (earlier_id != NULL && g_strv_contains (links, unlinked));
}

static void
add_carried_forward (GPtrArray *entries,
                     guint      later_pos,
                     GPtrArray *out)
{
  Entry *later = g_ptr_array_index (entries, later_pos);
  Entry *earlier = carried_from (entries, later_pos);

  for (guint i = 0; earlier != NULL && i < earlier->items->len; i++)
    {
      IcImprovement *item = g_ptr_array_index (earlier->items, i);
      IcRecurrence *found;

      if (carried_unlinked (later, earlier, i))
        continue;
      found = recurrence_new (earlier, i, later, 0, ic_improvement_get_main_theme (item), 1.0);

      found->carried_forward = TRUE;
      g_ptr_array_add (out, found);
    }
}

/* ---- the user's corrections ---- */

static Entry *
entry_with_content (GPtrArray  *entries,
                    const char *content_id)
{
  for (guint e = 0; e < entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (entries, e);

      if (g_strcmp0 (ic_report_get_content_id (entry->report), content_id) == 0)
        return entry;
    }
  return NULL;
}

/* The link found between item @later_index of @later and item
 * @earlier_index of the report with @earlier_id, among out[from…]. */
static guint
find_link (GPtrArray  *out,
           guint       from,
           Entry      *later,
           guint       later_index,
           const char *earlier_id,
           guint       earlier_index)
{
  for (guint i = from; i < out->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (out, i);

      if (!r->carried_forward && ic_item_ref_is (&r->later, later->report, later_index) &&
          r->earlier.index == earlier_index &&
          g_strcmp0 (ic_report_get_content_id (r->earlier.report), earlier_id) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* "2 abc123 0 different" unlinks item 2 of @later from item 0 of report
 * abc123, "… same" links them: the user's word over the method's. A link
 * to a report that is not loaded, not an earlier one of the authority, or
 * to an item it does not have, is kept in the corrections but does
 * nothing here. */
static void
apply_link_corrections (GPtrArray *entries,
                        Entry     *later,
                        guint      from,
                        GPtrArray *out)
{
  const char * const *links = ic_report_get_recurrence_links (later->report);

  for (guint i = 0; links[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (links[i], " ", -1);
      guint later_index, earlier_index, found;
      Entry *earlier;

      /* Carried-forward links were corrected as they were found. */
      if (g_strv_length (f) != 4 || g_str_equal (f[0], "carried"))
        continue;
      later_index = (guint)g_ascii_strtoull (f[0], NULL, 10);
      earlier_index = (guint)g_ascii_strtoull (f[2], NULL, 10);
      found = find_link (out, from, later, later_index, f[1], earlier_index);
      if (g_str_equal (f[3], "different"))
        {
          if (found != G_MAXUINT)
            g_ptr_array_remove_index (out, found);
          continue;
        }
      /* The method's link confirmed by the user is the user's too: it
       * stays whatever the method finds later, and says so. */
      if (found != G_MAXUINT)
        {
          ((IcRecurrence *)g_ptr_array_index (out, found))->user_linked = TRUE;
          continue;
        }
      earlier = entry_with_content (entries, f[1]);
      if (earlier == NULL || !_ic_recurrence_same_authority_earlier (earlier, later) ||
          earlier_index >= earlier->items->len || later_index >= later->items->len)
        continue;
      found = out->len;
      g_ptr_array_add (out, recurrence_new (earlier, earlier_index, later, later_index,
                                            shared_theme (g_ptr_array_index (earlier->items, earlier_index),
                                                          g_ptr_array_index (later->items, later_index)),
                                            1.0));
      ((IcRecurrence *)g_ptr_array_index (out, found))->user_linked = TRUE;
    }
}

/* Each later item links to every earlier item of the authority that
 * raised the same concern, so that an area raised three times gives
 * three pairs. */
static void
find_for_report (GPtrArray *entries,
                 guint      later_pos,
                 GPtrArray *out)
{
  Entry *later = g_ptr_array_index (entries, later_pos);
  Entry *previous = _ic_recurrence_previous_inspection (entries, later_pos);
  guint from = out->len;

  for (guint e = 0; e < later_pos; e++)
    {
      Entry *earlier = g_ptr_array_index (entries, e);

      if (!_ic_recurrence_same_authority_earlier (earlier, later))
        continue;
      for (guint index = 0; index < later->items->len; index++)
        match_in_report (earlier, later, index, earlier == previous, out);
    }
  add_carried_forward (entries, later_pos, out);
  apply_link_corrections (entries, later, from, out);
}

static void
fill_entry (gpointer slot,
            gpointer data)
{
  gpointer *place = slot;
  g_autoptr(IcReport) report = *place;

  *place = entry_new (report);
}

/* The entries of the reports that have an authority and a date, sorted
 * by authority and date. Each report is read by one thread only (a
 * report's list of items is not safe to read from two at once). */
GPtrArray *
_ic_recurrence_entries_new (GListModel *reports)
{
  guint n = g_list_model_get_n_items (reports);
  g_autofree gpointer *slots = g_new0 (gpointer, n);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (ic_report_get_authority (report) == NULL || ic_report_get_sort_date (report) == NULL)
        continue;
      slots[items->len] = g_steal_pointer (&report);
      g_ptr_array_add (items, &slots[items->len]);
    }
  if (items->len >= PARALLEL_FROM)
    ic_work_crew_run (items, fill_entry, NULL, FALSE);
  else
    g_ptr_array_foreach (items, fill_entry, NULL);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (entries, slots[i]);
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/**
 * ic_find_recurrences:
 * @reports: a list model of #IcReport with themes assigned
 *
 * Each authority's recurrences depend on its own reports only: no weight
 * comes from what else is loaded.
 *
 * Returns: (transfer full) (element-type IcRecurrence): recurrences by
 *   authority, then by the later report's date
 */
GPtrArray *
ic_find_recurrences (GListModel *reports)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_recurrence_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), out);

  entries = _ic_recurrence_entries_new (reports);
  for (guint e = 1; e < entries->len; e++)
    find_for_report (entries, e, out);
  return out;
}

static void
add_ref (JsonBuilder     *builder,
         const char      *name,
         const IcItemRef *ref,
         gboolean         no_item)
{
  g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (ref->report));
  g_autofree char *source = ic_path_to_utf8 (ic_report_get_source (ref->report));

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "end_date");
  if (end != NULL)
    json_builder_add_string_value (builder, end);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "index");
  if (no_item)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, ref->index);
  json_builder_end_object (builder);
}

/**
 * ic_recurrences_to_json:
 * @recurrences: (element-type IcRecurrence):
 *
 * Returns: (transfer full): the `recurrences` array of the JSON export, for
 *   ic_json_document_new()
 */
JsonNode *
ic_recurrences_to_json (GPtrArray *recurrences)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *self = g_ptr_array_index (recurrences, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "authority");
      json_builder_add_string_value (builder, self->authority);
      json_builder_set_member_name (builder, "theme");
      json_builder_add_string_value (builder, self->theme);
      add_ref (builder, "earlier", &self->earlier, FALSE);
      add_ref (builder, "later", &self->later, self->carried_forward);
      if (self->carried_forward)
        {
          json_builder_set_member_name (builder, "carried_forward");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (self->user_linked)
        {
          json_builder_set_member_name (builder, "corrected");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_set_member_name (builder, "match");
      json_builder_add_string_value (builder, ic_recurrence_match_to_key (ic_recurrence_get_match (self)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
ref_key (const IcItemRef *ref)
{
  return g_strdup_printf ("%p:%u", (gpointer)ref->report, ref->index);
}

/* The chain an item belongs to, following merges (union-find). */
static guint
chain_root (GArray *parent,
            guint   i)
{
  while (g_array_index (parent, guint, i) != i)
    i = g_array_index (parent, guint, i) = g_array_index (parent, guint, g_array_index (parent, guint, i));
  return i;
}

static guint
item_slot (GHashTable      *slots,
           GPtrArray       *refs,
           GArray          *parent,
           const IcItemRef *ref)
{
  g_autofree char *key = ref_key (ref);
  gpointer value;
  guint slot;

  if (g_hash_table_lookup_extended (slots, key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  slot = refs->len;
  g_ptr_array_add (refs, (gpointer)ref);
  g_array_append_val (parent, slot);
  g_hash_table_insert (slots, g_steal_pointer (&key), GUINT_TO_POINTER (slot));
  return slot;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const IcItemRef *ra = *(const IcItemRef **)a;
  const IcItemRef *rb = *(const IcItemRef **)b;
  int by_report = ra->report == rb->report ? 0 : ic_report_compare (ra->report, rb->report);

  return by_report != 0 ? by_report : (int)ra->index - (int)rb->index;
}

/**
 * ic_recurrence_chains:
 * @recurrences: (element-type IcRecurrence): from ic_find_recurrences()
 *
 * Groups links into chains: the items linked to each other, directly or
 * through other items, each once, the first raising first.
 *
 * Returns: (transfer full) (element-type GPtrArray): each chain a
 *   #GPtrArray of #IcItemRef
 */
GPtrArray *
ic_recurrence_chains (GPtrArray *recurrences)
{
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(GArray) parent = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) by_root = g_hash_table_new (g_direct_hash, g_direct_equal);
  GPtrArray *chains = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *self = g_ptr_array_index (recurrences, i);
      guint a = item_slot (slots, refs, parent, &self->earlier);
      guint b;

      /* A carried-forward link has no later item to chain. */
      if (self->carried_forward)
        continue;
      b = item_slot (slots, refs, parent, &self->later);
      g_array_index (parent, guint, chain_root (parent, b)) = chain_root (parent, a);
    }

  for (guint i = 0; i < refs->len; i++)
    {
      guint root = chain_root (parent, i);
      GPtrArray *chain = g_hash_table_lookup (by_root, GUINT_TO_POINTER (root + 1));

      if (chain == NULL)
        {
          chain = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_item_ref_free);
          g_hash_table_insert (by_root, GUINT_TO_POINTER (root + 1), chain);
          g_ptr_array_add (chains, chain);
        }
      g_ptr_array_add (chain, ic_item_ref_copy (g_ptr_array_index (refs, i)));
    }
  for (guint i = 0; i < chains->len; i++)
    g_ptr_array_sort (g_ptr_array_index (chains, i), compare_refs);
  return chains;
}

static const GPtrArray *
chain_of (GPtrArray *chains,
          IcReport  *report,
          guint      index)
{
  for (guint c = 0; c < chains->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);

      for (guint i = 0; i < chain->len; i++)
        {
          const IcItemRef *ref = g_ptr_array_index (chain, i);

          if (ic_item_ref_is (ref, report, index))
            return chain;
        }
    }
  return NULL;
}

/**
 * ic_recurrence_times_raised:
 * @chains: (element-type GPtrArray): from ic_recurrence_chains()
 * @report: the report of the item
 * @index: the item's index in @report
 *
 * How many times the item's area had been raised by @report, this time
 * included: the distinct dates of the reports in its chain up to
 * @report's. Two reports of one day count once. For a timeline mark
 * ("raised 3 times").
 *
 * Returns: 1 for an item in no chain, else at least 1
 */
guint
ic_recurrence_times_raised (GPtrArray *chains,
                            IcReport  *report,
                            guint      index)
{
  const GPtrArray *chain = chain_of (chains, report, index);
  const GDate *until = ic_report_get_sort_date (report);
  const GDate *last = NULL;
  guint n = 0;

  if (chain == NULL || until == NULL)
    return 1;
  /* The chain is sorted by report, so equal dates are neighbours. */
  for (guint i = 0; i < chain->len; i++)
    {
      const GDate *date = ic_report_get_sort_date (((const IcItemRef *)g_ptr_array_index (chain, i))->report);

      if (date == NULL || g_date_compare (date, until) > 0)
        continue;
      if (last == NULL || g_date_compare (date, last) != 0)
        n++;
      last = date;
    }
  return MAX (n, 1);
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint ja = *(const guint *)a, jb = *(const guint *)b;

  return (ja > jb) - (ja < jb);
}

/* The distinct dates of @chain's reports, in order, as Julian days. */
static GArray *
chain_days (GPtrArray *chain)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  for (guint i = 0; i < chain->len; i++)
    {
      const GDate *date = ic_report_get_sort_date (((IcItemRef *)g_ptr_array_index (chain, i))->report);
      guint day = date ? g_date_get_julian (date) : 0;

      if (date != NULL)
        g_array_append_val (days, day);
    }
  g_array_sort (days, compare_julian);
  for (guint i = 0; i < days->len; i++)
    if (n == 0 || g_array_index (days, guint, i) != g_array_index (days, guint, n - 1))
      g_array_index (days, guint, n++) = g_array_index (days, guint, i);
  g_array_set_size (days, n);
  return days;
}

/**
 * ic_recurrence_times_index:
 * @chains: (element-type GPtrArray): from ic_recurrence_chains()
 *
 * ic_recurrence_times_raised() of every item of @chains at once, for
 * ic_recurrence_times_lookup(): asking per item searches every chain,
 * which a national archive's thousands of items make slow.
 *
 * Returns: (transfer full): an index of the counts
 */
GHashTable *
ic_recurrence_times_index (GPtrArray *chains)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < chains->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);
      g_autoptr(GArray) days = chain_days (chain);

      for (guint i = 0; i < chain->len; i++)
        {
          const IcItemRef *ref = g_ptr_array_index (chain, i);
          const GDate *date = ic_report_get_sort_date (ref->report);
          guint rank = 0;

          while (date != NULL && rank < days->len && g_array_index (days, guint, rank) <= g_date_get_julian (date))
            rank++;
          g_hash_table_insert (times, ref_key (ref), GUINT_TO_POINTER (MAX (rank, 1)));
        }
    }
  return times;
}

/**
 * ic_recurrence_times_lookup:
 * @times: from ic_recurrence_times_index()
 *
 * Returns: ic_recurrence_times_raised() of item @index of @report: 1
 *   for an item in no chain
 */
guint
ic_recurrence_times_lookup (GHashTable *times,
                            IcReport   *report,
                            guint       index)
{
  IcItemRef ref = { report, index };
  g_autofree char *key = ref_key (&ref);

  return MAX (GPOINTER_TO_UINT (g_hash_table_lookup (times, key)), 1);
}

/**
 * ic_recurrence_first_years_index:
 * @chains: (element-type GPtrArray): from ic_recurrence_chains()
 *
 * The year each item's chain was first raised in, for
 * ic_recurrence_first_year_lookup(): the first of the times
 * ic_recurrence_times_index() counts, which the item's own links may
 * not reach (an item linked only to the 2019 one of a 2015, 2019, 2022
 * chain was still first raised in 2015).
 *
 * Returns: (transfer full): an index of the years
 */
GHashTable *
ic_recurrence_first_years_index (GPtrArray *chains)
{
  GHashTable *years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < chains->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);
      g_autoptr(GArray) days = chain_days (chain);
      GDate first;

      if (days->len == 0)
        continue;
      g_date_set_julian (&first, g_array_index (days, guint, 0));
      for (guint i = 0; i < chain->len; i++)
        g_hash_table_insert (years, ref_key (g_ptr_array_index (chain, i)),
                             GUINT_TO_POINTER ((guint) g_date_get_year (&first)));
    }
  return years;
}

/**
 * ic_recurrence_first_year_lookup:
 * @years: from ic_recurrence_first_years_index()
 *
 * Returns: the year item @index of @report's chain was first raised in,
 *   0 for an item in no chain
 */
guint
ic_recurrence_first_year_lookup (GHashTable *years,
                                 IcReport   *report,
                                 guint       index)
{
  IcItemRef ref = { report, index };
  g_autofree char *key = ref_key (&ref);

  return GPOINTER_TO_UINT (g_hash_table_lookup (years, key));
}

/**
 * ic_recurrences_link_items:
 * @recurrences: (nullable) (element-type IcRecurrence): the links found
 *
 * Carried-forward links do not count: a statement that earlier areas
 * remain is linked one item at a time by the user, not as a pair.
 *
 * Returns: whether item @index of @report is linked to item
 *   @earlier_index of @earlier by one of @recurrences
 */
gboolean
ic_recurrences_link_items (GPtrArray *recurrences,
                           IcReport  *report,
                           guint      index,
                           IcReport  *earlier,
                           guint      earlier_index)
{
  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (!ic_recurrence_get_carried_forward (r) && ic_item_ref_is (ic_recurrence_get_later (r), report, index) &&
          ic_item_ref_is (ic_recurrence_get_earlier (r), earlier, earlier_index))
        return TRUE;
    }
  return FALSE;
}
