/* ic-read-file.c: a report's bytes, read into memory
 *
 * Reports are read, not memory-mapped: a mapped file that is truncated
 * or rewritten while it is read (a sync client does this) kills the
 * process with SIGBUS. A read only sees fewer or other bytes, which
 * fail to parse or are caught as "the file changed" like any other bad
 * file, and the load goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-read-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ic-read-file.h"

static GBytes *
fail (GError     **error,
      const char  *path,
      int          errsv)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               "%s: %s", path, g_strerror (errsv));
  return NULL;
}

/**
 * ic_read_file_bytes:
 * @path: a regular file
 *
 * Returns: (transfer full) (nullable): its bytes as they were when read;
 *   %NULL with a #GFileError when it cannot be read or is not a regular
 *   file (a FIFO swapped in would block a mapping or a plain read)
 */
GBytes *
ic_read_file_bytes (const char  *path,
                    GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  g_autoptr(GByteArray) data = NULL;
  struct stat st;
  guint8 chunk[65536];
  gssize n;

  if (fd < 0)
    return fail (error, path, errno);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int errsv = errno != 0 ? errno : EINVAL;

      close (fd);
      return fail (error, path, S_ISREG (st.st_mode) ? errsv : EINVAL);
    }

  data = g_byte_array_sized_new (st.st_size > 0 ? MIN (st.st_size, G_MAXUINT) : 4096);
  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          close (fd);
          return fail (error, path, errsv);
        }
      g_byte_array_append (data, chunk, n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
