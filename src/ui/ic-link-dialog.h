/* ic-link-dialog.h: "Link to an Earlier Item", the items of an
 * authority's earlier reports, grouped by report and searchable, one of
 * which the user says raises the same area as an item the method did not
 * link it to
 *
 * Choosing one is the correction "improvements.N.recurs_from.ID.M":
 * "same" on the later report, through the parent window's win.correct,
 * so it is saved, applied and undone like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_TYPE_LINK_DIALOG (ic_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcLinkDialog, ic_link_dialog, IC, LINK_DIALOG, AdwWindow)

GtkWidget *ic_link_dialog_new (GtkWindow  *parent,
                               IcReport   *report,
                               guint       index,
                               GListModel *same_authority,
                               GPtrArray  *recurrences);

G_END_DECLS
