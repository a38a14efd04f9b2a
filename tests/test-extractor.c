/* test-extractor.c: PDF text, page by page, from many threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-extract-pool.h"
#include "ic-extractor.h"
#include "ic-test-util.h"

static char **
extract_fixture (const char  *name,
                 GError     **error)
{
  g_autofree char *path = ic_test_fixture_path (name);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return ic_extractor_get_pages (data, length, NULL, error);
}

static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = extract_fixture ("two-pages.pdf", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  /* Trailing spaces on "Fixture report   " are gone. */
  g_assert_cmpstr (pages[0], ==, "Fixture report\nFirst page line two\n\n");
  g_assert_cmpstr (pages[1], ==, "Second page text\n\n");
}

static void
assert_fails (const char *name,
              int         code,
              const char *message_prefix)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = extract_fixture (name, &error);

  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, message_prefix));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_failures (void)
{
  assert_fails ("password.pdf", IC_EXTRACT_ERROR_PASSWORD, "the PDF is password-protected");
  assert_fails ("damaged.pdf", IC_EXTRACT_ERROR_DAMAGED, "the PDF is damaged: ");
  assert_fails ("no-text.pdf", IC_EXTRACT_ERROR_NO_TEXT, "the PDF has no text (scanned image?)");
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_cancellable_cancel (cancellable);
  pages = ic_extractor_get_pages (data, length, cancellable, &error);
  g_assert_null (pages);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GPtrArray *files;   /* GBytes */
  GPtrArray *texts;   /* the text of each file, joined, from one thread */
} Corpus;

static char *
extract_joined (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = ic_extractor_get_pages (g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), NULL, &error);

  g_assert_no_error (error);
  return g_strjoinv ("\f", pages);
}

static gpointer
extract_all_thread (gpointer data)
{
  Corpus *corpus = data;

  for (guint i = 0; i < corpus->files->len; i++)
    {
      g_autofree char *text = extract_joined (g_ptr_array_index (corpus->files, i));

      g_assert_cmpstr (text, ==, g_ptr_array_index (corpus->texts, i));
    }
  return NULL;
}

/* Four threads read the same real PDFs at once and get the same text as
 * one thread did: the contexts do not trample each other. */
static void
test_threads_corpus (void)
{
  g_autofree char *dir = ic_test_corpus_path ("pdf");
  g_autoptr(GDir) listing = NULL;
  Corpus corpus = { 0 };
  GThread *threads[4];
  const char *name;

  if (dir == NULL)
    return;

  corpus.files = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  corpus.texts = g_ptr_array_new_with_free_func (g_free);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
      GBytes *bytes = g_mapped_file_get_bytes (mapped);

      g_ptr_array_add (corpus.files, bytes);
      g_ptr_array_add (corpus.texts, extract_joined (bytes));
      /* Every real report has a good deal of text on its pages. */
      g_assert_cmpuint (strlen (g_ptr_array_index (corpus.texts, corpus.texts->len - 1)), >, 2000);
    }
  g_assert_cmpuint (corpus.files->len, >=, 10);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_all_thread, &corpus);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_test_message ("%u PDFs read alike by %u threads", corpus.files->len,
                  (guint)G_N_ELEMENTS (threads));
  g_ptr_array_unref (corpus.files);
  g_ptr_array_unref (corpus.texts);
}

static IcExtractPool *
get_pool (void)
{
  IcExtractPool *pool = ic_extract_pool_get_default ();

  if (g_getenv ("IC_EXTRACT_HELPER") == NULL)
    g_test_skip ("IC_EXTRACT_HELPER is not set (meson test sets it)");
  else
    g_assert_nonnull (pool);
  return pool;
}

/* The fixture with a comment appended that the helper, in test mode,
 * takes as an order to crash or hang. */
static GBytes *
fixture_with (const char *comment)
{
  g_autofree char *path = ic_test_fixture_path ("two-pages.pdf");
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (g_strconcat (data, comment, NULL), length + strlen (comment));
}

static char **
pool_extract (GBytes        *bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  return ic_extract_pool_get_pages (ic_extract_pool_get_default (), g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), cancellable, error);
}

