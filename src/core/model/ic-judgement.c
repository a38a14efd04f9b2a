/* ic-judgement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-judgement"

#include "config.h"

#include "ic-enum-types.h"
#include "ic-judgement.h"

struct _IcJudgement
{
  GObject  parent_instance;
  IcArea   area;
  IcGrade  grade;
  guint    page;
  char    *label;
};

G_DEFINE_FINAL_TYPE (IcJudgement, ic_judgement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AREA,
  PROP_LABEL,
  PROP_GRADE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ic_judgement_finalize (GObject *object)
{
  IcJudgement *self = (IcJudgement *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (ic_judgement_parent_class)->finalize (object);
}

static void
ic_judgement_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IcJudgement *self = IC_JUDGEMENT (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_enum (value, self->area);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_GRADE:
      g_value_set_enum (value, self->grade);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_judgement_class_init (IcJudgementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_judgement_finalize;
  object_class->get_property = ic_judgement_get_property;

  /* Areas and grades are plain enums indexed by the key tables of
   * ic-enums.c; exposing them as uint keeps the tables the only truth. */
  properties[PROP_AREA] =
    g_param_spec_enum ("area", NULL, NULL, IC_TYPE_AREA, IC_AREA_OVERALL_EFFECTIVENESS,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GRADE] =
    g_param_spec_enum ("grade", NULL, NULL, IC_TYPE_GRADE, IC_GRADE_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_judgement_init (IcJudgement *self)
{
}

/**
 * ic_judgement_new:
 * @page: 1-based PDF page, or 0 when unknown (text files)
 *
 * Returns: (transfer full): a new judgement
 */
IcJudgement *
ic_judgement_new (IcArea      area,
                  const char *label,
                  IcGrade     grade,
                  guint       page)
{
  IcJudgement *self;

  g_return_val_if_fail (area < IC_N_AREAS, NULL);
  g_return_val_if_fail (grade < IC_N_GRADES, NULL);

  self = g_object_new (IC_TYPE_JUDGEMENT, NULL);
  self->area = area;
  self->label = g_strdup (label);
  self->grade = grade;
  self->page = page;

  return self;
}

IcArea
ic_judgement_get_area (IcJudgement *self)
{
  g_return_val_if_fail (IC_IS_JUDGEMENT (self), 0);
  return self->area;
}

const char *
ic_judgement_get_label (IcJudgement *self)
{
  g_return_val_if_fail (IC_IS_JUDGEMENT (self), NULL);
  return self->label;
}

IcGrade
ic_judgement_get_grade (IcJudgement *self)
{
  g_return_val_if_fail (IC_IS_JUDGEMENT (self), IC_GRADE_NONE);
  return self->grade;
}

guint
ic_judgement_get_page (IcJudgement *self)
{
  g_return_val_if_fail (IC_IS_JUDGEMENT (self), 0);
  return self->page;
}
