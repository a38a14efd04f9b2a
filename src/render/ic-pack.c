/* ic-pack.c: writing the summary pack to a PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pack"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "ic-cairo-output.h"
#include "ic-pack.h"
#include "ic-pages-private.h"

static void
set_metadata (cairo_surface_t *surface,
              IcPages         *pages)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pages->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Judgements and improvement areas compiled from Ofsted reports"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* The outline mirrors the contents, with the cover and contents first. */
static void
add_outline (cairo_surface_t *surface,
             IcPages         *pages)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Cover"), "dest='cover'", 0);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), "dest='contents'", 0);
  for (guint i = 0; i < ic_pages_get_n_entries (pages); i++)
    {
      const IcPagesEntry *entry = ic_pages_get_entry (pages, i);
      g_autofree char *attrs = g_strdup_printf ("dest='%s'", entry->dest);
      int id;

      id = cairo_pdf_surface_add_outline (surface, entry->level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                          entry->title, attrs, 0);
      if (entry->level == 0)
        parent = id;
    }
}

/* Cancelled: the surface still writes its last bytes into @file as it
 * is destroyed, then the temporary file goes and the destination stays. */
static gboolean
discard (IcAtomicFile     *file,
         cairo_t          *cr,
         cairo_surface_t  *surface,
         GCancellable     *cancellable,
         GError          **error)
{
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ic_atomic_file_abort (file);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * ic_pack_export_pdf:
 * @reports: the reports (#IcReport) of the pack
 * @failures: (nullable): files that could not be read (#IcFailure)
 * @options: (nullable): title, "as at" date, recurrences, Cancel
 * @path: the PDF file to write
 *
 * Writes the A4 summary pack: text pages portrait, the matrix and the
 * timeline landscape, with metadata, an outline and a linked contents.
 * Cancelled, it fails with %G_IO_ERROR_CANCELLED and writes nothing.
 */
gboolean
ic_pack_export_pdf (GListModel          *reports,
                    GListModel          *failures,
                    const IcPackOptions *options,
                    const char          *path,
                    GError             **error)
{
  g_autoptr(IcPages) pages = NULL;
  cairo_surface_t *surface;
  IcAtomicFile *file;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);

  file = ic_atomic_file_open (path, error);
  if (file == NULL)
    return FALSE;

  pages = ic_pages_paginate (reports, failures, options, IC_A4_WIDTH, IC_A4_HEIGHT);
  if (pages == NULL)
    {
      /* Cancelled while laying out: nothing was written into @file. */
      g_assert (options != NULL);
      ic_atomic_file_abort (file);
      return !g_cancellable_set_error_if_cancelled (options->cancellable, error);
    }
  surface = cairo_pdf_surface_create_for_stream (ic_cairo_output_write, file, IC_A4_WIDTH, IC_A4_HEIGHT);
  set_metadata (surface, pages);
  cr = cairo_create (surface);

  /* A context in error draws nothing more: stop at the first page that
   * fails rather than hand out a pack with pages missing. */
  for (guint i = 0; i < ic_pages_get_n_pages (pages) && ic_cairo_output_check (file, cr, surface); i++)
    {
      double width, height;

      if (options != NULL && g_cancellable_is_cancelled (options->cancellable))
        return discard (file, cr, surface, options->cancellable, error);
      ic_pages_get_page_size (pages, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      ic_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
      if (options != NULL && options->progress != NULL)
        options->progress (i + 1, ic_pages_get_n_pages (pages), options->progress_data);
    }
  add_outline (surface, pages);
  ic_cairo_output_check (file, cr, surface);
  cairo_destroy (cr);
  return ic_cairo_output_finish (file, surface, error);
}
