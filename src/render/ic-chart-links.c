/* ic-chart-links.c: the analysis's recurrences as the timeline's joins
 *
 * The timeline draws chains, not pairs: a later item links to every
 * earlier item it repeats, so an area raised in 2015, 2019 and 2025 is
 * three pairs, and drawing each would lay 2015–2025 over the two steps
 * between. Each chain is drawn as its steps from report to report, in
 * one theme's row, each step knowing how many times the area had been
 * raised by its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-render"

#include "config.h"

#include "ic-chart-links.h"
#include "ic-chart-private.h"

static char *
ref_key (const IcItemRef *ref)
{
  return g_strdup_printf ("%p:%u", (gpointer)ref->report, ref->index);
}

/* Item (report, index) -> position of its chain + 1. */
static GHashTable *
index_chains (GPtrArray *chains)
{
  GHashTable *chain_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < chains->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);

      for (guint i = 0; i < chain->len; i++)
        g_hash_table_insert (chain_of, ref_key (g_ptr_array_index (chain, i)), GUINT_TO_POINTER (c + 1));
    }
  return chain_of;
}

/* The theme a chain is drawn in: the one its links share most often,
 * the first found on a tie, so that a chain is one line in one row. */
static GPtrArray *
chain_themes (GPtrArray *recurrences,
              GPtrArray *chains)
{
  g_autoptr(GHashTable) chain_of = index_chains (chains);
  g_autoptr(GPtrArray) votes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  GPtrArray *themes = g_ptr_array_new ();
  g_autoptr(GArray) best = g_array_new (FALSE, TRUE, sizeof (guint));

  g_array_set_size (best, chains->len);
  for (guint c = 0; c < chains->len; c++)
    {
      g_ptr_array_add (votes, g_hash_table_new (g_str_hash, g_str_equal));
      g_ptr_array_add (themes, NULL);
    }
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      g_autofree char *key = NULL;
      const char *theme = ic_recurrence_get_theme (r);
      guint c, n;

      if (ic_recurrence_get_carried_forward (r) || theme == NULL)
        continue;
      key = ref_key (ic_recurrence_get_later (r));
      c = GPOINTER_TO_UINT (g_hash_table_lookup (chain_of, key));
      if (c-- == 0)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (g_ptr_array_index (votes, c), theme)) + 1;
      g_hash_table_insert (g_ptr_array_index (votes, c), (gpointer)theme, GUINT_TO_POINTER (n));
      if (n > g_array_index (best, guint, c))
        {
          g_array_index (best, guint, c) = n;
          g_ptr_array_index (themes, c) = (gpointer)theme;
        }
    }
  return themes;
}

/* The later items of the links the user made, by ref_key(). */
static GHashTable *
user_linked_items (GPtrArray *recurrences)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (ic_recurrence_get_user_linked (r) && !ic_recurrence_get_carried_forward (r))
        g_hash_table_add (items, ref_key (ic_recurrence_get_later (r)));
    }
  return items;
}

/* The later items of the links found that are close matches, or that
 * the user made, by ref_key(): an item in none of them was raised again
 * by possible matches only. */
static GHashTable *
firmly_linked_items (GPtrArray *recurrences)
{
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (!ic_recurrence_is_possible (r) && !ic_recurrence_get_carried_forward (r))
        g_hash_table_add (items, ref_key (ic_recurrence_get_later (r)));
    }
  return items;
}

/* Whether the items of @chain from @from on that share its report's
 * date were all raised again by possible matches only. */
static gboolean
date_rests_on_possible (GPtrArray  *chain,
                        guint       from,
                        GHashTable *firm)
{
  const GDate *date = ic_report_get_sort_date (((IcItemRef *) g_ptr_array_index (chain, from))->report);

  for (guint i = from; i < chain->len; i++)
    {
      const IcItemRef *ref = g_ptr_array_index (chain, i);
      const GDate *other = ic_report_get_sort_date (ref->report);
      g_autofree char *key = NULL;

      if (other == NULL || g_date_compare (other, date) != 0)
        break;
      key = ref_key (ref);
      if (g_hash_table_contains (firm, key))
        return FALSE;
    }
  return TRUE;
}

