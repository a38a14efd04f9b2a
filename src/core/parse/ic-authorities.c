/* ic-authorities.c: the table of authorities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/authorities.csv (written by build-aux/make-authorities.py) is read
 * once, on first use, into records that live as long as the program:
 * every name and variant as a key of folded words (ic-authority-names.c
 * folds them and finds them in text), LA and ONS codes, URNs, and the
 * links between neighbours, predecessors and successors.
 */
#define G_LOG_DOMAIN "ic-authorities"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ic-authorities-private.h"
#include "ic-core-resource.h"

#define AUTHORITIES_RESOURCE "/io/github/InspectionCompare/core/authorities.csv"

/* Reading the table */

static char **
split_list (const char *field)
{
  if (field == NULL || *field == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (field, "|", -1);
}

/* One RFC 4180 record without line breaks inside fields, which is all
 * make-authorities.py writes. */
static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;

  for (;;)
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      for (; *p != '\0' && *p != ','; p++)
        g_string_append_c (field, *p);
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      if (*p != ',')
        break;
      p++;
    }

  return fields;
}

typedef enum
{
  COL_NAME,
  COL_URN,
  COL_LA_CODE,
  COL_LA_CODE_NEW,
  COL_REGION,
  COL_NEIGHBOURS,
  COL_VARIANTS,
  COL_SUCCESSORS,
  COL_ABOLISHED,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "name", "urn", "la_code", "la_code_new", "region", "neighbours", "variants",
  "successors", "abolished",
};

static gboolean
check_header (GPtrArray *fields)
{
  if (fields->len != N_COLUMNS)
    return FALSE;
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (g_ptr_array_index (fields, i), column_names[i]) != 0)
      return FALSE;
  return TRUE;
}

static IcAuthority *
authority_new (GPtrArray *fields)
{
  IcAuthority *self = g_new0 (IcAuthority, 1);
  const char *abolished = g_ptr_array_index (fields, COL_ABOLISHED);

  self->name = g_strdup (g_ptr_array_index (fields, COL_NAME));
  self->urn = (guint) strtoul (g_ptr_array_index (fields, COL_URN), NULL, 10);
  self->la_code = g_strdup (g_ptr_array_index (fields, COL_LA_CODE));
  self->la_code_new = g_strdup (g_ptr_array_index (fields, COL_LA_CODE_NEW));
  self->region = g_strdup (g_ptr_array_index (fields, COL_REGION));
  self->neighbour_codes = split_list (g_ptr_array_index (fields, COL_NEIGHBOURS));
  self->variants = split_list (g_ptr_array_index (fields, COL_VARIANTS));
  self->successor_codes = split_list (g_ptr_array_index (fields, COL_SUCCESSORS));
  self->neighbours = g_ptr_array_new ();
  self->successors = g_ptr_array_new ();
  self->predecessors = g_ptr_array_new ();

  g_date_clear (&self->abolished, 1);
  if (*abolished != '\0')
    g_date_set_parse (&self->abolished, abolished);

  return self;
}

static void
add_key (IcAuthorityTable *table,
         const char       *name,
         IcAuthority      *authority)
{
  g_autofree char *key = _ic_authorities_fold (name);
  g_auto(GStrv) words = NULL;

  if (*key == '\0')
    return;

  /* Rows are ordered current authorities first, so a current authority
   * keeps a name it shares with a former one ("Dorset"). */
  words = g_strsplit (key, " ", -1);
  table->max_words = MAX (table->max_words, g_strv_length (words));
  g_hash_table_add (table->first_words, g_strdup (words[0]));
  if (!g_hash_table_contains (table->by_key, key))
    g_hash_table_insert (table->by_key, g_steal_pointer (&key), authority);
}

static void
add_authority (IcAuthorityTable *table,
               IcAuthority      *authority)
{
  g_ptr_array_add (table->all, authority);
  add_key (table, authority->name, authority);
  for (guint i = 0; authority->variants[i] != NULL; i++)
    add_key (table, authority->variants[i], authority);
  g_hash_table_insert (table->by_code, authority->la_code, authority);
  if (*authority->la_code_new != '\0')
    g_hash_table_insert (table->by_code, authority->la_code_new, authority);
  if (authority->urn != 0)
    g_hash_table_insert (table->by_urn, GUINT_TO_POINTER (authority->urn), authority);
}

static void
link_codes (IcAuthorityTable  *table,
            char             **codes,
            GPtrArray         *into,
            IcAuthority       *self)
{
  for (guint i = 0; codes[i] != NULL; i++)
    {
      IcAuthority *other = g_hash_table_lookup (table->by_code, codes[i]);

      if (other == NULL)
        g_critical ("authorities.csv: %s names unknown LA code %s", self->name, codes[i]);
      else
        g_ptr_array_add (into, other);
    }
}

