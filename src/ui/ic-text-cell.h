/* ic-text-cell.h: one line of text in a list cell, a single style node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-drawn-cell.h"

G_BEGIN_DECLS

#define IC_TYPE_TEXT_CELL (ic_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (IcTextCell, ic_text_cell, IC, TEXT_CELL, IcDrawnCell)

GtkWidget  *ic_text_cell_new      (void);
GtkWidget  *ic_text_cell_new_link (void);
const char *ic_text_cell_get_text (IcTextCell *self);
void        ic_text_cell_set_text (IcTextCell *self,
                                   const char *text);
gboolean    ic_text_cell_is_cut   (IcTextCell *self);

G_END_DECLS
