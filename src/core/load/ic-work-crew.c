/* ic-work-crew.c
 *
 * The threads are a run's own, not a GThreadPool's: GLib hands the
 * threads of any pool, exclusive ones too, to later pools, and a thread
 * lowered for a background load would keep its priority there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-work-crew"

#include "config.h"

#include "ic-background.h"
#include "ic-work-crew.h"

typedef struct
{
  GFunc        func;
  gpointer     user_data;
  gboolean     background;
  GAsyncQueue *queue;   /* items, then one end mark per thread */
} Crew;

static gpointer
crew_thread (gpointer data)
{
  Crew *crew = data;
  gpointer item;

  if (crew->background)
    ic_background_lower_thread ();
  while ((item = g_async_queue_pop (crew->queue)) != crew)
    crew->func (item, crew->user_data);
  return NULL;
}

/**
 * ic_work_crew_run:
 * @items: what @func is called with, each once
 * @background: whether the threads run at a lower priority (ic-background.c)
 *
 * Calls @func (item, @user_data) for every item on a thread per core (no
 * more threads than items) and returns when every call has returned.
 */
void
ic_work_crew_run (GPtrArray *items,
                  GFunc      func,
                  gpointer   user_data,
                  gboolean   background)
{
  Crew crew = { func, user_data, background, NULL };
  guint n;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  g_return_if_fail (items != NULL);
  g_return_if_fail (func != NULL);

  n = MIN (g_get_num_processors (), items->len);
  if (n == 0)
    return;
  crew.queue = g_async_queue_new ();

  for (guint i = 0; i < items->len; i++)
    g_async_queue_push (crew.queue, g_ptr_array_index (items, i));
  for (guint i = 0; i < n; i++)
    g_async_queue_push (crew.queue, &crew);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (threads, g_thread_new ("ic-load-worker", crew_thread, &crew));
  for (guint i = 0; i < n; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_async_queue_unref (crew.queue);
}
