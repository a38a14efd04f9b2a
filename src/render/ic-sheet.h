/* ic-sheet.h: plain printed pages of what the Reports tab shows, the
 * list of reports or one report's page, drawn with cairo and pango
 *
 * Printing with GtkPrintOperation: ic_sheet_paginate() in begin-print at
 * the print context's size, ic_sheet_draw_page() in draw-page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ic-palette.h"
#include "ic-report.h"

G_BEGIN_DECLS

typedef struct _IcSheet IcSheet;

/* @reports: #IcReport items, in the order printed */
IcSheet *ic_sheet_new_list     (GListModel      *reports) G_GNUC_WARN_UNUSED_RESULT;
/* Judgements, improvement items with their themes, strengths; values the
 * user corrected are marked. */
IcSheet *ic_sheet_new_report   (IcReport        *report) G_GNUC_WARN_UNUSED_RESULT;
void     ic_sheet_free         (IcSheet         *sheet);
/* Lays the sheet out on pages of @width x @height points; returns the
 * number of pages (at least 1). */
guint    ic_sheet_paginate     (IcSheet         *sheet,
                                double           width,
                                double           height);
guint    ic_sheet_get_n_pages  (IcSheet         *sheet);
void     ic_sheet_draw_page    (IcSheet         *sheet,
                                cairo_t         *cr,
                                guint            page_nr,
                                const IcPalette *palette);
/* Every text of the sheet, one block a line: for tests. */
char    *ic_sheet_to_text      (IcSheet         *sheet) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcSheet, ic_sheet_free)

G_END_DECLS
