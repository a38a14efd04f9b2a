/* ic-a11y.h: names that screen readers speak, where GTK 4.8 gives none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The name a screen reader speaks for @widget (its label property). */
void ic_a11y_set_name           (GtkWidget   *widget,
                                 const char  *name);

/* Buttons of @root (and below) whose label has a mnemonic: named by the
 * label's words alone. Call after the widget's template is built. */
void ic_a11y_plain_button_names (GtkWidget   *root);

/* A drop-down named "@label, <selected choice>", kept so as the choice
 * changes; its inner button, which takes the focus, is named the same. */
void ic_a11y_name_drop_down     (GtkDropDown *drop_down,
                                 const char  *label);

/* Gives a widget GTK builds inside a list (a list item, a column view
 * cell) the name of @label_source, e.g. its visible text cell. */
void ic_a11y_label_by           (GtkWidget   *widget,
                                 GtkWidget   *label_source);

/* A heading or status label that is hidden from screen readers while it
 * has no text (GTK 4.8 would call it "GtkLabel"). */
void ic_a11y_hide_when_empty    (GtkLabel    *label);
void ic_a11y_name_when_empty    (GtkLabel    *label,
                                 const char  *name);

/* Names the first widget of @type inside @widget (a part GTK builds of it,
 * such as the menu button of an AdwSplitButton). */
void ic_a11y_name_part          (GtkWidget   *widget,
                                 GType        type,
                                 const char  *label);

/* Names the buttons libadwaita 1.2 builds in a toast's widget (an
 * AdwToastWidget, built when the toast is shown): its action button by
 * its words, its close button "Dismiss". */
void ic_a11y_name_toast_buttons (GtkWidget   *toast_widget);

G_END_DECLS
