/* ic-correction-widgets.c
 *
 * Every control only activates an action with the report's content id,
 * the field (named as in ic-corrections.h) and the new value; the window
 * saves it, refreshes the report everywhere and offers Undo. The page is
 * built again afterwards, so no control keeps state of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-correction-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-display-text.h"
#include "ic-authorities.h"
#include "ic-a11y.h"
#include "ic-correction-widgets.h"
#include "ic-themes.h"
#include "ic-ui-util.h"

gboolean
ic_ui_is_corrected (IcReport   *report,
                    const char *field)
{
  const char * const *corrected = ic_report_get_corrected_fields (report);

  return corrected != NULL && g_strv_contains (corrected, field);
}

/* A greyed control says why, to the eye and to a screen reader alike. */
static void
explain_greyed (GtkWidget  *control,
                const char *why)
{
  gtk_widget_set_tooltip_text (control, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
}

/* Corrections are kept by a report's content id, the SHA-256 of its
 * file's bytes. The loader gives one to every report it reads, text
 * files as well as PDFs (the corpus: 292 reports of 292, its 5 text
 * files among them), so only a report not read from a file lacks one.
 * A control that would correct such a report is greyed and says so,
 * rather than being greyed with no reason given. */
gboolean
ic_ui_grey_if_uncorrectable (GtkWidget *control,
                             IcReport  *report)
{
  gboolean correctable = ic_report_get_content_id (report) != NULL;

  gtk_widget_set_sensitive (control, correctable);
  if (!correctable)
    explain_greyed (control, _("Only a report read from a file can be corrected: "
                               "corrections are kept by the file's content"));
  return correctable;
}

static void
correct (GtkWidget  *widget,
         IcReport   *report,
         const char *field,
         const char *value)
{
  gtk_widget_activate_action (widget, "win.correct", "(sss)",
                              ic_report_get_content_id (report), field, value);
}

/* "Revert to the value as read": shown only next to a corrected value. */
GtkWidget *
ic_ui_revert_button (IcReport   *report,
                     const char *field)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_widget_set_tooltip_text (button, _("Revert to the value as read"));
  ic_a11y_set_name (button, _("Revert to the value as read"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Only a report with a content id has corrections to revert. */
  if (ic_report_get_content_id (report) != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                        ic_report_get_content_id (report), field);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.revert-correction");
    }
  gtk_widget_set_visible (button, ic_ui_is_corrected (report, field));
  return button;
}

/* A row of the details: words read from a report, so not markup. */
static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *clean_title = ic_display_text (title);
  g_autofree char *clean_subtitle = ic_display_text (subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), clean_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), clean_subtitle);
  return row;
}

static GtkWidget *
detail_row (IcReport   *report,
            const char *title,
            const char *value,
            const char *field,
            GtkWidget  *editor)
{
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (ic_ui_is_corrected (report, field))
    subtitle = g_strdup_printf (_("%s · corrected by you"), value);
  row = text_row (title, subtitle ? subtitle : value);
  gtk_widget_set_valign (editor, GTK_ALIGN_CENTER);
  ic_ui_grey_if_uncorrectable (editor, report);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ic_ui_revert_button (report, field));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), editor);
  g_object_set_data_full (G_OBJECT (editor), "ic-field", g_strdup (field), g_free);
  g_object_set_data_full (G_OBJECT (editor), "ic-report", g_object_ref (report), g_object_unref);
  return row;
}

static void
authority_selected_cb (GtkDropDown *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);
  IcReport *report = g_object_get_data (G_OBJECT (drop_down), "ic-report");

  if (item != NULL &&
      g_strcmp0 (gtk_string_object_get_string (item), ic_report_get_authority (report)) != 0)
    correct (GTK_WIDGET (drop_down), report, "authority", gtk_string_object_get_string (item));
}

