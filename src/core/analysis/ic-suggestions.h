/* ic-suggestions.h: the earlier items an item most likely raises again,
 * for a user who links a recurrence the finder missed
 *
 * Each of the authority's earlier items is weighed by the finder's own
 * score (ic-recurrence.c), and the ones that score at all are ranked:
 * the finder's score ranks pairs much better than its threshold decides
 * them (tests/recurrence-labels/README.md). Items linked already, and
 * items the user said raise another concern, are not suggested.
 * Recurrence is local: only the item's own authority's reports are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-recurrence.h"

G_BEGIN_DECLS

/* How many suggestions the link dialog offers, and the least score one
 * needs (tests/recurrence-labels/README.md, "Suggestions in the link
 * dialog"). Over the labelled authorities' 880 items, a suggestion
 * scoring under 0.2 was a labelled pair 3 % of the time (25 of 853),
 * from 0.2 11 % (140 of 1,245): below it a suggestion is noise. Of the
 * 135 items with a labelled pair the finder misses, three from 0.2 hold
 * one for 90, five for 99 with a third more rows to read; three keep the
 * reports' own lists in sight in a small window. */
#define IC_SUGGESTIONS_SHOWN 3
#define IC_SUGGESTION_MIN_SCORE 0.2

typedef struct
{
  IcItemRef   earlier;
  double      score;
  const char *concept_label;  /* the shared concern, or NULL when only words */
} IcSuggestion;

GPtrArray *ic_suggest_earlier_items (GListModel *reports,
                                     IcReport   *report,
                                     guint       index,
                                     GPtrArray  *recurrences) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
