/* test-model.c: reports, the store and JSON round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ic-corrections.h"
#include "ic-failure.h"
#include "ic-json.h"
#include "ic-report-private.h"
#include "ic-report-snapshot.h"
#include "ic-report-store.h"
#include "ic-test-util.h"

static IcReport *
make_report (const char *source,
             const char *authority,
             guint       day,
             guint       year,
             const char *content_id)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (day, G_DATE_MARCH, year);

  _ic_report_set_authority (report, authority);
  _ic_report_set_end_date (report, end);
  _ic_report_set_content_id (report, content_id);
  return report;
}

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_store_sorted_batches (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  ItemsChanged record = { 0 };
  const char *expected[] = { "b-2019", "b-2022", "g-2018", "r-2020" };

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &record);

  g_ptr_array_add (batch, make_report ("r-2020", "Richmond upon Thames", 1, 2020, "r"));
  g_ptr_array_add (batch, make_report ("b-2022", "Barnsley", 1, 2022, "b2"));
  g_ptr_array_add (batch, make_report ("b-2019", "Barnsley", 1, 2019, "b1"));
  ic_report_store_add_batch (store, batch);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.added, ==, 3);

  g_ptr_array_set_size (batch, 0);
  g_ptr_array_add (batch, make_report ("g-2018", "Greenwich", 1, 2018, "g"));
  g_ptr_array_add (batch, make_report ("copy-of-r", "Richmond upon Thames", 1, 2020, "r"));
  ic_report_store_add_batch (store, batch);
  g_assert_cmpuint (record.calls, ==, 2);
  /* Greenwich lands at position 2; only the tail from there changed. */
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ic_report_get_source (ic_report_store_get_report (store, i)), ==, expected[i]);

  /* The copy was not added: it is listed on the report it duplicates. */
  g_assert_true (g_strv_contains (ic_report_get_duplicates (ic_report_store_get_report (store, 3)),
                                  "copy-of-r"));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 4));
}

static IcReport *
make_full_report (void)
{
  IcReport *report = make_report ("/reports/a.pdf", "Kingston upon Thames", 4, 2022, "abc123");
  g_autoptr(GDate) start = g_date_new_dmy (31, G_DATE_JANUARY, 2022);
  g_autoptr(IcJudgement) j1 = ic_judgement_new (IC_AREA_LEADERSHIP, "The impact of leaders",
                                                IC_GRADE_REQUIRES_IMPROVEMENT, 1);
  g_autoptr(IcJudgement) j2 = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS, NULL,
                                                IC_GRADE_ADEQUATE, 0);
  const char *themes[] = { "plans_and_planning", "recording", NULL };
  g_autoptr(IcImprovement) item = ic_improvement_new_with_themes ("The quality of \"plans\" – é",
                                                                  IC_ITEM_KIND_PRIORITY_ACTION,
                                                                  IC_SCOPE_LSCB,
                                                                  "Within three months", 3, themes);

  _ic_report_set_start_date (report, start);
  _ic_report_set_authority_as_printed (report, "Royal Borough of Kingston-upon-Thames");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_ilacs_variant (report, IC_ILACS_VARIANT_SHORT);
  _ic_report_set_title (report, "Inspection of Kingston local authority children's services");
  _ic_report_set_lead_inspector (report, "Jane Doe");
  _ic_report_set_stated_previous (report, 2019, 4);
  _ic_report_add_judgement (report, j1);
  _ic_report_add_judgement (report, j2);
  _ic_report_add_improvement (report, item);
  _ic_report_add_strength (report, "Leaders know their services well.");
  _ic_report_add_warning (report, "No lead inspector was found.");
  _ic_report_add_duplicate (report, "/other/a.pdf");
  _ic_report_mark_corrected (report, "authority");
  return report;
}

