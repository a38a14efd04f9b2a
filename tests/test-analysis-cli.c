/* test-analysis-cli.c: themes, recurrences and corrections in the
 * headless exports of the real executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-test-util.h"

#define SEED_2022 "000_850e072831eb0de0.txt"
#define SEED_2024 "001_aa1f0879a1ca2f5f.txt"
#define BARKING_2014 "80486_barking_and_dagenham__children_s_services_inspection_-_07_july_2014.pdf"
#define BARKING_2025 "80486_barking_and_dagenham__children_s_services_focused_visit_-_29_april_2025.pdf"

typedef struct
{
  char *home;     /* temporary XDG_DATA_HOME */
  char *folder;   /* the two Richmond seeds, copied */
  char *out;
  char *err;
  int   status;
} Fixture;

static void
fixture_clear (Fixture *f)
{
  if (f->home != NULL)
    ic_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->folder);
  g_free (f->out);
  g_free (f->err);
}

/* Copies @names of the corpus folder @sub into a folder of the test's
 * own; FALSE when the corpus is absent. */
static gboolean
fixture_init_from (Fixture            *f,
                   const char         *sub,
                   const char * const *names,
                   guint               n_names)
{
  g_autofree char *seeds = ic_test_corpus_path (sub);

  if (seeds == NULL)
    return FALSE;

  f->home = g_dir_make_tmp ("ic-analysis-cli-XXXXXX", NULL);
  f->folder = g_build_filename (f->home, "reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *from = g_build_filename (seeds, names[i], NULL);
      g_autofree char *to = g_build_filename (f->folder, names[i], NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &data, &length, NULL));
      g_assert_true (g_file_set_contents (to, data, length, NULL));
    }
  return TRUE;
}

static gboolean
fixture_init (Fixture *f)
{
  const char *names[] = { SEED_2022, SEED_2024 };

  return fixture_init_from (f, "seeds", names, G_N_ELEMENTS (names));
}

/* The content id of a seed: SHA-256 of its bytes. */
static char *
content_id (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data, length);
}

static char *
corrections_path (Fixture *f)
{
  return g_build_filename (f->home, "inspection-compare", "corrections.json", NULL);
}

static void
write_corrections (Fixture    *f,
                   const char *text)
{
  g_autofree char *path = corrections_path (f);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
run_export (Fixture    *f,
            const char *option)
{
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { exe, option, f->folder, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "IC_NO_CACHE", "1", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->home, TRUE);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &f->out, &f->err, &wait_status, &error));
  g_assert_no_error (error);
  f->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static JsonObject *
find_report (JsonObject *root,
             const char *name)
{
  JsonArray *reports = json_object_get_array_member (root, "reports");

  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      JsonObject *report = json_array_get_object_element (reports, i);

      if (g_str_has_suffix (json_object_get_string_member (report, "source"), name))
        return report;
    }
  g_assert_not_reached ();
}

static gboolean
array_has (JsonArray  *array,
           const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* The later report's `changes` entry of its item @li raised again, or NULL. */
static JsonObject *
raised_again_entry (JsonObject *report,
                    gint64      li)
{
  JsonArray *again = json_object_get_array_member (json_object_get_object_member (report, "changes"),
                                                   "raised_again");

  for (guint i = 0; i < json_array_get_length (again); i++)
    if (json_object_get_int_member (json_array_get_object_element (again, i), "index") == li)
      return json_array_get_object_element (again, i);
  return NULL;
}

static gboolean
raised_again (JsonObject *report,
              gint64      li)
{
  return raised_again_entry (report, li) != NULL;
}

/* Whether any item of the `changes` of any report is said to be raised
 * again by a link the user made. */
static gboolean
any_raised_again_corrected (JsonObject *root)
{
  JsonArray *reports = json_object_get_array_member (root, "reports");

  for (guint r = 0; r < json_array_get_length (reports); r++)
    {
      JsonObject *report = json_array_get_object_element (reports, r);
      JsonArray *again;

      if (json_object_get_null_member (report, "changes"))
        continue;
      again = json_object_get_array_member (json_object_get_object_member (report, "changes"), "raised_again");
      for (guint i = 0; i < json_array_get_length (again); i++)
        if (json_object_has_member (json_array_get_object_element (again, i), "corrected"))
          return TRUE;
    }
  return FALSE;
}

/* The last cell (`corrected`) of the first row of @csv holding @row_part,
 * kept until the next call (rows of these tests have no quoted commas
 * in their last cells). */
static const char *
csv_row_corrected (const char *csv,
                   const char *row_part)
{
  static char *cell;
  const char *at = strstr (csv, row_part);
  const char *end, *start;

  g_assert_nonnull (at);
  end = strstr (at, "\r\n");
  g_assert_nonnull (end);
  for (start = end; start > at && start[-1] != ','; start--)
    ;
  g_free (cell);
  cell = g_strndup (start, end - start);
  return cell;
}

static gboolean
array_has_int (JsonArray *array,
               gint64     value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_array_get_int_element (array, i) == value)
      return TRUE;
  return FALSE;
}

