/* ic-scanner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-scanner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ic-scanner.h"
#include "ic-text.h"

#define QUERY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
  G_FILE_ATTRIBUTE_UNIX_INODE "," \
  G_FILE_ATTRIBUTE_UNIX_DEVICE

/* Far enough into a file to pass the junk some tools put before %PDF-. */
#define SNIFF_LENGTH 1024

typedef struct
{
  GPtrArray    *entries;
  GHashTable   *seen;   /* "device:inode" of folders and files visited */
  GCancellable *cancellable;
} Scan;

void
ic_scan_entry_free (IcScanEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->failure);
  g_free (entry);
}

char *
ic_scanner_reason_from_error (const GError *error)
{
  const char *colon;
  char *reason;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    return g_strdup (N_("permission denied"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return g_strdup (N_("no such file or folder"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_LOOP))
    return g_strdup (N_("too many levels of symbolic links"));

  /* GIO messages quote the path first ("Error opening file “…”: reason"). */
  colon = strrchr (error->message, ':');
  reason = g_strstrip (g_strdup (colon != NULL && colon[1] != '\0' ? colon + 1 : error->message));
  if (reason[0] != '\0' && g_ascii_isupper (reason[0]) && !g_ascii_isupper (reason[1]))
    reason[0] = g_ascii_tolower (reason[0]);
  return reason;
}

static void
add_failure (Scan       *scan,
             GFile      *file,
             gboolean    folder,
             GError     *error)
{
  IcScanEntry *entry = g_new0 (IcScanEntry, 1);
  g_autofree char *reason = ic_scanner_reason_from_error (error);

  entry->path = g_file_get_path (file);
  if (entry->path == NULL)
    entry->path = g_file_get_uri (file);
  entry->failure = folder ? g_strdup_printf (N_("cannot read the folder: %s"), reason)
                          : g_strdup_printf (N_("cannot read the file: %s"), reason);
  g_ptr_array_add (scan->entries, entry);
}

/* Links and bind mounts can show one folder or file under several paths;
 * each is visited once, which also ends symlink loops. */
static gboolean
first_visit (Scan      *scan,
             GFileInfo *info)
{
  char *key;

  if (!g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    return TRUE;

  key = g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                         g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
  return g_hash_table_add (scan->seen, key);
}

static void
add_file (Scan      *scan,
          GFile     *file,
          GFileInfo *info)
{
  IcScanEntry *entry;

  if (!first_visit (scan, info))
    return;

  entry = g_new0 (IcScanEntry, 1);
  entry->path = g_file_get_path (file);
  entry->size = g_file_info_get_size (info);
  /* Reading and hashing a file costs its size; none of Ofsted's reports
   * comes near this, so a larger file is named, not read. */
  if (entry->size > IC_SCANNER_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (entry->size);

      entry->failure = g_strdup_printf (N_("the file is too large to be an Ofsted report (%s)"), size);
    }
  entry->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                 g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  entry->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  entry->device = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
  g_ptr_array_add (scan->entries, entry);
}

static gboolean
has_report_extension (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".txt");
}

/* A report's name on a link that leads nowhere (its file deleted or
 * moved, a drive not mounted): a report the user meant to give may be
 * behind it, so it is named among the failures rather than passed over. */
static void
add_broken_link (Scan  *scan,
                 GFile *link)
{
  g_autofree char *path = g_file_get_path (link);
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  int saved;

  /* GIO reports a link it cannot follow as a link, without why. */
  if (path == NULL || g_stat (path, &buf) == 0)
    return;
  saved = errno;
  if (saved == ENOENT)
    /* Not "no such file or folder", while the link itself is there to see. */
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         N_("it is a link to a file that does not exist"));
  else
    g_set_error_literal (&error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
  add_failure (scan, link, FALSE, error);
}

static void scan_folder (Scan *scan, GFile *folder);

static void
scan_child (Scan      *scan,
            GFile     *folder,
            GFileInfo *info)
{
  const char *name = g_file_info_get_name (info);
  g_autoptr(GFile) child = g_file_get_child (folder, name);

  /* Hidden folders (.git, .Trash) hold no reports of the user's. */
  if (name[0] == '.')
    return;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      if (first_visit (scan, info))
        scan_folder (scan, child);
      break;
    case G_FILE_TYPE_REGULAR:
      if (has_report_extension (name))
        add_file (scan, child, info);
      break;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Following the link failed: it leads nowhere, or round in a loop. */
      if (has_report_extension (name))
        add_broken_link (scan, child);
      break;
    default:
      /* Sockets and devices are not reports. */
      break;
    }
}

static void
scan_folder (Scan  *scan,
             GFile *folder)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;

  children = g_file_enumerate_children (folder, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                        scan->cancellable, &error);
  if (children == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_failure (scan, folder, TRUE, error);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, scan->cancellable, &error))
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            add_failure (scan, folder, TRUE, error);
          return;
        }
      if (info == NULL)
        return;
      scan_child (scan, folder, info);
    }
}

