/* ic-parse-dump.c: a developer's tool, not a test. Parses text files whose
 * pages are separated by form feeds and prints the report as JSON.
 *   ic-parse-dump [--pdf] FILE…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "ic-json.h"
#include "ic-parser.h"

int
main (int   argc,
      char *argv[])
{
  gboolean from_pdf = FALSE;
  int status = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(IcReport) report = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *json = NULL;
      g_auto(GStrv) pages = NULL;

      if (g_str_equal (argv[i], "--pdf"))
        {
          from_pdf = TRUE;
          continue;
        }
      if (!g_file_get_contents (argv[i], &contents, NULL, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          status = 1;
          continue;
        }
      pages = g_strsplit (contents, "\f", -1);
      report = ic_parse_report (argv[i], (const char * const *)pages, from_pdf, &error);
      if (report == NULL)
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          status = 1;
          continue;
        }
      node = ic_json_report_to_node (report);
      json = ic_json_to_string (node);
      fputs (json, stdout);
      fputc ('\n', stdout);
    }

  return status;
}