static void
test_helper (void)
{
  g_autoptr(GBytes) good = fixture_with ("");
  g_autoptr(GBytes) locked = NULL;
  g_autofree char *locked_path = ic_test_fixture_path ("password.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (get_pool () == NULL)
    return;

  pages = pool_extract (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_cmpstr (pages[0], ==, "Fixture report\nFirst page line two\n\n");

  /* Errors come back with their code and message. */
  g_assert_true (g_file_get_contents (locked_path, &data, &length, NULL));
  locked = g_bytes_new_take (g_steal_pointer (&data), length);
  g_clear_pointer (&pages, g_strfreev);
  pages = pool_extract (locked, NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_PASSWORD);
  g_assert_cmpstr (error->message, ==, "the PDF is password-protected");
}

static void
test_helper_crash_hang (void)
{
  g_autoptr(GBytes) crash = fixture_with ("\n%IC-TEST-CRASH\n");
  g_autoptr(GBytes) hang = fixture_with ("\n%IC-TEST-HANG\n");
  g_autoptr(GBytes) good = fixture_with ("");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 start;

  if (get_pool () == NULL)
    return;

  pages = pool_extract (crash, NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_CRASH);
  g_assert_cmpstr (error->message, ==, "the PDF made the text extractor crash");
  g_clear_error (&error);

  /* IC_EXTRACT_TIMEOUT is 1 s in this test. */
  start = g_get_monotonic_time ();
  pages = pool_extract (hang, NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG);
  g_assert_cmpstr (error->message, ==, "the PDF made the text extractor hang");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  g_clear_error (&error);

  /* The next file gets a fresh helper and reads fine. */
  pages = pool_extract (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gpointer
extract_hang_thread (gpointer data)
{
  g_autoptr(GBytes) hang = fixture_with ("\n%IC-TEST-HANG\n");
  GError *error = NULL;
  char **pages = pool_extract (hang, data, &error);

  g_assert_null (pages);
  return error;
}

/* A worker waiting on a hung helper still stops when cancelled. */
static void
test_helper_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 start;

  if (get_pool () == NULL)
    return;

  start = g_get_monotonic_time ();
  g_timeout_add (200, cancel_cb, cancellable);
  thread = g_thread_new ("hang", extract_hang_thread, cancellable);
  while (!g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  error = g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 900 * 1000);
}

typedef char **(*RangeFunc) (GBytes *bytes, guint first, guint max, guint *n_pages,
                            GError **error);

static char **
range_in_process (GBytes   *bytes,
                  guint     first,
                  guint     max,
                  guint    *n_pages,
                  GError  **error)
{
  return ic_extractor_get_page_range (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      first, max, n_pages, NULL, error);
}

static char **
range_in_helper (GBytes   *bytes,
                 guint     first,
                 guint     max,
                 guint    *n_pages,
                 GError  **error)
{
  return ic_extract_pool_get_page_range (ic_extract_pool_get_default (),
                                         g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         first, max, 0, n_pages, NULL, error);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = ic_test_fixture_path (name);
  char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

/* The first pass and the second of a progressive load: any range of
 * pages, the page count, and no text check on a part. */
static void
check_ranges (RangeFunc range)
{
  g_autoptr(GBytes) two = fixture_bytes ("two-pages.pdf");
  g_autoptr(GBytes) blank = fixture_bytes ("no-text.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) rest = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) empty = NULL;
  guint n_pages = 0;

  first = range (two, 0, 1, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpstrv (first, ((const char *[]){ "Fixture report\nFirst page line two\n\n", NULL }));
  n_pages = 0;
  rest = range (two, 1, 0, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_cmpstrv (rest, ((const char *[]){ "Second page text\n\n", NULL }));
  none = range (two, 5, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* A part without text is no error: the whole document decides. */
  empty = range (blank, 0, 1, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  g_assert_false (ic_extractor_check_text ((const char * const *)empty, &error));
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_NO_TEXT);
  g_assert_true (ic_extractor_check_text ((const char * const *)first, NULL));
}

static void
test_page_range (void)
{
  check_ranges (range_in_process);
}

static void
test_helper_page_range (void)
{
  if (get_pool () == NULL)
    return;
  check_ranges (range_in_helper);
}

/* A PDF whose page would take MuPDF half an hour (forms drawing forms,
 * 10^8 of them) is stopped at the time limit in process, as a helper
 * is, and the thread is free again. */
static void
test_in_process_time_limit (void)
{
  g_autoptr(GBytes) pdf = ic_test_nested_forms_pdf (10, 8);
  g_autoptr(GBytes) small = ic_test_nested_forms_pdf (2, 3);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_cmpfloat (ic_extractor_get_time_limit (), ==, 1);
  pages = ic_extractor_get_page_range_within (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                              0, 0, 0, ic_extractor_get_time_limit (), NULL, NULL,
                                              &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("stopped after %.2f s", seconds);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG);
  g_assert_cmpstr (error->message, ==, "the PDF made the text extractor hang");
  g_assert_cmpfloat (seconds, <, 30);
  g_clear_error (&error);

  /* Within the limit, the text is all there. */
  pages = ic_extractor_get_page_range_within (g_bytes_get_data (small, NULL), g_bytes_get_size (small),
                                              0, 0, 0, 30, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pages[0], ==, "Nested forms test page\n\n");
}

/* Forms nested 200 deep: MuPDF's "exception stack overflow!" is said in
 * words, in process and from a helper. */
static void
test_nested_too_deep (void)
{
  IcExtractPool *pool = ic_extract_pool_get_default ();
  g_autoptr(GBytes) pdf = ic_test_nested_forms_pdf (1, 200);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  const char *expected = "the PDF is damaged: it nests its contents deeper than a PDF reader "
                         "can follow (or made to break readers)";

  pages = ic_extractor_get_pages (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  if (pool == NULL)
    return;
  pages = ic_extract_pool_get_pages (pool, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                     NULL, &error);
  g_assert_null (pages);
  g_assert_cmpstr (error->message, ==, expected);
}

/* The same PDF in a helper: killed at the limit. */
static void
test_helper_real_hang (void)
{
  IcExtractPool *pool = ic_extract_pool_get_default ();
  g_autoptr(GBytes) pdf = ic_test_nested_forms_pdf (10, 8);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  if (pool == NULL)
    {
      g_test_skip ("IC_EXTRACT_HELPER is not set");
      return;
    }
  pages = ic_extract_pool_get_pages (pool, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                     NULL, &error);
  g_assert_null (pages);
  g_assert_error (error, IC_EXTRACT_ERROR, IC_EXTRACT_ERROR_HANG);
}

/* A PDF is cut short when "%%EOF" is not within its last 1024 bytes,
 * found among bytes, NULs included (an xref stream may end a PDF). */
static void
test_cut_short (void)
{
  char tail[2048];

  memset (tail, 0, sizeof tail);
  memcpy (tail + sizeof tail - 10, "%%EOF\n", 6);
  g_assert_false (ic_extract_is_cut_short (tail, sizeof tail));
  g_assert_true (ic_extract_is_cut_short (tail, sizeof tail - 10));
  memcpy (tail + 1000, "%%EOF", 5);
  g_assert_true (ic_extract_is_cut_short (tail, sizeof tail - 10));
  g_assert_false (ic_extract_is_cut_short ("%%EOF", 5));
  g_assert_true (ic_extract_is_cut_short ("%%EO", 4));
  g_assert_true (ic_extract_is_cut_short ("", 0));
}

int
main (int   argc,
      char *argv[])
{
  /* Read once, when the pool starts: a short limit, and the helper's
   * crash and hang orders switched on. */
  g_setenv ("IC_EXTRACT_TIMEOUT", "1", TRUE);
  g_setenv ("IC_EXTRACT_HELPER_TEST", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extractor/helper", test_helper);
  g_test_add_func ("/extractor/helper-crash-hang", test_helper_crash_hang);
  g_test_add_func ("/extractor/helper-cancel", test_helper_cancel);
  g_test_add_func ("/extractor/helper-page-range", test_helper_page_range);

  g_test_add_func ("/extractor/pages", test_pages);
  g_test_add_func ("/extractor/page-range", test_page_range);
  g_test_add_func ("/extractor/failures", test_failures);
  g_test_add_func ("/extractor/cut-short", test_cut_short);
  g_test_add_func ("/extractor/cancelled", test_cancelled);
  g_test_add_func ("/extractor/threads-corpus", test_threads_corpus);
  g_test_add_func ("/extractor/in-process-time-limit", test_in_process_time_limit);
  g_test_add_func ("/extractor/helper-real-hang", test_helper_real_hang);
  g_test_add_func ("/extractor/nested-too-deep", test_nested_too_deep);

  return g_test_run ();
}
