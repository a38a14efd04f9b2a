/* ic-cell-text.h: the text of a list cell, laid out, measured and drawn
 * by the cell widget itself
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

typedef struct
{
  IcCellTextMode        mode;
  char                 *text;
  PangoLayout          *layout;        /* made on demand */
  PangoFontDescription *font;          /* the font the sizes were found with */
  gboolean              widths_valid;
  int                   min_width;
  int                   natural_width;
  int                   height_width;  /* the width height was found for */
  int                   height;
} IcCellText;

void     ic_cell_text_init            (IcCellText     *self,
                                       IcCellTextMode  mode);
void     ic_cell_text_clear           (IcCellText     *self);
gboolean ic_cell_text_set_text        (IcCellText     *self,
                                       const char     *text);
void     ic_cell_text_measure         (IcCellText     *self,
                                       GtkWidget      *widget,
                                       GtkOrientation  orientation,
                                       int             for_size,
                                       int            *minimum,
                                       int            *natural);
void     ic_cell_text_snapshot        (IcCellText     *self,
                                       GtkWidget      *widget,
                                       GtkSnapshot    *snapshot);
/* Call from css_changed and direction_changed: keeps the layout unless
 * the font or direction changed. */
void     ic_cell_text_style_changed   (IcCellText     *self,
                                       GtkWidget      *widget,
                                       gboolean        direction_changed);
/* Whether the text was cut short at the widget's width. */
gboolean ic_cell_text_is_cut          (IcCellText     *self,
                                       GtkWidget      *widget);

G_END_DECLS
