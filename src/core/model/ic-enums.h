/* ic-enums.h: the domain's fixed vocabularies (README, "The model")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  IC_INSPECTION_TYPE_OTHER,
  IC_INSPECTION_TYPE_ILACS,
  IC_INSPECTION_TYPE_FOCUSED_VISIT,
  IC_INSPECTION_TYPE_MONITORING_VISIT,
  IC_INSPECTION_TYPE_JTAI,
  IC_INSPECTION_TYPE_SIF,
  IC_INSPECTION_TYPE_LSCB_REVIEW,
  IC_INSPECTION_TYPE_CHILD_PROTECTION,
  IC_INSPECTION_TYPE_LOOKED_AFTER_CHILDREN,
  IC_INSPECTION_TYPE_SLAC,
} IcInspectionType;
#define IC_N_INSPECTION_TYPES (IC_INSPECTION_TYPE_SLAC + 1)

typedef enum
{
  IC_GRADE_NONE,
  IC_GRADE_OUTSTANDING,
  IC_GRADE_GOOD,
  IC_GRADE_REQUIRES_IMPROVEMENT,
  IC_GRADE_ADEQUATE,
  IC_GRADE_INADEQUATE,
} IcGrade;
#define IC_N_GRADES (IC_GRADE_INADEQUATE + 1)

/* In the matrix's column order. */
typedef enum
{
  IC_AREA_OVERALL_EFFECTIVENESS,
  IC_AREA_LEADERSHIP,
  IC_AREA_HELP_AND_PROTECTION,
  IC_AREA_CHILDREN_IN_CARE,
  IC_AREA_CARE_LEAVERS,
  IC_AREA_ADOPTION,
  IC_AREA_QUALITY_OF_PRACTICE,
  IC_AREA_LSCB,
  IC_AREA_CAPACITY_TO_IMPROVE,
  IC_AREA_OUTCOMES_FOR_LOOKED_AFTER_CHILDREN,
  IC_AREA_QUALITY_OF_PROVISION,
} IcArea;
#define IC_N_AREAS (IC_AREA_QUALITY_OF_PROVISION + 1)

typedef enum
{
  IC_ITEM_KIND_IMPROVEMENT,
  IC_ITEM_KIND_PRIORITY_ACTION,
  IC_ITEM_KIND_RECOMMENDATION,
} IcItemKind;

typedef enum
{
  IC_SCOPE_LOCAL_AUTHORITY,
  IC_SCOPE_LSCB,
  IC_SCOPE_PARTNERSHIP,
} IcScope;

typedef enum
{
  IC_ILACS_VARIANT_NONE,
  IC_ILACS_VARIANT_SHORT,
  IC_ILACS_VARIANT_STANDARD,
} IcIlacsVariant;

/* Keys are the stable strings of the JSON and CSV exports, never changed;
 * labels are for people. The GEnum types of these enums (IC_TYPE_GRADE and
 * so on, in the generated "ic-enum-types.h") type the properties; their
 * nicks are GObject's spelling ("focused-visit", "none"), not the
 * contract's ("focused_visit", no word for an absent grade), so the keys
 * keep their own tables rather than borrow the nicks. */
const char *ic_inspection_type_to_key   (IcInspectionType  type);
const char *ic_inspection_type_to_label (IcInspectionType  type);
gboolean    ic_inspection_type_from_key (const char       *key,
                                         IcInspectionType *type);
gboolean    ic_inspection_type_is_graded (IcInspectionType type);

const char *ic_grade_to_key             (IcGrade           grade);
const char *ic_grade_to_label           (IcGrade           grade);
const char *ic_grade_to_letter          (IcGrade           grade);
int         ic_grade_get_rank           (IcGrade           grade);
gboolean    ic_grade_from_key           (const char       *key,
                                         IcGrade          *grade);

const char *ic_area_to_key              (IcArea            area);
const char *ic_area_to_label            (IcArea            area);
const char *ic_area_to_short_label      (IcArea            area);
gboolean    ic_area_from_key            (const char       *key,
                                         IcArea           *area);

const char *ic_item_kind_to_key         (IcItemKind        kind);
gboolean    ic_item_kind_from_key       (const char       *key,
                                         IcItemKind       *kind);
const char *ic_scope_to_key             (IcScope           scope);
gboolean    ic_scope_from_key           (const char       *key,
                                         IcScope          *scope);
const char *ic_ilacs_variant_to_key     (IcIlacsVariant    variant);
gboolean    ic_ilacs_variant_from_key   (const char       *key,
                                         IcIlacsVariant   *variant);

G_END_DECLS
