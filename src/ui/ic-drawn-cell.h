/* ic-drawn-cell.h: a list cell that lays out, measures and draws its own
 * text; the base of IcGradeCell and IcTextCell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  IC_DRAWN_CELL_WRAP,      /* words wrap, lines centred, at most ~14 characters wide */
  IC_DRAWN_CELL_ELLIPSIZE, /* one line from the start, cut short with "…" */
} IcDrawnCellMode;

#define IC_TYPE_DRAWN_CELL (ic_drawn_cell_get_type ())

G_DECLARE_DERIVABLE_TYPE (IcDrawnCell, ic_drawn_cell, IC, DRAWN_CELL, GtkWidget)

struct _IcDrawnCellClass
{
  GtkWidgetClass parent_class;
};

const char *ic_drawn_cell_get_text (IcDrawnCell     *self);
/* Returns whether the text changed. */
gboolean    ic_drawn_cell_set_text (IcDrawnCell     *self,
                                    const char      *text);
/* Subclasses choose in their init. */
void        ic_drawn_cell_set_mode (IcDrawnCell     *self,
                                    IcDrawnCellMode  mode);
/* Whether the text is cut short at the widget's width. */
gboolean    ic_drawn_cell_is_cut   (IcDrawnCell     *self);
guint       ic_drawn_cell_get_n_text_layouts (void);
guint       ic_drawn_cell_get_n_own_layouts  (IcDrawnCell *self);

G_END_DECLS
