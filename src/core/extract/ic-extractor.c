/* ic-extractor.c
 *
 * MuPDF is not thread-safe by itself: one base context is made with lock
 * functions, and every extraction works in its own clone of it, as
 * MuPDF's documentation on multi-threading prescribes. Every MuPDF call
 * sits inside fz_try, because MuPDF reports errors with longjmp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-extractor"

#include "config.h"

/* The reasons are marked, not translated: this runs in the helper, which
 * reads no catalogue; the app translates them where it shows them
 * (ic_failure_translate_reason()). */
#include <glib/gi18n-lib.h>

#include <mupdf/fitz.h>
#include <string.h>
#include <sys/resource.h>

#include "ic-extractor.h"

/* MuPDF's cache of decoded resources, shared by every clone. */
#define STORE_SIZE (64 << 20)

static GMutex locks[FZ_LOCK_MAX];

static void
lock_cb (void *user,
         int   lock)
{
  g_mutex_lock (&locks[lock]);
}

static void
unlock_cb (void *user,
           int   lock)
{
  g_mutex_unlock (&locks[lock]);
}

/* MuPDF prints warnings and repaired errors on stderr; the loader gives
 * the user one line per file instead. */
static void
quiet_cb (void       *user,
          const char *message)
{
  g_debug ("mupdf: %s", message);
}

/* Set before the first extraction by a process that extracts on one
 * thread only (the helper). */
static gboolean single_threaded;

/**
 * ic_extractor_set_single_threaded:
 *
 * For a process that extracts on one thread only (the helper): MuPDF
 * then runs without lock functions, as `mutool` does. It takes and drops
 * a lock for every reference it counts; with GMutex locks that was a
 * fifth of the helper's time. Call before the first extraction.
 */
void
ic_extractor_set_single_threaded (void)
{
  single_threaded = TRUE;
}

static fz_context *
get_base_context (void)
{
  static fz_context *base;

  if (g_once_init_enter (&base))
    {
      static fz_locks_context lock_context = { NULL, lock_cb, unlock_cb };
      fz_context *ctx = fz_new_context (NULL, single_threaded ? NULL : &lock_context,
                                        STORE_SIZE);

      if (ctx == NULL)
        g_error ("MuPDF could not start (out of memory)");
      fz_set_warning_callback (ctx, quiet_cb, NULL);
      fz_set_error_callback (ctx, quiet_cb, NULL);
      fz_try (ctx)
        fz_register_document_handlers (ctx);
      fz_catch (ctx)
        g_error ("MuPDF could not start: %s", fz_caught_message (ctx));
      g_once_init_leave (&base, ctx);
    }

  return base;
}

