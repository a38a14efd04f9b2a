/* bench-names-dates.c: how fast authority names and dates are read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints figures; asserts nothing about them.  Usage: bench-names-dates [MB]
 */
#include "config.h"

#include <stdlib.h>

#include "ic-authorities.h"
#include "ic-dates.h"

static const char * const printed[] = {
  "London Borough of Richmond upon Thames", "Kingston-upon-Thames", "Durham County Council",
  "City of Bradford Metropolitan District\nCouncil", "Bournemouth, Christchurch & Poole",
  "St Helens", "not an authority at all", "Inspection of children's services",
};

/* Filler that names no authority and holds no complete date. */
static char *
filler (gsize bytes)
{
  static const char line[] = "Invented filler: 45 children were seen in 2019, and plans "
                             "for 12 of them were reviewed in March by managers.\n";
  GString *text = g_string_sized_new (bytes + sizeof line);

  while (text->len < bytes)
    g_string_append (text, line);

  return g_string_free (text, FALSE);
}

static void
bench_lookup (void)
{
  const guint rounds = 20000;
  gint64 t0 = g_get_monotonic_time ();
  guint hits = 0;

  for (guint r = 0; r < rounds; r++)
    for (gsize i = 0; i < G_N_ELEMENTS (printed); i++)
      hits += ic_authorities_lookup (printed[i]) != NULL;

  g_print ("lookup: %.2f us per name (%u names, %u found)\n",
           (double) (g_get_monotonic_time () - t0) / (rounds * G_N_ELEMENTS (printed)),
           (guint) (rounds * G_N_ELEMENTS (printed)), hits);
}

static void
bench_text (gsize megabytes)
{
  g_autofree char *text = filler (megabytes * 1000 * 1000);
  gint64 t0 = g_get_monotonic_time ();
  GDate start;
  GDate end;
  double secs;

  g_assert_null (ic_authorities_find_in_text (text, NULL, NULL));
  secs = (g_get_monotonic_time () - t0) / 1e6;
  g_print ("find_in_text: %zu MB without a name in %.2f s (%.1f MB/s)\n",
           megabytes, secs, megabytes / secs);

  t0 = g_get_monotonic_time ();
  g_assert_false (ic_dates_find_range (text, &start, &end));
  secs = (g_get_monotonic_time () - t0) / 1e6;
  g_print ("find_range: %zu MB without a date in %.2f s (%.1f MB/s)\n",
           megabytes, secs, megabytes / secs);
}

int
main (int   argc,
      char *argv[])
{
  gsize megabytes = argc > 1 ? strtoul (argv[1], NULL, 10) : 20;
  gint64 t0 = g_get_monotonic_time ();
  guint n = ic_authorities_get_all ()->len;

  g_print ("table: %u authorities loaded in %.1f ms\n", n, (g_get_monotonic_time () - t0) / 1e3);
  bench_lookup ();
  bench_text (MAX (megabytes, 1));

  return 0;
}