/* Every authority Ofsted inspects, with search: there are over 150. */
static GtkWidget *
authority_editor (IcReport *report)
{
  GPtrArray *all = ic_authorities_get_all ();  /* owned by the table */
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkExpression *expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *drop_down;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < all->len; i++)
    {
      const char *name = ic_authority_get_name (g_ptr_array_index (all, i));

      if (g_strcmp0 (name, ic_report_get_authority (report)) == 0)
        selected = i;
      gtk_string_list_append (names, name);
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (names), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_tooltip_text (drop_down, _("Correct the authority"));
  ic_a11y_name_drop_down (GTK_DROP_DOWN (drop_down), _("Authority"));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (authority_selected_cb), NULL);
  return drop_down;
}

static void
type_selected_cb (GtkDropDown *drop_down)
{
  IcReport *report = g_object_get_data (G_OBJECT (drop_down), "ic-report");
  guint type = gtk_drop_down_get_selected (drop_down);

  if (type < IC_N_INSPECTION_TYPES && type != (guint) ic_report_get_inspection_type (report))
    correct (GTK_WIDGET (drop_down), report, "inspection_type", ic_inspection_type_to_key (type));
}

static GtkWidget *
type_editor (IcReport *report)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  GtkWidget *drop_down;

  for (IcInspectionType t = 0; t < IC_N_INSPECTION_TYPES; t++)
    g_strv_builder_add (builder, ic_inspection_type_to_label (t));
  labels = g_strv_builder_end (builder);
  drop_down = gtk_drop_down_new_from_strings ((const char * const *) labels);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), ic_report_get_inspection_type (report));
  gtk_widget_set_tooltip_text (drop_down, _("Correct the kind of inspection"));
  ic_a11y_name_drop_down (GTK_DROP_DOWN (drop_down), _("Kind of inspection"));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (type_selected_cb), NULL);
  return drop_down;
}

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkWidget   *button)
{
  IcReport *report = g_object_get_data (G_OBJECT (button), "ic-report");
  const char *field = g_object_get_data (G_OBJECT (button), "ic-field");
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  correct (button, report, field, iso);
}

/* A calendar in a popover, opened on the date as read. */
static GtkWidget *
date_editor (const GDate *date,
             const char  *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  if (date != NULL && g_date_valid (date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date),
                                                        g_date_get_month (date),
                                                        g_date_get_day (date), 12, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, tooltip);
  ic_a11y_set_name (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), button);
  return button;
}

static char *
date_text (const GDate *date)
{
  char buffer[64];

  if (date == NULL || !g_date_valid (date))
    return g_strdup (_("Not found"));
  g_date_strftime (buffer, sizeof buffer, "%e %B %Y", date);
  return g_strdup (g_strstrip (buffer));
}

/* Authority, kind of inspection and dates: what the matrix and timeline
 * are arranged by, so a misread one is worth correcting. */
void
ic_ui_fill_details (GtkListBox *list,
                    IcReport   *report)
{
  g_autofree char *start = date_text (ic_report_get_start_date (report));
  g_autofree char *end = date_text (ic_report_get_end_date (report));
  const char *authority = ic_report_get_authority (report);

  gtk_list_box_append (list, detail_row (report, _("Authority"),
                                         authority ? authority : _("Unknown authority"),
                                         "authority", authority_editor (report)));
  gtk_list_box_append (list, detail_row (report, _("Inspection"),
                                         ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                                         "inspection_type", type_editor (report)));
  gtk_list_box_append (list, detail_row (report, _("Started"), start, "start_date",
                                         date_editor (ic_report_get_start_date (report),
                                                      _("Correct the first day of the inspection"))));
  gtk_list_box_append (list, detail_row (report, _("Ended"), end, "end_date",
                                         date_editor (ic_report_get_end_date (report),
                                                      _("Correct the last day of the inspection"))));
  /* Shown as printed; nothing is arranged by it, so it has no editor. */
  if (ic_report_get_lead_inspector (report) != NULL)
    gtk_list_box_append (list, text_row (_("Lead inspector"), ic_report_get_lead_inspector (report)));
}

char *
ic_ui_themes_field (guint index)
{
  return g_strdup_printf ("improvements.%u.themes", index);
}

/* The item's themes with @remove left out or @add added, as the
 * comma-separated value of a themes correction. */
