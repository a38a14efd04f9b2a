/* ic-load-pipeline.c: one file, from its path to a report
 *
 * Per file, on a worker thread: read, sniff, hash, look up the cache,
 * extract (ic-extract-pool: a helper process, so a crash costs one file),
 * parse, give themes, store in the cache, then leave the report (or the
 * failure) in the job's pending lists for the batcher. An unchanged file
 * (the cache's path index) is not read: its text and report come from
 * the cache, or only its report when no text is kept.
 *
 * PDFs not in the cache load progressively: the first pass extracts only
 * the first job->first_pass pages (judgements and areas for improvement
 * are there in every kind of report but the oldest), or the whole of a
 * PDF of at most job->whole_up_to pages, and delivers a provisional
 * report parsed from the first pages of a longer one; once every file has had its first
 * pass, a second pass extracts the remaining pages, parses the whole text
 * and replaces the provisional report in the store. Page text does not
 * depend on which other pages are extracted, so the final report is the
 * one a single pass gives. Only final text and reports are cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-loader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ic-background.h"
#include "ic-extract-pool.h"
#include "ic-extractor.h"
#include "ic-load-job.h"
#include "ic-parser.h"
#include "ic-read-file.h"
#include "ic-report-private.h"
#include "ic-search-index.h"
#include "ic-sha256.h"
#include "ic-text.h"
#include "ic-themes.h"
#include "ic-work-crew.h"

static void
add_failure (IcLoadJob  *job,
             const char *path,
             const char *reason)
{
  g_mutex_lock (&job->mutex);
  g_ptr_array_add (job->failures, ic_failure_new (path, reason));
  g_mutex_unlock (&job->mutex);
}

/* The first file with some content claims it; later files with the same
 * bytes become copies of it and are not read further. */
static gboolean
claim_content (IcLoadJob  *job,
               const char *path,
               const char *content_id)
{
  gboolean first = FALSE;

  g_mutex_lock (&job->mutex);
  if (!g_hash_table_contains (job->known_content, content_id) &&
      !g_hash_table_contains (job->claimed, content_id))
    {
      g_hash_table_insert (job->claimed, g_strdup (content_id), NULL);
      first = TRUE;
    }
  else
    {
      IcLoadCopy *copy = g_new0 (IcLoadCopy, 1);

      copy->path = g_strdup (path);
      copy->content_id = g_strdup (content_id);
      g_ptr_array_add (job->copies, copy);
    }
  g_mutex_unlock (&job->mutex);

  return first;
}

static void
fail_content (IcLoadJob  *job,
              const char *path,
              const char *content_id,
              const char *reason)
{
  g_mutex_lock (&job->mutex);
  g_hash_table_insert (job->claimed, g_strdup (content_id), g_strdup (reason));
  g_ptr_array_add (job->failures, ic_failure_new (path, reason));
  g_mutex_unlock (&job->mutex);
}

/* Pages [first, first + max) of a PDF (max 0: to the end; all of them
 * in a PDF of at most whole_up_to pages), from a helper process when
 * there is one. */
static char **
extract_range (IcLoadJob  *job,
               GBytes     *bytes,
               guint       first,
               guint       max,
               guint       whole_up_to,
               guint      *n_pages,
               GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  IcExtractPool *pool = ic_extract_pool_get_default ();
  IcLoadTimer timer = ic_load_profile_start (job->profile);
  char **pages;

  if (pool != NULL)
    pages = ic_extract_pool_get_page_range (pool, data, length, first, max, whole_up_to, n_pages,
                                            job->cancellable, error);
  else
    pages = ic_extract_in_process (data, length, first, max, whole_up_to, n_pages,
                                   job->cancellable, error);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_EXTRACT);
  return pages;
}

/* What the file holds is cached, but not an interrupted extraction nor
 * a missing helper. A crash (twice) or a time-out, which a busy machine
 * can cause, is kept for this extractor only, and tried again on Reload. */
