/* ic-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ic-changes.h"
#include "ic-enums.h"
#include "ic-json.h"
#include "ic-recurrence.h"

void
ic_changes_free (IcChanges *changes)
{
  if (changes == NULL)
    return;
  g_clear_object (&changes->report);
  g_clear_object (&changes->previous);
  g_array_unref (changes->raised_again);
  g_array_unref (changes->new_items);
  g_array_unref (changes->no_longer);
  g_free (changes);
}

static char *
report_key (IcReport *report)
{
  return ic_path_to_utf8 (ic_report_get_source (report));
}

static guint
n_items (IcReport *report)
{
  return g_list_model_get_n_items (ic_report_get_improvements (report));
}

static guint
year_of (IcReport *report)
{
  const GDate *date = ic_report_get_sort_date (report);

  return date != NULL ? g_date_get_year (date) : 0;
}

/* The year of the earliest report item @index of @report repeats (0
 * when none), that of its chain's first when earlier (the count is of
 * the chain), and whether a link the user made is among its links. */
static IcRaisedAgain
raised_again_of (GPtrArray  *recurrences,
                 GHashTable *times,
                 GHashTable *first_years,
                 IcReport   *report,
                 guint       index)
{
  guint chain_first = ic_recurrence_first_year_lookup (first_years, report, index);
  IcRaisedAgain again = { index, 0, FALSE, ic_recurrence_times_lookup (times, report, index) };

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      const IcItemRef *later = ic_recurrence_get_later (r);
      guint y;

      if (later->report != report || later->index != index || ic_recurrence_get_carried_forward (r))
        continue;
      y = year_of (ic_recurrence_get_earlier (r)->report);
      if (again.first_year == 0 || (y != 0 && y < again.first_year))
        again.first_year = y;
      again.user_linked |= ic_recurrence_get_user_linked (r);
    }
  if (again.first_year != 0 && chain_first != 0 && chain_first < again.first_year)
    again.first_year = chain_first;
  return again;
}

/* Whether an item of @report repeats (or carries forward) @index of
 * @previous. */
static gboolean
raised_in (GPtrArray *recurrences,
           IcReport  *previous,
           guint      index,
           IcReport  *report)
{
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      const IcItemRef *earlier = ic_recurrence_get_earlier (r);

      if (ic_item_ref_is (earlier, previous, index) &&
          ic_recurrence_get_later (r)->report == report)
        return TRUE;
    }
  return FALSE;
}

/* @recurrences: those that end in @report (others are passed over);
 * @times: ic_recurrence_times_index() of every recurrence's chains;
 * @first_years: ic_recurrence_first_years_index() of them */
static IcChanges *
changes_new (IcReport   *report,
             IcReport   *previous,
             GPtrArray  *recurrences,
             GHashTable *times,
             GHashTable *first_years)
{
  IcChanges *changes = g_new0 (IcChanges, 1);

  changes->report = g_object_ref (report);
  changes->previous = previous ? g_object_ref (previous) : NULL;
  changes->raised_again = g_array_new (FALSE, FALSE, sizeof (IcRaisedAgain));
  changes->new_items = g_array_new (FALSE, FALSE, sizeof (guint));
  changes->no_longer = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_items (report); i++)
    {
      IcRaisedAgain again = raised_again_of (recurrences, times, first_years, report, i);

      if (again.first_year != 0)
        g_array_append_val (changes->raised_again, again);
      else
        g_array_append_val (changes->new_items, i);
    }
  for (guint i = 0; previous != NULL && i < n_items (previous); i++)
    if (!raised_in (recurrences, previous, i, report))
      g_array_append_val (changes->no_longer, i);
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      changes->n_carried += ic_recurrence_get_carried_forward (r) && ic_recurrence_get_later (r)->report == report;
    }
  return changes;
}

/* The recurrences by their later report, in their order: a report's
 * changes read only those that end in it. */
static GHashTable *
recurrences_by_later (GPtrArray *recurrences)
{
  GHashTable *by_later = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      IcReport *later = ic_recurrence_get_later (r)->report;
      GPtrArray *list = g_hash_table_lookup (by_later, later);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_later, later, list);
        }
      g_ptr_array_add (list, r);
    }
  return by_later;
}

/* The later of a report's last day on site and the date it is dated:
 * a report may name an inspection by either. */
static const GDate *
latest_date_of (IcReport *report)
{
  const GDate *end = ic_report_get_sort_date (report);
  const GDate *published = ic_report_get_published_date (report);

  return published != NULL && g_date_compare (published, end) > 0 ? published : end;
}

