/* ic-concepts.h: what an improvement item asks to improve, by concepts
 * named in data/concepts.rules (synonyms and local names included)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcConcepts IcConcepts;

/* The concepts one item names: for each, whether it is named in what the
 * item asks for (before a purpose clause) and where it is first named. */
typedef struct
{
  guint    concept;
  gboolean in_head;
  guint    first;  /* token position */
} IcConceptHit;

IcConcepts  *ic_concepts_new_from_data (const char  *data,
                                        gsize        length,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
IcConcepts  *ic_concepts_get_default   (void);
void         ic_concepts_free          (IcConcepts  *self);
guint        ic_concepts_get_n         (IcConcepts  *self);
const char  *ic_concepts_get_key       (IcConcepts  *self,
                                        guint        concept);
const char  *ic_concepts_get_label     (IcConcepts  *self,
                                        guint        concept);
double       ic_concepts_get_weight    (IcConcepts  *self,
                                        guint        concept);
gboolean     ic_concepts_is_cohort     (IcConcepts  *self,
                                        guint        concept);
/* Returns: (element-type IcConceptHit): the concepts @text names, each
 * once, in the order first named */
GArray      *ic_concepts_match         (IcConcepts  *self,
                                        const char  *text) G_GNUC_WARN_UNUSED_RESULT;
/* The same, from @text's words as ic_words_tokenise() gives them, for a
 * caller that has them already. */
GArray      *ic_concepts_match_tokens  (IcConcepts  *self,
                                        const char  *text,
                                        GArray      *tokens) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcConcepts, ic_concepts_free)

G_END_DECLS
