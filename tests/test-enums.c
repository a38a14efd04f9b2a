/* test-enums.c: the generated GEnum types and the properties they type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-enum-types.h"
#include "ic-enums.h"
#include "ic-improvement.h"
#include "ic-judgement.h"
#include "ic-parser.h"

typedef struct
{
  const char        *name;
  GType            (*get_type) (void);
  const char *const *nicks;  /* in value order, from 0 */
} ExpectedEnum;

static const char *const inspection_type_nicks[] = {
  "other", "ilacs", "focused-visit", "monitoring-visit", "jtai", "sif",
  "lscb-review", "child-protection", "looked-after-children", "slac", NULL,
};
static const char *const grade_nicks[] = {
  "none", "outstanding", "good", "requires-improvement", "adequate", "inadequate", NULL,
};
static const char *const area_nicks[] = {
  "overall-effectiveness", "leadership", "help-and-protection", "children-in-care",
  "care-leavers", "adoption", "quality-of-practice", "lscb", "capacity-to-improve",
  "outcomes-for-looked-after-children", "quality-of-provision", NULL,
};
static const char *const item_kind_nicks[] = {
  "improvement", "priority-action", "recommendation", NULL,
};
static const char *const scope_nicks[] = { "local-authority", "lscb", "partnership", NULL };
static const char *const ilacs_variant_nicks[] = { "none", "short", "standard", NULL };

static const ExpectedEnum expected_enums[] = {
  { "IcInspectionType", ic_inspection_type_get_type, inspection_type_nicks },
  { "IcGrade", ic_grade_get_type, grade_nicks },
  { "IcArea", ic_area_get_type, area_nicks },
  { "IcItemKind", ic_item_kind_get_type, item_kind_nicks },
  { "IcScope", ic_scope_get_type, scope_nicks },
  { "IcIlacsVariant", ic_ilacs_variant_get_type, ilacs_variant_nicks },
};

/* Every enum of ic-enums.h is a GEnum whose values run from 0 in the
 * header's order, with the nicks GObject and GtkBuilder use. */
static void
test_types_have_values_and_nicks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_enums); i++)
    {
      const ExpectedEnum *e = &expected_enums[i];
      GType type = e->get_type ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      guint n = g_strv_length ((char **) e->nicks);

      g_assert_true (G_TYPE_IS_ENUM (type));
      g_assert_cmpstr (g_type_name (type), ==, e->name);
      g_assert_cmpuint (klass->n_values, ==, n);
      g_assert_cmpint (klass->minimum, ==, 0);
      g_assert_cmpint (klass->maximum, ==, n - 1);
      for (guint v = 0; v < n; v++)
        {
          GEnumValue *by_nick = g_enum_get_value_by_nick (klass, e->nicks[v]);

          g_assert_nonnull (by_nick);
          g_assert_cmpint (by_nick->value, ==, v);
          g_assert_true (g_enum_get_value (klass, v) == by_nick);
        }
    }
}

/* The counts the tables of ic-enums.c are sized by agree with the types. */
static void
test_counts_match_types (void)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (IC_TYPE_INSPECTION_TYPE);
  g_autoptr(GEnumClass) grades = g_type_class_ref (IC_TYPE_GRADE);
  g_autoptr(GEnumClass) areas = g_type_class_ref (IC_TYPE_AREA);

  g_assert_cmpuint (types->n_values, ==, IC_N_INSPECTION_TYPES);
  g_assert_cmpuint (grades->n_values, ==, IC_N_GRADES);
  g_assert_cmpuint (areas->n_values, ==, IC_N_AREAS);
}

/* The nicks are not the contract's words: exports keep "focused_visit",
 * "requires_improvement" and no word for an absent grade or variant. */
static void
test_contract_keys_are_not_nicks (void)
{
  IcInspectionType type;
  IcGrade grade;

  g_assert_cmpstr (ic_inspection_type_to_key (IC_INSPECTION_TYPE_FOCUSED_VISIT), ==, "focused_visit");
  g_assert_false (ic_inspection_type_from_key ("focused-visit", &type));
  g_assert_cmpstr (ic_grade_to_key (IC_GRADE_REQUIRES_IMPROVEMENT), ==, "requires_improvement");
  g_assert_null (ic_grade_to_key (IC_GRADE_NONE));
  g_assert_false (ic_grade_from_key ("none", &grade));
  g_assert_null (ic_ilacs_variant_to_key (IC_ILACS_VARIANT_NONE));
  g_assert_cmpstr (ic_item_kind_to_key (IC_ITEM_KIND_PRIORITY_ACTION), ==, "priority_action");
  g_assert_cmpstr (ic_scope_to_key (IC_SCOPE_LOCAL_AUTHORITY), ==, "local_authority");
}

