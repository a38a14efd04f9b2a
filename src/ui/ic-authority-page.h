/* ic-authority-page.h: one authority: its reports over time and what
 * changed in its improvement areas from each report to the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_AUTHORITY_PAGE (ic_authority_page_get_type ())

G_DECLARE_FINAL_TYPE (IcAuthorityPage, ic_authority_page, IC, AUTHORITY_PAGE, GtkWidget)

const char *ic_authority_page_get_authority (IcAuthorityPage *self);
void        ic_authority_page_set_authority (IcAuthorityPage *self,
                                             const char      *authority);
void        ic_authority_page_set_reports   (IcAuthorityPage *self,
                                             GListModel      *reports);

G_END_DECLS
