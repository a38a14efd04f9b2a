/* ic-link-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-link-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-display-text.h"
#include "ic-link-dialog.h"
#include "ic-recurrence-links.h"
#include "ic-suggestions.h"

struct _IcLinkDialog
{
  AdwWindow       parent_instance;

  IcReport       *report;
  guint           index;
  char           *casefolded_search;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *item_label;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkListBox     *list;
  GtkButton      *link_button;
};

G_DEFINE_FINAL_TYPE (IcLinkDialog, ic_link_dialog, ADW_TYPE_WINDOW)

/* Each row keeps the correction it makes, the report it belongs to (for
 * the group's heading) and its words to search, casefolded once. */
#define ROW_FIELD "ic-link-field"
#define ROW_GROUP "ic-link-group"
#define ROW_SEARCH "ic-link-search"

/* Links the chosen item through the window that shows the report, whose
 * toast offers Undo. The dialog goes first: the window is then the
 * active one again when the page and the toast change. */
static void
link_row (IcLinkDialog  *self,
          GtkListBoxRow *row)
{
  g_autoptr(GtkWindow) parent = NULL;
  g_autoptr(IcReport) report = g_object_ref (self->report);
  g_autofree char *field = g_strdup (g_object_get_data (G_OBJECT (row), ROW_FIELD));

  if (field == NULL)
    return;
  g_set_object (&parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.correct", "(sss)", ic_report_get_content_id (report),
                                field, "same");
}

static void
row_activated_cb (IcLinkDialog  *self,
                  GtkListBoxRow *row)
{
  link_row (self, row);
}

static void
row_selected_cb (IcLinkDialog  *self,
                 GtkListBoxRow *row)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), row != NULL);
}

static void
link_clicked_cb (IcLinkDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row != NULL && gtk_widget_get_child_visible (GTK_WIDGET (row)))
    link_row (self, row);
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       data)
{
  IcLinkDialog *self = data;

  return self->casefolded_search == NULL ||
         strstr (g_object_get_data (G_OBJECT (row), ROW_SEARCH), self->casefolded_search) != NULL;
}

/* The rows the search leaves, in order. */
static GPtrArray *
visible_rows (IcLinkDialog *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_child_visible (c))
      g_ptr_array_add (rows, c);
  return rows;
}

static void
search_changed_cb (IcLinkDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) rows = NULL;
  GtkListBoxRow *selected;

  g_clear_pointer (&self->casefolded_search, g_free);
  if (text != NULL && *text != '\0')
    self->casefolded_search = g_utf8_casefold (text, -1);
  gtk_list_box_invalidate_filter (self->list);
  rows = visible_rows (self);
  gtk_stack_set_visible_child_name (self->stack, rows->len > 0 ? "items" : "empty");
  /* A selection the search hid is not what Link would link. */
  selected = gtk_list_box_get_selected_row (self->list);
  if (selected != NULL && !gtk_widget_get_child_visible (GTK_WIDGET (selected)))
    gtk_list_box_unselect_all (self->list);
}

/* Enter in the search links the item when the search leaves one, or
 * the item chosen. */
static void
search_activate_cb (IcLinkDialog *self)
{
  g_autoptr(GPtrArray) rows = visible_rows (self);

  if (rows->len == 1)
    link_row (self, g_ptr_array_index (rows, 0));
  else
    link_clicked_cb (self);
}

static void
stop_search_cb (IcLinkDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* A heading above the first row of each report the search leaves. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       data)
{
  const char *group = g_object_get_data (G_OBJECT (row), ROW_GROUP);
  GtkWidget *heading;

  if (before != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (before), ROW_GROUP), group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  heading = gtk_label_new (group);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "link-dialog-heading");
  gtk_list_box_row_set_header (row, heading);
}

/* The item's number and text, and under the text @caption (nullable),
 * which a suggestion says its report and shared concern in. */
