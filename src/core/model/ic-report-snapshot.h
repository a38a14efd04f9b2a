/* ic-report-snapshot.h: a report's fields, copied for another thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

IcReport   *ic_report_snapshot        (IcReport   *report) G_GNUC_WARN_UNUSED_RESULT;
GListModel *ic_report_snapshot_model  (GListModel *reports) G_GNUC_WARN_UNUSED_RESULT;
gboolean    ic_report_snapshot_is_current (IcReport *snapshot,
                                           IcReport *report);

G_END_DECLS
