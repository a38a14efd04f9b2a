/* ic-filter-bar.h: the controls of the shared IcReportFilter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report-filter.h"

G_BEGIN_DECLS

#define IC_TYPE_FILTER_BAR (ic_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (IcFilterBar, ic_filter_bar, IC, FILTER_BAR, GtkWidget)

void ic_filter_bar_set_filter (IcFilterBar    *self,
                               IcReportFilter *filter);
void ic_filter_bar_focus_search (IcFilterBar *self);

G_END_DECLS
