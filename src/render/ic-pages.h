/* ic-pages.h: the summary pack cut into pages, shared by printing and the PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "ic-chart.h"

G_BEGIN_DECLS

#define IC_A4_WIDTH  595.2756  /* points: 210 mm */
#define IC_A4_HEIGHT 841.8898  /* points: 297 mm */

/* A print of one view of the window: that view's pack pages alone. */
typedef enum
{
  IC_PAGES_VIEW_PACK,      /* the whole pack */
  IC_PAGES_VIEW_MATRIX,    /* every report given as a row, not each
                            * authority's latest */
  IC_PAGES_VIEW_TIMELINE,
  IC_PAGES_VIEW_CHARTS,
  IC_PAGES_VIEW_EVIDENCE,  /* the Evidence section of the options'
                            * search alone (a print of the Search view) */
} IcPagesView;

typedef struct
{
  /* Nullable: "Inspection summary pack". */
  const char  *title;
  /* Nullable: today. The date the pack describes the reports "as at". */
  const GDate *as_at;
  /* Nullable: the recurrences to join and mark (IcChartLink); NULL derives
   * them from themes raised again in an authority's later reports. */
  GPtrArray   *recurrences;
  /* Nullable: every loaded report, of which the pack's are those a
   * filter keeps. An authority's section finds its recurrences and what
   * changed among every loaded report of it, as the JSON does, so that a
   * filter by year makes no area raised before look new. NULL: among the
   * pack's reports. */
  GListModel  *all_reports;
  /* Nullable: the filters that chose the reports, in one line ("London ·
   * from 2023"); every pack states them on its cover and in its running
   * line. NULL is "all reports". */
  const char  *filters;
  /* The short pack for a board: cover, matrix, charts, recurring areas
   * and sources, without the contents and the section per authority. */
  gboolean     summary;
  /* Only one view's pages (a print of that view), or the whole pack. */
  IcPagesView  view;
  /* Nullable: a search query (ic-search-index.h); the passages it finds
   * in the pack's reports make an "Evidence" section before the sources. */
  const char  *evidence;
  /* Nullable: stops ic_pack_export_pdf() between pages; the file is then
   * not written and an earlier file of its name stays as it was. */
  GCancellable *cancellable;
  /* Nullable: told of each page written, on the thread writing. */
  void        (*progress) (guint    n_written,
                           guint    n_pages,
                           gpointer user_data);
  gpointer     progress_data;
} IcPackOptions;

/* Printing with GtkPrintOperation (GTK_UNIT_POINTS, use-full-page): paginate
 * once in begin-print with the page setup's portrait size, set n-pages to
 * ic_pages_get_n_pages(), turn the page setup in request-page-setup when
 * ic_pages_is_landscape(), and call ic_pages_draw_page() in draw-page.
 * Pages are drawn with the print palette and include their margins. */
typedef struct _IcPages IcPages;

/* One entry of the contents and the PDF outline. */
typedef struct
{
  const char *title;
  const char *dest;   /* the PDF destination name */
  guint       level;  /* 0 for sections, 1 inside them */
  guint       page;   /* 0-based */
} IcPagesEntry;

IcPages            *ic_pages_paginate       (GListModel          *reports,
                                             GListModel          *failures,
                                             const IcPackOptions *options,
                                             double               page_width,
                                             double               page_height) G_GNUC_WARN_UNUSED_RESULT;
IcPages            *ic_pages_ref            (IcPages             *pages);
void                ic_pages_unref          (IcPages             *pages);
guint               ic_pages_get_n_pages    (IcPages             *pages);
/* The size of one page in points: the portrait size, or the same turned
 * for the landscape pages (matrix, timeline). */
gboolean            ic_pages_is_landscape   (IcPages             *pages,
                                             guint                page_nr);
void                ic_pages_get_page_size  (IcPages             *pages,
                                             guint                page_nr,
                                             double              *width,
                                             double              *height);
void                ic_pages_draw_page      (IcPages             *pages,
                                             cairo_t             *cr,
                                             guint                page_nr);
guint               ic_pages_get_n_entries  (IcPages             *pages);
const IcPagesEntry *ic_pages_get_entry      (IcPages             *pages,
                                             guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcPages, ic_pages_unref)

G_END_DECLS
