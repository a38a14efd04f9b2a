/* test-filter-spec.c: the filters every output shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-authorities.h"
#include "ic-filter-spec.h"
#include "ic-report-private.h"
#include "ic-test-util.h"

static IcReport *
report (const char       *authority,
        IcInspectionType  type,
        int               year,
        IcGrade           overall)
{
  g_autofree char *source = g_strdup_printf ("%s-%s-%d.pdf", authority, ic_inspection_type_to_key (type), year);
  IcReport *r = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (10, G_DATE_MARCH, year);

  _ic_report_set_authority (r, authority);
  _ic_report_set_inspection_type (r, type);
  _ic_report_set_end_date (r, end);
  if (overall != IC_GRADE_NONE)
    _ic_report_set_grade (r, IC_AREA_OVERALL_EFFECTIVENESS, overall);
  return r;
}

static GListModel *
sample (void)
{
  return ic_test_model_of (report ("Barnet", IC_INSPECTION_TYPE_SIF, 2017, IC_GRADE_GOOD),
                           report ("Barnet", IC_INSPECTION_TYPE_ILACS, 2021, IC_GRADE_OUTSTANDING),
                           report ("Barnet", IC_INSPECTION_TYPE_FOCUSED_VISIT, 2024, IC_GRADE_NONE),
                           report ("Leeds", IC_INSPECTION_TYPE_ILACS, 2019, IC_GRADE_OUTSTANDING),
                           report ("Leeds", IC_INSPECTION_TYPE_ILACS, 2023, IC_GRADE_GOOD),
                           report ("Sheffield", IC_INSPECTION_TYPE_JTAI, 2022, IC_GRADE_NONE),
                           report ("Camden", IC_INSPECTION_TYPE_ILACS, 2023, IC_GRADE_GOOD),
                           NULL);
}

/* The sources of the reports @spec selects from sample(), joined by " ". */
static char *
selected (IcFilterSpec *spec)
{
  g_autoptr(GListModel) reports = sample ();
  g_autoptr(GListModel) kept = ic_filter_spec_select (spec, reports);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (kept); i++)
    {
      g_autoptr(IcReport) r = g_list_model_get_item (kept, i);

      g_string_append_printf (text, "%s%s", i ? " " : "", ic_report_get_source (r));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_names_resolve (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  /* Variants the authority table knows give the canonical name. */
  g_assert_true (ic_filter_spec_add_authority (spec, "London Borough of Barnet", &error));
  g_assert_no_error (error);
  g_assert_true (ic_filter_spec_add_authority (spec, "Leeds City Council", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ic_filter_spec_get_authorities (spec)[0], ==, "Barnet");
  g_assert_cmpstr (ic_filter_spec_get_authorities (spec)[1], ==, "Leeds");
  g_assert_true (ic_filter_spec_set_region (spec, "london", &error));
  g_assert_cmpstr (ic_filter_spec_get_region (spec), ==, "London");

  kept = selected (spec);
  g_assert_cmpstr (kept, ==, "Barnet-sif-2017.pdf Barnet-ilacs-2021.pdf Barnet-focused_visit-2024.pdf");
}

static void
test_unknown_names (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ic_filter_spec_add_authority (spec, "Atlantis", &error));
  g_assert_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "Atlantis"));
  g_clear_error (&error);
  g_assert_false (ic_filter_spec_set_region (spec, "Middle Earth", &error));
  g_assert_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "Middle Earth"));
  g_clear_error (&error);
  g_assert_false (ic_filter_spec_set_peers_of (spec, "Gotham", &error));
  g_assert_nonnull (strstr (error->message, "Gotham"));
  g_clear_error (&error);
  g_assert_false (ic_filter_spec_add_type (spec, "ofsted", &error));
  g_assert_nonnull (strstr (error->message, "ofsted"));
  g_clear_error (&error);

  /* Nothing unknown was kept. */
  g_assert_true (ic_filter_spec_is_empty (spec));

  ic_filter_spec_set_from_year (spec, 2024);
  ic_filter_spec_set_to_year (spec, 2020);
  g_assert_false (ic_filter_spec_check (spec, &error));
  g_assert_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_INVALID);
}

