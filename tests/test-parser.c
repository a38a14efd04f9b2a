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
  /* Nested bullets of either glyph stay in their recommendation, without
   * their markers, the hollow "o" printed on a line of its own too. */
  g_assert_cmpstr (ic_improvement_get_text (item (report, 1)), ==,
                   "Improve the quality of pathway plans so that they: set out clear actions; "
                   "are reviewed with the young person.");
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
test_letter_dated_before_visit (void)
{
  const char *pages[] = {
    "14 January 2019\n\nDear Director\n\n"
    "Focused visit to Walsall children's services\n\n"
    "This letter summarises the findings of the focused visit to Walsall children's services\n"
    "on 4 and 5 December 2019. The inspectors were Lou Fixture and Kit Example.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);
  gboolean warned = FALSE;

  g_assert_no_error (error);
  /* Kept as printed, but the user is told one date must be wrong. */
  assert_date (ic_report_get_published_date (report), "2019-01-14");
  assert_date (ic_report_get_end_date (report), "2019-12-05");
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    warned |= strstr (*w, "misprinted") != NULL;
  g_assert_true (warned);
}

static void
test_slac_two_services (void)
{
  g_autoptr(IcReport) report = parse_ok ("slac-2010.txt");

  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_SLAC);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Hounslow");
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, "Pat Example");
  assert_date (ic_report_get_published_date (report), "2010-04-23");

  /* Safeguarding's grades; the looked after children's overall grade is
   * children in care, and their capacity grade does not replace
   * safeguarding's. */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_ADEQUATE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CAPACITY_TO_IMPROVE), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_ADEQUATE);

  /* Numbered lead-in paragraphs ("… should take the following action.")
   * are not items; each bullet keeps the timeframe it stands under. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 3);
  g_assert_cmpstr (ic_improvement_get_timeframe (item (report, 0)), ==, "Immediately");
  g_assert_cmpstr (ic_improvement_get_timeframe (item (report, 1)), ==, "Within three months");
  g_assert_cmpstr (ic_improvement_get_text (item (report, 2)), ==, "increase the number of local foster carers.");
  g_assert_cmpstr (ic_improvement_get_timeframe (item (report, 2)), ==, "Within six months");
}

static void
test_list_that_refers_back (void)
{
  const char *pages[] = {
    "3 March 2020\n\nDear Director\n\n"
    "Focused visit to Halton children's services\n\n"
    "This letter summarises the findings of the focused visit to Halton children's services\n"
    "on 4 and 5 February 2020. The inspectors were Lou Fixture and Kit Example.\n\n"
    "What needs to improve in this area of social work practice\n\n"
    "The areas for improvement set out at the last inspection remain relevant.\n\n"
    "Findings\n\n"
    "Workers visit children often.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);
  gboolean warned = FALSE;

  g_assert_no_error (error);
  /* Not an item of its own: the user is told where the items are. */
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 0);
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    warned |= strstr (*w, "earlier inspection") != NULL;
  g_assert_true (warned);
  /* The statement itself is the report's improvement note, as printed. */
  g_assert_cmpstr (ic_report_get_improvement_note (report), ==,
                   "The areas for improvement set out at the last inspection remain relevant.");
}

static void
test_missing_grade_is_reported (void)
{
  const char *pages[] = {
    "Inspection of Halton local authority children's services\n"
    "Inspection dates: 6 to 17 March 2023\n"
    "Lead inspector: Jo Fixture\n"
    "Judgement\tGrade\n"
    "The impact of leaders on social work practice with children and families\tGood\n"
    "The experiences and progress of children who need help and protection\tGood\n"
    "The experiences and progress of children in care\tGood\n"
    "The progress of young people leaving our care\tGood\n"
    "Overall effectiveness\tGood\n"
    "Children are helped well in this invented authority, whose report is made up.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);
  guint warned = 0;

  g_assert_no_error (error);
  /* From 2023 care leavers have a row of their own: a row the parser
   * cannot read is named in a warning, not silently left blank. */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_NONE);
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    {
      g_autofree char *lower = g_utf8_strdown (*w, -1);

      warned += strstr (lower, "no grade was found") != NULL && strstr (lower, "care leavers") != NULL;
    }
  g_assert_cmpuint (warned, ==, 1);
}

static void
test_overlong_item_is_reported (void)
{
  g_autoptr(GString) page = g_string_new ("Inspection of Halton local authority children's services\n"
                                          "Inspection dates: 6 to 17 March 2022\n"
                                          "What needs to improve?\n"
                                          "◼ The timeliness of assessments for children in need.\n"
                                          "◼ Supervision that helps workers to reflect, and then\n");
  const char *pages[] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = NULL;
  gboolean warned = FALSE;

  /* Prose with no heading and no blank line after the list runs into
   * the last item: the parser cannot see where the list ended. */
  for (guint i = 0; i < 40; i++)
    g_string_append (page, "workers who know their children well carry on with the work,\n");
  pages[0] = page->str;
  report = ic_parse_report ("a.txt", pages, FALSE, &error);
  g_assert_no_error (error);
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    warned |= strstr (*w, "unusually long") != NULL;
  g_assert_true (warned);
}

