/* ic-links-cache.c: the timeline's joins, kept by authority
 *
 * Finding recurrences compares every item of an authority with every
 * earlier one: a quarter of a second or more for a national archive,
 * too long for a filter change. But an authority's recurrences depend
 * only on its own reports (README, "Recurrence has one definition"), and
 * a search or a region keeps or drops an authority whole. So the joins
 * are kept per authority, for the exact reports they were found among
 * (snapshots: a report read again or corrected gets a new value, and no
 * longer matches), and a filter change only picks them: found anew are
 * only the authorities whose reports are new to the cache (reports
 * arriving, read again). They are found among every loaded report of
 * the authority, not only those a date filter shows: how many times an
 * area was raised is a fact about them all (README, "Recurrences are
 * found among every loaded report"), and a year chosen only picks the
 * marks and lines of the reports shown (ic_chart_links_pick()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-links-cache"

#include "config.h"

#include "ic-chart-links.h"
#include "ic-links-cache.h"
#include "ic-report-snapshot.h"

/* Kept per authority: the last few report sets (reports read again,
 * corrected, arriving). */
#define ENTRIES_PER_AUTHORITY 3

typedef struct
{
  GPtrArray *snapshots;  /* IcReport, in the model's order */
  GPtrArray *links;      /* IcChartLink */
} Entry;

struct _IcLinksCache
{
  GHashTable *by_authority;  /* name -> GPtrArray of Entry, newest first */
  guint       n_found;
};

static void
entry_free (Entry *entry)
{
  g_ptr_array_unref (entry->snapshots);
  g_ptr_array_unref (entry->links);
  g_free (entry);
}

IcLinksCache *
ic_links_cache_new (void)
{
  IcLinksCache *self = g_new0 (IcLinksCache, 1);

  self->by_authority = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
ic_links_cache_free (IcLinksCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_authority);
  g_free (self);
}

static const char *
authority_key (IcReport *report)
{
  const char *name = ic_report_get_authority (report);

  return name != NULL ? name : "";
}

/* @reports by authority, each group in the model's order; @order gets
 * the groups in order of their first report. */
static GHashTable *
group_by_authority (GListModel *reports,
                    GPtrArray  *order)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (reports);

  for (guint i = 0; i < n; i++)
    {
      IcReport *report = g_list_model_get_item (reports, i);
      GPtrArray *group = g_hash_table_lookup (groups, authority_key (report));

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (groups, (gpointer) authority_key (report), group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, report);
    }
  return groups;
}

static gboolean
entry_matches (Entry     *entry,
               GPtrArray *group)
{
  if (entry->snapshots->len != group->len)
    return FALSE;
  for (guint i = 0; i < group->len; i++)
    if (!ic_report_snapshot_is_current (g_ptr_array_index (entry->snapshots, i),
                                        g_ptr_array_index (group, i)))
      return FALSE;
  return TRUE;
}

static Entry *
lookup_group (IcLinksCache *self,
              GPtrArray    *group)
{
  GPtrArray *entries = g_hash_table_lookup (self->by_authority,
                                            authority_key (g_ptr_array_index (group, 0)));

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (entry_matches (g_ptr_array_index (entries, i), group))
      return g_ptr_array_index (entries, i);
  return NULL;
}

static GListModel *
snapshot_group (GPtrArray *group)
{
  GListStore *snapshots = g_list_store_new (IC_TYPE_REPORT);

  for (guint i = 0; i < group->len; i++)
    {
      g_autoptr(IcReport) snapshot = ic_report_snapshot (g_ptr_array_index (group, i));

      g_list_store_append (snapshots, snapshot);
    }
  return G_LIST_MODEL (snapshots);
}

/* The group of @all's reports of @shown's authority; @shown when @all
 * has none. */
static GPtrArray *
loaded_group (GHashTable *all,
              GPtrArray  *shown)
{
  GPtrArray *group = g_hash_table_lookup (all, authority_key (g_ptr_array_index (shown, 0)));

  return group != NULL ? group : shown;
}

