/* test-parser-shapes.c: one fixture per shape of report text, each with
 * the fields it must give
 *
 * Each tests/fixtures/shapes/NAME.txt (pages split by form feeds,
 * read as PDF pages; wording invented for the tests) is parsed and its
 * JSON compared with NAME.json, which holds only the fields that matter
 * for the shape: every member given must be there with the same value,
 * arrays must have the same length, and objects in arrays are compared
 * member by member the same way. Two members are not fields: "warnings
 * not containing" lists words no warning may contain, and "warnings
 * containing" words some warning must contain. Adding a shape is adding
 * the two files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-json.h"
#include "ic-parser.h"
#include "ic-test-util.h"

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

      if (g_str_has_prefix (name, "warnings "))
        continue;
      if (!json_object_has_member (actual, name))
        {
          g_test_fail_printf ("%s: missing", path);
          continue;
        }
      assert_subset (json_object_get_member (expected, name), json_object_get_member (actual, name), path);
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
          g_test_fail_printf ("%s: not an object", where);
          return;
        }
      assert_object_subset (json_node_get_object (expected), json_node_get_object (actual), where);
    }
  else if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *e = json_node_get_array (expected);
      JsonArray *a;

      if (!JSON_NODE_HOLDS_ARRAY (actual))
        {
          g_test_fail_printf ("%s: not an array", where);
          return;
        }
      a = json_node_get_array (actual);
      if (json_array_get_length (e) != json_array_get_length (a))
        {
          g_autofree char *got = ic_json_to_string (actual);

          g_test_fail_printf ("%s: %u elements expected, got %u: %s", where, json_array_get_length (e),
                              json_array_get_length (a), got);
          return;
        }
      for (guint i = 0; i < json_array_get_length (e); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", where, i);

          assert_subset (json_array_get_element (e, i), json_array_get_element (a, i), path);
        }
    }
  else if (JSON_NODE_HOLDS_NULL (expected))
    {
      if (!JSON_NODE_HOLDS_NULL (actual))
        {
          g_autofree char *got = ic_json_to_string (actual);

          g_test_fail_printf ("%s: null expected, got %s", where, got);
        }
    }
  else
    {
      g_autofree char *want = ic_json_to_string (expected);
      g_autofree char *got = ic_json_to_string (actual);

      if (g_strcmp0 (want, got) != 0)
        g_test_fail_printf ("%s: expected %s, got %s", where, want, got);
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
assert_warnings (JsonObject *expected,
                 JsonObject *actual)
{
  const char *lists[] = { "warnings not containing", "warnings containing" };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *words;

      if (!json_object_has_member (expected, lists[l]))
        continue;
      words = json_object_get_array_member (expected, lists[l]);
      for (guint i = 0; i < json_array_get_length (words); i++)
        {
          const char *w = json_array_get_string_element (words, i);

          if (some_warning_contains (actual, w) != (l == 1))
            g_test_fail_printf ("a warning %s “%s”", l == 1 ? "should contain" : "contains", w);
        }
    }
}

static void
test_shape (gconstpointer data)
{
  const char *stem = data;
  g_autofree char *name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *json_name = g_strconcat (stem, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "shapes", name, NULL);
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "fixtures", "shapes",
                                                      json_name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(IcReport) report = NULL;
  g_autoptr(JsonNode) actual = NULL;
  g_auto(GStrv) pages = NULL;
  JsonNode *expected;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  pages = g_strsplit (contents, "\f", -1);
  report = ic_parse_report (path, (const char * const *) pages, TRUE, &error);
  g_assert_no_error (error);
  actual = ic_json_report_to_node (report);
  expected = json_parser_get_root (parser);

  assert_subset (expected, actual, stem);
  assert_warnings (json_node_get_object (expected), json_node_get_object (actual));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_test_init (&argc, &argv, NULL);

  folder = g_test_build_filename (G_TEST_DIST, "fixtures", "shapes", NULL);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".txt"))
      g_ptr_array_add (stems, g_strndup (entry, strlen (entry) - 4));
  g_ptr_array_sort (stems, compare_names);

  for (guint i = 0; i < stems->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/parser-shapes/%s", (char *) g_ptr_array_index (stems, i));

      g_test_add_data_func (test, g_ptr_array_index (stems, i), test_shape);
    }
  return g_test_run ();
}
