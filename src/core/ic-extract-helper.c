/* ic-extract-helper.c: the helper process of ic-extract-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extract-helper"

#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "ic-extract-pool.h"

/* A PDF that makes MuPDF allocate without end fails that file instead of
 * taking the machine's memory. (AddressSanitizer reserves terabytes of
 * address space, so the limit is left out of sanitised builds.) */
#define MEMORY_LIMIT ((rlim_t)2 << 30)

/* The helper runs in a session of its own, so neither a terminal's
 * Ctrl-C nor the end of the application reaches it while MuPDF works
 * (a closed pipe is only seen between files): it ends when its parent
 * is gone. */
static gpointer
watch_parent_thread (gpointer data)
{
  pid_t parent = GPOINTER_TO_INT (data);

  while (getppid () == parent)
    g_usleep (G_USEC_PER_SEC / 2);
  _exit (0);
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
#ifndef __SANITIZE_ADDRESS__
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
#endif

  g_thread_unref (g_thread_new ("watch-parent", watch_parent_thread,
                                GINT_TO_POINTER (getppid ())));
  return ic_extract_helper_main (STDIN_FILENO, STDOUT_FILENO);
}
