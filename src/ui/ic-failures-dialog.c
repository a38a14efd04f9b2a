/* ic-failures-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-failures-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-display-text.h"
#include "ic-failure.h"
#include "ic-a11y.h"
#include "ic-failures-dialog.h"

struct _IcFailuresDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (IcFailuresDialog, ic_failures_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IcFailure *failure = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *basename = g_filename_display_basename (ic_failure_get_source (failure));
  g_autofree char *path = g_filename_display_name (ic_failure_get_source (failure));
  /* Names and reasons may hold noncharacters, which stop the text renderer. */
  g_autofree char *name = ic_display_text (basename);
  g_autofree char *tooltip = ic_display_text (path);
  g_autofree char *reason = ic_display_text (ic_failure_get_display_reason (failure));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  gtk_widget_set_tooltip_text (row, tooltip);
  /* Said after the file's name: the tooltip would say the path instead. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  reason, -1);
  return row;
}

static void
ic_failures_dialog_class_init (IcFailuresDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-failures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IcFailuresDialog, list);
}

static void
ic_failures_dialog_init (IcFailuresDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "The other reports were read as usual" would be untrue when every file
 * failed (the PDF helper missing, say): the body says what was read. */
static const char *
body_for (guint n_reports_read)
{
  if (n_reports_read == 0)
    return _("These files were skipped. No report could be read.");
  return _("These files were skipped. The other reports were read as usual.");
}

GtkWidget *
ic_failures_dialog_new (GtkWindow  *parent,
                        GListModel *failures,
                        guint       n_reports_read)
{
  IcFailuresDialog *self;
  guint n = g_list_model_get_n_items (failures);
  g_autofree char *heading = NULL;

  self = g_object_new (IC_TYPE_FAILURES_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  heading = g_strdup_printf (ngettext ("%u File Could Not Be Read", "%u Files Could Not Be Read",
                                       n), n);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body_for (n_reports_read));
  gtk_list_box_bind_model (self->list, failures, create_row_cb, NULL, NULL);
  ic_a11y_plain_button_names (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}
