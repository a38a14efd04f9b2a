/* test-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-dates.h"
#include "ic-test-util.h"

typedef struct
{
  const char *text;
  const char *start;
  const char *end;
  const char *as_printed;
} Range;

static const Range ranges[] = {
  { "31 January to 4 February 2022", "2022-01-31", "2022-02-04", NULL },
  { "8 – 17 October 2012", "2012-10-08", "2012-10-17", NULL },
  { "9 December 2019 to 13 December 2019", "2019-12-09", "2019-12-13", NULL },
  { "on 19 and 20 March 2019", "2019-03-19", "2019-03-20", "19 and 20 March 2019" },
  { "took place from 15 to 19 July 2024.", "2024-07-15", "2024-07-19", "15 to 19 July 2024" },
  { "Inspection date: 18 February 2014 – 12 March 2014", "2014-02-18", "2014-03-12",
    "18 February 2014 – 12 March 2014" },
  { "20 June 2017 ─ 13 July 2017", "2017-06-20", "2017-07-13", NULL },
  { "7 November 2017 to 30 November 2017", "2017-11-07", "2017-11-30", NULL },
  { "Inspection dates:\n\n8 – 12 July 2013\n\nLead inspector", "2013-07-08", "2013-07-12",
    "8 – 12 July 2013" },
  { "Inspection dates: 6 to 17 December 2021", "2021-12-06", "2021-12-17", "6 to 17 December 2021" },
  { "on 27 and 28 February 2018", "2018-02-27", "2018-02-28", "27 and 28 February 2018" },
  { "the focused visit to Wakefield on 13 October 2020. The inspectors",
    "2020-10-13", "2020-10-13", "13 October 2020" },
  { "30 December 2019 to 3 January 2020", "2019-12-30", "2020-01-03", NULL },
  { "30 December to 3 January 2020", "2019-12-30", "2020-01-03", NULL },
  { "This letter summarises the findings of the focused visit on 19 and\n20 March 2019",
    "2019-03-19", "2019-03-20", "19 and\n20 March 2019" },
  { "from 31 January\nto 4 February\n2022", "2022-01-31", "2022-02-04",
    "31 January\nto 4 February\n2022" },
  { "1st to 5th July 2019", "2019-07-01", "2019-07-05", NULL },
  { "on the 2nd of October 2018", "2018-10-02", "2018-10-02", "2nd of October 2018" },
  { "1 st – 3 rd Sept 2020", "2020-09-01", "2020-09-03", NULL },
  { "14 Sept. 2021", "2021-09-14", "2021-09-14", NULL },
  { "6 Sep 2021 - 10 Sep 2021", "2021-09-06", "2021-09-10", NULL },
  { "9\u00a0December\u00a02019\u00a0to\u00a013\u00a0December\u00a02019",
    "2019-12-09", "2019-12-13", NULL },
  { "INSPECTION DATES: 9 DECEMBER 2019 TO 13 DECEMBER 2019", "2019-12-09", "2019-12-13",
    "9 DECEMBER 2019 TO 13 DECEMBER 2019" },
  { "9–13 December 2019", "2019-12-09", "2019-12-13", NULL },
  { "9—13 December 2019", "2019-12-09", "2019-12-13", NULL },
  { "Monday 9 December to Friday 13 December 2019", "2019-12-09", "2019-12-13", NULL },
  { "on 1, 2 and 3 May 2019", "2019-05-01", "2019-05-03", "1, 2 and 3 May 2019" },
  { "29 February 2020", "2020-02-29", "2020-02-29", NULL },
  { "8 – 12 July 2013 (fieldwork); published 16 August 2013", "2013-07-08", "2013-07-12",
    "8 – 12 July 2013" },
  /* An impossible date is skipped, not read in part. */
  { "31 February 2022, then 4 March 2022", "2022-03-04", "2022-03-04", "4 March 2022" },
  /* A day takes its month from the first later day that names one. */
  { "29 and 30 September, and 1 October 2020", "2020-09-29", "2020-10-01", NULL },
  /* Fieldwork in two blocks ends with the second. */
  { "8 to 12 July 2019 and 7 to 8 August 2019", "2019-07-08", "2019-08-08", NULL },
  { "on 3 and 4 June 2021 and the letter", "2021-06-03", "2021-06-04", "3 and 4 June 2021" },
  /* A day without month or year is no date; the next one is. */
  { "In 2019, 45 children; on 13 October 2020", "2020-10-13", "2020-10-13", "13 October 2020" },
};

