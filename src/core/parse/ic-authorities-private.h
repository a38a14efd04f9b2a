/* ic-authorities-private.h: the table of authorities (ic-authorities.c)
 * and the folding of printed names into keys (ic-authority-names.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-authorities.h"

G_BEGIN_DECLS

struct _IcAuthority
{
  char      *name;
  char      *la_code;
  char      *la_code_new;
  char      *region;
  char     **neighbour_codes;
  char     **variants;
  char     **successor_codes;
  char      *base_key;
  GPtrArray *neighbours;
  GPtrArray *successors;
  GPtrArray *predecessors;
  GDate      abolished;
  guint      urn;
};

typedef struct
{
  GPtrArray  *all;
  GHashTable *by_key;
  GHashTable *by_code;
  GHashTable *by_urn;
  /* First words of every key and of every council prefix: most words of
   * a text start none. */
  GHashTable *first_words;
  GHashTable *prefix_words;
  guint       max_words;
} IcAuthorityTable;

/* The table, loaded from data/authorities.csv on first use (any thread). */
IcAuthorityTable *_ic_authorities_get_table        (void);

/* A printed name as a key of folded words ("London Borough of Richmond
 * upon Thames" -> "london borough of richmond upon thames"). */
char             *_ic_authorities_fold             (const char *name) G_GNUC_WARN_UNUSED_RESULT;
/* The key of @name without council prefixes and suffixes ("dorset"). */
char             *_ic_authorities_base_name        (const char *name) G_GNUC_WARN_UNUSED_RESULT;
/* Adds the first word of every council prefix ("london", "royal" …). */
void              _ic_authorities_add_prefix_words (GHashTable *words);

G_END_DECLS