static void
append_line (GString        *out,
             fz_stext_line  *line)
{
  gsize start = out->len;

  for (fz_stext_char *ch = line->first_char; ch != NULL; ch = ch->next)
    {
      /* Broken fonts can map glyphs to no character or to invalid ones. */
      if (ch->c <= 0)
        continue;
      g_string_append_unichar (out, g_unichar_validate (ch->c) ? (gunichar)ch->c : 0xFFFD);
    }

  while (out->len > start && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/* The same layout as `mutool draw -F txt`: one line per text line and an
 * empty line after each block, so paragraphs stay apart. */
static char *
stext_to_string (fz_stext_page *stext)
{
  GString *out = g_string_new (NULL);

  for (fz_stext_block *block = stext->first_block; block != NULL; block = block->next)
    {
      if (block->type != FZ_STEXT_BLOCK_TEXT)
        continue;
      for (fz_stext_line *line = block->u.t.first_line; line != NULL; line = line->next)
        append_line (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* MuPDF's messages when a PDF nests objects, forms or page trees deeper
 * than it follows: "exception stack overflow!", "too much recursion…",
 * "cycle in page tree" (MuPDF takes a tree deeper than it follows for a
 * loop). A user is told what happened, not MuPDF's internals. */
static gboolean
is_too_deep (const char *message)
{
  return strstr (message, "stack overflow") != NULL || strstr (message, "recursion") != NULL ||
         strstr (message, "nested") != NULL || strstr (message, "nesting") != NULL ||
         strstr (message, "cycle in page tree") != NULL;
}

/* The memory a process may take (the helper's limit), in words. */
static char *
describe_memory_limit (void)
{
  struct rlimit limit;
  guint64 mb;

  if (getrlimit (RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return NULL;
  mb = (guint64) limit.rlim_cur >> 20;
  if (mb >= 1024 && mb % 1024 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " GB", mb >> 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " MB", mb);
}

static void
set_out_of_memory (GError **error)
{
  g_autofree char *limit = describe_memory_limit ();

  if (limit != NULL)
    g_set_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                 N_("the PDF needs more memory to read than is allowed (%s)"), limit);
  else
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                         N_("the PDF needs more memory to read than there is"));
}

/* MuPDF's message in words a user understands. Running out of memory
 * (the helper's limit) is not damage: MuPDF says "calloc (…) failed". */
static void
set_damaged (fz_context  *ctx,
             GError     **error)
{
  const char *message = fz_caught_message (ctx);

  if (fz_caught (ctx) == FZ_ERROR_MEMORY || strstr (message, "alloc") != NULL)
    set_out_of_memory (error);
  else if (is_too_deep (message))
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                         N_("the PDF is damaged: it nests its contents deeper than a PDF reader "
                            "can follow (or made to break readers)"));
  else
    g_set_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                 N_("the PDF is damaged: %s"), message);
}

/* As fz_new_stext_page_from_page(), with a cookie through which a
 * watchdog can stop the page's interpretation. */
static fz_stext_page *
new_stext_page (fz_context *ctx,
                fz_page    *page,
                fz_cookie  *cookie)
{
  fz_stext_options options = { 0 };
  fz_stext_page *stext = fz_new_stext_page (ctx, fz_bound_page (ctx, page));
  fz_device *volatile dev = NULL;

  fz_try (ctx)
    {
      dev = fz_new_stext_device (ctx, stext, &options);
      fz_run_page_contents (ctx, page, dev, fz_identity, cookie);
      fz_close_device (ctx, dev);
    }
  fz_always (ctx)
    fz_drop_device (ctx, dev);
  fz_catch (ctx)
    {
      fz_drop_stext_page (ctx, stext);
      fz_rethrow (ctx);
    }
  return stext;
}

static char *
page_text (fz_context  *ctx,
           fz_document *doc,
           int          number,
           fz_cookie   *cookie,
           GError     **error)
{
  fz_page *volatile page = NULL;
  fz_stext_page *volatile stext = NULL;
  char *volatile text = NULL;

  fz_try (ctx)
    {
      page = fz_load_page (ctx, doc, number);
      stext = new_stext_page (ctx, page, cookie);
      text = stext_to_string (stext);
    }
  fz_always (ctx)
    {
      fz_drop_stext_page (ctx, stext);
      fz_drop_page (ctx, page);
    }
  fz_catch (ctx)
    set_damaged (ctx, error);

  if (text != NULL && cookie->abort)
    {
      g_free (text);
      text = NULL;
      g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG,
                           N_("the PDF made the text extractor hang"));
    }
  return text;
}

/* In process there is no helper to kill when a PDF takes too long, and a
 * thread cannot be stopped from outside: a watchdog thread sets the
 * cookie's abort flag at the deadline, which MuPDF's interpreter checks
 * between operators, including those of nested forms. */
typedef struct
{
  fz_cookie cookie;
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  gint64    deadline;   /* monotonic; 0: no limit, and no thread */
  GThread  *thread;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done && g_cond_wait_until (&watchdog->cond, &watchdog->mutex,
                                               watchdog->deadline))
    ;
  if (!watchdog->done)
    g_atomic_int_set (&watchdog->cookie.abort, 1);
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

static void
watchdog_start (Watchdog *watchdog,
                double    seconds)
{
  memset (watchdog, 0, sizeof *watchdog);
  g_mutex_init (&watchdog->mutex);
  g_cond_init (&watchdog->cond);
  if (seconds <= 0)
    return;
  watchdog->deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  watchdog->thread = g_thread_new ("ic-extract-watchdog", watchdog_thread, watchdog);
}

static void
watchdog_stop (Watchdog *watchdog)
{
  g_mutex_lock (&watchdog->mutex);
  watchdog->done = TRUE;
  g_cond_signal (&watchdog->cond);
  g_mutex_unlock (&watchdog->mutex);
  if (watchdog->thread != NULL)
    g_thread_join (watchdog->thread);
  g_mutex_clear (&watchdog->mutex);
  g_cond_clear (&watchdog->cond);
}

static fz_document *
open_document (fz_context  *ctx,
               const char  *data,
               gsize        length,
               GError     **error)
{
  fz_stream *volatile stream = NULL;
  fz_document *volatile doc = NULL;

  fz_try (ctx)
    {
      stream = fz_open_memory (ctx, (const unsigned char *)data, length);
      doc = fz_open_document_with_stream (ctx, "application/pdf", stream);
    }
  fz_always (ctx)
    fz_drop_stream (ctx, stream);
  fz_catch (ctx)
    {
      set_damaged (ctx, error);
      return NULL;
    }

  return doc;
}

static int
count_pages (fz_context  *ctx,
             fz_document *doc,
             GError     **error)
{
  volatile int n = -1;
  volatile gboolean locked = FALSE;

  fz_try (ctx)
    {
      /* Owner-only protection (printing, copying) opens with the empty
       * password; a real user password does not. */
      if (fz_needs_password (ctx, doc) && !fz_authenticate_password (ctx, doc, ""))
        locked = TRUE;
      else
        n = fz_count_pages (ctx, doc);
    }
  fz_catch (ctx)
    {
      set_damaged (ctx, error);
      return -1;
    }

  if (locked)
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_PASSWORD,
                         N_("the PDF is password-protected"));
  else if (n <= 0)
    g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                         N_("the PDF is damaged: it has no pages"));
  return n;
}

