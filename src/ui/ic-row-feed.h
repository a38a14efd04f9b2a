/* ic-row-feed.h: a list view's rows, equal to what its model shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the rows that @source should show now, in order. */
typedef GPtrArray *(*IcRowFeedCollect) (GListModel *source,
                                        gpointer    user_data);

#define IC_TYPE_ROW_FEED (ic_row_feed_get_type ())

G_DECLARE_FINAL_TYPE (IcRowFeed, ic_row_feed, IC, ROW_FEED, GObject)

IcRowFeed  *ic_row_feed_new         (GtkWidget        *widget,
                                     GType             item_type,
                                     IcRowFeedCollect  collect,
                                     gpointer          user_data) G_GNUC_WARN_UNUSED_RESULT;
void        ic_row_feed_set_source  (IcRowFeed        *self,
                                     GListModel       *source);
void        ic_row_feed_set_sorter  (IcRowFeed        *self,
                                     GtkSorter        *sorter);
GListModel *ic_row_feed_get_rows    (IcRowFeed        *self);
guint       ic_row_feed_get_n_target (IcRowFeed       *self);
void        ic_row_feed_refresh     (IcRowFeed        *self);
void        ic_row_feed_flush       (IcRowFeed        *self);
gboolean    ic_row_feed_is_pending  (IcRowFeed        *self);

G_END_DECLS
