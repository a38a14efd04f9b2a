/* ic-report-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ic-display-text.h"
#include "ic-changes.h"
#include "ic-recurrence.h"
#include "ic-recurrence-links.h"
#include "ic-correction-widgets.h"
#include "ic-a11y.h"
#include "ic-report-page.h"
#include "ic-fold-paned.h"
#include "ic-search-index.h"
#include "ic-themes.h"
#include "ic-ui-util.h"

struct _IcReportPage
{
  GtkWidget       parent_instance;

  IcReport       *report;
  gulong          report_changed_id;
  GListModel     *reports;       /* every report loaded, for recurrences */
  GListModel     *same_authority; /* the reports of this one's authority, watched */
  GPtrArray      *recurrences;   /* IcRecurrence touching this report */
  GHashTable     *times;         /* nullable: ic_recurrence_times_index() of them */
  char           *changes;       /* what changed since the previous report, or NULL */
  GtkTextTag     *match_tag;
  GtkTextTag     *passage_tag;

  /* template widgets */
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *damage_banner;
  GtkListBox     *details_list;
  GtkListBox     *judgements_list;
  GtkListBox     *improvements_list;
  GtkListBox     *strengths_list;
  GtkListBox     *warnings_list;
  GtkWidget      *judgements_heading;
  GtkWidget      *improvements_heading;
  GtkWidget      *strengths_heading;
  GtkWidget      *warnings_heading;
  GtkSearchEntry *search_entry;
  IcFoldPaned    *panes;
  GtkWidget      *details_pane;
  GtkWidget      *text_pane;
  GtkWidget      *full_text_button;
  GtkWidget      *details_button;
  GtkTextView    *text_view;
  GtkLabel       *match_label;

  /* Keeping an opened passage on screen while the text is laid out. */
  guint           passage_tick;
  guint           passage_frames;
  guint           passage_steady;
  double          passage_upper;
};

G_DEFINE_FINAL_TYPE (IcReportPage, ic_report_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  g_autofree char *clean = ic_display_text (text);
  GtkWidget *label = gtk_label_new (clean);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A grade chosen in a correction menu: the window corrects the field. */
static void
grade_chosen_cb (GSimpleAction *action,
                 GVariant      *value,
                 GtkWidget     *button)
{
  g_simple_action_set_state (action, value);
  gtk_widget_activate_action (button, "win.correct", "(sss)",
                              g_object_get_data (G_OBJECT (button), "ic-content-id"),
                              g_object_get_data (G_OBJECT (button), "ic-field"),
                              g_variant_get_string (value, NULL));
}

/* A menu of the grades the judgement can be corrected to: those of the
 * report's framework ("Adequate" only in 2009–13, "Requires improvement"
 * after), with the current one ticked (a radio action's state). */
static GtkWidget *
correction_button (IcReport *report,
                   IcArea    area,
                   IcGrade   current)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (area), NULL);
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *tooltip = NULL;
  IcInspectionType type = ic_report_get_inspection_type (report);

  for (IcGrade g = IC_GRADE_OUTSTANDING; g < IC_N_GRADES; g++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!ic_ui_grade_in_scale (type, g) && g != current)
        continue;
      item = g_menu_item_new (ic_grade_to_label (g), NULL);
      g_menu_item_set_action_and_target (item, "correction.grade", "s", ic_grade_to_key (g));
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Not Judged"), NULL);

    g_menu_item_set_action_and_target (item, "correction.grade", "s", "none");
    g_menu_append_item (menu, item);
  }
  action = g_simple_action_new_stateful ("grade", G_VARIANT_TYPE_STRING,
                                         g_variant_new_string (current == IC_GRADE_NONE
                                                               ? "none" : ic_grade_to_key (current)));
  g_signal_connect (action, "change-state", G_CALLBACK (grade_chosen_cb), button);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (button, "correction", G_ACTION_GROUP (group));
  /* GTK 4.8 has no getter for a widget's own action groups. */
  g_object_set_data_full (G_OBJECT (button), "ic-correction-actions", g_object_ref (group),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "ic-content-id",
                          g_strdup (ic_report_get_content_id (report)), g_free);
  g_object_set_data_full (G_OBJECT (button), "ic-field", g_steal_pointer (&field), g_free);

  tooltip = g_strdup_printf (_("Correct the grade for %s"), ic_area_to_label (area));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, tooltip);
  ic_a11y_set_name (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  ic_ui_grey_if_uncorrectable (button, report);
  return button;
}

