/* ic-scanner.h: folders and files -> the files to load, and what they hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  IC_FILE_KIND_NONE,
  IC_FILE_KIND_PDF,
  IC_FILE_KIND_TEXT,
} IcFileKind;

/* Ofsted's report PDFs are a few megabytes; their text far less. */
#define IC_SCANNER_MAX_FILE_SIZE (100 * 1024 * 1024)

/* One file to load, or one path that could not be read (@failure set). */
typedef struct
{
  char    *path;
  char    *failure;
  guint64  size;
  guint64  mtime;    /* microseconds */
  guint64  inode;
  guint64  device;
} IcScanEntry;

void        ic_scan_entry_free  (IcScanEntry  *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcScanEntry, ic_scan_entry_free)

/* Walks folders recursively (following links, each folder and file once)
 * and keeps *.pdf and *.txt in any case; files given directly are kept
 * whatever their name. Reads only metadata; writes nothing. Entries are
 * in path order. Returns (element-type IcScanEntry). */
GPtrArray  *ic_scanner_scan     (GFile       **files,
                                 guint         n_files,
                                 GCancellable *cancellable) G_GNUC_WARN_UNUSED_RESULT;
/* Recognises a file by its content. On IC_FILE_KIND_NONE, @reason is set
 * to a one-line reason such as "not a PDF: it is a web page". */
IcFileKind  ic_scanner_sniff    (const char   *path,
                                 const char   *data,
                                 gsize         length,
                                 char        **reason);
/* A short lower-case reason for a GIO or file error ("permission denied"). */
char       *ic_scanner_reason_from_error (const GError *error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