static void
cache_pages (IcLoadJob   *job,
             const char  *content_id,
             gboolean     from_pdf,
             char       **pages,
             GError      *error)
{
  IcLoadTimer timer = ic_load_profile_start (job->profile);

  if (job->cache == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_HELPER))
    return;
  if (g_error_matches (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG) ||
      g_error_matches (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_CRASH))
    ic_cache_store_extractor_failure (job->cache, content_id, error->message);
  else
    ic_cache_store_pages (job->cache, content_id, from_pdf, (const char * const *)pages,
                          error ? error->message : NULL);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_WRITE);
}

static gboolean
bytes_cut_short (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return ic_extract_is_cut_short (data, length);
}

/* A PDF cut short that MuPDF could not open, or in which it found no
 * text, fails for its cut: "damaged: <MuPDF's words>" or "no text
 * (scanned image?)" would send the user looking for the wrong cause.
 * Decided by the error's code, before the reason is cached. */
static void
blame_cut (GError   **error,
           gboolean   cut_short)
{
  if (!cut_short || !(g_error_matches (*error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED) ||
                      g_error_matches (*error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_TEXT)))
    return;
  g_clear_error (error);
  g_set_error_literal (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_CUT_SHORT,
                       ic_damage_get_reason (IC_DAMAGE_CUT_SHORT));
}

/* Text from the file (and then into the cache). Returns NULL with @error
 * set when the content cannot be read. A PDF longer than the first pass
 * gives only its first pages, with @partial set, and is not cached. */
static char **
get_pages (IcLoadJob   *job,
           IcFileKind   kind,
           GBytes      *bytes,
           const char  *content_id,
           gboolean    *partial,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_pages = 0;
  char **pages;

  if (kind == IC_FILE_KIND_PDF)
    {
      pages = extract_range (job, bytes, 0, job->first_pass, job->whole_up_to, &n_pages,
                             &local_error);
      *partial = pages != NULL && job->first_pass > 0 &&
                 n_pages > g_strv_length (pages);
      if (*partial)
        return pages;
      if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, &local_error))
        g_clear_pointer (&pages, g_strfreev);
      blame_cut (&local_error, bytes_cut_short (bytes));
    }
  else
    {
      IcLoadTimer timer = ic_load_profile_start (job->profile);

      if ((text = ic_text_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  &local_error)) != NULL &&
          ic_text_check_page_count (text, &local_error))
        pages = ic_text_split_pages (text);
      else
        pages = NULL;
      ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_EXTRACT);
    }

  cache_pages (job, content_id, kind == IC_FILE_KIND_PDF, pages, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return pages;
}

/* The last stage of the pipeline, for whoever wants every report as it
 * is read (a search index): on this worker thread, before the report is
 * published, so it may be read without locks. */
static void
tell_report_func (IcLoadJob *job,
                  IcReport  *report,
                  gboolean   provisional)
{
  if (job->report_func != NULL)
    job->report_func (report, provisional, job->report_data);
}

/* A report read from a PDF cut short keeps what could be read, and says
 * it is cut short: by its code for whoever shows it, and among its
 * warnings, in the user's language as the parser's are. */
static void
mark_damaged (IcReport *report)
{
  _ic_report_set_damage (report, IC_DAMAGE_CUT_SHORT);
  _ic_report_add_warning (report, _(ic_damage_get_reason (IC_DAMAGE_CUT_SHORT)));
}

/* A report from the first pages, never cached, which the report of the
 * whole text replaces. A first part the parser refuses gives no
 * provisional report: the whole text may still be a report. One from a
 * PDF cut short says so from the start (mark_damaged()). */
static void
publish_provisional (IcLoadJob          *job,
                     const char         *path,
                     const char         *content_id,
                     char              **pages,
                     gboolean            cut_short)
{
  IcLoadTimer timer = ic_load_profile_start (job->profile);
  g_autoptr(IcReport) report = job->parse (path, (const char * const *)pages, TRUE, NULL);

  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_PARSE);
  if (report == NULL)
    return;
  _ic_report_set_content_id (report, content_id);
  if (cut_short)
    mark_damaged (report);
  if (job->keep_pages)
    _ic_report_set_pages (report, (const char * const *)pages);
  ic_theme_rules_assign_report (ic_theme_rules_get_default (), report);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_THEMES);
  tell_report_func (job, report, TRUE);

  g_mutex_lock (&job->mutex);
  g_ptr_array_add (job->provisional, g_steal_pointer (&report));
  g_mutex_unlock (&job->mutex);
}