static IcChartLink *
add_step (GPtrArray   *links,
          guint        chain,
          IcReport    *report,
          const char  *theme,
          const GDate *earlier,
          const GDate *later,
          guint        times,
          gboolean     by_user)
{
  IcChartLink *link = ic_chart_link_new (ic_report_get_authority (report), theme, earlier, later);

  link->times_raised = times;
  link->user_linked = by_user;
  link->chain = chain;
  g_ptr_array_add (links, link);
  return link;
}

/* One link per step of @chain (sorted by report), from each of its
 * reports to the next; reports of one day are one step. A report of
 * the chain whose item has other themes (the same concern, another
 * theme) has no mark in @theme's row, but a step still ends there: the
 * timeline draws a small dot on the line for it, rather than a line
 * that passes its column as if it had nothing to do with the area, and
 * the pack's recurring areas list every report of the chain, as many as
 * its count says. A link the user made is counted by the step that
 * ends in its later item's report. Each step says whether its report
 * raised the area again by possible matches only (@firm: the items that
 * did not). */
static void
add_chain_links (GPtrArray  *links,
                 guint       number,
                 GPtrArray  *chain,
                 const char *theme,
                 GHashTable *user_linked,
                 GHashTable *firm)
{
  const GDate *last = NULL;
  guint times = 0;
  IcChartLink *step = NULL;

  for (guint i = 0; i < chain->len; i++)
    {
      const IcItemRef *ref = g_ptr_array_index (chain, i);
      const GDate *date = ic_report_get_sort_date (ref->report);
      g_autofree char *key = NULL;
      gboolean by_user;

      if (date == NULL)
        continue;
      key = ref_key (ref);
      by_user = g_hash_table_contains (user_linked, key);
      /* Another item of the report the last step ends in. */
      if (last != NULL && g_date_compare (date, last) == 0)
        {
          if (step != NULL)
            step->user_linked |= by_user;
          continue;
        }
      times++;
      step = last != NULL ? add_step (links, number, ref->report, theme, last, date, times, by_user) : NULL;
      if (step != NULL)
        step->possible = date_rests_on_possible (chain, i, firm);
      last = date;
    }
}

/* A report that says earlier areas remain has no item of its own: a
 * join to its date, not a step of a chain. */
static void
add_carried_forward_links (GPtrArray *links,
                           GPtrArray *recurrences)
{
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *recurrence = g_ptr_array_index (recurrences, i);
      const GDate *earlier = ic_report_get_sort_date (ic_recurrence_get_earlier (recurrence)->report);
      const GDate *later = ic_report_get_sort_date (ic_recurrence_get_later (recurrence)->report);
      IcChartLink *link;

      if (!ic_recurrence_get_carried_forward (recurrence) || earlier == NULL || later == NULL)
        continue;
      link = ic_chart_link_new (ic_recurrence_get_authority (recurrence),
                                ic_recurrence_get_theme (recurrence), earlier, later);
      link->carried_forward = TRUE;
      g_ptr_array_add (links, link);
    }
}

/* A mark's count for each theme of @ref's item at its report's date. */
static void
add_item_marks (GPtrArray       *links,
                const IcItemRef *ref,
                guint            times,
                gboolean         by_user,
                gboolean         possible)
{
  g_autoptr(IcImprovement) item = ic_item_ref_get_item (ref);
  const GDate *date = ic_report_get_sort_date (ref->report);
  const char * const *themes = item ? ic_improvement_get_themes (item) : NULL;

  for (guint t = 0; date != NULL && themes != NULL && themes[t] != NULL; t++)
    {
      IcChartLink *link = ic_chart_link_new (ic_report_get_authority (ref->report), themes[t], date, date);

      link->mark_only = TRUE;
      link->item = ref->index;
      link->times_raised = times;
      link->user_linked = by_user;
      link->possible = possible;
      g_ptr_array_add (links, link);
    }
}

/* Every item that recurs (the later item of a link, as the JSON lists
 * it) is marked with its chain's count in every row it is drawn in, not
 * only in the row its chain's line takes. */
