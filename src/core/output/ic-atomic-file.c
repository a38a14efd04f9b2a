/* ic-atomic-file.c: outputs written whole or not at all
 *
 * Every export goes to a temporary file beside its destination and is
 * renamed over it only once it is whole and flushed to disk, so a full
 * disk, a size limit or a drawing error leaves any earlier file exactly
 * as it was, and never a half-written one.
 *
 * Two cases are written in place instead: a device or a pipe (replacing
 * /dev/null by rename would turn it into a regular file), and a symbolic
 * link to an existing file, whose target is replaced so the link stays.
 * "-" is standard output, as scripts write it: the output is kept in
 * memory and written there only once whole, never as a file named "-".
 *
 * Errors name the destination once, never the temporary file, and give
 * the reason in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ic-atomic-file.h"

struct _IcAtomicFile
{
  char   *path;      /* as the user gave it: for messages */
  char   *target;    /* the file replaced on commit */
  char   *temporary; /* NULL when written in place */
  int     fd;
  GByteArray *buffer; /* standard output ("-"): the whole output, until commit */
  GError *error;     /* the first failure; later writes do nothing */
};

/**
 * ic_output_error_reason:
 * @errsv: an errno value from writing an output
 *
 * Returns: (transfer full): the reason in words a user understands
 */
char *
ic_output_error_reason (int errsv)
{
  switch (errsv)
    {
    case ENOSPC:
      return g_strdup (_("the disk is full"));
    case EDQUOT:
      return g_strdup (_("the disk quota is used up"));
    case EFBIG:
      return g_strdup (_("the file would be larger than allowed"));
    case EACCES:
    case EPERM:
      return g_strdup (_("permission denied"));
    case ENOENT:
      return g_strdup (_("the folder does not exist"));
    case ENOTDIR:
      return g_strdup (_("a part of the path is not a folder"));
    case EISDIR:
      return g_strdup (_("it is a folder"));
    case EROFS:
      return g_strdup (_("the disk is read-only"));
    case EIO:
      return g_strdup (_("input/output error (the disk may be failing)"));
    case ENAMETOOLONG:
      return g_strdup (_("the file name is too long"));
    case EBADF:
      /* Standard output, closed by the caller (">&-"). */
      return g_strdup (_("it is closed"));
    default:
      return g_utf8_strdown (g_strerror (errsv), -1);
    }
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *reason = ic_output_error_reason (errsv);
  g_autofree char *display = g_str_equal (path, "-") ? g_strdup (_("standard output"))
                                                     : g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               _("%s: cannot write: %s"), display, reason);
  return FALSE;
}

static void
atomic_file_free (IcAtomicFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  g_free (file->path);
  g_free (file->target);
  g_free (file->temporary);
  g_clear_pointer (&file->buffer, g_byte_array_unref);
  g_clear_error (&file->error);
  g_free (file);
}

/* A link to an existing file is written through; see the top comment. */
static char *
target_of (const char *path)
{
  GStatBuf st;
  char *real;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);
  real = realpath (path, NULL);
  if (real == NULL)
    return g_strdup (path);
  return real;
}

