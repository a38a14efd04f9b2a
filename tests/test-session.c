/* test-session.c: one session reads, corrects, undoes and watches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ic-loader.h"
#include "ic-recurrence.h"
#include "ic-session.h"

static GFile *
fixture_folder (void)
{
  g_autofree char *path = ic_test_fixture_path ("parser");

  return g_file_new_for_path (path);
}

static void
wait_until_loaded (IcSession *session)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (ic_session_get_loading (session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ic_session_get_loading (session));
}

static void
count_cb (gpointer  instance,
          guint     n,
          guint    *total)
{
  *total += n;
}

static guint
n_reports (IcSession *session)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ic_session_get_store (session)));
}

static guint
n_failures (IcSession *session)
{
  return g_list_model_get_n_items (ic_report_store_get_failures (ic_session_get_store (session)));
}

/* The session reads what a loader on its own reads, and announces the
 * files it could not read once. */
static void
test_open_sync (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(IcReportStore) alone = ic_report_store_new ();
  g_autoptr(IcLoader) loader = ic_loader_new (alone);
  g_autoptr(GFile) folder = fixture_folder ();
  g_autoptr(GError) error = NULL;
  guint announced = 0;

  g_signal_connect (session, "failures-added", G_CALLBACK (count_cb), &announced);
  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ic_loader_load_sync (loader, &folder, 1, NULL, &error));

  g_assert_cmpuint (n_reports (session), >, 10);
  g_assert_cmpuint (n_reports (session), ==, g_list_model_get_n_items (G_LIST_MODEL (alone)));
  g_assert_cmpuint (n_failures (session), >, 0);
  g_assert_cmpuint (announced, ==, n_failures (session));
  g_assert_cmpuint (ic_session_get_n_roots (session), ==, 1);
  g_assert_true (g_file_equal (ic_session_get_root (session, 0), folder));
  g_assert_false (ic_session_get_loading (session));
  g_assert_cmpuint (ic_session_get_n_done (session), ==, ic_session_get_n_total (session));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A second open while the first reads waits its turn; reload reads every
 * root again from scratch. */
static void
test_open_queue_reload (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(GFile) folder = fixture_folder ();
  g_autofree char *path = ic_test_fixture_path ("two-pages.pdf");
  g_autoptr(GFile) pdf = g_file_new_for_path (path);
  guint n_loading = 0, announced = 0, n_after;

  g_signal_connect (session, "notify::loading", G_CALLBACK (notify_count_cb), &n_loading);
  g_signal_connect (session, "failures-added", G_CALLBACK (count_cb), &announced);
  ic_session_open (session, &folder, 1);
  g_assert_true (ic_session_get_loading (session));
  ic_session_open (session, &pdf, 1);
  wait_until_loaded (session);
  g_assert_cmpuint (ic_session_get_n_roots (session), ==, 2);
  n_after = n_reports (session) + n_failures (session);
  /* Every fixture and the PDF: a report or a failure each. */
  g_assert_cmpuint (n_after, >=, 17 + 1);

  announced = 0;
  ic_session_reload (session);
  g_assert_cmpuint (n_reports (session), ==, 0);
  wait_until_loaded (session);
  g_assert_cmpuint (n_reports (session) + n_failures (session), ==, n_after);
  g_assert_cmpuint (announced, ==, n_failures (session));
  g_assert_cmpuint (n_loading, >=, 4);
}

static IcReport *
first_graded (IcSession *session,
              IcArea     area)
{
  IcReportStore *store = ic_session_get_store (session);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      IcReport *report = ic_report_store_get_report (store, i);

      if (ic_report_get_grade (report, area) == IC_GRADE_GOOD ||
          ic_report_get_grade (report, area) == IC_GRADE_REQUIRES_IMPROVEMENT)
        return report;
    }
  return NULL;
}

/* Undo puts back what the last correction replaced: the previous
 * correction, or the parsed value. */