static IcReport *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = NULL;
  IcReport *report;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  pages = g_strsplit (contents, "\f", -1);
  report = ic_parse_report (path, (const char * const *) pages, FALSE, &error);
  g_assert_no_error (error);
  return report;
}

/* Reads @property of @object as a GValue, checks it is typed by @type and
 * gives its nick. */
static const char *
property_nick (gpointer    object,
               const char *property,
               GType       type)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == type);
  g_value_init (&value, type);
  g_object_get_property (object, property, &value);
  return g_enum_get_value (klass, g_value_get_enum (&value))->value_nick;
}

/* The properties of a parsed report read as their enum types, and say
 * what the getters say. */
static void
test_report_properties_are_typed (void)
{
  g_autoptr(IcReport) report = parse_fixture ("ilacs-2019.txt");
  GListModel *judgements = ic_report_get_judgements (report);
  GListModel *items = ic_report_get_improvements (report);
  g_autoptr(IcJudgement) first = g_list_model_get_item (judgements, 0);
  g_autoptr(IcImprovement) item = g_list_model_get_item (items, 0);
  IcInspectionType type = IC_INSPECTION_TYPE_OTHER;
  IcGrade grade = IC_GRADE_NONE;

  g_assert_cmpstr (property_nick (report, "inspection-type", IC_TYPE_INSPECTION_TYPE), ==, "ilacs");
  g_assert_cmpstr (property_nick (report, "ilacs-variant", IC_TYPE_ILACS_VARIANT), ==, "standard");
  g_assert_cmpstr (property_nick (first, "area", IC_TYPE_AREA), ==, "leadership");
  g_assert_cmpstr (property_nick (first, "grade", IC_TYPE_GRADE), ==, "requires-improvement");
  g_assert_cmpstr (property_nick (item, "kind", IC_TYPE_ITEM_KIND), ==, "improvement");
  g_assert_cmpstr (property_nick (item, "scope", IC_TYPE_SCOPE), ==, "local-authority");

  g_object_get (report, "inspection-type", &type, NULL);
  g_assert_cmpint (type, ==, ic_report_get_inspection_type (report));
  g_object_get (first, "grade", &grade, NULL);
  g_assert_cmpint (grade, ==, ic_judgement_get_grade (first));
}

/* A value set by nick or by number passes the property's own check; one
 * outside the enum is refused and put back to the default. A value turns
 * into text by its name. */
static void
test_property_values_round_trip (void)
{
  GObjectClass *klass = g_type_class_ref (IC_TYPE_JUDGEMENT);
  GParamSpec *pspec = g_object_class_find_property (klass, "grade");
  g_autoptr(GEnumClass) grades = g_type_class_ref (IC_TYPE_GRADE);
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  g_value_init (&value, IC_TYPE_GRADE);
  g_value_set_enum (&value, g_enum_get_value_by_nick (grades, "inadequate")->value);
  g_assert_false (g_param_value_validate (pspec, &value));
  g_assert_cmpint (g_value_get_enum (&value), ==, IC_GRADE_INADEQUATE);

  g_value_set_enum (&value, IC_GRADE_GOOD);
  g_assert_false (g_param_value_validate (pspec, &value));
  g_value_init (&text, G_TYPE_STRING);
  g_assert_true (g_value_transform (&value, &text));
  g_assert_cmpstr (g_value_get_string (&text), ==, "IC_GRADE_GOOD");

  g_value_set_enum (&value, IC_N_GRADES);
  g_assert_true (g_param_value_validate (pspec, &value));
  g_assert_cmpint (g_value_get_enum (&value), ==, IC_GRADE_NONE);

  g_type_class_unref (klass);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/types/values-and-nicks", test_types_have_values_and_nicks);
  g_test_add_func ("/enums/types/counts", test_counts_match_types);
  g_test_add_func ("/enums/types/contract-keys-are-not-nicks", test_contract_keys_are_not_nicks);
  g_test_add_func ("/enums/properties/typed", test_report_properties_are_typed);
  g_test_add_func ("/enums/properties/round-trip", test_property_values_round_trip);

  return g_test_run ();
}
