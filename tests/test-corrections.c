/* test-corrections.c: user corrections, their file and the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-test-util.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-corrections.h"
#include "ic-json.h"
#include "ic-report-private.h"
#include "ic-report-store.h"

static IcReport *
make_report (const char *source,
             const char *content_id)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (19, G_DATE_JULY, 2024);
  g_autoptr(IcJudgement) leadership = ic_judgement_new (IC_AREA_LEADERSHIP, "The impact of leaders",
                                                        IC_GRADE_GOOD, 3);
  const char *themes0[] = { "front_door", "partnership_and_governance", NULL };
  const char *themes1[] = { "recording", NULL };
  g_autoptr(IcImprovement) a = ic_improvement_new_with_themes ("a", IC_ITEM_KIND_IMPROVEMENT,
                                                               IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                                               themes0);
  g_autoptr(IcImprovement) b = ic_improvement_new_with_themes ("b", IC_ITEM_KIND_IMPROVEMENT,
                                                               IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                                               themes1);

  _ic_report_set_content_id (report, content_id);
  _ic_report_set_authority (report, "Richmond upon Thames");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_JTAI);
  _ic_report_set_end_date (report, end);
  _ic_report_add_judgement (report, leadership);
  _ic_report_add_improvement (report, a);
  _ic_report_add_improvement (report, b);
  return report;
}

static void
remove_tree_cb (gpointer data)
{
  ic_test_remove_tree (data);
  g_free (data);
}

static char *
temp_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-corrections-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_cb, g_strdup (dir));
  /* A folder that does not exist yet: saving must create it. */
  return g_build_filename (dir, "sub", "corrections.json", NULL);
}

static const char *
theme_of (IcReport *report,
          guint     index)
{
  g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report), index);

  return ic_improvement_get_main_theme (item);
}

static void
set_all (IcCorrections *corrections,
         const char    *content_id)
{
  const char *themes[] = { "workforce", "supervision_and_management_oversight", NULL };
  g_autoptr(GError) error = NULL;

  ic_corrections_set_field (corrections, content_id, "authority", "Kingston upon Thames", &error);
  g_assert_no_error (error);
  ic_corrections_set_field (corrections, content_id, "inspection_type", "focused_visit", &error);
  g_assert_no_error (error);
  ic_corrections_set_field (corrections, content_id, "start_date", "2024-07-15", &error);
  g_assert_no_error (error);
  ic_corrections_set_field (corrections, content_id, "grade.leadership", "inadequate", &error);
  g_assert_no_error (error);
  ic_corrections_set_field (corrections, content_id, "grade.care_leavers", "good", &error);
  g_assert_no_error (error);
  ic_corrections_set_themes (corrections, content_id, 1, themes, &error);
  g_assert_no_error (error);
}

static void
assert_corrected (IcReport *report)
{
  const char * const *fields = ic_report_get_corrected_fields (report);
  g_autoptr(GDate) start = g_date_new_dmy (15, G_DATE_JULY, 2024);

  g_assert_cmpstr (ic_report_get_authority (report), ==, "Kingston upon Thames");
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  g_assert_cmpint (g_date_compare (ic_report_get_start_date (report), start), ==, 0);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  /* The printed label stays with a corrected grade. */
  g_assert_cmpstr (ic_judgement_get_label (ic_report_find_judgement (report, IC_AREA_LEADERSHIP)),
                   ==, "The impact of leaders");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_CARE_LEAVERS), ==, IC_GRADE_GOOD);
  g_assert_cmpstr (theme_of (report, 1), ==, "workforce");
  g_assert_cmpstr (theme_of (report, 0), ==, "front_door");

  g_assert_cmpuint (g_strv_length ((char **)fields), ==, 6);
  g_assert_true (g_strv_contains (fields, "authority"));
  g_assert_true (g_strv_contains (fields, "grade.leadership"));
  g_assert_true (g_strv_contains (fields, "improvements.1.themes"));
}

