/* test-hardening.c: a user's files are never endangered by the outputs
 *
 * Runs the real program, as a careful attacker and an unlucky user
 * would: outputs aimed at the reports being read, hostile file names,
 * spreadsheet formulas in report text, full disks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <utime.h>

#include "ic-atomic-file.h"
#include "ic-cache.h"
#include "ic-csv.h"
#include "ic-display-text.h"
#include "ic-output-path.h"
#include "ic-terminal.h"
#include "ic-test-util.h"

/* The largest file the child may write, 0 for no limit. */
static rlim_t file_size_limit;

/* In the child: a write past the limit fails with EFBIG, as on a full
 * disk, rather than killing the program. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { file_size_limit, RLIM_INFINITY };

  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = file_size_limit;

  if (file_size_limit == 0)
    return;
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_in (IcTestRun          *run,
        const char         *cwd,
        const char * const *args)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "IC_NO_CACHE", "1", TRUE);

  ic_test_run_program (run, cwd, envp, limit_file_size, args);
}

static void
run_cli (IcTestRun  *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = ic_test_collect_args (first, ap);
  va_end (ap);
  run_in (run, NULL, (const char * const *) args->pdata);
}

/* The lines of standard error that are the program's own messages (a
 * sanitizer may add its summary). */
static guint
count_message_lines (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], "inspection-compare: ");
  return n;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

/* A folder of two readable reports (a text and a PDF) and a failure. */
static char *
make_report_folder (const char *parent)
{
  g_autofree char *text = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *pdf = ic_test_fixture_path ("two-pages.pdf");
  char *dir = g_build_filename (parent, "reports", NULL);
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autofree char *c = g_build_filename (dir, "notes.csv", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  copy_file (text, a);
  copy_file (pdf, b);
  g_assert_true (g_file_set_contents (c, "not a report\n", -1, NULL));
  return dir;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every entry under @dir with its size and content checksum (links as
 * links): anything written, created or removed shows. */
static void
snapshot_into (const char *dir,
               GPtrArray  *rows)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      GStatBuf st;
      gsize len = 0;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (rows, g_strdup_printf ("%s/", path));
          snapshot_into (path, rows);
          continue;
        }
      if (S_ISLNK (st.st_mode))
        {
          g_autofree char *target = g_file_read_link (path, NULL);

          g_ptr_array_add (rows, g_strdup_printf ("%s -> %s", path, target));
          continue;
        }
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_ptr_array_add (rows, g_strdup_printf ("%s %o %s", path, st.st_mode, sum));
    }
}

static char *
snapshot (const char *dir)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  snapshot_into (dir, rows);
  g_ptr_array_sort (rows, compare_strings);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

/* Refused: exit 2, one line naming the output once, nothing written. */
static void
assert_refused (const IcTestRun  *run,
                const char *output)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpuint (count_message_lines (run->err), ==, 1);
  g_assert_nonnull (strstr (run->err, "refused"));
  g_assert_cmpuint (count_occurrences (run->err, output), ==, 1);
}

/* Every way of writing a file, aimed at @output. */
static void
assert_every_export_refused (const char *output,
                             const char *input)
{
  const char *options[] = {
    "--export-json=", "--export-csv=", "--export-improvements-csv=", "--export-pdf=", "--output=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *arg = g_strconcat (options[i], output, NULL);
      g_auto(IcTestRun) run = { 0 };

      /* A chart's name must end in its format. */
      if (g_str_equal (options[i], "--output=") && !g_str_has_suffix (output, ".pdf"))
        continue;
      if (g_str_equal (options[i], "--output="))
        run_cli (&run, "--render=grades", arg, input, NULL);
      else
        run_cli (&run, arg, input, NULL);
      assert_refused (&run, output);
    }
}

