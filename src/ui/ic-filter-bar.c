/* ic-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-ui-util.h"
#include "ic-authority-info.h"
#include "ic-a11y.h"
#include "ic-filter-bar.h"
#include "ic-wrap-layout.h"

#define FIRST_YEAR 2009

struct _IcFilterBar
{
  GtkWidget       parent_instance;

  IcReportFilter *filter;
  char          **regions;
  char          **peer_names;   /* authorities with statistical neighbours */
  guint           last_year;
  gboolean        syncing;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *type_dropdown;
  GtkDropDown    *region_dropdown;
  GtkDropDown    *from_dropdown;
  GtkDropDown    *to_dropdown;
  GtkDropDown    *compare_dropdown;
  GtkWidget      *peer_box;
  GtkLabel       *peer_label;
};

G_DEFINE_FINAL_TYPE (IcFilterBar, ic_filter_bar, GTK_TYPE_WIDGET)

static GtkStringList *
type_strings (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All Report Types"));
  for (guint t = 0; t < IC_N_INSPECTION_TYPES; t++)
    gtk_string_list_append (list, ic_inspection_type_to_label (t));
  return list;
}

static GtkStringList *
year_strings (IcFilterBar *self,
              const char  *any)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint y = FIRST_YEAR; y <= self->last_year; y++)
    {
      g_autofree char *text = g_strdup_printf ("%u", y);
      gtk_string_list_append (list, text);
    }
  return list;
}

static guint
year_to_position (IcFilterBar *self,
                  int          year)
{
  if (year < FIRST_YEAR || (guint) year > self->last_year)
    return 0;
  return year - FIRST_YEAR + 1;
}

static guint
peer_to_position (IcFilterBar *self,
                  const char  *peer)
{
  for (guint i = 0; peer != NULL && self->peer_names[i] != NULL; i++)
    if (g_str_equal (self->peer_names[i], peer))
      return i + 1;
  return 0;
}

/* The chip beside "Compare With…" says how big the group is and, when a
 * search narrows it, that the two are combined: a search left over from
 * before must never hide part of a peer group unsaid. */
static void
show_peer_group (IcFilterBar *self)
{
  IcFilterSpec *spec = ic_report_filter_get_spec (self->filter);
  const char * const *group = ic_filter_spec_get_peer_group (spec);
  /* As typed: the filter keeps it folded to lower case. */
  const char *search = ic_report_filter_get_search (self->filter) != NULL
                       ? gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) : NULL;
  guint n = group != NULL ? g_strv_length ((char **) group) : 0;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->peer_box, group != NULL);
  if (group == NULL)
    return;
  if (search != NULL)
    text = g_strdup_printf (ngettext ("Names containing “%2$s” among %1$u authority",
                                      "Names containing “%2$s” among %1$u authorities", n),
                            n, search);
  else
    text = g_strdup_printf (ngettext ("%u authority", "%u authorities", n), n);
  gtk_label_set_label (self->peer_label, text);
}

/* Filter -> widgets, when the filter was restored from settings or reset. */
static void
sync_from_filter (IcFilterBar *self)
{
  const char *type_key = ic_report_filter_get_type_key (self->filter);
  const char *region = ic_report_filter_get_region (self->filter);
  const char *peer = ic_report_filter_get_peer (self->filter);
  IcInspectionType type;
  guint region_pos = 0;

  self->syncing = TRUE;
  if (ic_report_filter_get_search (self->filter) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->type_dropdown,
                              ic_inspection_type_from_key (type_key, &type) ? type + 1 : 0);
  for (guint i = 0; region != NULL && self->regions[i] != NULL; i++)
    if (g_str_equal (self->regions[i], region))
      region_pos = i + 1;
  gtk_drop_down_set_selected (self->region_dropdown, region_pos);
  gtk_drop_down_set_selected (self->from_dropdown,
                              year_to_position (self, ic_report_filter_get_from_year (self->filter)));
  gtk_drop_down_set_selected (self->to_dropdown,
                              year_to_position (self, ic_report_filter_get_to_year (self->filter)));
  gtk_drop_down_set_selected (self->compare_dropdown, peer_to_position (self, peer));
  show_peer_group (self);
  self->syncing = FALSE;
}

static void
search_changed_cb (IcFilterBar    *self,
                   GtkSearchEntry *entry)
{
  if (self->filter != NULL && !self->syncing)
    ic_report_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
dropdown_changed_cb (IcFilterBar *self,
                     GParamSpec  *pspec,
                     GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (dropdown);

  if (self->filter == NULL || self->syncing)
    return;

  if (dropdown == self->type_dropdown)
    ic_report_filter_set_type_key (self->filter,
                                   pos == 0 ? NULL : ic_inspection_type_to_key (pos - 1));
  else if (dropdown == self->region_dropdown)
    ic_report_filter_set_region (self->filter, pos == 0 ? NULL : self->regions[pos - 1]);
  else if (dropdown == self->from_dropdown)
    ic_report_filter_set_from_year (self->filter, pos == 0 ? 0 : (int) (FIRST_YEAR + pos - 1));
  else if (dropdown == self->to_dropdown)
    ic_report_filter_set_to_year (self->filter, pos == 0 ? 0 : (int) (FIRST_YEAR + pos - 1));
  else if (dropdown == self->compare_dropdown)
    {
      /* A new peer group is shown whole: a search typed before it would
       * hide some of its members. */
      if (pos != 0)
        ic_report_filter_set_search (self->filter, NULL);
      ic_report_filter_set_peer (self->filter, pos == 0 ? NULL : self->peer_names[pos - 1]);
    }
}

static void
clear_peer_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IcFilterBar *self = IC_FILTER_BAR (widget);

  if (self->filter != NULL)
    ic_report_filter_set_peer (self->filter, NULL);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IcFilterBar *self = IC_FILTER_BAR (widget);

  if (self->filter != NULL)
    ic_report_filter_reset (self->filter);
}

