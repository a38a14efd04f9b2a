/* ic-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-cache"
/* syncfs() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <utime.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ic-cache.h"
#include "ic-extract-pool.h"
#include "ic-extractor.h"
#include "ic-json.h"
#include "ic-parser-fingerprint.h"
#include "ic-report-private.h"
#include "ic-sha256.h"

#define CHECKSUM_LENGTH IC_SHA256_LENGTH
/* (magic, extractor version, from a PDF, reason or "", the text
 * extractor's version for its own failures or "", pages). Entries of
 * "ic-pages-1", which kept a helper killed by the OOM killer as a crash
 * for ever, are not read: they are read again once. */
#define PAGES_TYPE "(subssas)"
#define PAGES_MAGIC "ic-pages-2"
/* path -> (size, mtime, inode, content id, last used in seconds) */
#define INDEX_TYPE "(sa(stttst))"
#define INDEX_MAGIC "ic-index-1"
/* (magic, the digest of the theme rules that gave its items their themes
 * or "", the report as the JSON export writes it) */
#define REPORT_TYPE "(sss)"
#define REPORT_MAGIC "ic-report-2"
/* (magic, the search index of the report's text) */
#define SEARCH_TYPE "(say)"
#define SEARCH_MAGIC "ic-search-1"
#define INDEX_NAME "path-index"
/* Paths not seen for this long leave the index. */
#define INDEX_MAX_AGE (60 * 60 * 24 * 90)
/* A hit refreshes an entry's mtime (its LRU age) at most this often. */
#define TOUCH_INTERVAL (60 * 60 * 24)
/* Entries are written without a sync of their own and made durable
 * together, one syncfs() per this many (and one at close): a sync per
 * entry made 5,000 small files take several times longer with the cache
 * than without it. */
#define SYNC_BATCH 1000
/* No cache file is anywhere near this; a bigger one is not read. */
#define MAX_FILE_BYTES (512 * 1024 * 1024)

typedef struct
{
  guint64  size;
  guint64  mtime;
  guint64  inode;
  char    *content_id;
  guint64  last_used;
} PathInfo;

struct _IcCache
{
  char       *dir;
  char       *pages_dir;
  char       *reports_dir;
  guint64     max_bytes;
  GMutex      mutex;
  GHashTable *index;     /* path -> PathInfo */
  gboolean    index_dirty;
  gboolean    stored;    /* entries written since opening */
  gboolean    unwritable; /* said once; nothing more is written */
  gboolean    retry_extractor_failures; /* Reload: they are not trusted */
  guint       n_unsynced; /* entries written since the last sync */
  guint       n_syncs;
};

/* One line a user understands, once per problem: the cache only saves
 * time, so the app goes on without it. @format names the path with %s. */
static void
cache_warning (const char *path,
               const char *format)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (format, display);

  g_printerr ("inspection-compare: %s\n", message);
}

static void
path_info_free (PathInfo *info)
{
  g_free (info->content_id);
  g_free (info);
}

/* A folder, not a link to one. */
static gboolean
is_real_folder (const char *path)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
               g_strerror (saved));
  return FALSE;
}

/* Written to a temporary file beside @path and renamed over it, but not
 * synced: a crash may leave the entry torn or empty, which its checksum
 * tells (read_checked() ignores and removes it), so the entries of a
 * batch share one sync (sync_batch()). */
static gboolean
write_replacing (const char    *path,
                 const guint8  *data,
                 gsize          length,
                 GError       **error)
{
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  int saved;

  if (fd < 0)
    return set_errno_error (error, path, errno);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      data += n;
      length -= n;
    }
  saved = length > 0 ? (errno ? errno : EIO) : 0;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (temporary, path) != 0)
    saved = errno;
  if (saved == 0)
    return TRUE;
  g_unlink (temporary);
  return set_errno_error (error, path, saved);
}

/* A file is a raw SHA-256 of the rest, then a serialised GVariant. */
static gboolean
write_checked (const char  *path,
               GVariant    *variant,
               GError     **error)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (variant);
  gsize size = g_variant_get_size (sunk);
  g_autofree guint8 *data = g_malloc (CHECKSUM_LENGTH + size);
  g_autofree char *parent = g_path_get_dirname (path);

  g_variant_store (sunk, data + CHECKSUM_LENGTH);
  ic_sha256_digest (data + CHECKSUM_LENGTH, size, data);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "%s: %s", parent, g_strerror (errno));
      return FALSE;
    }
  if (!is_real_folder (parent))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, _("%s: not a folder of the cache"), parent);
      return FALSE;
    }
  return write_replacing (path, data, CHECKSUM_LENGTH + size, error);
}