/* An export aimed at a report it reads, given directly or in a folder. */
static void
test_output_is_input (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = make_report_folder (tmp);
  g_autofree char *pdf = g_build_filename (dir, "b.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *before = snapshot (tmp);
  g_autofree char *after = NULL;

  assert_every_export_refused (pdf, dir);
  assert_every_export_refused (pdf, pdf);
  assert_every_export_refused (text, text);

  after = snapshot (tmp);
  g_assert_cmpstr (before, ==, after);
  ic_test_remove_tree (tmp);
}

/* A new file inside a folder being read, however the path is spelt. */
static void
test_output_inside_read_folder (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = make_report_folder (tmp);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *link = g_build_filename (tmp, "link-to-reports", NULL);
  g_autofree char *plain = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *dotted = g_build_filename (dir, "sub", "..", "pack.pdf", NULL);
  g_autofree char *deep = g_build_filename (dir, "sub", "pack.pdf", NULL);
  g_autofree char *linked = g_build_filename (link, "pack.pdf", NULL);
  /* In folders not made yet: refused as inside, not "does not exist". */
  g_autofree char *missing = g_build_filename (dir, "not-yet", "deeper", "pack.pdf", NULL);
  g_autofree char *missing_linked = g_build_filename (link, "not-yet", "pack.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink (dir, link), ==, 0);
  before = snapshot (tmp);

  assert_every_export_refused (plain, dir);
  assert_every_export_refused (dotted, dir);
  assert_every_export_refused (deep, dir);
  assert_every_export_refused (linked, dir);
  assert_every_export_refused (missing, dir);
  assert_every_export_refused (missing_linked, dir);
  /* The folder given through the link, the output by its real path. */
  assert_every_export_refused (plain, link);

  after = snapshot (tmp);
  g_assert_cmpstr (before, ==, after);
  ic_test_remove_tree (tmp);
}

/* A link outside the folder pointing at a report, and a report reached
 * through a link inside a folder being read. */
static void
test_output_through_links (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = make_report_folder (tmp);
  g_autofree char *outside = g_build_filename (tmp, "outside", NULL);
  g_autofree char *kept = g_build_filename (outside, "kept.pdf", NULL);
  g_autofree char *inner_link = g_build_filename (dir, "kept-link.pdf", NULL);
  g_autofree char *out_link = g_build_filename (tmp, "out.json", NULL);
  g_autofree char *report = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *pdf = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir (outside, 0755), ==, 0);
  copy_file (pdf, kept);
  g_assert_cmpint (symlink (kept, inner_link), ==, 0);
  g_assert_cmpint (symlink (report, out_link), ==, 0);
  before = snapshot (tmp);

  assert_every_export_refused (kept, dir);
  assert_every_export_refused (out_link, report);

  after = snapshot (tmp);
  g_assert_cmpstr (before, ==, after);
  ic_test_remove_tree (tmp);
}

/* A file named "--export-json=a.txt" in a report folder becomes an option
 * when the user runs `inspection-compare *`: the report must survive. */
static void
test_hostile_name_from_glob (void)
{
  const char *options[] = {
    "--export-json=a.txt", "--export-csv=b.pdf", "--export-pdf=a.txt", "--output=b.pdf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
      g_autofree char *dir = make_report_folder (tmp);
      g_autofree char *hostile = g_build_filename (dir, options[i], NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GDir) listing = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_auto(IcTestRun) run = { 0 };
      const char *name;

      g_assert_true (g_file_set_contents (hostile, "x", 1, NULL));
      if (g_str_has_prefix (options[i], "--output="))
        {
          g_autofree char *render = g_build_filename (dir, "--render=grades", NULL);

          g_assert_true (g_file_set_contents (render, "x", 1, NULL));
        }
      before = snapshot (tmp);

      /* What the shell's "*" gives: every name, sorted. */
      listing = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_ptr_array_add (args, g_strdup (name));
      g_ptr_array_sort (args, compare_strings);
      g_ptr_array_add (args, NULL);
      run_in (&run, dir, (const char * const *) args->pdata);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpuint (count_message_lines (run.err), ==, 1);
      after = snapshot (tmp);
      g_assert_cmpstr (before, ==, after);
      ic_test_remove_tree (tmp);
    }
}

/* Two outputs to one file, two to standard output, an empty name. */
static void
test_conflicting_outputs (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = make_report_folder (tmp);
  g_autofree char *out = g_build_filename (tmp, "out.csv", NULL);
  g_autofree char *json = g_strconcat ("--export-json=", out, NULL);
  g_autofree char *csv = g_strconcat ("--export-csv=", tmp, "/./out.csv", NULL);
  g_autofree char *report = g_build_filename (dir, "a.txt", NULL);
  g_auto(IcTestRun) same = { 0 };
  g_auto(IcTestRun) stdout_twice = { 0 };
  g_auto(IcTestRun) empty = { 0 };
  g_auto(IcTestRun) allowed = { 0 };
  g_auto(IcTestRun) null_twice = { 0 };

  run_cli (&same, json, csv, dir, NULL);
  g_assert_cmpint (same.status, ==, 2);
  g_assert_cmpuint (count_message_lines (same.err), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_cli (&stdout_twice, "--export-json=-", "--export-csv=-", dir, NULL);
  g_assert_cmpint (stdout_twice.status, ==, 2);
  g_assert_cmpstr (stdout_twice.out, ==, "");
  g_assert_cmpuint (count_message_lines (stdout_twice.err), ==, 1);

  run_cli (&empty, "--export-json=", dir, NULL);
  g_assert_cmpint (empty.status, ==, 2);
  g_assert_nonnull (strstr (empty.err, "--export-json needs a file name"));

  /* Beside a report given as a file is allowed: its folder is not read. */
  run_cli (&allowed, json, report, NULL);
  g_assert_cmpint (allowed.status, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));

  /* A device takes any number of outputs. */
  run_cli (&null_twice, "--export-json=/dev/null", "--export-csv=/dev/null", dir, NULL);
  g_assert_cmpint (null_twice.status, ==, 0);

  ic_test_remove_tree (tmp);
}

/* The guard itself, as the window uses it. */
static void
test_guard_unit (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = make_report_folder (tmp);
  g_autofree char *report = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *inside = g_build_filename (dir, "new.json", NULL);
  g_autofree char *beside = g_build_filename (tmp, "new.json", NULL);
  g_autoptr(IcOutputGuard) guard = ic_output_guard_new ();
  g_autoptr(GError) error = NULL;

  ic_output_guard_add_input (guard, dir);
  g_assert_false (ic_output_guard_check (guard, report, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);
  g_assert_false (ic_output_guard_check (guard, inside, &error));
  g_clear_error (&error);
  g_assert_false (ic_output_guard_check (guard, "", &error));
  g_clear_error (&error);
  g_assert_true (ic_output_guard_check (guard, beside, &error));
  g_assert_true (ic_output_guard_check (guard, "-", &error));
  g_assert_no_error (error);
  ic_test_remove_tree (tmp);
}

/* CSV ----------------------------------------------------------------- */

static void
test_csv_formula_cells (void)
{
  const struct {
    const char *field;
    const char *written;
  } cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "=1+1", "'=1+1" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "\"'\r=1\"" },
    { "plain text", "plain text" },
    { "a = b", "a = b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      ic_csv_append_field (line, cases[i].field);
      g_assert_cmpstr (line->str, ==, cases[i].written);
    }
}

/* Items of a real report run through the program: every CSV it writes
 * has each formula neutralised. */
static void
test_csv_formula_in_report (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *report = g_build_filename (dir, "r.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) hostile = NULL;
  g_auto(IcTestRun) run = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  hostile = g_string_new (text);
  g_string_replace (hostile, "- ensure that every child", "- =HYPERLINK(\"http://evil\",\"x\") every child", 1);
  g_string_replace (hostile, "- ensure that private", "- +cmd|' /C calc'!A0 private", 1);
  g_string_replace (hostile, "- strengthen", "- @SUM(1+1) strengthen", 1);
  g_assert_true (g_file_set_contents (report, hostile->str, -1, NULL));

  run_cli (&run, "--export-improvements-csv=-", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ",\"'=HYPERLINK(\"\"http://evil\"\""));
  g_assert_nonnull (strstr (run.out, ",'+cmd|' /C calc'!A0 private"));
  g_assert_nonnull (strstr (run.out, ",'@SUM(1+1) strengthen"));
  g_assert_null (strstr (run.out, ",=HYPERLINK"));
  g_assert_null (strstr (run.out, ",\"=HYPERLINK"));
  ic_test_remove_tree (tmp);
}

/* Outputs that fail half-way ----------------------------------------- */

static const char *failing_outputs[][2] = {
  { "--export-json=", "out.json" },
  { "--export-csv=", "out.csv" },
  { "--export-improvements-csv=", "items.csv" },
  { "--export-pdf=", "pack.pdf" },
  { "--output=", "chart.png" },
  { "--output=", "chart.svg" },
  { "--output=", "chart.pdf" },
  { "--output=", "chart.PNG" },
};

static void
run_export (IcTestRun        *run,
            guint       k,
            const char *path,
            const char *input)
{
  g_autofree char *arg = g_strconcat (failing_outputs[k][0], path, NULL);

  if (g_str_equal (failing_outputs[k][0], "--output="))
    run_cli (run, "--render=timeline", arg, input, NULL);
  else
    run_cli (run, arg, input, NULL);
}

/* Every output, on a "disk" that fills after 200 bytes: exit 1, one line
 * with the reason, the earlier file exactly as it was, no temporary file
 * left. Without the limit the same export succeeds. */
static void
test_full_disk_keeps_earlier_file (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", NULL);

  for (guint k = 0; k < G_N_ELEMENTS (failing_outputs); k++)
    {
      g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (tmp, failing_outputs[k][1], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GDir) listing = NULL;
      g_auto(IcTestRun) full = { 0 };
      g_auto(IcTestRun) fine = { 0 };
      guint entries = 0;

      g_assert_true (g_file_set_contents (path, "EARLIER\n", -1, NULL));
      file_size_limit = 200;
      run_export (&full, k, path, input);
      file_size_limit = 0;

      g_test_message ("%s: %s", failing_outputs[k][1], full.err);
      g_assert_cmpint (full.status, ==, 1);
      g_assert_cmpuint (count_message_lines (full.err), ==, 1);
      g_assert_cmpuint (count_occurrences (full.err, path), ==, 1);
      g_assert_nonnull (strstr (full.err, "larger than allowed"));
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "EARLIER\n");
      listing = g_dir_open (tmp, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        entries++;
      g_assert_cmpuint (entries, ==, 1);

      run_export (&fine, k, path, input);
      g_assert_cmpint (fine.status, ==, 0);
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, !=, "EARLIER\n");
      ic_test_remove_tree (tmp);
    }
}

