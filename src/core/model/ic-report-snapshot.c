/* ic-report-snapshot.c: a report as it is now, for another thread
 *
 * A report in the store changes by swapping its value when it is read in
 * full or corrected, on the main thread. A worker (finding recurrences,
 * drawing an export) is handed snapshots instead: sealed handles of their
 * own on the value as it was, which nothing writes to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-snapshot"

#include "config.h"

#include "ic-report-private.h"
#include "ic-report-snapshot.h"

/* A sealed report shares its value: nothing copied, and a later swap
 * (a correction, a full read) leaves the snapshot as it was. */
IcReport *
ic_report_snapshot (IcReport *report)
{
  g_return_val_if_fail (IC_IS_REPORT (report), NULL);
  return _ic_report_share (report);
}

/**
 * ic_report_snapshot_is_current:
 * @snapshot: from ic_report_snapshot()
 * @report: a report
 *
 * Returns: whether @snapshot is of @report as @report is now: a result
 *   computed from the snapshot still holds for the report
 */
gboolean
ic_report_snapshot_is_current (IcReport *snapshot,
                               IcReport *report)
{
  return _ic_report_shares_value (snapshot, report);
}

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
