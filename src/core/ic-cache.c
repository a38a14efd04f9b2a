/* ic-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <utime.h>
#include <string.h>

#include "ic-cache.h"
#include "ic-extractor.h"
#include "ic-json.h"
#include "ic-parser-fingerprint.h"
#include "ic-report-private.h"

#define CHECKSUM_LENGTH 32
/* (magic, extractor version, from a PDF, reason or "", pages) */
#define PAGES_TYPE "(subsas)"
#define PAGES_MAGIC "ic-pages-1"
/* path -> (size, mtime, inode, content id, last used in seconds) */
#define INDEX_TYPE "(sa(stttst))"
#define INDEX_MAGIC "ic-index-1"
/* (magic, the report as the JSON export writes it) */
#define REPORT_TYPE "(ss)"
#define REPORT_MAGIC "ic-report-1"
#define INDEX_NAME "path-index"
/* Paths not seen for this long leave the index. */
#define INDEX_MAX_AGE (60 * 60 * 24 * 90)
/* A hit refreshes an entry's mtime (its LRU age) at most this often. */
#define TOUCH_INTERVAL (60 * 60 * 24)

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
};

static void
path_info_free (PathInfo *info)
{
  g_free (info->content_id);
  g_free (info);
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
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_length = CHECKSUM_LENGTH;
  g_autofree char *parent = g_path_get_dirname (path);

  g_variant_store (sunk, data + CHECKSUM_LENGTH);
  g_checksum_update (checksum, data + CHECKSUM_LENGTH, size);
  g_checksum_get_digest (checksum, data, &digest_length);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "%s: %s", parent, g_strerror (errno));
      return FALSE;
    }
  return g_file_set_contents_full (path, (const char *)data, CHECKSUM_LENGTH + size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static GVariant *
read_checked (const char         *path,
              const GVariantType *type,
              const char         *magic)
{
  g_autofree char *data = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GVariant) variant = NULL;
  guint8 digest[CHECKSUM_LENGTH];
  gsize digest_length = CHECKSUM_LENGTH;
  gsize length;
  const char *found_magic = NULL;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  if (length < CHECKSUM_LENGTH)
    goto corrupt;

  g_checksum_update (checksum, (const guchar *)data + CHECKSUM_LENGTH, length - CHECKSUM_LENGTH);
  g_checksum_get_digest (checksum, digest, &digest_length);
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
  /* Never trusted; removed so that it is written afresh. */
  g_debug ("ignoring corrupt cache file %s", path);
  g_unlink (path);
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
    g_warning ("Could not save the cache index: %s", error->message);
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
  self->reports_dir = g_build_filename (dir, "reports-" IC_PARSER_FINGERPRINT, NULL);
  self->max_bytes = max_bytes;
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)path_info_free);
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
  if (self->stored)
    ic_cache_trim (self);

  g_hash_table_unref (self->index);
  g_mutex_clear (&self->mutex);
  g_free (self->pages_dir);
  g_free (self->reports_dir);
  g_free (self->dir);
  g_free (self);
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
 *
 * Returns: (transfer full) (nullable): the report parsed from this
 *   content by this build of the parser, with @source as its source
 */
IcReport *
ic_cache_lookup_report (IcCache    *self,
                        const char *content_id,
                        const char *source)
{
  g_autofree char *path = ic_cache_get_report_path (self, content_id);
  g_autoptr(GVariant) variant = read_checked (path, G_VARIANT_TYPE (REPORT_TYPE), REPORT_MAGIC);
  g_autoptr(JsonNode) node = NULL;
  IcReport *report;
  const char *json;

  if (variant == NULL)
    return NULL;

  g_variant_get (variant, "(&s&s)", NULL, &json);
  node = json_from_string (json, NULL);
  report = node ? ic_json_report_from_node (node, NULL) : NULL;
  if (report == NULL || g_strcmp0 (ic_report_get_content_id (report), content_id) != 0)
    {
      g_clear_object (&report);
      return NULL;
    }

  _ic_report_set_source (report, source);
  touch (path);
  return report;
}