/* A device that is always full: written in place, and the failure is
 * reported, never exit 0. */
static void
test_dev_full (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", NULL);

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (failing_outputs); k++)
    {
      g_auto(IcTestRun) run = { 0 };

      /* The format comes from the extension; /dev/full has none. */
      if (g_str_equal (failing_outputs[k][0], "--output="))
        continue;
      run_export (&run, k, "/dev/full", input);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (count_message_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "/dev/full: cannot write: the disk is full"));
    }
}

/* A missing folder: the path once, the reason in words, never the name
 * of a temporary file. */
static void
test_missing_folder_message (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", NULL);

  for (guint k = 0; k < G_N_ELEMENTS (failing_outputs); k++)
    {
      g_autofree char *path = g_build_filename ("/no/such/folder", failing_outputs[k][1], NULL);
      g_autofree char *line = g_strdup_printf ("inspection-compare: %s: cannot write: the folder does not exist\n",
                                               path);
      g_auto(IcTestRun) run = { 0 };

      run_export (&run, k, path, input);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, line));
      g_assert_cmpuint (count_message_lines (run.err), ==, 1);
    }
}

/* A new output gets the usual permissions (not the 0600 of a temporary
 * file); a replaced one keeps its own. */
static void
test_output_permissions (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "out.json", NULL);
  g_autofree char *arg = g_strconcat ("--export-json=", path, NULL);
  mode_t old = umask (022);
  g_auto(IcTestRun) first = { 0 };
  g_auto(IcTestRun) second = { 0 };
  GStatBuf st;

  run_cli (&first, arg, input, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  run_cli (&second, arg, input, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  umask (old);
  ic_test_remove_tree (tmp);
}

/* A failure marked by a renderer (a drawing error) keeps the earlier file. */
static void
test_atomic_file_fail (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "out.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  IcAtomicFile *file;

  g_assert_true (g_file_set_contents (path, "EARLIER", -1, NULL));
  file = ic_atomic_file_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ic_atomic_file_write (file, "NEW", 3));
  g_assert_false (ic_atomic_file_fail (file, "the drawing failed"));
  g_assert_false (ic_atomic_file_write (file, "MORE", 4));
  g_assert_false (ic_atomic_file_commit (file, &error));
  g_assert_nonnull (strstr (error->message, "the drawing failed"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "EARLIER");
  ic_test_remove_tree (tmp);
}

/* Cache ---------------------------------------------------------------- */

#define ID_A "aa00000000000000000000000000000000000000000000000000000000000001"
#define ID_B "bb00000000000000000000000000000000000000000000000000000000000002"

/* A folder of the user's that a planted link points to: two files, one
 * with a dot in its name and two hours old (what the clean-up removes
 * as a left-over), and a sub-folder. */
static char *
make_victim (const char *tmp)
{
  char *victim = g_build_filename (tmp, "victim", NULL);
  g_autofree char *sub = g_build_filename (victim, "ab", NULL);
  g_autofree char *a = g_build_filename (victim, "thesis.odt", NULL);
  g_autofree char *b = g_build_filename (sub, ID_A, NULL);
  struct utimbuf old = { time (NULL) - 7200, time (NULL) - 7200 };

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (a, "the user's work", -1, NULL));
  g_assert_true (g_file_set_contents (b, "more of it", -1, NULL));
  g_assert_cmpint (g_utime (a, &old), ==, 0);
  return victim;
}