static void
test_json_round_trip (void)
{
  g_autoptr(IcReport) report = make_full_report ();
  g_autoptr(JsonNode) node = ic_json_report_to_node (report);
  g_autofree char *first = ic_json_to_string (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(IcReport) back = ic_json_report_from_node (node, &error);
  g_autoptr(JsonNode) node2 = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  node2 = ic_json_report_to_node (back);
  second = ic_json_to_string (node2);
  g_assert_cmpstr (first, ==, second);

  g_assert_true (strstr (first, "\"start_date\" : \"2022-01-31\"") != NULL);
  g_assert_true (strstr (first, "\"grade\" : \"adequate\"") != NULL);
  g_assert_true (strstr (first, "\"page\" : 3") != NULL);
  g_assert_cmpuint (ic_report_get_grade (back, IC_AREA_LEADERSHIP), ==,
                    IC_GRADE_REQUIRES_IMPROVEMENT);
  g_assert_cmpuint (ic_report_get_ilacs_variant (back), ==, IC_ILACS_VARIANT_SHORT);
  /* Read back from the cache, a report still names its last inspection. */
  g_assert_true (strstr (first, "\"stated_previous_inspection\" : \"2019-04\"") != NULL);
}

/* A report read from a PDF cut short keeps its damage through JSON (the
 * export and the cache); a whole one has no "damage" key, so the JSON of
 * whole reports is as it was. An edited copy keeps it too. */
static void
test_json_damage (void)
{
  g_autoptr(IcReport) report = make_full_report ();
  g_autoptr(JsonNode) whole_node = ic_json_report_to_node (report);
  g_autofree char *whole = ic_json_to_string (whole_node);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(IcReport) back = NULL;
  g_autoptr(IcReport) draft = NULL;

  g_assert_null (strstr (whole, "\"damage\""));
  _ic_report_set_damage (report, IC_DAMAGE_CUT_SHORT);
  node = ic_json_report_to_node (report);
  json = ic_json_to_string (node);
  g_assert_nonnull (strstr (json, "\"damage\" : \"cut_short\""));
  back = ic_json_report_from_node (node, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (ic_report_get_damage (back), ==, IC_DAMAGE_CUT_SHORT);
  _ic_report_seal (back);
  draft = _ic_report_edit (back);
  g_assert_cmpint (ic_report_get_damage (draft), ==, IC_DAMAGE_CUT_SHORT);
  g_assert_cmpstr (ic_damage_get_reason (IC_DAMAGE_CUT_SHORT), ==,
                   "the PDF is cut short: its end is missing (a download or copy that did not finish?)");
  g_assert_null (ic_damage_get_reason (IC_DAMAGE_NONE));
}

/* Views list judgements as the matrix does, overall effectiveness first;
 * the report's list and its JSON keep the printed order (leaders first
 * here, as ILACS prints them before overall effectiveness). */
static void
test_judgements_in_area_order (void)
{
  g_autoptr(IcReport) report = make_full_report ();
  g_autoptr(GPtrArray) ordered = ic_report_dup_judgements_in_area_order (report);
  g_autoptr(IcJudgement) printed_first = g_list_model_get_item (ic_report_get_judgements (report), 0);
  g_autoptr(JsonNode) node = ic_json_report_to_node (report);
  g_autofree char *json = ic_json_to_string (node);

  g_assert_cmpuint (ordered->len, ==, 2);
  g_assert_cmpint (ic_judgement_get_area (g_ptr_array_index (ordered, 0)), ==, IC_AREA_OVERALL_EFFECTIVENESS);
  g_assert_cmpint (ic_judgement_get_area (g_ptr_array_index (ordered, 1)), ==, IC_AREA_LEADERSHIP);
  g_assert_cmpint (ic_judgement_get_area (printed_first), ==, IC_AREA_LEADERSHIP);
  g_assert_cmpint (strstr (json, "\"leadership\"") - json, <, strstr (json, "\"overall_effectiveness\"") - json);
}

static void
test_json_rejects_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{\"judgements\":[{\"area\":\"x\",\"grade\":\"good\"}]}",
                                              NULL);
  g_autoptr(IcReport) report = ic_json_report_from_node (node, &error);

  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_enum_keys (void)
{
  IcArea area;
  IcGrade grade;

  for (IcArea a = 0; a < IC_N_AREAS; a++)
    {
      g_assert_true (ic_area_from_key (ic_area_to_key (a), &area));
      g_assert_cmpuint (area, ==, a);
    }
  for (IcGrade g = IC_GRADE_OUTSTANDING; g < IC_N_GRADES; g++)
    {
      g_assert_true (ic_grade_from_key (ic_grade_to_key (g), &grade));
      g_assert_cmpuint (grade, ==, g);
    }
  g_assert_false (ic_grade_from_key ("excellent", &grade));
  g_assert_cmpstr (ic_grade_to_letter (IC_GRADE_REQUIRES_IMPROVEMENT), ==, "RI");
  g_assert_cmpint (ic_grade_get_rank (IC_GRADE_ADEQUATE), ==, 3);
}

static void
test_set_grade_correction (void)
{
  g_autoptr(IcReport) report = make_full_report ();

  _ic_report_set_grade (report, IC_AREA_LEADERSHIP, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_GOOD);
  g_assert_cmpstr (ic_judgement_get_label (ic_report_find_judgement (report, IC_AREA_LEADERSHIP)),
                   ==, "The impact of leaders");
  _ic_report_set_grade (report, IC_AREA_LEADERSHIP, IC_GRADE_NONE);
  g_assert_null (ic_report_find_judgement (report, IC_AREA_LEADERSHIP));
  _ic_report_set_grade (report, IC_AREA_CARE_LEAVERS, IC_GRADE_OUTSTANDING);
  g_assert_cmpuint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_OUTSTANDING);
}

static IcReport *
published_report (IcReportStore *store)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcJudgement) good = ic_judgement_new (IC_AREA_OVERALL_EFFECTIVENESS, "Overall",
                                                  IC_GRADE_GOOD, 2);
  IcReport *report = _ic_report_new ("barnet.pdf");

  _ic_report_set_authority (report, "Barnet");
  _ic_report_set_content_id (report, "id-barnet");
  _ic_report_add_judgement (report, good);
  _ic_report_set_pages (report, (const char *[]){ "Page one", "Page two", NULL });
  g_ptr_array_add (batch, report);
  g_assert_false (_ic_report_is_sealed (report));
  ic_report_store_add_batch (store, batch);
  return report;
}