static GtkWidget *
row_content (guint       index,
             const char *text,
             const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *number = g_strdup_printf ("%u.", index + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *text_label = gtk_label_new (text);

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_label_set_yalign (GTK_LABEL (number_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_set_hexpand (lines, TRUE);
  gtk_box_append (GTK_BOX (lines), text_label);
  if (caption != NULL)
    {
      GtkWidget *caption_label = gtk_label_new (caption);

      gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
      gtk_widget_add_css_class (caption_label, "dim-label");
      gtk_widget_add_css_class (caption_label, "caption");
      gtk_widget_add_css_class (caption_label, "link-dialog-caption");
      gtk_box_append (GTK_BOX (lines), caption_label);
    }
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), lines);
  return box;
}

/* A row that makes the correction @field, under @group's heading, found
 * by @words, spoken as @a11y. */
static GtkWidget *
item_row (const char *group,
          GtkWidget  *content,
          const char *words,
          const char *a11y,
          const char *field)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_widget_add_css_class (row, "link-dialog-item");
  g_object_set_data_full (G_OBJECT (row), ROW_FIELD, g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_GROUP, g_strdup (group), g_free);
  g_object_set_data_full (G_OBJECT (row), ROW_SEARCH, g_utf8_casefold (words, -1), g_free);
  ic_a11y_set_name (row, a11y);
  return row;
}

static char *
link_field (IcLinkDialog *self,
            IcReport     *earlier,
            guint         index)
{
  return g_strdup_printf ("improvements.%u.recurs_from.%s.%u", self->index, ic_report_get_content_id (earlier),
                          index);
}

/* The items of @earlier not linked to the item yet. */
static void
add_report (IcLinkDialog *self,
            IcReport     *earlier,
            GPtrArray    *recurrences)
{
  GListModel *items = ic_report_get_improvements (earlier);
  g_autofree char *group = ic_ui_report_name (earlier);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      g_autofree char *field = NULL;
      g_autofree char *text = NULL;
      g_autofree char *words = NULL;
      g_autofree char *a11y = NULL;

      if (ic_recurrences_link_items (recurrences, self->report, self->index, earlier, i))
        continue;
      field = link_field (self, earlier, i);
      text = ic_display_text (ic_improvement_get_text (item));
      words = g_strconcat (group, " ", text, NULL);
      /* Translators: accessible name, "Focused visit, 12 May 2023, item 3: The quality of plans." */
      a11y = g_strdup_printf (_("%s, item %u: %s"), group, i + 1, text);
      gtk_list_box_append (self->list, item_row (group, row_content (i, text, NULL), words, a11y, field));
    }
}

/* One suggestion: the item, and under it its report and what it shares
 * with the item being linked, which its report's group does not say. */
static GtkWidget *
suggestion_row (IcLinkDialog       *self,
                const IcSuggestion *suggestion)
{
  IcReport *earlier = suggestion->earlier.report;
  guint index = suggestion->earlier.index;
  g_autoptr(IcImprovement) item = ic_item_ref_get_item (&suggestion->earlier);
  g_autofree char *report = ic_ui_report_name (earlier);
  g_autofree char *field = link_field (self, earlier, index);
  g_autofree char *text = ic_display_text (ic_improvement_get_text (item));
  g_autofree char *shares = suggestion->concept_label != NULL
                            /* Translators: what a suggested earlier item shares with the item being linked,
                             * "Also about: Children's plans" */
                            ? g_strdup_printf (_("Also about: %s"), suggestion->concept_label)
                            /* Translators: a suggested earlier item that shares words only */
                            : g_strdup (_("Worded alike"));
  /* The item's number is the row's, as in its report's group. */
  /* Translators: "Focused visit, 12 May 2023 · Also about: Children's plans" */
  g_autofree char *caption = g_strdup_printf (_("%s \u00b7 %s"), report, shares);
  /* Found by the words the same item's row in its report's group is
   * found by, so that a search never keeps one and hides the other. */
  g_autofree char *words = g_strconcat (report, " ", text, NULL);
  /* Translators: accessible name, "Likely match: Focused visit, 12 May 2023, item 3: The quality of plans.
   * Also about: Children's plans" */
  g_autofree char *a11y = g_strdup_printf (_("Likely match: %s, item %u: %s %s"), report, index + 1, text, shares);

  return item_row (_("Likely Matches"), row_content (index, text, caption), words, a11y, field);
}

