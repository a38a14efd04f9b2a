/* ic-recurrence-links.c: an item's recurrence links, Unlink and Link to an Earlier Item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-recurrence-links"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-display-text.h"
#include "ic-link-dialog.h"
#include "ic-recurrence-links.h"
#include "ic-themes.h"
#include "ic-ui-util.h"

/* Long enough to recognise a statement or an item quoted in a link. */
#define QUOTE_CHARS 110

/**
 * ic_ui_recurrence_field:
 *
 * Returns: the correction field that says whether @later raises @earlier
 *   again, "improvements.N.recurs_from.ID.M", or NULL when the earlier
 *   report has no content id to name it by
 */
char *
ic_ui_recurrence_field (const IcItemRef *earlier,
                        const IcItemRef *later)
{
  const char *earlier_id = ic_report_get_content_id (earlier->report);

  if (earlier_id == NULL)
    return NULL;
  return g_strdup_printf ("improvements.%u.recurs_from.%s.%u", later->index, earlier_id, earlier->index);
}

/* The field that unlinks @recurrence: a carried-forward link has no
 * later item, and is corrected as "carried_forward.ID.M". */
static char *
link_field (IcRecurrence *recurrence)
{
  const IcItemRef *earlier = ic_recurrence_get_earlier (recurrence);
  const char *earlier_id = ic_report_get_content_id (earlier->report);

  if (!ic_recurrence_get_carried_forward (recurrence))
    return ic_ui_recurrence_field (earlier, ic_recurrence_get_later (recurrence));
  if (earlier_id == NULL)
    return NULL;
  return g_strdup_printf ("carried_forward.%s.%u", earlier_id, earlier->index);
}

/* @text cut to @chars characters, with an ellipsis when cut. */
static char *
shortened (const char *text,
           guint       chars)
{
  g_autofree char *shown = ic_display_text (text);
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (shown, -1) <= chars)
    return g_steal_pointer (&shown);
  cut = g_utf8_substring (shown, 0, chars);
  return g_strconcat (cut, "\u2026", NULL);
}

/**
 * ic_ui_report_name:
 *
 * Returns: a report as links and lists name it, "Focused visit, 12 May 2023"
 */
char *
ic_ui_report_name (IcReport *report)
{
  g_autofree char *date = ic_ui_report_date (report);

  /* Translators: a report, "Focused visit, 12 May 2023" */
  return g_strdup_printf (_("%s, %s"), ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                          date);
}

/* Why a carried-forward link was made: the later report's statement,
 * quoted (on the earlier report), or the item carried (on the report
 * that carries it, where the statement is shown above). */
static char *
carried_label (IcRecurrence *recurrence,
               const char   *name,
               gboolean      later)
{
  g_autoptr(IcImprovement) item = ic_item_ref_get_item (ic_recurrence_get_earlier (recurrence));
  const char *note = ic_report_get_improvement_note (ic_recurrence_get_later (recurrence)->report);
  g_autofree char *quoted = NULL;

  if (later)
    {
      quoted = shortened (note ? note : "", QUOTE_CHARS);
      /* Translators: "Carried forward: Focused visit, 12 May 2023 (by its statement: “The areas … remain.”)" */
      return g_strdup_printf (_("Carried forward: %s (by its statement: \u201c%s\u201d)"), name, quoted);
    }
  quoted = shortened (item ? ic_improvement_get_text (item) : "", QUOTE_CHARS);
  /* Translators: "Carries forward: Focused visit, 12 May 2023, item 2 (“The quality of plans.”)" */
  return g_strdup_printf (_("Carries forward: %s (\u201c%s\u201d)"), name, quoted);
}

/* What the link says: the other report, and why the two items were
 * linked (the concern they share, a concept of data/concepts.rules; their
 * theme when only their words matched; the user; or the report's
 * statement that earlier areas remain). */