typedef enum
{
  READ_OK,
  READ_MISSING,
  READ_NOT_A_FILE, /* a link, a FIFO, a device, a folder, or far too big */
} ReadResult;

/* Reads a cache file that is a plain file of ours: never through a link,
 * never a FIFO (which would block) or a device such as /dev/zero (which
 * never ends). */
static ReadResult
read_plain_file (const char  *path,
                 char       **data,
                 gsize       *length)
{
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  GString *buffer;
  struct stat st;
  char chunk[65536];
  gssize n;

  if (fd < 0)
    return errno == ENOENT ? READ_MISSING : READ_NOT_A_FILE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_FILE_BYTES)
    {
      close (fd);
      return READ_NOT_A_FILE;
    }
  buffer = g_string_sized_new (st.st_size + 1);
  while ((n = read (fd, chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (buffer, chunk, n);
  close (fd);
  *length = buffer->len;
  *data = g_string_free (buffer, FALSE);
  return READ_OK;
}

static GVariant *
read_checked (const char         *path,
              const GVariantType *type,
              const char         *magic)
{
  g_autofree char *data = NULL;
  g_autoptr(GVariant) variant = NULL;
  guint8 digest[CHECKSUM_LENGTH];
  gsize length = 0;
  const char *found_magic = NULL;
  ReadResult result = read_plain_file (path, &data, &length);

  if (result == READ_MISSING)
    return NULL;
  if (result == READ_NOT_A_FILE || length < CHECKSUM_LENGTH)
    goto corrupt;

  ic_sha256_digest (data + CHECKSUM_LENGTH, length - CHECKSUM_LENGTH, digest);
  if (memcmp (digest, data, CHECKSUM_LENGTH) != 0)
    goto corrupt;

  variant = g_variant_new_from_data (type, data + CHECKSUM_LENGTH, length - CHECKSUM_LENGTH,
                                     FALSE, g_free, data);
  data = NULL;
  g_variant_get_child (variant, 0, "&s", &found_magic);
  if (g_strcmp0 (found_magic, magic) != 0)
    goto corrupt;

  return g_steal_pointer (&variant);

corrupt:
  /* Never trusted; removed so that it is written afresh (unlink removes
   * a link itself, never what it points to). */
  g_debug ("ignoring corrupt cache file %s", path);
  {
    g_autofree char *parent = g_path_get_dirname (path);

    if (is_real_folder (parent))
      g_unlink (path);
  }
  return NULL;
}

static char *
index_path (IcCache *self)
{
  return g_build_filename (self->dir, INDEX_NAME, NULL);
}

static void
load_index (IcCache *self)
{
  g_autofree char *path = index_path (self);
  g_autoptr(GVariant) variant = read_checked (path, G_VARIANT_TYPE (INDEX_TYPE), INDEX_MAGIC);
  g_autoptr(GVariantIter) iter = NULL;
  const char *file, *content_id;
  PathInfo info;

  if (variant == NULL)
    return;

  g_variant_get (variant, "(&sa(stttst))", NULL, &iter);
  while (g_variant_iter_next (iter, "(&sttt&st)", &file, &info.size, &info.mtime, &info.inode,
                              &content_id, &info.last_used))
    {
      PathInfo *copy = g_memdup2 (&info, sizeof info);

      copy->content_id = g_strdup (content_id);
      g_hash_table_insert (self->index, g_strdup (file), copy);
    }
}

/* The first failure to write says so once; the cache is then only read. */
static void
note_unwritable (IcCache *self,
                 GError  *error)
{
  gboolean first;

  g_mutex_lock (&self->mutex);
  first = !self->unwritable;
  self->unwritable = TRUE;
  g_mutex_unlock (&self->mutex);
  if (first)
    {
      g_autofree char *message =
        g_strdup_printf (_("the cache cannot be written, reports are read without it: %s"), error->message);

      g_printerr ("inspection-compare: %s\n", message);
    }
}

static gboolean
is_unwritable (IcCache *self)
{
  gboolean unwritable;

  g_mutex_lock (&self->mutex);
  unwritable = self->unwritable;
  g_mutex_unlock (&self->mutex);
  return unwritable;
}

static void
save_index (IcCache *self)
{
  g_autofree char *path = index_path (self);
  g_autoptr(GError) error = NULL;
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer key, value;
  guint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(stttst)"));
  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PathInfo *info = value;

      if (info->last_used + INDEX_MAX_AGE < now)
        continue;
      g_variant_builder_add (&builder, "(stttst)", key, info->size, info->mtime, info->inode,
                             info->content_id, info->last_used);
    }

  if (!write_checked (path, g_variant_new ("(sa(stttst))", INDEX_MAGIC, &builder), &error))
    note_unwritable (self, error);
}

/* Makes the entries written so far durable, with one call for the whole
 * batch. */
static void
sync_batch (IcCache *self)
{
  int fd = g_open (self->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  syncfs (fd);
  close (fd);
  g_mutex_lock (&self->mutex);
  self->n_syncs++;
  g_mutex_unlock (&self->mutex);
}

/* Counts an entry written; the one that completes a batch syncs it. */
static void
note_stored (IcCache *self)
{
  gboolean batch_full;

  g_mutex_lock (&self->mutex);
  self->stored = TRUE;
  batch_full = ++self->n_unsynced >= SYNC_BATCH;
  if (batch_full)
    self->n_unsynced = 0;
  g_mutex_unlock (&self->mutex);
  if (batch_full)
    sync_batch (self);
}

static void
ic_cache_free (IcCache *self)
{
  g_hash_table_unref (self->index);
  g_mutex_clear (&self->mutex);
  g_free (self->pages_dir);
  g_free (self->reports_dir);
  g_free (self->dir);
  g_free (self);
}

/* Whether @path is absent or of the kind expected (a folder, or a plain
 * file), never a link. */
static gboolean
is_absent_or (const char *path,
              mode_t      kind)
{
  GStatBuf st;

  /* Missing or unreachable: writing there fails and says so. */
  if (g_lstat (path, &st) != 0)
    return TRUE;
  return (st.st_mode & S_IFMT) == kind;
}

/* A cache whose own folders or index are links, FIFOs or devices was not
 * made by us: it is skipped (with one warning), never trusted, and
 * nothing in it is read, written or removed. */
static gboolean
is_trustworthy (IcCache *self)
{
  g_autofree char *index = index_path (self);
  GStatBuf st;

  if (g_stat (self->dir, &st) == 0 && !S_ISDIR (st.st_mode))
    {
      cache_warning (self->dir, _("the cache is not used: %s is not a folder"));
      return FALSE;
    }
  if (!is_absent_or (self->pages_dir, S_IFDIR))
    {
      cache_warning (self->pages_dir, _("the cache is not used: %s is not a folder (a link?)"));
      return FALSE;
    }
  if (!is_absent_or (self->reports_dir, S_IFDIR))
    {
      cache_warning (self->reports_dir, _("the cache is not used: %s is not a folder (a link?)"));
      return FALSE;
    }
  if (!is_absent_or (index, S_IFREG))
    {
      cache_warning (index, _("the cache is not used: %s is not a plain file "
                               "(a link, a pipe or a device?)"));
      return FALSE;
    }
  return TRUE;
}

/* A report is kept as parsed, with its warnings in the user's language
 * and their dates' months by LC_TIME: reports parsed in another language
 * (another catalogue, or other month names) have a folder of their own,
 * so that a warning is never shown in the language of an earlier run.
 * English keeps the folder's name from before. */
static char *
reports_folder (const char *dir)
{
  /* The catalogue's header (the empty msgid's translation, given not as
   * a literal, which xgettext would take for a message) names it; in
   * English there is none. */
  static const char header[] = "";
  const char *catalogue = dgettext (GETTEXT_PACKAGE, header);
  g_autoptr(GDate) january = g_date_new_dmy (1, G_DATE_JANUARY, 2000);
  g_autofree char *language = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  char month[64];

  g_date_strftime (month, sizeof month, "%B", january);
  if (catalogue[0] == '\0' && g_str_equal (month, "January"))
    return g_build_filename (dir, "reports-" IC_PARSER_FINGERPRINT, NULL);
  language = g_strconcat (catalogue, "\n", month, NULL);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, language, -1);
  name = g_strdup_printf ("reports-" IC_PARSER_FINGERPRINT "-%.12s", digest);
  return g_build_filename (dir, name, NULL);
}

IcCache *
ic_cache_open (const char *dir,
               guint64     max_bytes)
{
  IcCache *self;
  g_autofree char *version = g_strdup_printf ("pages-%d", IC_EXTRACTOR_VERSION);

  g_return_val_if_fail (dir != NULL, NULL);

  if (g_strcmp0 (g_getenv ("IC_NO_CACHE"), "1") == 0)
    return NULL;

  self = g_new0 (IcCache, 1);
  g_mutex_init (&self->mutex);
  self->dir = g_strdup (dir);
  self->pages_dir = g_build_filename (dir, version, NULL);
  self->reports_dir = reports_folder (dir);
  self->max_bytes = max_bytes;
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)path_info_free);
  if (!is_trustworthy (self))
    {
      ic_cache_free (self);
      return NULL;
    }
  load_index (self);
  return self;
}

