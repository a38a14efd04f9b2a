/* ic-pair-features.c: the features of every item pair the recurrence
 * finder weighs, for fitting a model of recurrence
 *
 * A research harness, not the app's path: test-recurrence-labels writes
 * these features (IC_RECURRENCE_FEATURES_TSV) for
 * tests/recurrence-labels/fit-model.py, which measured a learned pair
 * model against the finder in the fifth and sixth rounds
 * (tests/recurrence-labels/README.md); neither was adopted. The pairs
 * are weighed as ic-recurrence.c weighs them, through what
 * ic-recurrence-private.h shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pair-features"

#include "config.h"

#include <math.h>

#include "ic-pair-features.h"
#include "ic-recurrence-private.h"

/* The names the features file and fit-model.py give the features, in
 * IcPairFeature order. */
static const char *feature_names[IC_PAIR_N_FEATURES] = {
  "concern_score",
  "score_above_threshold",
  "word_cosine",
  "word_coverage",
  "shared_concepts",
  "shared_in_both_heads",
  "unshared_concepts",
  "weight_in_both_heads",
  "weight_in_one_head",
  "weight_in_no_head",
  "top_concept_weight",
  "earlier_length",
  "later_length",
  "timeliness_differs",
  "quality_differs",
  "years_apart",
  "previous_report",
  "earlier_graded",
  "later_graded",
  "says_repeated",
  "other_cohorts",
  "best_for_later",
  "best_in_report",
  "best_for_earlier",
  "mutual_best",
  "gap_for_later",
  "gap_in_report",
  "gap_for_earlier",
  "later_best_score",
  "root_coverage",
  "root_rarity_cosine",
  "shared_rare_roots",
  "chain_support",
};

const char *
ic_pair_feature_name (IcPairFeature feature)
{
  g_return_val_if_fail (feature < IC_PAIR_N_FEATURES, NULL);
  return feature_names[feature];
}

/* What the pair features read of one item alone. */
typedef struct
{
  gboolean timeliness;  /* names timeliness or delay */
  gboolean quality;     /* names quality */
  gboolean repeated;    /* says it was raised at the last inspection */
  double   length;      /* log (1 + its content words) */
} ItemTraits;

/* What the features read of one report's items besides their stems and
 * concepts, parallel to its Entry's items: the finder reads neither. */
typedef struct
{
  GArray    *traits;  /* of ItemTraits */
  GPtrArray *roots;   /* of GHashTable, the item's word_roots() */
} Reading;

/* Words too common in improvement items to say anything of a pair. */
static const char *root_stop_words[] = {
  "the", "and", "for", "with", "are", "that", "this", "its", "from", "their", "they", "all", "when",
  "which", "has", "have", "been", "not", "more", "than", "where", "who", "children", "young",
  "people", "child", "ensure", "improve", "improvement", "improving", "should", "including", NULL
};

/* The distinct roots of a text's words: the first six letters of each
 * word of three letters or more, common words left out. Cruder than
 * stems, and better at telling labelled pairs apart: it joins "permanence"
 * and "permanent", "assess" and "assessment". */
static GHashTable *
word_roots (const char *text)
{
  GHashTable *roots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;

      while (*p != '\0' && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (g_ascii_isalpha (*p))
        p++;
      word = g_ascii_strdown (start, p - start);
      if (p - start > 2 && !g_strv_contains (root_stop_words, word))
        g_hash_table_add (roots, g_strndup (word, 6));
    }
  return roots;
}

static ItemTraits
item_traits (const char *text,
             GHashTable *stems)
{
  static GRegex *timeliness, *quality;
  ItemTraits traits;

  traits.timeliness = _ic_recurrence_matches ("\\b(timel|delay|prompt|timescale|pace|swift|quick)",
                                              &timeliness, text);
  traits.quality = _ic_recurrence_matches ("\\bquality\\b", &quality, text);
  traits.repeated = _ic_recurrence_says_repeated (text);
  traits.length = log1p (g_hash_table_size (stems));
  return traits;
}

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_array_unref (reading->traits);
  g_ptr_array_unref (reading->roots);
  g_free (reading);
}

