/* test-frameworks.c: the table of frameworks and the rules read from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-frameworks.h"
#include "ic-report-private.h"
#include "ic-test-util.h"

static IcReport *
ilacs_report (guint     year,
              GDateMonth month,
              gboolean  care_leavers)
{
  IcReport *report = _ic_report_new ("/r/ilacs.txt");
  g_autoptr(GDate) start = g_date_new_dmy (5, month, year);
  g_autoptr(GDate) end = g_date_new_dmy (16, month, year);
  g_autoptr(IcJudgement) in_care = ic_judgement_new (IC_AREA_CHILDREN_IN_CARE, "Children in care",
                                                     IC_GRADE_GOOD, 1);

  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_start_date (report, start);
  _ic_report_set_end_date (report, end);
  _ic_report_add_judgement (report, in_care);
  if (care_leavers)
    {
      g_autoptr(IcJudgement) leavers = ic_judgement_new (IC_AREA_CARE_LEAVERS, "Care leavers",
                                                         IC_GRADE_GOOD, 1);
      _ic_report_add_judgement (report, leavers);
    }
  return report;
}

/* Eras are chosen by the first day of fieldwork: December 2022 is the
 * last combined judgement, January 2023 the first split one, April 2026
 * the first without overall effectiveness. */
static void
test_eras (void)
{
  g_autoptr(GDate) dec_2022 = g_date_new_dmy (5, G_DATE_DECEMBER, 2022);
  g_autoptr(GDate) jan_2023 = g_date_new_dmy (16, G_DATE_JANUARY, 2023);
  g_autoptr(GDate) mar_2026 = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  g_autoptr(GDate) apr_2026 = g_date_new_dmy (1, G_DATE_APRIL, 2026);
  g_autoptr(GDate) before = g_date_new_dmy (1, G_DATE_JUNE, 2017);

  g_assert_true (ic_framework_find (IC_INSPECTION_TYPE_ILACS, dec_2022)->care_leavers_in_children_in_care);
  g_assert_false (ic_framework_find (IC_INSPECTION_TYPE_ILACS, jan_2023)->care_leavers_in_children_in_care);
  g_assert_true (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, mar_2026, IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_false (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, apr_2026, IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_true (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, apr_2026, IC_AREA_CARE_LEAVERS));
  g_assert_false (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, dec_2022, IC_AREA_CARE_LEAVERS));
  /* Before the first era: the first row. */
  g_assert_true (ic_framework_find (IC_INSPECTION_TYPE_ILACS, before) ==
                 ic_framework_find (IC_INSPECTION_TYPE_ILACS, dec_2022));
  /* Without a date only what every era grades is expected. */
  g_assert_false (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, NULL, IC_AREA_OVERALL_EFFECTIVENESS));
  g_assert_false (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, NULL, IC_AREA_CARE_LEAVERS));
  g_assert_true (ic_framework_expects_area (IC_INSPECTION_TYPE_ILACS, NULL, IC_AREA_LEADERSHIP));
}

/* One rule for "care leavers are part of children in care", asked by the
 * window and the drawing code alike. */
static void
test_care_leavers_rule (void)
{
  g_autoptr(IcReport) combined = ilacs_report (2022, G_DATE_DECEMBER, FALSE);
  g_autoptr(IcReport) split_missing = ilacs_report (2023, G_DATE_JANUARY, FALSE);
  g_autoptr(IcReport) split = ilacs_report (2024, G_DATE_MAY, TRUE);

  g_assert_true (ic_report_care_leavers_in_children_in_care (combined));
  g_assert_false (ic_report_care_leavers_in_children_in_care (split_missing));
  g_assert_false (ic_report_care_leavers_in_children_in_care (split));
}

/* "A letter" is one set of types: dated above the salutation, and the
 * types whose titles must end their line. */
static void
test_letters_and_grading (void)
{
  g_assert_true (ic_inspection_type_is_letter (IC_INSPECTION_TYPE_FOCUSED_VISIT));
  g_assert_true (ic_inspection_type_is_letter (IC_INSPECTION_TYPE_MONITORING_VISIT));
  g_assert_true (ic_inspection_type_is_letter (IC_INSPECTION_TYPE_JTAI));
  g_assert_false (ic_inspection_type_is_letter (IC_INSPECTION_TYPE_ILACS));
  g_assert_false (ic_inspection_type_is_letter (IC_INSPECTION_TYPE_SIF));

  g_assert_true (ic_inspection_type_is_graded (IC_INSPECTION_TYPE_LSCB_REVIEW));
  g_assert_false (ic_inspection_type_is_graded (IC_INSPECTION_TYPE_JTAI));
  g_assert_false (ic_inspection_type_is_graded (IC_INSPECTION_TYPE_OTHER));
  g_assert_cmpint (ic_inspection_type_default_scope (IC_INSPECTION_TYPE_JTAI), ==, IC_SCOPE_PARTNERSHIP);
  g_assert_cmpint (ic_inspection_type_default_scope (IC_INSPECTION_TYPE_LSCB_REVIEW), ==, IC_SCOPE_LSCB);
}

/* Every row is well formed: its title patterns compile, its eras are in
 * order and do not overlap, it expects only areas it grades, and a
 * graded row grades something. */
static void
test_rows_well_formed (void)
{
  guint n;
  const IcFramework *rows = ic_frameworks_get (&n);

  for (guint i = 0; i < n; i++)
    {
      const IcFramework *row = &rows[i];

      g_assert_nonnull (row->name);
      g_assert_cmpuint (row->expected_areas & ~row->graded_areas, ==, 0);
      g_assert_true ((row->grade_source == IC_GRADE_SOURCE_NONE) == (row->graded_areas == 0));
      for (guint k = 0; row->title_patterns != NULL && row->title_patterns[k] != NULL; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GRegex) re = g_regex_new (row->title_patterns[k], G_REGEX_CASELESS, 0, &error);

          g_assert_no_error (error);
        }
      if (i > 0 && rows[i - 1].type == row->type)
        {
          g_assert_nonnull (rows[i - 1].valid_until);
          g_assert_nonnull (row->valid_from);
          g_assert_cmpstr (rows[i - 1].valid_until, <, row->valid_from);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/frameworks/eras", test_eras);
  g_test_add_func ("/frameworks/care-leavers-rule", test_care_leavers_rule);
  g_test_add_func ("/frameworks/letters-and-grading", test_letters_and_grading);
  g_test_add_func ("/frameworks/rows-well-formed", test_rows_well_formed);
  return g_test_run ();
}
