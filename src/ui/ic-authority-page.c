/* ic-authority-page.c
 *
 * An authority's page in the Reports view: its region and statistical
 * neighbours, its reports over time, and for each report after the
 * first what changed in its improvement areas since the one before
 * (analysis/ic-changes.c, the same counts the report page and the pack
 * give). Every report and every item opens its report page; Back
 * returns here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-authority-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-authority-info.h"
#include "ic-authority-page.h"
#include "ic-changes.h"
#include "ic-display-text.h"
#include "ic-recurrence.h"
#include "ic-ui-util.h"
#include "ic-wrap-layout.h"

/* The words of an item an opened page looks for in the report's text:
 * enough to find it, few enough to survive the item's clean-up. */
#define PASSAGE_CHARS 60

struct _IcAuthorityPage
{
  GtkWidget          parent_instance;

  char              *authority;
  GListModel        *reports;        /* every report loaded */
  GListModel        *same_authority; /* this authority's reports, watched */
  guint              refill_id;
  double             kept_scroll;    /* where a refill found the page, or -1 */

  /* template widgets */
  GtkLabel          *title_label;
  GtkListBox        *details_list;
  GtkListBox        *reports_list;
  GtkBox            *changes_box;
  GtkScrolledWindow *scrolled_window;
};

G_DEFINE_FINAL_TYPE (IcAuthorityPage, ic_authority_page, GTK_TYPE_WIDGET)

static void fill (IcAuthorityPage *self);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static gboolean
refill_cb (gpointer data)
{
  IcAuthorityPage *self = data;

  self->refill_id = 0;
  fill (self);
  return G_SOURCE_REMOVE;
}

/* Reports arrive in batches and a correction changes one in place: the
 * page is filled again once, after the main loop is idle. */
static void
queue_refill (IcAuthorityPage *self)
{
  if (self->authority != NULL && self->refill_id == 0)
    self->refill_id = g_idle_add (refill_cb, self);
}

/* Reports arrive in batches while a folder is read: a batch without
 * this authority's reports leaves the page as it is, so the reader's
 * place and keyboard are not lost to an unrelated batch. A removal may
 * take one of its reports: the page is filled again. */
static void
reports_changed_cb (GListModel      *reports,
                    guint            position,
                    guint            removed,
                    guint            added,
                    IcAuthorityPage *self)
{
  gboolean ours = removed > 0;

  for (guint i = 0; !ours && i < added; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, position + i);

      ours = g_strcmp0 (ic_report_get_authority (report), self->authority) == 0;
    }
  if (ours)
    queue_refill (self);
}

static void
unwatch_same_authority (IcAuthorityPage *self)
{
  for (guint i = 0; self->same_authority != NULL && i < g_list_model_get_n_items (self->same_authority); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->same_authority, i);

      g_signal_handlers_disconnect_by_func (report, queue_refill, self);
    }
  g_clear_object (&self->same_authority);
}

/* The authority's reports, oldest first, each watched for a change in
 * place (read in full, or corrected). */
static void
collect_same_authority (IcAuthorityPage *self)
{
  GListStore *same = g_list_store_new (IC_TYPE_REPORT);
  guint n = self->reports != NULL ? g_list_model_get_n_items (self->reports) : 0;

  unwatch_same_authority (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->reports, i);

      if (g_strcmp0 (ic_report_get_authority (report), self->authority) != 0)
        continue;
      g_list_store_append (same, report);
      g_signal_connect_object (report, "changed", G_CALLBACK (queue_refill), self, G_CONNECT_SWAPPED);
    }
  self->same_authority = G_LIST_MODEL (same);
}

/* A row that opens @report's page, at @page and @passage when given. */
static void
set_row_target (GtkWidget  *row,
                IcReport   *report,
                guint       page,
                const char *passage)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ic-source", g_strdup (ic_report_get_source (report)), g_free);
  g_object_set_data (G_OBJECT (row), "ic-page", GUINT_TO_POINTER (page));
  g_object_set_data_full (G_OBJECT (row), "ic-passage", g_strdup (passage), g_free);
}

static void
open_row (GtkListBox    *list,
          GtkListBoxRow *row)
{
  const char *source = g_object_get_data (G_OBJECT (row), "ic-source");
  const char *passage = g_object_get_data (G_OBJECT (row), "ic-passage");

  if (source == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (row), "reports.open-item", "(sus)", source,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ic-page")),
                              passage != NULL ? passage : "");
}