static void
assert_original (IcReport *report)
{
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Richmond upon Thames");
  g_assert_cmpint (ic_report_get_inspection_type (report), ==, IC_INSPECTION_TYPE_JTAI);
  g_assert_null (ic_report_get_start_date (report));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_GOOD);
  g_assert_cmpuint (ic_judgement_get_page (ic_report_find_judgement (report, IC_AREA_LEADERSHIP)),
                    ==, 3);
  g_assert_null (ic_report_find_judgement (report, IC_AREA_CARE_LEAVERS));
  g_assert_cmpstr (theme_of (report, 1), ==, "recording");
  g_assert_null (ic_report_get_corrected_fields (report)[0]);
}

static void
test_apply_and_revert (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReport) report = make_report ("r.pdf", "cid-1");
  g_autoptr(IcReport) other = make_report ("o.pdf", "cid-2");
  g_auto(GStrv) fields = NULL;

  set_all (corrections, "cid-1");
  ic_corrections_apply (corrections, report);
  ic_corrections_apply (corrections, other);
  assert_corrected (report);
  assert_original (other);

  /* Applying twice changes nothing more. */
  ic_corrections_apply (corrections, report);
  assert_corrected (report);

  /* One taken back: only that value returns. */
  g_assert_true (ic_corrections_remove (corrections, "cid-1", "authority"));
  g_assert_false (ic_corrections_remove (corrections, "cid-1", "authority"));
  ic_corrections_apply (corrections, report);
  g_assert_cmpstr (ic_report_get_authority (report), ==, "Richmond upon Thames");
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  g_assert_false (g_strv_contains (ic_report_get_corrected_fields (report), "authority"));

  fields = ic_corrections_list_fields (corrections, "cid-1");
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_true (ic_corrections_remove (corrections, "cid-1", fields[i]));
  g_assert_cmpuint (ic_corrections_get_n_reports (corrections), ==, 0);
  ic_corrections_apply (corrections, report);
  assert_original (report);
}

static void
test_survives_reload (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) first = ic_corrections_new (path);
  g_autoptr(IcCorrections) second = ic_corrections_new (path);
  g_autoptr(IcReport) moved = make_report ("elsewhere/renamed.pdf", "cid-1");
  g_autoptr(GError) error = NULL;

  set_all (first, "cid-1");
  ic_corrections_save (first, &error);
  g_assert_no_error (error);

  ic_corrections_load (second, &error);
  g_assert_no_error (error);
  /* Keyed by content, not path: a moved copy is still corrected. */
  ic_corrections_apply (second, moved);
  assert_corrected (moved);
}

static void
test_json_marks_corrected (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReport) report = make_report ("r.pdf", "cid-1");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(IcReport) back = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *corrected;
  JsonArray *themes;
  g_autofree char *footnote = NULL;

  set_all (corrections, "cid-1");
  ic_corrections_apply (corrections, report);
  node = ic_json_report_to_node (report);
  /* Each corrected field with the value the report gave. */
  corrected = json_object_get_object_member (json_node_get_object (node), "corrected");
  g_assert_cmpuint (json_object_get_size (corrected), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (corrected, "authority"), ==, "Richmond upon Thames");
  g_assert_cmpstr (json_object_get_string_member (corrected, "inspection_type"), ==, "jtai");
  g_assert_true (json_object_get_null_member (corrected, "start_date"));
  g_assert_cmpstr (json_object_get_string_member (corrected, "grade.leadership"), ==, "good");
  g_assert_cmpstr (json_object_get_string_member (corrected, "grade.care_leavers"), ==, "none");
  themes = json_object_get_array_member (corrected, "improvements.1.themes");
  g_assert_cmpuint (json_array_get_length (themes), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (themes, 0), ==, "recording");

  footnote = ic_corrections_footnote (report, "grade.leadership");
  g_assert_cmpstr (footnote, ==, "corrected by the user; the report says Good");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "authority"), ==,
                   "Kingston upon Thames");

  back = ic_json_report_from_node (node, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains (ic_report_get_corrected_fields (back), "grade.care_leavers"));
}

/* "This report's note does not carry that item forward" and "it carries
 * nothing forward": kept in the same file, by content id, beside a file
 * of the first version's fields; read back and applied as corrections of
 * the report whose note carries. */