static void
test_recurrence_and_corrections (void)
{
  Fixture f = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *corrections = NULL;
  g_autofree char *later_id = NULL;
  g_autofree char *unlink = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *early, *item;
  JsonArray *recurrences;
  gboolean front_door = FALSE;

  if (!fixture_init (&f))
    return;
  id = content_id (&f, SEED_2022);
  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": {"
                                 " \"inspection_type\": \"focused_visit\","
                                 " \"improvements.1.themes\": [\"workforce\"] } } }", id);
  write_corrections (&f, corrections);

  run_export (&f, "--export-json=-");
  g_assert_cmpint (f.status, ==, 0);
  json_parser_load_from_data (parser, f.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  /* The corrections were applied and are said to be corrections. */
  early = find_report (root, SEED_2022);
  g_assert_cmpstr (json_object_get_string_member (early, "inspection_type"), ==, "focused_visit");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (early, "corrected"),
                                                  "inspection_type"), ==, "ilacs");
  g_assert_true (json_object_has_member (json_object_get_object_member (early, "corrected"),
                                         "improvements.1.themes"));
  item = json_array_get_object_element (json_object_get_array_member (early, "improvements"), 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "themes")), ==, 1);
  g_assert_true (array_has (json_object_get_array_member (item, "themes"), "workforce"));
  /* Themes come from the rules for the other items. */
  item = json_array_get_object_element (json_object_get_array_member (early, "improvements"), 0);
  g_assert_true (array_has (json_object_get_array_member (item, "themes"), "front_door"));

  /* Richmond 2022 front door returns in 2024. */
  recurrences = json_object_get_array_member (root, "recurrences");
  for (guint i = 0; i < json_array_get_length (recurrences); i++)
    {
      JsonObject *r = json_array_get_object_element (recurrences, i);
      JsonObject *earlier = json_object_get_object_member (r, "earlier");
      JsonObject *later = json_object_get_object_member (r, "later");

      g_assert_cmpstr (json_object_get_string_member (r, "authority"), ==, "Richmond upon Thames");
      if (g_strcmp0 (json_object_get_string_member (r, "theme"), "front_door") == 0 &&
          g_str_has_suffix (json_object_get_string_member (earlier, "source"), SEED_2022) &&
          json_object_get_int_member (earlier, "index") == 0 &&
          g_strcmp0 (json_object_get_string_member (earlier, "end_date"), "2022-02-04") == 0 &&
          g_str_has_suffix (json_object_get_string_member (later, "source"), SEED_2024) &&
          json_object_get_int_member (later, "index") == 0 &&
          g_strcmp0 (json_object_get_string_member (later, "end_date"), "2024-07-19") == 0)
        front_door = TRUE;
    }
  g_assert_true (front_door);

  /* "These two are not the same area": the next export leaves the pair
   * out and lists the correction on the later report. */
  later_id = content_id (&f, SEED_2024);
  unlink = g_strdup_printf ("improvements.0.recurs_from.%s.0", id);
  g_clear_pointer (&corrections, g_free);
  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": {"
                                 " \"inspection_type\": \"focused_visit\","
                                 " \"improvements.1.themes\": [\"workforce\"] },"
                                 " \"%s\": { \"%s\": \"different\" } } }", id, later_id, unlink);
  write_corrections (&f, corrections);
  run_export (&f, "--export-json=-");
  g_assert_cmpint (f.status, ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, f.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (json_object_get_object_member (find_report (root, SEED_2024),
                                                                        "corrected"), unlink));
  /* What changed counts the unlinked item new, not raised again. */
  g_assert_false (raised_again (find_report (root, SEED_2024), 0));
  g_assert_true (array_has_int (json_object_get_array_member (
    json_object_get_object_member (find_report (root, SEED_2024), "changes"), "new"), 0));
  recurrences = json_object_get_array_member (root, "recurrences");
  for (guint i = 0; i < json_array_get_length (recurrences); i++)
    {
      JsonObject *r = json_array_get_object_element (recurrences, i);
      JsonObject *earlier = json_object_get_object_member (r, "earlier");
      JsonObject *later = json_object_get_object_member (r, "later");

      g_assert_false (g_str_has_suffix (json_object_get_string_member (earlier, "source"), SEED_2022) &&
                      json_object_get_int_member (earlier, "index") == 0 &&
                      g_str_has_suffix (json_object_get_string_member (later, "source"), SEED_2024) &&
                      !json_object_get_null_member (later, "index") &&
                      json_object_get_int_member (later, "index") == 0);
    }

  /* The improvements CSV prints the corrected themes. */
  run_export (&f, "--export-improvements-csv=-");
  g_assert_cmpint (f.status, ==, 0);
  g_assert_nonnull (strstr (f.out, "focused_visit,2022-02-04,1,,workforce,"));
  /* And says which of the row's values a user corrected, the unlinked
   * item too. */
  g_assert_nonnull (strstr (f.out, ",inspection_type;themes\r\n"));
  g_assert_cmpstr (csv_row_corrected (f.out, ",2024-07-19,0,"), ==, "unlinked");
  g_assert_cmpstr (csv_row_corrected (f.out, ",2024-07-19,1,"), ==, "");

  fixture_clear (&f);
}