/* The first group: the earlier items the recurrence finder's own score
 * ranks likeliest (ic-suggestions.h says why this many and from which
 * score), none when nothing comes close. */
static void
add_suggestions (IcLinkDialog *self,
                 GListModel   *same_authority,
                 GPtrArray    *recurrences)
{
  g_autoptr(GPtrArray) suggestions = ic_suggest_earlier_items (same_authority, self->report, self->index,
                                                               recurrences);
  guint shown = 0;

  for (guint i = 0; i < suggestions->len && shown < IC_SUGGESTIONS_SHOWN; i++)
    {
      const IcSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->score < IC_SUGGESTION_MIN_SCORE)
        break;
      if (!ic_ui_can_link_from (suggestion->earlier.report, self->report))
        continue;
      gtk_list_box_append (self->list, suggestion_row (self, suggestion));
      shown++;
    }
}

static void
ic_link_dialog_finalize (GObject *object)
{
  IcLinkDialog *self = IC_LINK_DIALOG (object);

  g_clear_object (&self->report);
  g_free (self->casefolded_search);
  G_OBJECT_CLASS (ic_link_dialog_parent_class)->finalize (object);
}

static void
ic_link_dialog_class_init (IcLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ic_link_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/InspectionCompare/ic-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, item_label);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, list);
  gtk_widget_class_bind_template_child (widget_class, IcLinkDialog, link_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ic_link_dialog_init (IcLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_cb, self, NULL);
  gtk_list_box_set_header_func (self->list, header_cb, NULL, NULL);
  ic_a11y_plain_button_names (GTK_WIDGET (self));
}

/**
 * ic_link_dialog_new:
 * @parent: the window showing @report, whose win.correct makes the link
 * @report: the later report
 * @index: its item to link
 * @same_authority: the reports of @report's authority
 * @recurrences: (nullable) (element-type IcRecurrence): the links found,
 *   whose pairs are not offered again
 *
 * Returns: (transfer none): the dialog, shown: the likeliest items first,
 *   then every report's, the latest earlier report first, since the
 *   report before is the likeliest to repeat
 */
GtkWidget *
ic_link_dialog_new (GtkWindow  *parent,
                    IcReport   *report,
                    guint       index,
                    GListModel *same_authority,
                    GPtrArray  *recurrences)
{
  IcLinkDialog *self = g_object_new (IC_TYPE_LINK_DIALOG, "transient-for", parent, NULL);
  g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report), index);
  g_autofree char *name = ic_ui_report_name (report);
  g_autofree char *subtitle = NULL;
  g_autofree char *text = item ? ic_display_text (ic_improvement_get_text (item)) : g_strdup ("");
  g_autofree char *raised = NULL;

  self->report = g_object_ref (report);
  self->index = index;
  /* Translators: "Focused visit, 12 May 2023, item 2" */
  subtitle = g_strdup_printf (_("%s, item %u"), name, index + 1);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* Translators: the item being linked, quoted above the list */
  raised = g_strdup_printf (_("Which earlier item raised the same area as \u201c%s\u201d?"), text);
  gtk_label_set_label (self->item_label, raised);

  add_suggestions (self, same_authority, recurrences);
  for (guint i = g_list_model_get_n_items (same_authority); i-- > 0;)
    {
      g_autoptr(IcReport) earlier = g_list_model_get_item (same_authority, i);

      if (ic_ui_can_link_from (earlier, report))
        add_report (self, earlier, recurrences);
    }
  /* Every earlier item linked already: nothing to search. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Earlier Items to Link"));
      adw_status_page_set_description (self->empty_page, _("Every item of the earlier reports is linked to this one"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET (self);
}