/**
 * ic_links_cache_lookup:
 * @all: (nullable): a list model of #IcReport, every loaded report
 *   (the model @reports filters); %NULL when @reports are all
 * @reports: a list model of #IcReport (the reports the timeline shows)
 * @missing: (out) (transfer full) (element-type GListModel): when some
 *   authority's reports are new to the cache, snapshots of every loaded
 *   report of it, one list per authority, for ic_links_cache_find()
 *
 * Returns: (transfer full) (nullable) (element-type IcChartLink): the
 *   joins among every loaded report of the authorities of @reports, as
 *   ic_chart_links_find() gives them, picked for @reports
 *   (ic_chart_links_pick()), or %NULL while some are still to find
 */
GPtrArray *
ic_links_cache_lookup (IcLinksCache *self,
                       GListModel   *all,
                       GListModel   *reports,
                       GPtrArray   **missing)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) groups = group_by_authority (reports, order);
  g_autoptr(GPtrArray) all_order = g_ptr_array_new ();
  g_autoptr(GHashTable) all_groups = group_by_authority (all != NULL ? all : reports, all_order);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  *missing = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = loaded_group (all_groups, g_ptr_array_index (order, g));
      Entry *entry = group->len < 2 ? NULL : lookup_group (self, group);

      /* One report recurs from nothing: no join to find. */
      if (group->len < 2)
        continue;
      if (entry == NULL)
        {
          g_ptr_array_add (*missing, snapshot_group (group));
          continue;
        }
      g_ptr_array_extend (links, entry->links, NULL, NULL);
    }
  if ((*missing)->len > 0)
    return NULL;
  g_clear_pointer (missing, g_ptr_array_unref);
  return ic_chart_links_pick (links, reports);
}

/**
 * ic_links_cache_find:
 * @missing: (element-type GListModel): from ic_links_cache_lookup()
 *
 * Finds the joins of each list: reads only the snapshots, so a worker
 * may call it.
 *
 * Returns: (transfer full) (element-type GPtrArray): the joins of each
 *   list of @missing, in its order
 */
GPtrArray *
ic_links_cache_find (GPtrArray *missing)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < missing->len; i++)
    g_ptr_array_add (found, ic_chart_links_find (g_ptr_array_index (missing, i)));
  return found;
}

/* Keeps what ic_links_cache_find() found for @missing, however the
 * reports shown changed meanwhile: it is right for those reports. */
void
ic_links_cache_add (IcLinksCache *self,
                    GPtrArray    *missing,
                    GPtrArray    *found)
{
  g_return_if_fail (missing->len == found->len);

  for (guint i = 0; i < missing->len; i++)
    {
      GListModel *group = g_ptr_array_index (missing, i);
      guint n = g_list_model_get_n_items (group);
      g_autoptr(IcReport) first = g_list_model_get_item (group, 0);
      GPtrArray *entries = g_hash_table_lookup (self->by_authority, authority_key (first));
      Entry *entry = g_new0 (Entry, 1);

      if (entries == NULL)
        {
          entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
          g_hash_table_insert (self->by_authority, g_strdup (authority_key (first)), entries);
        }
      entry->snapshots = g_ptr_array_new_full (n, g_object_unref);
      for (guint k = 0; k < n; k++)
        g_ptr_array_add (entry->snapshots, g_list_model_get_item (group, k));
      entry->links = g_ptr_array_ref (g_ptr_array_index (found, i));
      g_ptr_array_insert (entries, 0, entry);
      if (entries->len > ENTRIES_PER_AUTHORITY)
        g_ptr_array_set_size (entries, ENTRIES_PER_AUTHORITY);
      self->n_found++;
    }
}

/* How many authorities' joins were found and kept, for tests: a filter
 * change that finds none is one the cache answered. */
guint
ic_links_cache_get_n_found (IcLinksCache *self)
{
  return self->n_found;
}