/* Keeps what the parser made of the content; a report's duplicates and
 * corrections belong to one load and are not part of it. */
void
ic_cache_store_report (IcCache  *self,
                       IcReport *report)
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

  if (!write_checked (path, g_variant_new ("(ss)", REPORT_MAGIC, json), &error))
    g_debug ("could not cache %s: %s", path, error->message);

  g_mutex_lock (&self->mutex);
  self->stored = TRUE;
  g_mutex_unlock (&self->mutex);
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
  guint32 version = 0;

  if (variant == NULL)
    return FALSE;

  g_variant_get (variant, "(&sub&s^as)", NULL, &version, from_pdf, &why, pages);
  if (version != IC_EXTRACTOR_VERSION || *pages == NULL)
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

void
ic_cache_store_pages (IcCache            *self,
                      const char         *content_id,
                      gboolean            from_pdf,
                      const char * const *pages,
                      const char         *reason)
{
  g_autofree char *path = ic_cache_get_entry_path (self, content_id);
  g_autoptr(GError) error = NULL;
  const char * const no_pages[] = { NULL };
  GVariant *variant;

  variant = g_variant_new ("(subs^as)", PAGES_MAGIC, (guint32)IC_EXTRACTOR_VERSION,
                           from_pdf, reason ? reason : "", pages ? pages : no_pages);
  if (!write_checked (path, variant, &error))
    g_debug ("could not cache %s: %s", content_id, error->message);

  g_mutex_lock (&self->mutex);
  self->stored = TRUE;
  g_mutex_unlock (&self->mutex);
}

typedef struct
{
  char    *path;
  guint64  size;
  gint64   mtime;
} CacheFile;

static void
cache_file_free (CacheFile *file)
{
  g_free (file->path);
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

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Lists the entries of the pages folder; leftovers of an interrupted
 * write (a temporary name with a dot, older than an hour) are removed. */
static void
list_entries (const char *top_dir,
              GPtrArray  *files,
              guint64    *total)
{
  g_autoptr(GDir) top = g_dir_open (top_dir, 0, NULL);
  gint64 hour_ago = g_get_real_time () / G_USEC_PER_SEC - 3600;
  const char *sub;

  while (top != NULL && (sub = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = g_build_filename (top_dir, sub, NULL);
      g_autoptr(GDir) dir = g_dir_open (subdir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          CacheFile *file = g_new0 (CacheFile, 1);
          GStatBuf st;

          file->path = g_build_filename (subdir, name, NULL);
          if (g_stat (file->path, &st) != 0)
            {
              cache_file_free (file);
              continue;
            }
          if (strchr (name, '.') != NULL && st.st_mtime < hour_ago)
            {
              g_unlink (file->path);
              cache_file_free (file);
              continue;
            }
          file->size = st.st_size;
          file->mtime = st.st_mtime;
          *total += file->size;
          g_ptr_array_add (files, file);
        }
    }
}

/**
 * ic_cache_trim:
 *
 * Removes the text of older extractor versions, the reports of other
 * parser builds, and, when the cache is
 * over its bound, the least recently used entries down to 3/4 of it.
 */
void
ic_cache_trim (IcCache *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)cache_file_free);
  g_autofree char *pages = g_path_get_basename (self->pages_dir);
  g_autofree char *reports = g_path_get_basename (self->reports_dir);
  guint64 total = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if ((g_str_has_prefix (name, "pages-") || g_str_has_prefix (name, "reports-")) &&
        !g_str_equal (name, pages) && !g_str_equal (name, reports))
      {
        g_autofree char *old = g_build_filename (self->dir, name, NULL);
        remove_tree (old);
      }

  list_entries (self->pages_dir, files, &total);
  list_entries (self->reports_dir, files, &total);
  if (total <= self->max_bytes)
    return;

  g_ptr_array_sort (files, compare_age);
  for (guint i = 0; i < files->len && total > self->max_bytes / 4 * 3; i++)
    {
      CacheFile *file = g_ptr_array_index (files, i);

      if (g_unlink (file->path) == 0)
        total -= file->size;
    }
}
