/* ic-words.h: words of improvement items, as the theme rules and the
 * recurrence measure see them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *stem;   /* lower case, British spelling, Porter stem */
  char  *word;   /* lower case, as written */
  guint  start;  /* byte offsets of the word in the original text */
  guint  end;
} IcToken;

/* Splits @text into words: hyphens, dashes and punctuation separate words,
 * typographic and straight apostrophes are the same, a possessive "'s" is
 * dropped, accents are folded and American spellings become British.
 * Returns: (element-type IcToken): the words in order */
GArray   *ic_words_tokenise     (const char *text) G_GNUC_WARN_UNUSED_RESULT;
/* Stems one lower-case ASCII word (Porter 1980) after spelling folding. */
char     *ic_words_stem_word    (const char *word) G_GNUC_WARN_UNUSED_RESULT;
/* Words that carry no substance in an improvement item: English function
 * words and Ofsted's stock phrasing ("ensure", "improve", "quality"…). */
gboolean  ic_words_is_stop_stem (const char *stem);

G_END_DECLS