static void
link_authorities (IcAuthorityTable *table)
{
  for (guint i = 0; i < table->all->len; i++)
    {
      IcAuthority *self = g_ptr_array_index (table->all, i);

      self->base_key = _ic_authorities_base_name (self->name);
      link_codes (table, self->neighbour_codes, self->neighbours, self);
      link_codes (table, self->successor_codes, self->successors, self);
      for (guint j = 0; j < self->successors->len; j++)
        g_ptr_array_add (((IcAuthority *) g_ptr_array_index (self->successors, j))->predecessors,
                         self);
    }
}

static void
parse_table (IcAuthorityTable *table,
             const char       *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean header = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      fields = split_csv_line (lines[i]);
      if (!header)
        {
          if (!check_header (fields))
            g_error ("authorities.csv: unexpected header “%s”", lines[i]);
          header = TRUE;
        }
      else if (fields->len != N_COLUMNS)
        g_critical ("authorities.csv: line %u has %u fields", i + 1, fields->len);
      else
        add_authority (table, authority_new (fields));
    }
}

static gpointer
load_table (gpointer data)
{
  IcAuthorityTable *table = g_new0 (IcAuthorityTable, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  table->all = g_ptr_array_new ();
  table->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table->by_urn = g_hash_table_new (NULL, NULL);
  table->first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->prefix_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _ic_authorities_add_prefix_words (table->prefix_words);

  bytes = g_resource_lookup_data (ic_core_resource (), AUTHORITIES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Cannot read the authorities table: %s", error->message);

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  parse_table (table, text);
  link_authorities (table);

  return table;
}

IcAuthorityTable *
_ic_authorities_get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_table, NULL);
}

/**
 * ic_authorities_find_by_urn:
 * @urn: an Ofsted unique reference number
 *
 * Returns: (transfer none) (nullable): the authority with that URN
 */
const IcAuthority *
ic_authorities_find_by_urn (guint urn)
{
  return g_hash_table_lookup (_ic_authorities_get_table ()->by_urn, GUINT_TO_POINTER (urn));
}

/**
 * ic_authorities_find_by_code:
 * @la_code: a DfE LA code ("318") or an ONS code ("E09000027")
 *
 * Returns: (transfer none) (nullable): the authority with that code
 */
const IcAuthority *
ic_authorities_find_by_code (const char *la_code)
{
  g_return_val_if_fail (la_code != NULL, NULL);

  return g_hash_table_lookup (_ic_authorities_get_table ()->by_code, la_code);
}

/**
 * ic_authorities_get_all:
 *
 * Returns: (transfer none) (element-type IcAuthority): every authority,
 *   current ones first in name order, then former ones; do not modify
 */
GPtrArray *
ic_authorities_get_all (void)
{
  return _ic_authorities_get_table ()->all;
}

/* Getters */

const char *
ic_authority_get_name (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/* 0 when not known (for some former authorities). */
guint
ic_authority_get_urn (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->urn;
}

const char *
ic_authority_get_la_code (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->la_code;
}

const char *
ic_authority_get_la_code_new (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->la_code_new;
}

const char *
ic_authority_get_region (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->region;
}

/* (transfer none) (element-type IcAuthority): DfE statistical neighbours,
 * closest first; empty for former authorities. */
GPtrArray *
ic_authority_get_neighbours (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->neighbours;
}

/* (transfer none) (element-type IcAuthority): the authorities that took
 * over from a former one; empty for a current one. */
GPtrArray *
ic_authority_get_successors (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->successors;
}

/* (transfer none) (element-type IcAuthority) */
GPtrArray *
ic_authority_get_predecessors (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->predecessors;
}

/* (nullable): the first day a former authority no longer existed. */
const GDate *
ic_authority_get_abolished (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_date_valid (&self->abolished) ? &self->abolished : NULL;
}

gboolean
ic_authority_is_current (const IcAuthority *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->successors->len == 0;
}

/**
 * ic_authority_at_date:
 * @self: an authority found by name
 * @date: (nullable): when the report was written or the visit took place
 *
 * A name can outlive its council: "Dorset" before April 2019 is Dorset
 * County Council, a former authority, and after it Dorset Council.
 *
 * Returns: (transfer none): the former authority of the same name that
 *   existed on @date, or @self
 */
const IcAuthority *
ic_authority_at_date (const IcAuthority *self,
                      const GDate       *date)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (date == NULL || !g_date_valid (date))
    return self;

  for (guint i = 0; i < self->predecessors->len; i++)
    {
      const IcAuthority *former = g_ptr_array_index (self->predecessors, i);

      if (g_date_valid (&former->abolished) &&
          g_date_compare (date, &former->abolished) < 0 &&
          g_str_equal (former->base_key, self->base_key))
        return former;
    }

  return self;
}
