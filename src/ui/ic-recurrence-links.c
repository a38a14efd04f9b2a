/* ic-recurrence-links.c: an item's recurrence links, Unlink and Same Area As
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-recurrence-links"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-display-text.h"
#include "ic-recurrence-links.h"
#include "ic-themes.h"
#include "ic-ui-util.h"

/* Long enough to tell an item from its neighbours in a menu. */
#define MENU_ITEM_CHARS 90

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

static char *
report_name (IcReport *report)
{
  g_autofree char *date = ic_ui_report_date (report);

  /* Translators: a report, "Focused visit, 12 May 2023" */
  return g_strdup_printf (_("%s, %s"), ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                          date);
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
  g_autofree char *report = report_name (other);
  /* Two items of one report may both be linked: the number tells them
   * apart, and says what Unlink would unlink. A carried-forward
   * statement is no item. */
  g_autofree char *name = ic_recurrence_get_carried_forward (recurrence) ? g_strdup (report)
                          /* Translators: "Focused visit, 12 May 2023, item 3" */
                          : g_strdup_printf (_("%s, item %u"), report, ref->index + 1);
  const char *concept = ic_recurrence_get_concept_label (recurrence);
  const char *why = concept ? concept : ic_theme_get_label (ic_recurrence_get_theme (recurrence));

  if (ic_recurrence_get_carried_forward (recurrence))
    /* Translators: "Carried forward: Focused visit, 12 May 2023 (the report says earlier areas remain)" */
    return g_strdup_printf (later ? _("Carried forward: %s (the report says earlier areas remain)")
                                  : _("Carried forward from: %s (this report says its areas remain)"),
                            name);
  if (ic_recurrence_get_user_linked (recurrence))
    /* Translators: "Raised again: Focused visit, 12 May 2023 (linked by you)" */
    return g_strdup_printf (later ? _("Raised again: %s (linked by you)") : _("Raised before: %s (linked by you)"),
                            name);
  /* Translators: "Raised again: Focused visit, 12 May 2023 (same concern: front door)" */
  return g_strdup_printf (later ? _("Raised again: %s (same concern: %s)") : _("Raised before: %s (same concern: %s)"),
                          name, why);
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
  gtk_widget_set_tooltip_text (button, _("Open that report"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ic_report_get_source (other));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-report");
  return button;
}

/* Unlink says the two items are not the same concern: a correction on
 * the later report. Even for a link the user made: taking that back
 * would leave the method's word, which may be the same link. */
static GtkWidget *
unlink_button (IcRecurrence *recurrence,
               IcReport     *other)
{
  const IcItemRef *later = ic_recurrence_get_later (recurrence);
  g_autofree char *field = ic_ui_recurrence_field (ic_recurrence_get_earlier (recurrence), later);
  const char *later_id = ic_report_get_content_id (later->report);
  g_autofree char *name = report_name (other);
  g_autofree char *a11y = NULL;
  GtkWidget *button;

  if (field == NULL || later_id == NULL)
    return NULL;
  button = gtk_button_new_with_mnemonic (_("_Unlink"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-unlink");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Not the same concern: remove this link (Undo puts it back)"));
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
 *   (a carried-forward statement has no item of its own to unlink)
 */
GtkWidget *
ic_ui_recurrence_link (IcRecurrence *recurrence,
                       gboolean      later)
{
  IcReport *other = later ? ic_recurrence_get_later (recurrence)->report
                          : ic_recurrence_get_earlier (recurrence)->report;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *unlink = NULL;

  gtk_box_append (GTK_BOX (box), open_button (recurrence, other, later));
  if (!ic_recurrence_get_carried_forward (recurrence))
    unlink = unlink_button (recurrence, other);
  if (unlink != NULL)
    gtk_box_append (GTK_BOX (box), unlink);
  return box;
}

static gboolean
is_linked (GPtrArray *recurrences,
           IcReport  *report,
           guint      index,
           IcReport  *earlier,
           guint      earlier_index)
{
  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      const IcItemRef *e = ic_recurrence_get_earlier (r), *l = ic_recurrence_get_later (r);

      if (!ic_recurrence_get_carried_forward (r) && l->report == report && l->index == index &&
          e->report == earlier && e->index == earlier_index)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_earlier (IcReport *earlier,
            IcReport *report)
{
  const GDate *de = ic_report_get_sort_date (earlier);
  const GDate *dr = ic_report_get_sort_date (report);

  return de != NULL && dr != NULL && g_date_compare (de, dr) < 0 &&
         ic_report_get_content_id (earlier) != NULL &&
         g_list_model_get_n_items (ic_report_get_improvements (earlier)) > 0;
}

/* "3. The quality of plans for children …" */
static char *
menu_item_label (IcImprovement *item,
                 guint          index)
{
  g_autofree char *text = ic_display_text (ic_improvement_get_text (item));
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > MENU_ITEM_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, MENU_ITEM_CHARS);

      shown = g_strconcat (cut, "\u2026", NULL);
    }
  return g_strdup_printf ("%u. %s", index + 1, shown ? shown : text);
}

/* One section per earlier report: its items not linked to this one yet. */
static GMenu *
report_section (IcReport  *report,
                guint      index,
                IcReport  *earlier,
                GPtrArray *recurrences)
{
  GListModel *items = ic_report_get_improvements (earlier);
  GMenu *section = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      g_autofree char *label = NULL;
      g_autofree char *field = NULL;
      g_autoptr(GMenuItem) entry = NULL;

      if (is_linked (recurrences, report, index, earlier, i))
        continue;
      label = menu_item_label (item, i);
      field = g_strdup_printf ("improvements.%u.recurs_from.%s.%u", index,
                               ic_report_get_content_id (earlier), i);
      entry = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (entry, "win.correct",
                                               g_variant_new ("(sss)", ic_report_get_content_id (report),
                                                              field, "same"));
      g_menu_append_item (section, entry);
    }
  return section;
}