static void
scan_given (Scan  *scan,
            GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            scan->cancellable, &error);
  if (info == NULL)
    {
      add_failure (scan, file, FALSE, error);
      return;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      if (first_visit (scan, info))
        scan_folder (scan, file);
      break;
    case G_FILE_TYPE_REGULAR:
      add_file (scan, file, info);
      break;
    default:
      /* Reading a FIFO or a device could block or never end. */
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, N_("not a regular file"));
      add_failure (scan, file, FALSE, error);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const IcScanEntry *ea = *(IcScanEntry **)a;
  const IcScanEntry *eb = *(IcScanEntry **)b;

  return strcmp (ea->path, eb->path);
}

/**
 * ic_scanner_scan:
 *
 * Returns: (transfer full) (element-type IcScanEntry):
 */
GPtrArray *
ic_scanner_scan (GFile       **files,
                 guint         n_files,
                 GCancellable *cancellable)
{
  Scan scan = { 0 };

  scan.entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_scan_entry_free);
  scan.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.cancellable = cancellable;

  for (guint i = 0; i < n_files && !g_cancellable_is_cancelled (cancellable); i++)
    scan_given (&scan, files[i]);

  g_hash_table_unref (scan.seen);
  g_ptr_array_sort (scan.entries, compare_entries);
  return scan.entries;
}

static gboolean
is_web_page (const char *data,
             gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, SNIFF_LENGTH));
  const char *p = head;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '<')
    return FALSE;

  return strstr (p, "<!doctype html") != NULL || strstr (p, "<html") != NULL ||
         strstr (p, "<head") != NULL || strstr (p, "<body") != NULL;
}

static gboolean
is_pdf (const char *data,
        gsize       length)
{
  gsize n = MIN (length, SNIFF_LENGTH);

  for (gsize i = 0; i + 5 <= n; i++)
    if (data[i] == '%' && memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

IcFileKind
ic_scanner_sniff (const char  *path,
                  const char  *data,
                  gsize        length,
                  char       **reason)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gboolean named_pdf = g_str_has_suffix (lower, ".pdf");

  g_return_val_if_fail (reason != NULL && *reason == NULL, IC_FILE_KIND_NONE);

  if (length == 0)
    *reason = g_strdup (N_("the file is empty"));
  else if (is_pdf (data, length))
    return IC_FILE_KIND_PDF;
  else if (is_web_page (data, length))
    *reason = g_strdup (named_pdf ? N_("not a PDF: it is a web page")
                                  : N_("not a report: it is a web page"));
  else if (ic_text_looks_like_text (data, length))
    return IC_FILE_KIND_TEXT;
  else
    *reason = g_strdup (named_pdf ? N_("not a PDF: the file holds neither a PDF nor text")
                                  : N_("not a text file"));

  return IC_FILE_KIND_NONE;
}
