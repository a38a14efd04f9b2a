/* ic-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ic-session.h"

G_BEGIN_DECLS

#define IC_TYPE_WINDOW (ic_window_get_type ())

G_DECLARE_FINAL_TYPE (IcWindow, ic_window, IC, WINDOW, AdwApplicationWindow)

IcWindow      *ic_window_new        (GtkApplication  *application) G_GNUC_WARN_UNUSED_RESULT;
/* Loads folders and files the way Open Folder, drag and drop and the
 * command line all do. */
void           ic_window_open       (IcWindow        *self,
                                     GFile          **files,
                                     guint            n_files);
IcSession     *ic_window_get_session (IcWindow       *self);
IcReportStore *ic_window_get_store  (IcWindow        *self);
GListModel    *ic_window_get_reports (IcWindow       *self);
gboolean       ic_window_get_loading (IcWindow       *self);

G_END_DECLS