IcCache *
ic_cache_open_default (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "inspection-compare", NULL);

  return ic_cache_open (dir, IC_CACHE_MAX_BYTES);
}

void
ic_cache_close (IcCache *self)
{
  if (self == NULL)
    return;

  if (self->index_dirty)
    save_index (self);
  if (self->n_unsynced > 0 || self->index_dirty)
    sync_batch (self);
  if (self->stored)
    ic_cache_trim (self);
  ic_cache_free (self);
}

char *
ic_cache_lookup_path (IcCache           *self,
                      const IcScanEntry *entry)
{
  PathInfo *info;
  char *content_id = NULL;

  g_mutex_lock (&self->mutex);
  info = g_hash_table_lookup (self->index, entry->path);
  if (info != NULL && info->size == entry->size && info->mtime == entry->mtime &&
      info->inode == entry->inode)
    {
      content_id = g_strdup (info->content_id);
      /* Refreshing the age once a day is enough to keep paths in use. */
      if (info->last_used + TOUCH_INTERVAL < (guint64)(g_get_real_time () / G_USEC_PER_SEC))
        {
          info->last_used = g_get_real_time () / G_USEC_PER_SEC;
          self->index_dirty = TRUE;
        }
    }
  g_mutex_unlock (&self->mutex);

  return content_id;
}