static void
test_ilacs_table_by_columns (void)
{
  const char *pages[] = {
    "Inspection of Halton local authority children's services\n"
    "Inspection dates: 7 to 18 March 2022\n"
    "Lead inspector: Jo Fixture\n"
    "Judgement\nThe impact of leaders on social work practice with children and families\n"
    "The experiences and progress of children who need help and protection\n"
    "The experiences and progress of children in care and care leavers\n"
    "Overall effectiveness\n"
    "Grade\nGood\nRequires improvement to be good\nOutstanding\nGood\n"
    "Children in this invented authority are helped well, as this made-up sentence says.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  g_assert_no_error (error);
  /* Text extracted column by column: labels first, then grades in order. */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_HELP_AND_PROTECTION), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_OUTSTANDING);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
}

static void
test_ilacs_grades_from_body_headings (void)
{
  const char *pages[] = {
    "Inspection of Halton local authority children's services\n"
    "Inspection dates: 7 to 18 March 2022\n"
    "Lead inspector: Jo Fixture\n"
    "Judgement\tGrade\n"
    "Leaders' impact\tGood\n"
    "Help and protection\tInadequate\n"
    "Overall effectiveness\tRequires improvement to be good\n"
    "Children in this invented authority wait too long for help, says this made-up sentence.\n"
    "\n"
    "The experiences and progress of children who need help and\n"
    "protection is inadequate\n"
    "\n"
    "1. Children wait too long, and the previous inspection judged them to be good.\n"
    "\n"
    "The experiences and progress of children in care and care leavers: good\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  g_assert_no_error (error);
  /* Rows the table names in an unknown way are read from the headings of
   * the body's sections, wrapped or not, with ":" or "is". */
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_HELP_AND_PROTECTION), ==, IC_GRADE_INADEQUATE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_NONE);
}

static void
test_ilacs_table_and_heading_disagree (void)
{
  const char *pages[] = {
    "Inspection of Halton local authority children's services\n"
    "Inspection dates: 7 to 18 March 2022\n"
    "Judgement\tGrade\n"
    "The impact of leaders on social work practice with children and families\tGood\n"
    "The experiences and progress of children who need help and protection\tGood\n"
    "The experiences and progress of children in care and care leavers\tGood\n"
    "Overall effectiveness\tGood\n"
    "Children in this invented authority are helped well, says this made-up sentence.\n"
    "The experiences and progress of children in care and care leavers: inadequate\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);
  gboolean warned = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CHILDREN_IN_CARE), ==, IC_GRADE_GOOD);
  for (const char * const *w = ic_report_get_warnings (report); w && *w; w++)
    warned |= strstr (*w, "differs") != NULL;
  g_assert_true (warned);
}

static void
test_letter_title_run_on (void)
{
  const char *pages[] = {
    "3 March 2020\n\nDear Director\n\n"
    "Focused visit to Halton children's services This letter summarises the findings of the\n"
    "focused visit on 4 and 5 February 2020. The inspectors were Lou Fixture and Kit Example.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* Text that runs the title into the next words is still a letter. */
  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Halton");
}

static void
test_lscb_inspection_title (void)
{
  const char *pages[] = {
    "Halton\n"
    "Inspection of the effectiveness of the local safeguarding\n"
    "children board\n"
    "Inspection date: 3 – 25 March 2015\n"
    "Report published: 1 May 2015\n"
    "The Local Safeguarding Children Board is good\n"
    "The board in this invented fixture works well with its partners.\n"
    "What does the LSCB need to improve?\n"
    "Areas for improvement\n"
    "1. Check how well partners use the threshold document.\n"
    "Lead inspector: Jo Fixture HMI\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* "Inspection of", not "Review of", the board's effectiveness (2015). */
  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_LSCB_REVIEW);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LSCB), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_cmpuint (ic_improvement_get_scope (item (report, 0)), ==, IC_SCOPE_LSCB);
}

static void
test_wrapped_list_heading (void)
{
  const char *pages[] = {
    "3 March 2020\n\nDear Director\n\n"
    "Focused visit to Halton children's services\n\n"
    "This letter summarises the findings of the focused visit to Halton children's services\n"
    "on 4 and 5 February 2020. The inspectors were Lou Fixture and Kit Example.\n\n"
    "What needs to improve in this area of social work\n"
    "practice?\n\n"
    "Managers should record why they close cases to early help.\n\n"
    "Findings\n\n"
    "Workers visit children often.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* The heading's last word on a line of its own is neither lost nor
   * taken into the item. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==,
                   "Managers should record why they close cases to early help.");
}

