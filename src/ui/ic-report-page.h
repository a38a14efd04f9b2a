/* ic-report-page.h: one report: judgements, items, strengths, full text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORT_PAGE (ic_report_page_get_type ())

G_DECLARE_FINAL_TYPE (IcReportPage, ic_report_page, IC, REPORT_PAGE, GtkWidget)

IcReport *ic_report_page_get_report (IcReportPage *self);
void      ic_report_page_set_report (IcReportPage *self,
                                     IcReport     *report);
void      ic_report_page_set_reports (IcReportPage *self,
                                      GListModel   *reports);
/* Highlights every match of @text in the full text; returns how many. */
guint     ic_report_page_find       (IcReportPage *self,
                                     const char   *text);
gboolean  ic_report_page_show_passage (IcReportPage *self,
                                       guint         page,
                                       const char   *passage);

G_END_DECLS
