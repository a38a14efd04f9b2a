/* test-core-resource.c: the core's shipped data from many threads at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "ic-core-resource.h"

#define N_THREADS 8
#define N_RACES 60

typedef struct
{
  GMutex mutex;
  GCond cond;
  gboolean go;
} StartLine;

static gpointer
read_themes_when_started (gpointer data)
{
  StartLine *start = data;
  g_autoptr(GBytes) bytes = NULL;

  g_mutex_lock (&start->mutex);
  while (!start->go)
    g_cond_wait (&start->cond, &start->mutex);
  g_mutex_unlock (&start->mutex);

  bytes = g_resource_lookup_data (ic_core_resource (),
                                  "/io/github/InspectionCompare/core/themes.rules",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  return GSIZE_TO_POINTER (bytes != NULL && g_bytes_get_size (bytes) > 0);
}

/* One fresh process: the first lookup of all is made by eight threads
 * released together, as load workers are. */
static void
race_first_lookup (void)
{
  StartLine start = { 0 };
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("reader", read_themes_when_started, &start);
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);

  g_mutex_lock (&start.mutex);
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.mutex);

  for (guint i = 0; i < N_THREADS; i++)
    g_assert_true (GPOINTER_TO_SIZE (g_thread_join (threads[i])));
}

/* Without ic_core_resource()'s wait, about one race in three crashed on
 * GLib 2.74: N_RACES fresh processes make a miss all but impossible. */
static void
test_first_lookup_from_threads (void)
{
  if (g_test_subprocess ())
    {
      race_first_lookup ();
      return;
    }

  for (guint i = 0; i < N_RACES; i++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core-resource/first-lookup-from-threads", test_first_lookup_from_threads);
  return g_test_run ();
}