/* Where the grade was read: the PDF page, to check it against the
 * report (0 for a text file, which has no pages to cite). */
static char *
page_reference (IcJudgement *judgement)
{
  if (ic_judgement_get_page (judgement) == 0)
    return NULL;
  return g_strdup_printf (_("page %u"), ic_judgement_get_page (judgement));
}

/* A judgement row's subtitle: "Corrected by you", or the label as
 * printed when it says more than the area's name, and the page. */
static char *
judgement_subtitle (IcReport    *report,
                    IcJudgement *judgement,
                    const char  *field)
{
  const char * const *corrected = ic_report_get_corrected_fields (report);
  g_autofree char *page = page_reference (judgement);
  g_autofree char *said = NULL;

  if (corrected != NULL && g_strv_contains (corrected, field))
    said = g_strdup (_("Corrected by you"));
  else if (g_strcmp0 (ic_judgement_get_label (judgement),
                      ic_area_to_label (ic_judgement_get_area (judgement))) != 0)
    said = ic_display_text (ic_judgement_get_label (judgement));
  if (said != NULL && page != NULL)
    /* TRANSLATORS: a judgement's label as printed (or "Corrected by
     * you"), then where it was read, e.g. "page 2" */
    return g_strdup_printf (_("%s · %s"), said, page);
  return said != NULL ? g_steal_pointer (&said) : g_steal_pointer (&page);
}

/* What a screen reader says after the area's name: the grade, then
 * where the report gives it ("Good, from page 2 of the report"). */
static char *
judgement_description (IcJudgement *judgement)
{
  const char *grade = ic_grade_to_label (ic_judgement_get_grade (judgement));

  if (ic_judgement_get_page (judgement) == 0)
    return g_strdup (grade);
  return g_strdup_printf (_("%s, from page %u of the report"), grade, ic_judgement_get_page (judgement));
}