static void
test_correct_undo (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(GFile) folder = fixture_folder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *content_id = NULL;
  IcReport *report;
  IcGrade parsed;
  guint n_can_undo = 0;

  g_assert_true (ic_session_load_corrections (session, &error));
  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, &error));
  report = first_graded (session, IC_AREA_LEADERSHIP);
  g_assert_nonnull (report);
  content_id = g_strdup (ic_report_get_content_id (report));
  parsed = ic_report_get_grade (report, IC_AREA_LEADERSHIP);
  g_signal_connect (session, "notify::can-undo", G_CALLBACK (notify_count_cb), &n_can_undo);
  g_assert_false (ic_session_get_can_undo (session));

  g_assert_true (ic_session_correct (session, content_id, "grade.leadership", "inadequate", &error));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  g_assert_true (ic_session_get_can_undo (session));
  g_assert_true (ic_session_correct (session, content_id, "grade.leadership", "outstanding", &error));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_OUTSTANDING);

  g_assert_true (ic_session_undo_correction (session, &error));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  g_assert_false (ic_session_get_can_undo (session));

  /* Back to the parsed value, and undo that. */
  g_assert_true (ic_session_correct (session, content_id, "grade.leadership", NULL, &error));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, parsed);
  g_assert_true (ic_session_undo_correction (session, &error));
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  g_assert_cmpuint (n_can_undo, ==, 4);

  /* A bad value changes nothing and leaves nothing to undo. */
  g_assert_false (ic_session_correct (session, content_id, "grade.leadership", "splendid", &error));
  g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);
  g_assert_false (ic_session_get_can_undo (session));
}

/* Corrections are saved: a new session (the next run, or the command
 * line) reads them back and applies them as it reads. */
static void
test_corrections_persist (void)
{
  g_autoptr(GFile) folder = fixture_folder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *content_id = NULL;
  g_autoptr(IcSession) first = ic_session_new ();
  g_autoptr(IcSession) second = ic_session_new ();
  IcReport *report;

  g_assert_true (ic_session_load_corrections (first, &error));
  g_assert_true (ic_session_open_sync (first, &folder, 1, NULL, &error));
  report = first_graded (first, IC_AREA_LEADERSHIP);
  content_id = g_strdup (ic_report_get_content_id (report));
  g_assert_true (ic_session_correct (first, content_id, "grade.leadership", "inadequate", &error));

  g_assert_true (ic_session_load_corrections (second, &error));
  g_assert_true (ic_session_open_sync (second, &folder, 1, NULL, &error));
  report = ic_report_store_find_content (ic_session_get_store (second), content_id);
  g_assert_cmpint (ic_report_get_grade (report, IC_AREA_LEADERSHIP), ==, IC_GRADE_INADEQUATE);

  g_assert_true (ic_session_correct (second, content_id, "grade.leadership", NULL, &error));
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The tick wakes the loop up, so that the deadline is seen when nothing
 * happens at all. */
static gboolean
wait_for_count (IcSession *session,
                guint      expected)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (100, tick_cb, NULL);

  while ((n_reports (session) != expected || ic_session_get_loading (session)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return n_reports (session) == expected;
}

static void
copy_fixture (const char *name,
              const char *dir)
{
  g_autofree char *from = ic_test_fixture_path (name);
  g_autofree char *to = g_build_filename (dir, strrchr (name, '/') + 1, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

/* With watch-folders, a report added to or removed from an opened folder
 * is read or dropped without asking. */
static void
test_watch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-session-XXXXXX", &error);
  g_autofree char *removed = g_build_filename (dir, "ilacs-2019.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(IcSession) session = ic_session_new ();

  g_assert_no_error (error);
  copy_fixture ("parser/ilacs-2019.txt", dir);
  ic_session_set_watch_folders (session, TRUE);
  ic_session_open (session, &folder, 1);
  g_assert_true (wait_for_count (session, 1));

  copy_fixture ("parser/jtai-2024.txt", dir);
  g_assert_true (wait_for_count (session, 2));

  g_assert_cmpint (g_unlink (removed), ==, 0);
  g_assert_true (wait_for_count (session, 1));
  g_assert_cmpstr (ic_report_get_source (ic_report_store_get_report (ic_session_get_store (session), 0)),
                   !=, removed);

  ic_test_remove_tree (dir);
}

/* The analyses read the session's reports unless told which. */
static void
test_analysis (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(GFile) folder = fixture_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) direct = NULL;
  g_autoptr(IcThemeCounts) counts = NULL;

  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, &error));
  all = ic_session_find_recurrences (session, NULL);
  direct = ic_find_recurrences (G_LIST_MODEL (ic_session_get_store (session)));
  g_assert_cmpuint (all->len, ==, direct->len);
  counts = ic_session_count_themes (session, NULL, NULL, NULL, FALSE);
  g_assert_cmpuint (g_strv_length ((char **) ic_theme_counts_get_authorities (counts)), >, 0);
}

/* Whether @recurrences link item @later_index of @later to item
 * @earlier_index of @earlier; @user_linked: whether it is the user's. */
static gboolean
has_link (GPtrArray *recurrences,
          IcReport  *earlier,
          guint      earlier_index,
          IcReport  *later,
          guint      later_index,
          gboolean  *user_linked)
{
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (ic_recurrence_get_carried_forward (r) ||
          g_strcmp0 (ic_report_get_content_id (ic_recurrence_get_earlier (r)->report),
                     ic_report_get_content_id (earlier)) != 0 ||
          g_strcmp0 (ic_report_get_content_id (ic_recurrence_get_later (r)->report),
                     ic_report_get_content_id (later)) != 0 ||
          ic_recurrence_get_earlier (r)->index != earlier_index ||
          ic_recurrence_get_later (r)->index != later_index)
        continue;
      if (user_linked != NULL)
        *user_linked = ic_recurrence_get_user_linked (r);
      return TRUE;
    }
  return FALSE;
}