static Reading *
reading_new (Entry *entry)
{
  Reading *reading = g_new0 (Reading, 1);

  reading->traits = g_array_new (FALSE, FALSE, sizeof (ItemTraits));
  reading->roots = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  for (guint i = 0; i < entry->items->len; i++)
    {
      const char *text = ic_improvement_get_text (g_ptr_array_index (entry->items, i));
      ItemTraits traits = item_traits (text, g_ptr_array_index (entry->stems, i));

      g_array_append_val (reading->traits, traits);
      g_ptr_array_add (reading->roots, word_roots (text));
    }
  return reading;
}

/* A Reading of each of @entries, in their order. */
static GPtrArray *
readings_new (GPtrArray *entries)
{
  GPtrArray *readings = g_ptr_array_new_with_free_func (reading_free);

  for (guint e = 0; e < entries->len; e++)
    g_ptr_array_add (readings, reading_new (g_ptr_array_index (entries, e)));
  return readings;
}

/* How much of the shorter item's content words the other item has too:
 * a short item ("The quality of assessments.") is wholly inside a long
 * one that raises it again. */
static double
word_coverage (GHashTable *a,
               GHashTable *b)
{
  GHashTable *small = g_hash_table_size (a) <= g_hash_table_size (b) ? a : b;
  GHashTable *large = small == a ? b : a;
  GHashTableIter iter;
  gpointer stem;
  guint shared = 0;

  if (g_hash_table_size (small) == 0)
    return 0;
  g_hash_table_iter_init (&iter, small);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    shared += g_hash_table_contains (large, stem);
  return (double)shared / g_hash_table_size (small);
}

static const IcConceptHit *
hit_of (GArray *hits,
        guint   concept)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, IcConceptHit, i).concept == concept)
      return &g_array_index (hits, IcConceptHit, i);
  return NULL;
}

/* The concepts the items share, by where each item names them, and how
 * many each names that the other does not. */
static void
concept_features (GArray *a,
                  GArray *b,
                  double *x)
{
  IcConcepts *concepts = ic_concepts_get_default ();
  static const IcPairFeature by_heads[] = { IC_PAIR_WEIGHT_IN_NO_HEAD, IC_PAIR_WEIGHT_IN_ONE_HEAD,
                                            IC_PAIR_WEIGHT_IN_BOTH_HEADS };
  guint shared = 0, both_heads = 0, unshared = 0;

  for (guint i = 0; i < a->len; i++)
    {
      const IcConceptHit *ha = &g_array_index (a, IcConceptHit, i);
      const IcConceptHit *hb = hit_of (b, ha->concept);
      double w;

      if (hb == NULL)
        unshared++;
      if (hb == NULL || ic_concepts_is_cohort (concepts, ha->concept))
        continue;
      w = ic_concepts_get_weight (concepts, ha->concept);
      shared++;
      both_heads += ha->in_head && hb->in_head;
      x[by_heads[(ha->in_head != 0) + (hb->in_head != 0)]] += w;
      x[IC_PAIR_TOP_CONCEPT_WEIGHT] = MAX (x[IC_PAIR_TOP_CONCEPT_WEIGHT], w);
    }
  for (guint j = 0; j < b->len; j++)
    unshared += hit_of (a, g_array_index (b, IcConceptHit, j).concept) == NULL;
  /* Capped: a long item naming many concepts is not that much likelier
   * to repeat one. */
  x[IC_PAIR_SHARED_CONCEPTS] = MIN (shared, 4u);
  x[IC_PAIR_SHARED_IN_BOTH_HEADS] = MIN (both_heads, 3u);
  x[IC_PAIR_UNSHARED_CONCEPTS] = MIN (unshared, 6u);
}

/* One item pair of an authority, an earlier report's item and a later
 * report's, with its features. */
typedef struct
{
  Entry  *earlier;
  guint   earlier_index;
  guint   later_index;
  int     concept;  /* the shared concept that weighs most, or -1 */
  double  features[IC_PAIR_N_FEATURES];
} Candidate;

/* The reports a pair's features are read against. */
typedef struct
{
  Entry *later;
  const Reading *later_reading;
  Entry *previous;         /* the last report with items before later */
  Entry *previous_graded;  /* the last graded inspection before later */
  GHashTable *idf;         /* of the authority's word roots, from rarity_of() */
} PairContext;

/* A root rarer than this among the authority's items is a rare one. */
#define RARE_ROOT_IDF 2.5

