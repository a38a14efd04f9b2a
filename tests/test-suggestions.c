/* test-suggestions.c: the earlier items the link dialog suggests first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-recurrence.h"
#include "ic-report-private.h"
#include "ic-suggestions.h"
#include "ic-test-util.h"

/* Halton's three reports: 2015's first item is about permanence, its
 * third about supervision; 2019's first about oversight, its second
 * about adoption. The 2023 item asks about supervision and oversight of
 * permanence planning: the finder links it to 2015's supervision item
 * and 2019's oversight item, not to the permanence or adoption items. */
static const char *y2015[] = { "Permanence planning for children in care, including through special guardianship.",
                               "Sufficiency of foster homes.",
                               "Supervision of social workers, so that it is regular and reflective.",
                               "The quality of return home interviews.", NULL };
static const char *y2019[] = { "Management oversight of children's plans.",
                               "The timeliness of decisions about adoption.", NULL };
static const char *y2023[] = { "Regular supervision and management oversight of permanence planning.", NULL };

typedef struct
{
  IcReport   *first, *middle, *last;
  GListModel *reports;
  GPtrArray  *found;
} Halton;

static void
halton_set_up (Halton       *fixture,
               gconstpointer data)
{
  fixture->first = ic_test_report_with_items ("a", "Halton", "2015-03-01", y2015);
  fixture->middle = ic_test_report_with_items ("b", "Halton", "2019-03-01", y2019);
  fixture->last = ic_test_report_with_items ("c", "Halton", "2023-03-01", y2023);
  _ic_report_set_content_id (fixture->first, "id2015");
  _ic_report_set_content_id (fixture->middle, "id2019");
  _ic_report_set_content_id (fixture->last, "id2023");
  /* Out of order: the suggestions sort by date themselves. */
  fixture->reports = ic_test_model_of (fixture->last, fixture->first, fixture->middle, NULL);
  fixture->found = ic_find_recurrences (fixture->reports);
}

static void
halton_tear_down (Halton       *fixture,
                  gconstpointer data)
{
  g_ptr_array_unref (fixture->found);
  g_object_unref (fixture->reports);
}

static gboolean
found_pair (GPtrArray *found,
            IcReport  *earlier,
            guint      earlier_index,
            IcReport  *later,
            guint      later_index)
{
  for (guint i = 0; i < found->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (found, i);

      if (ic_item_ref_is (ic_recurrence_get_earlier (r), earlier, earlier_index) &&
          ic_item_ref_is (ic_recurrence_get_later (r), later, later_index))
        return TRUE;
    }
  return FALSE;
}

static gboolean
suggests (GPtrArray *suggestions,
          IcReport  *earlier,
          guint      index)
{
  for (guint i = 0; i < suggestions->len; i++)
    if (ic_item_ref_is (&((IcSuggestion *)g_ptr_array_index (suggestions, i))->earlier, earlier, index))
      return TRUE;
  return FALSE;
}

static IcSuggestion *
nth (GPtrArray *suggestions,
     guint      i)
{
  g_assert_cmpuint (i, <, suggestions->len);
  return g_ptr_array_index (suggestions, i);
}

/* The permanence item first (it shares the concern and the words), the
 * adoption item next (the concern only); the items the finder links
 * are not offered again, and items that share nothing not at all. */
static void
test_ranked (Halton       *fixture,
             gconstpointer data)
{
  g_autoptr(GPtrArray) suggestions = ic_suggest_earlier_items (fixture->reports, fixture->last, 0, fixture->found);
  const char *permanence;

  g_assert_true (found_pair (fixture->found, fixture->first, 2, fixture->last, 0));
  g_assert_true (found_pair (fixture->found, fixture->middle, 0, fixture->last, 0));
  g_assert_false (found_pair (fixture->found, fixture->first, 0, fixture->last, 0));

  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_true (ic_item_ref_is (&nth (suggestions, 0)->earlier, fixture->first, 0));
  g_assert_true (ic_item_ref_is (&nth (suggestions, 1)->earlier, fixture->middle, 1));
  g_assert_cmpfloat (nth (suggestions, 0)->score, >, nth (suggestions, 1)->score);
  /* Below the finder's threshold, or it would have linked them. */
  g_assert_cmpfloat (nth (suggestions, 0)->score, <, IC_RECURRENCE_THRESHOLD);
  permanence = nth (suggestions, 0)->concept_label;
  g_assert_nonnull (permanence);
  g_assert_true (g_str_has_prefix (permanence, "Permanence"));
  g_assert_cmpstr (nth (suggestions, 1)->concept_label, ==, permanence);
}

