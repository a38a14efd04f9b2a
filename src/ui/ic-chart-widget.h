/* ic-chart-widget.h: one chart of the render library on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-chart.h"

G_BEGIN_DECLS

#define IC_TYPE_CHART_WIDGET (ic_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (IcChartWidget, ic_chart_widget, IC, CHART_WIDGET, GtkWidget)

GtkWidget   *ic_chart_widget_new        (IcChartKind    kind);
IcChartKind  ic_chart_widget_get_kind   (IcChartWidget *self);
void         ic_chart_widget_set_kind   (IcChartWidget *self,
                                         IcChartKind    kind);
GListModel  *ic_chart_widget_get_model  (IcChartWidget *self);
void         ic_chart_widget_set_model  (IcChartWidget *self,
                                         GListModel    *model);
double       ic_chart_widget_get_zoom   (IcChartWidget *self);
void         ic_chart_widget_set_zoom   (IcChartWidget *self,
                                         double         zoom);
/* (transfer none) (nullable): the prepared chart, once there is data */
IcChart     *ic_chart_widget_get_chart  (IcChartWidget *self);
/* Prepares the chart now rather than when the main loop is next idle. */
void         ic_chart_widget_update     (IcChartWidget *self);
GArray      *ic_chart_widget_get_marks  (IcChartWidget *self);
const char  *ic_chart_widget_get_placeholder (IcChartWidget *self);
gboolean     ic_chart_widget_is_stale   (IcChartWidget *self);
gboolean     ic_chart_widget_is_current (IcChartWidget *self);
int          ic_chart_widget_get_focused_mark (IcChartWidget *self);
const char  *ic_chart_widget_get_selected_key (IcChartWidget *self);
void         ic_chart_widget_set_authorities (IcChartWidget      *self,
                                              const char * const *authorities);
const char * const *ic_chart_widget_get_authorities (IcChartWidget *self);
char        *ic_chart_widget_describe_hit (const IcChartHit *hit) G_GNUC_WARN_UNUSED_RESULT;
const char  *ic_chart_widget_kind_to_title (IcChartKind kind);
const char  *ic_chart_widget_kind_to_description (IcChartKind kind);

G_END_DECLS
