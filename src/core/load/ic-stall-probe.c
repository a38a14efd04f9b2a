/* ic-stall-probe.c: how long a main loop goes without dispatching
 *
 * A 1 ms tick on the watched context: the longest gap between two ticks
 * is the longest time the loop was busy (or starved of a CPU). Batches
 * into the store are timed by their caller, in wall and CPU time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-stall-probe"

#include "config.h"

#include <time.h>

#include "ic-stall-probe.h"

struct _IcStallProbe
{
  GSource *tick;
  gint64   last;
  gint64   stall_max;
  gint64   batch_max;       /* longest batch, wall time */
  gint64   batch_cpu_max;   /* the most CPU time one batch took */
  gint64   batch_cpu_total; /* the main thread's share of a load */
  guint    n_batches;
  guint    n_put_off;       /* batches put off: a worker held the lock */
};

static gboolean
tick_cb (gpointer data)
{
  IcStallProbe *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->last != 0)
    self->stall_max = MAX (self->stall_max, now - self->last);
  self->last = now;
  return G_SOURCE_CONTINUE;
}

/**
 * ic_stall_probe_start_if_asked:
 *
 * Returns: (transfer full) (nullable): a probe ticking on @context when
 *   IC_DEBUG_STALLS=1, else NULL
 */
IcStallProbe *
ic_stall_probe_start_if_asked (GMainContext *context)
{
  IcStallProbe *self;

  if (g_strcmp0 (g_getenv ("IC_DEBUG_STALLS"), "1") != 0)
    return NULL;

  self = g_new0 (IcStallProbe, 1);
  self->tick = g_timeout_source_new (1);
  g_source_set_callback (self->tick, tick_cb, self, NULL);
  g_source_set_static_name (self->tick, "[ic-stall-probe]");
  g_source_attach (self->tick, context);
  return self;
}

gint64
ic_stall_probe_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
ic_stall_probe_add_batch (IcStallProbe *self,
                          gint64        wall_us,
                          gint64        cpu_us)
{
  g_assert (self != NULL);

  self->batch_max = MAX (self->batch_max, wall_us);
  self->batch_cpu_max = MAX (self->batch_cpu_max, cpu_us);
  self->batch_cpu_total += cpu_us;
  self->n_batches++;
}

void
ic_stall_probe_add_put_off (IcStallProbe *self)
{
  g_assert (self != NULL);

  self->n_put_off++;
}

/* One line on standard error, read by build-aux/bench-load.sh and
 * doc/ui-stalls.md. */
void
ic_stall_probe_report (IcStallProbe *self)
{
  g_assert (self != NULL);

  g_printerr ("inspection-compare: longest main-loop stall while loading: %.1f ms "
              "(longest batch into the store: %.1f ms, %.1f ms of CPU; "
              "%u batches put off for the workers' lock)\n",
              self->stall_max / 1000.0, self->batch_max / 1000.0,
              self->batch_cpu_max / 1000.0, self->n_put_off);
  g_printerr ("inspection-compare: %u batches into the store, %.2f s of CPU in all\n",
              self->n_batches, self->batch_cpu_total / 1e6);
}

void
ic_stall_probe_free (IcStallProbe *self)
{
  if (self == NULL)
    return;
  g_source_destroy (self->tick);
  g_source_unref (self->tick);
  g_free (self);
}
