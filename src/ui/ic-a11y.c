/* ic-a11y.c: names that screen readers speak, where GTK 4.8 gives none
 *
 * GTK 4.8 names an object by its label property followed by the names of
 * the objects labelling it, and by its type name ("GtkToggleButton") when
 * nothing names it. A button with "_Open" is both labelled "_Open" and
 * labelled by its label "Open": it is read "underline Open Open".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-a11y.h"

void
ic_a11y_set_name (GtkWidget  *widget,
                  const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
ic_a11y_plain_button_names (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    /* Its label child, without the underscore, still names it. */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    ic_a11y_plain_button_names (c);
}

static char *
item_text (gpointer item)
{
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return NULL;
}

static void
drop_down_selected_cb (GtkDropDown *drop_down)
{
  const char *label = g_object_get_data (G_OBJECT (drop_down), "ic-a11y-label");
  g_autofree char *value = item_text (gtk_drop_down_get_selected_item (drop_down));
  g_autofree char *name = value ? g_strdup_printf ("%s, %s", label, value) : g_strdup (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  /* GTK 4.8's drop-down gives the focus to a toggle button inside it. */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      gtk_accessible_update_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
ic_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *label)
{
  g_object_set_data_full (G_OBJECT (drop_down), "ic-a11y-label", g_strdup (label), g_free);
  g_signal_handlers_disconnect_by_func (drop_down, drop_down_selected_cb, NULL);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (drop_down_selected_cb), NULL);
  drop_down_selected_cb (drop_down);
}

void
ic_a11y_label_by (GtkWidget *widget,
                  GtkWidget *label_source)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label_source, NULL, -1);
}

static GtkWidget *
find_part (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (c, type) ? c : find_part (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ic_a11y_name_part (GtkWidget  *widget,
                   GType       type,
                   const char *label)
{
  GtkWidget *part = find_part (widget, type);

  g_return_if_fail (part != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
label_changed_cb (GtkLabel *label)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                               *gtk_label_get_label (label) == '\0', -1);
}

/* An empty status keeps a name of its own; with text, the text names it
 * again, so that its changes are still read out. */
static void
status_changed_cb (GtkLabel *label)
{
  if (*gtk_label_get_label (label) == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    g_object_get_data (G_OBJECT (label), "ic-a11y-empty-name"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A status label stays exposed while empty (GTK announces changes only
 * of objects a reader has met), but GTK 4.8 names an empty label by its
 * type, "GtkLabel": it is named @name instead until it has text. */
void
ic_a11y_name_when_empty (GtkLabel   *label,
                         const char *name)
{
  g_object_set_data_full (G_OBJECT (label), "ic-a11y-empty-name", g_strdup (name), g_free);
  g_signal_handlers_disconnect_by_func (label, status_changed_cb, NULL);
  g_signal_connect (label, "notify::label", G_CALLBACK (status_changed_cb), NULL);
  status_changed_cb (label);
}

void
ic_a11y_hide_when_empty (GtkLabel *label)
{
  g_signal_connect (label, "notify::label", G_CALLBACK (label_changed_cb), NULL);
  label_changed_cb (label);
}

void
ic_a11y_name_toast_buttons (GtkWidget *toast_widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (toast_widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!GTK_IS_BUTTON (c))
        continue;
      if (gtk_button_get_label (GTK_BUTTON (c)) == NULL)
        ic_a11y_set_name (c, _("Dismiss"));
      else
        ic_a11y_plain_button_names (c);
    }
}