static void
fill_judgements (IcReportPage *self)
{
  /* In the matrix's order, not the printed one (ILACS prints overall
   * effectiveness last), so that the views read across alike. */
  g_autoptr(GPtrArray) judgements = ic_report_dup_judgements_in_area_order (self->report);
  guint n = judgements->len;

  for (guint i = 0; i < n; i++)
    {
      IcJudgement *j = g_ptr_array_index (judgements, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *grade = gtk_label_new (ic_grade_to_label (ic_judgement_get_grade (j)));

      /* Titles and subtitles are text read from reports, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ic_area_to_label (ic_judgement_get_area (j)));
      g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (ic_judgement_get_area (j)), NULL);

      g_autofree char *subtitle = judgement_subtitle (self->report, j, field);
      g_autofree char *spoken = judgement_description (j);

      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (grade, "grade-chip");
      ic_ui_set_grade_class (grade, ic_judgement_get_grade (j));
      gtk_widget_set_valign (grade, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);
      /* The grade chip is not focusable: the row says the grade. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      spoken, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ic_ui_revert_button (self->report, field));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 correction_button (self->report, ic_judgement_get_area (j),
                                                    ic_judgement_get_grade (j)));
      gtk_list_box_append (self->judgements_list, row);
    }
  if (n == 0)
    {
      GtkWidget *label = wrapped_label (_("Not graded: this kind of report gives no judgements."),
                                        "dim-label");

      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->judgements_list, label);
      ic_a11y_label_by (gtk_widget_get_parent (label), label);
    }
}

static void fill_improvements (IcReportPage *self);

static void
other_report_changed_cb (IcReportPage *self)
{
  if (self->report == NULL)
    return;
  clear_list (self->improvements_list);
  fill_improvements (self);
}

static void
unwatch_same_authority (IcReportPage *self)
{
  for (guint i = 0; self->same_authority != NULL && i < g_list_model_get_n_items (self->same_authority); i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (self->same_authority, i);

      g_signal_handlers_disconnect_by_func (other, other_report_changed_cb, self);
    }
  g_clear_object (&self->same_authority);
}

/* How many times item @index had been raised, as its timeline mark
 * says: 0 unless it recurs (is the later item of a link). */
static guint
item_times_raised (IcReportPage *self,
                   guint         index)
{
  for (guint i = 0; self->recurrences != NULL && i < self->recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (self->recurrences, i);

      if (ic_item_ref_is (ic_recurrence_get_later (r), self->report, index) && !ic_recurrence_get_carried_forward (r))
        return ic_recurrence_times_lookup (self->times, self->report, index);
    }
  return 0;
}

/* "↻ Raised 3 times", then links to the same authority's other reports
 * that raise this item's area (the analysis's recurrences). */
static void
add_recurrence_links (IcReportPage *self,
                      GtkBox       *box,
                      guint         index)
{
  guint times = item_times_raised (self, index);

  if (times > 1)
    {
      /* Translators: an item whose area the authority was told about three times by this report */
      g_autofree char *text = g_strdup_printf (ngettext ("\u21bb Raised %u time", "\u21bb Raised %u times", times), times);
      GtkWidget *label = wrapped_label (text, "caption-heading");

      gtk_widget_add_css_class (label, "recurrence-times");
      gtk_box_append (box, label);
    }
  for (guint i = 0; self->recurrences != NULL && i < self->recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (self->recurrences, i);
      const IcItemRef *earlier = ic_recurrence_get_earlier (r);
      const IcItemRef *later = ic_recurrence_get_later (r);

      if (ic_item_ref_is (earlier, self->report, index))
        gtk_box_append (box, ic_ui_recurrence_link (r, TRUE));
      else if (ic_item_ref_is (later, self->report, index) && !ic_recurrence_get_carried_forward (r))
        gtk_box_append (box, ic_ui_recurrence_link (r, FALSE));
    }
}

/* Another report of the authority corrected (a link made or undone
 * there), or read in full, changes this page's links too. */
static void
watch_same_authority (IcReportPage *self,
                      GListModel   *same)
{
  unwatch_same_authority (self);
  self->same_authority = g_object_ref (same);
  for (guint i = 0; i < g_list_model_get_n_items (same); i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (same, i);

      if (other != self->report)
        g_signal_connect_object (other, "changed", G_CALLBACK (other_report_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
find_recurrences (IcReportPage *self)
{
  g_autoptr(GListStore) same = g_list_store_new (IC_TYPE_REPORT);
  guint n = self->reports ? g_list_model_get_n_items (self->reports) : 0;

  g_clear_pointer (&self->recurrences, g_ptr_array_unref);
  g_clear_pointer (&self->times, g_hash_table_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (self->reports, i);

      if (g_strcmp0 (ic_report_get_authority (other), ic_report_get_authority (self->report)) == 0)
        g_list_store_append (same, other);
    }
  g_clear_pointer (&self->changes, g_free);
  watch_same_authority (self, G_LIST_MODEL (same));
  if (g_list_model_get_n_items (G_LIST_MODEL (same)) > 1)
    {
      g_autoptr(GHashTable) changes = NULL;

      g_autoptr(GPtrArray) chains = NULL;

      self->recurrences = ic_find_recurrences (G_LIST_MODEL (same));
      chains = ic_recurrence_chains (self->recurrences);
      self->times = ic_recurrence_times_index (chains);
      changes = ic_changes_compute_with_chains (G_LIST_MODEL (same), self->recurrences, chains);
      self->changes = ic_changes_describe (ic_changes_lookup (changes, self->report));
    }
}

/* A row of plain text at the head of the improvements: what changed
 * since the previous report, or what the report says that is not an
 * item. */
static void
add_note_row (IcReportPage *self,
              const char   *caption,
              const char   *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), wrapped_label (caption, "caption"));
  gtk_box_append (GTK_BOX (box), wrapped_label (text, NULL));
  gtk_list_box_append (self->improvements_list, box);
  ic_a11y_set_name (gtk_widget_get_parent (box), text);
}

/* What the report's statement that earlier areas remain carries
 * forward, each item with Unlink; nothing when it carries nothing. */
static void
add_carried_forward_row (IcReportPage *self)
{
  GtkWidget *links = ic_ui_carried_forward_links (self->report, self->same_authority, self->recurrences);
  GtkWidget *box;
  const char *caption = _("Carried forward by this statement");

  if (links == NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), wrapped_label (caption, "caption"));
  gtk_box_append (GTK_BOX (box), links);
  gtk_list_box_append (self->improvements_list, box);
  ic_a11y_set_name (gtk_widget_get_parent (box), caption);
}

static GtkWidget *
improvement_row (IcReportPage  *self,
                 IcImprovement *item,
                 guint          index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *link_earlier;
  g_autofree char *meta = NULL;
  const char *kind = ic_improvement_get_kind (item) == IC_ITEM_KIND_PRIORITY_ACTION
                     ? _("Priority action")
                     : ic_improvement_get_kind (item) == IC_ITEM_KIND_RECOMMENDATION
                     ? _("Recommendation") : _("Improvement");

  if (ic_improvement_get_timeframe (item) != NULL)
    meta = g_strdup_printf ("%u. %s · %s", index + 1, kind, ic_improvement_get_timeframe (item));
  else if (ic_improvement_get_page (item) > 0)
    meta = g_strdup_printf (_("%u. %s · page %u"), index + 1, kind, ic_improvement_get_page (item));
  else
    meta = g_strdup_printf ("%u. %s", index + 1, kind);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), wrapped_label (meta, "caption"));
  gtk_box_append (GTK_BOX (box), wrapped_label (ic_improvement_get_text (item), NULL));
  gtk_box_append (GTK_BOX (box), ic_ui_theme_editor (self->report, item, index));
  add_recurrence_links (self, GTK_BOX (box), index);
  link_earlier = ic_ui_link_earlier_button (self->report, index, self->same_authority, self->recurrences);
  if (link_earlier != NULL)
    gtk_box_append (GTK_BOX (box), link_earlier);
  return box;
}

static void
fill_improvements (IcReportPage *self)
{
  GListModel *items = ic_report_get_improvements (self->report);
  guint n = g_list_model_get_n_items (items);

  const char *note = ic_report_get_improvement_note (self->report);

  find_recurrences (self);
  if (self->changes != NULL)
    add_note_row (self, _("What changed"), self->changes);
  if (note != NULL)
    add_note_row (self, _("The report says (not an item)"), note);
  add_carried_forward_row (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);

      GtkWidget *box = improvement_row (self, item, i);

      gtk_list_box_append (self->improvements_list, box);
      /* The row holding it is named by the item's words. */
      ic_a11y_set_name (gtk_widget_get_parent (box), ic_improvement_get_text (item));
    }
  gtk_widget_set_visible (self->improvements_heading, n > 0 || note != NULL || self->changes != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->improvements_list), n > 0 || note != NULL || self->changes != NULL);
}