static char *
link_label (IcRecurrence *recurrence,
            IcReport     *other,
            gboolean      later)
{
  const IcItemRef *ref = later ? ic_recurrence_get_later (recurrence) : ic_recurrence_get_earlier (recurrence);
  g_autofree char *report = ic_ui_report_name (other);
  /* Two items of one report may both be linked: the number tells them
   * apart, and says what Unlink would unlink. A carried-forward
   * statement is no item; what it carries is. */
  g_autofree char *name = ic_recurrence_get_carried_forward (recurrence) && later ? g_strdup (report)
                          /* Translators: "Focused visit, 12 May 2023, item 3" */
                          : g_strdup_printf (_("%s, item %u"), report, ref->index + 1);
  const char *concept = ic_recurrence_get_concept_label (recurrence);
  const char *why = concept ? concept : ic_theme_get_label (ic_recurrence_get_theme (recurrence));

  if (ic_recurrence_get_carried_forward (recurrence))
    return carried_label (recurrence, name, later);
  if (ic_recurrence_get_user_linked (recurrence))
    /* Translators: "Raised again: Focused visit, 12 May 2023 (linked by you)" */
    return g_strdup_printf (later ? _("Raised again: %s (linked by you)") : _("Raised before: %s (linked by you)"),
                            name);
  if (ic_recurrence_is_possible (recurrence))
    /* Translators: a link the method is less sure of, "Raised before: Focused visit, 12 May 2023,
     * item 3 (possibly the same concern: front door; check the wording)" */
    return g_strdup_printf (later ? _("Raised again: %s (possibly the same concern: %s; check the wording)")
                                  : _("Raised before: %s (possibly the same concern: %s; check the wording)"),
                            name, why);
  /* Translators: "Raised again: Focused visit, 12 May 2023 (same concern: front door)" */
  return g_strdup_printf (later ? _("Raised again: %s (same concern: %s)") : _("Raised before: %s (same concern: %s)"),
                          name, why);
}

/* What the link's strength means, for the tooltip and screen readers
 * (the figures are the hand labels', IC_RECURRENCE_CLOSE); NULL for a
 * link the user made or a report's own statement, which need none. */
static const char *
match_meaning (IcRecurrence *recurrence)
{
  if (ic_recurrence_get_carried_forward (recurrence))
    return NULL;
  switch (ic_recurrence_get_match (recurrence))
    {
    case IC_RECURRENCE_MATCH_CLOSE:
      return _("A close match: links like this were right about nine times in ten when checked by hand");
    case IC_RECURRENCE_MATCH_POSSIBLE:
      return _("A possible match: links like this were right only about half the time when checked by hand, "
               "so read both items before relying on it");
    case IC_RECURRENCE_MATCH_USER:
    default:
      return NULL;
    }
}

/* The tooltip (the accessible description too) and style that say how
 * far the link of @button can be trusted. */
static void
show_strength (GtkWidget    *button,
               IcRecurrence *recurrence)
{
  const char *meaning = match_meaning (recurrence);
  g_autofree char *tooltip = NULL;

  if (ic_recurrence_is_possible (recurrence))
    gtk_widget_add_css_class (button, "recurrence-possible");
  /* Translators: a link's tooltip, what its strength means, then what a click does */
  tooltip = meaning ? g_strdup_printf (_("%s.\nOpen that report"), meaning) : g_strdup (_("Open that report"));
  /* GTK gives the tooltip to screen readers as the description. */
  gtk_widget_set_tooltip_text (button, tooltip);
}

static GtkWidget *
open_button (IcRecurrence *recurrence,
             IcReport     *other,
             gboolean      later)
{
  g_autofree char *label = link_label (recurrence, other, later);
  GtkWidget *button = gtk_button_new_with_label (label);
  GtkLabel *child = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  /* A long concern wraps rather than widening the page past a small
   * window. */
  gtk_label_set_wrap (child, TRUE);
  gtk_label_set_xalign (child, 0);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-link");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_hexpand (button, TRUE);
  show_strength (button, recurrence);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ic_report_get_source (other));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-report");
  return button;
}

/* Unlink says the two items are not the same concern: a correction on
 * the later report. Even for a link the user made: taking that back
 * would leave the method's word, which may be the same link. */
static GtkWidget *
unlink_button (IcRecurrence *recurrence,
               IcReport     *other,
               gboolean      later_shown)
{
  const IcItemRef *later = ic_recurrence_get_later (recurrence);
  gboolean carried = ic_recurrence_get_carried_forward (recurrence);
  g_autofree char *field = link_field (recurrence);
  const char *later_id = ic_report_get_content_id (later->report);
  g_autofree char *report = ic_ui_report_name (other);
  /* On the report that carries several items of one report forward,
   * the item number tells their buttons apart. */
  g_autofree char *name = carried && !later_shown
                          ? g_strdup_printf (_("%s, item %u"), report, ic_recurrence_get_earlier (recurrence)->index + 1)
                          : g_strdup (report);
  g_autofree char *a11y = NULL;
  GtkWidget *button;

  if (field == NULL || later_id == NULL)
    return NULL;
  button = gtk_button_new_with_mnemonic (_("_Unlink"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-unlink");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, carried ? _("Not carried forward by that statement: remove this link "
                                                   "(Undo puts it back)")
                                               : _("Not the same concern: remove this link (Undo puts it back)"));
  /* Translators: accessible name, "Unlink from Focused visit, 12 May 2023" */
  a11y = g_strdup_printf (_("Unlink from %s"), name);
  ic_a11y_set_name (button, a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", later_id, field, "different");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.correct");
  return button;
}

