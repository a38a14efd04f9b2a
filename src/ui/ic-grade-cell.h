/* ic-grade-cell.h: one judgement of the matrix, a single-node button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-drawn-cell.h"

G_BEGIN_DECLS

#define IC_TYPE_GRADE_CELL (ic_grade_cell_get_type ())

G_DECLARE_FINAL_TYPE (IcGradeCell, ic_grade_cell, IC, GRADE_CELL, IcDrawnCell)

GtkWidget  *ic_grade_cell_new             (void);
const char *ic_grade_cell_get_text        (IcGradeCell *self);
void        ic_grade_cell_set_text        (IcGradeCell *self,
                                           const char  *text);
const char *ic_grade_cell_get_description (IcGradeCell *self);
void        ic_grade_cell_set_description (IcGradeCell *self,
                                           const char  *description);

G_END_DECLS