/* The export's recurrence from item @ei of SEED_2022 to item @li of
 * SEED_2024, or NULL. */
static JsonObject *
find_pair (JsonObject *root,
           gint64      ei,
           gint64      li)
{
  JsonArray *recurrences = json_object_get_array_member (root, "recurrences");

  for (guint i = 0; i < json_array_get_length (recurrences); i++)
    {
      JsonObject *r = json_array_get_object_element (recurrences, i);
      JsonObject *earlier = json_object_get_object_member (r, "earlier");
      JsonObject *later = json_object_get_object_member (r, "later");

      if (g_str_has_suffix (json_object_get_string_member (earlier, "source"), SEED_2022) &&
          json_object_get_int_member (earlier, "index") == ei &&
          g_str_has_suffix (json_object_get_string_member (later, "source"), SEED_2024) &&
          !json_object_get_null_member (later, "index") && json_object_get_int_member (later, "index") == li)
        return r;
    }
  return NULL;
}

static JsonParser *
export_json (Fixture *f)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_export (f, "--export-json=-");
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  return parser;
}

/* "These two are the same area": a pair the method does not link is
 * linked in the next export, said to be the user's, counted as raised
 * again, and listed as a correction of the later report. */
static void
test_link_correction (void)
{
  Fixture f = { 0 };
  g_autoptr(JsonParser) before = NULL;
  g_autoptr(JsonParser) after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *later_id = NULL;
  g_autofree char *field = NULL;
  g_autofree char *corrections = NULL;
  g_autofree char *csv_row = NULL;
  JsonObject *root, *pair, *later;
  gint64 ei = -1, li = -1;
  guint n_earlier, n_later, n_links;

  if (!fixture_init (&f))
    return;
  before = export_json (&f);
  root = json_node_get_object (json_parser_get_root (before));
  n_earlier = json_array_get_length (json_object_get_array_member (find_report (root, SEED_2022), "improvements"));
  n_later = json_array_get_length (json_object_get_array_member (find_report (root, SEED_2024), "improvements"));
  n_links = json_array_get_length (json_object_get_array_member (root, "recurrences"));
  /* A later item the method links to nothing, and any earlier item. */
  for (gint64 l = 0; li < 0 && l < n_later; l++)
    if (!raised_again (find_report (root, SEED_2024), l))
      li = l;
  g_assert_cmpint (li, >=, 0);
  g_assert_cmpuint (n_earlier, >, 0);
  ei = n_earlier - 1;
  g_assert_null (find_pair (root, ei, li));
  g_assert_false (any_raised_again_corrected (root));

  id = content_id (&f, SEED_2022);
  later_id = content_id (&f, SEED_2024);
  field = g_strdup_printf ("improvements.%" G_GINT64_FORMAT ".recurs_from.%s.%" G_GINT64_FORMAT, li, id, ei);
  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": { \"%s\": \"same\" } } }",
                                 later_id, field);
  write_corrections (&f, corrections);
  after = export_json (&f);
  root = json_node_get_object (json_parser_get_root (after));
  pair = find_pair (root, ei, li);
  g_assert_nonnull (pair);
  g_assert_true (json_object_get_boolean_member_with_default (pair, "corrected", FALSE));
  g_assert_cmpstr (json_object_get_string_member (pair, "match"), ==, "user");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "recurrences")), ==, n_links + 1);
  later = find_report (root, SEED_2024);
  g_assert_true (raised_again (later, li));
  /* What changed says the user's link makes it raised again. */
  g_assert_true (json_object_get_boolean_member_with_default (raised_again_entry (later, li), "corrected", FALSE));
  /* The link had no parsed value: its `corrected` entry is null. */
  g_assert_true (json_object_has_member (json_object_get_object_member (later, "corrected"), field));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (later, "corrected"), field));

  /* The improvements CSV, which has no recurrence column, says the
   * user linked the item in its `corrected` column. */
  run_export (&f, "--export-improvements-csv=-");
  g_assert_cmpint (f.status, ==, 0);
  csv_row = g_strdup_printf (",2024-07-19,%" G_GINT64_FORMAT ",", li);
  g_assert_cmpstr (csv_row_corrected (f.out, csv_row), ==, "linked");

  fixture_clear (&f);
}

