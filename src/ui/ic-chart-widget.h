/* ic-chart-widget.h: one chart of the render library on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  IC_CHART_WIDGET_TIMELINE,
  IC_CHART_WIDGET_GRADES,
  IC_CHART_WIDGET_THEMES,
  IC_CHART_WIDGET_HISTORY,
  IC_CHART_WIDGET_PER_YEAR,
} IcChartWidgetKind;
#define IC_N_CHART_WIDGET_KINDS (IC_CHART_WIDGET_PER_YEAR + 1)

#define IC_TYPE_CHART_WIDGET (ic_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (IcChartWidget, ic_chart_widget, IC, CHART_WIDGET, GtkWidget)

GtkWidget         *ic_chart_widget_new       (IcChartWidgetKind  kind);
IcChartWidgetKind  ic_chart_widget_get_kind  (IcChartWidget     *self);
void               ic_chart_widget_set_kind  (IcChartWidget     *self,
                                              IcChartWidgetKind  kind);
GListModel        *ic_chart_widget_get_model (IcChartWidget     *self);
void               ic_chart_widget_set_model (IcChartWidget     *self,
                                              GListModel        *model);
double             ic_chart_widget_get_zoom  (IcChartWidget     *self);
void               ic_chart_widget_set_zoom  (IcChartWidget     *self,
                                              double             zoom);
const char        *ic_chart_widget_kind_to_title (IcChartWidgetKind kind);
const char        *ic_chart_widget_kind_to_key   (IcChartWidgetKind kind);

G_END_DECLS
