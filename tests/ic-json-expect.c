/* ic-json-expect.c: fixtures parsed and compared with the fields they must give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-json-expect.h"
#include "ic-json.h"
#include "ic-parser.h"

#define READ_AS_TEXT "read as text file"

/* Differences found in the report being compared: each is listed, then
 * the test fails once, with the difference or their count (a test's
 * failure message keeps only the last one given). Tests run one at a
 * time. */
static guint n_differences;
static char *last_difference;

static void differ (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

static void
differ (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", message);
  n_differences++;
  g_free (last_difference);
  last_difference = g_steal_pointer (&message);
}

static void assert_subset (JsonNode   *expected,
                           JsonNode   *actual,
                           const char *where);

static void
assert_object_subset (JsonObject *expected,
                      JsonObject *actual,
                      const char *where)
{
  g_autoptr(GList) members = json_object_get_members (expected);

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;
      g_autofree char *path = g_strdup_printf ("%s.%s", where, name);

      /* Not a field: read by ic_json_expect_report() itself. */
      if (strchr (name, ' ') != NULL)
        continue;
      if (!json_object_has_member (actual, name))
        {
          differ ("%s: missing", path);
          continue;
        }
      assert_subset (json_object_get_member (expected, name), json_object_get_member (actual, name), path);
    }
}

static void
assert_array_subset (JsonArray  *expected,
                     JsonNode   *actual,
                     const char *where)
{
  JsonArray *a;

  if (!JSON_NODE_HOLDS_ARRAY (actual))
    {
      differ ("%s: not an array", where);
      return;
    }
  a = json_node_get_array (actual);
  if (json_array_get_length (expected) != json_array_get_length (a))
    {
      g_autofree char *got = json_to_string (actual, FALSE); /* one line of TAP */

      differ ("%s: %u elements expected, got %u: %s", where, json_array_get_length (expected),
              json_array_get_length (a), got);
      return;
    }
  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);

      assert_subset (json_array_get_element (expected, i), json_array_get_element (a, i), path);
    }
}

static void
assert_subset (JsonNode   *expected,
               JsonNode   *actual,
               const char *where)
{
  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      if (!JSON_NODE_HOLDS_OBJECT (actual))
        {
          differ ("%s: not an object", where);
          return;
        }
      assert_object_subset (json_node_get_object (expected), json_node_get_object (actual), where);
    }
  else if (JSON_NODE_HOLDS_ARRAY (expected))
    assert_array_subset (json_node_get_array (expected), actual, where);
  else if (JSON_NODE_HOLDS_NULL (expected))
    {
      if (!JSON_NODE_HOLDS_NULL (actual))
        {
          g_autofree char *got = ic_json_to_string (actual);

          differ ("%s: null expected, got %s", where, got);
        }
    }
  else
    {
      g_autofree char *want = ic_json_to_string (expected);
      g_autofree char *got = ic_json_to_string (actual);

      if (g_strcmp0 (want, got) != 0)
        differ ("%s: expected %s, got %s", where, want, got);
    }
}