/* In process, the file waits for the second pass (load_rest()). */
static void
deliver_provisional (IcLoadJob          *job,
                     const IcScanEntry  *entry,
                     const char         *content_id,
                     char              **pages,
                     gboolean            cut_short)
{
  IcLoadLater *later = g_new0 (IcLoadLater, 1);

  publish_provisional (job, entry->path, content_id, pages, cut_short);
  later->entry = entry;
  later->content_id = g_strdup (content_id);
  later->pages = pages;
  g_mutex_lock (&job->mutex);
  g_ptr_array_add (job->later, later);
  g_mutex_unlock (&job->mutex);
}

/* Themes come from the rules in force, so that a user's own rules apply
 * on every load. A report parsed now, or whose cached themes other rules
 * gave, is cached with them: the next load need not give them again. */
static void
give_themes (IcLoadJob *job,
             IcReport  *report)
{
  IcThemeRules *rules = ic_theme_rules_get_default ();
  /* Only the real parser's reports are cached, never a test's stand-in. */
  IcCache *cache = job->parse == ic_parse_report ? job->cache : NULL;
  IcLoadTimer timer = ic_load_profile_start (job->profile);

  ic_theme_rules_assign_report (rules, report);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_THEMES);
  if (cache != NULL)
    {
      ic_cache_store_report (cache, report, ic_theme_rules_get_digest (rules));
      ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_WRITE);
    }
}

/* What every report goes through before the main context takes it: its
 * pages and search index when asked for, its themes unless the cache
 * had them (@themed), the report function. Takes @report. @replaces: the
 * second pass, whose report takes the place of a provisional one. */
static void
publish (IcLoadJob   *job,
         IcReport    *report,
         const char  *content_id,
         gboolean     from_pdf,
         char       **pages,
         GArray      *lines,
         gboolean     themed,
         gboolean     replaces)
{
  if (job->keep_pages)
    _ic_report_set_pages (report, (const char * const *)pages);
  if (job->index_text)
    {
      IcLoadTimer timer = ic_load_profile_start (job->profile);

      _ic_report_take_search_doc (report, ic_search_doc_new_cached (job->cache, content_id,
                                                                    (const char * const *)pages,
                                                                    from_pdf, lines));
      ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_INDEX);
    }
  if (!themed)
    give_themes (job, report);
  tell_report_func (job, report, FALSE);

  g_mutex_lock (&job->mutex);
  g_ptr_array_add (replaces ? job->finals : job->reports, report);
  g_mutex_unlock (&job->mutex);
}

/* The report this parser made of the content, from the cache, and
 * whether the theme rules in force gave its themes. */
static IcReport *
lookup_report (IcLoadJob  *job,
               const char *content_id,
               const char *path,
               gboolean   *themed)
{
  IcLoadTimer timer = ic_load_profile_start (job->profile);
  IcReport *report;

  *themed = FALSE;
  /* Only the real parser's reports are cached, never a test's stand-in. */
  if (job->parse != ic_parse_report || job->cache == NULL)
    return NULL;
  report = ic_cache_lookup_report (job->cache, content_id, path,
                                   ic_theme_rules_get_digest (ic_theme_rules_get_default ()),
                                   themed);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_READ);
  return report;
}

/* Whether the PDF at @path, unchanged since it was hashed, is cut short
 * (ic_extract_is_cut_short()): for a file whose text comes from the
 * cache, read no further than its last bytes. */
static gboolean
file_cut_short (const char *path)
{
  char tail[1024];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  off_t size;
  ssize_t n = -1;

  if (fd < 0)
    return FALSE;
  size = lseek (fd, 0, SEEK_END);
  if (size >= 0 && lseek (fd, MAX (size - (off_t) sizeof tail, 0), SEEK_SET) >= 0)
    n = read (fd, tail, sizeof tail);
  close (fd);
  return n >= 0 && ic_extract_is_cut_short (tail, n);
}

