/* ic-report-store.h: every loaded report, sorted by authority then date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-corrections.h"
#include "ic-failure.h"
#include "ic-report.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORT_STORE (ic_report_store_get_type ())

G_DECLARE_FINAL_TYPE (IcReportStore, ic_report_store, IC, REPORT_STORE, GObject)

IcReportStore *ic_report_store_new              (void) G_GNUC_WARN_UNUSED_RESULT;
void           ic_report_store_add_batch        (IcReportStore *self,
                                                 GPtrArray     *reports);
void           ic_report_store_replace_batch    (IcReportStore *self,
                                                 GPtrArray     *reports);
void           ic_report_store_add_failures     (IcReportStore *self,
                                                 GPtrArray     *failures);
void           ic_report_store_add_duplicate    (IcReportStore *self,
                                                 IcReport      *report,
                                                 const char    *path);
void           ic_report_store_remove_source    (IcReportStore *self,
                                                 const char    *source);
void           ic_report_store_remove_sources   (IcReportStore *self,
                                                 GPtrArray     *sources);
void           ic_report_store_clear            (IcReportStore *self);
IcReport      *ic_report_store_find_content     (IcReportStore *self,
                                                 const char    *content_id);
GListModel    *ic_report_store_get_failures     (IcReportStore *self);
IcReport      *ic_report_store_get_report       (IcReportStore *self,
                                                 guint          position);
void           ic_report_store_set_corrections  (IcReportStore *self,
                                                 IcCorrections *corrections);
IcCorrections *ic_report_store_get_corrections  (IcReportStore *self);

G_END_DECLS
