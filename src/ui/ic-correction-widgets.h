/* ic-correction-widgets.h: the report page's controls for correcting
 * parsed values; each activates win.correct or win.revert-correction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ic-report.h"

G_BEGIN_DECLS

gboolean   ic_ui_is_corrected        (IcReport      *report,
                                      const char    *field);
GtkWidget *ic_ui_revert_button       (IcReport      *report,
                                      const char    *field);
void       ic_ui_fill_details        (GtkListBox    *list,
                                      IcReport      *report);
GtkWidget *ic_ui_theme_editor        (IcReport      *report,
                                      IcImprovement *item,
                                      guint          index);
char      *ic_ui_themes_field        (guint          index) G_GNUC_WARN_UNUSED_RESULT;
/* Greys @control, saying why, when @report cannot be corrected;
 * returns whether it can. */
gboolean   ic_ui_grey_if_uncorrectable (GtkWidget     *control,
                                        IcReport      *report);

G_END_DECLS