static void
ic_filter_bar_dispose (GObject *object)
{
  IcFilterBar *self = (IcFilterBar *)object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, sync_from_filter, self);
  g_clear_object (&self->filter);
  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_FILTER_BAR);

  G_OBJECT_CLASS (ic_filter_bar_parent_class)->dispose (object);
}

static void
ic_filter_bar_finalize (GObject *object)
{
  g_strfreev (IC_FILTER_BAR (object)->regions);
  g_strfreev (IC_FILTER_BAR (object)->peer_names);
  G_OBJECT_CLASS (ic_filter_bar_parent_class)->finalize (object);
}

static void
ic_filter_bar_class_init (IcFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_filter_bar_dispose;
  object_class->finalize = ic_filter_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, compare_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, peer_box);
  gtk_widget_class_bind_template_child (widget_class, IcFilterBar, peer_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);

  gtk_widget_class_install_action (widget_class, "filter.clear-peer", NULL, clear_peer_action);
  gtk_widget_class_install_action (widget_class, "filter.clear", NULL, clear_action);
  /* At 800 pixels the filters do not fit one line: they wrap. */
  gtk_widget_class_set_layout_manager_type (widget_class, IC_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "icfilterbar");
}

/* The button says what is compared ("Compare With…", "Peers of
 * Trafford"); the list below it names the authorities. */
static void
compare_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
compare_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  if (gtk_list_item_get_position (item) == 0)
    gtk_label_set_label (label, _("Compare With…"));
  else
    {
      text = g_strdup_printf (_("Peers of %s"), name);
      gtk_label_set_label (label, text);
    }
}

static void
compare_list_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
fill_compare_dropdown (IcFilterBar *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;

  gtk_string_list_append (names, _("All Authorities"));
  gtk_string_list_splice (names, 1, 0, (const char * const *) self->peer_names);
  gtk_drop_down_set_model (self->compare_dropdown, G_LIST_MODEL (names));
  g_signal_connect (factory, "setup", G_CALLBACK (compare_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (compare_bind_cb), NULL);
  gtk_drop_down_set_factory (self->compare_dropdown, factory);
  /* The list keeps the plain names, searched as the user types. */
  g_clear_object (&factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (compare_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (compare_list_bind_cb), NULL);
  gtk_drop_down_set_list_factory (self->compare_dropdown, factory);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->compare_dropdown, expression);
  gtk_drop_down_set_enable_search (self->compare_dropdown, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_dropdown), self->peer_names[0] != NULL);
}

static void
fill_dropdowns (IcFilterBar *self)
{
  g_autoptr(GtkStringList) types = type_strings ();
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) from = year_strings (self, _("Any Year"));
  g_autoptr(GtkStringList) to = year_strings (self, _("Any Year"));

  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  gtk_string_list_append (regions, _("All Regions"));
  gtk_string_list_splice (regions, 1, 0, (const char * const *) self->regions);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  /* Without authority data a region list would be empty: hide it. */
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), self->regions[0] != NULL);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (from));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (to));
}

static void
ic_filter_bar_init (IcFilterBar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_year = MAX (g_date_time_get_year (now), 2026);
  self->regions = ic_authority_info_list_regions ();
  self->peer_names = ic_authority_info_list_with_neighbours ();
  self->syncing = TRUE;
  fill_dropdowns (self);
  fill_compare_dropdown (self);
  self->syncing = FALSE;
  ic_a11y_name_drop_down (self->type_dropdown, _("Report type"));
  ic_a11y_name_drop_down (self->region_dropdown, _("Region"));
  ic_a11y_name_drop_down (self->from_dropdown, _("From year"));
  ic_a11y_name_drop_down (self->to_dropdown, _("To year"));
  ic_a11y_name_drop_down (self->compare_dropdown, _("Peer group"));
  ic_a11y_plain_button_names (GTK_WIDGET (self));
}

void
ic_filter_bar_set_filter (IcFilterBar    *self,
                          IcReportFilter *filter)
{
  g_return_if_fail (IC_IS_FILTER_BAR (self));
  g_return_if_fail (IC_IS_REPORT_FILTER (filter));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, sync_from_filter, self);
  g_set_object (&self->filter, filter);
  g_signal_connect_object (filter, "changed", G_CALLBACK (sync_from_filter), self,
                           G_CONNECT_SWAPPED);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                         ic_report_filter_get_search (filter) ?: "");
  self->syncing = FALSE;
  sync_from_filter (self);
}

void
ic_filter_bar_focus_search (IcFilterBar *self)
{
  g_return_if_fail (IC_IS_FILTER_BAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