static void
test_carried_forward_round_trip (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) first = ic_corrections_new (path);
  g_autoptr(IcCorrections) second = ic_corrections_new (path);
  g_autoptr(IcReport) report = make_report ("r.pdf", "cid-1");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  const char * const *links;
  JsonObject *corrected;
  g_autofree char *dir = g_path_get_dirname (path);
  const char *old = "{ \"version\": 1, \"reports\": { \"cid-1\": {"
                    " \"improvements.0.recurs_from.cid-0.1\": \"different\" } } }";

  /* A file as the previous release wrote it. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  ic_corrections_load (first, &error);
  g_assert_no_error (error);

  g_assert_true (ic_corrections_set_field (first, "cid-1", "carried_forward.cid-0.1", "different", &error));
  g_assert_true (ic_corrections_set_field (first, "cid-1", "carried_forward", "none", &error));
  g_assert_no_error (error);
  ic_corrections_save (first, &error);
  g_assert_no_error (error);

  ic_corrections_load (second, &error);
  g_assert_no_error (error);
  fields = ic_corrections_list_fields (second, "cid-1");
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "carried_forward");
  g_assert_cmpstr (fields[1], ==, "carried_forward.cid-0.1");
  g_assert_cmpstr (fields[2], ==, "improvements.0.recurs_from.cid-0.1");

  ic_corrections_apply (second, report);
  links = ic_report_get_recurrence_links (report);
  g_assert_true (g_strv_contains (links, "carried cid-0 1 different"));
  g_assert_true (g_strv_contains (links, "carried none"));
  g_assert_true (g_strv_contains (links, "0 cid-0 1 different"));
  g_assert_true (ic_report_is_corrected (report, "carried_forward"));
  g_assert_true (ic_report_is_corrected (report, "carried_forward.cid-0.1"));

  /* The JSON lists them among the report's corrections. */
  node = ic_json_report_to_node (report);
  corrected = json_object_get_object_member (json_node_get_object (node), "corrected");
  g_assert_true (json_object_has_member (corrected, "carried_forward"));
  g_assert_true (json_object_has_member (corrected, "carried_forward.cid-0.1"));

  /* Taken back, the report holds no carried-forward correction. */
  g_assert_true (ic_corrections_remove (second, "cid-1", "carried_forward"));
  g_assert_true (ic_corrections_remove (second, "cid-1", "carried_forward.cid-0.1"));
  ic_corrections_apply (second, report);
  links = ic_report_get_recurrence_links (report);
  g_assert_false (g_strv_contains (links, "carried none"));
  g_assert_false (g_strv_contains (links, "carried cid-0 1 different"));
  g_assert_false (ic_report_is_corrected (report, "carried_forward"));
}

/* "Item 0 raises item 1 of report cid-0 again": kept by content id,
 * read back and applied as a link of the later report, listed among its
 * corrections with no parsed value; "different" replaces it, and taking
 * it back leaves no link. A value other than the two is refused. */
static void
test_link_round_trip (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) first = ic_corrections_new (path);
  g_autoptr(IcCorrections) second = ic_corrections_new (path);
  g_autoptr(IcReport) report = make_report ("r.pdf", "cid-1");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = "improvements.0.recurs_from.cid-0.1";
  JsonObject *corrected;

  g_assert_true (ic_corrections_set_field (first, "cid-1", field, "same", &error));
  g_assert_no_error (error);
  ic_corrections_save (first, &error);
  g_assert_no_error (error);

  ic_corrections_load (second, &error);
  g_assert_no_error (error);
  ic_corrections_apply (second, report);
  g_assert_true (g_strv_contains (ic_report_get_recurrence_links (report), "0 cid-0 1 same"));
  g_assert_true (ic_report_is_corrected (report, field));
  node = ic_json_report_to_node (report);
  corrected = json_object_get_object_member (json_node_get_object (node), "corrected");
  g_assert_true (json_object_has_member (corrected, field));
  g_assert_true (json_object_get_null_member (corrected, field));

  g_assert_true (ic_corrections_set_field (second, "cid-1", field, "different", &error));
  ic_corrections_apply (second, report);
  g_assert_true (g_strv_contains (ic_report_get_recurrence_links (report), "0 cid-0 1 different"));
  g_assert_false (g_strv_contains (ic_report_get_recurrence_links (report), "0 cid-0 1 same"));

  g_assert_true (ic_corrections_remove (second, "cid-1", field));
  ic_corrections_apply (second, report);
  g_assert_null (ic_report_get_recurrence_links (report)[0]);
  g_assert_false (ic_report_is_corrected (report, field));

  g_assert_false (ic_corrections_set_field (second, "cid-1", field, "linked", &error));
  g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID);
}

