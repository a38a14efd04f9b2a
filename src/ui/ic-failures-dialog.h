/* ic-failures-dialog.h: which files could not be read, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IC_TYPE_FAILURES_DIALOG (ic_failures_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IcFailuresDialog, ic_failures_dialog, IC, FAILURES_DIALOG, AdwMessageDialog)

GtkWidget *ic_failures_dialog_new (GtkWindow  *parent,
                                   GListModel *failures,
                                   guint       n_reports_read);

G_END_DECLS
