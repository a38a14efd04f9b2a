/* test-parser.c: each parsing rule on fixtures written for the tests
 *
 * The fixtures in tests/fixtures/parser imitate the shapes FRAMEWORKS.md
 * describes (with invented wording): pages split by form feeds, running
 * heads, page numbers, footnotes, private-use bullets, wrapped grades.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-parser.h"
#include "ic-test-util.h"

static IcReport *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) pages = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  pages = g_strsplit (contents, "\f", -1);
  return ic_parse_report (path, (const char * const *)pages, TRUE, error);
}

static IcReport *
parse_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  IcReport *report = parse_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *got = ic_date_to_iso (date);

  g_assert_cmpstr (got, ==, iso);
}

static IcImprovement *
item (IcReport *report,
      guint     index)
{
  GListModel *items = ic_report_get_improvements (report);
  g_autoptr(IcImprovement) improvement = g_list_model_get_item (items, index);

  g_assert_nonnull (improvement);
  return improvement; /* the report keeps it alive */
}

static void
test_ilacs_wrapped_table (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2019.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_ILACS);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Rutland");
  g_assert_cmpstr (ic_report_get_authority_as_printed (report), ==, "Rutland County Council");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Jane Example");
  assert_date (ic_report_get_start_date (report), "2019-03-04");
  assert_date (ic_report_get_end_date (report), "2019-03-15");
  /* Twelve days on site: a standard inspection. */
  g_assert_cmpuint (ic_report_get_ilacs_variant (report), ==, IC_ILACS_VARIANT_STANDARD);

  /* Grades wrapped over lines; the previous inspection's "inadequate"
   * grades listed later in the body are not taken. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_judgements (report)), ==, 4);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_NONE);
}

static void
test_ilacs_items_across_pages (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2019.txt");

  /* Private-use bullets, the heading's footnote digit, the footnote text
   * at the bottom of page 1, the running head and page number of page 2. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==,
                   "the timeliness of initial health assessments for children who come into care");
  g_assert_cmpstr (ic_improvement_get_text (item (report, 1)), ==,
                   "management oversight of decision-making at the front door");
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==,
                   "the quality of plans for care leavers, so that every young person knows what will happen next");
  g_assert_cmpuint (ic_improvement_get_page (item (report, 0)), ==, 1);
  g_assert_cmpuint (ic_improvement_get_page (item (report, 2)), ==, 2);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_IMPROVEMENT);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 0)), ==, IC_SCOPE_LOCAL_AUTHORITY);
}

static void
test_ilacs_2026_without_overall (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2026.txt");

  g_assert_cmpstr (ic_report_get_authority (report), ==, "North Northamptonshire");
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_NONE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_OUTSTANDING);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_HELP_AND_PROTECTION), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
  /* An improvement written as a paragraph, with no bullet. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_true (g_str_has_prefix (ic_improvement_get_text (item (report, 0)), "The way that leaders"));
}

static void
test_sif_sentences_and_recommendations (void)
{
  g_autoptr(IcReport) report = parse_ok ("sif-2016.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SIF);
  assert_date (ic_report_get_start_date (report), "2016-05-03");
  assert_date (ic_report_get_published_date (report), "2016-08-01");
  /* "Children's services in X require improvement to be good" has no label. */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_ADOPTION), ==, IC_GRADE_OUTSTANDING);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LSCB), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  /* The lead inspector stands at the end, next to the deputy. */
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "John Sample");

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 5);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_RECOMMENDATION);
  /* Wrapped lines that read like headings ("recommendations.", "Section 20
   * arrangement …") continue the item. */
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==,
                   "Increase the number of foster carers recruited each year, as the board asked in its "
                   "recommendations.");
  g_assert_cmpstr (ic_improvement_get_text (item (report, 3)), ==,
                   "Ensure that the review of all children looked after under a Section 20 arrangement "
                   "is accelerated.");
  g_assert_true (g_str_has_suffix (ic_improvement_get_text (item (report, 0)), "(paragraph 25)"));
  g_assert_true (g_str_has_suffix (ic_improvement_get_text (item (report, 1)),
                                   "are reviewed with the young person."));
  g_assert_cmpuint (ic_improvement_get_page (item (report, 2)), ==, 3);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 2)), ==, IC_SCOPE_LOCAL_AUTHORITY);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 4)), ==, IC_SCOPE_LSCB);

  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_strengths (report)), ==, 2);
}

