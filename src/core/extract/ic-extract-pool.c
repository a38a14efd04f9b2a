/* ic-extract-pool.c
 *
 * Protocol over the helper's stdin/stdout, all integers 32-bit, host order:
 *   request:  length, first page, most pages (0: all), the page count up
 *             to which a document is sent whole (0: none), streamed (0
 *             or 1), PDF bytes
 *   response: 0, n pages sent, pages in the document, then
 *             (length, UTF-8 text) per page sent
 *          or 1, error code (IcExtractError), length, message
 * A streamed request whose first response stops before the document's
 * last page has a second response: the rest of the pages, or an error.
 * A helper serves requests one at a time until its stdin is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extract-pool"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ic-background.h"
#include "ic-extract-pool.h"
#include "ic-extractor.h"

#define HELPER_NAME "inspection-compare-extract"
/* How often a waiting worker looks at its cancellable. */
#define POLL_SLICE_MS 50

typedef struct
{
  GPid     pid;
  int      to_helper;
  int      from_helper;
  gboolean background;    /* lowered to IC_BACKGROUND_NICE */
} Helper;

struct _IcExtractPool
{
  char        *path;
  GAsyncQueue *idle;      /* Helper */
  gint64       timeout_us;
  gint         background; /* atomic: helpers run at a lower priority */
};

/* Helper processes ------------------------------------------------------ */

static void
helper_free (Helper *helper)
{
  close (helper->to_helper);
  close (helper->from_helper);
  g_free (helper);
}

/* Ends a helper that crashed, hung or was cancelled, and reaps it. */
static void
helper_kill (Helper *helper)
{
  kill (helper->pid, SIGKILL);
  waitpid (helper->pid, NULL, 0);
  g_spawn_close_pid (helper->pid);
  helper_free (helper);
}

/* Runs in the child between fork and exec. */
static void
lower_child (gpointer user_data)
{
  ic_background_lower_process (0);
}

static Helper *
helper_spawn (IcExtractPool  *self,
              GError        **error)
{
  Helper *helper = g_new0 (Helper, 1);
  char *argv[] = { self->path, NULL };

  helper->background = g_atomic_int_get (&self->background);
  if (!g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 helper->background ? lower_child : NULL, NULL,
                                 &helper->pid, &helper->to_helper, &helper->from_helper,
                                 NULL, error))
    {
      g_free (helper);
      return NULL;
    }
  return helper;
}

/* An idle helper started before the pool went to the background. */
static void
helper_follow_pool (IcExtractPool *self,
                    Helper        *helper)
{
  if (helper->background || !g_atomic_int_get (&self->background))
    return;
  ic_background_lower_process (helper->pid);
  helper->background = TRUE;
}

static gboolean
write_all (int         fd,
           const void *data,
           gsize       length)
{
  const char *p = data;

  while (length > 0)
    {
      gssize n = write (fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      length -= n;
    }
  return TRUE;
}

typedef enum
{
  READ_OK,
  READ_EOF,
  READ_TIMEOUT,
  READ_CANCELLED,
} ReadStatus;

/* Reads exactly @length bytes, giving up at @deadline or on cancel. */
static ReadStatus
read_all (int           fd,
          void         *data,
          gsize         length,
          gint64        deadline,
          GCancellable *cancellable)
{
  char *p = data;

  while (length > 0)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        return READ_CANCELLED;
      if (g_get_monotonic_time () > deadline)
        return READ_TIMEOUT;
      if (poll (&pfd, 1, POLL_SLICE_MS) <= 0)
        continue;

      n = read (fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return READ_EOF;
      p += n;
      length -= n;
    }
  return READ_OK;
}

/* Client side ----------------------------------------------------------- */

static char *
find_helper (void)
{
  const char *env = g_getenv ("IC_EXTRACT_HELPER");
  g_autofree char *installed = g_build_filename (LIBEXECDIR, HELPER_NAME, NULL);

  if (env != NULL)
    return g_str_equal (env, "none") ? NULL : g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return NULL;
}

IcExtractPool *
ic_extract_pool_get_default (void)
{
  static IcExtractPool *pool;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      char *path = find_helper ();

      if (path != NULL)
        {
          pool = g_new0 (IcExtractPool, 1);
          pool->path = path;
          pool->idle = g_async_queue_new ();
          pool->timeout_us = ic_extractor_get_time_limit () * G_USEC_PER_SEC;
          /* A helper that dies while we write to it must not kill us. */
          signal (SIGPIPE, SIG_IGN);
        }
      g_once_init_leave (&initialised, 1);
    }

  return pool;
}

