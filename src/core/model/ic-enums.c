/* ic-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-enums.h"
#include "ic-frameworks.h"

typedef struct
{
  const char *key;
  const char *label;
} KeyLabel;

static const KeyLabel inspection_types[IC_N_INSPECTION_TYPES] = {
  { "other", N_("Other report") },
  { "ilacs", N_("Inspection (ILACS)") },
  { "focused_visit", N_("Focused visit") },
  { "monitoring_visit", N_("Monitoring visit") },
  { "jtai", N_("Joint targeted area inspection") },
  { "sif", N_("Single inspection (SIF)") },
  { "lscb_review", N_("LSCB review") },
  { "child_protection", N_("Child protection inspection") },
  { "looked_after_children", N_("Looked after children inspection") },
  { "slac", N_("Safeguarding and looked after children inspection") },
};

static const KeyLabel grades[IC_N_GRADES] = {
  { NULL, N_("Not graded") },
  { "outstanding", N_("Outstanding") },
  { "good", N_("Good") },
  { "requires_improvement", N_("Requires improvement") },
  { "adequate", N_("Adequate") },
  { "inadequate", N_("Inadequate") },
};

/* Short forms of the grades, in cells too narrow for words. */
static const char *grade_letters[IC_N_GRADES] = {
  /* Translators: short for Not graded, Outstanding and Good, in a cell too narrow for words. */
  NC_("grade letter", "NG"), NC_("grade letter", "O"), NC_("grade letter", "G"),
  /* Translators: short for Requires improvement, Adequate and Inadequate. */
  NC_("grade letter", "RI"), NC_("grade letter", "A"), NC_("grade letter", "I"),
};
static const int grade_ranks[IC_N_GRADES] = { 0, 1, 2, 3, 3, 4 };

static const KeyLabel areas[IC_N_AREAS] = {
  { "overall_effectiveness", N_("Overall effectiveness") },
  { "leadership", N_("Leadership") },
  { "help_and_protection", N_("Help and protection") },
  { "children_in_care", N_("Children in care") },
  { "care_leavers", N_("Care leavers") },
  { "adoption", N_("Adoption") },
  { "quality_of_practice", N_("Quality of practice") },
  { "lscb", N_("LSCB") },
  { "capacity_to_improve", N_("Capacity to improve") },
  { "outcomes_for_looked_after_children", N_("Outcomes for looked after children") },
  { "quality_of_provision", N_("Quality of provision") },
};

/* The longer labels read by screen readers and in tooltips. */
static const char *area_long_labels[IC_N_AREAS] = {
  N_("Overall effectiveness"),
  N_("The impact of leaders"),
  N_("Children who need help and protection"),
  N_("Children in care"),
  N_("Care leavers"),
  N_("Adoption performance"),
  N_("The quality of practice"),
  N_("The local safeguarding children board"),
  N_("Capacity to improve"),
  N_("Outcomes for looked after children"),
  N_("Quality of provision"),
};

static const char *kinds[] = { "improvement", "priority_action", "recommendation" };
static const char *scopes[] = { "local_authority", "lscb", "partnership" };
static const char *variants[] = { NULL, "short", "standard" };