/* The score is the finder's: without the links found, the pairs it
 * links come first, scored as it scored them. */
static void
test_finder_score (Halton       *fixture,
                   gconstpointer data)
{
  g_autoptr(GPtrArray) suggestions = ic_suggest_earlier_items (fixture->reports, fixture->last, 0, NULL);

  g_assert_cmpuint (suggestions->len, ==, 4);
  for (guint i = 0; i < fixture->found->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (fixture->found, i);
      const IcItemRef *earlier = ic_recurrence_get_earlier (r);
      gboolean seen = FALSE;

      if (!ic_item_ref_is (ic_recurrence_get_later (r), fixture->last, 0))
        continue;
      for (guint j = 0; j < 2; j++)
        if (ic_item_ref_is (&nth (suggestions, j)->earlier, earlier->report, earlier->index))
          {
            g_assert_cmpfloat_with_epsilon (nth (suggestions, j)->score, ic_recurrence_get_similarity (r), 1e-9);
            seen = TRUE;
          }
      g_assert_true (seen);
    }
}

/* Items that share words and no concept are suggested with no concept
 * to name. */
static void
test_words_only (void)
{
  const char *before[] = { "Interpreters for families whose first language is not English.", NULL };
  const char *after[] = { "Access to interpreters for families with English as an additional language.", NULL };
  IcReport *earlier = ic_test_report_with_items ("a", "Halton", "2015-03-01", before);
  IcReport *later = ic_test_report_with_items ("b", "Halton", "2019-03-01", after);
  g_autoptr(GListModel) reports = ic_test_model_of (earlier, later, NULL);
  g_autoptr(GPtrArray) suggestions = ic_suggest_earlier_items (reports, later, 0, NULL);

  g_assert_cmpuint (suggestions->len, ==, 1);
  g_assert_cmpfloat (nth (suggestions, 0)->score, >=, IC_SUGGESTION_MIN_SCORE);
  g_assert_null (nth (suggestions, 0)->concept_label);
}

/* Between items that score the same, the later report's first (the
 * report before is the likeliest to be repeated), then the first item. */
static void
test_ties (void)
{
  const char *twice[] = { "Sufficiency of foster homes.", "The timeliness of decisions about adoption.",
                          "The timeliness of decisions about adoption.", NULL };
  const char *after[] = { "Early permanence planning.", NULL };
  IcReport *first = ic_test_report_with_items ("a", "Halton", "2015-03-01", twice);
  IcReport *middle = ic_test_report_with_items ("b", "Halton", "2019-03-01", twice);
  IcReport *last = ic_test_report_with_items ("c", "Halton", "2023-03-01", after);
  g_autoptr(GListModel) reports = ic_test_model_of (first, last, middle, NULL);
  g_autoptr(GPtrArray) suggestions = ic_suggest_earlier_items (reports, last, 0, NULL);

  g_assert_cmpuint (suggestions->len, ==, 4);
  g_assert_true (ic_item_ref_is (&nth (suggestions, 0)->earlier, middle, 1));
  g_assert_true (ic_item_ref_is (&nth (suggestions, 1)->earlier, middle, 2));
  g_assert_true (ic_item_ref_is (&nth (suggestions, 2)->earlier, first, 1));
  g_assert_true (ic_item_ref_is (&nth (suggestions, 3)->earlier, first, 2));
}

/* An item that says it repeats the last inspection gains what the
 * finder gives it against that inspection's items, and no more. */
