/* test-extract-failures.c: a helper that is killed, crashes or hangs
 *
 * The command-line program is run for real, with a cache of its own, and
 * the PDF helper counts the requests it serves ($IC_EXTRACT_HELPER_TEST_LOG),
 * so each test sees how often a PDF was really read: a helper killed once
 * (as by the OOM killer) costs nothing, a PDF that crashes or hangs the
 * helper is not read again on every open, but is with a new helper and on
 * Reload (the window's, and the command line's --reload).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "ic-session.h"
#include "ic-test-util.h"

#define CRASH_REASON "the PDF made the text extractor crash"
#define HANG_REASON "the PDF made the text extractor hang"

typedef struct
{
  char *tmp;
  char *reports;   /* the folder read */
  char *log;       /* one line per request the helpers served */
  char *helper;    /* the helper executable the runs use */
  char *timeout;   /* $IC_EXTRACT_TIMEOUT, or NULL for the default */
} Setup;

static void
setup_clear (Setup *setup)
{
  ic_test_remove_tree (setup->tmp);
  g_free (setup->tmp);
  g_free (setup->reports);
  g_free (setup->log);
  g_free (setup->helper);
  g_free (setup->timeout);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Setup, setup_clear)

/* A readable fixture PDF with a test-only comment after it, which the
 * helper obeys (ic-extract-serve.c). */
static void
setup_init (Setup      *setup,
            const char *name,
            const char *comment)
{
  g_autofree char *fixture = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *data = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *marked = NULL;
  gsize length;

  setup->tmp = g_dir_make_tmp ("ic-extract-failures-XXXXXX", NULL);
  setup->reports = g_build_filename (setup->tmp, "reports", NULL);
  setup->log = g_build_filename (setup->tmp, "requests.log", NULL);
  setup->helper = g_strdup (g_getenv ("IC_EXTRACT_HELPER"));
  g_assert_cmpint (g_mkdir (setup->reports, 0755), ==, 0);

  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  marked = g_strconcat (data, "\n", comment, "\n", NULL);
  pdf = g_build_filename (setup->reports, name, NULL);
  g_assert_true (g_file_set_contents (pdf, marked, -1, NULL));
}

static guint
count_requests (Setup *setup)
{
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (setup->log, &text, NULL, NULL))
    return 0;
  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    n++;
  return n;
}

/* One run of `inspection-compare --export-json=- [--reload] REPORTS`. */
static void
run_export (Setup      *setup,
            IcTestRun  *run,
            gboolean    reload)
{
  g_autofree char *cache = g_build_filename (setup->tmp, "cache", NULL);
  g_autofree char *flag = g_build_filename (setup->tmp, "kill-once", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  const char *args[] = { "--export-json=-", setup->reports, NULL, NULL };

  if (reload)
    {
      args[1] = "--reload";
      args[2] = setup->reports;
    }
  envp = g_environ_unsetenv (envp, "IC_NO_CACHE");
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "IC_EXTRACT_HELPER", setup->helper, TRUE);
  envp = g_environ_setenv (envp, "IC_EXTRACT_HELPER_TEST", "1", TRUE);
  envp = g_environ_setenv (envp, "IC_EXTRACT_HELPER_TEST_LOG", setup->log, TRUE);
  envp = g_environ_setenv (envp, "IC_EXTRACT_HELPER_TEST_KILL_ONCE", flag, TRUE);
  if (setup->timeout != NULL)
    envp = g_environ_setenv (envp, "IC_EXTRACT_TIMEOUT", setup->timeout, TRUE);
  ic_test_run_program (run, NULL, envp, NULL, args);
  g_assert_cmpint (run->status, ==, 0);
}

static gboolean
has_helper (void)
{
  if (g_getenv ("IC_EXTRACT_HELPER") != NULL)
    return TRUE;
  g_test_skip ("IC_EXTRACT_HELPER is not set: no helper process to kill");
  return FALSE;
}

/* The OOM killer (here the helper's own SIGKILL) ends a helper in the
 * middle of a good PDF: a fresh helper reads it, and its text, not a
 * crash, is what the cache keeps. */
static void
test_killed_once (void)
{
  g_auto(Setup) setup = { 0 };
  g_autofree char *flag = NULL;

  if (!has_helper ())
    return;
  setup_init (&setup, "killed.pdf", "%IC-TEST-KILL-ONCE");
  flag = g_build_filename (setup.tmp, "kill-once", NULL);
  g_assert_true (g_file_set_contents (flag, "", 0, NULL));

  {
    g_auto(IcTestRun) run = { 0 };

    run_export (&setup, &run, FALSE);
    g_assert_false (g_file_test (flag, G_FILE_TEST_EXISTS));
    g_assert_null (strstr (run.out, CRASH_REASON));
    g_assert_null (strstr (run.err, CRASH_REASON));
    /* Killed, then read by a fresh helper. */
    g_assert_cmpuint (count_requests (&setup), ==, 2);
  }
  {
    g_auto(IcTestRun) run = { 0 };

    /* The text was cached: the PDF is not read again. */
    run_export (&setup, &run, FALSE);
    g_assert_null (strstr (run.out, CRASH_REASON));
    g_assert_cmpuint (count_requests (&setup), ==, 2);
  }
}

static void
assert_failed_with (IcTestRun  *run,
                    const char *reason)
{
  g_assert_nonnull (strstr (run->out, reason));
  g_assert_nonnull (strstr (run->err, reason));
}

