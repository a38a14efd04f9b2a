/* test-parser-corpus.c: the parser on the real reports of ../shared/corpus
 *
 * seeds/ and pdf/ are compared field by field with expected/ (texts after
 * folding white space, quotes and hyphenation, as the corpus README says);
 * bulk/ must give every graded report its judgements, dates and
 * authority, and every focused visit its dates, authority and items.
 * Skipped, saying so, when the corpus is absent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ic-loader.h"
#include "ic-report-store.h"
#include "ic-test-util.h"

static IcReportStore *
load_folder (const char *path)
{
  IcReportStore *store = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (store);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_loader_load_sync (loader, &file, 1, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static IcReport *
find_report (IcReportStore *store,
             const char    *stem)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);
      g_autofree char *base = g_path_get_basename (ic_report_get_source (report));

      if (g_str_has_prefix (base, stem) && base[strlen (stem)] == '.')
        return report;
    }
  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

static void
check_date (const char  *stem,
            const char  *field,
            JsonObject  *expected,
            const GDate *date)
{
  g_autofree char *iso = ic_date_to_iso (date);

  if (g_strcmp0 (member_string (expected, field), iso) != 0)
    g_error ("%s: %s expected %s, got %s", stem, field, member_string (expected, field), iso);
}

static void
check_judgements (const char *stem,
                  JsonObject *expected,
                  IcReport   *report)
{
  JsonArray *judgements = json_object_get_array_member (expected, "judgements");

  g_assert_cmpuint (g_list_model_get_n_items (ic_report_get_judgements (report)), ==,
                    json_array_get_length (judgements));
  for (guint i = 0; i < json_array_get_length (judgements); i++)
    {
      JsonObject *j = json_array_get_object_element (judgements, i);
      IcArea area;
      IcGrade grade;

      g_assert_true (ic_area_from_key (member_string (j, "area"), &area));
      g_assert_true (ic_grade_from_key (member_string (j, "grade"), &grade));
      if (ic_report_get_grade (report, area) != grade)
        g_error ("%s: %s expected %s, got %s", stem, ic_area_to_key (area),
                 ic_grade_to_key (grade), ic_grade_to_key (ic_report_get_grade (report, area)));
    }
}

static void
check_items (const char *stem,
             JsonObject *expected,
             IcReport   *report)
{
  JsonArray *items = json_object_get_array_member (expected, "improvements");
  GListModel *got = ic_report_get_improvements (report);

  g_assert_cmpuint (g_list_model_get_n_items (got), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *e = json_array_get_object_element (items, i);
      g_autoptr(IcImprovement) item = g_list_model_get_item (got, i);
      g_autofree char *want = ic_test_fold_text (member_string (e, "text"));
      g_autofree char *have = ic_test_fold_text (ic_improvement_get_text (item));

      if (!g_str_equal (want, have))
        g_error ("%s: item %u\n expected %s\n got      %s", stem, i,
                 member_string (e, "text"), ic_improvement_get_text (item));
      g_assert_cmpstr (ic_item_kind_to_key (ic_improvement_get_kind (item)), ==, member_string (e, "kind"));
      g_assert_cmpstr (ic_scope_to_key (ic_improvement_get_scope (item)), ==, member_string (e, "scope"));
      g_assert_cmpstr (ic_improvement_get_timeframe (item), ==, member_string (e, "timeframe"));
    }
}

static void
check_expected (IcReport   *report,
                const char *stem,
                JsonObject *e)
{
  g_assert_cmpstr (ic_report_get_authority (report), ==, member_string (e, "authority"));
  g_assert_cmpstr (ic_inspection_type_to_key (ic_report_get_inspection_type (report)), ==,
                   member_string (e, "inspection_type"));
  g_assert_cmpstr (ic_ilacs_variant_to_key (ic_report_get_ilacs_variant (report)), ==,
                   member_string (e, "ilacs_variant"));
  g_assert_cmpstr (ic_report_get_lead_inspector (report), ==, member_string (e, "lead_inspector"));
  check_date (stem, "start_date", e, ic_report_get_start_date (report));
  check_date (stem, "end_date", e, ic_report_get_end_date (report));
  check_date (stem, "published_date", e, ic_report_get_published_date (report));
  check_judgements (stem, e, report);
  check_items (stem, e, report);
  g_assert_cmpuint (g_strv_length ((char **)ic_report_get_strengths (report)), ==,
                    json_object_get_int_member (e, "strengths_count"));
}

static void
test_expected (gconstpointer data)
{
  const char *folder = data;
  g_autofree char *root = ic_test_corpus_path (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *expected_dir = NULL;
  g_autoptr(IcReportStore) store = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint checked = 0;

  if (root == NULL)
    return;

  dir = g_build_filename (root, folder, NULL);
  expected_dir = g_build_filename (root, "expected", NULL);
  store = load_folder (dir);
  listing = g_dir_open (expected_dir, 0, NULL);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (expected_dir, name, NULL);
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".json"));
      g_autoptr(JsonParser) parser = json_parser_new ();
      IcReport *report = find_report (store, stem);

      if (report == NULL)
        continue;
      g_assert_true (json_parser_load_from_file (parser, path, NULL));
      g_test_message ("checking %s", stem);
      check_expected (report, stem, json_node_get_object (json_parser_get_root (parser)));
      checked++;
    }

  g_test_message ("%u reports of %s match expected/", checked, folder);
  g_assert_cmpuint (checked, ==, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_assert_cmpuint (checked, >, 0);
}

typedef struct
{
  guint graded, graded_complete;
  guint visits, visits_complete, visits_without_section;
  guint other;
} BulkCounts;

static gboolean
has_warning (IcReport   *report,
             const char *start)
{
  const char * const *warnings = ic_report_get_warnings (report);

  for (guint i = 0; warnings[i] != NULL; i++)
    if (g_str_has_prefix (warnings[i], start))
      return TRUE;
  return FALSE;
}

static void
count_report (IcReport   *report,
              BulkCounts *counts)
{
  IcInspectionType type = ic_report_get_inspection_type (report);
  gboolean basics = ic_report_get_authority (report) != NULL &&
                    ic_report_get_start_date (report) != NULL &&
                    ic_report_get_end_date (report) != NULL;
  guint n_items = g_list_model_get_n_items (ic_report_get_improvements (report));

  if (ic_inspection_type_is_graded (type))
    {
      counts->graded++;
      if (basics && g_list_model_get_n_items (ic_report_get_judgements (report)) >= 3)
        counts->graded_complete++;
      else
        g_test_message ("incomplete graded report: %s", ic_report_get_source (report));
    }
  else if (type == IC_INSPECTION_TYPE_FOCUSED_VISIT)
    {
      counts->visits++;
      /* Some letters have no improvement section at all; the parser says so. */
      if (n_items == 0 && has_warning (report, "No list of improvements"))
        counts->visits_without_section++;
      if (basics && (n_items > 0 || has_warning (report, "No list of improvements")))
        counts->visits_complete++;
      else
        g_test_message ("incomplete focused visit: %s", ic_report_get_source (report));
    }
  else
    {
      counts->other++;
      g_test_message ("neither graded nor a focused visit: %s", ic_report_get_source (report));
    }
}