static void
assert_iso (const GDate *date,
            const char  *iso)
{
  char buf[16];

  g_assert_true (g_date_valid (date));
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  g_assert_cmpstr (buf, ==, iso);
}

static void
test_ranges (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      const Range *r = &ranges[i];
      GDate start;
      GDate end;
      gsize match_start = G_MAXSIZE;
      gsize match_len = G_MAXSIZE;
      g_autofree char *printed = NULL;

      ic_test_note (r->text);
      g_assert_true (ic_dates_find_range_span (r->text, &start, &end, &match_start, &match_len));
      assert_iso (&start, r->start);
      assert_iso (&end, r->end);
      g_assert_cmpuint (match_start + match_len, <=, strlen (r->text));
      printed = g_strndup (r->text + match_start, match_len);
      g_assert_cmpstr (printed, ==, r->as_printed ? r->as_printed : r->text);

      /* The short form agrees with the long one. */
      g_date_clear (&start, 1);
      g_assert_true (ic_dates_find_range (r->text, &start, &end));
      assert_iso (&start, r->start);
    }
}

static void
test_no_range (void)
{
  static const char * const texts[] = {
    "", "no dates here", "31 February 2022", "30 February 2020", "29 February 2019",
    "32 January 2020", "0 January 2020", "December 2019", "9 December", "2019",
    "from 15 to 19 July", "20 to 13 July 2017", "13 December 2019 to 9 December 2019",
    "9 Decembre 2019", "09/12/2019", "9 December 19", "123 December 2019",
    "9 December 1850", "section 47 enquiries in 2019", "14-17 year olds",
    "9December2019", "\xff\xfe 9 \xc3 December 2019", "9 Mayday 2019",
    "Friday 2019",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GDate start;
      GDate end;
      gsize match_start = 1;
      gsize match_len = 1;

      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      ic_test_note (texts[i]);
      g_assert_false (ic_dates_find_range_span (texts[i], &start, &end, &match_start, &match_len));
      g_assert_false (g_date_valid (&start));
      g_assert_false (g_date_valid (&end));
      g_assert_cmpuint (match_start, ==, 1);
    }
}

/* After a label, dates may be printed in figures. */
static void
test_labelled_numeric (void)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_assert_true (ic_dates_find_labelled_range ("1/06/2015 – 25/06/2015", &start, &end));
  assert_iso (&start, "2015-06-01");
  assert_iso (&end, "2015-06-25");
  g_assert_true (ic_dates_find_labelled_range (" 10/07/2015", &start, &end));
  assert_iso (&start, "2015-07-10");
  assert_iso (&end, "2015-07-10");
  g_assert_true (ic_dates_find_labelled_range ("8 – 12 July 2013", &start, &end));
  assert_iso (&end, "2013-07-12");
  g_assert_false (ic_dates_find_labelled_range ("13/13/2015", &start, &end));
  g_assert_false (ic_dates_find_labelled_range ("1/06/15", &start, &end));
}

/* A letter's days without a year take the year given. */
static void
test_in_year (void)
{
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_assert_true (ic_dates_find_range_in_year ("on 4 and 5 March.", 2020, &start, &end));
  assert_iso (&start, "2020-03-04");
  assert_iso (&end, "2020-03-05");
  g_assert_true (ic_dates_find_range_in_year ("from 30 December to 2 January", 2020, &start, &end));
  assert_iso (&start, "2019-12-30");
  assert_iso (&end, "2020-01-02");
  g_assert_true (ic_dates_find_range_in_year ("29 and 30 September, and 1 October", 2020, &start, &end));
  assert_iso (&start, "2020-09-29");
  /* A printed year wins. */
  g_assert_true (ic_dates_find_range_in_year ("on 4 and 5 March 2019", 2020, &start, &end));
  assert_iso (&end, "2019-03-05");
  g_assert_false (ic_dates_find_range_in_year ("on 4 and 5", 2020, &start, &end));
}

