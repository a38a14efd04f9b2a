/* ic-recurrence.h: improvement areas an authority was told about again
 *
 * An item recurs when a later report on the same authority raises the
 * same concern: the concepts the two items share (data/concepts.rules:
 * what is asked for, with its synonyms and local names, each concept
 * weighted by how narrow it is; full weight when both items name it
 * before any purpose clause) plus their shared content words (the cosine
 * of their stems, stop words and Ofsted's stock phrasing removed, at
 * least IC_RECURRENCE_MIN_SHARED words in common) reach
 * IC_RECURRENCE_THRESHOLD. A later item links to every earlier item it
 * repeats. Nothing depends on what else is loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_RECURRENCE_THRESHOLD 0.55
#define IC_RECURRENCE_MIN_SHARED 2
/* From this score on a found link is a close match, below it a possible
 * one. Measured on the finder's links over the sixteen labelled
 * authorities (December 2026, concern score without the bonus for an
 * item that says it repeats the last inspection): 0.55-0.85, 452 links,
 * 263 of them labelled, precision 0.58; from 0.85, 133 links, 119
 * labelled, 0.89 (H1's labels 0.90, H2's 0.88). The cut-off was chosen
 * looking at H1's and H2's labels, so H3's are the only blind check of
 * it (test-recurrence-labels prints all three). */
#define IC_RECURRENCE_CLOSE 0.85

/* One improvement item of one report. */
typedef struct
{
  IcReport *report;
  guint     index;
} IcItemRef;

#define IC_TYPE_ITEM_REF (ic_item_ref_get_type ())
GType          ic_item_ref_get_type (void);
IcItemRef     *ic_item_ref_new      (IcReport        *report,
                                     guint            index) G_GNUC_WARN_UNUSED_RESULT;
IcItemRef     *ic_item_ref_copy     (const IcItemRef *ref);
void           ic_item_ref_free     (IcItemRef       *ref);
IcImprovement *ic_item_ref_get_item (const IcItemRef *ref) G_GNUC_WARN_UNUSED_RESULT;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcItemRef, ic_item_ref_free)

/* Whether @ref is item @index of @report. */
static inline gboolean
ic_item_ref_is (const IcItemRef *ref,
                IcReport        *report,
                guint            index)
{
  return ref->report == report && ref->index == index;
}

typedef struct _IcRecurrence IcRecurrence;

/* How far a link can be trusted: a close match, a possible one to check,
 * or one the user made or confirmed. */
typedef enum
{
  IC_RECURRENCE_MATCH_POSSIBLE,
  IC_RECURRENCE_MATCH_CLOSE,
  IC_RECURRENCE_MATCH_USER,
} IcRecurrenceMatch;

#define IC_TYPE_RECURRENCE (ic_recurrence_get_type ())
GType            ic_recurrence_get_type       (void);
IcRecurrence    *ic_recurrence_ref            (IcRecurrence *self);
void             ic_recurrence_unref          (IcRecurrence *self);
const char      *ic_recurrence_get_authority  (IcRecurrence *self);
const char      *ic_recurrence_get_theme      (IcRecurrence *self);
const IcItemRef *ic_recurrence_get_earlier    (IcRecurrence *self);
const IcItemRef *ic_recurrence_get_later      (IcRecurrence *self);
double           ic_recurrence_get_similarity (IcRecurrence *self);
gboolean         ic_recurrence_get_carried_forward (IcRecurrence *self);
gboolean         ic_recurrence_get_user_linked (IcRecurrence *self);
const char      *ic_recurrence_get_concept_label (IcRecurrence *self);
IcRecurrenceMatch ic_recurrence_get_match     (IcRecurrence *self);
gboolean         ic_recurrence_is_close       (IcRecurrence *self);
gboolean         ic_recurrence_is_possible    (IcRecurrence *self);
const char      *ic_recurrence_match_to_key   (IcRecurrenceMatch match);
gboolean         ic_recurrences_raised_by_possible (GPtrArray *recurrences,
                                                    IcReport  *report,
                                                    guint      index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcRecurrence, ic_recurrence_unref)

/* Cosine of the content words of two texts, every word weighing the same
 * (the recurrence finder weighs words by rarity instead). */
double     ic_words_similarity       (const char *a,
                                     const char *b);

GPtrArray *ic_find_recurrences      (GListModel *reports) G_GNUC_WARN_UNUSED_RESULT;
gboolean   ic_recurrences_link_items (GPtrArray  *recurrences,
                                      IcReport   *report,
                                      guint       index,
                                      IcReport   *earlier,
                                      guint       earlier_index);

JsonNode  *ic_recurrences_to_json   (GPtrArray  *recurrences) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *ic_recurrence_chains     (GPtrArray  *recurrences) G_GNUC_WARN_UNUSED_RESULT;
guint      ic_recurrence_times_raised (GPtrArray *chains,
                                       IcReport  *report,
                                       guint      index);
GHashTable *ic_recurrence_times_index (GPtrArray *chains) G_GNUC_WARN_UNUSED_RESULT;
guint      ic_recurrence_times_lookup (GHashTable *times,
                                       IcReport   *report,
                                       guint       index);
GHashTable *ic_recurrence_first_years_index (GPtrArray *chains) G_GNUC_WARN_UNUSED_RESULT;
guint      ic_recurrence_first_year_lookup (GHashTable *years,
                                            IcReport   *report,
                                            guint       index);

G_END_DECLS
