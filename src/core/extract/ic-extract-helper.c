/* ic-extract-helper.c: the helper process of ic-extract-pool.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extract-helper"

#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "ic-extract-serve.h"
#include "ic-extractor.h"

/* A PDF that makes MuPDF allocate without end fails that file instead of
 * taking the machine's memory. (AddressSanitizer reserves terabytes of
 * address space, so the limit is left out of sanitised builds.) */
#define MEMORY_LIMIT ((rlim_t)2 << 30)

int
main (int   argc,
      char *argv[])
{
#ifndef __SANITIZE_ADDRESS__
  struct rlimit limit = { MEMORY_LIMIT, MEMORY_LIMIT };

  setrlimit (RLIMIT_AS, &limit);
#endif

  /* One request at a time, on this thread. */
  ic_extractor_set_single_threaded ();
  return ic_extract_helper_main (STDIN_FILENO, STDOUT_FILENO);
}
