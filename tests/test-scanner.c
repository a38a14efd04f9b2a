/* test-scanner.c: finding files in folders, recognising them by content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "ic-scanner.h"
#include "ic-test-util.h"

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
make_tree (void)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("ic-scan-XXXXXX", &error);
  g_autofree char *loop = g_build_filename (root, "a", "b", "loop", NULL);
  g_autofree char *link = g_build_filename (root, "link.pdf", NULL);
  g_autofree char *back = g_build_filename (root, "a", "back", NULL);

  g_assert_no_error (error);
  write_file (root, "a/Report.PDF", "%PDF-1.4 not really");
  write_file (root, "a/b/notes.TxT", "some text");
  write_file (root, "a/b/picture.png", "not looked at");
  write_file (root, "a/b/c/deep.pdf", "%PDF-1.4");
  write_file (root, ".hidden/secret.pdf", "%PDF-1.4");
  write_file (root, "other.dat", "given directly");
  /* A loop (b/loop -> a, a/back -> root) and a second name for a file. */
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_assert_cmpint (symlink ("..", back), ==, 0);
  g_assert_cmpint (symlink ("a/Report.PDF", link), ==, 0);
  return root;
}

static char *
relative (const char *root,
          const char *path)
{
  g_assert_true (g_str_has_prefix (path, root));
  return g_strdup (path + strlen (root) + 1);
}

static void
test_recursive (void)
{
  g_autofree char *root = make_tree ();
  g_autofree char *direct = g_build_filename (root, "other.dat", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GFile) file = g_file_new_for_path (direct);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/ic-test");
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  GFile *files[] = { folder, file, missing, folder, device };
  g_autoptr(GPtrArray) entries = ic_scanner_scan (files, G_N_ELEMENTS (files), NULL);
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      IcScanEntry *entry = g_ptr_array_index (entries, i);

      if (entry->failure != NULL && g_str_equal (entry->path, "/dev/zero"))
        {
          g_assert_cmpstr (entry->failure, ==, "cannot read the file: not a regular file");
          continue;
        }
      if (entry->failure != NULL)
        {
          g_assert_cmpstr (entry->path, ==, "/nonexistent/ic-test");
          g_assert_cmpstr (entry->failure, ==, "cannot read the file: no such file or folder");
          continue;
        }
      {
        g_autofree char *rel = relative (root, entry->path);
        g_string_append_printf (seen, "%s;", rel);
      }
      g_assert_cmpuint (entry->inode, !=, 0);
      g_assert_cmpuint (entry->mtime, >, 0);
    }

  /* Each file once, whatever the links; the loop ends; hidden folders,
   * other extensions and a folder given twice add nothing. The link to
   * Report.PDF may be the name kept, but only one of the two is. */
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_true (g_str_equal (seen->str, "a/Report.PDF;a/b/c/deep.pdf;a/b/notes.TxT;other.dat;") ||
                 g_str_equal (seen->str, "a/b/c/deep.pdf;a/b/notes.TxT;link.pdf;other.dat;"));
  ic_test_remove_tree (root);
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *locked = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  IcScanEntry *entry;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: permissions do not stop root from reading");
      return;
    }

  root = g_dir_make_tmp ("ic-scan-XXXXXX", &error);
  g_assert_no_error (error);
  write_file (root, "locked/report.pdf", "%PDF-1.4");
  write_file (root, "open/report.txt", "text");
  locked = g_build_filename (root, "locked", NULL);
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);

  folder = g_file_new_for_path (root);
  entries = ic_scanner_scan (&folder, 1, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->path, ==, locked);
  g_assert_cmpstr (entry->failure, ==, "cannot read the folder: permission denied");
  entry = g_ptr_array_index (entries, 1);
  g_assert_null (entry->failure);

  g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
  ic_test_remove_tree (root);
}

static IcFileKind
sniff (const char  *name,
       const char  *data,
       gsize        length,
       char       **reason)
{
  *reason = NULL;
  return ic_scanner_sniff (name, data, length, reason);
}