/* Links planted in the cache as an old version's folder, as a two-letter
 * folder and as an entry: the clean-up (old versions, left-overs and
 * trimming down to a tiny bound) removes links, never what they point to. */
static void
test_cache_cleanup_never_follows_links (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "cache", NULL);
  g_autofree char *victim = make_victim (tmp);
  g_autofree char *victim_file = g_build_filename (victim, "thesis.odt", NULL);
  g_autofree char *before = snapshot (victim);
  g_autofree char *after = NULL;
  const char * const pages[] = { "some text", NULL };
  IcCache *cache;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  cache = ic_cache_open (dir, 1);
  g_assert_nonnull (cache);
  ic_cache_store_pages (cache, ID_A, FALSE, pages, NULL);
  ic_cache_store_pages (cache, ID_B, FALSE, pages, NULL);
  {
    g_autofree char *entry = ic_cache_get_entry_path (cache, ID_A);
    g_autofree char *sub = g_path_get_dirname (entry);
    g_autofree char *top = g_path_get_dirname (sub);
    g_autofree char *old_pages = g_build_filename (dir, "pages-0", NULL);
    g_autofree char *old_reports = g_build_filename (dir, "reports-old", NULL);
    g_autofree char *linked_sub = g_build_filename (top, "zz", NULL);
    g_autofree char *linked_entry = g_build_filename (sub, "left.over", NULL);

    g_assert_cmpint (symlink (victim, old_pages), ==, 0);
    g_assert_cmpint (symlink (victim, old_reports), ==, 0);
    g_assert_cmpint (symlink (victim, linked_sub), ==, 0);
    g_assert_cmpint (symlink (victim_file, linked_entry), ==, 0);
  }
  ic_cache_close (cache);

  after = snapshot (victim);
  g_assert_cmpstr (before, ==, after);
  ic_test_remove_tree (tmp);
}