static GPtrArray *
recurrences_of (IcSession *session)
{
  return ic_session_find_recurrences (session, NULL);
}

/* An earlier item of @earlier that @later_index is not linked to. */
static guint
unlinked_earlier_item (GPtrArray *recurrences,
                       IcReport  *earlier,
                       IcReport  *later,
                       guint      later_index)
{
  for (guint i = 0; i < g_list_model_get_n_items (ic_report_get_improvements (earlier)); i++)
    if (!has_link (recurrences, earlier, i, later, later_index, NULL))
      return i;
  g_assert_not_reached ();
}

/* A folder with one focused visit and the same visit two years earlier:
 * every item recurs. */
static GFile *
two_visits_folder (void)
{
  g_autofree char *fixture = ic_test_fixture_path ("parser/fv-2025.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ic-session-links-XXXXXX", &error);
  g_autofree char *later = NULL;
  g_autofree char *earlier = NULL;
  g_autoptr(GString) older = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, &error));
  older = g_string_new (text);
  g_string_replace (older, "November 2025", "November 2023", 0);
  g_string_replace (older, "January 2026", "January 2024", 0);
  later = g_build_filename (dir, "visit-2025.txt", NULL);
  earlier = g_build_filename (dir, "visit-2023.txt", NULL);
  g_assert_true (g_file_set_contents (later, text, -1, &error));
  g_assert_true (g_file_set_contents (earlier, older->str, -1, &error));
  return g_file_new_for_path (dir);
}

/* "These two are not the same area" removes a link the method found,
 * "these two are" adds one it missed; both are corrections like any
 * other: saved, undone, read back by the next session (and so by the
 * command line), and marked in the JSON. */
