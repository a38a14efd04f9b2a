/* ic-row-feed.c
 *
 * A view's rows: its own copy of what the source shows (all of it, or
 * what collect() picks, such as each authority's latest report). The
 * copy equals the source whenever the view is on screen, changed in one
 * splice that leaves the rows before and after the changed span, and
 * their widgets, alone. A hidden view does no work until it is mapped.
 * A row that changes in place (an IcReport read in full or corrected)
 * is no change at all, unless the view sorts the rows
 * (ic_row_feed_set_sorter()): then it is handed over again at the next
 * frame so that the view places it anew.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-row-feed"

#include "config.h"

#include "ic-row-feed.h"

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

/* The first position where rows and target differ, or where a row
 * changed in place waits to be handed to the view again. */
static guint
common_prefix (IcRowFeed *self,
               guint      n_rows)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint limit = MIN (n_rows, self->target->len);
  guint i;

  for (i = 0; i < limit; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (row != g_ptr_array_index (self->target, i) || g_hash_table_contains (self->touched, row))
        break;
    }
  return i;
}

/* How many rows at the end are the target's, and not waiting to be
 * placed again; at most @limit. */
static guint
common_suffix (IcRowFeed *self,
               guint      n_rows,
               guint      limit)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint i;

  for (i = 0; i < limit; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, n_rows - 1 - i);

      if (row != g_ptr_array_index (self->target, self->target->len - 1 - i) ||
          g_hash_table_contains (self->touched, row))
        break;
    }
  return i;
}

/* Makes the rows the target in one change. Users read a list as the
 * answer to what they asked: a list that moved towards its filter a few
 * rows a frame showed rows that did not match for seconds. The rows
 * before and after the span that differs stay as they are, with their
 * widgets; GTK's list views make widgets only for the rows they show
 * (a grid view about 30), so the cost is that of the rows on screen. */
static void
sync_rows (IcRowFeed *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint prefix, suffix, removed, added;

  if (self->stale)
    collect_target (self);

  prefix = common_prefix (self, n_rows);
  suffix = common_suffix (self, n_rows, MIN (n_rows, self->target->len) - prefix);
  removed = n_rows - prefix - suffix;
  added = self->target->len - prefix - suffix;

  for (guint i = prefix; i < prefix + removed; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (!g_hash_table_contains (self->wanted, row))
        unshow (self, row);
      g_hash_table_remove (self->touched, row);
    }
  for (guint i = prefix; i < prefix + added; i++)
    {
      gpointer want = g_ptr_array_index (self->target, i);

      if (!g_hash_table_contains (self->shown, want))
        show (self, want);
    }

  if (removed > 0 || added > 0)
    g_list_store_splice (self->rows, prefix, removed, self->target->pdata + prefix, added);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  IcRowFeed *self = data;

  self->tick_id = 0;
  sync_rows (self);
  return G_SOURCE_REMOVE;
}

/* Rows changed in place are placed again at the next frame, all at once:
 * a batch of reports read in full signals each of them. */
static void
schedule (IcRowFeed *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

/* What the view should show changed: a view on screen shows it at once;
 * a hidden one when it is mapped, before its first frame. */
static void
update (IcRowFeed *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (self->widget))
    sync_rows (self);
}

static void
widget_map_cb (IcRowFeed *self)
{
  if (self->stale)
    sync_rows (self);
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

  update (self);
}

/* Brings the rows up to date now, hidden view or not: for printing,
 * exporting and tests. */
void
ic_row_feed_flush (IcRowFeed *self)
{
  g_return_if_fail (IC_IS_ROW_FEED (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  sync_rows (self);
}

/* Whether the rows lag behind the source: only while the view is hidden,
 * or until the next frame for rows changed in place in a sorted view. */
gboolean
ic_row_feed_is_pending (IcRowFeed *self)
{
  g_return_val_if_fail (IC_IS_ROW_FEED (self), FALSE);
  return self->tick_id != 0 || self->stale;
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
  g_signal_connect_object (widget, "map", G_CALLBACK (widget_map_cb), self, G_CONNECT_SWAPPED);
  self->collect = collect != NULL ? collect : collect_all;
  self->user_data = user_data;
  return self;
}
