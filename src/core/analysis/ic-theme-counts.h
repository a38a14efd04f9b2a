/* ic-theme-counts.h: how many reports raise each theme, and the items
 * behind the counts, for charts, the timeline and the summary pack
 *
 * Counts are of REPORTS that raise a theme, not of items, so
 * that long reports do not dominate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-recurrence.h"

G_BEGIN_DECLS

typedef struct _IcThemeCounts IcThemeCounts;

#define IC_TYPE_THEME_COUNTS (ic_theme_counts_get_type ())
GType               ic_theme_counts_get_type          (void);
IcThemeCounts      *ic_theme_counts_new               (GListModel    *reports,
                                                       const GDate   *from,
                                                       const GDate   *to,
                                                       gboolean       main_only) G_GNUC_WARN_UNUSED_RESULT;
IcThemeCounts      *ic_theme_counts_ref               (IcThemeCounts *self);
void                ic_theme_counts_unref             (IcThemeCounts *self);
guint               ic_theme_counts_get_n_reports     (IcThemeCounts *self,
                                                       const char    *authority);
guint               ic_theme_counts_get               (IcThemeCounts *self,
                                                       const char    *authority,
                                                       const char    *theme);
const char * const *ic_theme_counts_get_authorities   (IcThemeCounts *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcThemeCounts, ic_theme_counts_unref)

gboolean            ic_report_in_range                (IcReport      *report,
                                                       const GDate   *from,
                                                       const GDate   *to);
GPtrArray          *ic_theme_items                    (GListModel    *reports,
                                                       const char    *theme,
                                                       const char    *authority,
                                                       const GDate   *from,
                                                       const GDate   *to) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