static void
test_child_protection_2012 (void)
{
  g_autoptr(IcReport) report = parse_ok ("cp-2012.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_CHILD_PROTECTION);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Redbridge");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Ann Tester");
  assert_date (ic_report_get_start_date (report), "2012-10-08");
  assert_date (ic_report_get_end_date (report), "2012-10-17");
  /* The 2009–13 scale keeps "adequate" apart from "requires improvement". */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_ADEQUATE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_QUALITY_OF_PRACTICE), ==, IC_GRADE_ADEQUATE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpstr (ic_improvement_get_timeframe (item (report, 0)), ==, "Immediately");
  g_assert_cmpstr (ic_improvement_get_timeframe (item (report, 2)), ==, "Within three months");
  g_assert_cmpuint (ic_improvement_get_page (item (report, 0)), ==, 1);
}

static void
test_focused_visit_letter (void)
{
  g_autoptr(IcReport) report = parse_ok ("fv-2025.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Westmorland and Furness");
  /* The visit in 2025, the letter in 2026. */
  assert_date (ic_report_get_start_date (report), "2025-11-25");
  assert_date (ic_report_get_end_date (report), "2025-11-26");
  assert_date (ic_report_get_published_date (report), "2026-01-12");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Sam Writer");
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_judgements (report)), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_PRIORITY_ACTION);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 1)), ==, IC_ITEM_KIND_IMPROVEMENT);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==,
                   "Supervision that helps social workers reflect on their practice. "
                   "(Outcome 6, National Framework)");
}

static void
test_jtai_partnership (void)
{
  g_autoptr(IcReport) report = parse_ok ("jtai-2024.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_JTAI);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Richmond upon Thames");
  g_assert_null (ic_report_get_lead_inspector (report));
  assert_date (ic_report_get_start_date (report), "2024-07-15");
  assert_date (ic_report_get_published_date (report), "2024-09-06");
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 2);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 0)), ==, IC_SCOPE_PARTNERSHIP);
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_strengths (report)), ==, 3);
}

static void
test_lscb_review (void)
{
  g_autoptr(IcReport) report = parse_ok ("lscb-2015.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_LSCB_REVIEW);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Surrey");
  /* "(LSCB) is\nrequires improvement", as one review printed it. */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LSCB), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==,
                   "Ensure that the board evaluates the impact of its training.");
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 0)), ==, IC_SCOPE_LSCB);
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Lee Fixture");
}

static void
test_monitoring_visit (void)
{
  g_autoptr(IcReport) report = parse_ok ("mv-2019.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_MONITORING_VISIT);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Bradford");
  assert_date (ic_report_get_start_date (report), "2019-07-16");
  assert_date (ic_report_get_published_date (report), "2019-08-14");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Pat Fixture");
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_judgements (report)), ==, 0);
}

static void
test_jtai_2018_wrapped_title (void)
{
  g_autoptr(IcReport) report = parse_ok ("jtai-2018.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_JTAI);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Leeds");
  g_assert_cmpstr (ic_report_get_title (report), ==,
                   "Joint targeted area inspection of the multi-agency response to children "
                   "living with domestic abuse in Leeds");
  /* "Between 15 and 19 January 2018" */
  assert_date (ic_report_get_start_date (report), "2018-01-15");
  assert_date (ic_report_get_end_date (report), "2018-01-19");
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_strengths (report)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 2);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 1)), ==,
                   "Probation officers need training on the effects of domestic abuse on children.");
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 1)), ==, IC_SCOPE_PARTNERSHIP);
}

static void
test_ilacs_children_care_leavers (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2025-care-leavers.txt");

  /* The row's label has a stray word: "… progress of children care leavers". */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_judgements (report)), ==, 5);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_OUTSTANDING);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_HELP_AND_PROTECTION), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
}

static void
test_sif_2014_lists (void)
{
  g_autoptr(IcReport) report = parse_ok ("sif-2014.txt");
  const char * const *strengths;

  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LSCB), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Chris Sample");

  /* "The inspection did not find any areas for priority and immediate
   * action" is no item; the LSCB's grade on the front page does not
   * start its section, so the local authority's items stay its own. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_IMPROVEMENT);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 0)), ==, IC_SCOPE_LOCAL_AUTHORITY);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 1)), ==, IC_SCOPE_LOCAL_AUTHORITY);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==,
                   "Evaluate the difference that multi-agency training makes to practice.");
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 2)), ==, IC_SCOPE_LSCB);

  /* The LSCB's strengths count; "Key strengths and weaknesses" do not. */
  strengths = ic_report_get_strengths (report);
  g_assert_cmpuint (g_strv_length ((char **)strengths), ==, 2);
  g_assert_cmpstr (strengths[1], ==, "The chair challenges partners constructively.");
}