/* Whether the last inspection @report names comes after @open, the
 * latest report of its authority open before it, by more than a month:
 * then the inspection it names is not open, and what changed is counted
 * from an older report than the one it was told about. Sets @changes'
 * unopened date when so. */
static void
note_unopened_previous (IcChanges *changes,
                        IcReport  *open)
{
  const GDate *latest = latest_date_of (open);
  guint year, month, open_year = g_date_get_year (latest), open_month = g_date_get_month (latest);
  gboolean later;

  if (!ic_report_get_stated_previous (changes->report, &year, &month))
    return;
  if (month == 0)
    later = year > open_year;
  else
    later = year * 12 + month > open_year * 12 + open_month + 1;
  if (later)
    {
      changes->unopened_year = year;
      changes->unopened_month = month;
    }
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  return ic_report_compare (*(IcReport **)a, *(IcReport **)b);
}

static gboolean
earlier_of_same_authority (IcReport *earlier,
                           IcReport *report)
{
  return g_strcmp0 (ic_report_get_authority (earlier), ic_report_get_authority (report)) == 0 &&
         g_date_compare (ic_report_get_sort_date (earlier), ic_report_get_sort_date (report)) < 0;
}

/**
 * ic_changes_compute:
 * @reports: every loaded report (the previous report of an authority is
 *   looked for among them)
 * @recurrences: (element-type IcRecurrence): from ic_find_recurrences()
 */
GHashTable *
ic_changes_compute (GListModel *reports,
                    GPtrArray  *recurrences)
{
  g_autoptr(GPtrArray) chains = ic_recurrence_chains (recurrences);

  return ic_changes_compute_with_chains (reports, recurrences, chains);
}

/**
 * ic_changes_compute_with_chains:
 * @chains: (element-type GPtrArray): ic_recurrence_chains() of
 *   @recurrences, which a caller that needs them too (a report's page,
 *   the pack's authority pages) builds once for both
 *
 * As ic_changes_compute().
 */
GHashTable *
ic_changes_compute_with_chains (GListModel *reports,
                                GPtrArray  *recurrences,
                                GPtrArray  *chains)
{
  GHashTable *changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)ic_changes_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) no_recurrences = g_ptr_array_new ();
  g_autoptr(GHashTable) by_later = NULL;
  g_autoptr(GHashTable) times = ic_recurrence_times_index (chains);
  g_autoptr(GHashTable) first_years = ic_recurrence_first_years_index (chains);
  /* @last_seen: the report before, of any date; @last_earlier: the
   * latest of the authority's reports dated before this one (a report
   * may share its date with the one before: a duplicate, a board's
   * review). */
  IcReport *previous = NULL, *last_seen = NULL, *last_earlier = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      IcReport *report = g_list_model_get_item (reports, i);

      if (ic_report_get_authority (report) != NULL && ic_report_get_sort_date (report) != NULL)
        g_ptr_array_add (sorted, report);
      else
        g_object_unref (report);
    }
  g_ptr_array_sort (sorted, compare_reports);
  by_later = recurrences_by_later (recurrences);

  for (guint i = 0; i < sorted->len; i++)
    {
      IcReport *report = g_ptr_array_index (sorted, i);
      GPtrArray *ending_here = g_hash_table_lookup (by_later, report);
      /* A report that raised nothing (a focused visit without a list)
       * says nothing about which areas were dropped: neither since the
       * one before ("12 no longer raised" was said of a letter with no
       * list) nor for the next. */
      gboolean raises = n_items (report) > 0 || ic_report_get_improvement_note (report) != NULL;

      IcChanges *report_changes;

      if (previous != NULL && !earlier_of_same_authority (previous, report))
        previous = NULL;
      if (last_seen != NULL && g_strcmp0 (ic_report_get_authority (last_seen), ic_report_get_authority (report)) != 0)
        last_earlier = NULL;
      else if (last_seen != NULL && earlier_of_same_authority (last_seen, report))
        last_earlier = last_seen;
      report_changes = changes_new (report, raises ? previous : NULL,
                                    ending_here ? ending_here : no_recurrences, times, first_years);
      /* @previous is one of the authority's reports dated before this
       * one, so there is a latest of them. */
      if (report_changes->previous != NULL)
        note_unopened_previous (report_changes, last_earlier);
      g_hash_table_insert (changes, report_key (report), report_changes);
      if (raises)
        previous = report;
      last_seen = report;
    }
  return changes;
}