static void
add_recurring_item_marks (GPtrArray  *links,
                          GPtrArray  *recurrences,
                          GPtrArray  *chains,
                          GHashTable *user_linked)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) times = ic_recurrence_times_index (chains);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      const IcItemRef *later = ic_recurrence_get_later (r);
      char *key;

      if (ic_recurrence_get_carried_forward (r))
        continue;
      key = ref_key (later);
      if (!g_hash_table_add (done, key))
        continue;
      add_item_marks (links, later, ic_recurrence_times_lookup (times, later->report, later->index),
                      g_hash_table_contains (user_linked, key),
                      ic_recurrences_raised_by_possible (recurrences, later->report, later->index));
    }
}

/**
 * ic_chart_links_from_recurrences:
 * @recurrences: (element-type IcRecurrence): from ic_find_recurrences()
 *
 * Returns: (transfer full) (element-type IcChartLink): the steps of every
 *   chain of recurrences, from one report's date to the next's, one
 *   join per carried-forward item, and the marks of the items raised
 *   again (@mark_only)
 */
GPtrArray *
ic_chart_links_from_recurrences (GPtrArray *recurrences)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_chart_link_free);
  g_autoptr(GPtrArray) chains = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GHashTable) user_linked = NULL;
  g_autoptr(GHashTable) firm = NULL;

  if (recurrences == NULL)
    return links;
  chains = ic_recurrence_chains (recurrences);
  themes = chain_themes (recurrences, chains);
  user_linked = user_linked_items (recurrences);
  firm = firmly_linked_items (recurrences);
  for (guint c = 0; c < chains->len; c++)
    if (g_ptr_array_index (themes, c) != NULL)
      add_chain_links (links, c + 1, g_ptr_array_index (chains, c), g_ptr_array_index (themes, c), user_linked,
                       firm);
  add_carried_forward_links (links, recurrences);
  add_recurring_item_marks (links, recurrences, chains, user_linked);
  return links;
}

/**
 * ic_chart_links_find:
 * @reports: a list model of #IcReport
 *
 * Returns: (transfer full) (element-type IcChartLink): the joins of the
 *   recurrences the analysis finds among @reports
 */
GPtrArray *
ic_chart_links_find (GListModel *reports)
{
  g_autoptr(GPtrArray) recurrences = ic_find_recurrences (reports);

  return ic_chart_links_from_recurrences (recurrences);
}

static IcChartLink *
link_copy (const IcChartLink *link)
{
  IcChartLink *copy = ic_chart_link_new (link->authority, link->theme, &link->earlier, &link->later);

  copy->times_raised = link->times_raised;
  copy->carried_forward = link->carried_forward;
  copy->user_linked = link->user_linked;
  copy->mark_only = link->mark_only;
  copy->item = link->item;
  copy->chain = link->chain;
  copy->possible = link->possible;
  return copy;
}

/* (authority, date) of every dated report of @shown. */
static GHashTable *
shown_dates (GListModel *shown)
{
  GHashTable *dates = _ic_chart_report_dates_new ();

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (shown, i);

      _ic_chart_report_dates_add (dates, report);
    }
  return dates;
}

/* Copies of those of @links whose later report is shown, and whose
 * earlier one is too unless a mark's. */
static GPtrArray *
pick_ending (GPtrArray  *links,
             GListModel *shown)
{
  g_autoptr(GHashTable) dates = shown_dates (shown);
  GPtrArray *picked = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_chart_link_free);

  for (guint i = 0; i < links->len; i++)
    {
      const IcChartLink *link = g_ptr_array_index (links, i);

      if (_ic_chart_report_dates_has (dates, link->authority, &link->later) &&
          (link->mark_only || _ic_chart_report_dates_has (dates, link->authority, &link->earlier)))
        g_ptr_array_add (picked, link_copy (link));
    }
  return picked;
}

