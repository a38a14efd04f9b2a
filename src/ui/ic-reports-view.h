/* ic-reports-view.h: the sortable list of reports and the report page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORTS_VIEW (ic_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (IcReportsView, ic_reports_view, IC, REPORTS_VIEW, GtkWidget)

void        ic_reports_view_set_model   (IcReportsView *self,
                                         GListModel    *model);
void        ic_reports_view_set_all_reports (IcReportsView *self,
                                             GListModel    *reports);
GListModel *ic_reports_view_get_rows    (IcReportsView *self);
void        ic_reports_view_show_report (IcReportsView *self,
                                         IcReport      *report);
void        ic_reports_view_show_list   (IcReportsView *self);
void        ic_reports_view_show_authority (IcReportsView *self,
                                            const char    *authority);
/* (transfer none) (nullable): the authority whose page is shown */
const char *ic_reports_view_get_authority (IcReportsView *self);
/* (transfer none) (nullable): the report shown on the report page */
IcReport   *ic_reports_view_get_report  (IcReportsView *self);

void        ic_reports_view_set_highlighted (IcReportsView *self,
                                            const char *authority);
void          ic_reports_view_show_passage   (IcReportsView *self,
                                              IcReport      *report,
                                              guint          page,
                                              const char    *passage);

void        ic_reports_view_set_return (IcReportsView *self,
                                        const char    *view,
                                        GtkWidget     *focus);

G_END_DECLS