static gboolean
cache_opens (const char *dir)
{
  IcCache *cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  gboolean opened = cache != NULL;

  ic_cache_close (cache);
  return opened;
}

/* An index that is a FIFO (opening it would block) or a link to
 * /dev/zero (reading it never ends), a current folder that is a link:
 * the cache is skipped at once with one warning, in words. */
static void
test_cache_untrusted_skipped (void)
{
  const char *kinds[] = { "fifo", "dev-zero", "pages-link", "reports-link" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hardening/cache/untrusted/subprocess/%s", kinds[i]);

      g_test_trap_subprocess (path, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("inspection-compare: the cache is not used: *\n");
      g_test_trap_assert_stderr_unmatched ("*\n*\n*");
      g_test_trap_assert_stderr_unmatched ("*WARNING*");
    }
}

static void
untrusted_in_child (const char *kind)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "cache", NULL);
  g_autofree char *index = g_build_filename (dir, "path-index", NULL);
  g_autofree char *victim = make_victim (tmp);
  IcCache *cache;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  /* The folder names of this build. */
  cache = ic_cache_open (dir, IC_CACHE_MAX_BYTES);
  {
    g_autofree char *entry = ic_cache_get_entry_path (cache, ID_A);
    g_autofree char *report = ic_cache_get_report_path (cache, ID_A);
    g_autofree char *pages_sub = g_path_get_dirname (entry);
    g_autofree char *pages_top = g_path_get_dirname (pages_sub);
    g_autofree char *reports_sub = g_path_get_dirname (report);
    g_autofree char *reports_top = g_path_get_dirname (reports_sub);

    ic_cache_close (cache);
    if (g_str_equal (kind, "fifo"))
      g_assert_cmpint (mkfifo (index, 0600), ==, 0);
    else if (g_str_equal (kind, "dev-zero"))
      g_assert_cmpint (symlink ("/dev/zero", index), ==, 0);
    else if (g_str_equal (kind, "pages-link"))
      g_assert_cmpint (symlink (victim, pages_top), ==, 0);
    else
      g_assert_cmpint (symlink (victim, reports_top), ==, 0);
  }
  g_assert_false (cache_opens (dir));
  ic_test_remove_tree (tmp);
}

