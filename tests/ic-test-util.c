/* ic-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ic-test-util.h"

#include "ic-report-private.h"
#include "ic-themes.h"

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

IcReport *
ic_test_report_with_items (const char         *source,
                           const char         *authority,
                           const char         *end_iso,
                           const char * const *items)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = ic_date_from_iso (end_iso);

  _ic_report_set_authority (report, authority);
  _ic_report_set_end_date (report, end);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(IcImprovement) item = ic_improvement_new (items[i], IC_ITEM_KIND_IMPROVEMENT,
                                                          IC_SCOPE_LOCAL_AUTHORITY, NULL, 0);

      _ic_report_add_improvement (report, item);
    }
  ic_theme_rules_assign_report (ic_theme_rules_get_default (), report);
  return report;
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

static void
add_object (GString    *out,
            GArray     *offsets,
            const char *body)
{
  gsize offset = out->len;

  g_array_append_val (offsets, offset);
  g_string_append_printf (out, "%u 0 obj\n%s\nendobj\n", offsets->len, body);
}

static char *
form_object (guint    fan,
             guint    level,
             guint    depth,
             gboolean text)
{
  g_autoptr(GString) body = g_string_new (NULL);

  if (level == depth && text)
    {
      g_autoptr(GString) leaf = g_string_new ("BT /F1 12 Tf 72 770 Td (");

      for (guint i = 0; i < 100; i++)
        g_string_append (leaf, "abcdefghij");
      g_string_append (leaf, ") Tj ET");
      return g_strdup_printf ("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                              "/Resources << /Font << /F1 4 0 R >> >> /Length %" G_GSIZE_FORMAT " >>\n"
                              "stream\n%s\nendstream", leaf->len, leaf->str);
    }
  if (level == depth)
    return g_strdup ("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 13 >>\n"
                     "stream\n0 0 m 1 1 l S\nendstream");
  for (guint i = 0; i < fan; i++)
    g_string_append (body, i ? " /X Do" : "/X Do");
  /* Objects 1-4 are the catalog, pages, page and font; form N is 5 + N. */
  return g_strdup_printf ("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                          "/Resources << /XObject << /X %u 0 R >> >> /Length %" G_GSIZE_FORMAT " >>\n"
                          "stream\n%s\nendstream", 5 + level + 1, body->len, body->str);
}

/* The cross-reference table and trailer of the objects at @offsets, and
 * the "%%EOF" that ends a PDF. */
static void
end_pdf (GString *out,
         GArray  *offsets)
{
  gsize xref = out->len;

  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (out, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", offsets->len + 1, xref);
}

static GBytes *
nested_pdf (guint    fan,
            guint    depth,
            gboolean text)
{
  static const char content[] = "BT /F1 12 Tf 72 770 Td (Nested forms test page) Tj ET /X0 Do";
  GString *out = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *page = NULL;
  g_autofree char *contents = NULL;

  add_object (out, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
  add_object (out, offsets, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  page = g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                          "/Resources << /Font << /F1 4 0 R >> /XObject << /X0 5 0 R >> >> "
                          "/Contents %u 0 R >>", 5 + depth + 1);
  add_object (out, offsets, page);
  add_object (out, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (guint level = 0; level <= depth; level++)
    {
      g_autofree char *form = form_object (fan, level, depth, text);

      add_object (out, offsets, form);
    }
  contents = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream",
                              strlen (content), content);
  add_object (out, offsets, contents);
  end_pdf (out, offsets);
  return g_string_free_to_bytes (out);
}

/* @line as a PDF string in Helvetica's ASCII: quotes and dashes as ASCII
 * ones, any other character beyond ASCII as "-" (bullets). */
static void
append_pdf_string (GString    *out,
                   const char *line)
{
  g_string_append_c (out, '(');
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == ')' || c == '\\')
        g_string_append_c (out, '\\');
      if (c == 0x2018 || c == 0x2019)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      else if (c >= 0x80 || c < 0x20)
        c = '-';
      g_string_append_c (out, (char) c);
    }
  g_string_append (out, ") Tj T*\n");
}

static char *
page_contents (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GString) ops = g_string_new ("BT /F1 9 Tf 11 TL 40 800 Td\n");

  for (guint i = 0; lines[i] != NULL; i++)
    append_pdf_string (ops, lines[i]);
  g_string_append (ops, "ET");
  return g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream",
                          ops->len, ops->str);
}

GBytes *
ic_test_text_pdf (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);
  GString *out = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) kids = g_string_new (NULL);
  g_autofree char *tree = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (kids, "%u 0 R ", 4 + 2 * i);
  tree = g_strdup_printf ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n);
  add_object (out, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
  add_object (out, offsets, tree);
  add_object (out, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *page = g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                               "/Resources << /Font << /F1 3 0 R >> >> "
                                               "/Contents %u 0 R >>", 5 + 2 * i);
      g_autofree char *contents = page_contents (pages[i]);

      add_object (out, offsets, page);
      add_object (out, offsets, contents);
    }
  end_pdf (out, offsets);
  return g_string_free_to_bytes (out);
}

GBytes *
ic_test_nested_forms_pdf (guint fan,
                          guint depth)
{
  return nested_pdf (fan, depth, FALSE);
}

GBytes *
ic_test_nested_text_pdf (guint fan,
                         guint depth)
{
  return nested_pdf (fan, depth, TRUE);
}

/* A message catalogue (.mo) of @msgid alone, in @dir/x_test: what
 * msgfmt writes, without the tool. */
static void
write_catalogue (const char *dir,
                 const char *msgid,
                 const char *msgstr)
{
  const char *header = "Content-Type: text/plain; charset=UTF-8\n";
  const char *ids[] = { "", msgid }, *strs[] = { header, msgstr };
  g_autofree char *folder = g_build_filename (dir, "x_test", "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GByteArray) mo = g_byte_array_new ();
  /* Magic, revision, count, the two tables' offsets, no hash table. */
  guint32 head[7] = { 0x950412de, 0, 2, 28, 28 + 16, 0, 28 + 32 };
  guint32 offset = 28 + 32;

  g_byte_array_append (mo, (guint8 *) head, sizeof head);
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < 2; i++)
      {
        const char *text = t ? strs[i] : ids[i];
        guint32 entry[2] = { strlen (text), offset };

        g_byte_array_append (mo, (guint8 *) entry, sizeof entry);
        offset += strlen (text) + 1;
      }
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < 2; i++)
      g_byte_array_append (mo, (guint8 *) (t ? strs[i] : ids[i]), strlen (t ? strs[i] : ids[i]) + 1);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, (char *) mo->data, mo->len, NULL));
}

char *
ic_test_translation_begin (const char *msgid,
                           const char *msgstr)
{
  char *dir = g_dir_make_tmp ("ic-locale-XXXXXX", NULL);

  g_assert_nonnull (dir);
  write_catalogue (dir, msgid, msgstr);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "x_test", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  /* textdomain() also makes gettext read LANGUAGE again. */
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (_(msgid), ==, msgstr);
  return dir;
}

void
ic_test_translation_end (char *dir)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  textdomain (GETTEXT_PACKAGE);
  ic_test_remove_tree (dir);
  g_free (dir);
}
