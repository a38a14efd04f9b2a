/* ic-cairo-output.c: cairo surfaces written through an IcAtomicFile
 *
 * cairo reports a failure only through the status of the context or of
 * the surface, and once in error it silently draws nothing more. So every
 * status is checked, the context's after drawing and the surface's after
 * it is finished, and any failure keeps the earlier file (see
 * ic-atomic-file.c) and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-cairo-output"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-cairo-output.h"

/* A cairo_write_func_t writing into the IcAtomicFile @closure.
 *
 * A failed write is kept by the file (which then drops what follows and
 * refuses to commit) but not passed on to cairo: cairo 1.16 crashes when
 * finishing a PDF surface whose stream failed. */
cairo_status_t
ic_cairo_output_write (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  ic_atomic_file_write (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (IcAtomicFile   *file,
              cairo_status_t  status)
{
  g_autofree char *reason = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  /* A write error already holds its reason in words. */
  if (ic_atomic_file_get_error (file) != NULL)
    return FALSE;
  reason = g_strdup_printf (_("the drawing failed (%s)"), cairo_status_to_string (status));
  return ic_atomic_file_fail (file, reason);
}

/**
 * ic_cairo_output_check:
 * @cr: (nullable): the context drawn with
 * @surface: (nullable): its surface
 *
 * Returns: %FALSE, marking @file failed, when either is in error
 */
gboolean
ic_cairo_output_check (IcAtomicFile    *file,
                       cairo_t         *cr,
                       cairo_surface_t *surface)
{
  if (cr != NULL && !check_status (file, cairo_status (cr)))
    return FALSE;
  if (surface != NULL && !check_status (file, cairo_surface_status (surface)))
    return FALSE;
  return ic_atomic_file_get_error (file) == NULL;
}

/**
 * ic_cairo_output_finish:
 * @file: (transfer full): the file @surface writes to; committed or
 *   aborted
 * @surface: (transfer full): a surface created for a stream to @file
 *
 * Finishes @surface (which flushes its last bytes), checks its status
 * and puts the file in place only when all went well.
 */
gboolean
ic_cairo_output_finish (IcAtomicFile     *file,
                        cairo_surface_t  *surface,
                        GError          **error)
{
  cairo_surface_finish (surface);
  ic_cairo_output_check (file, NULL, surface);
  cairo_surface_destroy (surface);
  return ic_atomic_file_commit (file, error);
}
