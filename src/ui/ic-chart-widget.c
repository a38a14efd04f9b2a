/* ic-chart-widget.c
 *
 * snapshot only scales prepared data and hands a cairo context to the
 * render library (STYLE.md §4), so the screen, print and PDF export
 * share one drawing path: see draw_chart().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ic-chart-widget.h"

struct _IcChartWidget
{
  GtkWidget          parent_instance;

  GListModel        *model;
  IcChartWidgetKind  kind;
  double             zoom;
  gboolean           dark;
};

G_DEFINE_FINAL_TYPE (IcChartWidget, ic_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MODEL,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *title;
} kinds[IC_N_CHART_WIDGET_KINDS] = {
  { "timeline", N_("Improvement Timeline") },
  { "grades", N_("Grade Distribution") },
  { "themes", N_("Theme Frequency") },
  { "history", N_("Grade History") },
  { "per-year", N_("Reports per Year") },
};

const char *
ic_chart_widget_kind_to_title (IcChartWidgetKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_WIDGET_KINDS, NULL);
  return _(kinds[kind].title);
}

const char *
ic_chart_widget_kind_to_key (IcChartWidgetKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_WIDGET_KINDS, NULL);
  return kinds[kind].key;
}

/* The one place that draws: the render library's chart when it is built
 * in, otherwise a message in the widget's own colours. */
static void
draw_chart (IcChartWidget *self,
            cairo_t       *cr,
            int            width,
            int            height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  int tw, th;

  text = g_strdup_printf (ngettext ("%s of %u report", "%s of %u reports", n),
                          ic_chart_widget_kind_to_title (self->kind), n);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_set_source_rgba (cr, self->dark ? 1 : 0, self->dark ? 1 : 0, self->dark ? 1 : 0, 0.55);
  cairo_move_to (cr, (width - tw) / 2.0, (height - th) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
ic_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, cr, width, height);
  cairo_destroy (cr);
}

static void
ic_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  int base = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 280;

  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? (int) (320 * self->zoom) : 200;
  *natural = (int) (base * (orientation == GTK_ORIENTATION_HORIZONTAL ? self->zoom : 1));
}

static void
ic_chart_widget_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (ic_chart_widget_parent_class)->css_changed (widget, change);
  /* The palette follows the style manager, looked up once per change. */
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gtk_widget_queue_draw (widget);
}

static void
model_items_changed_cb (IcChartWidget *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ic_chart_widget_dispose (GObject *object)
{
  IcChartWidget *self = (IcChartWidget *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ic_chart_widget_parent_class)->dispose (object);
}

static void
ic_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcChartWidget *self = IC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcChartWidget *self = IC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ic_chart_widget_set_kind (self, g_value_get_int (value));
      break;
    case PROP_MODEL:
      ic_chart_widget_set_model (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      ic_chart_widget_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_chart_widget_class_init (IcChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ic_chart_widget_dispose;
  object_class->get_property = ic_chart_widget_get_property;
  object_class->set_property = ic_chart_widget_set_property;
  widget_class->snapshot = ic_chart_widget_snapshot;
  widget_class->measure = ic_chart_widget_measure;
  widget_class->css_changed = ic_chart_widget_css_changed;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, IC_N_CHART_WIDGET_KINDS - 1, 0, flags);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.25, 16.0, 1.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "icchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ic_chart_widget_init (IcChartWidget *self)
{
  self->zoom = 1.0;
}

GtkWidget *
ic_chart_widget_new (IcChartWidgetKind kind)
{
  return g_object_new (IC_TYPE_CHART_WIDGET, "kind", kind, NULL);
}

IcChartWidgetKind
ic_chart_widget_get_kind (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), 0);
  return self->kind;
}

void
ic_chart_widget_set_kind (IcChartWidget     *self,
                          IcChartWidgetKind  kind)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));
  g_return_if_fail (kind < IC_N_CHART_WIDGET_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ic_chart_widget_kind_to_title (kind), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

GListModel *
ic_chart_widget_get_model (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);
  return self->model;
}

void
ic_chart_widget_set_model (IcChartWidget *self,
                           GListModel    *model)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  model_items_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

double
ic_chart_widget_get_zoom (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), 1.0);
  return self->zoom;
}

void
ic_chart_widget_set_zoom (IcChartWidget *self,
                          double         zoom)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));

  zoom = CLAMP (zoom, 0.25, 16.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
