/* ic-authority-info.c
 *
 * Regions and statistical neighbours from the authority data of
 * src/core (ic-authorities.h), in the forms the filter needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-authority-info"

#include "config.h"

#include "ic-authorities.h"
#include "ic-authority-info.h"

/* Reports carry canonical names, but the lookup also accepts the forms
 * reports print, so an unusual name still finds its authority. */
static const IcAuthority *
lookup (const char *authority)
{
  if (authority == NULL)
    return NULL;
  return ic_authorities_lookup (authority);
}

const char *
ic_authority_info_get_region (const char *authority)
{
  const IcAuthority *a = lookup (authority);

  return a ? ic_authority_get_region (a) : NULL;
}

char **
ic_authority_info_get_neighbours (const char *authority)
{
  const IcAuthority *a = lookup (authority);
  g_autoptr(GStrvBuilder) builder = NULL;
  GPtrArray *neighbours;

  if (a == NULL)
    return NULL;

  neighbours = ic_authority_get_neighbours (a);
  builder = g_strv_builder_new ();
  for (guint i = 0; neighbours != NULL && i < neighbours->len; i++)
    g_strv_builder_add (builder, ic_authority_get_name (g_ptr_array_index (neighbours, i)));
  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char **
ic_authority_info_list_regions (void)
{
  GPtrArray *all = ic_authorities_get_all ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const char *region = ic_authority_get_region (g_ptr_array_index (all, i));

      if (region != NULL && region[0] != '\0' && g_hash_table_add (seen, (gpointer) region))
        g_ptr_array_add (regions, g_strdup (region));
    }
  g_ptr_array_sort (regions, compare_strings);
  g_ptr_array_add (regions, NULL);
  return (char **) g_ptr_array_steal (regions, NULL);
}

char **
ic_authority_info_list_with_neighbours (void)
{
  GPtrArray *all = ic_authorities_get_all ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const IcAuthority *authority = g_ptr_array_index (all, i);
      GPtrArray *neighbours = ic_authority_get_neighbours (authority);

      if (ic_authority_is_current (authority) && neighbours != NULL && neighbours->len > 0)
        g_ptr_array_add (names, g_strdup (ic_authority_get_name (authority)));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_steal (names, NULL);
}