static gboolean
find_key (const char *const *keys,
          gsize               stride,
          guint               n,
          const char         *key,
          guint              *index)
{
  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *candidate = *(const char *const *) ((const char *) keys + i * stride);

      if (g_strcmp0 (candidate, key) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ic_inspection_type_to_key (IcInspectionType type)
{
  g_return_val_if_fail (type < IC_N_INSPECTION_TYPES, "other");
  return inspection_types[type].key;
}

const char *
ic_inspection_type_to_label (IcInspectionType type)
{
  g_return_val_if_fail (type < IC_N_INSPECTION_TYPES, NULL);
  return _(inspection_types[type].label);
}

gboolean
ic_inspection_type_from_key (const char       *key,
                             IcInspectionType *type)
{
  guint i;

  if (!find_key (&inspection_types[0].key, sizeof (KeyLabel), IC_N_INSPECTION_TYPES, key, &i))
    return FALSE;
  *type = i;
  return TRUE;
}

/* Whether the framework of @type grades (ic-frameworks.c). */
gboolean
ic_inspection_type_is_graded (IcInspectionType type)
{
  return ic_inspection_type_grade_source (type) != IC_GRADE_SOURCE_NONE;
}

const char *
ic_grade_to_key (IcGrade grade)
{
  g_return_val_if_fail (grade < IC_N_GRADES, NULL);
  return grades[grade].key;
}

/* Labels are asked for once per matrix cell and gettext() looks each up
 * again: the two asked for most are translated once, on first use (the
 * application sets its locale and text domain before any). */
const char *
ic_grade_to_label (IcGrade grade)
{
  static const char *labels[IC_N_GRADES];
  static gsize translated;

  g_return_val_if_fail (grade < IC_N_GRADES, NULL);
  if (g_once_init_enter (&translated))
    {
      for (guint i = 0; i < IC_N_GRADES; i++)
        labels[i] = _(grades[i].label);
      g_once_init_leave (&translated, 1);
    }
  return labels[grade];
}

const char *
ic_grade_to_letter (IcGrade grade)
{
  g_return_val_if_fail (grade < IC_N_GRADES, NULL);
  return g_dpgettext2 (NULL, "grade letter", grade_letters[grade]);
}

int
ic_grade_get_rank (IcGrade grade)
{
  g_return_val_if_fail (grade < IC_N_GRADES, 0);
  return grade_ranks[grade];
}

gboolean
ic_grade_from_key (const char *key,
                   IcGrade    *grade)
{
  guint i;

  if (!find_key (&grades[0].key, sizeof (KeyLabel), IC_N_GRADES, key, &i))
    return FALSE;
  *grade = i;
  return TRUE;
}

const char *
ic_area_to_key (IcArea area)
{
  g_return_val_if_fail (area < IC_N_AREAS, NULL);
  return areas[area].key;
}

const char *
ic_area_to_short_label (IcArea area)
{
  g_return_val_if_fail (area < IC_N_AREAS, NULL);
  return _(areas[area].label);
}

const char *
ic_area_to_label (IcArea area)
{
  static const char *labels[IC_N_AREAS];
  static gsize translated;

  g_return_val_if_fail (area < IC_N_AREAS, NULL);
  if (g_once_init_enter (&translated))
    {
      for (guint i = 0; i < IC_N_AREAS; i++)
        labels[i] = _(area_long_labels[i]);
      g_once_init_leave (&translated, 1);
    }
  return labels[area];
}

gboolean
ic_area_from_key (const char *key,
                  IcArea     *area)
{
  guint i;

  if (!find_key (&areas[0].key, sizeof (KeyLabel), IC_N_AREAS, key, &i))
    return FALSE;
  *area = i;
  return TRUE;
}

const char *
ic_item_kind_to_key (IcItemKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind];
}

gboolean
ic_item_kind_from_key (const char *key,
                       IcItemKind *kind)
{
  guint i;

  if (!find_key (kinds, sizeof (char *), G_N_ELEMENTS (kinds), key, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
ic_scope_to_key (IcScope scope)
{
  g_return_val_if_fail (scope < G_N_ELEMENTS (scopes), NULL);
  return scopes[scope];
}

gboolean
ic_scope_from_key (const char *key,
                   IcScope    *scope)
{
  guint i;

  if (!find_key (scopes, sizeof (char *), G_N_ELEMENTS (scopes), key, &i))
    return FALSE;
  *scope = i;
  return TRUE;
}

const char *
ic_ilacs_variant_to_key (IcIlacsVariant variant)
{
  g_return_val_if_fail (variant < G_N_ELEMENTS (variants), NULL);
  return variants[variant];
}

gboolean
ic_ilacs_variant_from_key (const char     *key,
                           IcIlacsVariant *variant)
{
  guint i;

  if (!find_key (variants, sizeof (char *), G_N_ELEMENTS (variants), key, &i))
    return FALSE;
  *variant = i;
  return TRUE;
}
