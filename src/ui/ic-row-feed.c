/* ic-row-feed.c
 *
 * A GTK 4.8 list or column view makes and binds a widget row for every
 * row added, up to 200 of them, on the main thread: 1–3 ms a row here.
 * A batch of a hundred reports handed to it at once froze the window
 * for half a second. The feed keeps its own copy of the rows and moves
 * it towards what the source shows a few rows per frame, from a tick
 * callback of the view (so a view not on screen does no work until it
 * is), with single-row inserts, removals and replacements so that rows
 * that stay keep their widgets. A row that changes in place (an IcReport
 * read in full or corrected) is no change at all, unless the view sorts
 * the rows (ic_row_feed_set_sorter()): then it is handed over again so
 * that the view places it anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-row-feed"

#include "config.h"

#include "ic-row-feed.h"

/* Time for changing rows per frame. A list or grid view makes a changed
 * row's widgets at once, and lays them out in the same frame: together
 * 5–30 ms a column view's row on a busy two-core machine. At least one
 * row changes per frame, so 197 rows take a few seconds to fill in. */
#define FRAME_BUDGET_US 1500

struct _IcRowFeed
{
  GObject           parent_instance;

  GListModel       *source;
  GListStore       *rows;
  IcRowFeedCollect  collect;
  gpointer          user_data;
  GPtrArray        *target;   /* what the rows are becoming */
  GHashTable       *wanted;   /* items of target */
  GHashTable       *shown;    /* items of rows -> their "changed" handler */
  GHashTable       *touched;  /* rows changed in place, to sort again */
  GtkSorter        *sorter;   /* the view's order over the rows */
  guint             cursor;   /* rows before it equal target's */
  GtkWidget        *widget;   /* the view: rows move on its frames */
  guint             tick_id;
  gboolean          stale;    /* the source changed: collect again */
};

G_DEFINE_FINAL_TYPE (IcRowFeed, ic_row_feed, G_TYPE_OBJECT)

static void
collect_target (IcRowFeed *self)
{
  g_clear_pointer (&self->target, g_ptr_array_unref);
  if (self->source != NULL)
    self->target = self->collect (self->source, self->user_data);
  else
    self->target = g_ptr_array_new ();

  g_hash_table_remove_all (self->wanted);
  for (guint i = 0; i < self->target->len; i++)
    g_hash_table_add (self->wanted, g_ptr_array_index (self->target, i));
  self->cursor = 0;
  self->stale = FALSE;
}

static void row_changed_cb (IcRowFeed *self,
                            GObject   *row);

/* Rows with a "changed" signal (IcReport) are followed while shown: a
 * row changed in place may sort elsewhere in the view. */
static void
show (IcRowFeed *self,
      gpointer   row)
{
  gulong handler = 0;

  if (g_signal_lookup ("changed", G_OBJECT_TYPE (row)) != 0)
    handler = g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
  g_hash_table_insert (self->shown, row, GSIZE_TO_POINTER ((gsize) handler));
}

static void
unshow (IcRowFeed *self,
        gpointer   row)
{
  gulong handler = (gulong) GPOINTER_TO_SIZE (g_hash_table_lookup (self->shown, row));

  if (handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_hash_table_remove (self->shown, row);
  g_hash_table_remove (self->touched, row);
}

/* A row that goes where another comes (a report read again under another
 * content, a row changed in place that a sorted view must place again)
 * is one change: the view rebinds the row's widgets in place. Removing
 * and inserting it made two frames' work and moved every row below it
 * twice, which restyles them all. */
static void
replace_row (IcRowFeed *self,
             gpointer   want)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), self->cursor);

  if (row != want)
    {
      unshow (self, row);
      show (self, want);
    }
  g_hash_table_remove (self->touched, want);
  g_list_store_splice (self->rows, self->cursor++, 1, &want, 1);
}

static void
remove_row (IcRowFeed *self,
            guint      position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  unshow (self, row);
  g_list_store_remove (self->rows, position);
}

static void
insert_row (IcRowFeed *self,
            gpointer   want)
{
  show (self, want);
  g_list_store_insert (self->rows, self->cursor++, want);
}

static gboolean
row_is_wanted_here (IcRowFeed *self,
                    guint      position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  return row == g_ptr_array_index (self->target, position);
}

/* One step towards the target; FALSE once there. Rows are only changed
 * one at a time, so rows that stay keep their widgets. Rows before the cursor
 * are right; the row at it is kept, dropped, or gets the wanted row
 * inserted before it. Ends with rows == target whatever the order. */
static gboolean
step (IcRowFeed *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autoptr(GObject) row = NULL;
  gpointer want;

  /* Rows already in place are passed over without a change. */
  while (self->cursor < self->target->len && self->cursor < n_rows &&
         row_is_wanted_here (self, self->cursor) &&
         !g_hash_table_contains (self->touched, g_ptr_array_index (self->target, self->cursor)))
    self->cursor++;

  if (self->cursor >= self->target->len)
    {
      if (n_rows <= self->cursor)
        return FALSE;
      remove_row (self, n_rows - 1);
      return TRUE;
    }

  want = g_ptr_array_index (self->target, self->cursor);
  row = self->cursor < n_rows ? g_list_model_get_item (rows, self->cursor) : NULL;
  if (row == want ||
      (row != NULL && !g_hash_table_contains (self->wanted, row) &&
       !g_hash_table_contains (self->shown, want)))
    replace_row (self, want);
  else if (row != NULL && !g_hash_table_contains (self->wanted, row))
    remove_row (self, self->cursor);
  else
    insert_row (self, want);
  return TRUE;
}

