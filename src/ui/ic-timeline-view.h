/* ic-timeline-view.h: improvement areas over time, zoomable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_TIMELINE_VIEW (ic_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (IcTimelineView, ic_timeline_view, IC, TIMELINE_VIEW, GtkWidget)

void ic_timeline_view_set_model (IcTimelineView *self,
                                 GListModel     *model);

G_END_DECLS