/* Once in a store a report is published: every setter refuses, and the
 * report keeps its value. */
static void
test_sealed_refuses (void)
{
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  IcReport *report = published_report (store);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_MAY, 2020);
  g_autoptr(IcJudgement) bad = ic_judgement_new (IC_AREA_LEADERSHIP, "Leaders", IC_GRADE_INADEQUATE, 2);

  g_assert_true (_ic_report_is_sealed (report));

  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_set_authority (report, "Camden");
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_set_end_date (report, date);
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_set_grade (report, IC_AREA_OVERALL_EFFECTIVENESS, IC_GRADE_INADEQUATE);
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_add_judgement (report, bad);
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_add_duplicate (report, "copy.pdf");
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_set_pages (report, NULL);
  g_test_assert_expected_messages ();

  g_assert_cmpstr (ic_report_get_authority (report), ==, "Barnet");
  g_assert_null (ic_report_get_end_date (report));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_NONE);
  g_assert_cmpstrv (ic_report_get_duplicates (report), ((const char *[]){ NULL }));
  g_assert_cmpstrv (ic_report_get_pages (report), ((const char *[]){ "Page one", "Page two", NULL }));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* A correction gives the stored report a new value: the same object in
 * the store, changed once, while a snapshot taken before (what a thread
 * or an export holds) still says what the report said. The pages are
 * shared, not copied; strings that did not change keep their address. A
 * copy found later is a swap too. */