/* Whether a PDF lacks its end: known from the bytes just read, or, for
 * a file whose text came from the cache, looked up in its tail only when
 * the answer is needed (a reopen takes the report from the cache, where
 * it keeps its damage, and reads no file). */
typedef enum
{
  CUT_NO,
  CUT_YES,
  CUT_ASK_FILE,
} Cut;

static Cut
cut_of (gboolean cut_short)
{
  return cut_short ? CUT_YES : CUT_NO;
}

static gboolean
is_cut (Cut        *cut,
        const char *path)
{
  if (*cut == CUT_ASK_FILE)
    *cut = cut_of (file_cut_short (path));
  return *cut == CUT_YES;
}

/* Parses @pages (or fails with @reason) and leaves the result for the
 * main context. @replaces: the second pass, whose report takes the place
 * of a provisional one. @cut: whether the PDF lacks its end; the text
 * read from its start, refused by the parser, was refused for the cut. */
static void
deliver (IcLoadJob   *job,
         const char  *path,
         const char  *content_id,
         gboolean     from_pdf,
         char       **pages,
         const char  *reason,
         gboolean     replaces,
         Cut          cut)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = NULL;
  g_autoptr(GArray) lines = NULL;
  gboolean themed = FALSE;
  IcLoadTimer timer;

  if (pages != NULL)
    report = lookup_report (job, content_id, path, &themed);
  if (pages != NULL && report == NULL)
    {
      timer = ic_load_profile_start (job->profile);
      /* The index reads the lines the parser split the pages into. */
      if (job->parse == ic_parse_report && job->index_text)
        report = ic_parse_report_and_lines (path, (const char * const *)pages, from_pdf,
                                            &lines, &error);
      else
        report = job->parse (path, (const char * const *)pages, from_pdf, &error);
      if (report != NULL)
        _ic_report_set_content_id (report, content_id);
      if (report != NULL && is_cut (&cut, path))
        mark_damaged (report);
      ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_PARSE);
    }
  if (report == NULL)
    {
      if (replaces)
        {
          g_mutex_lock (&job->mutex);
          g_ptr_array_add (job->withdrawn, g_strdup (path));
          g_mutex_unlock (&job->mutex);
        }
      if (pages != NULL && is_cut (&cut, path))
        reason = ic_damage_get_reason (IC_DAMAGE_CUT_SHORT);
      fail_content (job, path, content_id, reason ? reason : error->message);
      return;
    }
  publish (job, g_steal_pointer (&report), content_id, from_pdf, pages, lines, themed, replaces);
}

/* A reopen that keeps no text (the command line without --search) needs
 * only what this parser made of the content: its cached report, without
 * reading (and checking) the content's text. The report entry is keyed
 * by content and parser build as the text is, so it is as safe. Returns
 * FALSE when the text must be read after all. */
static gboolean
deliver_cached_report (IcLoadJob  *job,
                       const char *path,
                       const char *content_id)
{
  gboolean themed;
  IcReport *report;

  if (job->keep_pages || job->index_text)
    return FALSE;
  report = lookup_report (job, content_id, path, &themed);
  if (report == NULL)
    return FALSE;
  publish (job, report, content_id, FALSE, NULL, NULL, themed, FALSE);
  return TRUE;
}

static char **join_pages (char **first,
                           char **rest);
static gboolean unchanged (const IcScanEntry  *entry,
                           GError            **error);
static void finish_whole (IcLoadJob   *job,
                          const char  *path,
                          const char  *content_id,
                          char       **pages,
                          GError      *error,
                          gboolean     cut_short);

/* A long PDF read by a helper from one opening (ic-extract-pool.h). */
typedef struct
{
  IcLoadJob         *job;
  const IcScanEntry *entry;
  const char        *content_id;
  char             **first;    /* the first pages, once listed */
  IcLoadTimer        timer;
  gboolean           cut_short;
} Streamed;

