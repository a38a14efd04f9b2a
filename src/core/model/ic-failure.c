/* ic-failure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-failure"

#include "config.h"

#include "ic-failure.h"

struct _IcFailure
{
  GObject  parent_instance;
  char    *source;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (IcFailure, ic_failure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_failure_finalize (GObject *object)
{
  IcFailure *self = (IcFailure *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (ic_failure_parent_class)->finalize (object);
}

static void
ic_failure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IcFailure *self = IC_FAILURE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_failure_class_init (IcFailureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_failure_finalize;
  object_class->get_property = ic_failure_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_failure_init (IcFailure *self)
{
}

IcFailure *
ic_failure_new (const char *source,
                const char *reason)
{
  IcFailure *self = g_object_new (IC_TYPE_FAILURE, NULL);

  self->source = g_strdup (source);
  self->reason = g_strdup (reason);
  return self;
}

const char *
ic_failure_get_source (IcFailure *self)
{
  g_return_val_if_fail (IC_IS_FAILURE (self), NULL);
  return self->source;
}

const char *
ic_failure_get_reason (IcFailure *self)
{
  g_return_val_if_fail (IC_IS_FAILURE (self), NULL);
  return self->reason;
}
