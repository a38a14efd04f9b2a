/* ic-json-expect.h: fixtures parsed and compared with the fields they must give
 *
 * A fixture is tests/fixtures/FOLDER/NAME.txt (pages split by form feeds,
 * wording invented for the tests) with NAME.json beside it. NAME.txt is
 * parsed as the pages of a PDF and its JSON export (src/core/model/ic-json.c,
 * CONTRACT.md: dates ISO, enums as their keys) compared with NAME.json,
 * which holds only the fields that matter: every member given must be
 * there with the same value (null included), arrays must have the same
 * length, and objects in arrays are compared member by member the same
 * way ({} for an element whose fields do not matter). Each difference
 * is listed with the fixture and the field, e.g.
 * "parser/cp-2012.improvements[2].timeframe: expected …, got …".
 *
 * Members whose names hold a space are not fields of the export:
 *   "warnings containing": [words]      some warning contains each
 *   "warnings not containing": [words]  no warning contains any
 *   "grades by area": {area: grade}     the grade the report gives the area
 *                                       (its first judgement of it, as
 *                                       ic_report_get_grade()); null: none
 *   "read as text file": true           parsed as the app reads a .txt
 *                                       file: no pages, no page furniture
 *                                       removed
 * Any other such member is an error, so that a misspelt one cannot pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Compares @actual (a report's JSON export) with @expected (the contents
 * of NAME.json), failing the test with one message per difference, each
 * starting with @where. */
void       ic_json_expect_report    (JsonNode   *expected,
                                     JsonNode   *actual,
                                     const char *where);

/* Adds a test PREFIX/NAME for each tests/fixtures/@folder/NAME.txt; the
 * test fails when NAME.json is missing, unless NAME is in @hand_written
 * (NULL-terminated, may be NULL): fixtures that tests of their own read.
 * Returns: the names, which the tests use: free them after g_test_run(). */
GPtrArray *ic_json_expect_add_tests (const char         *folder,
                                     const char         *prefix,
                                     const char * const *hand_written) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
