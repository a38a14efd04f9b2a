/* ic-suggestions.c: the earlier items an item most likely raises again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-suggestions"

#include "config.h"

#include "ic-recurrence-private.h"
#include "ic-suggestions.h"

static void
suggestion_free (gpointer data)
{
  IcSuggestion *suggestion = data;

  g_clear_object (&suggestion->earlier.report);
  g_free (suggestion);
}

/* The reports of @report's authority, for entries of its own reports
 * only: recurrence is local, and reading the whole archive's items for
 * one dialog would be slow. */
static GListModel *
same_authority (GListModel *reports,
                IcReport   *report)
{
  GListStore *mine = g_list_store_new (IC_TYPE_REPORT);
  const char *authority = ic_report_get_authority (report);

  for (guint i = 0; authority != NULL && i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (reports, i);

      if (g_strcmp0 (ic_report_get_authority (other), authority) == 0)
        g_list_store_append (mine, other);
    }
  return G_LIST_MODEL (mine);
}

/* Whether the user said item @index of @report and item @earlier_index
 * of @earlier raise different concerns ("2 abc123 0 different"). */
static gboolean
said_different (IcReport *report,
                guint     index,
                IcReport *earlier,
                guint     earlier_index)
{
  const char *earlier_id = ic_report_get_content_id (earlier);
  g_autofree char *link = NULL;

  if (earlier_id == NULL)
    return FALSE;
  link = g_strdup_printf ("%u %s %u different", index, earlier_id, earlier_index);
  return g_strv_contains (ic_report_get_recurrence_links (report), link);
}

/* The highest score first; between equals, the later report (the
 * likelier to be repeated) and then the first item. */
static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const IcSuggestion *x = *(const IcSuggestion **)a;
  const IcSuggestion *y = *(const IcSuggestion **)b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->earlier.report != y->earlier.report)
    return -ic_report_compare (x->earlier.report, y->earlier.report);
  return (x->earlier.index > y->earlier.index) - (x->earlier.index < y->earlier.index);
}

/* The items of @earlier that item @index of @later shares a concern
 * with, as the finder scores them, onto @out. */
static void
suggest_from (Entry     *earlier,
              Entry     *later,
              guint      index,
              gboolean   previous,
              GPtrArray *recurrences,
              GPtrArray *out)
{
  double bonus = _ic_recurrence_repeat_bonus (later, index, previous);

  for (guint i = 0; i < earlier->items->len; i++)
    {
      IcSuggestion *suggestion;
      int concept;
      double score;

      if (ic_recurrences_link_items (recurrences, later->report, index, earlier->report, i) ||
          said_different (later->report, index, earlier->report, i))
        continue;
      score = _ic_recurrence_pair_score (earlier, i, later, index, bonus, &concept);
      if (score <= 0)
        continue;
      suggestion = g_new0 (IcSuggestion, 1);
      suggestion->earlier.report = g_object_ref (earlier->report);
      suggestion->earlier.index = i;
      suggestion->score = score;
      suggestion->concept_label = concept < 0 ? NULL : ic_concepts_get_label (ic_concepts_get_default (), concept);
      g_ptr_array_add (out, suggestion);
    }
}

static guint
position_of (GPtrArray *entries,
             IcReport  *report)
{
  for (guint e = 0; e < entries->len; e++)
    if (((Entry *)g_ptr_array_index (entries, e))->report == report)
      return e;
  return G_MAXUINT;
}

/**
 * ic_suggest_earlier_items:
 * @reports: a list model of #IcReport with themes assigned, @report's
 *   among them (other authorities' reports are not read)
 * @report: the later report
 * @index: its item to link
 * @recurrences: (nullable) (element-type IcRecurrence): the links found,
 *   whose pairs are not suggested again
 *
 * Returns: (transfer full) (element-type IcSuggestion): every earlier
 *   item of @report's authority with a score above nothing, the likeliest
 *   first; empty when @report is not among @reports or has no date
 */
GPtrArray *
ic_suggest_earlier_items (GListModel *reports,
                          IcReport   *report,
                          guint       index,
                          GPtrArray  *recurrences)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (suggestion_free);
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Entry *later, *previous;
  guint pos;

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), out);
  g_return_val_if_fail (IC_IS_REPORT (report), out);

  mine = same_authority (reports, report);
  entries = _ic_recurrence_entries_new (mine);
  pos = position_of (entries, report);
  if (pos == G_MAXUINT || index >= ((Entry *)g_ptr_array_index (entries, pos))->items->len)
    return out;
  later = g_ptr_array_index (entries, pos);
  previous = _ic_recurrence_previous_inspection (entries, pos);
  for (guint e = 0; e < pos; e++)
    {
      Entry *earlier = g_ptr_array_index (entries, e);

      if (_ic_recurrence_same_authority_earlier (earlier, later))
        suggest_from (earlier, later, index, earlier == previous, recurrences, out);
    }
  g_ptr_array_sort (out, compare_suggestions);
  return out;
}