void
ic_cache_remember_path (IcCache           *self,
                        const IcScanEntry *entry,
                        const char        *content_id)
{
  PathInfo *info;

  /* The index stores paths as GVariant strings, which must be UTF-8; a
   * file with another name is simply hashed again next time. */
  if (!g_utf8_validate (entry->path, -1, NULL))
    return;

  info = g_new0 (PathInfo, 1);

  info->size = entry->size;
  info->mtime = entry->mtime;
  info->inode = entry->inode;
  info->content_id = g_strdup (content_id);
  info->last_used = g_get_real_time () / G_USEC_PER_SEC;

  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->index, g_strdup (entry->path), info);
  self->index_dirty = TRUE;
  g_mutex_unlock (&self->mutex);
}

static void
touch (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_mtime + TOUCH_INTERVAL < g_get_real_time () / G_USEC_PER_SEC)
    g_utime (path, NULL);
}

static char *
entry_path (const char *dir,
            const char *content_id)
{
  char prefix[3] = { content_id[0], content_id[0] ? content_id[1] : 0, 0 };

  return g_build_filename (dir, prefix, content_id, NULL);
}

char *
ic_cache_get_entry_path (IcCache    *self,
                         const char *content_id)
{
  return entry_path (self->pages_dir, content_id);
}

char *
ic_cache_get_report_path (IcCache    *self,
                          const char *content_id)
{
  return entry_path (self->reports_dir, content_id);
}

/**
 * ic_cache_lookup_report:
 * @themes_by: (nullable): the digest of the theme rules in force
 * @themed: (out): whether the rules of @themes_by gave the report's items
 *   their themes (else they must be given again)
 *
 * Returns: (transfer full) (nullable): the report parsed from this
 *   content by this build of the parser, with @source as its source
 */