static char *
themes_value (const char * const *themes,
              const char         *remove,
              const char         *add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    if (g_strcmp0 (themes[i], remove) != 0)
      g_strv_builder_add (builder, themes[i]);
  if (add != NULL)
    g_strv_builder_add (builder, add);
  list = g_strv_builder_end (builder);
  return g_strjoinv (",", list);
}

/* The chip's name searches every report for the theme's terms (the
 * theme rules' query); a theme without one is just its name. */
static GtkWidget *
theme_search_button (const char *theme)
{
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), theme);
  g_autofree char *tooltip = NULL;
  GtkWidget *button;

  if (query == NULL)
    return gtk_label_new (ic_theme_get_label (theme));
  button = gtk_button_new_with_label (ic_theme_get_label (theme));
  tooltip = g_strdup_printf (_("Search every report for %s"), ic_theme_get_label (theme));
  gtk_widget_set_tooltip_text (button, tooltip);
  ic_a11y_set_name (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", query);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search");
  return button;
}

static GtkWidget *
theme_chip (IcReport           *report,
            const char         *field,
            const char * const *themes,
            guint               i)
{
  /* The name's button has no padding (style.css): the × stands apart. */
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *value = themes_value (themes, themes[i], NULL);
  g_autofree char *tooltip = g_strdup_printf (_("Remove the theme %s"), ic_theme_get_label (themes[i]));

  gtk_box_append (GTK_BOX (chip), theme_search_button (themes[i]));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, tooltip);
  ic_a11y_set_name (remove, tooltip);
  if (ic_ui_grey_if_uncorrectable (remove, report))
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(sss)",
                                        ic_report_get_content_id (report), field, value);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.correct");
    }
  gtk_box_append (GTK_BOX (chip), remove);
  gtk_widget_add_css_class (chip, "theme-chip");
  if (i == 0)
    gtk_widget_add_css_class (chip, "main");
  return chip;
}

/* The words say "three". */
G_STATIC_ASSERT (IC_MAX_THEMES == 3);

/* A greyed "+" says why, to the eye and to a screen reader alike. */
static void
explain_add_theme (GtkWidget *button,
                   gboolean   full)
{
  gtk_widget_set_sensitive (button, !full);
  if (full)
    explain_greyed (button, _("An item has at most three themes: remove one to add another"));
  else
    gtk_widget_set_tooltip_text (button, _("Add a Theme"));
}

static GtkWidget *
add_theme_button (IcReport           *report,
                  const char         *field,
                  const char * const *themes)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  const char * const *keys = ic_theme_get_keys ();
  gboolean full = themes != NULL && g_strv_length ((char **) themes) >= IC_MAX_THEMES;
  gboolean correctable = ic_ui_grey_if_uncorrectable (button, report);

  for (guint k = 0; correctable && keys[k] != NULL; k++)
    {
      g_autofree char *value = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (themes != NULL && g_strv_contains (themes, keys[k]))
        continue;
      value = themes_value (themes, NULL, keys[k]);
      item = g_menu_item_new (ic_theme_get_label (keys[k]), NULL);
      g_menu_item_set_action_and_target (item, "win.correct", "(sss)",
                                         ic_report_get_content_id (report), field, value);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  ic_a11y_set_name (button, _("Add a theme"));
  gtk_widget_add_css_class (button, "flat");
  if (correctable)
    explain_add_theme (button, full);
  return button;
}

/* The item's theme chips, each removable, and a menu to add one (an
 * item has at most IC_MAX_THEMES). */
GtkWidget *
ic_ui_theme_editor (IcReport      *report,
                    IcImprovement *item,
                    guint          index)
{
  const char * const *themes = ic_improvement_get_themes (item);
  g_autofree char *field = ic_ui_themes_field (index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    gtk_box_append (GTK_BOX (box), theme_chip (report, field, themes, i));
  gtk_box_append (GTK_BOX (box), add_theme_button (report, field, themes));
  if (ic_ui_is_corrected (report, field))
    {
      GtkWidget *note = gtk_label_new (_("Corrected by you"));

      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
      gtk_box_append (GTK_BOX (box), ic_ui_revert_button (report, field));
    }
  return box;
}
