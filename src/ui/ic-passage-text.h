/* ic-passage-text.h: a search result's snippet, sized without being laid
 * out and laid out only when drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IC_TYPE_PASSAGE_TEXT (ic_passage_text_get_type ())
G_DECLARE_FINAL_TYPE (IcPassageText, ic_passage_text, IC, PASSAGE_TEXT, GtkWidget)

GtkWidget  *ic_passage_text_new        (void);
/* @markup: Pango markup of @text (the highlight); both already cleaned
 * for display (ic_display_text()). */
void        ic_passage_text_set_markup (IcPassageText *self,
                                        const char    *markup,
                                        const char    *text);
const char *ic_passage_text_get_text   (IcPassageText *self);
/* The markup of the layout drawn, or NULL when the text was not laid
 * out since it was set: a test's view of what is on screen and of which
 * rows cost a layout. */
const char *ic_passage_text_get_laid_out (IcPassageText *self);

G_END_DECLS