IcReport *
ic_cache_lookup_report (IcCache    *self,
                        const char *content_id,
                        const char *source,
                        const char *themes_by,
                        gboolean   *themed)
{
  g_autofree char *path = ic_cache_get_report_path (self, content_id);
  g_autoptr(GVariant) variant = read_checked (path, G_VARIANT_TYPE (REPORT_TYPE), REPORT_MAGIC);
  g_autoptr(JsonNode) node = NULL;
  IcReport *report;
  const char *digest;
  const char *json;

  *themed = FALSE;
  if (variant == NULL)
    return NULL;

  g_variant_get (variant, "(&s&s&s)", NULL, &digest, &json);
  node = json_from_string (json, NULL);
  report = node ? ic_json_report_from_node (node, NULL) : NULL;
  if (report == NULL || g_strcmp0 (ic_report_get_content_id (report), content_id) != 0)
    {
      g_clear_object (&report);
      return NULL;
    }

  _ic_report_set_source (report, source);
  *themed = digest[0] != '\0' && g_strcmp0 (digest, themes_by) == 0;
  touch (path);
  return report;
}

/**
 * ic_cache_store_report:
 * @themes_by: (nullable): the digest of the theme rules that gave the
 *   items their themes (ic_theme_rules_get_digest()), or %NULL
 *
 * Keeps what the parser made of the content, with its items' themes; a
 * report's duplicates and corrections belong to one load and are not
 * part of it.
 */
void
ic_cache_store_report (IcCache    *self,
                       IcReport   *report,
                       const char *themes_by)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_return_if_fail (ic_report_get_content_id (report) != NULL);

  path = ic_cache_get_report_path (self, ic_report_get_content_id (report));
  node = ic_json_report_to_node (report);
  object = json_node_get_object (node);
  json_object_remove_member (object, "duplicates");
  json_object_remove_member (object, "corrected");
  json = ic_json_to_string (node);

  if (is_unwritable (self))
    return;
  if (!write_checked (path, g_variant_new ("(sss)", REPORT_MAGIC, themes_by ? themes_by : "", json),
                      &error))
    note_unwritable (self, error);
  else
    note_stored (self);
}

static char *
search_path (IcCache    *self,
             const char *content_id)
{
  g_autofree char *name = g_strconcat (content_id, ".search", NULL);

  return entry_path (self->reports_dir, name);
}

GBytes *
ic_cache_lookup_search (IcCache    *self,
                        const char *content_id)
{
  g_autofree char *path = search_path (self, content_id);
  g_autoptr(GVariant) variant = read_checked (path, G_VARIANT_TYPE (SEARCH_TYPE), SEARCH_MAGIC);
  g_autoptr(GVariant) data = NULL;

  if (variant == NULL)
    return NULL;
  data = g_variant_get_child_value (variant, 1);
  touch (path);
  return g_variant_get_data_as_bytes (data);
}

void
ic_cache_store_search (IcCache    *self,
                       const char *content_id,
                       GBytes     *bytes)
{
  g_autofree char *path = search_path (self, content_id);
  g_autoptr(GError) error = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  if (is_unwritable (self))
    return;
  if (!write_checked (path, g_variant_new ("(s@ay)", SEARCH_MAGIC,
                                           g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, data, size, 1)),
                      &error))
    note_unwritable (self, error);

  g_mutex_lock (&self->mutex);
  self->stored = TRUE;
  g_mutex_unlock (&self->mutex);
}

/* Whether an entry holds what the content gives: its text, or a failure
 * of the content; a failure of the extractor (@extractor not empty)
 * holds only for that extractor, and not on a Reload. */
static gboolean
is_lasting (IcCache    *self,
            const char *extractor)
{
  gboolean retry;

  if (extractor[0] == '\0')
    return TRUE;
  g_mutex_lock (&self->mutex);
  retry = self->retry_extractor_failures;
  g_mutex_unlock (&self->mutex);
  return !retry && g_str_equal (extractor, ic_extract_get_version ());
}

