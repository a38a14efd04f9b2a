/* test-report-snapshot.c: copies of reports for worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-test-util.h"

#include "ic-json.h"
#include "ic-report-snapshot.h"
#include "ic-session.h"

static char *
report_json (IcReport *report)
{
  g_autoptr(JsonNode) node = ic_json_report_to_node (report);

  return ic_json_to_string (node);
}

static IcSession *
read_fixtures (void)
{
  g_autofree char *path = ic_test_fixture_path ("parser");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IcSession *session = ic_session_new ();

  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  return session;
}

/* A snapshot says everything its report says (as the JSON export shows
 * it), item for item. */
static void
test_same_fields (void)
{
  g_autoptr(IcSession) session = read_fixtures ();
  GListModel *reports = G_LIST_MODEL (ic_session_get_store (session));
  g_autoptr(GListModel) copies = ic_report_snapshot_model (reports);
  guint n = g_list_model_get_n_items (reports);

  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      g_autoptr(IcReport) copy = g_list_model_get_item (copies, i);
      g_autofree char *expected = report_json (report);
      g_autofree char *got = report_json (copy);

      g_assert_true (copy != report);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* Correcting the report afterwards (a grade, an item's themes) leaves
 * the snapshot a worker holds as it was. */
static void
test_independent (void)
{
  g_autoptr(IcSession) session = read_fixtures ();
  IcReportStore *store = ic_session_get_store (session);
  g_autoptr(GError) error = NULL;
  IcReport *report = NULL;
  g_autoptr(IcReport) copy = NULL;
  g_autoptr(IcImprovement) item = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *themes_field = "improvements.0.themes";

  for (guint i = 0; report == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *candidate = ic_report_store_get_report (store, i);

      if (ic_report_get_grade (candidate, IC_AREA_LEADERSHIP) != IC_GRADE_NONE &&
          g_list_model_get_n_items (ic_report_get_improvements (candidate)) > 0)
        report = candidate;
    }
  g_assert_nonnull (report);
  copy = ic_report_snapshot (report);
  before = report_json (copy);

  g_assert_true (ic_session_correct (session, ic_report_get_content_id (report),
                                     "grade.leadership", "inadequate", &error));
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (report),
                                     themes_field, "recording", &error));
  item = g_list_model_get_item (ic_report_get_improvements (report), 0);
  g_assert_cmpstr (ic_improvement_get_main_theme (item), ==, "recording");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);

  after = report_json (copy);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (ic_session_correct (session, ic_report_get_content_id (report),
                                     "grade.leadership", NULL, &error));
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (report),
                                     themes_field, NULL, &error));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_dir_make_tmp ("ic-snapshot-data-XXXXXX", &error);
  int status;

  /* Corrections of this test go to a folder of its own. */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-snapshot/same-fields", test_same_fields);
  g_test_add_func ("/report-snapshot/independent", test_independent);

  status = g_test_run ();
  ic_test_remove_tree (data);
  return status;
}