/**
 * ic_ui_recurrence_link:
 * @later: the link points to the later report (shown on the earlier one)
 *
 * Returns: (transfer floating): the link to the other report of
 *   @recurrence, saying why the items were linked, with Unlink beside it
 *   (for a carried-forward link, Unlink says the statement does not
 *   carry that item forward)
 */
GtkWidget *
ic_ui_recurrence_link (IcRecurrence *recurrence,
                       gboolean      later)
{
  IcReport *other = later ? ic_recurrence_get_later (recurrence)->report
                          : ic_recurrence_get_earlier (recurrence)->report;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *unlink = unlink_button (recurrence, other, later);

  gtk_box_append (GTK_BOX (box), open_button (recurrence, other, later));
  if (unlink != NULL)
    gtk_box_append (GTK_BOX (box), unlink);
  return box;
}

/**
 * ic_ui_can_link_from:
 *
 * Returns: whether an item of @report can be linked to the items of
 *   @earlier: an earlier report with items and a content id to name it by
 */
gboolean
ic_ui_can_link_from (IcReport *earlier,
                     IcReport *report)
{
  const GDate *de = ic_report_get_sort_date (earlier);
  const GDate *dr = ic_report_get_sort_date (report);

  return de != NULL && dr != NULL && g_date_compare (de, dr) < 0 &&
         ic_report_get_content_id (earlier) != NULL &&
         g_list_model_get_n_items (ic_report_get_improvements (earlier)) > 0;
}

typedef struct
{
  IcReport   *report;
  guint       index;
  GListModel *same_authority;
  GPtrArray  *recurrences;
} LinkEarlier;

static void
link_earlier_free (gpointer data)
{
  LinkEarlier *link = data;

  g_object_unref (link->report);
  g_object_unref (link->same_authority);
  g_clear_pointer (&link->recurrences, g_ptr_array_unref);
  g_free (link);
}

/* The dialog is built when asked for: a page shows many items, and each
 * dialog lists every item of the authority's earlier reports. */
static void
link_earlier_clicked_cb (GtkButton *button,
                         gpointer   data)
{
  LinkEarlier *link = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  ic_link_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link->report, link->index,
                      link->same_authority, link->recurrences);
}

/**
 * ic_ui_link_earlier_button:
 * @report: the report shown
 * @index: the item's index in @report
 * @same_authority: the reports of @report's authority
 * @recurrences: (nullable) (element-type IcRecurrence): the links found
 *
 * Returns: (transfer floating) (nullable): "Link to an Earlier Item…",
 *   which opens a dialog of the items of the authority's earlier
 *   reports; choosing one links it to item @index as the same area. NULL
 *   when the authority has no earlier report with items.
 */
GtkWidget *
ic_ui_link_earlier_button (IcReport   *report,
                           guint       index,
                           GListModel *same_authority,
                           GPtrArray  *recurrences)
{
  LinkEarlier *link;
  GtkWidget *button;
  g_autofree char *a11y = NULL;
  gboolean any = FALSE;

  if (ic_report_get_content_id (report) == NULL || same_authority == NULL)
    return NULL;
  for (guint i = 0; !any && i < g_list_model_get_n_items (same_authority); i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (same_authority, i);

      any = ic_ui_can_link_from (other, report);
    }
  if (!any)
    return NULL;

  link = g_new0 (LinkEarlier, 1);
  link->report = g_object_ref (report);
  link->index = index;
  link->same_authority = g_object_ref (same_authority);
  link->recurrences = recurrences ? g_ptr_array_ref (recurrences) : NULL;
  button = gtk_button_new_with_mnemonic (_("Link to an _Earlier Item\u2026"));
  g_signal_connect_data (button, "clicked", G_CALLBACK (link_earlier_clicked_cb), link,
                         (GClosureNotify) (void (*) (void)) link_earlier_free, 0);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-link-earlier");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Link this item to an item of an earlier report that raised the same area"));
  /* Translators: accessible name, "Link item 2 to an earlier item of the same area" */
  a11y = g_strdup_printf (_("Link item %u to an earlier item of the same area"), index + 1);
  ic_a11y_set_name (button, a11y);
  return button;
}