static void
test_correction_swaps_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-swap-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "corrections.json", NULL);
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  IcReport *report = published_report (store);
  g_autoptr(IcReport) before = ic_report_snapshot (report);
  const char *content_id = ic_report_get_content_id (report);
  guint n_changed = 0;

  ic_report_store_set_corrections (store, corrections);
  g_signal_connect (report, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (ic_report_get_pages (before) == ic_report_get_pages (report));

  g_assert_true (ic_corrections_set_field (corrections, "id-barnet", "grade.overall_effectiveness",
                                           "inadequate", &error));
  g_assert_no_error (error);

  g_assert_true (ic_report_store_get_report (store, 0) == report);
  g_assert_cmpuint (n_changed, ==, 1);
  /* What did not change stays where it was, for callers holding it. */
  g_assert_true (ic_report_get_content_id (report) == content_id);
  g_assert_true (_ic_report_is_sealed (report));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_INADEQUATE);
  g_assert_cmpstrv (ic_report_get_corrected_fields (report),
                    ((const char *[]){ "grade.overall_effectiveness", NULL }));
  g_assert_cmpint (ic_report_get_grade (before, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_assert_cmpstrv (ic_report_get_corrected_fields (before), ((const char *[]){ NULL }));
  g_assert_true (ic_report_get_pages (before) == ic_report_get_pages (report));

  ic_report_store_add_duplicate (store, report, "copy.pdf");
  g_assert_cmpstrv (ic_report_get_duplicates (report), ((const char *[]){ "copy.pdf", NULL }));
  g_assert_cmpstrv (ic_report_get_duplicates (before), ((const char *[]){ NULL }));

  g_assert_true (ic_corrections_remove (corrections, "id-barnet", "grade.overall_effectiveness"));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS), ==, IC_GRADE_GOOD);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static IcImprovement *
get_item (IcReport *report,
          guint     index)
{
  return g_list_model_get_item (ic_report_get_improvements (report), index);
}

/* An improvement item of a published report never changes: its themes
 * cannot be written, not even through the property, and the report
 * refuses new ones. A theme correction swaps in a new value holding a
 * new item, told through ::changed; the item as published, and a
 * snapshot holding it, keep the parsed themes. */
static void
test_item_themes_swap (void)
{
  const char *parsed[] = { "recording", NULL };
  const char *corrected[] = { "workforce", "front_door", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-themes-swap-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "corrections.json", NULL);
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcImprovement) item = ic_improvement_new_with_themes ("The quality of plans.",
                                                                  IC_ITEM_KIND_IMPROVEMENT,
                                                                  IC_SCOPE_LOCAL_AUTHORITY,
                                                                  NULL, 1, parsed);
  IcReport *report = _ic_report_new ("barnet.pdf");
  g_autoptr(IcReport) before = NULL;
  g_autoptr(IcImprovement) now = NULL;
  g_autoptr(IcImprovement) kept = NULL;
  guint n_changed = 0;

  _ic_report_set_content_id (report, "id-barnet");
  _ic_report_add_improvement (report, item);
  g_ptr_array_add (batch, report);
  ic_report_store_add_batch (store, batch);
  ic_report_store_set_corrections (store, corrections);
  before = ic_report_snapshot (report);
  g_signal_connect (report, "changed", G_CALLBACK (count_cb), &n_changed);

  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*themes*not writable*");
  g_object_set (item, "themes", corrected, NULL);
  g_test_expect_message ("ic-report", G_LOG_LEVEL_CRITICAL, "*!(self)->sealed*");
  _ic_report_set_item_themes (report, 0, corrected);
  g_test_assert_expected_messages ();
  g_assert_cmpstrv (ic_improvement_get_themes (item), parsed);
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (ic_corrections_set_themes (corrections, "id-barnet", 0, corrected, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  now = get_item (report, 0);
  g_assert_true (now != item);
  g_assert_cmpstrv (ic_improvement_get_themes (now), corrected);
  g_assert_cmpstr (ic_improvement_get_text (now), ==, "The quality of plans.");
  g_assert_cmpstrv (ic_report_get_corrected_fields (report),
                    ((const char *[]){ "improvements.0.themes", NULL }));
  g_assert_cmpstrv (ic_improvement_get_themes (item), parsed);
  kept = get_item (before, 0);
  g_assert_true (kept == item);

  /* Taking the correction back is a swap too, to the parsed themes. */
  g_assert_true (ic_corrections_remove (corrections, "id-barnet", "improvements.0.themes"));
  g_assert_cmpuint (n_changed, ==, 2);
  g_clear_object (&now);
  now = get_item (report, 0);
  g_assert_cmpstrv (ic_improvement_get_themes (now), parsed);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

/* The reason a failure's JSON gives, as a script reads it. */
static char *
json_reason (IcFailure *failure)
{
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GListStore) failures = g_list_store_new (IC_TYPE_FAILURE);
  g_autoptr(JsonNode) document = NULL;
  JsonArray *array;

  g_list_store_append (failures, failure);
  document = ic_json_document_new (G_LIST_MODEL (reports), G_LIST_MODEL (failures), NULL);
  array = json_object_get_array_member (json_node_get_object (document), "failures");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (array, 0), "reason"));
}

