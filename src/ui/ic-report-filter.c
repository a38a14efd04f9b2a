/* ic-report-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-filter"

#include "config.h"

#include "ic-report-filter.h"

struct _IcReportFilter
{
  GtkFilter     parent_instance;

  /* The criteria, shared with the command line and the pack's cover. */
  IcFilterSpec *spec;
};

G_DEFINE_FINAL_TYPE (IcReportFilter, ic_report_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_TYPE_KEY,
  PROP_REGION,
  PROP_PEER,
  PROP_FROM_YEAR,
  PROP_TO_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ic_report_filter_match_report:
 *
 * Returns: whether @report passes every criterion of the filter
 */
gboolean
ic_report_filter_match_report (IcReportFilter *self,
                               IcReport       *report)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), FALSE);
  g_return_val_if_fail (IC_IS_REPORT (report), FALSE);

  return ic_filter_spec_matches (self->spec, report);
}

/**
 * ic_report_filter_get_spec:
 *
 * Returns: (transfer none): the criteria; changing them filters again
 */
IcFilterSpec *
ic_report_filter_get_spec (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return self->spec;
}

static gboolean
ic_report_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  return ic_report_filter_match_report (IC_REPORT_FILTER (filter), IC_REPORT (item));
}

static GtkFilterMatch
ic_report_filter_get_strictness (GtkFilter *filter)
{
  if (!ic_report_filter_is_active (IC_REPORT_FILTER (filter)))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
ic_report_filter_finalize (GObject *object)
{
  IcReportFilter *self = (IcReportFilter *)object;

  g_signal_handlers_disconnect_by_data (self->spec, self);
  g_clear_object (&self->spec);

  G_OBJECT_CLASS (ic_report_filter_parent_class)->finalize (object);
}

static void
ic_report_filter_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IcReportFilter *self = IC_REPORT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, ic_report_filter_get_search (self));
      break;
    case PROP_TYPE_KEY:
      g_value_set_string (value, ic_report_filter_get_type_key (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, ic_report_filter_get_region (self));
      break;
    case PROP_PEER:
      g_value_set_string (value, ic_report_filter_get_peer (self));
      break;
    case PROP_FROM_YEAR:
      g_value_set_int (value, ic_report_filter_get_from_year (self));
      break;
    case PROP_TO_YEAR:
      g_value_set_int (value, ic_report_filter_get_to_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_report_filter_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IcReportFilter *self = IC_REPORT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      ic_report_filter_set_search (self, g_value_get_string (value));
      break;
    case PROP_TYPE_KEY:
      ic_report_filter_set_type_key (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      ic_report_filter_set_region (self, g_value_get_string (value));
      break;
    case PROP_PEER:
      ic_report_filter_set_peer (self, g_value_get_string (value));
      break;
    case PROP_FROM_YEAR:
      ic_report_filter_set_from_year (self, g_value_get_int (value));
      break;
    case PROP_TO_YEAR:
      ic_report_filter_set_to_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_report_filter_class_init (IcReportFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ic_report_filter_finalize;
  object_class->get_property = ic_report_filter_get_property;
  object_class->set_property = ic_report_filter_set_property;

  filter_class->match = ic_report_filter_match;
  filter_class->get_strictness = ic_report_filter_get_strictness;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_TYPE_KEY] = g_param_spec_string ("type-key", NULL, NULL, NULL, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_PEER] = g_param_spec_string ("peer", NULL, NULL, NULL, flags);
  properties[PROP_FROM_YEAR] = g_param_spec_int ("from-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_TO_YEAR] = g_param_spec_int ("to-year", NULL, NULL, 0, 9999, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spec_changed_cb (IcReportFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
ic_report_filter_init (IcReportFilter *self)
{
  self->spec = ic_filter_spec_new ();
  g_signal_connect_swapped (self->spec, "changed", G_CALLBACK (spec_changed_cb), self);
}

IcReportFilter *
ic_report_filter_new (void)
{
  return g_object_new (IC_TYPE_REPORT_FILTER, NULL);
}

/* Each setter notifies its property when the criterion changed; the
 * spec's ::changed filters again. */
static void
notify_if (IcReportFilter *self,
           gboolean        differs,
           guint           prop_id)
{
  if (differs)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
ic_report_filter_get_search (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return ic_filter_spec_get_search (self->spec);
}

void
ic_report_filter_set_search (IcReportFilter *self,
                             const char     *search)
{
  g_autofree char *before = NULL;

  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  before = g_strdup (ic_filter_spec_get_search (self->spec));
  ic_filter_spec_set_search (self->spec, search);
  notify_if (self, g_strcmp0 (before, ic_filter_spec_get_search (self->spec)) != 0, PROP_SEARCH);
}

const char *
ic_report_filter_get_type_key (IcReportFilter *self)
{
  const char * const *types;

  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  types = ic_filter_spec_get_types (self->spec);
  return types ? types[0] : NULL;
}

void
ic_report_filter_set_type_key (IcReportFilter *self,
                               const char     *type_key)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));

  if (type_key != NULL && type_key[0] == '\0')
    type_key = NULL;
  if (g_strcmp0 (ic_report_filter_get_type_key (self), type_key) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  ic_filter_spec_clear_types (self->spec);
  if (type_key != NULL && !ic_filter_spec_add_type (self->spec, type_key, NULL))
    g_debug ("No report type “%s”", type_key);
  notify_if (self, TRUE, PROP_TYPE_KEY);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ic_report_filter_get_region (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return ic_filter_spec_get_region (self->spec);
}

/* A region or peer the authority data does not know (a setting saved by
 * another version) selects nothing rather than everything. */
void
ic_report_filter_set_region (IcReportFilter *self,
                             const char     *region)
{
  g_autofree char *before = NULL;

  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  before = g_strdup (ic_filter_spec_get_region (self->spec));
  if (!ic_filter_spec_set_region (self->spec, region, NULL))
    g_debug ("No region “%s”", region);
  notify_if (self, g_strcmp0 (before, ic_filter_spec_get_region (self->spec)) != 0, PROP_REGION);
}

const char *
ic_report_filter_get_peer (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return ic_filter_spec_get_peers_of (self->spec);
}

/**
 * ic_report_filter_set_peer:
 * @authority: (nullable): an authority whose statistical neighbours, with
 *   itself, make the peer group shown; %NULL for no peer group
 */
void
ic_report_filter_set_peer (IcReportFilter *self,
                           const char     *authority)
{
  g_autofree char *before = NULL;

  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  before = g_strdup (ic_filter_spec_get_peers_of (self->spec));
  if (!ic_filter_spec_set_peers_of (self->spec, authority, NULL))
    g_debug ("No authority “%s”", authority);
  notify_if (self, g_strcmp0 (before, ic_filter_spec_get_peers_of (self->spec)) != 0, PROP_PEER);
}

int
ic_report_filter_get_from_year (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), 0);
  return ic_filter_spec_get_from_year (self->spec);
}

void
ic_report_filter_set_from_year (IcReportFilter *self,
                                int             year)
{
  int before = ic_report_filter_get_from_year (self);

  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  ic_filter_spec_set_from_year (self->spec, year);
  notify_if (self, before != ic_report_filter_get_from_year (self), PROP_FROM_YEAR);
}

int
ic_report_filter_get_to_year (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), 0);
  return ic_filter_spec_get_to_year (self->spec);
}

void
ic_report_filter_set_to_year (IcReportFilter *self,
                              int             year)
{
  int before = ic_report_filter_get_to_year (self);

  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  ic_filter_spec_set_to_year (self->spec, year);
  notify_if (self, before != ic_report_filter_get_to_year (self), PROP_TO_YEAR);
}

gboolean
ic_report_filter_is_active (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), FALSE);
  return !ic_filter_spec_is_empty (self->spec);
}

void
ic_report_filter_reset (IcReportFilter *self)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));

  g_object_freeze_notify (G_OBJECT (self));
  ic_report_filter_set_search (self, NULL);
  ic_report_filter_set_type_key (self, NULL);
  ic_report_filter_set_region (self, NULL);
  ic_report_filter_set_peer (self, NULL);
  ic_report_filter_set_from_year (self, 0);
  ic_report_filter_set_to_year (self, 0);
  ic_filter_spec_reset (self->spec);
  g_object_thaw_notify (G_OBJECT (self));
}