static IcReport *
report_with_content (GListModel *reports,
                     const char *content_id)
{
  for (guint i = 0; reports != NULL && i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (g_strcmp0 (ic_report_get_content_id (report), content_id) == 0)
        return report;
    }
  return NULL;
}

/* A correction of the statement shown with the button that takes it
 * back: "Link Again", "Carry Forward Again". */
static GtkWidget *
relink_row (const char *text,
            const char *mnemonic,
            const char *a11y,
            const char *content_id,
            const char *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  /* In line with the text of the flat buttons above it. */
  gtk_widget_set_margin_start (label, 16);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-relink");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Take your correction back: the statement carries it forward again"));
  ic_a11y_set_name (button, a11y);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", content_id, field);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.revert-correction");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* "carried ID M different": the item the user unlinked, with Link Again. */
static GtkWidget *
unlinked_row (IcReport   *report,
              const char *link,
              GListModel *same_authority)
{
  g_auto(GStrv) f = g_strsplit (link, " ", -1);
  g_autofree char *field = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;
  IcReport *earlier;
  guint index;

  if (g_strv_length (f) != 4 || !g_str_equal (f[3], "different") ||
      (earlier = report_with_content (same_authority, f[1])) == NULL)
    return NULL;
  index = (guint) g_ascii_strtoull (f[2], NULL, 10);
  field = g_strdup_printf ("carried_forward.%s.%u", f[1], index);
  name = ic_ui_report_name (earlier);
  /* Translators: "Not carried forward (unlinked by you): Focused visit, 12 May 2023, item 2" */
  text = g_strdup_printf (_("Not carried forward (unlinked by you): %s, item %u"), name, index + 1);
  /* Translators: accessible name, "Link again Focused visit, 12 May 2023, item 2" */
  a11y = g_strdup_printf (_("Link again %s, item %u"), name, index + 1);
  return relink_row (text, _("_Link Again"), a11y, ic_report_get_content_id (report), field);
}

static GtkWidget *
carries_nothing_button (IcReport *report)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Carries _Nothing Forward"));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-carries-nothing");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("The statement does not carry earlier areas forward: remove all its links "
                                         "(Undo puts them back)"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", ic_report_get_content_id (report),
                                    "carried_forward", "none");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.correct");
  return button;
}

/* The user's corrections of what @report's statement carries forward,
 * each with the button that takes it back; how many were added. */
static guint
add_unlinked (GtkBox     *box,
              IcReport   *report,
              GListModel *same_authority)
{
  const char * const *links = ic_report_get_recurrence_links (report);
  guint n = 0;

  if (g_strv_contains (links, "carried none"))
    {
      gtk_box_append (box, relink_row (_("You said this statement carries nothing forward."),
                                       _("Carry Forward _Again"), _("Carry forward again"),
                                       ic_report_get_content_id (report), "carried_forward"));
      return 1;
    }
  for (guint i = 0; links[i] != NULL; i++)
    {
      GtkWidget *row = g_str_has_prefix (links[i], "carried ") ? unlinked_row (report, links[i], same_authority)
                                                                : NULL;

      if (row != NULL)
        {
          gtk_box_append (box, row);
          n++;
        }
    }
  return n;
}

/**
 * ic_ui_carried_forward_links:
 * @report: a report whose statement may say that earlier areas remain
 * @same_authority: the reports of @report's authority
 * @recurrences: (nullable) (element-type IcRecurrence): the links found
 *
 * Returns: (transfer floating) (nullable): the earlier items @report's
 *   statement carries forward, each with Unlink, "Carries Nothing
 *   Forward", and the user's corrections of them with the buttons that
 *   take them back; NULL when there is none of these
 */
GtkWidget *
ic_ui_carried_forward_links (IcReport   *report,
                             GListModel *same_authority,
                             GPtrArray  *recurrences)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint n = 0, carried;

  if (ic_report_get_content_id (report) == NULL)
    return NULL;
  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (ic_recurrence_get_carried_forward (r) && ic_recurrence_get_later (r)->report == report)
        {
          gtk_box_append (GTK_BOX (box), ic_ui_recurrence_link (r, FALSE));
          n++;
        }
    }
  carried = n;
  n += add_unlinked (GTK_BOX (box), report, same_authority);
  if (carried > 0)
    gtk_box_append (GTK_BOX (box), carries_nothing_button (report));
  if (n == 0)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      return NULL;
    }
  return box;
}
