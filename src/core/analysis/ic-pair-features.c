/* ic-pair-features.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pair-features"

#include "config.h"

#include "ic-pair-features.h"

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