typedef struct
{
  const char *text;
  const char *iso;
} Day;

static const Day days[] = {
  { "6 September 2024", "2024-09-06" },
  { "Report published: 19 October 2015", "2015-10-19" },
  { "Published:\n\n16 August 2013", "2013-08-16" },
  { "1st Sept 2020", "2020-09-01" },
  { "Monday, 3rd February 2020", "2020-02-03" },
  { "12 MARCH 2014", "2014-03-12" },
  { "9\u00a0December\u00a02019", "2019-12-09" },
  { "31 January to 4 February 2022", "2022-02-04" },
  { "29 February 2024", "2024-02-29" },
  { "31 April 2021 or 1 May 2021", "2021-05-01" },
};

static void
test_days (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date;

      ic_test_note (days[i].text);
      g_assert_true (ic_dates_parse_day (days[i].text, &date));
      assert_iso (&date, days[i].iso);
    }
}

static void
test_no_day (void)
{
  static const char * const texts[] = {
    "", "31 February 2022", "29 February 2023", "31 June 2020", "September 2024",
    "6 September", "2024", "6 Sptember 2024", NULL,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      ic_test_note (texts[i]);
      g_assert_false (ic_dates_parse_day (texts[i], &date));
      g_assert_false (g_date_valid (&date));
    }
}

static char *
json_date (const char *json,
           const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\": \"", key);
  const char *at = strstr (json, needle);

  g_assert_nonnull (at);
  return g_strndup (at + strlen (needle), 10);
}

/* Collects every date range printed in @text as "start/end" strings. */
static GPtrArray *
all_ranges (const char *text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  gsize offset = 0;
  GDate start;
  GDate end;
  gsize match_start;
  gsize match_len;

  while (ic_dates_find_range_span (text + offset, &start, &end, &match_start, &match_len))
    {
      char s[16];
      char e[16];

      g_assert_cmpuint (match_len, >, 0);
      g_date_strftime (s, sizeof s, "%Y-%m-%d", &start);
      g_date_strftime (e, sizeof e, "%Y-%m-%d", &end);
      g_ptr_array_add (found, g_strdup_printf ("%s/%s", s, e));
      offset += match_start + match_len;
    }

  return found;
}

static gboolean
contains_str (GPtrArray  *array,
              const char *str)
{
  return g_ptr_array_find_with_equal_func (array, str, g_str_equal, NULL);
}

/* The fieldwork range of every seed report, as its expected parse gives
 * it, is one of the ranges found in its text. */
static void
test_corpus_seeds (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *expected = ic_test_corpus_path ("expected");
  g_autoptr(GDir) dir = NULL;
  const char *file;
  guint checked = 0;

  if (seeds == NULL || expected == NULL)
    return;

  dir = g_dir_open (seeds, 0, NULL);
  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (seeds, file, NULL);
      g_autofree char *stem = g_strndup (file, strlen (file) - 4);
      g_autofree char *json_name = g_strconcat (stem, ".json", NULL);
      g_autofree char *json_path = g_build_filename (expected, json_name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *json = NULL;
      g_autofree char *want_start = NULL;
      g_autofree char *want_end = NULL;
      g_autofree char *want = NULL;
      g_autoptr(GPtrArray) found = NULL;

      if (!g_str_has_suffix (file, ".txt") || !g_file_get_contents (json_path, &json, NULL, NULL))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      want_start = json_date (json, "start_date");
      want_end = json_date (json, "end_date");
      want = g_strdup_printf ("%s/%s", want_start, want_end);
      found = all_ranges (text);

      g_test_message ("%s: want %s among %u ranges", file, want, found->len);
      g_assert_true (contains_str (found, want));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/ranges", test_ranges);
  g_test_add_func ("/dates/no-range", test_no_range);
  g_test_add_func ("/dates/labelled-numeric", test_labelled_numeric);
  g_test_add_func ("/dates/in-year", test_in_year);
  g_test_add_func ("/dates/days", test_days);
  g_test_add_func ("/dates/no-day", test_no_day);
  g_test_add_func ("/dates/corpus-seeds", test_corpus_seeds);

  return g_test_run ();
}