/* Two Sefton visits made from the carried-forward fixture: the earlier
 * one (June 2021) with two items, the later one whose statement carries
 * them forward. */
static void
fixture_init_carried (Fixture *f)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser",
                                                    "fv-carried-forward-by-date.txt", NULL);
  g_autofree char *later = NULL;
  g_autofree char *earlier_path = NULL;
  g_autofree char *later_path = NULL;
  g_autoptr(GString) earlier = NULL;
  const char *section, *findings;

  f->home = g_dir_make_tmp ("ic-analysis-cli-XXXXXX", NULL);
  f->folder = g_build_filename (f->home, "reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &later, NULL, NULL));
  section = strstr (later, "Areas for priority action");
  findings = strstr (later, "Findings");
  g_assert_true (section != NULL && findings != NULL);
  earlier = g_string_new_len (later, section - later);
  g_string_append (earlier, "What needs to improve in this area of social work practice\n\n"
                            "\u2022 The timeliness of initial child protection conferences.\n"
                            "\u2022 The sufficiency of foster homes for older children.\n\n");
  g_string_append (earlier, findings);
  g_string_replace (earlier, "14 March 2022", "12 July 2021", 0);
  g_string_replace (earlier, "15 and 16 February 2022", "16 and 17 June 2021", 0);
  earlier_path = g_build_filename (f->folder, "earlier.txt", NULL);
  later_path = g_build_filename (f->folder, "later.txt", NULL);
  g_assert_true (g_file_set_contents (earlier_path, earlier->str, -1, NULL));
  g_assert_true (g_file_set_contents (later_path, later, -1, NULL));
}

/* The carried-forward links of the export, by the earlier item's index. */
static guint
carried_forward_links (Fixture *f,
                       gboolean with_index[2])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *recurrences;
  guint n = 0;

  run_export (f, "--export-json=-");
  g_assert_cmpint (f->status, ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  recurrences = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "recurrences");
  with_index[0] = with_index[1] = FALSE;
  for (guint i = 0; i < json_array_get_length (recurrences); i++)
    {
      JsonObject *r = json_array_get_object_element (recurrences, i);
      gint64 index = json_object_get_int_member (json_object_get_object_member (r, "earlier"), "index");

      g_assert_true (json_object_get_boolean_member (r, "carried_forward"));
      /* The report's own word that the area remains. */
      g_assert_cmpstr (json_object_get_string_member (r, "match"), ==, "close");
      g_assert_true (json_object_get_null_member (json_object_get_object_member (r, "later"), "index"));
      g_assert_true (index == 0 || index == 1);
      with_index[index] = TRUE;
      n++;
    }
  return n;
}

