/* ic-chart-links.h: the analysis's recurrences as the timeline's joins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-chart.h"
#include "ic-recurrence.h"

G_BEGIN_DECLS

GPtrArray *ic_chart_links_from_recurrences (GPtrArray  *recurrences) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *ic_chart_links_find             (GListModel *reports) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *ic_chart_links_pick             (GPtrArray  *links,
                                            GListModel *shown) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *ic_chart_links_of_selection     (GPtrArray  *found,
                                            GListModel *shown) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