gboolean
ic_cache_lookup_pages (IcCache      *self,
                       const char   *content_id,
                       gboolean     *from_pdf,
                       char       ***pages,
                       char        **reason)
{
  g_autofree char *path = ic_cache_get_entry_path (self, content_id);
  g_autoptr(GVariant) variant = read_checked (path, G_VARIANT_TYPE (PAGES_TYPE), PAGES_MAGIC);
  const char *why = NULL;
  const char *extractor = NULL;
  guint32 version = 0;

  if (variant == NULL)
    return FALSE;

  g_variant_get (variant, "(&sub&s&s^as)", NULL, &version, from_pdf, &why, &extractor, pages);
  if (version != IC_EXTRACTOR_VERSION || *pages == NULL ||
      !is_lasting (self, extractor))
    {
      g_clear_pointer (pages, g_strfreev);
      return FALSE;
    }
  if (why[0] != '\0')
    {
      g_clear_pointer (pages, g_strfreev);
      *reason = g_strdup (why);
    }

  touch (path);
  return TRUE;
}

static void
store_pages_entry (IcCache            *self,
                   const char         *content_id,
                   gboolean            from_pdf,
                   const char * const *pages,
                   const char         *reason,
                   const char         *extractor)
{
  g_autofree char *path = ic_cache_get_entry_path (self, content_id);
  g_autoptr(GError) error = NULL;
  const char * const no_pages[] = { NULL };
  GVariant *variant;

  if (is_unwritable (self))
    return;
  variant = g_variant_new ("(subss^as)", PAGES_MAGIC, (guint32)IC_EXTRACTOR_VERSION,
                           from_pdf, reason ? reason : "", extractor, pages ? pages : no_pages);
  if (!write_checked (path, variant, &error))
    note_unwritable (self, error);
  else
    note_stored (self);
}

void
ic_cache_store_pages (IcCache            *self,
                      const char         *content_id,
                      gboolean            from_pdf,
                      const char * const *pages,
                      const char         *reason)
{
  store_pages_entry (self, content_id, from_pdf, pages, reason, "");
}

/**
 * ic_cache_store_extractor_failure:
 *
 * Keeps a failure of the text extractor itself (it crashed twice, or
 * went over its time limit) for this extractor only
 * (ic_extract_get_version()): the PDF is not tried again on every open,
 * but is with another helper or after ic_cache_retry_extractor_failures().
 */
void
ic_cache_store_extractor_failure (IcCache    *self,
                                  const char *content_id,
                                  const char *reason)
{
  g_return_if_fail (reason != NULL);

  store_pages_entry (self, content_id, TRUE, NULL, reason, ic_extract_get_version ());
}

/**
 * ic_cache_retry_extractor_failures:
 *
 * From now on, lookups ignore the extractor's own failures: a Reload
 * reads those PDFs again (and stores what it finds).
 */
void
ic_cache_retry_extractor_failures (IcCache *self)
{
  g_mutex_lock (&self->mutex);
  self->retry_extractor_failures = TRUE;
  g_mutex_unlock (&self->mutex);
}

typedef struct
{
  const char *top;  /* the pages or reports folder */
  char       *sub;  /* the two-letter folder in it */
  char       *name;
  guint64     size;
  gint64      mtime;
} CacheFile;

static void
cache_file_free (CacheFile *file)
{
  g_free (file->sub);
  g_free (file->name);
  g_free (file);
}

static int
compare_age (gconstpointer a,
             gconstpointer b)
{
  const CacheFile *fa = *(CacheFile **)a;
  const CacheFile *fb = *(CacheFile **)b;

  return (fa->mtime > fb->mtime) - (fa->mtime < fb->mtime);
}

/* Clean-up works on folder descriptors opened with O_NOFOLLOW, so it
 * never descends through a link, even one planted while it runs: a link
 * is removed itself, never what it points to. */
