/* ic-load-profile.c: where a load's time goes, by step
 *
 * Each step's wall time and thread CPU time are added up over the
 * workers (and the coordinator, for the scan). A step's wall time
 * beyond its CPU time is waiting: for a PDF helper (whose own CPU is in
 * its process, not here), for the disk, or for a core on a busy
 * machine. Off unless IC_DEBUG_STAGES=1: then two clock readings per
 * step, nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include <time.h>

#include "ic-load-profile.h"

struct _IcLoadProfile
{
  gint64 wall_us[IC_LOAD_N_STAGES];  /* atomic */
  gint64 cpu_us[IC_LOAD_N_STAGES];   /* atomic */
  gint   count[IC_LOAD_N_STAGES];    /* atomic */
};

static const char * const stage_names[IC_LOAD_N_STAGES] = {
  [IC_LOAD_STAGE_SCAN] = "scan (coordinator)",
  [IC_LOAD_STAGE_READ] = "read file",
  [IC_LOAD_STAGE_HASH] = "hash (SHA-256)",
  [IC_LOAD_STAGE_CACHE_READ] = "cache read (path, pages, report)",
  [IC_LOAD_STAGE_EXTRACT] = "extract (PDF helper or text decode)",
  [IC_LOAD_STAGE_PARSE] = "parse",
  [IC_LOAD_STAGE_CACHE_WRITE] = "cache write",
  [IC_LOAD_STAGE_INDEX] = "search index (cache read or build)",
  [IC_LOAD_STAGE_THEMES] = "themes",
};

IcLoadProfile *
ic_load_profile_new_if_asked (void)
{
  if (g_strcmp0 (g_getenv ("IC_DEBUG_STAGES"), "1") != 0)
    return NULL;
  return g_new0 (IcLoadProfile, 1);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

IcLoadTimer
ic_load_profile_start (IcLoadProfile *self)
{
  IcLoadTimer timer = { 0, 0 };

  if (self != NULL)
    {
      timer.wall_us = g_get_monotonic_time ();
      timer.cpu_us = thread_cpu_us ();
    }
  return timer;
}

void
ic_load_profile_stop (IcLoadProfile *self,
                      IcLoadTimer   *timer,
                      IcLoadStage    stage)
{
  if (self == NULL)
    return;
  __atomic_fetch_add (&self->wall_us[stage], g_get_monotonic_time () - timer->wall_us, __ATOMIC_RELAXED);
  __atomic_fetch_add (&self->cpu_us[stage], thread_cpu_us () - timer->cpu_us, __ATOMIC_RELAXED);
  g_atomic_int_inc (&self->count[stage]);
  /* The next step starts where this one ended. */
  *timer = ic_load_profile_start (self);
}

void
ic_load_profile_report (IcLoadProfile *self,
                        gint64         total_wall_us)
{
  gint64 cpu_total = 0;

  if (self == NULL)
    return;
  for (guint i = 0; i < IC_LOAD_N_STAGES; i++)
    cpu_total += self->cpu_us[i];
  g_printerr ("load profile (IC_DEBUG_STAGES): %.2f s wall, %u workers\n",
              total_wall_us / 1e6, g_get_num_processors ());
  g_printerr ("| step | times | wall s (all threads) | CPU s | share of CPU |\n");
  g_printerr ("|---|---|---|---|---|\n");
  for (guint i = 0; i < IC_LOAD_N_STAGES; i++)
    g_printerr ("| %s | %d | %.2f | %.2f | %.0f %% |\n", stage_names[i], self->count[i],
                self->wall_us[i] / 1e6, self->cpu_us[i] / 1e6,
                cpu_total > 0 ? 100.0 * self->cpu_us[i] / cpu_total : 0);
}

void
ic_load_profile_free (IcLoadProfile *self)
{
  g_free (self);
}