/* Another helper executable: what installing a new version does. */
static void
use_new_helper (Setup *setup)
{
  g_autofree char *copy = g_build_filename (setup->tmp, "inspection-compare-extract", NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (setup->helper, &data, &length, NULL));
  g_assert_true (g_file_set_contents (copy, data, length, NULL));
  g_assert_cmpint (g_chmod (copy, 0755), ==, 0);
  g_free (setup->helper);
  setup->helper = g_steal_pointer (&copy);
}

/* A PDF that crashes every helper: tried twice, then the crash is cached
 * for this helper: not read on the next open, read again with --reload
 * and with a new helper. */
static void
test_crash_cached_per_version (void)
{
  g_auto(Setup) setup = { 0 };
  /* Requests served after each run. */
  const guint expected[] = { 2, 2, 4, 4, 6, 6 };

  if (!has_helper ())
    return;
  setup_init (&setup, "crash.pdf", "%IC-TEST-CRASH");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(IcTestRun) run = { 0 };

      if (i == 4)
        use_new_helper (&setup);
      run_export (&setup, &run, i == 2);
      assert_failed_with (&run, CRASH_REASON);
      g_test_message ("run %u: %u requests", i, count_requests (&setup));
      g_assert_cmpuint (count_requests (&setup), ==, expected[i]);
    }
}

/* A PDF that hangs the helper costs its time limit once, not on every
 * open; --reload tries it again. */
static void
test_hang_cached (void)
{
  g_auto(Setup) setup = { 0 };
  const guint expected[] = { 1, 1, 2 };

  if (!has_helper ())
    return;
  setup_init (&setup, "hang.pdf", "%IC-TEST-HANG");
  setup.timeout = g_strdup ("1");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(IcTestRun) run = { 0 };
      gint64 start = g_get_monotonic_time ();

      run_export (&setup, &run, i == 2);
      assert_failed_with (&run, HANG_REASON);
      g_test_message ("run %u: %u requests, %.2f s", i, count_requests (&setup),
                      (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      g_assert_cmpuint (count_requests (&setup), ==, expected[i]);
    }
}

#ifndef __SANITIZE_ADDRESS__
/* In the child: the address space of the program, and so of the helper
 * it starts (which cannot raise it), is 300 MB. */
static void
limit_memory (gpointer data)
{
  struct rlimit limit = { (rlim_t) 300 << 20, (rlim_t) 300 << 20 };

  setrlimit (RLIMIT_AS, &limit);
}
#endif

/* A PDF whose text would take gigabytes (10^5 forms of 1,000
 * characters): MuPDF's "calloc (…) failed" at the helper's memory limit
 * is said in words, with the limit. */
static void
test_out_of_memory (void)
{
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer needs terabytes of address space: no memory limit here");
#else
  g_auto(Setup) setup = { 0 };
  g_autoptr(GBytes) pdf = ic_test_nested_text_pdf (10, 5);
  g_autofree char *path = NULL;
  g_autofree char *cache = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(IcTestRun) run = { 0 };
  const char *args[] = { "--export-json=-", NULL, NULL };

  if (!has_helper ())
    return;
  setup.tmp = g_dir_make_tmp ("ic-extract-failures-XXXXXX", NULL);
  setup.reports = g_build_filename (setup.tmp, "reports", NULL);
  g_assert_cmpint (g_mkdir (setup.reports, 0755), ==, 0);
  path = g_build_filename (setup.reports, "memory.pdf", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  cache = g_build_filename (setup.tmp, "cache", NULL);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  args[1] = setup.reports;

  ic_test_run_program (&run, NULL, envp, limit_memory, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "memory.pdf: the PDF needs more memory to read than is allowed (300 MB)\n"));
  g_assert_null (strstr (run.err, "alloc"));
#endif
}

static void
loading_cb (IcSession  *session,
            GParamSpec *pspec,
            gboolean   *done)
{
  *done = !ic_session_get_loading (session);
}

/* The window's Reload (ic_session_reload()) reads a PDF that crashed the
 * helper again. */
static void
test_session_reload (void)
{
  g_auto(Setup) setup = { 0 };
  g_autoptr(IcSession) session = ic_session_new ();
  g_autoptr(GFile) folder = NULL;
  gboolean done = FALSE;

  if (!has_helper ())
    return;
  setup_init (&setup, "crash.pdf", "%IC-TEST-CRASH");
  g_setenv ("IC_EXTRACT_HELPER_TEST", "1", TRUE);
  g_setenv ("IC_EXTRACT_HELPER_TEST_LOG", setup.log, TRUE);
  folder = g_file_new_for_path (setup.reports);

  g_assert_true (ic_session_open_sync (session, &folder, 1, NULL, NULL));
  g_assert_cmpuint (count_requests (&setup), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (ic_session_get_store (session))), ==, 1);

  g_signal_connect (session, "notify::loading", G_CALLBACK (loading_cb), &done);
  ic_session_reload (session);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_requests (&setup), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ic_report_store_get_failures (ic_session_get_store (session))), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("ic-extract-failures-cache-XXXXXX", NULL);
  int status;

  /* The session test uses a cache of its own, in this process. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_unsetenv ("IC_NO_CACHE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract-failures/killed-once", test_killed_once);
  g_test_add_func ("/extract-failures/crash-cached-per-version", test_crash_cached_per_version);
  g_test_add_func ("/extract-failures/hang-cached", test_hang_cached);
  g_test_add_func ("/extract-failures/session-reload", test_session_reload);
  g_test_add_func ("/extract-failures/out-of-memory", test_out_of_memory);

  status = g_test_run ();
  ic_test_remove_tree (cache);
  return status;
}