static void
test_priority_none (void)
{
  const char *pages[] = {
    "Focused visit to Halton children's services\n\n"
    "This letter summarises the findings of the focused visit on 4 and 5 February 2020.\n\n"
    "Areas for priority action\n\nNone.\n\n"
    "What needs to improve in this area of social work practice\n\n"
    "- The quality of plans.\n\nFindings\n\nWorkers visit children often.\n\n"
    "Yours sincerely\n\nLou Fixture\nHer Majesty's Inspector\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* "None." under a heading is no item, and no warning either. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_cmpuint (ic_improvement_get_kind (item (report, 0)), ==, IC_ITEM_KIND_IMPROVEMENT);
  g_assert_null (ic_report_get_warnings (report)[0]);
}

static void
test_heading_with_glyph (void)
{
  const char *pages[] = {
    "Inspection of Halton local authority children's services\n"
    "Inspection dates: 7 to 18 March 2022\n"
    "Children in this invented authority are helped well, says this made-up sentence.\n\n"
    "\uF0E0\n"
    "What needs to improve?\n\n"
    "\u25FC The timeliness of assessments.\n\n"
    "The experiences and progress of children in care and care leavers: good\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* A decorative glyph on a line of its own before a heading is joined
   * to it like a bullet; the heading is still found. */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 1);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==, "The timeliness of assessments.");
}

static void
test_lac_grade_lines (void)
{
  const char *pages[] = {
    "Norfolk County Council\n"
    "Inspection of looked after children services\n"
    "Inspection dates: 8 - 19 July 2013\n"
    "Reporting inspector Pat Example HMI\n\n"
    "Overall effectiveness\nGrade 4 (inadequate)\n\n"
    "The overall effectiveness of services was judged good at the last inspection.\n\n"
    "Capacity to improve\nGrade 3 (adequate)\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* With no "Record of main findings", the graded headings count, not a
   * sentence about the last inspection. */
  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CAPACITY_TO_IMPROVE), ==, IC_GRADE_ADEQUATE);
}

static void
test_cp_sentences_present_tense (void)
{
  const char *pages[] = {
    "Inspection of local authority arrangements for the protection of children\n"
    "Redbridge\n"
    "Inspection dates: 8 - 17 October 2012\n"
    "Lead inspector Ann Tester HMI\n\n"
    "At the last inspection the overall effectiveness of services was inadequate.\n"
    "The overall effectiveness of arrangements to protect children is judged to be good.\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* Only the present tense gives this inspection's grade. */
  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
}

static void
test_sif_previous_judgement_sentence (void)
{
  const char *pages[] = {
    "Halton Borough Council\n"
    "Reinspection of services for children in need of help and\n"
    "protection, children looked after and care leavers\n"
    "Inspection date: 3 May 2017 – 26 May 2017\n"
    "Children's services in Halton were judged inadequate in 2015.\n"
    "Children's services in Halton require improvement to be good\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) report = ic_parse_report ("a.txt", pages, FALSE, &error);

  /* A re-inspection may recall the last judgement; it is not this one. */
  g_assert_no_error (error);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
}

static void
test_ilacs_page_heads (void)
{
  g_autoptr(IcReport) report = parse_ok ("ilacs-2025-page-heads.txt");

  /* Each later page opens with the title, the dates and the page number;
   * the first page's title is the same line, and is kept as the title. */
  g_assert_cmpuint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_ILACS);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Halton");
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_improvements (report)), ==, 2);
  g_assert_cmpstr (ic_improvement_get_text (item (report, 0)), ==,
                   "The quality of plans for children who need help, so that they are clear.");
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
  g_test_add_func ("/parser/letter-dated-before-visit", test_letter_dated_before_visit);
  g_test_add_func ("/parser/slac-two-services", test_slac_two_services);
  g_test_add_func ("/parser/list-that-refers-back", test_list_that_refers_back);
  g_test_add_func ("/parser/missing-grade-is-reported", test_missing_grade_is_reported);
  g_test_add_func ("/parser/overlong-item-is-reported", test_overlong_item_is_reported);
  g_test_add_func ("/parser/ilacs/table-by-columns", test_ilacs_table_by_columns);
  g_test_add_func ("/parser/ilacs/grades-from-body-headings", test_ilacs_grades_from_body_headings);
  g_test_add_func ("/parser/ilacs/table-and-heading-disagree", test_ilacs_table_and_heading_disagree);
  g_test_add_func ("/parser/letter-title-run-on", test_letter_title_run_on);
  g_test_add_func ("/parser/lscb-inspection-title", test_lscb_inspection_title);
  g_test_add_func ("/parser/wrapped-list-heading", test_wrapped_list_heading);
  g_test_add_func ("/parser/priority-none", test_priority_none);
  g_test_add_func ("/parser/heading-with-glyph", test_heading_with_glyph);
  g_test_add_func ("/parser/lac-grade-lines", test_lac_grade_lines);
  g_test_add_func ("/parser/cp-sentences-present-tense", test_cp_sentences_present_tense);
  g_test_add_func ("/parser/sif/previous-judgement-sentence", test_sif_previous_judgement_sentence);
  g_test_add_func ("/parser/ilacs/page-heads", test_ilacs_page_heads);
  g_test_add_func ("/parser/other-ofsted-reports-are-not-ours", test_other_ofsted_reports_are_not_ours);
  g_test_add_func ("/parser/not-a-report", test_not_a_report);
  g_test_add_func ("/parser/text-files-have-no-pages", test_text_files_have_no_pages);

  return g_test_run ();
}