/* Runs while the helper reads on: the row is listed meanwhile. */
static void
first_pages_cb (char     **pages,
                guint      n_pages,
                gpointer   data)
{
  Streamed *streamed = data;

  ic_load_profile_stop (streamed->job->profile, &streamed->timer, IC_LOAD_STAGE_EXTRACT);
  streamed->first = pages;
  publish_provisional (streamed->job, streamed->entry->path, streamed->content_id, pages,
                       streamed->cut_short);
  streamed->timer = ic_load_profile_start (streamed->job->profile);
}

/* A PDF from a helper: a short one whole; a long one's first pages are
 * listed as they come, then the rest follows from the same opening,
 * without a second pass that would read, send and open the file again. */
static void
load_streamed (IcLoadJob         *job,
               const IcScanEntry *entry,
               GBytes            *bytes,
               const char        *content_id)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) first = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean cut_short = ic_extract_is_cut_short (data, length);
  Streamed streamed = { job, entry, content_id, NULL, ic_load_profile_start (job->profile),
                        cut_short };

  pages = ic_extract_pool_get_pages_streamed (ic_extract_pool_get_default (), data, length,
                                              job->first_pass, job->whole_up_to, NULL,
                                              first_pages_cb, &streamed, job->cancellable,
                                              &error);
  ic_load_profile_stop (job->profile, &streamed.timer, IC_LOAD_STAGE_EXTRACT);
  first = streamed.first;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (first == NULL)
    {
      if (pages != NULL && !ic_extractor_check_text ((const char * const *)pages, &error))
        g_clear_pointer (&pages, g_strfreev);
      blame_cut (&error, cut_short);
      cache_pages (job, content_id, TRUE, pages, error);
      deliver (job, entry->path, content_id, TRUE, pages, error ? error->message : NULL, FALSE,
               cut_of (cut_short));
      return;
    }
  /* As with a second pass: the whole text is of the bytes hashed only
   * if the file did not change meanwhile. */
  if (pages != NULL && unchanged (entry, &error))
    {
      char **whole = join_pages (first, pages);

      g_strfreev (pages);
      pages = whole;
    }
  else
    g_clear_pointer (&pages, g_strfreev);
  finish_whole (job, entry->path, content_id, g_steal_pointer (&pages), error, cut_short);
}

static void
load_content (IcLoadJob         *job,
              const IcScanEntry *entry,
              IcFileKind         kind,
              GBytes            *bytes,
              const char        *content_id)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf = kind == IC_FILE_KIND_PDF;
  gboolean partial = FALSE;
  IcLoadTimer timer = ic_load_profile_start (job->profile);
  gboolean cached = FALSE;

  if (job->cache != NULL)
    {
      cached = ic_cache_lookup_pages (job->cache, content_id, &from_pdf, &pages, &reason);
      ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_READ);
    }
  if (!cached && kind == IC_FILE_KIND_PDF && job->first_pass > 0 &&
      ic_extract_pool_get_default () != NULL)
    {
      load_streamed (job, entry, bytes, content_id);
      return;
    }
  if (!cached)
    {
      pages = get_pages (job, kind, bytes, content_id, &partial, &error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (error != NULL)
        reason = g_strdup (error->message);
    }

  if (partial)
    deliver_provisional (job, entry, content_id, g_steal_pointer (&pages), bytes_cut_short (bytes));
  else
    deliver (job, entry->path, content_id, from_pdf, pages, reason, FALSE,
             cut_of (kind == IC_FILE_KIND_PDF && bytes_cut_short (bytes)));
}

/* The fast path of a reopen: a file whose path, size, mtime and inode are
 * in the cache's index is not read at all. Returns FALSE when the file
 * must be read after all. */
