/* ic-timeline-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ic-ui-util.h"
#include "ic-chart-widget.h"
#include "ic-a11y.h"
#include "ic-themes.h"
#include "ic-timeline-view.h"
#include "ic-ui-util.h"

struct _IcTimelineView
{
  GtkWidget      parent_instance;

  /* What the table lists: the marks of this chart, which owns what
   * their hits point to. */
  IcChart       *table_chart;
  GArray        *table_marks;

  /* template widgets */
  IcChartWidget *chart;
  GtkStack      *chart_stack;
  GtkToggleButton *table_button;
  GtkListView   *table_view;
  GtkRevealer   *details_revealer;
  GtkListBox    *details_list;
  GtkButton     *details_search;
  GtkLabel      *details_title;
};

G_DEFINE_FINAL_TYPE (IcTimelineView, ic_timeline_view, GTK_TYPE_WIDGET)

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IcTimelineView *self = IC_TIMELINE_VIEW (widget);
  double zoom = ic_chart_widget_get_zoom (self->chart);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom *= 1.5;
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom /= 1.5;
  else
    zoom = 1.0;
  ic_chart_widget_set_zoom (self->chart, zoom);
}

/* A report behind a mark. A cell of the heat strip spans authorities,
 * so there each row leads with the authority's name; a mark of one
 * authority names it in the panel's title already. */
static GtkWidget *
report_row (IcReport *report,
            gboolean  name_authority)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open"));
  g_autofree char *date = ic_ui_report_date (report);
  const char *type = ic_inspection_type_to_label (ic_report_get_inspection_type (report));
  g_autofree char *type_and_date = NULL;

  /* Titles and subtitles are text read from reports, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (name_authority)
    {
      /* The panel is narrow: the line may wrap, but not inside the date. */
      g_auto(GStrv) date_words = g_strsplit (date, " ", -1);
      g_autofree char *unbroken_date = g_strjoinv ("\u00a0", date_words);

      /* TRANSLATORS: a report's inspection type and date, e.g.
       * "Inspection (ILACS) · 4 February 2022" */
      type_and_date = g_strdup_printf (_("%s · %s"), type, unbroken_date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ic_report_get_authority (report));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), type_and_date);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), type);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ic_report_get_source (report));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-report");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static gboolean
report_in_year (IcReport *report,
                int       year)
{
  const GDate *date = ic_report_get_sort_date (report);

  return date != NULL && g_date_valid (date) && g_date_get_year (date) == year;
}

/* A theme's mark, like a theme chip on a report page, leads to the
 * search for the theme's items across every report (the theme rules'
 * query); a theme without a query, or a mark of no theme, has none. */
static void
show_theme_search (IcTimelineView *self,
                   const char     *theme)
{
  g_autofree char *query = theme ? ic_theme_rules_get_query (ic_theme_rules_get_default (), theme) : NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->details_search), query != NULL);
  if (query == NULL)
    return;
  name = g_strdup_printf (_("Search every report for %s"), ic_theme_get_label (theme));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details_search), name);
  ic_a11y_set_name (GTK_WIDGET (self->details_search), name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->details_search), "s", query);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->details_search), "win.search");
}

/* A click on a mark lists the reports behind it: every report of that
 * authority raising that theme, each with a link to open it. */
static void
hit_activated_cb (IcTimelineView   *self,
                  const IcChartHit *hit,
                  IcChartWidget    *chart)
{
  GListModel *model = ic_chart_widget_get_model (chart);
  const char *authority = hit->authority;
  g_autofree char *title = ic_chart_widget_describe_hit (hit);
  GtkWidget *child;
  guint n = model ? g_list_model_get_n_items (model) : 0;

  if (authority == NULL && hit->report != NULL)
    authority = ic_report_get_authority (hit->report);
  /* A cell of the heat strip: every authority's reports that year. */
  if (hit->report == NULL && hit->year > 0)
    authority = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_list))) != NULL)
    gtk_list_box_remove (self->details_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (model, i);
      gboolean raises = hit->theme == NULL;
      GListModel *items = ic_report_get_improvements (report);

      if (authority != NULL && g_strcmp0 (ic_report_get_authority (report), authority) != 0)
        continue;
      if (authority == NULL && !report_in_year (report, hit->year))
        continue;
      for (guint j = 0; !raises && j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, j);
          raises = ic_improvement_has_theme (item, hit->theme);
        }
      if (raises || report == hit->report)
        gtk_list_box_append (self->details_list, report_row (report, authority == NULL));
    }

  gtk_label_set_label (self->details_title, title ? title : "");
  show_theme_search (self, hit->theme);
  gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
}