/* How rare each word root is among all the authority's items,
 * ln ((N + 1) / (n + 1)) + 1 for a root n of its N items use: the
 * authority's own reports only, whatever else is loaded. */
static GHashTable *
rarity_of (GPtrArray  *entries,
           GPtrArray  *readings,
           const char *authority)
{
  GHashTable *idf = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer root, value;
  guint n = 0;

  for (guint e = 0; e < entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (entries, e);
      GPtrArray *roots = ((Reading *)g_ptr_array_index (readings, e))->roots;

      if (g_strcmp0 (ic_report_get_authority (entry->report), authority) != 0)
        continue;
      for (guint i = 0; i < roots->len; i++, n++)
        {
          g_hash_table_iter_init (&iter, g_ptr_array_index (roots, i));
          while (g_hash_table_iter_next (&iter, &root, NULL))
            {
              double *count = g_hash_table_lookup (idf, root);

              if (count == NULL)
                g_hash_table_insert (idf, g_strdup (root), count = g_new0 (double, 1));
              (*count)++;
            }
        }
    }
  g_hash_table_iter_init (&iter, idf);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *(double *)value = log ((n + 1.0) / (*(double *)value + 1.0)) + 1.0;
  return idf;
}

/* rarity_of() the authority of the report at @later_pos, read once per
 * authority into @cache. */
static GHashTable *
cached_rarity (GHashTable *cache,
               GPtrArray  *entries,
               GPtrArray  *readings,
               guint       later_pos)
{
  Entry *later = g_ptr_array_index (entries, later_pos);
  const char *authority = ic_report_get_authority (later->report);
  GHashTable *idf = g_hash_table_lookup (cache, authority);

  if (idf == NULL)
    g_hash_table_insert (cache, g_strdup (authority), idf = rarity_of (entries, readings, authority));
  return idf;
}

static GHashTable *
rarity_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
}

static double
shared_rare_roots (GHashTable *a,
                   GHashTable *b,
                   GHashTable *idf)
{
  GHashTableIter iter;
  gpointer root;
  guint n = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &root, NULL))
    n += g_hash_table_contains (b, root) && _ic_recurrence_word_weight (idf, root) > RARE_ROOT_IDF;
  return MIN (n, 5u);
}

static double
years_between (IcReport *earlier,
               IcReport *later)
{
  return g_date_days_between (ic_report_get_sort_date (earlier), ic_report_get_sort_date (later)) / 365.25;
}

/* The features of one pair that need only the two items and their
 * reports (the ones comparing it with other pairs come after). */
static void
pair_features (const PairContext *ctx,
               Entry             *earlier,
               const Reading     *earlier_reading,
               guint              i,
               guint              j,
               Candidate         *c)
{
  const ItemTraits *ta = &g_array_index (earlier_reading->traits, ItemTraits, i);
  const ItemTraits *tb = &g_array_index (ctx->later_reading->traits, ItemTraits, j);
  GArray *ca = g_ptr_array_index (earlier->concepts, i);
  GArray *cb = g_ptr_array_index (ctx->later->concepts, j);
  GHashTable *sa = g_ptr_array_index (earlier->stems, i);
  GHashTable *sb = g_ptr_array_index (ctx->later->stems, j);
  GHashTable *ra = g_ptr_array_index (earlier_reading->roots, i);
  GHashTable *rb = g_ptr_array_index (ctx->later_reading->roots, j);
  double *x = c->features;
  double score = _ic_recurrence_concern_score (ca, cb, sa, sb, &c->concept);

  x[IC_PAIR_CONCERN_SCORE] = score;
  x[IC_PAIR_SCORE_ABOVE_THRESHOLD] = MAX (0, score - IC_RECURRENCE_THRESHOLD);
  x[IC_PAIR_WORD_COSINE] = _ic_recurrence_cosine (sa, sb, NULL, IC_RECURRENCE_MIN_SHARED);
  x[IC_PAIR_WORD_COVERAGE] = word_coverage (sa, sb);
  x[IC_PAIR_ROOT_COVERAGE] = word_coverage (ra, rb);
  x[IC_PAIR_ROOT_RARITY_COSINE] = _ic_recurrence_cosine (ra, rb, ctx->idf, 1);
  x[IC_PAIR_SHARED_RARE_ROOTS] = shared_rare_roots (ra, rb, ctx->idf);
  concept_features (ca, cb, x);
  x[IC_PAIR_EARLIER_LENGTH] = ta->length;
  x[IC_PAIR_LATER_LENGTH] = tb->length;
  x[IC_PAIR_TIMELINESS_DIFFERS] = ta->timeliness != tb->timeliness;
  x[IC_PAIR_QUALITY_DIFFERS] = ta->quality != tb->quality;
  x[IC_PAIR_YEARS_APART] = years_between (earlier->report, ctx->later->report);
  x[IC_PAIR_PREVIOUS_REPORT] = earlier == ctx->previous;
  x[IC_PAIR_EARLIER_GRADED] = _ic_recurrence_is_graded_inspection (earlier);
  x[IC_PAIR_LATER_GRADED] = _ic_recurrence_is_graded_inspection (ctx->later);
  x[IC_PAIR_SAYS_REPEATED] = tb->repeated && earlier == ctx->previous_graded;
  x[IC_PAIR_OTHER_COHORTS] = _ic_recurrence_other_cohorts (ca, cb);
}

