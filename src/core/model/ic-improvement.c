/* ic-improvement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-improvement"

#include "config.h"

#include "ic-improvement.h"

struct _IcImprovement
{
  GObject     parent_instance;
  char       *text;
  char       *timeframe;
  char      **themes;
  IcItemKind  kind;
  IcScope     scope;
  guint       page;
};

G_DEFINE_FINAL_TYPE (IcImprovement, ic_improvement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_KIND,
  PROP_SCOPE,
  PROP_TIMEFRAME,
  PROP_PAGE,
  PROP_THEMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_improvement_finalize (GObject *object)
{
  IcImprovement *self = (IcImprovement *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->timeframe, g_free);
  g_clear_pointer (&self->themes, g_strfreev);

  G_OBJECT_CLASS (ic_improvement_parent_class)->finalize (object);
}

static void
ic_improvement_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IcImprovement *self = IC_IMPROVEMENT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_SCOPE:
      g_value_set_uint (value, self->scope);
      break;
    case PROP_TIMEFRAME:
      g_value_set_string (value, self->timeframe);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_THEMES:
      g_value_set_boxed (value, self->themes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_improvement_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IcImprovement *self = IC_IMPROVEMENT (object);

  switch (prop_id)
    {
    case PROP_THEMES:
      ic_improvement_set_themes (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_improvement_class_init (IcImprovementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_improvement_finalize;
  object_class->get_property = ic_improvement_get_property;
  object_class->set_property = ic_improvement_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, IC_ITEM_KIND_RECOMMENDATION, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE] =
    g_param_spec_uint ("scope", NULL, NULL, 0, IC_SCOPE_PARTNERSHIP, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEFRAME] =
    g_param_spec_string ("timeframe", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Themes are the one thing analysis and user corrections change. */
  properties[PROP_THEMES] =
    g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_improvement_init (IcImprovement *self)
{
  self->themes = g_new0 (char *, 1);
}

/**
 * ic_improvement_new:
 * @timeframe: (nullable): "Within three months" and the like
 * @page: 1-based PDF page, or 0 when unknown
 *
 * Returns: (transfer full): a new item with no themes yet
 */
IcImprovement *
ic_improvement_new (const char *text,
                    IcItemKind  kind,
                    IcScope     scope,
                    const char *timeframe,
                    guint       page)
{
  IcImprovement *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (IC_TYPE_IMPROVEMENT, NULL);
  self->text = g_strdup (text);
  self->kind = kind;
  self->scope = scope;
  self->timeframe = g_strdup (timeframe);
  self->page = page;

  return self;
}

const char *
ic_improvement_get_text (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), NULL);
  return self->text;
}

IcItemKind
ic_improvement_get_kind (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), 0);
  return self->kind;
}

IcScope
ic_improvement_get_scope (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), 0);
  return self->scope;
}

const char *
ic_improvement_get_timeframe (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), NULL);
  return self->timeframe;
}

guint
ic_improvement_get_page (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), 0);
  return self->page;
}

/**
 * ic_improvement_get_themes:
 *
 * Returns: (transfer none): theme keys, main theme first; never %NULL
 */
const char * const *
ic_improvement_get_themes (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), NULL);
  return (const char * const *)self->themes;
}

/**
 * ic_improvement_get_main_theme:
 *
 * Returns: (nullable): the first theme, or %NULL when none was assigned
 */
const char *
ic_improvement_get_main_theme (IcImprovement *self)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), NULL);
  return self->themes[0];
}

void
ic_improvement_set_themes (IcImprovement      *self,
                           const char * const *themes)
{
  static const char * const none[] = { NULL };

  if (themes == NULL)
    themes = none;

  g_return_if_fail (IC_IS_IMPROVEMENT (self));

  if (g_strv_equal ((const char * const *)self->themes, themes))
    return;

  g_strfreev (self->themes);
  self->themes = g_strdupv ((char **)themes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEMES]);
}

gboolean
ic_improvement_has_theme (IcImprovement *self,
                          const char    *theme)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), FALSE);
  return g_strv_contains ((const char * const *)self->themes, theme);
}