static void
test_link_unlink (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(IcSession) next = ic_session_new ();
  g_autoptr(GFile) folder = two_visits_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *json_text = NULL;
  g_autofree char *unlink_field = NULL;
  g_autofree char *link_field = NULL;
  IcRecurrence *first = NULL;
  IcReport *earlier, *later;
  guint ei, li, other;
  gboolean user_linked = FALSE;

  g_assert_true (ic_session_load_corrections (session, &error));
  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, &error));
  found = recurrences_of (session);
  for (guint i = 0; i < found->len && first == NULL; i++)
    if (!ic_recurrence_get_carried_forward (g_ptr_array_index (found, i)))
      first = g_ptr_array_index (found, i);
  g_assert_nonnull (first);
  earlier = ic_recurrence_get_earlier (first)->report;
  later = ic_recurrence_get_later (first)->report;
  ei = ic_recurrence_get_earlier (first)->index;
  li = ic_recurrence_get_later (first)->index;
  g_assert_false (ic_recurrence_get_user_linked (first));

  /* Not the same area. */
  unlink_field = g_strdup_printf ("improvements.%u.recurs_from.%s.%u", li,
                                  ic_report_get_content_id (earlier), ei);
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (later), unlink_field,
                                     "different", &error));
  g_assert_no_error (error);
  after = recurrences_of (session);
  g_assert_false (has_link (after, earlier, ei, later, li, NULL));
  g_assert_cmpuint (after->len, ==, found->len - 1);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Undo brings the method's link back. */
  g_assert_true (ic_session_undo_correction (session, &error));
  after = recurrences_of (session);
  g_assert_true (has_link (after, earlier, ei, later, li, NULL));
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The same area: a link the method did not find. */
  other = unlinked_earlier_item (found, earlier, later, li);
  link_field = g_strdup_printf ("improvements.%u.recurs_from.%s.%u", li,
                                ic_report_get_content_id (earlier), other);
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (later), link_field, "same", &error));
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (later), unlink_field,
                                     "different", &error));
  after = recurrences_of (session);
  g_assert_true (has_link (after, earlier, other, later, li, &user_linked));
  g_assert_true (user_linked);
  g_assert_false (has_link (after, earlier, ei, later, li, NULL));
  json = ic_recurrences_to_json (after);
  json_text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (json_text, "\"corrected\":true"));

  /* Anything else is not a correction. */
  g_assert_false (ic_session_correct (session, ic_report_get_content_id (later), link_field, "maybe", &error));
  g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ic_session_correct (session, ic_report_get_content_id (later),
                                      "improvements.x.recurs_from.abc.1", "same", &error));
  g_assert_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID);
  g_clear_error (&error);

  /* The next run reads both back. */
  g_clear_pointer (&after, g_ptr_array_unref);
  g_assert_true (ic_session_load_corrections (next, &error));
  g_assert_true (ic_session_open_sync (next, &folder, 1, NULL, &error));
  after = recurrences_of (next);
  g_assert_true (has_link (after, earlier, other, later, li, NULL));
  g_assert_false (has_link (after, earlier, ei, later, li, NULL));

  /* Taken back, the method's answer returns. */
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (later), link_field, NULL, &error));
  g_assert_true (ic_session_correct (session, ic_report_get_content_id (later), unlink_field, NULL, &error));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = recurrences_of (session);
  g_assert_cmpuint (after->len, ==, found->len);
  ic_test_remove_tree (folder_path);
}

/* One filter object is shared, not copied: what a filter bar edits is
 * what the session's views and exports apply. */
static void
test_filter (void)
{
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(IcFilterSpec) spec = ic_filter_spec_new ();
  IcFilterSpec *before = ic_session_get_filter (session);
  guint n_notify = 0;

  g_assert_nonnull (before);
  g_assert_true (ic_filter_spec_is_empty (before));
  g_signal_connect (session, "notify::filter", G_CALLBACK (notify_count_cb), &n_notify);
  ic_session_set_filter (session, spec);
  g_assert_true (ic_session_get_filter (session) == spec);
  ic_session_set_filter (session, spec);
  g_assert_cmpuint (n_notify, ==, 1);
  ic_filter_spec_set_search (spec, "barnet");
  g_assert_cmpstr (ic_filter_spec_get_search (ic_session_get_filter (session)), ==, "barnet");
  ic_session_set_filter (session, NULL);
  g_assert_true (ic_filter_spec_is_empty (ic_session_get_filter (session)));
  g_assert_cmpuint (n_notify, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_dir_make_tmp ("ic-session-data-XXXXXX", &error);
  int status;

  /* Corrections of this test go to a folder of its own, not the one the
   * other tests share. */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/open-sync", test_open_sync);
  g_test_add_func ("/session/open-queue-reload", test_open_queue_reload);
  g_test_add_func ("/session/correct-undo", test_correct_undo);
  g_test_add_func ("/session/corrections-persist", test_corrections_persist);
  g_test_add_func ("/session/watch", test_watch);
  g_test_add_func ("/session/analysis", test_analysis);
  g_test_add_func ("/session/link-unlink", test_link_unlink);
  g_test_add_func ("/session/filter", test_filter);

  status = g_test_run ();
  ic_test_remove_tree (data);
  return status;
}