static gboolean
load_unchanged (IcLoadJob          *job,
                const IcScanEntry  *entry,
                gboolean           *claimed,
                char              **content_id)
{
  g_auto(GStrv) pages = NULL;
  g_autofree char *reason = NULL;
  gboolean from_pdf = FALSE;
  IcLoadTimer timer = ic_load_profile_start (job->profile);
  gboolean cached;

  *content_id = ic_cache_lookup_path (job->cache, entry);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_READ);
  if (*content_id == NULL)
    return FALSE;
  if (!claim_content (job, entry->path, *content_id))
    return TRUE;
  *claimed = TRUE;
  if (deliver_cached_report (job, entry->path, *content_id))
    return TRUE;
  timer = ic_load_profile_start (job->profile);
  cached = ic_cache_lookup_pages (job->cache, *content_id, &from_pdf, &pages, &reason);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_CACHE_READ);
  if (!cached)
    return FALSE;

  deliver (job, entry->path, *content_id, from_pdf, pages, reason, FALSE,
           from_pdf ? CUT_ASK_FILE : CUT_NO);
  return TRUE;
}

static void
fail_read (IcLoadJob  *job,
           const char *path,
           GError     *error)
{
  g_autofree char *why = ic_scanner_reason_from_error (error);
  g_autofree char *message = g_strdup_printf (N_("cannot read the file: %s"), why);

  add_failure (job, path, message);
}

static void
load_entry (IcScanEntry *entry,
            IcLoadJob   *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *indexed_id = NULL;
  g_autofree char *content_id = NULL;
  gboolean claimed = FALSE;
  IcFileKind kind;
  IcLoadTimer timer;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  if (entry->failure != NULL)
    {
      add_failure (job, entry->path, entry->failure);
      return;
    }
  if (job->cache != NULL && load_unchanged (job, entry, &claimed, &indexed_id))
    return;

  /* Read, not mapped: see ic-read-file.c. */
  timer = ic_load_profile_start (job->profile);
  bytes = ic_read_file_bytes (entry->path, &error);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_READ);
  if (bytes == NULL)
    {
      fail_read (job, entry->path, error);
      return;
    }

  kind = ic_scanner_sniff (entry->path, g_bytes_get_data (bytes, NULL),
                           g_bytes_get_size (bytes), &reason);
  if (kind == IC_FILE_KIND_NONE)
    {
      add_failure (job, entry->path, reason);
      return;
    }

  content_id = ic_sha256_hex (bytes);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_HASH);
  if (job->cache != NULL)
    ic_cache_remember_path (job->cache, entry, content_id);
  if ((claimed && g_str_equal (content_id, indexed_id)) ||
      claim_content (job, entry->path, content_id))
    load_content (job, entry, kind, bytes, content_id);
}

static char **
join_pages (char **first,
            char **rest)
{
  guint n_first = g_strv_length (first), n_rest = g_strv_length (rest);
  char **pages = g_new0 (char *, n_first + n_rest + 1);

  for (guint i = 0; i < n_first; i++)
    pages[i] = g_strdup (first[i]);
  for (guint i = 0; i < n_rest; i++)
    pages[n_first + i] = g_strdup (rest[i]);
  return pages;
}

/* The file still has the bytes of the first pass if it has the size,
 * time and inode it was found with (as for the cache's path index:
 * hashing every file again would cost more than extracting its text). */
static gboolean
unchanged (const IcScanEntry  *entry,
           GError            **error)
{
  GStatBuf st;

  if (g_stat (entry->path, &st) != 0)
    {
      int saved = errno;
      g_autoptr(GError) stat_error = g_error_new_literal (G_FILE_ERROR, g_file_error_from_errno (saved),
                                                          g_strerror (saved));
      /* The same words as the scanner's and the command line's. */
      g_autofree char *why = ic_scanner_reason_from_error (stat_error);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), N_("cannot read the file: %s"), why);
      return FALSE;
    }
  if ((guint64)st.st_size != entry->size || (guint64)st.st_ino != entry->inode ||
      (guint64)st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 != entry->mtime)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           N_("the file changed while it was being read; open it again"));
      return FALSE;
    }
  return TRUE;
}

