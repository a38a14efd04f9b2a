/* ic-json-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-json-export"

#include "config.h"

#include <string.h>

#include "ic-atomic-file.h"
#include "ic-changes.h"
#include "ic-json.h"
#include "ic-json-export.h"

/* The text goes out in pieces of this size, a Cancel heard between them:
 * the document of a national archive is tens of megabytes. */
#define PIECE_SIZE (256 * 1024)

static gboolean
write_pieces (IcAtomicFile      *file,
              const char        *text,
              gsize              len,
              const IcProgress  *progress,
              GError           **error)
{
  for (gsize at = 0; at < len; at += PIECE_SIZE)
    {
      if (!ic_atomic_file_write (file, text + at, MIN (PIECE_SIZE, len - at)))
        return FALSE;
      if (!ic_progress_go_on (progress, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ic_json_export_write:
 * @all: every report loaded
 * @selected: the reports to export
 * @failures: (nullable): a list model of #IcFailure
 * @found: (nullable) (element-type IcRecurrence): ic_find_recurrences()
 *   of @all, or %NULL to find them
 * @progress: (nullable): told of each report added to the document; its
 *   Cancel stops the export and an earlier file at @path stays
 *
 * ic_changes_export_document() written to @path whole or not at all
 * (ic-atomic-file.c): a Cancel or a failed write leaves no temporary file.
 */
gboolean
ic_json_export_write (GListModel          *all,
                      GListModel          *selected,
                      GListModel          *failures,
                      GPtrArray           *found,
                      IcJsonExportEnding   ending,
                      const char          *path,
                      const IcProgress    *progress,
                      GError             **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autofree char *text = NULL;
  IcAtomicFile *file;

  document = ic_changes_export_document_full (all, selected, failures, found, progress, error);
  if (document == NULL)
    return FALSE;
  text = ic_json_to_string (document);
  if (!ic_progress_go_on (progress, error))
    return FALSE;

  file = ic_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;
  /* Cancelled: a failed write instead has no error of its own, and
   * commit gives the file's reason. */
  if (!write_pieces (file, text, strlen (text), progress, error) &&
      ic_atomic_file_get_error (file) == NULL)
    {
      ic_atomic_file_abort (file);
      return FALSE;
    }
  if (ending == IC_JSON_EXPORT_FINAL_NEWLINE)
    ic_atomic_file_write (file, "\n", 1);
  return ic_atomic_file_commit (file, error);
}
