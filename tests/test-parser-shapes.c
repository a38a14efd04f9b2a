/* test-parser-shapes.c: one fixture per shape of report text, each with
 * the fields it must give
 *
 * Each tests/fixtures/shapes/NAME.txt is parsed and its JSON compared
 * with NAME.json, as tests/ic-json-expect.h describes. Adding a shape is
 * adding the two files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-json-expect.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;

  g_test_init (&argc, &argv, NULL);
  names = ic_json_expect_add_tests ("shapes", "/parser-shapes", NULL);
  return g_test_run ();
}