static void
test_said_repeated (void)
{
  const char *before[] = { "Permanence planning for children in care, including through special guardianship.",
                           NULL };
  const char *after[] = { "Planning for permanence. This was a recommendation at the last inspection.", NULL };
  IcReport *earlier = ic_test_report_with_items ("a", "Halton", "2015-03-01", before);
  IcReport *later = ic_test_report_with_items ("b", "Halton", "2019-03-01", after);
  g_autoptr(GListModel) reports = ic_test_model_of (earlier, later, NULL);
  g_autoptr(GPtrArray) as_visit = NULL;
  g_autoptr(GPtrArray) as_inspection = NULL;

  _ic_report_set_inspection_type (earlier, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  as_visit = ic_suggest_earlier_items (reports, later, 0, NULL);
  _ic_report_set_inspection_type (earlier, IC_INSPECTION_TYPE_ILACS);
  as_inspection = ic_suggest_earlier_items (reports, later, 0, NULL);
  g_assert_cmpuint (as_visit->len, ==, 1);
  g_assert_cmpuint (as_inspection->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (nth (as_inspection, 0)->score - nth (as_visit, 0)->score, 0.15, 1e-9);
}

/* Only the authority's own earlier reports: not another authority's
 * item in the same words, not a report of the same day or later. */
static void
test_own_earlier_reports (Halton       *fixture,
                          gconstpointer data)
{
  IcReport *elsewhere = ic_test_report_with_items ("w", "Wigan", "2020-03-01", y2015);
  IcReport *same_day = ic_test_report_with_items ("0", "Halton", "2023-03-01", y2015);
  IcReport *later = ic_test_report_with_items ("d", "Halton", "2025-03-01", y2015);
  GListStore *reports = G_LIST_STORE (fixture->reports);
  g_autoptr(GPtrArray) suggestions = NULL;

  g_list_store_append (reports, elsewhere);
  g_list_store_append (reports, same_day);
  g_list_store_append (reports, later);
  suggestions = ic_suggest_earlier_items (fixture->reports, fixture->last, 0, fixture->found);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_false (suggests (suggestions, elsewhere, 0));
  g_assert_false (suggests (suggestions, same_day, 0));
  g_assert_false (suggests (suggestions, later, 0));
  g_object_unref (elsewhere);
  g_object_unref (same_day);
  g_object_unref (later);

  /* The first report has nothing before it. */
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  suggestions = ic_suggest_earlier_items (fixture->reports, fixture->first, 0, fixture->found);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

/* An item the user said raises another concern is not suggested again,
 * whether the finder had linked it (the supervision item) or not (the
 * permanence item); the user's own link is not suggested either. */
static void
test_user_corrections (Halton       *fixture,
                       gconstpointer data)
{
  const char *links[] = { "0 id2015 2 different", "0 id2015 0 different", "0 id2019 1 same", NULL };
  g_autoptr(GPtrArray) suggestions = NULL;

  _ic_report_set_recurrence_links (fixture->last, links);
  g_ptr_array_unref (fixture->found);
  fixture->found = ic_find_recurrences (fixture->reports);
  g_assert_false (found_pair (fixture->found, fixture->first, 2, fixture->last, 0));
  g_assert_true (found_pair (fixture->found, fixture->middle, 1, fixture->last, 0));

  suggestions = ic_suggest_earlier_items (fixture->reports, fixture->last, 0, fixture->found);
  g_assert_cmpuint (suggestions->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/suggestions/ranked", Halton, NULL, halton_set_up, test_ranked, halton_tear_down);
  g_test_add ("/suggestions/finder-score", Halton, NULL, halton_set_up, test_finder_score, halton_tear_down);
  g_test_add_func ("/suggestions/words-only", test_words_only);
  g_test_add_func ("/suggestions/ties", test_ties);
  g_test_add_func ("/suggestions/said-repeated", test_said_repeated);
  g_test_add ("/suggestions/own-earlier-reports", Halton, NULL, halton_set_up, test_own_earlier_reports,
              halton_tear_down);
  g_test_add ("/suggestions/user-corrections", Halton, NULL, halton_set_up, test_user_corrections,
              halton_tear_down);

  return g_test_run ();
}