static gboolean
fill_strings (GtkListBox         *list,
              const char * const *strings)
{
  guint n = strings ? g_strv_length ((char **) strings) : 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *label = wrapped_label (strings[i], NULL);

      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_list_box_append (list, label);
      ic_a11y_label_by (gtk_widget_get_parent (label), label);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
  return n > 0;
}

static void
fill_text (IcReportPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char * const *pages = ic_report_get_pages (self->report);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; pages != NULL && pages[i] != NULL; i++)
    {
      gsize len;
      const char *text = ic_ui_trim_blank_lines (pages[i], &len);

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (i > 0)
        gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
      gtk_text_buffer_insert (buffer, &end, text, len);
    }
  if (pages == NULL || pages[0] == NULL)
    gtk_text_buffer_set_text (buffer, _("The text of this report is not available."), -1);
}

/* A report read from a damaged file says so above all the page shows,
 * in words made here from its code: a grade or item it lacks may have
 * been on the pages that could not be read. */
static void
show_damage (IcReportPage *self)
{
  IcDamage damage = self->report ? ic_report_get_damage (self->report) : IC_DAMAGE_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->damage_banner), damage != IC_DAMAGE_NONE);
  if (damage == IC_DAMAGE_CUT_SHORT)
    gtk_label_set_label (self->damage_banner,
                         _("This PDF is cut short: its end is missing (a download or copy that "
                           "did not finish?). What could be read of it is shown, but pages, "
                           "grades or areas for improvement may be missing."));
}

