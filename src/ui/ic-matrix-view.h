/* ic-matrix-view.h: the judgement matrix, one row per report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_MATRIX_VIEW (ic_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (IcMatrixView, ic_matrix_view, IC, MATRIX_VIEW, GtkWidget)

GListModel *ic_matrix_view_get_model       (IcMatrixView *self);
void        ic_matrix_view_set_model       (IcMatrixView *self,
                                            GListModel   *model);
gboolean    ic_matrix_view_get_latest_only (IcMatrixView *self);
void        ic_matrix_view_set_latest_only (IcMatrixView *self,
                                            gboolean      latest_only);
/* The rows shown, in their current order (for tests and printing). */
GListModel *ic_matrix_view_get_rows        (IcMatrixView *self);
const char * const *ic_matrix_view_get_warmed_fonts (IcMatrixView *self);

void        ic_matrix_view_set_highlighted (IcMatrixView *self,
                                           const char *authority);

G_END_DECLS
