/* ic-fold-paned.h: two panes side by side with a handle between them, one at a time when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_FOLD_PANED (ic_fold_paned_get_type ())

G_DECLARE_FINAL_TYPE (IcFoldPaned, ic_fold_paned, IC, FOLD_PANED, GtkWidget)

GtkWidget *ic_fold_paned_get_start_child   (IcFoldPaned *self);
void       ic_fold_paned_set_start_child   (IcFoldPaned *self,
                                            GtkWidget   *child);
GtkWidget *ic_fold_paned_get_end_child     (IcFoldPaned *self);
void       ic_fold_paned_set_end_child     (IcFoldPaned *self,
                                            GtkWidget   *child);
gboolean   ic_fold_paned_get_folded        (IcFoldPaned *self);
void       ic_fold_paned_set_visible_child (IcFoldPaned *self,
                                            GtkWidget   *child);
GtkPaned  *ic_fold_paned_get_paned         (IcFoldPaned *self);

G_END_DECLS
