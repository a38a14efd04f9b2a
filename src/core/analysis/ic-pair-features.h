/* ic-pair-features.h: what a learned model of recurrence would read of an
 * (earlier item, later item) pair
 *
 * ic_recurrence_foreach_pair() computes these features for every pair
 * the recurrence finder weighs, from the two items and the authority's
 * own reports; test-recurrence-labels writes them for the tuning half
 * (IC_RECURRENCE_FEATURES_TSV; the held-out half too with
 * IC_RECURRENCE_FEATURES_ALL=1) and tests/recurrence-labels/fit-model.py
 * measures a logistic model over them, leaving one authority out. The
 * app does not use them: models over them were tried and not adopted
 * (tests/recurrence-labels/README.md, fifth and sixth rounds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-recurrence.h"

G_BEGIN_DECLS
typedef enum
{
  IC_PAIR_CONCERN_SCORE,
  IC_PAIR_SCORE_ABOVE_THRESHOLD,
  IC_PAIR_WORD_COSINE,
  IC_PAIR_WORD_COVERAGE,
  IC_PAIR_SHARED_CONCEPTS,
  IC_PAIR_SHARED_IN_BOTH_HEADS,
  IC_PAIR_UNSHARED_CONCEPTS,
  IC_PAIR_WEIGHT_IN_BOTH_HEADS,
  IC_PAIR_WEIGHT_IN_ONE_HEAD,
  IC_PAIR_WEIGHT_IN_NO_HEAD,
  IC_PAIR_TOP_CONCEPT_WEIGHT,
  IC_PAIR_EARLIER_LENGTH,
  IC_PAIR_LATER_LENGTH,
  IC_PAIR_TIMELINESS_DIFFERS,
  IC_PAIR_QUALITY_DIFFERS,
  IC_PAIR_YEARS_APART,
  IC_PAIR_PREVIOUS_REPORT,
  IC_PAIR_EARLIER_GRADED,
  IC_PAIR_LATER_GRADED,
  IC_PAIR_SAYS_REPEATED,
  IC_PAIR_OTHER_COHORTS,
  IC_PAIR_BEST_FOR_LATER,
  IC_PAIR_BEST_IN_REPORT,
  IC_PAIR_BEST_FOR_EARLIER,
  IC_PAIR_MUTUAL_BEST,
  IC_PAIR_GAP_FOR_LATER,
  IC_PAIR_GAP_IN_REPORT,
  IC_PAIR_GAP_FOR_EARLIER,
  IC_PAIR_LATER_BEST_SCORE,
  IC_PAIR_ROOT_COVERAGE,
  IC_PAIR_ROOT_RARITY_COSINE,
  IC_PAIR_SHARED_RARE_ROOTS,
  IC_PAIR_CHAIN_SUPPORT,
  IC_PAIR_N_FEATURES
} IcPairFeature;

const char *ic_pair_feature_name       (IcPairFeature feature);

typedef void (*IcPairFunc) (const IcItemRef *earlier,
                            const IcItemRef *later,
                            const double    *features,
                            gpointer         user_data);
void        ic_recurrence_foreach_pair (GListModel   *reports,
                                        IcPairFunc    func,
                                        gpointer      user_data);

G_END_DECLS
