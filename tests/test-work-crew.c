/* test-work-crew.c: a function over items on a thread per core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-work-crew.h"

typedef struct
{
  GMutex      mutex;
  GHashTable *threads;   /* GThread that ran an item */
  GThread    *caller;
  gboolean    ran_on_caller;
} Seen;

typedef struct
{
  Seen *seen;
  int   n_calls;
} Item;

static void
count_cb (gpointer data,
          gpointer user_data)
{
  Item *item = data;
  Seen *seen = user_data;

  g_atomic_int_inc (&item->n_calls);
  g_mutex_lock (&seen->mutex);
  g_hash_table_add (seen->threads, g_thread_self ());
  if (g_thread_self () == seen->caller)
    seen->ran_on_caller = TRUE;
  g_mutex_unlock (&seen->mutex);
  /* Long enough that one thread cannot take every item before the
   * others start. */
  g_usleep (2000);
}

/* Every item once, on the crew's threads (never the caller's), no more
 * threads than cores, and the run returns only when all are done. */
static void
test_each_item_once (void)
{
  Item items[64] = { { NULL, 0 } };
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  Seen seen = { .threads = g_hash_table_new (NULL, NULL), .caller = g_thread_self () };

  g_mutex_init (&seen.mutex);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_ptr_array_add (array, &items[i]);

  ic_work_crew_run (array, count_cb, &seen, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_cmpint (items[i].n_calls, ==, 1);
  g_assert_false (seen.ran_on_caller);
  g_assert_cmpuint (g_hash_table_size (seen.threads), >=, 1);
  g_assert_cmpuint (g_hash_table_size (seen.threads), <=, g_get_num_processors ());
  if (g_get_num_processors () > 1)
    g_assert_cmpuint (g_hash_table_size (seen.threads), >, 1);
  g_hash_table_unref (seen.threads);
  g_mutex_clear (&seen.mutex);
}

static void
never_cb (gpointer data,
          gpointer user_data)
{
  g_assert_not_reached ();
}

static void
test_no_items (void)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  ic_work_crew_run (array, never_cb, NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/work-crew/each-item-once", test_each_item_once);
  g_test_add_func ("/work-crew/no-items", test_no_items);
  return g_test_run ();
}