typedef struct
{
  IcReport   *report;
  guint       index;
  GListModel *same_authority;
  GPtrArray  *recurrences;
} SameArea;

static void
same_area_free (gpointer data)
{
  SameArea *same = data;

  g_object_unref (same->report);
  g_object_unref (same->same_authority);
  g_clear_pointer (&same->recurrences, g_ptr_array_unref);
  g_free (same);
}

/* The menu is built when opened: a page shows many items, and each menu
 * lists every item of the authority's earlier reports. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       data)
{
  SameArea *same = data;
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (same->same_authority);

  /* Latest first: the report before is the likeliest to repeat. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(IcReport) earlier = g_list_model_get_item (same->same_authority, i);
      g_autoptr(GMenu) section = NULL;
      g_autofree char *name = NULL;

      if (!is_earlier (earlier, same->report))
        continue;
      section = report_section (same->report, same->index, earlier, same->recurrences);
      if (g_menu_model_get_n_items (G_MENU_MODEL (section)) == 0)
        continue;
      name = report_name (earlier);
      g_menu_append_section (menu, name, G_MENU_MODEL (section));
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/**
 * ic_ui_same_area_button:
 * @report: the report shown
 * @index: the item's index in @report
 * @same_authority: the reports of @report's authority
 * @recurrences: (nullable) (element-type IcRecurrence): the links found
 *
 * Returns: (transfer floating) (nullable): a menu of the items of the
 *   authority's earlier reports, choosing one links it to item @index as
 *   the same area; NULL when there is no earlier item to link
 */
GtkWidget *
ic_ui_same_area_button (IcReport   *report,
                        guint       index,
                        GListModel *same_authority,
                        GPtrArray  *recurrences)
{
  SameArea *same;
  GtkWidget *button;
  g_autofree char *a11y = NULL;
  gboolean any = FALSE;

  if (ic_report_get_content_id (report) == NULL || same_authority == NULL)
    return NULL;
  for (guint i = 0; !any && i < g_list_model_get_n_items (same_authority); i++)
    {
      g_autoptr(IcReport) other = g_list_model_get_item (same_authority, i);

      any = is_earlier (other, report);
    }
  if (!any)
    return NULL;

  same = g_new0 (SameArea, 1);
  same->report = g_object_ref (report);
  same->index = index;
  same->same_authority = g_object_ref (same_authority);
  same->recurrences = recurrences ? g_ptr_array_ref (recurrences) : NULL;
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Same Area As…"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_menu_cb, same, same_area_free);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "recurrence-same-area");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Link this item to an item of an earlier report that raised the same area"));
  /* Translators: accessible name, "Link item 2 to an earlier item of the same area" */
  a11y = g_strdup_printf (_("Link item %u to an earlier item of the same area"), index + 1);
  ic_a11y_set_name (button, a11y);
  return button;
}