/**
 * ic_chart_links_pick:
 * @links: (element-type IcChartLink): joins found among every loaded
 *   report of some authorities
 * @shown: a list model of #IcReport, the reports a chart draws
 *
 * A date filter shows part of an authority's history, but how many times
 * an area was raised is a fact about every loaded report (README,
 * "Recurrences are found among every loaded report"): the joins are
 * found once among them all and only picked here. A mark is kept when
 * its report is shown, with its whole chain's count; a line only when
 * both its reports are.
 *
 * Returns: (transfer full) (element-type IcChartLink): copies of those
 *   of @links drawn among @shown
 */
GPtrArray *
ic_chart_links_pick (GPtrArray  *links,
                     GListModel *shown)
{
  return pick_ending (links, shown);
}

/* Chain number -> the latest date of a shown report a step of it ends
 * in (a GDate owned by @links). */
static GHashTable *
chains_shown_until (GPtrArray  *links,
                    GHashTable *dates)
{
  GHashTable *until = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (links, i);
      const GDate *latest = g_hash_table_lookup (until, GUINT_TO_POINTER (link->chain));

      if (link->chain != 0 && _ic_chart_report_dates_has (dates, link->authority, &link->later) &&
          (latest == NULL || g_date_compare (&link->later, latest) > 0))
        g_hash_table_insert (until, GUINT_TO_POINTER (link->chain), &link->later);
    }
  return until;
}

/**
 * ic_chart_links_of_selection:
 * @found: (element-type IcRecurrence): every recurrence among every
 *   loaded report, from ic_find_recurrences()
 * @shown: a list model of #IcReport, the reports a filter keeps (the
 *   same reports as @found's, or snapshots of them: matched by
 *   authority and date)
 *
 * The pack's joins: the steps of every chain among every loaded report
 * that ends in a report of @shown (README, "kept when their later report
 * is shown"), up to the latest such report, those among reports a filter
 * hides too: the pack's recurring areas list every report that counts
 * towards the area's count ("raised 4 times") and name an earlier date
 * a filter hides; and the marks of @shown, each with its whole chain's
 * count. The chains are those the window picks from
 * (ic_chart_links_pick()), not chains of the recurrences kept, whose
 * line a filter could move to another theme's row or split; the
 * timeline draws only the steps between two reports it shows, as the
 * window's (ic-chart-timeline.c).
 *
 * Returns: (transfer full) (element-type IcChartLink): the joins
 */
GPtrArray *
ic_chart_links_of_selection (GPtrArray  *found,
                             GListModel *shown)
{
  g_autoptr(GPtrArray) all_links = ic_chart_links_from_recurrences (found);
  g_autoptr(GHashTable) dates = shown_dates (shown);
  g_autoptr(GHashTable) until = chains_shown_until (all_links, dates);
  GPtrArray *picked = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_chart_link_free);

  for (guint i = 0; i < all_links->len; i++)
    {
      const IcChartLink *link = g_ptr_array_index (all_links, i);
      const GDate *latest = g_hash_table_lookup (until, GUINT_TO_POINTER (link->chain));

      if (link->chain != 0 ? latest != NULL && g_date_compare (&link->later, latest) <= 0
                           : _ic_chart_report_dates_has (dates, link->authority, &link->later))
        g_ptr_array_add (picked, link_copy (link));
    }
  return picked;
}

static char *
report_date_key (const char  *authority,
                 const GDate *date)
{
  return g_strdup_printf ("%s\x1f%u", authority != NULL ? authority : "", g_date_get_julian (date));
}

/* A set of (authority, date) of reports shown: a link's two ends are
 * known by those, and a line or step is kept only when they are shown. */
GHashTable *
_ic_chart_report_dates_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_ic_chart_report_dates_add (GHashTable *dates,
                            IcReport   *report)
{
  const GDate *date = ic_report_get_sort_date (report);

  if (date != NULL && g_date_valid (date))
    g_hash_table_add (dates, report_date_key (ic_report_get_authority (report), date));
}

gboolean
_ic_chart_report_dates_has (GHashTable  *dates,
                            const char  *authority,
                            const GDate *date)
{
  g_autofree char *key = NULL;

  if (!g_date_valid (date))
    return FALSE;
  key = report_date_key (authority, date);
  return g_hash_table_contains (dates, key);
}