static void
fill (IcReportPage *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *clean_summary = NULL;
  g_autofree char *clean_title = NULL;

  clear_list (self->details_list);
  clear_list (self->judgements_list);
  clear_list (self->improvements_list);
  clear_list (self->strengths_list);
  clear_list (self->warnings_list);
  show_damage (self);
  if (self->report == NULL)
    {
      unwatch_same_authority (self);
      return;
    }

  summary = ic_ui_report_summary (self->report);
  clean_summary = ic_display_text (summary);
  clean_title = ic_display_text (ic_report_get_title (self->report));
  gtk_label_set_label (self->title_label, clean_summary);
  gtk_label_set_label (self->subtitle_label, clean_title);
  /* Selectable, so focusable, only with words to select and to say. */
  gtk_label_set_selectable (self->subtitle_label, ic_report_get_title (self->report) != NULL &&
                            *ic_report_get_title (self->report) != '\0');
  ic_ui_fill_details (self->details_list, self->report);
  fill_judgements (self);
  fill_improvements (self);
  gtk_widget_set_visible (self->strengths_heading,
                          fill_strings (self->strengths_list,
                                        ic_report_get_strengths (self->report)));
  gtk_widget_set_visible (self->warnings_heading,
                          fill_strings (self->warnings_list,
                                        ic_report_get_warnings (self->report)));
  fill_text (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Moves the selection to the next (or previous) match after the cursor. */
static void
select_match (IcReportPage *self,
              gboolean      forward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter start, sel_start, sel_end, match_start, match_end;
  gboolean found;

  if (text[0] == '\0')
    return;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  start = forward ? sel_end : sel_start;
  if (forward)
    found = gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &match_start, &match_end, NULL);
  else
    found = gtk_text_iter_backward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                           &match_start, &match_end, NULL);
  if (!found)
    {
      /* Wrap around, as text editors do. */
      if (forward)
        gtk_text_buffer_get_start_iter (buffer, &start);
      else
        gtk_text_buffer_get_end_iter (buffer, &start);
      found = forward
        ? gtk_text_iter_forward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                        &match_start, &match_end, NULL)
        : gtk_text_iter_backward_search (&start, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                         &match_start, &match_end, NULL);
    }
  if (!found)
    return;

  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  gtk_text_view_scroll_to_iter (self->text_view, &match_start, 0.1, FALSE, 0, 0);
}

guint
ic_report_page_find (IcReportPage *self,
                     const char   *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, start, end;
  guint n = 0;

  g_return_val_if_fail (IC_IS_REPORT_PAGE (self), 0);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);

  iter = start;
  while (text != NULL && text[0] != '\0' &&
         gtk_text_iter_forward_search (&iter, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                       &start, &end, NULL))
    {
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
      iter = end;
      n++;
    }
  return n;
}

/* Where page @page (1-based) starts in the text view, as fill_text()
 * laid the pages out. */
static void
page_start_iter (IcReportPage *self,
                 guint         page,
                 GtkTextIter  *iter)
{
  const char * const *pages = ic_report_get_pages (self->report);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int offset = 0;

  for (guint i = 0; page > 1 && i < page - 1 && pages[i] != NULL && pages[i + 1] != NULL; i++)
    {
      gsize len;
      const char *text = ic_ui_trim_blank_lines (pages[i], &len);

      offset += g_utf8_strlen (text, len) + 2;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, iter, offset);
}

/* Whether the selection (a passage) lies inside the text's visible area. */
static gboolean
passage_on_screen (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle where, visible;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &where);
  gtk_text_view_get_visible_rect (view, &visible);
  return where.y >= visible.y && where.y + where.height <= visible.y + visible.height;
}

/* Scrolls to the selection (a passage) until the text is laid out. The
 * text view lays out a long report over many frames, and until it is
 * done it only keeps a scroll to a mark for its next allocation, which
 * nothing else asks for: a scroll asked for on the first frames of a
 * long report was never done. So each frame the passage is off screen
 * asks again and queues the allocation; done once the passage is on
 * screen and the text's height has stayed the same for a few frames. */