static void
row_activated_cb (IcAuthorityPage *self,
                  GtkListBoxRow   *row)
{
  open_row (self->reports_list, row);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Text read from reports, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static gboolean
has_reports (IcAuthorityPage *self,
             const char      *authority)
{
  guint n = self->reports != NULL ? g_list_model_get_n_items (self->reports) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->reports, i);

      if (g_strcmp0 (ic_report_get_authority (report), authority) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The neighbours with reports open are links to their own pages; the
 * others are named only. */
static GtkWidget *
neighbours_row (IcAuthorityPage    *self,
                const char * const *neighbours)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *links = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *caption = gtk_label_new (_("Statistical neighbours"));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_layout_manager (links, ic_wrap_layout_new ());
  for (guint i = 0; neighbours[i] != NULL; i++)
    {
      GtkWidget *link;

      if (has_reports (self, neighbours[i]))
        {
          g_autofree char *tooltip = g_strdup_printf (_("Show %s"), neighbours[i]);

          link = gtk_button_new_with_label (neighbours[i]);
          gtk_widget_add_css_class (link, "flat");
          gtk_widget_add_css_class (link, "neighbour-link");
          gtk_widget_set_tooltip_text (link, tooltip);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "s", neighbours[i]);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "win.open-authority");
        }
      else
        {
          link = gtk_label_new (neighbours[i]);
          gtk_widget_add_css_class (link, "dim-label");
          gtk_widget_set_margin_start (link, 10);
          gtk_widget_set_margin_end (link, 10);
        }
      gtk_box_append (GTK_BOX (links), link);
    }
  gtk_box_append (GTK_BOX (box), links);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  ic_a11y_label_by (row, caption);
  return row;
}

static void
fill_details (IcAuthorityPage *self)
{
  const char *region = ic_authority_info_get_region (self->authority);
  g_auto(GStrv) neighbours = ic_authority_info_get_neighbours (self->authority);

  gtk_list_box_append (self->details_list, text_row (_("Region"), region != NULL ? region : _("Not known")));
  if (neighbours != NULL && neighbours[0] != NULL)
    gtk_list_box_append (self->details_list, neighbours_row (self, (const char * const *) neighbours));
}

static GtkWidget *
report_row (IcReport *report)
{
  g_autofree char *type = ic_ui_type_text (report);
  g_autofree char *date = ic_ui_report_date (report);
  g_autofree char *grade_text = NULL;
  g_autofree char *spoken = NULL;
  GtkWidget *row = text_row (type, date);
  GtkWidget *chip;
  IcGrade grade;

  grade_text = ic_ui_cell_text (report, IC_AREA_OVERALL_EFFECTIVENESS, &grade);
  if (grade != IC_GRADE_NONE)
    {
      chip = gtk_label_new (grade_text);
      gtk_widget_add_css_class (chip, "grade-chip");
      ic_ui_set_grade_class (chip, grade);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
      /* The chip is not focusable: the row says the grade. */
      spoken = g_strdup_printf (_("Overall effectiveness: %s"), grade_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      spoken, -1);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  set_row_target (row, report, 0, NULL);
  return row;
}

/* A dim line where a list or section would be, saying why it is empty. */
static GtkWidget *
empty_note (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
fill_reports (IcAuthorityPage *self)
{
  /* The authority's last report went (its folder was closed or opened
   * again without it): the page says so rather than show an empty list. */
  if (g_list_model_get_n_items (self->same_authority) == 0)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *note = empty_note (_("No report of this authority is open."));

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      /* A boxed list's own rows have this padding. */
      g_object_set (note, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), note);
      gtk_list_box_append (self->reports_list, row);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->same_authority); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->same_authority, i);

      gtk_list_box_append (self->reports_list, report_row (report));
    }
}

/* The first words of an item, cut at a word's end, for the report page
 * to find it by in the report's text. */
static char *
item_passage (const char *text)
{
  const char *end;

  if (g_utf8_strlen (text, -1) <= PASSAGE_CHARS)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, PASSAGE_CHARS);
  while (end > text && *end != ' ')
    end--;
  return end > text ? g_strndup (text, end - text) : g_strdup (text);
}

