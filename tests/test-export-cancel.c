/* test-export-cancel.c: every CSV and JSON writer is followed step by
 * step and stopped by Cancel, leaving the destination as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ic-test-util.h"

#include "ic-changes.h"
#include "ic-csv.h"
#include "ic-json.h"
#include "ic-json-export.h"
#include "ic-session.h"

#define EARLIER "the earlier file, which a cancelled export keeps"

/* The project's fixtures, read once: the writers only read them. */
static IcSession *fixtures;
static GArray *hits;
static IcSearchQuery *query;

typedef struct
{
  char         *dir;
  char         *path;
  GCancellable *cancellable;
  GArray       *steps;         /* of guint: each done told */
  guint         total;
  gboolean      cancel_at_half;
  guint         n_files_at_cancel;
  goffset       written_at_cancel;  /* the temporary file's size */
} Fixture;

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* The size of the files of @dir other than "out". */
static goffset
temporary_size (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  goffset size = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_strcmp0 (name, "out") != 0 && g_stat (path, &st) == 0)
        size += st.st_size;
    }
  return size;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("ic-export-cancel-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "out", NULL);
  f->cancellable = g_cancellable_new ();
  f->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (g_file_set_contents (f->path, EARLIER, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ic_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_object_unref (f->cancellable);
  g_array_unref (f->steps);
}

/* On the writing thread (here the test's): records the step, and at
 * half way notes how many files the folder holds (the destination and
 * the temporary file being written) and cancels. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Fixture *f = user_data;

  if (f->steps->len == 0)
    f->total = total;
  g_assert_cmpuint (total, ==, f->total);
  g_array_append_val (f->steps, done);
  if (f->cancel_at_half && done >= total / 2 && !g_cancellable_is_cancelled (f->cancellable))
    {
      f->n_files_at_cancel = count_files (f->dir);
      f->written_at_cancel = temporary_size (f->dir);
      g_cancellable_cancel (f->cancellable);
    }
}

/* Steps only go forward, one at a time, from 1. */
static void
assert_monotonic (Fixture *f)
{
  g_assert_cmpuint (f->steps->len, >, 0);
  for (guint i = 0; i < f->steps->len; i++)
    g_assert_cmpuint (g_array_index (f->steps, guint, i), ==, i + 1);
}

typedef gboolean (*Writer) (const char        *path,
                            const IcProgress  *progress,
                            GError           **error);
typedef char *(*Contents) (void);

static GListModel *
reports (void)
{
  return G_LIST_MODEL (ic_session_get_store (fixtures));
}

static gboolean
write_matrix (const char *path, const IcProgress *progress, GError **error)
{
  return ic_csv_write_matrix (reports (), path, progress, error);
}

static char *
matrix (void)
{
  return ic_csv_matrix (reports ());
}

static gboolean
write_improvements (const char *path, const IcProgress *progress, GError **error)
{
  return ic_csv_write_improvements (reports (), path, progress, error);
}

static char *
improvements (void)
{
  return ic_csv_improvements (reports ());
}

static gboolean
write_search (const char *path, const IcProgress *progress, GError **error)
{
  return ic_csv_write_search (hits, query, path, progress, error);
}

static char *
search (void)
{
  return ic_csv_search (hits, query);
}

static gboolean
write_json (const char *path, const IcProgress *progress, GError **error)
{
  return ic_json_export_write (reports (), reports (), NULL, NULL, IC_JSON_EXPORT_AS_IS,
                               path, progress, error);
}

static char *
json (void)
{
  g_autoptr(JsonNode) document = ic_changes_export_document (reports (), reports (), NULL);

  return ic_json_to_string (document);
}

typedef struct
{
  const char *name;
  Writer      write;
  Contents    contents;
  /* Long enough that rows were written out before half way. */
  gboolean    partly_written_at_half;
} Case;

static const Case cases[] = {
  { "matrix", write_matrix, matrix, FALSE },
  { "improvements", write_improvements, improvements, TRUE },
  { "search", write_search, search, TRUE },
  { "json", write_json, json, FALSE },
};

/* Cancelled at half way: the earlier file is intact, the temporary file
 * that existed while writing is gone, and progress stopped at the step
 * that cancelled. */
static void
test_cancel_at_half (Fixture       *f,
                     gconstpointer  data)
{
  const Case *c = data;
  IcProgress progress = { f->cancellable, progress_cb, f };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  f->cancel_at_half = TRUE;
  g_assert_false (c->write (f->path, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_monotonic (f);
  g_assert_cmpuint (f->total, >=, 4);
  g_assert_cmpuint (g_array_index (f->steps, guint, f->steps->len - 1), ==, f->total / 2);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, EARLIER);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
  /* The writers that open the file before the steps had it open then:
   * the cancelled one was removed. JSON opens it after its steps. */
  if (c->write != write_json)
    g_assert_cmpuint (f->n_files_at_cancel, ==, 2);
  if (c->partly_written_at_half)
    g_assert_cmpint (f->written_at_cancel, >, 0);
}

/* Not cancelled: every step told, ending at the total, and the file is
 * what the same export gives as a string. */
static void
test_whole (Fixture       *f,
            gconstpointer  data)
{
  const Case *c = data;
  IcProgress progress = { f->cancellable, progress_cb, f };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = c->contents ();
  g_autofree char *contents = NULL;

  g_assert_true (c->write (f->path, &progress, &error));
  g_assert_no_error (error);

  assert_monotonic (f);
  g_assert_cmpuint (f->steps->len, ==, f->total);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

/* Cancelled before it starts: nothing is written over the earlier file. */
static void
test_cancelled_before (Fixture       *f,
                       gconstpointer  data)
{
  const Case *c = data;
  IcProgress progress = { f->cancellable, progress_cb, f };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_cancellable_cancel (f->cancellable);
  g_assert_false (c->write (f->path, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, EARLIER);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
read_fixtures (void)
{
  g_autofree char *path = ic_test_fixture_path ("parser");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixtures = ic_session_new ();
  ic_session_set_index_text (fixtures, TRUE);
  g_assert_true (ic_session_open_sync (fixtures, &folder, 1, NULL, &error));
  g_assert_no_error (error);
  query = ic_search_query_new ("children");
  hits = ic_search_run (reports (), query);
  g_assert_cmpuint (hits->len, >=, 4);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  read_fixtures ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *half = g_strdup_printf ("/export-cancel/%s/at-half", cases[i].name);
      g_autofree char *whole = g_strdup_printf ("/export-cancel/%s/whole", cases[i].name);
      g_autofree char *before = g_strdup_printf ("/export-cancel/%s/cancelled-before", cases[i].name);

      g_test_add (half, Fixture, &cases[i], fixture_set_up, test_cancel_at_half, fixture_tear_down);
      g_test_add (whole, Fixture, &cases[i], fixture_set_up, test_whole, fixture_tear_down);
      g_test_add (before, Fixture, &cases[i], fixture_set_up, test_cancelled_before, fixture_tear_down);
    }

  status = g_test_run ();
  g_array_unref (hits);
  ic_search_query_free (query);
  g_object_unref (fixtures);
  return status;
}