static int
open_folder_at (int         parent,
                const char *name)
{
  return openat (parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

static void
remove_tree_at (int         parent,
                const char *name)
{
  int fd = open_folder_at (parent, name);
  struct dirent *entry;
  DIR *dir;

  if (fd < 0)
    {
      /* A file or a link (ELOOP, ENOTDIR): remove it, not its target. */
      unlinkat (parent, name, 0);
      return;
    }
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      remove_tree_at (dirfd (dir), entry->d_name);
  closedir (dir);
  unlinkat (parent, name, AT_REMOVEDIR);
}

/* The entries of one two-letter folder; leftovers of an interrupted write
 * (a temporary name with a dot, older than an hour) are removed. Only
 * plain files count; anything else is removed as not ours. */
static void
list_folder (int         top_fd,
             const char *top,
             const char *sub,
             GPtrArray  *files,
             guint64    *total)
{
  gint64 hour_ago = g_get_real_time () / G_USEC_PER_SEC - 3600;
  int fd = open_folder_at (top_fd, sub);
  struct dirent *entry;
  DIR *dir;

  if (fd < 0 || (dir = fdopendir (fd)) == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;
      CacheFile *file;

      if (g_str_equal (entry->d_name, ".") || g_str_equal (entry->d_name, "..") ||
          fstatat (dirfd (dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        continue;
      if (!S_ISREG (st.st_mode) || (strchr (entry->d_name, '.') != NULL && st.st_mtime < hour_ago))
        {
          if (!S_ISDIR (st.st_mode))
            unlinkat (dirfd (dir), entry->d_name, 0);
          continue;
        }
      file = g_new0 (CacheFile, 1);
      file->top = top;
      file->sub = g_strdup (sub);
      file->name = g_strdup (entry->d_name);
      file->size = st.st_size;
      file->mtime = st.st_mtime;
      *total += file->size;
      g_ptr_array_add (files, file);
    }
  closedir (dir);
}

static void
list_entries (int         root_fd,
              const char *top,
              GPtrArray  *files,
              guint64    *total)
{
  g_autofree char *top_name = g_path_get_basename (top);
  int fd = open_folder_at (root_fd, top_name);
  struct dirent *entry;
  DIR *dir;

  if (fd < 0 || (dir = fdopendir (fd)) == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    if (!g_str_equal (entry->d_name, ".") && !g_str_equal (entry->d_name, ".."))
      list_folder (dirfd (dir), top, entry->d_name, files, total);
  closedir (dir);
}

static gboolean
remove_entry (int              root_fd,
              const CacheFile *file)
{
  g_autofree char *top_name = g_path_get_basename (file->top);
  int top_fd = open_folder_at (root_fd, top_name);
  int sub_fd = top_fd < 0 ? -1 : open_folder_at (top_fd, file->sub);
  gboolean removed = sub_fd >= 0 && unlinkat (sub_fd, file->name, 0) == 0;

  if (sub_fd >= 0)
    close (sub_fd);
  if (top_fd >= 0)
    close (top_fd);
  return removed;
}

static void
remove_old_versions (IcCache *self,
                     int      root_fd)
{
  g_autofree char *pages = g_path_get_basename (self->pages_dir);
  g_autofree char *reports = g_path_get_basename (self->reports_dir);
  int fd = dup (root_fd);
  DIR *dir = fd < 0 ? NULL : fdopendir (fd);
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  struct dirent *entry;

  if (dir == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    if ((g_str_has_prefix (entry->d_name, "pages-") || g_str_has_prefix (entry->d_name, "reports-")) &&
        !g_str_equal (entry->d_name, pages) && !g_str_equal (entry->d_name, reports))
      g_ptr_array_add (old, g_strdup (entry->d_name));
  closedir (dir);
  for (guint i = 0; i < old->len; i++)
    remove_tree_at (root_fd, g_ptr_array_index (old, i));
}

/**
 * ic_cache_trim:
 *
 * Removes the text of older extractor versions, the reports of other
 * parser builds or parsed in another language, and, when the cache is
 * over its bound, the least recently used entries down to 3/4 of it.
 * Nothing is followed through a link.
 */
void
ic_cache_trim (IcCache *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)cache_file_free);
  int root_fd = g_open (self->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  guint64 total = 0;

  if (root_fd < 0)
    return;
  remove_old_versions (self, root_fd);
  list_entries (root_fd, self->pages_dir, files, &total);
  list_entries (root_fd, self->reports_dir, files, &total);
  if (total > self->max_bytes)
    {
      g_ptr_array_sort (files, compare_age);
      for (guint i = 0; i < files->len && total > self->max_bytes / 4 * 3; i++)
        {
          CacheFile *file = g_ptr_array_index (files, i);

          if (remove_entry (root_fd, file))
            total -= file->size;
        }
    }
  close (root_fd);
}

/* For tests: how many syncs the entries written so far cost. */
guint
ic_cache_get_n_syncs (IcCache *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->n_syncs;
  g_mutex_unlock (&self->mutex);
  return n;
}
