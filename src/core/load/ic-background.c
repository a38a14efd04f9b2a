/* ic-background.c
 *
 * While the window reads a folder, two cores are shared by the main
 * thread, a worker per core and an extraction helper per worker. At the
 * same priority the main thread waited for a core for as long as it
 * worked: 60–90 ms gaps for 40 ms of work. Background reading runs at
 * IC_BACKGROUND_NICE instead; on an idle machine it loses nothing, as
 * nothing else wants the cores. Headless exports keep normal priority:
 * there nothing waits on a main loop. A nice value cannot be raised
 * again without privileges, so only threads and processes made for
 * background reading are lowered, never a shared one.
 *
 * On Linux a nice value set with setpriority() on a thread id applies to
 * that thread alone; elsewhere these functions do nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-background"

#include "config.h"

#include "ic-background.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t
this_thread (void)
{
  return (pid_t)syscall (SYS_gettid);
}
#endif

/* Lowers the calling thread's priority; a thread lowered already is
 * left alone. */
void
ic_background_lower_thread (void)
{
#ifdef __linux__
  static __thread gboolean lowered;

  if (lowered)
    return;
  lowered = TRUE;
  if (getpriority (PRIO_PROCESS, this_thread ()) < IC_BACKGROUND_NICE)
    setpriority (PRIO_PROCESS, this_thread (), IC_BACKGROUND_NICE);
#endif
}

/* Lowers a child process; async-signal-safe, so it may run between fork
 * and exec (pid 0: the calling process). */
void
ic_background_lower_process (GPid pid)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, pid, IC_BACKGROUND_NICE);
#endif
}

/* The calling thread's nice value (0 where it is not known). */
int
ic_background_get_thread_nice (void)
{
#ifdef __linux__
  return getpriority (PRIO_PROCESS, this_thread ());
#else
  return 0;
#endif
}