static void
test_bulk (void)
{
  g_autofree char *dir = ic_test_corpus_path ("bulk");
  g_autoptr(IcReportStore) store = NULL;
  GListModel *failures;
  BulkCounts counts = { 0 };
  guint n;

  if (dir == NULL)
    return;

  store = load_folder (dir);
  failures = ic_report_store_get_failures (store);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    count_report (ic_report_store_get_report (store, i), &counts);

  g_printerr ("# bulk: %u reports, %u failures; graded %u (complete %u); focused visits %u "
              "(complete %u, %u without an improvement section); other %u\n",
              n, g_list_model_get_n_items (failures), counts.graded, counts.graded_complete,
              counts.visits, counts.visits_complete, counts.visits_without_section, counts.other);

  g_assert_cmpuint (n + g_list_model_get_n_items (failures), ==, 181);
  g_assert_cmpuint (counts.graded_complete, ==, counts.graded);
  g_assert_cmpuint (counts.visits_complete, ==, counts.visits);
  g_assert_cmpuint (counts.visits, ==, 61);
  g_assert_cmpuint (counts.graded, ==, 120);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("IC_NO_CACHE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/parser/corpus/seeds", "seeds", test_expected);
  g_test_add_data_func ("/parser/corpus/pdf", "pdf", test_expected);
  g_test_add_func ("/parser/corpus/bulk", test_bulk);

  return g_test_run ();
}