IcChanges *
ic_changes_lookup (GHashTable *changes,
                   IcReport   *report)
{
  g_autofree char *key = report_key (report);

  return changes ? g_hash_table_lookup (changes, key) : NULL;
}

/* How a sentence names a report: "the inspection", "the focused visit". */
static const char *
report_noun (IcReport *report)
{
  IcInspectionType type = ic_report_get_inspection_type (report);

  switch (type)
    {
    case IC_INSPECTION_TYPE_FOCUSED_VISIT:
      return _("focused visit");
    case IC_INSPECTION_TYPE_MONITORING_VISIT:
      return _("monitoring visit");
    case IC_INSPECTION_TYPE_JTAI:
      return _("joint targeted area inspection");
    case IC_INSPECTION_TYPE_OTHER:
      return _("report");
    default:
      return _("inspection");
    }
}

static char *
describe_counts (IcChanges *changes)
{
  const GDate *end;
  char month_year[64] = "";

  if (changes == NULL || changes->previous == NULL)
    return NULL;
  end = ic_report_get_sort_date (changes->previous);
  g_date_strftime (month_year, sizeof month_year, "%B %Y", end);
  /* A statement that earlier areas remain raises them with no item of
   * its own: neither "raised again" nor "new" counts them. */
  if (changes->n_carried > 0)
    /* Translators: "Since the focused visit of May 2022: 0 raised again,
     * 0 new, 1 no longer raised, 3 carried forward by its statement" */
    return g_strdup_printf (_("Since the %s of %s: %u raised again, %u new, %u no longer raised, "
                              "%u carried forward by its statement"),
                            report_noun (changes->previous), month_year, changes->raised_again->len,
                            changes->new_items->len, changes->no_longer->len, changes->n_carried);
  /* Translators: "Since the focused visit of May 2022: 3 raised again,
   * 2 new, 4 no longer raised" */
  return g_strdup_printf (_("Since the %s of %s: %u raised again, %u new, %u no longer raised"),
                          report_noun (changes->previous),
                          month_year, changes->raised_again->len, changes->new_items->len,
                          changes->no_longer->len);
}

/* "April 2023", or "2023" when the month is not known. */
static char *
month_year_text (guint year,
                 guint month)
{
  g_autoptr(GDate) date = NULL;
  char text[64] = "";

  if (month == 0)
    return g_strdup_printf ("%u", year);
  date = g_date_new_dmy (1, month, year);
  g_date_strftime (text, sizeof text, "%B %Y", date);
  return g_strdup (text);
}

/**
 * ic_changes_describe_unopened:
 *
 * Returns: (nullable): a sentence saying that the last inspection the
 *   report names is not open, so that what changed is counted from an
 *   older report; or %NULL when it is open or not named
 */
char *
ic_changes_describe_unopened (IcChanges *changes)
{
  g_autofree char *named = NULL;

  if (changes == NULL || changes->previous == NULL || changes->unopened_year == 0)
    return NULL;
  named = month_year_text (changes->unopened_year, changes->unopened_month);
  /* Translators: "The report says the last inspection was in April 2023
   * (or: in 2023), and no report of then is open." The date is as the
   * report gives it; the sentence follows the counts of what changed. */
  return g_strdup_printf (_("The report says the last inspection was in %s, and no report of then is open."), named);
}

/* "Since the inspection of May 2022: 3 raised again, 2 new, 4 no longer
 * raised", then, when the last inspection the report names is not open,
 * a sentence saying so: the counts are then from an older report than
 * the one the report was told about. */
char *
ic_changes_describe (IcChanges *changes)
{
  g_autofree char *counts = describe_counts (changes);
  g_autofree char *unopened = ic_changes_describe_unopened (changes);

  if (counts == NULL || unopened == NULL)
    return g_steal_pointer (&counts);
  /* Translators: what changed, then that the last inspection the report
   * names is not open: "Since the focused visit of May 2014: 1 raised
   * again, 3 new, 17 no longer raised. The report says …" */
  return g_strdup_printf (_("%s. %s"), counts, unopened);
}

static void
add_indexes (JsonBuilder *builder,
             const char  *name,
             GArray      *indexes)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < indexes->len; i++)
    json_builder_add_int_value (builder, g_array_index (indexes, guint, i));
  json_builder_end_array (builder);
}