static gboolean
open_in_place (IcAtomicFile  *file,
               GError       **error)
{
  file->fd = g_open (file->target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (file->fd < 0)
    return set_errno_error (error, file->path, errno);
  return TRUE;
}

/* Hidden, beside the target (a rename works only within one file system),
 * named after it so a left-over after a power cut says what it was. */
static gboolean
open_temporary (IcAtomicFile  *file,
                GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (file->target);
  g_autofree char *base = g_path_get_basename (file->target);
  g_autofree char *name = g_strdup_printf (".%.100s.XXXXXX", base);
  GStatBuf st;

  file->temporary = g_build_filename (dir, name, NULL);
  /* 0666 less the umask, as a plain creat() would give. */
  file->fd = g_mkstemp_full (file->temporary, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      int errsv = errno;

      g_clear_pointer (&file->temporary, g_free);
      return set_errno_error (error, file->path, errsv);
    }
  /* Replacing a file keeps its permissions. */
  if (g_stat (file->target, &st) == 0 && S_ISREG (st.st_mode))
    (void) fchmod (file->fd, st.st_mode & 07777);
  return TRUE;
}

/**
 * ic_atomic_file_open:
 * @path: the destination; "-" is standard output
 *
 * Returns: (transfer full) (nullable): a file to write, then commit or
 *   abort; %NULL with an error naming @path when it cannot be created
 */
IcAtomicFile *
ic_atomic_file_open (const char  *path,
                     GError     **error)
{
  IcAtomicFile *file;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_new0 (IcAtomicFile, 1);
  file->fd = -1;
  file->path = g_strdup (path);
  if (g_str_equal (path, "-"))
    {
      file->buffer = g_byte_array_new ();
      return file;
    }
  file->target = target_of (path);

  if (g_stat (file->target, &st) == 0 && S_ISDIR (st.st_mode))
    ok = set_errno_error (error, path, EISDIR);
  else if (g_stat (file->target, &st) == 0 && !S_ISREG (st.st_mode))
    ok = open_in_place (file, error);
  else
    ok = open_temporary (file, error);

  if (!ok)
    {
      atomic_file_free (file);
      return NULL;
    }
  return file;
}

/**
 * ic_atomic_file_write:
 *
 * Returns: %FALSE once any write has failed (the reason is kept for
 *   ic_atomic_file_commit())
 */
gboolean
ic_atomic_file_write (IcAtomicFile *file,
                      const void   *data,
                      gsize         len)
{
  const char *p = data;

  g_return_val_if_fail (file != NULL, FALSE);

  if (file->buffer != NULL && file->error == NULL)
    g_byte_array_append (file->buffer, data, len);
  while (file->buffer == NULL && file->error == NULL && len > 0)
    {
      gssize n = write (file->fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (&file->error, file->path, n < 0 ? errno : ENOSPC);
          break;
        }
      p += n;
      len -= n;
    }
  return file->error == NULL;
}

/**
 * ic_atomic_file_fail:
 * @reason: why the output cannot be completed (e.g. a drawing error)
 *
 * Marks the file failed: commit will refuse and keep the earlier file.
 * Returns: %FALSE
 */
gboolean
ic_atomic_file_fail (IcAtomicFile *file,
                     const char   *reason)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (file != NULL, FALSE);

  if (file->error != NULL)
    return FALSE;
  display = g_filename_display_name (file->path);
  g_set_error (&file->error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", display, reason);
  return FALSE;
}

/* The first failure, or %NULL. */
const GError *
ic_atomic_file_get_error (IcAtomicFile *file)
{
  g_return_val_if_fail (file != NULL, NULL);
  return file->error;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

static gboolean
finish_temporary (IcAtomicFile *file)
{
  int fd = file->fd;

  file->fd = -1;
  if (fsync (fd) != 0 || close (fd) != 0)
    return set_errno_error (&file->error, file->path, errno);
  if (g_rename (file->temporary, file->target) != 0)
    return set_errno_error (&file->error, file->path, errno);
  g_clear_pointer (&file->temporary, g_free);
  sync_folder (file->target);
  return TRUE;
}

static gboolean
finish_standard_output (IcAtomicFile *file)
{
  const guint8 *p = file->buffer->data;
  gsize len = file->buffer->len;

  while (len > 0)
    {
      gssize n = write (STDOUT_FILENO, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return set_errno_error (&file->error, file->path, n < 0 ? errno : ENOSPC);
      p += n;
      len -= n;
    }
  return TRUE;
}

/**
 * ic_atomic_file_commit:
 * @file: (transfer full): the file, freed
 *
 * Puts the whole file in place; on any earlier or final failure the
 * temporary file is removed, the destination is untouched and @error
 * says why.
 */
gboolean
ic_atomic_file_commit (IcAtomicFile  *file,
                       GError       **error)
{
  g_return_val_if_fail (file != NULL, FALSE);

  if (file->error == NULL && file->buffer != NULL)
    finish_standard_output (file);
  else if (file->error == NULL && file->temporary != NULL)
    finish_temporary (file);
  else if (file->error == NULL)
    {
      int fd = file->fd;

      file->fd = -1;
      if (close (fd) != 0)
        set_errno_error (&file->error, file->path, errno);
    }

  if (file->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&file->error));
      ic_atomic_file_abort (file);
      return FALSE;
    }
  atomic_file_free (file);
  return TRUE;
}

/**
 * ic_atomic_file_abort:
 * @file: (transfer full) (nullable): the file, freed; the destination is
 *   untouched
 */
void
ic_atomic_file_abort (IcAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    {
      close (file->fd);
      file->fd = -1;
    }
  if (file->temporary != NULL)
    g_unlink (file->temporary);
  atomic_file_free (file);
}

/**
 * ic_atomic_file_set_contents:
 *
 * Writes @contents to @path whole or not at all; see ic_atomic_file_open().
 */
gboolean
ic_atomic_file_set_contents (const char  *path,
                             const char  *contents,
                             gsize        len,
                             GError     **error)
{
  IcAtomicFile *file = ic_atomic_file_open (path, error);

  if (file == NULL)
    return FALSE;
  ic_atomic_file_write (file, contents, len);
  return ic_atomic_file_commit (file, error);
}
