/* ic-charts-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-charts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-ui-util.h"
#include "ic-chart-widget.h"
#include "ic-charts-view.h"

struct _IcChartsView
{
  GtkWidget      parent_instance;

  IcChartWidget *charts[4];
  /* Each card's text alternative: a toggle, the chart or the table. */
  GtkToggleButton *table_buttons[4];
  GtkListBox    *tables[4];
  GtkLabel      *table_captions[4];
  GtkLabel      *history_caption;

  /* template widgets */
  GtkFlowBox    *flow_box;
};

G_DEFINE_FINAL_TYPE (IcChartsView, ic_charts_view, GTK_TYPE_WIDGET)

static GMenuModel *
card_menu (IcChartKind kind)
{
  GMenu *menu = g_menu_new ();
  const char *key = ic_chart_kind_to_name (kind);
  struct { const char *label; const char *format; } formats[] = {
    { N_("Save as _PNG…"), "png" },
    { N_("Save as _SVG…"), "svg" },
    { N_("Save as P_DF…"), "pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *target = g_strdup_printf ("%s.%s", key, formats[i].format);
      g_autoptr(GMenuItem) item = g_menu_item_new (_(formats[i].label), NULL);

      g_menu_item_set_action_and_target (item, "win.save-chart", "s", target);
      g_menu_append_item (menu, item);
    }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Print…"), NULL);

    g_menu_item_set_action_and_target (item, "win.print-chart", "s", key);
    g_menu_append_item (menu, item);
  }
  return G_MENU_MODEL (menu);
}

/* One line per row of the chart's table, each value after its column's
 * title ("Overall effectiveness: Outstanding 2, Good 5, …"), so that a
 * line read alone says what its numbers are. */
static char *
table_line (char **header,
            char **row)
{
  GString *line = g_string_new (row[0]);

  for (guint i = 1; row[i] != NULL; i++)
    {
      g_string_append (line, i == 1 ? ": " : ", ");
      if (header[i] != NULL)
        g_string_append_printf (line, "%s ", header[i]);
      g_string_append (line, row[i]);
    }
  return g_string_free (line, FALSE);
}

static void
fill_table (IcChartsView *self,
            guint         index)
{
  IcChart *chart = ic_chart_widget_get_chart (self->charts[index]);
  g_autoptr(GPtrArray) table = chart != NULL ? ic_chart_get_table (chart) : NULL;
  GtkWidget *child;

  g_autofree char *caption = chart != NULL ? ic_chart_get_subtitle (chart) : NULL;

  gtk_label_set_label (self->table_captions[index], caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->table_captions[index]), caption != NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables[index]))) != NULL)
    gtk_list_box_remove (self->tables[index], child);
  for (guint i = 1; table != NULL && i < table->len; i++)
    {
      g_autofree char *text = table_line (g_ptr_array_index (table, 0), g_ptr_array_index (table, i));
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_list_box_append (self->tables[index], row);
    }
}

static guint
card_index (IcChartsView *self,
            gpointer      widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    if (widget == self->charts[i] || widget == self->table_buttons[i])
      return i;
  g_assert_not_reached ();
}

static void
table_toggled_cb (GtkToggleButton *button,
                  IcChartsView    *self)
{
  guint index = card_index (self, button);
  gboolean table = gtk_toggle_button_get_active (button);

  if (table)
    fill_table (self, index);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->table_captions[index]), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->charts[index]), !table);
  gtk_widget_set_visible (GTK_WIDGET (self->tables[index]), table);
}

/* The reports or the filter changed: a table shown follows. */
static void
chart_prepared_cb (IcChartWidget *chart,
                   IcChartsView  *self)
{
  guint index = card_index (self, chart);

  if (gtk_toggle_button_get_active (self->table_buttons[index]))
    fill_table (self, index);
}

static GtkWidget *
card_table_button (IcChartsView *self,
                   IcChartKind   kind,
                   guint         index)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (_("Show as _Table"));
  g_autofree char *name = g_strdup_printf (_("Show %s as a table"), ic_chart_widget_kind_to_title (kind));

  gtk_widget_set_tooltip_text (button, _("The chart's numbers as a list, for reading or a screen reader"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "toggled", G_CALLBACK (table_toggled_cb), self);
  self->table_buttons[index] = GTK_TOGGLE_BUTTON (button);
  return button;
}

/* In the chart's place when its toggle is on: the list of its numbers.
 * A sibling of the chart rather than a stack around it, so that the
 * card stays the chart's parent. */