JsonNode *
ic_changes_to_json (IcChanges *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "since");
  if (changes->previous != NULL)
    {
      g_autofree char *source = report_key (changes->previous);
      g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (changes->previous));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source);
      json_builder_set_member_name (builder, "end_date");
      if (end != NULL)
        json_builder_add_string_value (builder, end);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "raised_again");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->raised_again->len; i++)
    {
      const IcRaisedAgain *again = &g_array_index (changes->raised_again, IcRaisedAgain, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, again->index);
      json_builder_set_member_name (builder, "first_raised");
      json_builder_add_int_value (builder, again->first_year);
      json_builder_set_member_name (builder, "times_raised");
      json_builder_add_int_value (builder, again->times_raised);
      /* As on the recurrence the user made (ic_recurrences_to_json()). */
      if (again->user_linked)
        {
          json_builder_set_member_name (builder, "corrected");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_indexes (builder, "new", changes->new_items);
  add_indexes (builder, "no_longer_raised", changes->no_longer);
  if (changes->unopened_year != 0)
    {
      g_autofree char *named = changes->unopened_month != 0
                               ? g_strdup_printf ("%04u-%02u", changes->unopened_year, changes->unopened_month)
                               : g_strdup_printf ("%04u", changes->unopened_year);

      json_builder_set_member_name (builder, "last_inspection_not_open");
      json_builder_add_string_value (builder, named);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
ic_changes_add_to_document (JsonNode   *document,
                            GHashTable *changes)
{
  JsonArray *reports = json_object_get_array_member (json_node_get_object (document), "reports");

  for (guint i = 0; reports != NULL && i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);
      IcChanges *found = g_hash_table_lookup (changes, json_object_get_string_member (report, "source"));

      if (found != NULL)
        json_object_set_member (report, "changes", ic_changes_to_json (found));
      else
        json_object_set_null_member (report, "changes");
    }
}

/* The later report's source of each recurrence, as the JSON names it. */
static GHashTable *
sources_of (GListModel *reports)
{
  GHashTable *sources = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      g_hash_table_add (sources, (gpointer)ic_report_get_source (report));
    }
  return sources;
}

/**
 * ic_changes_export_document:
 * @all: every report loaded
 * @selected: the reports to export (the filter's), among @all or
 *   snapshots of them
 * @failures: (nullable): a list model of #IcFailure
 *
 * The JSON export document as the command line and the window both
 * write it: the selected reports, the recurrences that end in one of
 * them and each one's `changes`, both found among all the reports, so
 * that a filter by year does not make an earlier area look new.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
ic_changes_export_document (GListModel *all,
                            GListModel *selected,
                            GListModel *failures)
{
  g_autoptr(GPtrArray) found = ic_find_recurrences (all);

  return ic_changes_export_document_found (all, selected, failures, found);
}

/**
 * ic_changes_export_document_found:
 * @all: every report loaded
 * @selected: the reports to export
 * @failures: (nullable): a list model of #IcFailure
 * @found: (element-type IcRecurrence): ic_find_recurrences() of @all,
 *   for a caller that has them already
 *
 * ic_changes_export_document() without finding the recurrences again.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
ic_changes_export_document_found (GListModel *all,
                                  GListModel *selected,
                                  GListModel *failures,
                                  GPtrArray  *found)
{
  return ic_changes_export_document_full (all, selected, failures, found, NULL, NULL);
}

/**
 * ic_changes_export_document_full:
 * @found: (nullable) (element-type IcRecurrence): ic_find_recurrences()
 *   of @all, or %NULL to find them
 * @progress: (nullable): told of each selected report added; its Cancel
 *   is heard between the steps
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when
 *   cancelled
 */
JsonNode *
ic_changes_export_document_full (GListModel        *all,
                                 GListModel        *selected,
                                 GListModel        *failures,
                                 GPtrArray         *found,
                                 const IcProgress  *progress,
                                 GError           **error)
{
  g_autoptr(GPtrArray) own_found = found != NULL ? g_ptr_array_ref (found) : ic_find_recurrences (all);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GHashTable) sources = sources_of (selected);
  g_autoptr(GHashTable) changes = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonNode *document;

  if (!ic_progress_go_on (progress, error))
    return NULL;
  changes = ic_changes_compute (all, own_found);
  for (guint i = 0; i < own_found->len; i++)
    {
      IcRecurrence *recurrence = g_ptr_array_index (own_found, i);

      if (g_hash_table_contains (sources, ic_report_get_source (ic_recurrence_get_later (recurrence)->report)))
        g_ptr_array_add (kept, recurrence);
    }
  list = ic_recurrences_to_json (kept);
  if (!ic_progress_go_on (progress, error))
    return NULL;
  document = ic_json_document_new_full (selected, failures, list, progress, error);
  if (document != NULL)
    ic_changes_add_to_document (document, changes);
  return document;
}