static void
test_ilacs_sub_bullets (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2019-subbullets.txt");

  /* Lower-case items after U+F06E glyphs; dashes printed on lines of their
   * own are sub-items of the item that leads in with a colon. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==,
                   "the way managers record why they have made decisions");
  g_assert_cmpstr (ic_improvement_get_text (item (report, 1)), ==,
                   "how well plans for children in care say: what the child wants to happen; "
                   "who will do each task; when the plan will be looked at again");
  /* The footnote at the foot of the page does not split the last item. */
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==,
                   "the help that care leavers get to find somewhere to live that is safe and "
                   "suitable for them.");
  g_assert_cmpuint (ic_improvement_get_page (item (report, 2)), ==, 2);
}

static void
test_focused_visit_to_trust (void)
{
  g_autoptr(IcReport) report = parse_ok ("fv-2021-trust.txt");

  /* The title names a trust, not "children's services"; a sentence in
   * the body that does is not the title, nor is the ILACS framework. */
  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  g_assert_cmpstr (ic_report_get_title (report), ==, "Focused visit to Northamptonshire Children's Trust");
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Northamptonshire");
  assert_date (ic_report_get_start_date (report), "2021-11-09");
  assert_date (ic_report_get_end_date (report), "2021-11-10");
  assert_date (ic_report_get_published_date (report), "2021-12-09");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Dee Fixture");
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 2);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_PRIORITY_ACTION);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 1)), ==, IC_ITEM_KIND_IMPROVEMENT);
}

static void
test_authority_line_with_council_words (void)
{
  const char *pages[] = {
    "Plymouth City\n"
    "Inspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection date: 6 March 2017 – 30 March 2017\n"
    "Children's services in Plymouth are good\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Plymouth");
  g_assert_cmpstr (ic_report_get_authority_as_printed (report), ==, "Plymouth City");
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    g_assert_null (strstr (*w, "authority"));
}

static void
test_other_ofsted_reports_are_not_ours (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = parse_fixture ("school.txt", &error);

  g_assert_null (report);
  g_assert_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NOT_A_REPORT);
}

static void
test_not_a_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = parse_fixture ("not-a-report.txt", &error);
  const char *empty[] = { "", " \n ", NULL };

  g_assert_null (report);
  g_assert_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NOT_A_REPORT);
  g_assert_cmpstr (error->message, ==, "not an Ofsted local authority report");
  g_clear_error (&error);

  g_assert_null (ic_parse_report ("scan.pdf", empty, TRUE, &error));
  g_assert_error (error, IC_PARSE_ERROR, IC_PARSE_ERROR_NO_TEXT);
}

static void
test_text_files_have_no_pages (void)
{
  const char *pages[] = {
    "Inspection of Greenwich local authority children's services\n"
    "Inspection dates: 9 December 2019 to 13 December 2019\n"
    "Lead inspector: Someone Else\n"
    "Judgement\tGrade\nOverall effectiveness\tGood\n"
    "What needs to improve\n- Recording of supervision.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);
  g_autoptr(IcImprovement) first = NULL;

  g_assert_no_error (error);
  first = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_cmpuint (ic_improvement_get_page (first), ==, 0);
  /* Five days on site: a short inspection. */
  g_assert_cmpuint (ic_report_get_ilacs_variant (report), ==, IC_ILACS_VARIANT_SHORT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/ilacs/wrapped-table", test_ilacs_wrapped_table);
  g_test_add_func ("/parser/ilacs/items-across-pages", test_ilacs_items_across_pages);
  g_test_add_func ("/parser/ilacs/2026-without-overall", test_ilacs_2026_without_overall);
  g_test_add_func ("/parser/sif/sentences-and-recommendations", test_sif_sentences_and_recommendations);
  g_test_add_func ("/parser/child-protection-2012", test_child_protection_2012);
  g_test_add_func ("/parser/focused-visit-letter", test_focused_visit_letter);
  g_test_add_func ("/parser/jtai-partnership", test_jtai_partnership);
  g_test_add_func ("/parser/lscb-review", test_lscb_review);
  g_test_add_func ("/parser/monitoring-visit", test_monitoring_visit);
  g_test_add_func ("/parser/jtai-2018-wrapped-title", test_jtai_2018_wrapped_title);
  g_test_add_func ("/parser/ilacs/children-care-leavers", test_ilacs_children_care_leavers);
  g_test_add_func ("/parser/sif/2014-lists", test_sif_2014_lists);
  g_test_add_func ("/parser/ilacs/sub-bullets", test_ilacs_sub_bullets);
  g_test_add_func ("/parser/focused-visit-to-trust", test_focused_visit_to_trust);
  g_test_add_func ("/parser/authority-line-with-council-words", test_authority_line_with_council_words);
  g_test_add_func ("/parser/other-ofsted-reports-are-not-ours", test_other_ofsted_reports_are_not_ours);
  g_test_add_func ("/parser/not-a-report", test_not_a_report);
  g_test_add_func ("/parser/text-files-have-no-pages", test_text_files_have_no_pages);

  return g_test_run ();
}