/* Changes rows until @deadline (0: until done); FALSE once done. */
static gboolean
advance (IcRowFeed *self,
         gint64     deadline)
{
  if (self->stale)
    collect_target (self);
  while (step (self))
    if (deadline != 0 && g_get_monotonic_time () >= deadline)
      return TRUE;
  return FALSE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  IcRowFeed *self = data;

  if (advance (self, g_get_monotonic_time () + FRAME_BUDGET_US))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule (IcRowFeed *self)
{
  /* A view that is not shown gets its rows when it is. */
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

/* A shown row changed in place. Unsorted, the view shows it where it is
 * and its cells follow the change themselves; sorted, it is handed to
 * the view again so that the sort model places it anew. */
static void
row_changed_cb (IcRowFeed *self,
                GObject   *row)
{
  if (self->sorter == NULL || gtk_sorter_get_order (self->sorter) == GTK_SORTER_ORDER_NONE)
    return;
  g_hash_table_add (self->touched, row);
  self->cursor = 0;
  schedule (self);
}

/**
 * ic_row_feed_set_sorter:
 * @sorter: (nullable): the order the view puts the rows in
 */
void
ic_row_feed_set_sorter (IcRowFeed *self,
                        GtkSorter *sorter)
{
  g_return_if_fail (IC_IS_ROW_FEED (self));
  g_set_object (&self->sorter, sorter);
}

/**
 * ic_row_feed_refresh:
 *
 * Collects the rows again and starts moving towards them; call when
 * what collect() returns changes for a reason the source does not signal.
 */
void
ic_row_feed_refresh (IcRowFeed *self)
{
  g_return_if_fail (IC_IS_ROW_FEED (self));

  self->stale = TRUE;
  schedule (self);
}

/* Brings the rows up to date now: for printing, exporting and tests. */
void
ic_row_feed_flush (IcRowFeed *self)
{
  g_return_if_fail (IC_IS_ROW_FEED (self));

  advance (self, 0);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

gboolean
ic_row_feed_is_pending (IcRowFeed *self)
{
  g_return_val_if_fail (IC_IS_ROW_FEED (self), FALSE);
  return self->tick_id != 0;
}

/* The number of rows the feed is moving towards. */
guint
ic_row_feed_get_n_target (IcRowFeed *self)
{
  g_return_val_if_fail (IC_IS_ROW_FEED (self), 0);

  if (self->stale)
    collect_target (self);
  return self->target->len;
}

static void
source_items_changed_cb (IcRowFeed *self)
{
  ic_row_feed_refresh (self);
}

void
ic_row_feed_set_source (IcRowFeed  *self,
                        GListModel *source)
{
  g_return_if_fail (IC_IS_ROW_FEED (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_set_object (&self->source, source);
  if (source != NULL)
    g_signal_connect_object (source, "items-changed", G_CALLBACK (source_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  ic_row_feed_refresh (self);
}

/**
 * ic_row_feed_get_rows:
 *
 * Returns: (transfer none): the rows for the view, updated a few at a time
 */
GListModel *
ic_row_feed_get_rows (IcRowFeed *self)
{
  g_return_val_if_fail (IC_IS_ROW_FEED (self), NULL);
  return G_LIST_MODEL (self->rows);
}

static GPtrArray *
collect_all (GListModel *source,
             gpointer    user_data)
{
  guint n = g_list_model_get_n_items (source);
  GPtrArray *out = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_list_model_get_item (source, i));
  return out;
}

static void
unshow_all (IcRowFeed *self)
{
  GHashTableIter iter;
  gpointer row, handler;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &row, &handler))
    if (handler != NULL)
      g_signal_handler_disconnect (row, (gulong) GPOINTER_TO_SIZE (handler));
  g_hash_table_remove_all (self->shown);
  g_hash_table_remove_all (self->touched);
}

static void
ic_row_feed_dispose (GObject *object)
{
  IcRowFeed *self = (IcRowFeed *)object;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  unshow_all (self);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (ic_row_feed_parent_class)->dispose (object);
}

static void
ic_row_feed_finalize (GObject *object)
{
  IcRowFeed *self = (IcRowFeed *)object;

  g_clear_object (&self->rows);
  g_clear_pointer (&self->target, g_ptr_array_unref);
  g_clear_pointer (&self->wanted, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (ic_row_feed_parent_class)->finalize (object);
}

static void
ic_row_feed_class_init (IcRowFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ic_row_feed_dispose;
  object_class->finalize = ic_row_feed_finalize;
}

static void
ic_row_feed_init (IcRowFeed *self)
{
  self->wanted = g_hash_table_new (NULL, NULL);
  self->shown = g_hash_table_new (NULL, NULL);
  self->touched = g_hash_table_new (NULL, NULL);
  self->target = g_ptr_array_new ();
}

/**
 * ic_row_feed_new:
 * @widget: the view showing the rows; it owns the feed
 * @collect: (nullable): the rows to show for a source; %NULL: all its items
 */
IcRowFeed *
ic_row_feed_new (GtkWidget        *widget,
                 GType             item_type,
                 IcRowFeedCollect  collect,
                 gpointer          user_data)
{
  IcRowFeed *self = g_object_new (IC_TYPE_ROW_FEED, NULL);

  self->widget = widget;
  self->rows = g_list_store_new (item_type);
  self->collect = collect != NULL ? collect : collect_all;
  self->user_data = user_data;
  return self;
}
