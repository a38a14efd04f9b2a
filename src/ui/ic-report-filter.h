/* ic-report-filter.h: the filter every view shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-filter-spec.h"
#include "ic-report.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORT_FILTER (ic_report_filter_get_type ())

G_DECLARE_FINAL_TYPE (IcReportFilter, ic_report_filter, IC, REPORT_FILTER, GtkFilter)

IcReportFilter *ic_report_filter_new             (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean        ic_report_filter_match_report    (IcReportFilter *self,
                                                  IcReport       *report);
IcFilterSpec   *ic_report_filter_get_spec        (IcReportFilter *self);
const char     *ic_report_filter_get_search      (IcReportFilter *self);
void            ic_report_filter_set_search      (IcReportFilter *self,
                                                  const char     *search);
const char     *ic_report_filter_get_type_key    (IcReportFilter *self);
void            ic_report_filter_set_type_key    (IcReportFilter *self,
                                                  const char     *type_key);
const char     *ic_report_filter_get_region      (IcReportFilter *self);
void            ic_report_filter_set_region      (IcReportFilter *self,
                                                  const char     *region);
const char     *ic_report_filter_get_peer        (IcReportFilter *self);
void            ic_report_filter_set_peer        (IcReportFilter *self,
                                                  const char     *authority);
int             ic_report_filter_get_from_year   (IcReportFilter *self);
void            ic_report_filter_set_from_year   (IcReportFilter *self,
                                                  int             year);
int             ic_report_filter_get_to_year     (IcReportFilter *self);
void            ic_report_filter_set_to_year     (IcReportFilter *self,
                                                  int             year);
gboolean        ic_report_filter_is_active       (IcReportFilter *self);
void            ic_report_filter_reset           (IcReportFilter *self);

G_END_DECLS