static void
test_untrusted_fifo (void)
{
  untrusted_in_child ("fifo");
}

static void
test_untrusted_dev_zero (void)
{
  untrusted_in_child ("dev-zero");
}

static void
test_untrusted_pages_link (void)
{
  untrusted_in_child ("pages-link");
}

static void
test_untrusted_reports_link (void)
{
  untrusted_in_child ("reports-link");
}

/* The cache's one warning is in the user's language. */
static void
test_cache_warning_translated (void)
{
  g_test_trap_subprocess ("/hardening/cache/untrusted/subprocess/translated", 30 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("inspection-compare: le cache n’est pas utilisé : * n’est pas un dossier\n");
}

static void
test_untrusted_translated (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "cache", NULL);
  char *translation = ic_test_translation_begin ("the cache is not used: %s is not a folder",
                                                 "le cache n’est pas utilisé : %s n’est pas un dossier");

  /* A file where the cache's folder should be. */
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  g_assert_false (cache_opens (dir));
  ic_test_translation_end (translation);
  ic_test_remove_tree (tmp);
}

/* A cache folder that cannot be written: one warning in words, and the
 * reports are still read. */
static void
test_cache_unwritable (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *cache_home = g_build_filename (tmp, "not-a-folder", NULL);
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* A file where the cache folder's parent should be: nothing can be made. */
  g_assert_true (g_file_set_contents (cache_home, "", 0, NULL));
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache_home, TRUE);
  envp = g_environ_unsetenv (envp, "IC_NO_CACHE");
  g_ptr_array_add (argv, exe);
  g_ptr_array_add (argv, "--export-json=-");
  g_ptr_array_add (argv, input);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_nonnull (strstr (out, "\"reports\""));
  g_assert_cmpuint (count_occurrences (err, "cache"), ==, 1);
  g_assert_nonnull (strstr (err, "inspection-compare: the cache cannot be written"));
  g_assert_null (strstr (err, "WARNING"));
  ic_test_remove_tree (tmp);
}

/* Text that stops cairo ----------------------------------------------- */