static void
test_sniff (void)
{
  g_autofree char *web_path = ic_test_fixture_path ("web-page.pdf");
  g_autofree char *web = NULL;
  g_autofree char *reason = NULL;
  const char junk[] = "\x01\x02\x03\x00\xff\xfe\xfd\x00";
  gsize length;

  g_assert_true (g_file_get_contents (web_path, &web, &length, NULL));
  g_assert_cmpint (sniff (web_path, web, length, &reason), ==, IC_FILE_KIND_NONE);
  g_assert_cmpstr (reason, ==, "not a PDF: it is a web page");
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (sniff ("x.txt", web, length, &reason), ==, IC_FILE_KIND_NONE);
  g_assert_cmpstr (reason, ==, "not a report: it is a web page");
  g_clear_pointer (&reason, g_free);

  g_assert_cmpint (sniff ("x.pdf", "", 0, &reason), ==, IC_FILE_KIND_NONE);
  g_assert_cmpstr (reason, ==, "the file is empty");
  g_clear_pointer (&reason, g_free);

  /* Content wins over the name, both ways. */
  g_assert_cmpint (sniff ("x.txt", "%PDF-1.7\n", 9, &reason), ==, IC_FILE_KIND_PDF);
  g_assert_cmpint (sniff ("x.pdf", "Plain words\n", 12, &reason), ==, IC_FILE_KIND_TEXT);
  g_assert_cmpint (sniff ("x.PDF", "junk\n%PDF-1.3", 14, &reason), ==, IC_FILE_KIND_PDF);
  g_assert_null (reason);

  g_assert_cmpint (sniff ("x.pdf", junk, sizeof junk, &reason), ==, IC_FILE_KIND_NONE);
  g_assert_cmpstr (reason, ==, "not a PDF: the file holds neither a PDF nor text");
  g_clear_pointer (&reason, g_free);
  g_assert_cmpint (sniff ("x.txt", junk, sizeof junk, &reason), ==, IC_FILE_KIND_NONE);
  g_assert_cmpstr (reason, ==, "not a text file");
}

/* A report's name on a link that leads nowhere is a failure naming it,
 * not a file silently left out; a link of another name is not looked at. */
static void
test_broken_links (void)
{
  g_autofree char *root = g_dir_make_tmp ("ic-scanner-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (root, "gone.pdf", NULL);
  g_autofree char *loop = g_build_filename (root, "loop.TXT", NULL);
  g_autofree char *picture = g_build_filename (root, "gone.png", NULL);
  g_autofree char *hidden = g_build_filename (root, ".gone.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  g_autoptr(GPtrArray) entries = NULL;
  IcScanEntry *entry;

  g_assert_cmpint (symlink ("moved-away.pdf", gone), ==, 0);
  g_assert_cmpint (symlink ("loop.TXT", loop), ==, 0);
  g_assert_cmpint (symlink ("moved-away.png", picture), ==, 0);
  g_assert_cmpint (symlink ("moved-away.pdf", hidden), ==, 0);

  entries = ic_scanner_scan (&folder, 1, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->path, ==, gone);
  g_assert_cmpstr (entry->failure, ==, "cannot read the file: it is a link to a file that does not exist");
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->path, ==, loop);
  g_assert_cmpstr (entry->failure, ==, "cannot read the file: too many levels of symbolic links");
  ic_test_remove_tree (root);
}

/* A huge file is refused by its size before anything reads it. */
static void
test_too_large (void)
{
  g_autofree char *root = g_dir_make_tmp ("ic-scanner-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (root, "huge.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;
  IcScanEntry *entry;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* Sparse: no disk space is used. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, IC_SCANNER_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  entries = ic_scanner_scan (&file, 1, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_nonnull (entry->failure);
  g_assert_true (g_str_has_prefix (entry->failure, "the file is too large to be an Ofsted report ("));
  ic_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scanner/recursive", test_recursive);
  g_test_add_func ("/scanner/unreadable", test_unreadable);
  g_test_add_func ("/scanner/sniff", test_sniff);
  g_test_add_func ("/scanner/too-large", test_too_large);
  g_test_add_func ("/scanner/broken-links", test_broken_links);

  return g_test_run ();
}