static gboolean
some_warning_contains (JsonObject *report,
                       const char *words)
{
  JsonArray *warnings = json_object_get_array_member (report, "warnings");

  for (guint i = 0; i < json_array_get_length (warnings); i++)
    if (strstr (json_array_get_string_element (warnings, i), words) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_warnings (JsonArray  *words,
                 gboolean    contained,
                 JsonObject *actual,
                 const char *where)
{
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      const char *w = json_array_get_string_element (words, i);

      if (some_warning_contains (actual, w) != contained)
        {
          g_autofree char *got = json_to_string (json_object_get_member (actual, "warnings"), FALSE);

          differ ("%s.warnings: %s “%s”: %s", where,
                  contained ? "none contains" : "one contains", w, got);
        }
    }
}

/* The grade of the area's first judgement, as ic_report_get_grade(). */
static const char *
grade_of_area (JsonObject *actual,
               const char *area)
{
  JsonArray *judgements = json_object_get_array_member (actual, "judgements");

  for (guint i = 0; i < json_array_get_length (judgements); i++)
    {
      JsonObject *j = json_array_get_object_element (judgements, i);

      if (g_strcmp0 (json_object_get_string_member (j, "area"), area) == 0)
        return json_object_get_string_member (j, "grade");
    }
  return NULL;
}

static void
assert_grades (JsonObject *grades,
               JsonObject *actual,
               const char *where)
{
  g_autoptr(GList) areas = json_object_get_members (grades);

  for (GList *a = areas; a != NULL; a = a->next)
    {
      const char *area = a->data;
      const char *want = json_object_get_string_member (grades, area);
      const char *got = grade_of_area (actual, area);
      IcArea unused_area;
      IcGrade unused_grade;

      /* A misspelt key would pass as "no grade". */
      if (!ic_area_from_key (area, &unused_area) ||
          (want != NULL && !ic_grade_from_key (want, &unused_grade)))
        differ ("%s.grades by area.%s: no such area or grade", where, area);
      else if (g_strcmp0 (want, got) != 0)
        differ ("%s.grades by area.%s: expected %s, got %s", where, area,
                want ? want : "none", got ? got : "none");
    }
}

void
ic_json_expect_report (JsonNode   *expected,
                       JsonNode   *actual,
                       const char *where)
{
  JsonObject *e = json_node_get_object (expected);
  JsonObject *a = json_node_get_object (actual);
  g_autoptr(GList) members = json_object_get_members (e);

  n_differences = 0;
  assert_subset (expected, actual, where);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *name = m->data;
      JsonNode *value = json_object_get_member (e, name);

      if (strchr (name, ' ') == NULL || g_str_equal (name, READ_AS_TEXT))
        continue;
      if (g_str_equal (name, "warnings containing"))
        assert_warnings (json_node_get_array (value), TRUE, a, where);
      else if (g_str_equal (name, "warnings not containing"))
        assert_warnings (json_node_get_array (value), FALSE, a, where);
      else if (g_str_equal (name, "grades by area"))
        assert_grades (json_node_get_object (value), a, where);
      else
        differ ("%s: “%s” is neither a field nor a known check", where, name);
    }
  if (n_differences == 1)
    g_test_fail_printf ("%s", last_difference);
  else if (n_differences > 1)
    g_test_fail_printf ("%s: %u differences (listed above)", where, n_differences);
  g_clear_pointer (&last_difference, g_free);
}

static void
test_fixture (gconstpointer data)
{
  const char *where = data; /* FOLDER/NAME */
  g_autofree char *txt = g_strconcat (where, ".txt", NULL);
  g_autofree char *json = g_strconcat (where, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", txt, NULL);
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "fixtures", json, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(IcReport) report = NULL;
  g_autoptr(JsonNode) actual = NULL;
  g_auto(GStrv) pages = NULL;
  JsonObject *expected;
  gboolean from_pdf;

  if (!g_file_test (json_path, G_FILE_TEST_EXISTS))
    {
      g_test_fail_printf ("%s: the fixture has no %s", where, json);
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  expected = json_node_get_object (json_parser_get_root (parser));
  from_pdf = !json_object_get_boolean_member_with_default (expected, READ_AS_TEXT, FALSE);

  pages = g_strsplit (contents, "\f", -1);
  report = ic_parse_report (path, (const char * const *) pages, from_pdf, &error);
  g_assert_no_error (error);
  actual = ic_json_report_to_node (report);
  ic_json_expect_report (json_parser_get_root (parser), actual, where);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
ic_json_expect_add_tests (const char         *folder,
                          const char         *prefix,
                          const char * const *hand_written)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;

      if (!g_str_has_suffix (entry, ".txt"))
        continue;
      stem = g_strndup (entry, strlen (entry) - strlen (".txt"));
      if (hand_written == NULL || !g_strv_contains (hand_written, stem))
        g_ptr_array_add (names, g_build_filename (folder, stem, NULL));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *where = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("%s/%s", prefix, where + strlen (folder) + 1);

      g_test_add_data_func (test, where, test_fixture);
    }
  return names;
}
