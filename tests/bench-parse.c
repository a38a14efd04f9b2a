/* bench-parse.c: how much CPU the parser spends on a report
 *
 * bench-parse CACHE_DIR [ROUNDS]
 *
 * Reads every text in the page cache CACHE_DIR (the "inspection-compare"
 * folder of a cache an earlier load filled), then parses each ROUNDS
 * times (default 3) on this one thread and prints the thread's CPU time
 * per report: the parser alone, with no extraction, cache or theme work
 * around it, so that two builds can be compared on the same texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "ic-cache.h"
#include "ic-extractor.h"
#include "ic-parser.h"

typedef struct
{
  char     *content_id;
  gboolean  from_pdf;
  char    **pages;
} Text;

static void
text_clear (gpointer data)
{
  Text *text = data;

  g_free (text->content_id);
  g_strfreev (text->pages);
}

static double
thread_cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Every entry of the cache's pages folder, two levels down. */
static GArray *
read_texts (IcCache    *cache,
            const char *dir)
{
  GArray *texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_autoptr(GDir) top = g_dir_open (dir, 0, NULL);
  const char *sub;

  g_array_set_clear_func (texts, text_clear);
  while (top != NULL && (sub = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, sub, NULL);
      g_autoptr(GDir) entries = g_dir_open (path, 0, NULL);
      const char *name;

      while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
        {
          Text text = { g_strdup (name), FALSE, NULL };
          g_autofree char *reason = NULL;

          if (ic_cache_lookup_pages (cache, name, &text.from_pdf, &text.pages, &reason) && text.pages != NULL)
            g_array_append_val (texts, text);
          else
            text_clear (&text);
        }
    }
  return texts;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) texts = NULL;
  g_autofree char *pages_dir = NULL;
  IcCache *cache;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 3;
  guint parsed = 0;
  double start;

  if (argc < 2)
    {
      g_printerr ("usage: bench-parse CACHE_DIR [ROUNDS]\n");
      return 2;
    }
  cache = ic_cache_open (argv[1], G_MAXUINT64);
  pages_dir = g_strdup_printf ("%s/pages-%d", argv[1], IC_EXTRACTOR_VERSION);
  texts = read_texts (cache, pages_dir);

  start = thread_cpu_seconds ();
  for (guint r = 0; r < MAX (rounds, 1); r++)
    for (guint i = 0; i < texts->len; i++)
      {
        Text *text = &g_array_index (texts, Text, i);
        g_autoptr(IcReport) report = ic_parse_report (text->content_id, (const char * const *)text->pages,
                                                      text->from_pdf, NULL);

        parsed += report != NULL;
      }
  g_print ("%u texts, %u rounds, %u reports parsed: %.2f ms CPU per parse\n", texts->len, MAX (rounds, 1),
           parsed, (thread_cpu_seconds () - start) * 1000 / (texts->len * MAX (rounds, 1)));
  /* Not closed: closing would write the path index into CACHE_DIR. */
  (void) cache;
  return texts->len > 0 ? 0 : 1;
}