/* Whether @score is the best of its group, and how far below it is. */
static void
set_rank (double        *x,
          IcPairFeature  best,
          IcPairFeature  gap,
          double         group_best)
{
  double score = x[IC_PAIR_CONCERN_SCORE];

  x[best] = score >= group_best - 1e-9;
  x[gap] = group_best - score;
}

/* Pairs [@from, end) are one earlier report's with the later report:
 * how each compares with the later item's other candidates in that
 * report and with the earlier item's in the later report. */
static void
rank_in_report (GArray *candidates,
                guint   from,
                guint   n_earlier,
                guint   n_later)
{
  g_autofree double *best_for_later = g_new0 (double, n_later);
  g_autofree double *best_for_earlier = g_new0 (double, n_earlier);

  for (guint k = from; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      double score = c->features[IC_PAIR_CONCERN_SCORE];

      best_for_later[c->later_index] = MAX (best_for_later[c->later_index], score);
      best_for_earlier[c->earlier_index] = MAX (best_for_earlier[c->earlier_index], score);
    }
  for (guint k = from; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      double *x = c->features;

      set_rank (x, IC_PAIR_BEST_IN_REPORT, IC_PAIR_GAP_IN_REPORT, best_for_later[c->later_index]);
      set_rank (x, IC_PAIR_BEST_FOR_EARLIER, IC_PAIR_GAP_FOR_EARLIER, best_for_earlier[c->earlier_index]);
      x[IC_PAIR_MUTUAL_BEST] = x[IC_PAIR_BEST_IN_REPORT] && x[IC_PAIR_BEST_FOR_EARLIER];
    }
}

/* How each pair compares with all the later item's candidates, in every
 * earlier report of the authority. */
static void
rank_for_later (GArray *candidates,
                guint   n_later)
{
  g_autofree double *best = g_new0 (double, n_later);

  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      best[c->later_index] = MAX (best[c->later_index], c->features[IC_PAIR_CONCERN_SCORE]);
    }
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      set_rank (c->features, IC_PAIR_BEST_FOR_LATER, IC_PAIR_GAP_FOR_LATER, best[c->later_index]);
      c->features[IC_PAIR_LATER_BEST_SCORE] = best[c->later_index];
    }
}

/* The pairs of @earlier's items with the later report's, later item
 * first as the links are listed. */
static void
add_report_candidates (const PairContext *ctx,
                       Entry             *earlier,
                       const Reading     *earlier_reading,
                       GArray            *candidates)
{
  guint from = candidates->len;

  for (guint j = 0; j < ctx->later->items->len; j++)
    for (guint i = 0; i < earlier->items->len; i++)
      {
        Candidate c = { earlier, i, j, -1, { 0 } };

        if (!_ic_recurrence_same_addressee (g_ptr_array_index (earlier->items, i),
                                            g_ptr_array_index (ctx->later->items, j)))
          continue;
        pair_features (ctx, earlier, earlier_reading, i, j, &c);
        g_array_append_val (candidates, c);
      }
  rank_in_report (candidates, from, earlier->items->len, ctx->later->items->len);
}

/* Whether item @i of @earlier and item @k of @middle raise the same
 * concern by the concern score alone. */