static void
test_invalid_values (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  const char *too_many[] = { "workforce", "recording", "education", "early_help", NULL };
  const char *unknown[] = { "weather", NULL };
  const struct { const char *field, *value; } bad[] = {
    { "inspection_type", "inspection" }, { "end_date", "31/01/2022" },
    { "end_date", "2022-02-30" }, { "grade.leadership", "excellent" },
    { "grade.nowhere", "good" }, { "authority", "  " }, { "title", "x" },
    { "improvements.x.themes", "workforce" },
    { "carried_forward", "different" }, { "carried_forward.cid.1", "same" },
    { "carried_forward.cid.x", "different" }, { "carried_forward.a.b.1", "different" },
    { "carried_forward.cid", "different" }, { "carried_forward..1", "different" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ic_corrections_set_field (corrections, "c", bad[i].field, bad[i].value,
                                                &error));
      g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID);
    }
  g_assert_false (ic_corrections_set_themes (corrections, "c", 0, too_many, NULL));
  g_assert_false (ic_corrections_set_themes (corrections, "c", 0, unknown, NULL));
  g_assert_cmpuint (ic_corrections_get_n_reports (corrections), ==, 0);
  /* No date at all is a correction too. */
  g_assert_true (ic_corrections_set_field (corrections, "c", "published_date", NULL, NULL));
}

static void
test_corrupt_file_kept (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *bak1 = g_strconcat (path, ".bak.1", NULL);
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *broken = "{ \"version\": 1, \"reports\": { \"x\": { \"authority\": ";
  const char *wrong = "{ \"version\": 1, \"reports\": { \"x\": { \"grade.leadership\": \"great\" } } }";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, broken, -1, NULL);

  g_assert_false (ic_corrections_load (corrections, &error));
  g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, bak));
  g_file_get_contents (bak, &kept, NULL, NULL);
  g_assert_cmpstr (kept, ==, broken);
  g_clear_error (&error);

  /* Saving after that replaces the broken file; the copy stays. */
  ic_corrections_set_field (corrections, "y", "authority", "Greenwich", NULL);
  ic_corrections_save (corrections, &error);
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  g_file_get_contents (bak, &kept, NULL, NULL);
  g_assert_cmpstr (kept, ==, broken);

  /* Valid JSON with a value we never write is corrupt too, and a second
   * backup does not replace the first. */
  g_file_set_contents (path, wrong, -1, NULL);
  g_assert_false (ic_corrections_load (corrections, &error));
  g_assert_true (g_file_test (bak1, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ic_corrections_get_n_reports (corrections), ==, 0);
}

/* The window shows why the corrections file was set aside in the user's
 * language, as it shows a correction that cannot be made. */
static void
test_corrupt_file_message_translated (void)
{
  g_autofree char *path = temp_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *expected = NULL;
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(GError) error = NULL;
  char *translation = ic_test_translation_begin ("no “reports” object", "aucun objet « reports »");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "{ \"version\": 1 }", -1, NULL);
  g_assert_false (ic_corrections_load (corrections, &error));
  g_test_message ("%s", error->message);
  expected = g_strdup_printf ("%s: not a corrections file (aucun objet « reports »)", path);
  g_assert_true (g_str_has_prefix (error->message, expected));
  ic_test_translation_end (translation);

  translation = ic_test_translation_begin ("not a valid value for “%s”", "pas une valeur valable pour « %s »");
  g_clear_error (&error);
  g_assert_false (ic_corrections_set_field (corrections, "c", "grade.leadership", "great", &error));
  g_assert_cmpstr (error->message, ==, "pas une valeur valable pour « grade.leadership »");
  ic_test_translation_end (translation);
}

