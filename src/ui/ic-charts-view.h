/* ic-charts-view.h: grade distribution, theme frequency, grade history, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-chart.h"

G_BEGIN_DECLS

#define IC_TYPE_CHARTS_VIEW (ic_charts_view_get_type ())

G_DECLARE_FINAL_TYPE (IcChartsView, ic_charts_view, IC, CHARTS_VIEW, GtkWidget)

void ic_charts_view_set_model (IcChartsView *self,
                               GListModel   *model);

void        ic_charts_view_set_peer_group (IcChartsView       *self,
                                           const char         *anchor,
                                           const char * const *group);
GtkListBox *ic_charts_view_get_table_list (IcChartsView       *self,
                                           IcChartKind         kind);
void        ic_charts_view_show_table     (IcChartsView       *self,
                                           IcChartKind         kind,
                                           gboolean            table);

G_END_DECLS
