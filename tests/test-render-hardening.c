/* test-render-hardening.c: text that would stop cairo never cuts a pack
 * short
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "ic-test-util.h"

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "IC_NO_CACHE", "1", TRUE);
  g_autofree char *exe = g_build_filename (g_getenv ("IC_BUILD_DIR"), "src", "inspection-compare", NULL);
  g_autofree char *err = NULL;
  int status;
  va_list ap;

  g_ptr_array_add (argv, exe);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &err, &status, NULL));
  g_test_message ("%s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Every page of the PDF is drawn: as many pages as its footers count. */
static void
assert_every_page_drawn (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GObject) object = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  PopplerDocument *document = POPPLER_DOCUMENT (object);
  int n;

  g_assert_nonnull (document);
  n = poppler_document_get_n_pages (document);
  g_assert_cmpint (n, >, 1);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(GObject) page_object = G_OBJECT (poppler_document_get_page (document, i));
      PopplerPage *page = POPPLER_PAGE (page_object);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("%d of %d", i + 1, n);

      g_assert_nonnull (strstr (text, footer));
    }
}

/* Noncharacters (U+FFFE, U+FFFF, U+FDD0…U+FDEF, U+1FFFE) in items and
 * in the file name: the pack has every page, the run succeeds. */
static void
test_noncharacters_in_pack (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-render-hardening-XXXXXX", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *report = g_build_filename (dir, "odd\xef\xbf\xbe.txt", NULL);
  g_autofree char *pack = g_build_filename (tmp, "pack.pdf", NULL);
  g_autofree char *chart = g_build_filename (tmp, "timeline.svg", NULL);
  g_autofree char *pack_arg = g_strconcat ("--export-pdf=", pack, NULL);
  g_autofree char *chart_arg = g_strconcat ("--output=", chart, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) hostile = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  hostile = g_string_new (text);
  g_string_replace (hostile, "- ensure that every child",
                    "- ensure \xef\xbf\xbe that \xef\xbf\xbf every \xef\xb7\x90 child \xf0\x9f\xbf\xbe", 1);
  g_assert_true (g_file_set_contents (report, hostile->str, -1, NULL));

  g_assert_cmpint (run_cli (pack_arg, dir, NULL), ==, 0);
  assert_every_page_drawn (pack);
  g_assert_cmpint (run_cli ("--render=timeline", chart_arg, dir, NULL), ==, 0);
  ic_test_remove_tree (tmp);
}

/* A file name that is not UTF-8 is named in the pack, not left blank. */
static void
test_non_utf8_name_in_pack (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-render-hardening-XXXXXX", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *report = g_build_filename (dir, "r\xe9port-2012.txt", NULL);
  g_autofree char *pack = g_build_filename (tmp, "pack.pdf", NULL);
  g_autofree char *pack_arg = g_strconcat ("--export-pdf=", pack, NULL);
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GObject) object = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  int n;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (report, text, -1, NULL));
  g_assert_cmpint (run_cli (pack_arg, dir, NULL), ==, 0);

  uri = g_filename_to_uri (pack, NULL, NULL);
  object = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  n = poppler_document_get_n_pages (POPPLER_DOCUMENT (object));
  for (int i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (object), i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (all, page_text);
    }
  g_assert_nonnull (strstr (all->str, "port-2012.txt"));
  ic_test_remove_tree (tmp);
}

static char *
pack_text (const char *path,
           int        *n_pages)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GObject) object = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  GString *all = g_string_new (NULL);

  g_assert_nonnull (object);
  *n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (object));
  for (int i = 0; i < *n_pages; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (object), i));
      g_autofree char *page_text = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (all, page_text);
      g_string_append_c (all, '\n');
    }
  return g_string_free (all, FALSE);
}

/* An item of 10,000 characters, taller than a page, flows on over the
 * following pages: every word of it is in the pack's text, once and in
 * order (none cut off at the foot of a page, none drawn twice). */
static void
test_tall_item_flows (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("ic-render-hardening-XXXXXX", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "parser", "cp-2012.txt", NULL);
  g_autofree char *dir = g_build_filename (tmp, "reports", NULL);
  g_autofree char *report = g_build_filename (dir, "tall.txt", NULL);
  g_autofree char *pack = g_build_filename (tmp, "pack.pdf", NULL);
  g_autofree char *pack_arg = g_strconcat ("--export-pdf=", pack, NULL);
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GString) item = g_string_new ("- ensure that");
  g_autoptr(GString) hostile = NULL;
  const char *at;
  guint n_words = 0;
  int n_pages;

  while (item->len < 10000)
    g_string_append_printf (item, " w%04uz", ++n_words);
  g_assert_cmpuint (item->len, <, 10010);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  hostile = g_string_new (text);
  g_assert_cmpuint (g_string_replace (hostile, "- ensure that every child at risk is seen within a day",
                                      item->str, 1), ==, 1);
  g_assert_true (g_file_set_contents (report, hostile->str, -1, NULL));

  g_assert_cmpint (run_cli (pack_arg, dir, NULL), ==, 0);
  all = pack_text (pack, &n_pages);
  g_test_message ("%d pages, %u words in the item", n_pages, n_words);
  at = all;
  for (guint i = 1; i <= n_words; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%04uz", i);
      const char *found = strstr (at, word);

      if (found == NULL)
        g_error ("word %s of %u is not in the pack (or out of order)", word, n_words);
      at = found + strlen (word);
      g_assert_null (strstr (at, word));
    }
  ic_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-hardening/noncharacters-in-pack", test_noncharacters_in_pack);
  g_test_add_func ("/render-hardening/non-utf8-name-in-pack", test_non_utf8_name_in_pack);
  g_test_add_func ("/render-hardening/tall-item-flows", test_tall_item_flows);

  return g_test_run ();
}