static void
test_display_text (void)
{
  const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "plain é", "plain é" },
    { "a\xef\xbf\xbe" "b", "a\xef\xbf\xbd" "b" },          /* U+FFFE */
    { "a\xef\xbf\xbf" "b", "a\xef\xbf\xbd" "b" },          /* U+FFFF */
    { "a\xef\xb7\x90" "b", "a\xef\xbf\xbd" "b" },          /* U+FDD0 */
    { "a\xef\xb7\xaf" "b", "a\xef\xbf\xbd" "b" },          /* U+FDEF */
    { "a\xf0\x9f\xbf\xbe" "b", "a\xef\xbf\xbd" "b" },     /* U+1FFFE */
    { "a\xf4\x8f\xbf\xbf" "b", "a\xef\xbf\xbd" "b" },     /* U+10FFFF */
    { "a\xef\xb7\xb0" "b", "a\xef\xb7\xb0" "b" },          /* U+FDF0 is a character */
    { "a\xff" "b", "a\xef\xbf\xbd" "b" },                    /* not UTF-8 */
    /* Private use: a symbol font's bullet, drawn as a box, is a bullet. */
    { "a\xef\x82\xb7" "b", "a\xe2\x80\xa2" "b" },          /* U+F0B7 */
    { "a\xee\x80\x80" "b", "a\xe2\x80\xa2" "b" },          /* U+E000 */
    { "a\xef\xa3\xbf" "b", "a\xe2\x80\xa2" "b" },          /* U+F8FF */
    { "a\xef\xa4\x80" "b", "a\xef\xa4\x80" "b" },          /* U+F900 is a character */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ic_display_text (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* Files that change while read ------------------------------------------ */

/* A 40 MB report truncated while it is being read (as a sync client
 * does), at a range of moments: the run never dies of a signal (a mapped
 * file would raise SIGBUS) and finishes with exit 0. The program then
 * parses what it read: under AddressSanitizer parsing 40 MB took minutes
 * a run, so that build reads 4 MB at fewer moments (everything there is
 * slower, so the early moments still fall while the file is read). */
#ifdef __SANITIZE_ADDRESS__
#define TRUNCATED_FILE_MB 4
#define TRUNCATED_LAST_DELAY_MS 180
#else
#define TRUNCATED_FILE_MB 40
#define TRUNCATED_LAST_DELAY_MS 540
#endif

static void
test_truncated_while_read (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *path = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "IC_NO_CACHE", "1", TRUE);
  g_autoptr(GString) text = NULL;
  g_autofree char *head = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &head, NULL, NULL));
  text = g_string_new (head);
  while (text->len < TRUNCATED_FILE_MB * 1024 * 1024)
    g_string_append (text, "an ordinary line of a long report, repeated to make the file large\n");

  for (guint delay_ms = 60; delay_ms <= TRUNCATED_LAST_DELAY_MS; delay_ms += 60)
    {
      const char *argv[] = { exe, "--export-json=/dev/null", dir, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status;

      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_assert_true (g_spawn_async (NULL, (char **) argv, envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_usleep (delay_ms * 1000);
      g_assert_cmpint (truncate (path, 4096), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (status))
        g_error ("truncated after %u ms: killed by signal %d", delay_ms, WTERMSIG (status));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  ic_test_remove_tree (tmp);
}

/* Limits ---------------------------------------------------------------- */

/* Ten million form feeds: one clear failure, at once (splitting them
 * into pages first took 4 GB). */
static void
test_too_many_pages (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "form-feeds.txt", NULL);
  g_autofree char *feeds = g_strnfill (10 * 1000 * 1000, '\f');
  g_autoptr(GString) text = g_string_new ("Inspection of local authority arrangements\n");
  g_auto(IcTestRun) run = { 0 };

  g_string_append (text, feeds);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  run_cli (&run, "--export-json=-", tmp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "form-feeds.txt: too many pages (more than 2000)"));
  g_assert_nonnull (strstr (run.out, "too many pages"));
  ic_test_remove_tree (tmp);
}

/* A corrections file nested 100,000 deep (json-glib crashed on it at
 * every start): two runs both work, say so in words, and leave one copy. */
static void
test_deep_corrections (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (tmp, "inspection-compare", NULL);
  g_autofree char *path = g_build_filename (data_dir, "corrections.json", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *second = g_strconcat (path, ".bak.1", NULL);
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", tmp, TRUE);
  const char *argv[] = { exe, "--export-json=/dev/null", input, NULL };

  envp = g_environ_setenv (envp, "IC_NO_CACHE", "1", TRUE);
  g_assert_cmpint (g_mkdir (data_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  for (guint run = 0; run < 2; run++)
    {
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, NULL));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_nonnull (strstr (err, "nested more than 64 levels deep"));
      g_assert_nonnull (strstr (err, "started with no corrections"));
    }
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  ic_test_remove_tree (tmp);
}

/* A file name with a newline and an escape sequence: its failure is one
 * line on standard error, escaped, and nothing reaches the terminal raw. */
static void
test_hostile_name_on_stderr (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-hardening-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "bad\nforged: line\033[31m.txt", NULL);
  g_auto(IcTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (path, "a shopping list, not a report\n", -1, NULL));
  run_cli (&run, "--export-json=/dev/null", tmp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "bad\\nforged: line\\x1b[31m.txt: "));
  g_assert_null (strchr (run.err, '\033'));
  g_assert_null (strstr (run.err, "\nforged"));
  ic_test_remove_tree (tmp);
}

