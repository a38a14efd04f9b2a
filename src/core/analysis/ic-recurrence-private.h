/* ic-recurrence-private.h: what the recurrence finder (ic-recurrence.c)
 * shares with the pair features of its research harness
 * (ic-pair-features.c) and the link dialog's suggestions
 * (ic-suggestions.c), which weigh the same pairs the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-concepts.h"
#include "ic-recurrence.h"

G_BEGIN_DECLS

/* One report as the finder reads it. */
typedef struct
{
  IcReport   *report;
  GPtrArray  *items;     /* of IcImprovement */
  GPtrArray  *stems;     /* of GHashTable, parallel to items */
  GPtrArray  *concepts;  /* of GArray of IcConceptHit, parallel to items */
} Entry;

GPtrArray *_ic_recurrence_entries_new            (GListModel    *reports) G_GNUC_WARN_UNUSED_RESULT;
gboolean   _ic_recurrence_same_authority_earlier (Entry         *earlier,
                                                  Entry         *later);
gboolean   _ic_recurrence_is_graded_inspection   (Entry         *entry);
Entry     *_ic_recurrence_previous_inspection    (GPtrArray     *entries,
                                                  guint          later_pos);

double     _ic_recurrence_word_weight            (GHashTable    *idf,
                                                  const char    *stem);
double     _ic_recurrence_cosine                 (GHashTable    *a,
                                                  GHashTable    *b,
                                                  GHashTable    *idf,
                                                  guint          min_shared);
gboolean   _ic_recurrence_matches                (const char    *pattern,
                                                  GRegex       **cache,
                                                  const char    *text);
gboolean   _ic_recurrence_says_repeated          (const char    *text);
gboolean   _ic_recurrence_same_addressee         (IcImprovement *a,
                                                  IcImprovement *b);
gboolean   _ic_recurrence_other_cohorts          (GArray        *a,
                                                  GArray        *b);
double     _ic_recurrence_concern_score          (GArray        *earlier_concepts,
                                                  GArray        *later_concepts,
                                                  GHashTable    *earlier_stems,
                                                  GHashTable    *later_stems,
                                                  int           *best_concept);
double     _ic_recurrence_repeat_bonus           (Entry         *later,
                                                  guint          index,
                                                  gboolean       previous);
double     _ic_recurrence_pair_score             (Entry         *earlier,
                                                  guint          earlier_index,
                                                  Entry         *later,
                                                  guint          later_index,
                                                  double         bonus,
                                                  int           *concept);

G_END_DECLS
