/* ic-report-snapshot.c: a report's fields, copied for another thread
 *
 * A report in the store changes in place when it is read in full or
 * corrected, on the main thread. A worker (finding recurrences, drawing
 * an export) is handed snapshots instead: reports of their own, never
 * published to a store, that nothing writes to once made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-snapshot"

#include "config.h"

#include "ic-report-private.h"
#include "ic-report-snapshot.h"
#include "ic-search-index.h"

static void
copy_judgements (IcReport *copy,
                 IcReport *report)
{
  GListModel *judgements = ic_report_get_judgements (report);

  for (guint i = 0; i < g_list_model_get_n_items (judgements); i++)
    {
      g_autoptr(IcJudgement) from = g_list_model_get_item (judgements, i);
      g_autoptr(IcJudgement) judgement =
        ic_judgement_new (ic_judgement_get_area (from), ic_judgement_get_label (from),
                          ic_judgement_get_grade (from), ic_judgement_get_page (from));

      _ic_report_add_judgement (copy, judgement);
    }
}

/* Items are objects whose themes a correction sets: copied, not shared. */
static void
copy_improvements (IcReport *copy,
                   IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) from = g_list_model_get_item (items, i);
      g_autoptr(IcImprovement) item =
        ic_improvement_new (ic_improvement_get_text (from), ic_improvement_get_kind (from),
                            ic_improvement_get_scope (from), ic_improvement_get_timeframe (from),
                            ic_improvement_get_page (from));

      ic_improvement_set_themes (item, ic_improvement_get_themes (from));
      _ic_report_add_improvement (copy, item);
    }
}

static void
copy_lists (IcReport *copy,
            IcReport *report)
{
  const char * const *strengths = ic_report_get_strengths (report);
  const char * const *warnings = ic_report_get_warnings (report);
  const char * const *duplicates = ic_report_get_duplicates (report);
  const char * const *corrected = ic_report_get_corrected_fields (report);

  for (guint i = 0; strengths[i] != NULL; i++)
    _ic_report_add_strength (copy, strengths[i]);
  for (guint i = 0; warnings[i] != NULL; i++)
    _ic_report_add_warning (copy, warnings[i]);
  for (guint i = 0; duplicates[i] != NULL; i++)
    _ic_report_add_duplicate (copy, duplicates[i]);
  for (guint i = 0; corrected[i] != NULL; i++)
    _ic_report_mark_corrected (copy, corrected[i]);
  _ic_report_set_recurrence_links (copy, ic_report_get_recurrence_links (report));
}

/**
 * ic_report_snapshot:
 *
 * Every field of @report as it is now, corrections applied, except the
 * text of its pages (large, and no worker reads it); the search index
 * of the pages, immutable, is shared.
 *
 * Returns: (transfer full): a new report that nothing else holds; call
 *   on the thread that owns @report
 */
IcReport *
ic_report_snapshot (IcReport *report)
{
  IcReport *copy;

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);

  copy = _ic_report_new (ic_report_get_source (report));
  _ic_report_set_content_id (copy, ic_report_get_content_id (report));
  _ic_report_set_authority (copy, ic_report_get_authority (report));
  _ic_report_set_authority_as_printed (copy, ic_report_get_authority_as_printed (report));
  _ic_report_set_inspection_type (copy, ic_report_get_inspection_type (report));
  _ic_report_set_ilacs_variant (copy, ic_report_get_ilacs_variant (report));
  _ic_report_set_title (copy, ic_report_get_title (report));
  _ic_report_set_start_date (copy, ic_report_get_start_date (report));
  _ic_report_set_end_date (copy, ic_report_get_end_date (report));
  _ic_report_set_published_date (copy, ic_report_get_published_date (report));
  _ic_report_set_lead_inspector (copy, ic_report_get_lead_inspector (report));
  _ic_report_set_improvement_note (copy, ic_report_get_improvement_note (report));
  copy_judgements (copy, report);
  copy_improvements (copy, report);
  copy_lists (copy, report);
  if (_ic_report_get_search_doc (report) != NULL)
    _ic_report_take_search_doc (copy, ic_search_doc_ref (_ic_report_get_search_doc (report)));
  return copy;
}

/**
 * ic_report_snapshot_model:
 *
 * Returns: (transfer full): a list of snapshots of @reports, in order
 */
GListModel *
ic_report_snapshot_model (GListModel *reports)
{
  GListStore *copies;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), NULL);

  copies = g_list_store_new (IC_TYPE_REPORT);
  n = g_list_model_get_n_items (reports);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      g_autoptr(IcReport) copy = ic_report_snapshot (report);

      g_list_store_append (copies, copy);
    }
  return G_LIST_MODEL (copies);
}