/* Terminal -------------------------------------------------------------- */

static void
test_terminal_escape (void)
{
  const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "plain/é.pdf", "plain/é.pdf" },
    { "a\nb.txt: forged line", "a\\nb.txt: forged line" },
    { "\033[31mred\033[0m", "\\x1b[31mred\\x1b[0m" },
    { "r\xe9port.txt", "r\\xe9port.txt" },
    { "x\xc2\x9by", "x\\u009by" },
    { "back\\slash", "back\\\\slash" },
    { "rtl\xe2\x80\xaeoverride", "rtl\\u202eoverride" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ic_terminal_escape (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hardening/output/is-input", test_output_is_input);
  g_test_add_func ("/hardening/output/inside-read-folder", test_output_inside_read_folder);
  g_test_add_func ("/hardening/output/through-links", test_output_through_links);
  g_test_add_func ("/hardening/output/hostile-name-from-glob", test_hostile_name_from_glob);
  g_test_add_func ("/hardening/output/conflicting", test_conflicting_outputs);
  g_test_add_func ("/hardening/output/guard", test_guard_unit);
  g_test_add_func ("/hardening/csv/formula-cells", test_csv_formula_cells);
  g_test_add_func ("/hardening/csv/formula-in-report", test_csv_formula_in_report);
  g_test_add_func ("/hardening/atomic/full-disk", test_full_disk_keeps_earlier_file);
  g_test_add_func ("/hardening/atomic/dev-full", test_dev_full);
  g_test_add_func ("/hardening/atomic/missing-folder", test_missing_folder_message);
  g_test_add_func ("/hardening/atomic/permissions", test_output_permissions);
  g_test_add_func ("/hardening/atomic/fail", test_atomic_file_fail);
  g_test_add_func ("/hardening/terminal/escape", test_terminal_escape);
  g_test_add_func ("/hardening/terminal/hostile-name", test_hostile_name_on_stderr);
  g_test_add_func ("/hardening/text/display", test_display_text);
  g_test_add_func ("/hardening/limits/too-many-pages", test_too_many_pages);
  g_test_add_func ("/hardening/limits/deep-corrections", test_deep_corrections);
  g_test_add_func ("/hardening/read/truncated-while-read", test_truncated_while_read);
  g_test_add_func ("/hardening/cache/cleanup-never-follows-links", test_cache_cleanup_never_follows_links);
  g_test_add_func ("/hardening/cache/untrusted", test_cache_untrusted_skipped);
  g_test_add_func ("/hardening/cache/untrusted/subprocess/fifo", test_untrusted_fifo);
  g_test_add_func ("/hardening/cache/untrusted/subprocess/dev-zero", test_untrusted_dev_zero);
  g_test_add_func ("/hardening/cache/untrusted/subprocess/pages-link", test_untrusted_pages_link);
  g_test_add_func ("/hardening/cache/untrusted/subprocess/reports-link", test_untrusted_reports_link);
  g_test_add_func ("/hardening/cache/unwritable", test_cache_unwritable);
  g_test_add_func ("/hardening/cache/warning-translated", test_cache_warning_translated);
  g_test_add_func ("/hardening/cache/untrusted/subprocess/translated", test_untrusted_translated);

  return g_test_run ();
}