/* Pages [first, end) of an open document, or NULL with @error set. */
static char **
extract_open (fz_context    *ctx,
              fz_document   *doc,
              int            first,
              int            end,
              fz_cookie     *cookie,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (int i = first; i < end; i++)
    {
      char *text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      text = page_text (ctx, doc, i, cookie, error);
      if (text == NULL)
        return NULL;
      g_ptr_array_add (pages, text);
    }
  g_ptr_array_add (pages, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&pages), FALSE);
}

/* With @first_func, a range that stops before the last page is handed
 * to it, and the rest of the same open document is returned: opening it
 * again would parse the file and load its fonts a second time. */
static char **
extract (fz_context       *ctx,
         const char       *data,
         gsize             length,
         guint             first,
         guint             max,
         guint             whole_up_to,
         guint            *n_pages,
         IcExtractPartFunc first_func,
         gpointer          first_data,
         fz_cookie        *cookie,
         GCancellable     *cancellable,
         GError          **error)
{
  fz_document *doc;
  char **pages = NULL;
  int n, end;

  doc = open_document (ctx, data, length, error);
  if (doc == NULL)
    return NULL;

  n = count_pages (ctx, doc, error);
  end = max == 0 || first + max > (guint)MAX (n, 0) || (guint)MAX (n, 0) <= whole_up_to
        ? n : (int)(first + max);
  if (n > 0)
    pages = extract_open (ctx, doc, first, end, cookie, cancellable, error);
  if (pages != NULL && first_func != NULL && end < n)
    {
      first_func (g_steal_pointer (&pages), n, first_data);
      pages = extract_open (ctx, doc, end, n, cookie, cancellable, error);
    }
  fz_drop_document (ctx, doc);

  if (pages != NULL && n_pages != NULL)
    *n_pages = n;
  return pages;
}

/**
 * ic_extractor_get_page_range:
 * @n_pages: (out) (optional): the number of pages in the document
 *
 * Returns: (transfer full) (nullable): the text of pages @first to
 * @first + @max - 1, or to the end
 */
char **
ic_extractor_get_page_range (const char    *data,
                             gsize          length,
                             guint          first,
                             guint          max,
                             guint         *n_pages,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return ic_extractor_get_page_range_within (data, length, first, max, 0, 0, n_pages,
                                             cancellable, error);
}

/**
 * ic_extractor_get_pages_streamed:
 * @first_func: (nullable): given the pages of the range when the
 *   document goes on after it (and its page count); the rest of the
 *   document is then returned
 *
 * ic_extractor_get_page_range_within() that, with @first_func, reads a
 * long document's first pages and then its rest from one opening.
 */
char **
ic_extractor_get_pages_streamed (const char        *data,
                                 gsize              length,
                                 guint              first,
                                 guint              max,
                                 guint              whole_up_to,
                                 double             seconds,
                                 guint             *n_pages,
                                 IcExtractPartFunc  first_func,
                                 gpointer           first_data,
                                 GCancellable      *cancellable,
                                 GError           **error)
{
  /* MuPDF clones only a context with locks; one thread needs no clone. */
  fz_context *ctx = single_threaded ? get_base_context () : fz_clone_context (get_base_context ());
  Watchdog watchdog;
  char **pages;

  if (ctx == NULL)
    {
      g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED,
                           N_("out of memory while reading the PDF"));
      return NULL;
    }

  watchdog_start (&watchdog, seconds);
  pages = extract (ctx, data, length, first, max, whole_up_to, n_pages, first_func, first_data,
                   &watchdog.cookie, cancellable, error);
  watchdog_stop (&watchdog);
  if (!single_threaded)
    fz_drop_context (ctx);
  return pages;
}

/**
 * ic_extractor_get_page_range_within:
 * @whole_up_to: a document of at most this many pages is read whole,
 *   whatever @max says (0: never)
 * @seconds: the time limit, 0 for none
 *
 * ic_extractor_get_page_range() with a time limit: over it, the failure
 * IC_EXTRACT_ERROR_HANG. The limit stops the interpretation of pages;
 * opening the document (which may rebuild a damaged cross-reference
 * table) is not interrupted.
 */
char **
ic_extractor_get_page_range_within (const char    *data,
                                    gsize          length,
                                    guint          first,
                                    guint          max,
                                    guint          whole_up_to,
                                    double         seconds,
                                    guint         *n_pages,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  return ic_extractor_get_pages_streamed (data, length, first, max, whole_up_to, seconds, n_pages,
                                          NULL, NULL, cancellable, error);
}

/**
 * ic_extractor_get_pages:
 *
 * Returns: (transfer full) (nullable): the text of each page
 */
char **
ic_extractor_get_pages (const char    *data,
                        gsize          length,
                        GCancellable  *cancellable,
                        GError       **error)
{
  char **pages = ic_extractor_get_page_range (data, length, 0, 0, NULL, cancellable, error);

  if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, error))
    g_clear_pointer (&pages, g_strfreev);
  return pages;
}
