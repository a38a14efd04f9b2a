/* ic-search-view.h: evidence search across every report's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_SEARCH_VIEW (ic_search_view_get_type ())

G_DECLARE_FINAL_TYPE (IcSearchView, ic_search_view, IC, SEARCH_VIEW, GtkWidget)

void        ic_search_view_set_model     (IcSearchView *self,
                                          GListModel   *reports);
/* Types @text into the search entry and searches at once. */
void        ic_search_view_search        (IcSearchView *self,
                                          const char   *text);
void        ic_search_view_set_good_only (IcSearchView *self,
                                          gboolean      good_only);
/* The rows shown: an authority's heading, then its passages. */
GListModel *ic_search_view_get_rows      (IcSearchView *self);
/* For a row of ic_search_view_get_rows(): the authority of a heading
 * (NULL for a passage), and a passage's report, page and text. */
const char *ic_search_view_row_heading   (GObject      *row);
gboolean    ic_search_view_row_passage   (GObject      *row,
                                          const char  **source,
                                          guint        *page,
                                          char        **passage);
/* The search shown (as typed), or NULL when no search is shown, and the
 * reports it searched: what Print quotes. */
const char *ic_search_view_get_query     (IcSearchView *self);
GListModel *ic_search_view_dup_searched_reports (IcSearchView *self) G_GNUC_WARN_UNUSED_RESULT;
void        ic_search_view_set_pack_query (IcSearchView *self,
                                           const char   *query);
/* Microseconds from the last query's start to its results drawn; 0 until
 * they are. */
gint64      ic_search_view_get_last_time (IcSearchView *self);
/* The main thread's CPU time over the same span (microseconds). */
gint64      ic_search_view_get_last_cpu_time (IcSearchView *self);

G_END_DECLS