static void
test_default_path (void)
{
  g_autofree char *path = ic_corrections_get_default_path ();

  if (g_getenv ("XDG_DATA_HOME") == NULL)
    {
      g_test_skip ("XDG_DATA_HOME is not set: run through meson test");
      return;
    }
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_DATA_HOME")));
  g_assert_true (g_str_has_suffix (path, "/inspection-compare/corrections.json"));
}

static void
test_store_applies (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) corrections = ic_corrections_new (path);
  g_autoptr(IcReportStore) store = ic_report_store_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  IcReport *r;
  IcReport *g;

  ic_corrections_set_field (corrections, "cid-r", "authority", "Barnsley", NULL);
  ic_report_store_set_corrections (store, corrections);

  r = make_report ("r.pdf", "cid-r");
  g = make_report ("g.pdf", "cid-g");
  _ic_report_set_authority (g, "Greenwich");
  g_ptr_array_add (batch, r);
  g_ptr_array_add (batch, g);
  ic_report_store_add_batch (store, batch);

  /* Corrected before sorting: Barnsley comes before Greenwich. */
  g_assert_true (ic_report_store_get_report (store, 0) == r);
  g_assert_cmpstr (ic_report_get_authority (r), ==, "Barnsley");

  /* Taking the correction back moves it to Richmond's place. */
  ic_corrections_remove (corrections, "cid-r", "authority");
  g_assert_true (ic_report_store_get_report (store, 1) == r);
  g_assert_cmpstr (ic_report_get_authority (r), ==, "Richmond upon Thames");
}

/* Many reports, each corrected to @authority. */
static void
fill (IcCorrections *corrections,
      const char    *authority)
{
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%064u", i);

      ic_corrections_set_field (corrections, id, "authority", authority, NULL);
      ic_corrections_set_field (corrections, id, "grade.overall_effectiveness", "good", NULL);
    }
}

static void
test_kill_during_save (void)
{
  g_autofree char *path = temp_path ();
  g_autoptr(IcCorrections) writer = ic_corrections_new (path);
  g_autoptr(GError) error = NULL;
  gsize size;
  g_autofree char *data = NULL;

  fill (writer, "Before");
  ic_corrections_save (writer, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &data, &size, NULL);
  g_test_message ("corrections file of %" G_GSIZE_FORMAT " bytes", size);

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(IcCorrections) reader = ic_corrections_new (path);
      g_autoptr(IcReport) probe = _ic_report_new ("p");
      g_autofree char *id = g_strdup_printf ("%064u", 2999);
      const char *authority;
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* The child rewrites the file as fast as it can until killed. */
          for (guint n = 0;; n++)
            {
              fill (writer, n % 2 ? "Odd" : "Even");
              ic_corrections_save (writer, NULL);
            }
        }

      g_usleep (30000 + round * 37000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      /* The file is one whole version: it loads, all 3000 are there. */
      ic_corrections_load (reader, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ic_corrections_get_n_reports (reader), ==, 3000);
      _ic_report_set_content_id (probe, id);
      ic_corrections_apply (reader, probe);
      authority = ic_report_get_authority (probe);
      g_test_message ("round %u: file holds \"%s\"", round, authority);
      g_assert_true (g_strv_contains ((const char *[]) { "Before", "Odd", "Even", NULL }, authority));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corrections/apply-and-revert", test_apply_and_revert);
  g_test_add_func ("/corrections/survives-reload", test_survives_reload);
  g_test_add_func ("/corrections/json-marks-corrected", test_json_marks_corrected);
  g_test_add_func ("/corrections/carried-forward-round-trip", test_carried_forward_round_trip);
  g_test_add_func ("/corrections/link-round-trip", test_link_round_trip);
  g_test_add_func ("/corrections/invalid-values", test_invalid_values);
  g_test_add_func ("/corrections/corrupt-file-kept", test_corrupt_file_kept);
  g_test_add_func ("/corrections/corrupt-file-message-translated", test_corrupt_file_message_translated);
  g_test_add_func ("/corrections/default-path", test_default_path);
  g_test_add_func ("/corrections/store-applies", test_store_applies);
  g_test_add_func ("/corrections/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