/* The command line reads the corrections that unlink carried-forward
 * links: one item, then the whole statement. */
static void
test_carried_forward_corrections (void)
{
  Fixture f = { 0 };
  g_autofree char *earlier_id = NULL;
  g_autofree char *later_id = NULL;
  g_autofree char *corrections = NULL;
  gboolean with_index[2];

  fixture_init_carried (&f);
  earlier_id = content_id (&f, "earlier.txt");
  later_id = content_id (&f, "later.txt");
  g_assert_cmpuint (carried_forward_links (&f, with_index), ==, 2);

  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": {"
                                 " \"carried_forward.%s.0\": \"different\" } } }", later_id, earlier_id);
  write_corrections (&f, corrections);
  g_assert_cmpuint (carried_forward_links (&f, with_index), ==, 1);
  g_assert_false (with_index[0]);
  g_assert_true (with_index[1]);
  g_assert_nonnull (strstr (f.out, "\"carried_forward.")); /* in the report's `corrected` */

  g_clear_pointer (&corrections, g_free);
  corrections = g_strdup_printf ("{ \"version\": 1, \"reports\": { \"%s\": {"
                                 " \"carried_forward\": \"none\" } } }", later_id);
  write_corrections (&f, corrections);
  g_assert_cmpuint (carried_forward_links (&f, with_index), ==, 0);

  fixture_clear (&f);
}

static void
test_corrupt_corrections (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *bak = NULL;
  g_autofree char *kept = NULL;

  if (!fixture_init (&f))
    return;
  write_corrections (&f, "{ \"reports\": [ 1, 2");
  path = corrections_path (&f);
  bak = g_strconcat (path, ".bak", NULL);

  /* Reported with the file's name, kept, and the export still written. */
  run_export (&f, "--export-json=-");
  g_assert_cmpint (f.status, ==, 0);
  g_assert_nonnull (strstr (f.err, path));
  g_assert_nonnull (strstr (f.err, ".bak"));
  g_assert_nonnull (strstr (f.out, "\"recurrences\""));
  g_assert_true (g_file_get_contents (bak, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{ \"reports\": [ 1, 2");

  fixture_clear (&f);
}

/* Barking and Dagenham's focused visit of 2025 says its last inspection
 * was in 2023; opened with its 2014 inspection alone, what changed is
 * counted from 2014 and the JSON says that 2023 is not open. */
static void
test_last_inspection_not_open (void)
{
  const char *names[] = { BARKING_2014, BARKING_2025 };
  Fixture f = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *visit, *changes;

  if (!fixture_init_from (&f, "bulk", names, G_N_ELEMENTS (names)))
    {
      g_test_skip ("no corpus");
      return;
    }
  run_export (&f, "--export-json=-");
  g_assert_cmpint (f.status, ==, 0);
  root = json_from_string (f.out, NULL);
  g_assert_nonnull (root);
  visit = find_report (json_node_get_object (root), BARKING_2025);
  g_assert_cmpstr (json_object_get_string_member (visit, "stated_previous_inspection"), ==, "2023");
  changes = json_object_get_object_member (visit, "changes");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (changes, "since"), "end_date"),
                   ==, "2014-05-22");
  g_assert_cmpstr (json_object_get_string_member (changes, "last_inspection_not_open"), ==, "2023");
  changes = json_object_get_object_member (find_report (json_node_get_object (root), BARKING_2014), "changes");
  g_assert_false (json_object_has_member (changes, "last_inspection_not_open"));
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis-cli/recurrence-and-corrections", test_recurrence_and_corrections);
  g_test_add_func ("/analysis-cli/link-correction", test_link_correction);
  g_test_add_func ("/analysis-cli/carried-forward-corrections", test_carried_forward_corrections);
  g_test_add_func ("/analysis-cli/corrupt-corrections", test_corrupt_corrections);
  g_test_add_func ("/analysis-cli/last-inspection-not-open", test_last_inspection_not_open);

  return g_test_run ();
}
