/* ic-cell-text.h: a list cell that lays out, measures and draws its own
 * text; the base of IcGradeCell and IcTextCell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  IC_CELL_TEXT_WRAP,      /* words wrap, lines centred, at most ~14 characters wide */
  IC_CELL_TEXT_ELLIPSIZE, /* one line from the start, cut short with "…" */
} IcCellTextMode;

#define IC_TYPE_CELL_TEXT (ic_cell_text_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcCellText, ic_cell_text, IC, CELL_TEXT, GtkWidget)

struct _IcCellTextClass
{
  GtkWidgetClass parent_class;
};

const char *ic_cell_text_get_text (IcCellText     *self);
/* Returns whether the text changed. */
gboolean    ic_cell_text_set_text (IcCellText     *self,
                                   const char     *text);
/* Subclasses choose in their init. */
void        ic_cell_text_set_mode (IcCellText     *self,
                                   IcCellTextMode  mode);
/* Whether the text is cut short at the widget's width. */
gboolean    ic_cell_text_is_cut   (IcCellText     *self);

G_END_DECLS