static gboolean
concern_linked (Entry *earlier,
                guint  i,
                Entry *middle,
                guint  k)
{
  int concept;

  return _ic_recurrence_same_addressee (g_ptr_array_index (earlier->items, i),
                                        g_ptr_array_index (middle->items, k)) &&
         _ic_recurrence_concern_score (g_ptr_array_index (earlier->concepts, i),
                                       g_ptr_array_index (middle->concepts, k),
                                       g_ptr_array_index (earlier->stems, i),
                                       g_ptr_array_index (middle->stems, k), &concept) >= IC_RECURRENCE_THRESHOLD;
}

/* How many items of reports between a pair's two both items repeat by
 * the concern score: a concern raised in 2015, 2019 and 2025 is labelled
 * 2015-2025 too, however its words drifted between the ends. */
static void
chain_support (GArray *candidates)
{
  for (guint a = 0; a < candidates->len; a++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, a);
      const GDate *from = ic_report_get_sort_date (c->earlier->report);
      guint n = 0;

      for (guint b = 0; b < candidates->len; b++)
        {
          Candidate *m = &g_array_index (candidates, Candidate, b);

          if (m->later_index == c->later_index &&
              m->features[IC_PAIR_CONCERN_SCORE] >= IC_RECURRENCE_THRESHOLD &&
              g_date_compare (from, ic_report_get_sort_date (m->earlier->report)) < 0 &&
              concern_linked (c->earlier, c->earlier_index, m->earlier, m->earlier_index))
            n++;
        }
      c->features[IC_PAIR_CHAIN_SUPPORT] = MIN (n, 3u);
    }
}

/* The last report of the authority with items before @later_pos. */
static Entry *
previous_with_items (GPtrArray *entries,
                     guint      later_pos)
{
  Entry *later = g_ptr_array_index (entries, later_pos);

  for (guint e = later_pos; e-- > 0;)
    {
      Entry *earlier = g_ptr_array_index (entries, e);

      if (_ic_recurrence_same_authority_earlier (earlier, later) && earlier->items->len > 0)
        return earlier;
    }
  return NULL;
}

/* Every pair of an earlier item of the authority with an item of the
 * report at @later_pos, with its features. Only the authority's own
 * reports are read. */
static GArray *
later_candidates (GPtrArray  *entries,
                  GPtrArray  *readings,
                  guint       later_pos,
                  GHashTable *idf)
{
  PairContext ctx = { g_ptr_array_index (entries, later_pos), g_ptr_array_index (readings, later_pos),
                      previous_with_items (entries, later_pos),
                      _ic_recurrence_previous_inspection (entries, later_pos), idf };
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint e = 0; e < later_pos; e++)
    {
      Entry *earlier = g_ptr_array_index (entries, e);

      if (_ic_recurrence_same_authority_earlier (earlier, ctx.later))
        add_report_candidates (&ctx, earlier, g_ptr_array_index (readings, e), candidates);
    }
  rank_for_later (candidates, ctx.later->items->len);
  chain_support (candidates);
  return candidates;
}

/**
 * ic_recurrence_foreach_pair:
 * @reports: a list model of #IcReport
 * @func: called with every pair of items ic_find_recurrences() weighs
 *   (an earlier report's item and a later one's of the same authority,
 *   told to the same body) and its features (ic-pair-features.h), in
 *   IcPairFeature order
 *
 * For fitting a model of recurrence (tests/recurrence-labels/fit-model.py);
 * the finder itself does not use the features.
 */
void
ic_recurrence_foreach_pair (GListModel *reports,
                            IcPairFunc  func,
                            gpointer    user_data)
{
  g_autoptr(GPtrArray) entries = _ic_recurrence_entries_new (reports);
  g_autoptr(GPtrArray) readings = readings_new (entries);
  g_autoptr(GHashTable) rarity = rarity_cache_new ();

  for (guint e = 1; e < entries->len; e++)
    {
      Entry *later = g_ptr_array_index (entries, e);
      GHashTable *idf = cached_rarity (rarity, entries, readings, e);
      g_autoptr(GArray) candidates = later_candidates (entries, readings, e, idf);

      for (guint k = 0; k < candidates->len; k++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, k);
          IcItemRef earlier_ref = { c->earlier->report, c->earlier_index };
          IcItemRef later_ref = { later->report, c->later_index };

          func (&earlier_ref, &later_ref, c->features, user_data);
        }
    }
}