/* An item of @report, which opens the report's page at it. */
static GtkWidget *
item_row (IcReport   *report,
          guint       index,
          const char *status)
{
  g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report), index);
  g_autofree char *text = NULL;
  g_autofree char *passage = NULL;
  GtkWidget *row;

  if (item == NULL)
    return NULL;
  text = ic_display_text (ic_improvement_get_text (item));
  passage = item_passage (ic_improvement_get_text (item));
  row = text_row (text, status);
  gtk_widget_add_css_class (row, "change-item");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  set_row_target (row, report, ic_improvement_get_page (item), passage);
  return row;
}

static void
append_item (GtkListBox *list,
             IcReport   *report,
             guint       index,
             const char *status)
{
  GtkWidget *row = item_row (report, index, status);

  if (row != NULL)
    gtk_list_box_append (list, row);
}

/* "Raised 3 times, first in 2016", as the timeline's mark counts, and
 * whether by the user's link or by possible matches only. */
static char *
raised_again_status (const IcRaisedAgain *again)
{
  if (again->user_linked)
    /* Translators: an item the user linked to an earlier one */
    return g_strdup_printf (ngettext ("Raised %u time, first in %u (linked by you)",
                                      "Raised %u times, first in %u (linked by you)", again->times_raised),
                            again->times_raised, again->first_year);
  if (again->possible)
    /* Translators: an item the method is less sure repeats the earlier ones: check the wording */
    return g_strdup_printf (ngettext ("Raised %u time, first in %u (possible match)",
                                      "Raised %u times, first in %u (possible match)", again->times_raised),
                            again->times_raised, again->first_year);
  /* Translators: "Raised 3 times, first in 2016", as the timeline's mark counts */
  return g_strdup_printf (ngettext ("Raised %u time, first in %u", "Raised %u times, first in %u",
                                    again->times_raised),
                          again->times_raised, again->first_year);
}

/* "Focused visit, 12 March 2024", then "Since the inspection of May
 * 2022: 3 raised again, 2 new, 4 no longer raised", then the items:
 * raised again (how many times, as the timeline's mark says, the year
 * the chain began, and whether by the user's link), new, and the
 * earlier report's items no longer raised. */
static GtkWidget *
changes_section (IcChanges *changes)
{
  g_autofree char *type = ic_ui_type_text (changes->report);
  g_autofree char *date = ic_ui_report_date (changes->report);
  g_autofree char *title = g_strdup_printf (_("%s, %s"), type, date);
  g_autofree char *summary = ic_changes_describe (changes);
  g_autofree char *previous = ic_ui_report_date (changes->previous);
  g_autofree char *no_longer = g_strdup_printf (_("No longer raised (was raised on %s)"), previous);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", title,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *said = gtk_label_new (summary);
  GtkWidget *list = gtk_list_box_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (said), 0);
  gtk_label_set_wrap (GTK_LABEL (said), TRUE);
  gtk_widget_add_css_class (said, "changes-summary");
  gtk_widget_add_css_class (said, "dim-label");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  ic_a11y_label_by (list, said);

  for (guint i = 0; i < changes->raised_again->len; i++)
    {
      IcRaisedAgain *again = &g_array_index (changes->raised_again, IcRaisedAgain, i);
      g_autofree char *status = raised_again_status (again);

      append_item (GTK_LIST_BOX (list), changes->report, again->index, status);
    }
  for (guint i = 0; i < changes->new_items->len; i++)
    append_item (GTK_LIST_BOX (list), changes->report, g_array_index (changes->new_items, guint, i),
                 _("New"));
  for (guint i = 0; i < changes->no_longer->len; i++)
    append_item (GTK_LIST_BOX (list), changes->previous, g_array_index (changes->no_longer, guint, i),
                 no_longer);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), said);
  /* Nothing raised either time: the summary says so, with no list. */
  gtk_box_append (GTK_BOX (box), list);
  gtk_widget_set_visible (list, gtk_widget_get_first_child (list) != NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (open_row), NULL);
  return box;
}

