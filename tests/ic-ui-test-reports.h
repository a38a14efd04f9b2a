/* ic-ui-test-reports.h: made-up reports and a window showing them, for
 * the ui test programs (the shapes of real reports, none of their text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report-store.h"
#include "ic-window-private.h"

G_BEGIN_DECLS

/* Made-up reports: the shapes of real ones, none of their text. */
IcReport *
make_report (const char       *source,
             const char       *authority,
             IcInspectionType  type,
             guint             day,
             GDateMonth        month,
             guint             year,
             IcGrade           overall);

void
fill_store (IcReportStore *store);

IcWindow *
new_window_with_reports (void);

void
correct (IcWindow   *window,
         const char *field,
         const char *value);

GtkWidget *
focus_of (IcWindow *window);

/* 900 made-up reports: six for each of 150 real authorities, so that
 * region and peer filters pick real groups. */
void
fill_store_at_scale (IcReportStore *store);

GPtrArray *
make_reports_at_scale (void);

G_END_DECLS
