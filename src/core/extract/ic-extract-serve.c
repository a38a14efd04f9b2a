/* ic-extract-serve.c: the helper process's side of ic-extract-pool.c
 *
 * Part of the extraction library, which alone links MuPDF: only the
 * helper executable serves requests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extract-serve"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ic-extract-pool.h"
#include "ic-extract-serve.h"
#include "ic-extractor.h"

static gboolean
read_request (int       fd,
              GBytes  **bytes,
              guint    *first,
              guint    *max,
              guint    *whole_up_to,
              gboolean *stream)
{
  guint32 head[5];
  guint32 length;
  char *data;

  if (!ic_extract_read_all (fd, head, sizeof head))
    return FALSE;
  length = head[0];
  *first = head[1];
  *max = head[2];
  *whole_up_to = head[3];
  *stream = head[4] != 0;
  data = g_malloc (length ? length : 1);
  if (!ic_extract_read_all (fd, data, length))
    {
      g_free (data);
      return FALSE;
    }
  *bytes = g_bytes_new_take (data, length);
  return TRUE;
}

static gboolean
write_response (int       fd,
                char    **pages,
                guint     n_pages,
                GError   *error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint32 value;

  if (pages == NULL)
    {
      guint32 head[3] = { 1, error->code, strlen (error->message) };

      g_byte_array_append (out, (guint8 *)head, sizeof head);
      g_byte_array_append (out, (guint8 *)error->message, head[2]);
    }
  else
    {
      guint32 head[3] = { 0, g_strv_length (pages), n_pages };

      g_byte_array_append (out, (guint8 *)head, sizeof head);
      for (guint i = 0; pages[i] != NULL; i++)
        {
          value = strlen (pages[i]);
          g_byte_array_append (out, (guint8 *)&value, 4);
          g_byte_array_append (out, (guint8 *)pages[i], value);
        }
    }

  return ic_extract_write_all (fd, out->data, out->len);
}

/* For the tests: one line per request in $IC_EXTRACT_HELPER_TEST_LOG. */
static void
log_request (void)
{
  const char *log = g_getenv ("IC_EXTRACT_HELPER_TEST_LOG");
  int fd = log ? open (log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;

  if (fd < 0)
    return;
  ic_extract_write_all (fd, "request\n", 8);
  close (fd);
}

/* For the tests of crash and hang handling only: content that asks the
 * helper to misbehave, honoured only when IC_EXTRACT_HELPER_TEST is set.
 * "%IC-TEST-KILL-ONCE" is killed as the OOM killer would kill it, once:
 * the first helper to remove the file $IC_EXTRACT_HELPER_TEST_KILL_ONCE
 * dies, the next reads the PDF. "%IC-TEST-DIE-AFTER-FIRST" crashes
 * once it has sent a streamed request's first pages. Returns whether to
 * crash then. */
static gboolean
misbehave_if_asked (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *kill_once = g_getenv ("IC_EXTRACT_HELPER_TEST_KILL_ONCE");

  if (g_getenv ("IC_EXTRACT_HELPER_TEST") == NULL)
    return FALSE;
  log_request ();
  if (g_strstr_len (data, length, "%IC-TEST-CRASH") != NULL)
    abort ();
  if (g_strstr_len (data, length, "%IC-TEST-KILL-ONCE") != NULL &&
      kill_once != NULL && unlink (kill_once) == 0)
    raise (SIGKILL);
  if (g_strstr_len (data, length, "%IC-TEST-HANG") != NULL)
    for (;;)
      g_usleep (G_USEC_PER_SEC);
  return g_strstr_len (data, length, "%IC-TEST-DIE-AFTER-FIRST") != NULL;
}

typedef struct
{
  int      out_fd;
  gboolean failed;
  gboolean crash;   /* after sending (misbehave_if_asked()) */
} FirstPart;

/* A streamed request's first pages go out at once: the loader lists
 * their report while the rest is read from the same opening. */
static void
send_first_part (char     **pages,
                 guint      n_pages,
                 gpointer   data)
{
  FirstPart *part = data;

  if (!write_response (part->out_fd, pages, n_pages, NULL))
    part->failed = TRUE;
  g_strfreev (pages);
  if (part->crash)
    abort ();
}

int
ic_extract_helper_main (int in_fd,
                        int out_fd)
{
  GBytes *bytes = NULL;
  guint first, max, whole_up_to;
  gboolean stream;

  signal (SIGPIPE, SIG_IGN);
  while (read_request (in_fd, &bytes, &first, &max, &whole_up_to, &stream))
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) pages = NULL;
      guint n_pages = 0;
      FirstPart part = { out_fd, FALSE, FALSE };

      part.crash = misbehave_if_asked (bytes);
      pages = ic_extractor_get_pages_streamed (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), first, max,
                                               whole_up_to, 0, &n_pages,
                                               stream ? send_first_part : NULL, &part,
                                               NULL, &error);
      g_clear_pointer (&bytes, g_bytes_unref);
      if (part.failed || !write_response (out_fd, pages, n_pages, error))
        return 1;
    }

  return 0;
}
