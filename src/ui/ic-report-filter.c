/* ic-report-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-filter"

#include "config.h"

#include "ic-authority-info.h"
#include "ic-report-filter.h"

struct _IcReportFilter
{
  GtkFilter   parent_instance;

  char       *search;      /* casefolded */
  char       *type_key;
  char       *region;
  char       *peer;
  char      **peer_group;  /* the peer and its neighbours */
  int         from_year;
  int         to_year;
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

static gboolean
match_search (IcReportFilter *self,
              IcReport       *report)
{
  g_autofree char *name = NULL;
  g_autofree char *printed = NULL;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  name = g_utf8_casefold (ic_report_get_authority (report) ?: "", -1);
  if (strstr (name, self->search) != NULL)
    return TRUE;

  printed = g_utf8_casefold (ic_report_get_authority_as_printed (report) ?: "", -1);
  return strstr (printed, self->search) != NULL;
}

static gboolean
match_year (IcReportFilter *self,
            IcReport       *report)
{
  const GDate *date = ic_report_get_sort_date (report);
  int year;

  if (self->from_year == 0 && self->to_year == 0)
    return TRUE;
  /* A report without any date cannot be placed in a range. */
  if (date == NULL || !g_date_valid (date))
    return FALSE;

  year = g_date_get_year (date);
  if (self->from_year != 0 && year < self->from_year)
    return FALSE;
  if (self->to_year != 0 && year > self->to_year)
    return FALSE;
  return TRUE;
}

static gboolean
match_authority_data (IcReportFilter *self,
                      IcReport       *report)
{
  const char *authority = ic_report_get_authority (report);

  if (self->region != NULL &&
      g_strcmp0 (ic_authority_info_get_region (authority), self->region) != 0)
    return FALSE;

  if (self->peer != NULL &&
      (authority == NULL || !g_strv_contains ((const char * const *) self->peer_group, authority)))
    return FALSE;

  return TRUE;
}

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

  if (self->type_key != NULL &&
      g_strcmp0 (ic_inspection_type_to_key (ic_report_get_inspection_type (report)),
                 self->type_key) != 0)
    return FALSE;

  return match_search (self, report) &&
         match_year (self, report) &&
         match_authority_data (self, report);
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

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->type_key, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->peer, g_free);
  g_clear_pointer (&self->peer_group, g_strfreev);

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
      g_value_set_int (value, self->from_year);
      break;
    case PROP_TO_YEAR:
      g_value_set_int (value, self->to_year);
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
ic_report_filter_init (IcReportFilter *self)
{
}

IcReportFilter *
ic_report_filter_new (void)
{
  return g_object_new (IC_TYPE_REPORT_FILTER, NULL);
}

/* Empty strings mean "no criterion", like NULL. Returns whether it changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
changed (IcReportFilter *self,
         guint           prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
ic_report_filter_get_search (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return self->search;
}

void
ic_report_filter_set_search (IcReportFilter *self,
                             const char     *search)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (IC_IS_REPORT_FILTER (self));

  if (search != NULL)
    folded = g_utf8_casefold (g_strstrip (g_strdup (search)) , -1);
  if (replace_string (&self->search, folded))
    changed (self, PROP_SEARCH);
}

const char *
ic_report_filter_get_type_key (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return self->type_key;
}

void
ic_report_filter_set_type_key (IcReportFilter *self,
                               const char     *type_key)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  if (replace_string (&self->type_key, type_key))
    changed (self, PROP_TYPE_KEY);
}

const char *
ic_report_filter_get_region (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return self->region;
}

void
ic_report_filter_set_region (IcReportFilter *self,
                             const char     *region)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  if (replace_string (&self->region, region))
    changed (self, PROP_REGION);
}

const char *
ic_report_filter_get_peer (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), NULL);
  return self->peer;
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
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) neighbours = NULL;

  g_return_if_fail (IC_IS_REPORT_FILTER (self));

  if (!replace_string (&self->peer, authority))
    return;

  g_clear_pointer (&self->peer_group, g_strfreev);
  if (self->peer != NULL)
    {
      builder = g_strv_builder_new ();
      g_strv_builder_add (builder, self->peer);
      neighbours = ic_authority_info_get_neighbours (self->peer);
      if (neighbours != NULL)
        g_strv_builder_addv (builder, (const char **) neighbours);
      self->peer_group = g_strv_builder_end (builder);
    }
  changed (self, PROP_PEER);
}

int
ic_report_filter_get_from_year (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), 0);
  return self->from_year;
}

void
ic_report_filter_set_from_year (IcReportFilter *self,
                                int             year)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  if (self->from_year == year)
    return;
  self->from_year = year;
  changed (self, PROP_FROM_YEAR);
}

int
ic_report_filter_get_to_year (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), 0);
  return self->to_year;
}

void
ic_report_filter_set_to_year (IcReportFilter *self,
                              int             year)
{
  g_return_if_fail (IC_IS_REPORT_FILTER (self));
  if (self->to_year == year)
    return;
  self->to_year = year;
  changed (self, PROP_TO_YEAR);
}

gboolean
ic_report_filter_is_active (IcReportFilter *self)
{
  g_return_val_if_fail (IC_IS_REPORT_FILTER (self), FALSE);
  return self->search != NULL || self->type_key != NULL || self->region != NULL ||
         self->peer != NULL || self->from_year != 0 || self->to_year != 0;
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
  g_object_thaw_notify (G_OBJECT (self));
}