static gboolean
scroll_to_passage_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  IcReportPage *self = IC_REPORT_PAGE (data);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  double upper = gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)));

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_height (widget) == 0)
    return G_SOURCE_CONTINUE;
  if (!passage_on_screen (view))
    {
      gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)),
                                    0.1, TRUE, 0, 0.3);
      gtk_widget_queue_allocate (widget);
      self->passage_steady = 0;
    }
  else if (upper == self->passage_upper)
    self->passage_steady++;
  self->passage_upper = upper;
  /* A bound, should the height never settle. */
  if (self->passage_steady < 3 && ++self->passage_frames < 600)
    return G_SOURCE_CONTINUE;
  self->passage_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * ic_report_page_show_passage:
 * @page: the PDF page the passage starts on, 0 when not known
 * @passage: the passage as the search index holds it
 *
 * Scrolls the full text to @passage and highlights it. Returns whether
 * it was found.
 */
gboolean
ic_report_page_show_passage (IcReportPage *self,
                             guint         page,
                             const char   *passage)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, end, match_start, match_end;
  g_autofree char *text = NULL;
  gsize start_byte, end_byte;
  int base;

  g_return_val_if_fail (IC_IS_REPORT_PAGE (self), FALSE);
  if (self->report == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  page_start_iter (self, page, &from);
  gtk_text_buffer_get_end_iter (buffer, &end);
  text = gtk_text_buffer_get_text (buffer, &from, &end, FALSE);
  if (!ic_search_locate (text, passage, &start_byte, &end_byte))
    {
      g_debug ("passage not found from page %u: %s", page, passage);
      return FALSE;
    }

  base = gtk_text_iter_get_offset (&from);
  gtk_text_buffer_get_iter_at_offset (buffer, &match_start,
                                      base + g_utf8_pointer_to_offset (text, text + start_byte));
  gtk_text_buffer_get_iter_at_offset (buffer, &match_end,
                                      base + g_utf8_pointer_to_offset (text, text + end_byte));
  gtk_text_buffer_get_bounds (buffer, &from, &end);
  gtk_text_buffer_remove_tag (buffer, self->passage_tag, &from, &end);
  gtk_text_buffer_apply_tag (buffer, self->passage_tag, &match_start, &match_end);
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  /* In a narrow window the page opens on its details, where the passage
   * the user asked for is not to be seen. */
  ic_fold_paned_set_visible_child (self->panes, self->text_pane);
  /* The page may only now be shown: scroll once it has its size. */
  self->passage_frames = 0;
  self->passage_steady = 0;
  self->passage_upper = -1;
  if (self->passage_tick == 0)
    self->passage_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view),
                                                       scroll_to_passage_cb, self, NULL);
  return TRUE;
}

static void
search_changed_cb (IcReportPage   *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *status = NULL;
  GtkTextIter start;
  guint n;

  n = ic_report_page_find (self, text);
  if (text[0] != '\0')
    status = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  gtk_label_set_label (self->match_label, status ? status : "");
  /* An entry emptied (as a new report empties it) leaves the selection:
   * it may be a passage the Search view opened. */
  if (text[0] == '\0')
    return;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_select_range (buffer, &start, &start);
  select_match (self, TRUE);
}

static void
next_match_cb (IcReportPage *self)
{
  select_match (self, TRUE);
}

static void
previous_match_cb (IcReportPage *self)
{
  select_match (self, FALSE);
}

static void
open_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  GdkAppLaunchContext *context;

  if (self->report == NULL)
    return;

  file = g_file_new_for_path (ic_report_get_source (self->report));
  uri = g_file_get_uri (file);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  if (!g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
    gtk_widget_activate_action (widget, "win.show-error", "s", error->message);
  g_object_unref (context);
}

static void
show_authority_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);

  if (self->report != NULL && ic_report_get_authority (self->report) != NULL)
    gtk_widget_activate_action (widget, "win.open-authority", "s",
                                ic_report_get_authority (self->report));
}

static void
peer_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);

  if (self->report != NULL && ic_report_get_authority (self->report) != NULL)
    gtk_widget_activate_action (widget, "win.peer-group", "s",
                                ic_report_get_authority (self->report));
}