/* The table lists what the chart draws, one line per mark (or per heat
 * cell with its count), in the keyboard's order. */
static void
fill_table (IcTimelineView *self)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  GArray *marks = ic_chart_widget_get_marks (self->chart);

  g_clear_pointer (&self->table_marks, g_array_unref);
  g_clear_pointer (&self->table_chart, ic_chart_unref);
  if (marks != NULL && ic_chart_widget_get_chart (self->chart) != NULL)
    {
      self->table_marks = g_array_ref (marks);
      self->table_chart = ic_chart_ref (ic_chart_widget_get_chart (self->chart));
      for (guint i = 0; i < marks->len; i++)
        {
          /* With its count, for a cell of the heat strip. */
          g_autofree char *text = ic_chart_widget_describe_hit (&g_array_index (marks, IcChartMark, i).hit);

          gtk_string_list_append (lines, text ? text : "");
        }
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)));
  gtk_list_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
}

static void
table_toggled_cb (IcTimelineView  *self,
                  GtkToggleButton *button)
{
  gboolean table = gtk_toggle_button_get_active (button);

  if (table)
    fill_table (self);
  gtk_stack_set_visible_child_name (self->chart_stack, table ? "table" : "chart");
}

static void
chart_prepared_cb (IcTimelineView *self)
{
  if (gtk_toggle_button_get_active (self->table_button))
    fill_table (self);
}

/* Enter on a line does what a click on its mark does. */
static void
table_activate_cb (IcTimelineView *self,
                   guint           position,
                   GtkListView    *view)
{
  if (self->table_marks == NULL || position >= self->table_marks->len)
    return;
  hit_activated_cb (self, &g_array_index (self->table_marks, IcChartMark, position).hit, self->chart);
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (IC_TIMELINE_VIEW (widget)->details_revealer, FALSE);
}

static void
ic_timeline_view_dispose (GObject *object)
{
  IcTimelineView *self = IC_TIMELINE_VIEW (object);

  g_clear_pointer (&self->table_marks, g_array_unref);
  g_clear_pointer (&self->table_chart, ic_chart_unref);
  ic_ui_dispose_template (GTK_WIDGET (object), IC_TYPE_TIMELINE_VIEW);
  G_OBJECT_CLASS (ic_timeline_view_parent_class)->dispose (object);
}

static void
ic_timeline_view_class_init (IcTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_timeline_view_dispose;

  g_type_ensure (IC_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, details_search);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, details_list);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, details_title);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, table_button);
  gtk_widget_class_bind_template_child (widget_class, IcTimelineView, table_view);
  gtk_widget_class_bind_template_callback (widget_class, hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_prepared_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.close-details", NULL,
                                   close_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-reset", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
table_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
table_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* GTK 4.8 names a list row by its type: name it by its line. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_list_item_get_child (item))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static GtkListItemFactory *
table_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (table_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (table_bind_cb), NULL);
  return factory;
}

static void
ic_timeline_view_init (IcTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = table_factory ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ic_a11y_hide_when_empty (self->details_title);
  gtk_list_view_set_factory (self->table_view, factory);
  /* The chart scrolls to the mark the keyboard is on itself; the
   * viewport's own scroll to the chart as it takes the focus went to
   * its far end, the years above the marks out of sight. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_widget_get_parent (GTK_WIDGET (self->chart))), FALSE);
}

void
ic_timeline_view_set_model (IcTimelineView *self,
                            GListModel     *model)
{
  g_return_if_fail (IC_IS_TIMELINE_VIEW (self));
  ic_chart_widget_set_model (self->chart, model);
}