static char **
read_pages (Helper        *helper,
            guint         *n_pages,
            gint64         deadline,
            GCancellable  *cancellable,
            ReadStatus    *status,
            GError       **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  guint32 head[3];

  if ((*status = read_all (helper->from_helper, head, 8, deadline, cancellable)) != READ_OK)
    return NULL;

  if (head[0] != 0)
    {
      g_autofree char *message = NULL;

      if ((*status = read_all (helper->from_helper, &head[2], 4, deadline, cancellable)) != READ_OK)
        return NULL;
      message = g_malloc0 ((gsize)head[2] + 1);
      if ((*status = read_all (helper->from_helper, message, head[2], deadline, cancellable)) != READ_OK)
        return NULL;
      g_set_error_literal (error, IC_EXTRACT_ERROR, head[1], message);
      return NULL;
    }

  if ((*status = read_all (helper->from_helper, &head[2], 4, deadline, cancellable)) != READ_OK)
    return NULL;
  if (n_pages != NULL)
    *n_pages = head[2];

  for (guint32 i = 0; i < head[1]; i++)
    {
      guint32 length;
      char *text;

      if ((*status = read_all (helper->from_helper, &length, 4, deadline, cancellable)) != READ_OK)
        return NULL;
      text = g_malloc ((gsize)length + 1);
      text[length] = '\0';
      g_ptr_array_add (pages, text);
      if ((*status = read_all (helper->from_helper, text, length, deadline, cancellable)) != READ_OK)
        return NULL;
    }

  g_ptr_array_add (pages, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&pages), FALSE);
}

static void
set_status_error (ReadStatus   status,
                  GError     **error)
{
  if (status == READ_CANCELLED)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
  else if (status == READ_TIMEOUT)
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG,
                         N_("the PDF made the text extractor hang"));
  else
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_CRASH,
                         N_("the PDF made the text extractor crash"));
}

/* What a request asks of a helper. */
typedef struct
{
  const char        *data;
  gsize              length;
  guint              first;
  guint              max;
  guint              whole_up_to;
  IcExtractPartFunc  first_func;  /* a streamed request */
  gpointer           first_data;
  gboolean           first_sent;  /* first_func has had the first pages */
} Request;

/* The first response of a streamed request; when the document goes on,
 * its pages go to first_func and the second response, the rest, is
 * read, each within the time limit. */
static char **
read_streamed (IcExtractPool  *self,
               Helper         *helper,
               Request        *request,
               guint          *n_pages,
               GCancellable   *cancellable,
               ReadStatus     *status,
               GError        **error)
{
  guint count = 0;
  char **pages = read_pages (helper, &count, g_get_monotonic_time () + self->timeout_us,
                             cancellable, status, error);

  if (pages != NULL && request->first_func != NULL &&
      request->first + g_strv_length (pages) < count)
    {
      request->first_func (pages, count, request->first_data);
      request->first_sent = TRUE;
      pages = read_pages (helper, &count, g_get_monotonic_time () + self->timeout_us,
                          cancellable, status, error);
    }
  if (pages != NULL && n_pages != NULL)
    *n_pages = count;
  return pages;
}

/* One request to @helper. The helper is put back among the idle ones
 * when it answered, and ended otherwise. */
static char **
ask_helper (IcExtractPool  *self,
            Helper         *helper,
            Request        *request,
            guint          *n_pages,
            GCancellable   *cancellable,
            ReadStatus     *status,
            GError        **error)
{
  guint32 head[5] = { request->length, request->first, request->max, request->whole_up_to,
                      request->first_func != NULL };
  char **pages = NULL;

  *status = READ_EOF;
  if (write_all (helper->to_helper, head, sizeof head) &&
      write_all (helper->to_helper, request->data, request->length))
    pages = read_streamed (self, helper, request, n_pages, cancellable, status, error);

  if (*status == READ_OK)
    g_async_queue_push (self->idle, helper);
  else
    helper_kill (helper);
  return pages;
}

