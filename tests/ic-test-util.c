/* ic-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "ic-test-util.h"

char *
ic_test_corpus_path (const char *sub)
{
  const char *root = g_getenv ("IC_CORPUS_DIR");
  g_autofree char *path = NULL;

  if (root == NULL || !g_file_test (root, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/corpus is not present");
      return NULL;
    }

  path = sub ? g_build_filename (root, sub, NULL) : g_strdup (root);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("%s is not present", path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

char *
ic_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

char *
ic_test_fold_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Hyphens, dashes and whitespace vanish: PDF extraction joins
       * "decision-\nmaking" as "decisionmaking". */
      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011 ||
          c == 0x2013 || c == 0x2014 || c == 0xA0)
        continue;
      if (c == 0x2018 || c == 0x2019 || c == '`')
        c = '\'';
      if (c == 0x201C || c == 0x201D)
        c = '"';
      g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Removes a temporary folder and everything in it. */
void
ic_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ic_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}


GListModel *
ic_test_model_of (IcReport *first,
                  ...)
{
  GListStore *store = g_list_store_new (IC_TYPE_REPORT);
  va_list args;

  va_start (args, first);
  for (IcReport *r = first; r != NULL; r = va_arg (args, IcReport *))
    {
      g_list_store_append (store, r);
      g_object_unref (r);
    }
  va_end (args);
  return G_LIST_MODEL (store);
}

void
ic_test_note (const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    {
      g_test_message ("%s", text ? text : "(null)");
      return;
    }
  escaped = g_strescape (text, NULL);
  g_test_message ("%s", escaped);
}

void
ic_test_run_clear (IcTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
ic_test_run_program (IcTestRun            *run,
                     const char           *cwd,
                     char                **envp,
                     GSpawnChildSetupFunc  child_setup,
                     const char * const   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = envp != NULL ? g_strdupv (envp) : g_get_environ ();
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_autoptr(GError) error = NULL;
  int wait_status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_DEFAULT, child_setup, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

GPtrArray *
ic_test_collect_args (const char *first,
                      va_list     args)
{
  GPtrArray *out = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (out, (gpointer) arg);
  g_ptr_array_add (out, NULL);
  return out;
}