/* Folded (a narrow window), the page shows details or full text: the
 * buttons that move between them appear. */
static void
folded_cb (IcReportPage *self)
{
  gboolean folded = ic_fold_paned_get_folded (self->panes);

  gtk_widget_set_visible (self->full_text_button, folded);
  gtk_widget_set_visible (self->details_button, folded);
}

static void
show_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);

  ic_fold_paned_set_visible_child (self->panes, self->text_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);

  ic_fold_paned_set_visible_child (self->panes, self->details_pane);
  gtk_widget_grab_focus (self->full_text_button);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IcReportPage *self = IC_REPORT_PAGE (widget);

  ic_fold_paned_set_visible_child (self->panes, self->text_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
ic_report_page_dispose (GObject *object)
{
  IcReportPage *self = (IcReportPage *)object;

  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_REPORT_PAGE);
  g_clear_signal_handler (&self->report_changed_id, self->report);
  g_clear_object (&self->report);
  g_clear_object (&self->reports);
  g_clear_pointer (&self->recurrences, g_ptr_array_unref);
  g_clear_pointer (&self->times, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_free);
  unwatch_same_authority (self);

  G_OBJECT_CLASS (ic_report_page_parent_class)->dispose (object);
}

static void
ic_report_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcReportPage *self = IC_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_report_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcReportPage *self = IC_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      ic_report_page_set_report (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_report_page_class_init (IcReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_report_page_dispose;
  object_class->get_property = ic_report_page_get_property;
  object_class->set_property = ic_report_page_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, IC_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IC_TYPE_FOLD_PANED);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, damage_banner);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, judgements_list);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, improvements_list);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, strengths_list);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, judgements_heading);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, improvements_heading);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, strengths_heading);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, warnings_heading);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, panes);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, details_pane);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, text_pane);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, full_text_button);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, IcReportPage, match_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_match_cb);

  gtk_widget_class_install_action (widget_class, "page.open-original", NULL, open_original_action);
  gtk_widget_class_install_action (widget_class, "page.peer-group", NULL, peer_group_action);
  gtk_widget_class_install_action (widget_class, "page.show-authority", NULL, show_authority_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "page.show-text", NULL, show_text_action);
  gtk_widget_class_install_action (widget_class, "page.show-details", NULL, show_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.find", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_report_page_init (IcReportPage *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  ic_a11y_hide_when_empty (self->title_label);
  ic_ui_tooltip_when_cut (self->title_label);
  ic_a11y_name_when_empty (self->match_label, _("No search in the report"));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "search-match",
                                                "background", "#f8e45c",
                                                "foreground", "#000000",
                                                NULL);
  /* A passage the Search view opened: marked like a match, apart from
   * the matches of the entry, which come and go as one types. */
  self->passage_tag = gtk_text_buffer_create_tag (buffer, "search-passage",
                                                  "background", "#f8e45c",
                                                  "foreground", "#000000",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->text_view));
}

IcReport *
ic_report_page_get_report (IcReportPage *self)
{
  g_return_val_if_fail (IC_IS_REPORT_PAGE (self), NULL);
  return self->report;
}

void
ic_report_page_set_report (IcReportPage *self,
                           IcReport     *report)
{
  g_return_if_fail (IC_IS_REPORT_PAGE (self));
  g_return_if_fail (report == NULL || IC_IS_REPORT (report));

  if (self->report == report)
    return;
  g_clear_signal_handler (&self->report_changed_id, self->report);
  g_set_object (&self->report, report);
  /* A report corrected, or read in full after its first pages, changes
   * in place: the page shows what it has now. */
  if (report != NULL)
    self->report_changed_id = g_signal_connect_swapped (report, "changed", G_CALLBACK (fill), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  /* A report opens on its details, in a narrow window too. */
  ic_fold_paned_set_visible_child (self->panes, self->details_pane);
  fill (self);
}

/**
 * ic_report_page_set_reports:
 * @reports: (nullable): every report loaded, where the page looks for
 *   the same authority's earlier and later reports
 */
void
ic_report_page_set_reports (IcReportPage *self,
                            GListModel   *reports)
{
  g_return_if_fail (IC_IS_REPORT_PAGE (self));
  g_set_object (&self->reports, reports);
}