/* A request to a helper, and once more to a fresh one if it died. */
static char **
ask_pool (IcExtractPool  *self,
          Request        *request,
          guint          *n_pages,
          GCancellable   *cancellable,
          GError        **error)
{
  Helper *helper = g_async_queue_try_pop (self->idle);
  ReadStatus status;
  char **pages;

  if (helper != NULL)
    helper_follow_pool (self, helper);
  else if ((helper = helper_spawn (self, NULL)) == NULL)
    return request->first_func != NULL
           ? ic_extract_in_process_streamed (request->data, request->length, request->max,
                                             request->whole_up_to, n_pages, request->first_func,
                                             request->first_data, cancellable, error)
           : ic_extract_in_process (request->data, request->length, request->first, request->max,
                                    request->whole_up_to, n_pages, cancellable, error);

  pages = ask_helper (self, helper, request, n_pages, cancellable, &status, error);

  /* A helper that died may have been killed for reasons of its own (the
   * OOM killer, a user's kill, a helper already damaged by an earlier
   * file): a fresh helper tries once more before the PDF is blamed. A
   * time-out is not tried again: it would cost its whole limit twice.
   * First pages already given are not asked for again: only the rest. */
  if (status == READ_EOF && (helper = helper_spawn (self, NULL)) != NULL)
    {
      if (request->first_sent)
        {
          request->first += request->max;
          request->max = 0;
          request->whole_up_to = 0;
          request->first_func = NULL;
        }
      pages = ask_helper (self, helper, request, n_pages, cancellable, &status, error);
    }

  if (status != READ_OK)
    set_status_error (status, error);
  return pages;
}

char **
ic_extract_pool_get_page_range (IcExtractPool  *self,
                                const char     *data,
                                gsize           length,
                                guint           first,
                                guint           max,
                                guint           whole_up_to,
                                guint          *n_pages,
                                GCancellable   *cancellable,
                                GError        **error)
{
  Request request = { data, length, first, max, whole_up_to, NULL, NULL, FALSE };

  g_return_val_if_fail (length <= G_MAXUINT32, NULL);

  return ask_pool (self, &request, n_pages, cancellable, error);
}

char **
ic_extract_pool_get_pages_streamed (IcExtractPool      *self,
                                    const char         *data,
                                    gsize               length,
                                    guint               first_pass,
                                    guint               whole_up_to,
                                    guint              *n_pages,
                                    IcExtractPartFunc   first_func,
                                    gpointer            first_data,
                                    GCancellable       *cancellable,
                                    GError            **error)
{
  Request request = { data, length, 0, first_pass, whole_up_to, first_func, first_data, FALSE };

  g_return_val_if_fail (length <= G_MAXUINT32, NULL);
  g_return_val_if_fail (first_func != NULL, NULL);

  return ask_pool (self, &request, n_pages, cancellable, error);
}

static char *
describe_helper (IcExtractPool *pool)
{
  GStatBuf st;

  if (pool == NULL)
    return g_strdup ("in process");
  if (g_stat (pool->path, &st) != 0)
    return g_strdup (pool->path);
  return g_strdup_printf ("%s %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT,
                          pool->path, (guint64)st.st_size, (gint64)st.st_mtime, (guint64)st.st_ino);
}

/**
 * ic_extract_get_version:
 *
 * Which text extractor this process uses: the extractor's and the app's
 * version, and the helper executable as installed (path, size, time and
 * inode), so that installing another helper counts as a new version.
 *
 * Returns: (transfer none): the same string for the whole run
 */
const char *
ic_extract_get_version (void)
{
  static char *version;

  if (g_once_init_enter (&version))
    {
      g_autofree char *helper = describe_helper (ic_extract_pool_get_default ());

      g_once_init_leave (&version, g_strdup_printf ("%d %s %s", IC_EXTRACTOR_VERSION,
                                                    PACKAGE_VERSION, helper));
    }
  return version;
}

/**
 * ic_extract_pool_set_background:
 *
 * From now on every helper runs at IC_BACKGROUND_NICE, for the rest of
 * the process: a lowered process cannot be raised again unprivileged.
 */
void
ic_extract_pool_set_background (IcExtractPool *self)
{
  g_atomic_int_set (&self->background, TRUE);
}

char **
ic_extract_pool_get_pages (IcExtractPool  *self,
                           const char     *data,
                           gsize           length,
                           GCancellable   *cancellable,
                           GError        **error)
{
  char **pages = ic_extract_pool_get_page_range (self, data, length, 0, 0, 0, NULL,
                                                 cancellable, error);

  if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, error))
    g_clear_pointer (&pages, g_strfreev);
  return pages;
}

/* The helper's side of the protocol (ic-extract-serve.c) uses the same
 * I/O, blocking: a helper waits for its next request as long as it takes. */
gboolean
ic_extract_write_all (int         fd,
                      const void *data,
                      gsize       length)
{
  return write_all (fd, data, length);
}

gboolean
ic_extract_read_all (int    fd,
                     void  *data,
                     gsize  length)
{
  return read_all (fd, data, length, G_MAXINT64, NULL) == READ_OK;
}