static GtkWidget *
card_table (IcChartsView *self,
            IcChartKind   kind,
            GtkWidget    *chart,
            guint         index)
{
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *name = g_strdup_printf (_("%s as a list"), ic_chart_widget_kind_to_title (kind));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_vexpand (list, TRUE);
  gtk_widget_set_visible (list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (chart, "prepared", G_CALLBACK (chart_prepared_cb), self);
  self->tables[index] = GTK_LIST_BOX (list);
  return list;
}

/* Above the table, what the chart says it counts (the chart draws that
 * line itself, and is hidden while its table is shown). */
static GtkWidget *
card_table_caption (IcChartsView *self,
                    guint         index)
{
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_visible (caption, FALSE);
  self->table_captions[index] = GTK_LABEL (caption);
  return caption;
}

static GtkWidget *
card_new (IcChartsView      *self,
          IcChartKind  kind,
          guint              index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (ic_chart_widget_kind_to_title (kind));
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = card_menu (kind);
  GtkWidget *chart = ic_chart_widget_new (kind);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("Save or Print"));
  {
    /* Four cards, four menus: each says which chart it saves. */
    g_autofree char *name = g_strdup_printf (_("Save or print %s"),
                                             ic_chart_widget_kind_to_title (kind));

    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    name, -1);
  }
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), card_table_button (self, kind, index));
  gtk_box_append (GTK_BOX (header), menu_button);
  gtk_box_append (GTK_BOX (card), header);
  if (kind == IC_CHART_HISTORY)
    {
      /* Says which authorities are drawn, and why those. */
      GtkWidget *caption = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (card), caption);
      self->history_caption = GTK_LABEL (caption);
    }
  gtk_widget_set_vexpand (chart, TRUE);
  self->charts[index] = IC_CHART_WIDGET (chart);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_box_append (GTK_BOX (card), card_table_caption (self, index));
  gtk_box_append (GTK_BOX (card), card_table (self, kind, chart, index));
  return card;
}

static void
ic_charts_view_dispose (GObject *object)
{
  ic_ui_dispose_template (GTK_WIDGET (object), IC_TYPE_CHARTS_VIEW);
  G_OBJECT_CLASS (ic_charts_view_parent_class)->dispose (object);
}

static void
ic_charts_view_class_init (IcChartsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_charts_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-charts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcChartsView, flow_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_charts_view_init (IcChartsView *self)
{
  static const IcChartKind kinds[] = {
    IC_CHART_GRADES, IC_CHART_THEMES,
    IC_CHART_HISTORY, IC_CHART_YEARS,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *card = card_new (self, kinds[i], i);

      gtk_flow_box_append (self->flow_box, card);
      /* The flow box's child takes the focus: named by its chart. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ic_chart_widget_kind_to_title (kinds[i]), -1);
    }
  ic_charts_view_set_peer_group (self, NULL, NULL);
}

static IcChartWidget *
history_chart (IcChartsView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    if (ic_chart_widget_get_kind (self->charts[i]) == IC_CHART_HISTORY)
      return self->charts[i];
  g_assert_not_reached ();
}

/**
 * ic_charts_view_set_peer_group:
 * @anchor: (nullable): the authority compared with its neighbours
 * @group: (nullable) (array zero-terminated=1): @anchor and its
 *   neighbours
 *
 * The grade history draws the peer group's members, or without one the
 * six authorities with the most graded reports; its caption says which.
 */
void
ic_charts_view_set_peer_group (IcChartsView       *self,
                               const char         *anchor,
                               const char * const *group)
{
  g_autofree char *caption = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (IC_IS_CHARTS_VIEW (self));

  if (anchor != NULL && group != NULL)
    caption = g_strdup_printf (_("%s and its statistical neighbours, those with graded reports shown."),
                               anchor);
  else
    caption = g_strdup (_("The six authorities shown with the most graded reports."));
  gtk_label_set_label (self->history_caption, caption);
  ic_chart_widget_set_authorities (history_chart (self), anchor != NULL ? group : NULL);
  description = g_strdup_printf ("%s %s", ic_chart_widget_kind_to_description (IC_CHART_HISTORY),
                                 caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (history_chart (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/**
 * ic_charts_view_get_table_list:
 *
 * Returns: (transfer none): the list shown by a card's "Show as Table"
 *   in place of its chart of @kind
 */
GtkListBox *
ic_charts_view_get_table_list (IcChartsView *self,
                               IcChartKind   kind)
{
  g_return_val_if_fail (IC_IS_CHARTS_VIEW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    if (ic_chart_widget_get_kind (self->charts[i]) == kind)
      return self->tables[i];
  return NULL;
}

/**
 * ic_charts_view_show_table:
 *
 * Shows the card's table (or its chart again) as its toggle does.
 */
void
ic_charts_view_show_table (IcChartsView *self,
                           IcChartKind   kind,
                           gboolean      table)
{
  g_return_if_fail (IC_IS_CHARTS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    if (ic_chart_widget_get_kind (self->charts[i]) == kind)
      gtk_toggle_button_set_active (self->table_buttons[i], table);
}

void
ic_charts_view_set_model (IcChartsView *self,
                          GListModel   *model)
{
  g_return_if_fail (IC_IS_CHARTS_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    ic_chart_widget_set_model (self->charts[i], model);
}
