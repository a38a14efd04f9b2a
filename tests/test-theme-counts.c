/* test-theme-counts.c: reports raising each theme, over a date range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-report-private.h"
#include "ic-theme-counts.h"

/* Items are "theme,theme|theme|…": themes set directly, so that the test
 * is about counting, not about the rules. */
static IcReport *
make_report (const char *source,
             const char *authority,
             const char *end_iso,
             const char *items)
{
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = ic_date_from_iso (end_iso);
  g_auto(GStrv) list = g_strsplit (items, "|", -1);

  _ic_report_set_authority (report, authority);
  _ic_report_set_end_date (report, end);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_auto(GStrv) themes = g_strsplit (list[i], ",", -1);
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes ("text", IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY,
                                        NULL, 0, (const char * const *)themes);

      _ic_report_add_improvement (report, item);
    }
  return report;
}

static GListModel *
sample (void)
{
  GListStore *store = g_list_store_new (IC_TYPE_REPORT);
  IcReport *reports[] = {
    /* Five front-door items in one report: still one report. */
    make_report ("r1", "Richmond upon Thames", "2019-03-01",
                 "front_door|front_door|front_door,recording|front_door|front_door"),
    make_report ("r2", "Richmond upon Thames", "2022-02-04", "front_door|workforce,front_door"),
    make_report ("r3", "Richmond upon Thames", "2024-07-19", "recording|workforce"),
    make_report ("g1", "Greenwich", "2019-12-13", "front_door,recording"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_list_store_append (store, reports[i]);
      g_object_unref (reports[i]);
    }
  return G_LIST_MODEL (store);
}

static void
test_reports_not_mentions (void)
{
  g_autoptr(GListModel) reports = sample ();
  g_autoptr(IcThemeCounts) all = ic_theme_counts_new (reports, NULL, NULL, FALSE);
  g_autoptr(IcThemeCounts) main_only = ic_theme_counts_new (reports, NULL, NULL, TRUE);
  const char * const *authorities = ic_theme_counts_get_authorities (all);

  g_assert_cmpuint (ic_theme_counts_get_n_reports (all, NULL), ==, 4);
  g_assert_cmpuint (ic_theme_counts_get_n_reports (all, "Richmond upon Thames"), ==, 3);
  /* Six front-door items in Richmond, in two reports. */
  g_assert_cmpuint (ic_theme_counts_get (all, "Richmond upon Thames", "front_door"), ==, 2);
  g_assert_cmpuint (ic_theme_counts_get (all, NULL, "front_door"), ==, 3);
  g_assert_cmpuint (ic_theme_counts_get (all, NULL, "recording"), ==, 3);
  g_assert_cmpuint (ic_theme_counts_get (all, "Greenwich", "workforce"), ==, 0);
  g_assert_cmpuint (ic_theme_counts_get (all, NULL, "private_fostering"), ==, 0);
  /* Main themes only: recording is never first in r1 or g1. */
  g_assert_cmpuint (ic_theme_counts_get (main_only, NULL, "recording"), ==, 1);
  g_assert_cmpuint (ic_theme_counts_get (main_only, NULL, "workforce"), ==, 2);

  g_assert_cmpuint (g_strv_length ((char **)authorities), ==, 2);
  g_assert_cmpstr (authorities[0], ==, "Greenwich");
  g_assert_cmpstr (authorities[1], ==, "Richmond upon Thames");
}

static void
test_date_range (void)
{
  g_autoptr(GListModel) reports = sample ();
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autoptr(GDate) to = g_date_new_dmy (19, G_DATE_JULY, 2024);
  g_autoptr(GDate) early_to = g_date_new_dmy (31, G_DATE_DECEMBER, 2019);
  g_autoptr(IcThemeCounts) late = ic_theme_counts_new (reports, from, to, FALSE);
  g_autoptr(IcThemeCounts) early = ic_theme_counts_new (reports, NULL, early_to, FALSE);
  g_autoptr(GPtrArray) items = NULL;

  /* 2020 to 19 July 2024 inclusive: r2 and r3. */
  g_assert_cmpuint (ic_theme_counts_get_n_reports (late, NULL), ==, 2);
  g_assert_cmpuint (ic_theme_counts_get (late, NULL, "front_door"), ==, 1);
  g_assert_cmpuint (ic_theme_counts_get (late, NULL, "workforce"), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **)ic_theme_counts_get_authorities (late)), ==, 1);
  /* Up to the end of 2019: r1 and g1. */
  g_assert_cmpuint (ic_theme_counts_get (early, NULL, "front_door"), ==, 2);
  g_assert_cmpuint (ic_theme_counts_get (early, "Greenwich", "recording"), ==, 1);

  /* The items behind a count, oldest first. */
  items = ic_theme_items (reports, "front_door", "Richmond upon Thames", NULL, NULL);
  g_assert_cmpuint (items->len, ==, 7);
  g_assert_cmpstr (ic_report_get_source (((IcItemRef *)items->pdata[0])->report), ==, "r1");
  g_assert_cmpstr (ic_report_get_source (((IcItemRef *)items->pdata[6])->report), ==, "r2");
  g_assert_cmpuint (((IcItemRef *)items->pdata[6])->index, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = ic_theme_items (reports, "front_door", NULL, from, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);
  /* Every item of one authority, over time. */
  items = ic_theme_items (reports, NULL, "Richmond upon Thames", NULL, NULL);
  g_assert_cmpuint (items->len, ==, 9);
  g_assert_cmpstr (ic_report_get_source (((IcItemRef *)items->pdata[8])->report), ==, "r3");
}

static void
test_undated_report (void)
{
  g_autoptr(GListStore) store = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(IcReport) undated = _ic_report_new ("u");
  const char *themes[] = { "education", NULL };
  g_autoptr(IcImprovement) item = ic_improvement_new_with_themes ("t", IC_ITEM_KIND_IMPROVEMENT,
                                                                  IC_SCOPE_LOCAL_AUTHORITY, NULL,
                                                                  0, themes);
  g_autoptr(GDate) from = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  g_autoptr(IcThemeCounts) open = NULL;
  g_autoptr(IcThemeCounts) bounded = NULL;

  _ic_report_set_authority (undated, "Barnsley");
  _ic_report_add_improvement (undated, item);
  g_list_store_append (store, undated);

  open = ic_theme_counts_new (G_LIST_MODEL (store), NULL, NULL, FALSE);
  bounded = ic_theme_counts_new (G_LIST_MODEL (store), from, NULL, FALSE);
  g_assert_cmpuint (ic_theme_counts_get (open, "Barnsley", "education"), ==, 1);
  g_assert_cmpuint (ic_theme_counts_get (bounded, NULL, "education"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/theme-counts/reports-not-mentions", test_reports_not_mentions);
  g_test_add_func ("/theme-counts/date-range", test_date_range);
  g_test_add_func ("/theme-counts/undated-report", test_undated_report);

  return g_test_run ();
}
