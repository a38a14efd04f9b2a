/* ic-output-path.c: refusing outputs that would land on or beside a report
 *
 * An export must never replace a report it reads, nor write into a folder
 * being read (README, "Command line"). Paths are compared by identity
 * (device and inode), not by spelling, so "..", symbolic links, hard
 * links, bind mounts and case-insensitive file systems are all seen
 * through. A hostile file name such as "--export-json=report.pdf", turned
 * into an option by a shell's "*", is refused the same way, since the
 * report it names is also an input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-output-path"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "ic-failure.h"
#include "ic-output-path.h"
#include "ic-report.h"

typedef struct
{
  dev_t    dev;
  ino_t    ino;
  gboolean is_dir;
} Identity;

struct _IcOutputGuard
{
  GArray    *inputs;  /* Identity */
  GPtrArray *outputs; /* resolved paths of the outputs accepted so far */
};

IcOutputGuard *
ic_output_guard_new (void)
{
  IcOutputGuard *guard = g_new0 (IcOutputGuard, 1);

  guard->inputs = g_array_new (FALSE, FALSE, sizeof (Identity));
  guard->outputs = g_ptr_array_new_with_free_func (g_free);
  return guard;
}

void
ic_output_guard_free (IcOutputGuard *guard)
{
  if (guard == NULL)
    return;
  g_array_unref (guard->inputs);
  g_ptr_array_unref (guard->outputs);
  g_free (guard);
}

/**
 * ic_output_guard_add_input:
 * @path: a file or folder being read (links followed, as the reader does)
 *
 * A path that does not exist is ignored: there is nothing to protect.
 */
void
ic_output_guard_add_input (IcOutputGuard *guard,
                           const char    *path)
{
  GStatBuf st;
  Identity id;

  g_return_if_fail (guard != NULL);
  g_return_if_fail (path != NULL);

  if (g_stat (path, &st) != 0)
    return;
  id.dev = st.st_dev;
  id.ino = st.st_ino;
  id.is_dir = S_ISDIR (st.st_mode);
  g_array_append_val (guard->inputs, id);
}

static gboolean
is_input (IcOutputGuard *guard,
          const GStatBuf *st,
          gboolean        want_dir)
{
  for (guint i = 0; i < guard->inputs->len; i++)
    {
      const Identity *id = &g_array_index (guard->inputs, Identity, i);

      if (id->dev == st->st_dev && id->ino == st->st_ino && id->is_dir == want_dir)
        return TRUE;
    }
  return FALSE;
}

/* Whether @dir (a real path, links resolved) or any folder above it is
 * a folder being read. */
static gboolean
is_inside_input (IcOutputGuard *guard,
                 const char    *dir)
{
  g_autofree char *current = g_strdup (dir);

  for (;;)
    {
      GStatBuf st;
      g_autofree char *parent = NULL;

      if (g_stat (current, &st) == 0 && is_input (guard, &st, TRUE))
        return TRUE;
      parent = g_path_get_dirname (current);
      if (g_str_equal (parent, current))
        return FALSE;
      g_free (current);
      current = g_steal_pointer (&parent);
    }
}

/* The file a write to @output lands on: a link to an existing file is
 * written through (its target is replaced), anything else is written at
 * @output itself, in its folder with links resolved. NULL when the folder
 * does not exist. */
static char *
resolve_output (const char *output)
{
  g_autofree char *absolute = g_canonicalize_filename (output, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;
  char *real = realpath (absolute, NULL);

  if (real != NULL)
    return real;

  dir = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  real_dir = realpath (dir, NULL);
  if (real_dir == NULL)
    return NULL;
  return g_build_filename (real_dir, base, NULL);
}

/* The folder, links resolved, that @output's missing folders would be
 * made in: the nearest that exists above it. */
static char *
resolve_existing_ancestor (const char *output)
{
  g_autofree char *current = g_canonicalize_filename (output, NULL);

  for (;;)
    {
      g_autofree char *parent = g_path_get_dirname (current);
      char *real = realpath (parent, NULL);

      if (real != NULL || g_str_equal (parent, current))
        return real;
      g_free (current);
      current = g_steal_pointer (&parent);
    }
}

static gboolean
refuse (GError     **error,
        const char  *output,
        const char  *reason)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "%s: %s", output, reason);
  return FALSE;
}

/**
 * ic_output_guard_check:
 * @output: the file an export is about to write ("-" is standard output)
 *
 * Returns: %FALSE, with a one-line error naming @output and the reason,
 *   when @output is one of the inputs or lies inside a folder being read
 */
/* Every file a load read: each report, the copies of it loaded once, and
 * the files that could not be read (an output over one would still
 * destroy the user's file). */
void
ic_output_guard_add_loaded (IcOutputGuard *guard,
                            GListModel    *reports,
                            GListModel    *failures)
{
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      const char * const *duplicates = ic_report_get_duplicates (report);

      ic_output_guard_add_input (guard, ic_report_get_source (report));
      for (guint k = 0; duplicates != NULL && duplicates[k] != NULL; k++)
        ic_output_guard_add_input (guard, duplicates[k]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      ic_output_guard_add_input (guard, ic_failure_get_source (failure));
    }
}

gboolean
ic_output_guard_check (IcOutputGuard  *guard,
                       const char     *output,
                       GError        **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (guard != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (output[0] == '\0')
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("an output needs a file name"));
      return FALSE;
    }
  if (g_str_equal (output, "-"))
    return TRUE;

  if (g_stat (output, &st) == 0 && is_input (guard, &st, S_ISDIR (st.st_mode)))
    return refuse (error, output, _("refused: it is one of the reports being read"));

  resolved = resolve_output (output);
  /* Its folder does not exist, and the write will say so; but a place
   * inside a folder being read is refused as such, whatever is missing. */
  dir = resolved != NULL ? g_path_get_dirname (resolved) : resolve_existing_ancestor (output);
  if (dir != NULL && is_inside_input (guard, dir))
    return refuse (error, output,
                   _("refused: it is inside a folder of reports being read; "
                     "choose a place outside it"));
  return TRUE;
}

/**
 * ic_output_guard_add_output:
 * @output: an output of this run
 *
 * Checks @output as ic_output_guard_check() does and also refuses a
 * second output to the same file (or two to standard output), which
 * would leave only the last one.
 */
gboolean
ic_output_guard_add_output (IcOutputGuard  *guard,
                            const char     *output,
                            GError        **error)
{
  g_autofree char *resolved = NULL;

  if (!ic_output_guard_check (guard, output, error))
    return FALSE;
  /* A device such as /dev/null can take any number of outputs. */
  if (!g_str_equal (output, "-") && g_file_test (output, G_FILE_TEST_EXISTS) &&
      !g_file_test (output, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  resolved = g_str_equal (output, "-") ? g_strdup ("-") : resolve_output (output);
  if (resolved == NULL)
    resolved = g_canonicalize_filename (output, NULL);
  for (guint i = 0; i < guard->outputs->len; i++)
    if (g_str_equal (g_ptr_array_index (guard->outputs, i), resolved))
      {
        if (g_str_equal (resolved, "-"))
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("only one export can go to standard output (-)"));
        else
          refuse (error, output, _("refused: two exports would write the same file"));
        return FALSE;
      }
  g_ptr_array_add (guard->outputs, g_steal_pointer (&resolved));
  return TRUE;
}
