/* ic-improvement.c
 *
 * An item is immutable: a report's value shares its items with every
 * snapshot of it, so a new theme is a new item (ic_improvement_with_themes())
 * written into a draft of the report and swapped in whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-improvement"

#include "config.h"

#include "ic-enum-types.h"
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
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
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
ic_improvement_class_init (IcImprovementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_improvement_finalize;
  object_class->get_property = ic_improvement_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, IC_TYPE_ITEM_KIND, IC_ITEM_KIND_IMPROVEMENT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, IC_TYPE_SCOPE, IC_SCOPE_LOCAL_AUTHORITY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEFRAME] =
    g_param_spec_string ("timeframe", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEMES] =
    g_param_spec_boxed ("themes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_improvement_init (IcImprovement *self)
{
}

/**
 * ic_improvement_new_with_themes:
 * @timeframe: (nullable): "Within three months" and the like
 * @page: 1-based PDF page, or 0 when unknown
 * @themes: (nullable) (array zero-terminated=1): theme keys, main theme first
 *
 * Returns: (transfer full): a new item, which never changes
 */
IcImprovement *
ic_improvement_new_with_themes (const char         *text,
                                IcItemKind          kind,
                                IcScope             scope,
                                const char         *timeframe,
                                guint               page,
                                const char * const *themes)
{
  IcImprovement *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (IC_TYPE_IMPROVEMENT, NULL);
  self->text = g_strdup (text);
  self->kind = kind;
  self->scope = scope;
  self->timeframe = g_strdup (timeframe);
  self->page = page;
  self->themes = themes != NULL ? g_strdupv ((char **)themes) : g_new0 (char *, 1);

  return self;
}

/**
 * ic_improvement_new:
 * @timeframe: (nullable): "Within three months" and the like
 * @page: 1-based PDF page, or 0 when unknown
 *
 * Returns: (transfer full): a new item with no themes
 */
IcImprovement *
ic_improvement_new (const char *text,
                    IcItemKind  kind,
                    IcScope     scope,
                    const char *timeframe,
                    guint       page)
{
  return ic_improvement_new_with_themes (text, kind, scope, timeframe, page, NULL);
}

/**
 * ic_improvement_with_themes:
 * @themes: (nullable) (array zero-terminated=1): theme keys, main theme first
 *
 * Returns: (transfer full): @self when it has these themes already,
 *   otherwise a new item that differs from @self only by @themes
 */
IcImprovement *
ic_improvement_with_themes (IcImprovement      *self,
                            const char * const *themes)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), NULL);

  if (g_strv_equal ((const char * const *)self->themes, themes != NULL ? themes : none))
    return g_object_ref (self);
  return ic_improvement_new_with_themes (self->text, self->kind, self->scope, self->timeframe,
                                         self->page, themes);
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

gboolean
ic_improvement_has_theme (IcImprovement *self,
                          const char    *theme)
{
  g_return_val_if_fail (IC_IS_IMPROVEMENT (self), FALSE);
  return g_strv_contains ((const char * const *)self->themes, theme);
}