/* A reason that holds a value (MuPDF's words) is shown translated around
 * it; the JSON keeps the English, whatever the locale. */
static void
test_failure_reason_template (void)
{
  char *translation = ic_test_translation_begin ("the PDF is damaged: %s", "le PDF est abîmé : %s");
  g_autoptr(IcFailure) failure = ic_failure_new ("/r/broken.pdf", "the PDF is damaged: no objects found");
  g_autofree char *in_json = json_reason (failure);

  g_assert_cmpstr (ic_failure_get_display_reason (failure), ==, "le PDF est abîmé : no objects found");
  g_assert_cmpstr (ic_failure_get_reason (failure), ==, "the PDF is damaged: no objects found");
  g_assert_cmpstr (in_json, ==, "the PDF is damaged: no objects found");
  ic_test_translation_end (translation);
}

/* A reason given whole is translated whole; one inside another's value
 * is translated there too; a count is formatted by the translation. */
static void
test_failure_reason_nested (void)
{
  char *translation = ic_test_translation_begin ("permission denied", "accès refusé");
  g_autofree char *whole = ic_failure_translate_reason ("permission denied");
  g_autofree char *nested = ic_failure_translate_reason ("cannot read the folder: permission denied");

  g_assert_cmpstr (whole, ==, "accès refusé");
  g_assert_cmpstr (nested, ==, "cannot read the folder: accès refusé");
  ic_test_translation_end (translation);

  translation = ic_test_translation_begin ("too many pages (more than %d): not an inspection report",
                                           "plus de %d pages : pas un rapport");
  g_clear_pointer (&whole, g_free);
  whole = ic_failure_translate_reason ("too many pages (more than 2000): not an inspection report");
  g_assert_cmpstr (whole, ==, "plus de 2000 pages : pas un rapport");
  ic_test_translation_end (translation);
}

/* What the app does not word is shown as it is; an empty reason is not
 * the catalogue's header. */
static void
test_failure_reason_unknown (void)
{
  char *translation = ic_test_translation_begin ("the PDF is damaged: %s", "le PDF est abîmé : %s");
  g_autofree char *unknown = ic_failure_translate_reason ("the PDF is damaged");
  g_autofree char *empty = ic_failure_translate_reason ("");

  g_assert_cmpstr (unknown, ==, "the PDF is damaged");
  g_assert_cmpstr (empty, ==, "");
  ic_test_translation_end (translation);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store/sorted-batches", test_store_sorted_batches);
  g_test_add_func ("/model/json/round-trip", test_json_round_trip);
  g_test_add_func ("/model/json/damage", test_json_damage);
  g_test_add_func ("/model/report/judgements-in-area-order", test_judgements_in_area_order);
  g_test_add_func ("/model/json/rejects-bad-input", test_json_rejects_bad_input);
  g_test_add_func ("/model/enums/keys", test_enum_keys);
  g_test_add_func ("/model/report/set-grade", test_set_grade_correction);
  g_test_add_func ("/model/report/sealed-refuses", test_sealed_refuses);
  g_test_add_func ("/model/report/correction-swaps-value", test_correction_swaps_value);
  g_test_add_func ("/model/report/item-themes-swap", test_item_themes_swap);
  g_test_add_func ("/model/failure/reason-template", test_failure_reason_template);
  g_test_add_func ("/model/failure/reason-nested", test_failure_reason_nested);
  g_test_add_func ("/model/failure/reason-unknown", test_failure_reason_unknown);

  return g_test_run ();
}