static void
fill_changes (IcAuthorityPage *self)
{
  g_autoptr(GPtrArray) recurrences = NULL;
  g_autoptr(GHashTable) changes = NULL;
  guint n = g_list_model_get_n_items (self->same_authority);

  if (n < 2)
    {
      gtk_box_append (self->changes_box,
                      empty_note (n == 0 ? _("There is nothing to compare.")
                                         : _("Only one report of this authority is open: there is nothing to compare it with.")));
      return;
    }
  recurrences = ic_find_recurrences (self->same_authority);
  changes = ic_changes_compute (self->same_authority, recurrences);
  /* Newest first: the latest change is what a reader asks about. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->same_authority, i);
      IcChanges *report_changes = ic_changes_lookup (changes, report);

      if (report_changes != NULL && report_changes->previous != NULL)
        gtk_box_append (self->changes_box, changes_section (report_changes));
    }
}

/* A refill empties the page for a moment, which scrolls it to the top:
 * once it is laid out again, it goes back to where the reader was. */
static void
restore_scroll_cb (IcAuthorityPage *self,
                   GtkAdjustment   *adjustment)
{
  if (self->kept_scroll < 0 ||
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < self->kept_scroll)
    return;
  gtk_adjustment_set_value (adjustment, self->kept_scroll);
  self->kept_scroll = -1;
}

static void
fill (IcAuthorityPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  g_clear_handle_id (&self->refill_id, g_source_remove);
  if (gtk_adjustment_get_value (adjustment) > 0)
    self->kept_scroll = gtk_adjustment_get_value (adjustment);
  clear_list (self->details_list);
  clear_list (self->reports_list);
  clear_box (self->changes_box);
  if (self->authority == NULL)
    {
      unwatch_same_authority (self);
      gtk_label_set_label (self->title_label, "");
      return;
    }
  gtk_label_set_label (self->title_label, self->authority);
  collect_same_authority (self);
  fill_details (self);
  fill_reports (self);
  fill_changes (self);
}

static void
peer_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IcAuthorityPage *self = IC_AUTHORITY_PAGE (widget);

  if (self->authority != NULL)
    gtk_widget_activate_action (widget, "win.peer-group", "s", self->authority);
}

static void
ic_authority_page_dispose (GObject *object)
{
  IcAuthorityPage *self = (IcAuthorityPage *)object;

  g_clear_handle_id (&self->refill_id, g_source_remove);
  unwatch_same_authority (self);
  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_func (self->reports, reports_changed_cb, self);
  g_clear_object (&self->reports);
  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_AUTHORITY_PAGE);

  G_OBJECT_CLASS (ic_authority_page_parent_class)->dispose (object);
}

static void
ic_authority_page_finalize (GObject *object)
{
  IcAuthorityPage *self = (IcAuthorityPage *)object;

  g_clear_pointer (&self->authority, g_free);

  G_OBJECT_CLASS (ic_authority_page_parent_class)->finalize (object);
}

static void
ic_authority_page_class_init (IcAuthorityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_authority_page_dispose;
  object_class->finalize = ic_authority_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-authority-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcAuthorityPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcAuthorityPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, IcAuthorityPage, reports_list);
  gtk_widget_class_bind_template_child (widget_class, IcAuthorityPage, changes_box);
  gtk_widget_class_bind_template_child (widget_class, IcAuthorityPage, scrolled_window);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "authority.peer-group", NULL, peer_group_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_authority_page_init (IcAuthorityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ic_a11y_hide_when_empty (self->title_label);
  ic_ui_tooltip_when_cut (self->title_label);
  self->kept_scroll = -1;
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (restore_scroll_cb), self, G_CONNECT_SWAPPED);
}

const char *
ic_authority_page_get_authority (IcAuthorityPage *self)
{
  g_return_val_if_fail (IC_IS_AUTHORITY_PAGE (self), NULL);
  return self->authority;
}

void
ic_authority_page_set_authority (IcAuthorityPage *self,
                                 const char      *authority)
{
  g_return_if_fail (IC_IS_AUTHORITY_PAGE (self));

  /* Shown again (Back), the page is as it was, with the row that had
   * the keyboard: a change since then has refilled it already. */
  if (g_strcmp0 (self->authority, authority) == 0)
    return;
  g_free (self->authority);
  self->authority = g_strdup (authority);
  /* Another authority opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  self->kept_scroll = -1;
  fill (self);
}

/**
 * ic_authority_page_set_reports:
 * @reports: (nullable): every report loaded, filtered or not: an
 *   authority's history is whole whatever the filters show
 */
void
ic_authority_page_set_reports (IcAuthorityPage *self,
                               GListModel      *reports)
{
  g_return_if_fail (IC_IS_AUTHORITY_PAGE (self));

  if (self->reports == reports)
    return;
  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_func (self->reports, reports_changed_cb, self);
  g_set_object (&self->reports, reports);
  if (reports != NULL)
    g_signal_connect (reports, "items-changed", G_CALLBACK (reports_changed_cb), self);
  queue_refill (self);
}