static void
test_peers (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  const IcAuthority *leeds = ic_authorities_lookup ("Leeds");
  GPtrArray *neighbours = ic_authority_get_neighbours (leeds);
  const char * const *group;
  g_autofree char *kept = NULL;

  g_assert_true (ic_filter_spec_set_peers_of (spec, "Leeds", NULL));
  group = ic_filter_spec_get_peer_group (spec);
  g_assert_cmpuint (g_strv_length ((char **) group), ==, neighbours->len + 1);
  g_assert_cmpstr (group[0], ==, "Leeds");
  for (guint i = 0; i < neighbours->len; i++)
    g_assert_true (g_strv_contains (group, ic_authority_get_name (g_ptr_array_index (neighbours, i))));

  kept = selected (spec);
  if (g_strv_contains (group, "Sheffield"))
    g_assert_cmpstr (kept, ==, "Leeds-ilacs-2019.pdf Leeds-ilacs-2023.pdf Sheffield-jtai-2022.pdf");
  else
    g_assert_cmpstr (kept, ==, "Leeds-ilacs-2019.pdf Leeds-ilacs-2023.pdf");
}

static void
test_types_and_years (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autofree char *kept = NULL;
  g_autofree char *later = NULL;

  g_assert_true (ic_filter_spec_add_type (spec, "ilacs", NULL));
  g_assert_true (ic_filter_spec_add_type (spec, "jtai", NULL));
  ic_filter_spec_set_from_year (spec, 2021);
  ic_filter_spec_set_to_year (spec, 2022);
  kept = selected (spec);
  g_assert_cmpstr (kept, ==, "Barnet-ilacs-2021.pdf Sheffield-jtai-2022.pdf");

  ic_filter_spec_set_to_year (spec, 0);
  later = selected (spec);
  g_assert_cmpstr (later, ==, "Barnet-ilacs-2021.pdf Leeds-ilacs-2023.pdf Sheffield-jtai-2022.pdf "
                              "Camden-ilacs-2023.pdf");
}

static void
test_latest (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;

  /* Latest graded: a later focused visit or JTAI gives no grades. */
  ic_filter_spec_set_latest (spec, TRUE);
  kept = selected (spec);
  g_assert_cmpstr (kept, ==, "Barnet-ilacs-2021.pdf Leeds-ilacs-2023.pdf Camden-ilacs-2023.pdf");

  /* The other criteria choose first, then the latest of what is left. */
  ic_filter_spec_set_to_year (spec, 2020);
  before = selected (spec);
  g_assert_cmpstr (before, ==, "Barnet-sif-2017.pdf Leeds-ilacs-2019.pdf");
}

static void
on_changed (IcFilterSpec *spec,
            guint        *count)
{
  (*count)++;
}

static void
test_describe_and_signals (void)
{
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  g_autoptr(IcFilterSpec) copy = NULL;
  g_autofree char *none = ic_filter_spec_describe (spec);
  g_autofree char *some = NULL;
  g_autofree char *many = NULL;
  guint count = 0;

  g_assert_cmpstr (none, ==, "all reports");
  g_signal_connect (spec, "changed", G_CALLBACK (on_changed), &count);
  g_assert_true (ic_filter_spec_set_region (spec, "London", NULL));
  g_assert_true (ic_filter_spec_set_region (spec, "LONDON", NULL));
  ic_filter_spec_set_from_year (spec, 2023);
  ic_filter_spec_set_latest (spec, TRUE);
  g_assert_cmpuint (count, ==, 3);
  some = ic_filter_spec_describe (spec);
  g_assert_cmpstr (some, ==, "London \u00b7 from 2023 \u00b7 latest graded report of each authority");

  copy = ic_filter_spec_copy (spec);
  g_assert_true (ic_filter_spec_equal (spec, copy));
  g_assert_true (ic_filter_spec_add_authority (copy, "Camden", NULL));
  g_assert_true (ic_filter_spec_set_peers_of (copy, "Leeds", NULL));
  g_assert_true (ic_filter_spec_add_type (copy, "focused_visit", NULL));
  ic_filter_spec_set_to_year (copy, 2025);
  g_assert_false (ic_filter_spec_equal (spec, copy));
  many = ic_filter_spec_describe (copy);
  g_assert_cmpstr (many, ==, "Camden \u00b7 London \u00b7 Leeds and its statistical neighbours \u00b7 "
                             "Focused visit \u00b7 2023 to 2025 \u00b7 latest graded report of each authority");

  ic_filter_spec_reset (spec);
  g_assert_true (ic_filter_spec_is_empty (spec));
  g_assert_cmpuint (count, ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter-spec/names-resolve", test_names_resolve);
  g_test_add_func ("/filter-spec/unknown-names", test_unknown_names);
  g_test_add_func ("/filter-spec/peers", test_peers);
  g_test_add_func ("/filter-spec/types-and-years", test_types_and_years);
  g_test_add_func ("/filter-spec/latest", test_latest);
  g_test_add_func ("/filter-spec/describe-and-signals", test_describe_and_signals);

  return g_test_run ();
}