/* All the pages: the first pass's and the rest. */
static char **
read_rest (IcLoadJob    *job,
           IcLoadLater  *later,
           gboolean     *cut_short,
           GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GError) local_error = NULL;
  IcLoadTimer timer;

  if (!unchanged (later->entry, error))
    return NULL;
  timer = ic_load_profile_start (job->profile);
  bytes = ic_read_file_bytes (later->entry->path, &local_error);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_READ);
  if (bytes == NULL)
    {
      g_autofree char *why = ic_scanner_reason_from_error (local_error);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, N_("cannot read the file: %s"), why);
      return NULL;
    }
  *cut_short = bytes_cut_short (bytes);
  rest = extract_range (job, bytes, job->first_pass, 0, 0, NULL, error);
  return rest ? join_pages (later->pages, rest) : NULL;
}

/* The second pass of a PDF: the whole text, cached, and its report in
 * place of the provisional one. */
static void
load_rest (IcLoadLater *later,
           IcLoadJob   *job)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gboolean cut_short = FALSE;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;

  pages = read_rest (job, later, &cut_short, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  finish_whole (job, later->entry->path, later->content_id, g_steal_pointer (&pages), error,
                cut_short);
}

/* The whole text of a PDF listed from its first pages (or why there is
 * none), cached, and its report in place of the provisional one. Takes
 * @pages. */
static void
finish_whole (IcLoadJob   *job,
              const char  *path,
              const char  *content_id,
              char       **pages,
              GError      *error,
              gboolean     cut_short)
{
  g_autoptr(GError) local_error = error ? g_error_copy (error) : NULL;
  g_auto(GStrv) whole = pages;
  gboolean changed;

  if (whole != NULL && !ic_extractor_check_text ((const char * const *)whole, &local_error))
    g_clear_pointer (&whole, g_strfreev);
  blame_cut (&local_error, cut_short);

  /* A file that cannot be opened again or changed tells nothing about
   * the content of the first pass. */
  changed = local_error != NULL && local_error->domain != IC_EXTRACT_ERROR;
  if (!changed)
    cache_pages (job, content_id, TRUE, whole, local_error);
  deliver (job, path, content_id, TRUE, whole, local_error ? local_error->message : NULL, TRUE,
           cut_of (cut_short));
}

/* The coordinator thread and helpers of a background load run at a lower
 * priority (ic-background.c). */
static void
start_background (IcLoadJob *job)
{
  IcExtractPool *pool = ic_extract_pool_get_default ();

  ic_background_lower_thread ();
  if (pool != NULL)
    ic_extract_pool_set_background (pool);
}

/**
 * ic_load_pipeline_run:
 *
 * Scans the job's files and runs every file through the pipeline on a
 * crew of workers: first passes, then the rest of the long PDFs. Returns
 * when every file is done or the load is cancelled.
 */
void
ic_load_pipeline_run (IcLoadJob *job)
{
  g_autoptr(GPtrArray) entries = NULL;
  gint64 start = g_get_monotonic_time ();
  IcLoadTimer timer;

  job->profile = ic_load_profile_new_if_asked ();
  if (job->background)
    start_background (job);
  job->cache = ic_cache_open_default ();
  if (job->cache != NULL && job->retry_failures)
    ic_cache_retry_extractor_failures (job->cache);
  timer = ic_load_profile_start (job->profile);
  entries = ic_scanner_scan ((GFile **)job->files->pdata, job->files->len, job->cancellable);
  ic_load_profile_stop (job->profile, &timer, IC_LOAD_STAGE_SCAN);

  g_mutex_lock (&job->mutex);
  job->n_total = entries->len;
  g_mutex_unlock (&job->mutex);

  /* Waits for every file; cancelled ones return at once. */
  ic_work_crew_run (entries, (GFunc)load_entry, job, job->background);

  /* Every file has had its first pass: now the rest of the long PDFs. */
  ic_work_crew_run (job->later, (GFunc)load_rest, job, job->background);
  g_clear_pointer (&job->cache, ic_cache_close);
  ic_load_profile_report (job->profile, g_get_monotonic_time () - start);
  g_clear_pointer (&job->profile, ic_load_profile_free);

  g_mutex_lock (&job->mutex);
  job->finished = TRUE;
  g_mutex_unlock (&job->mutex);
}
