/* test-authorities.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "ic-authorities.h"
#include "ic-test-util.h"

static gpointer
lookup_in_thread (gpointer data)
{
  return (gpointer) ic_authorities_lookup (data);
}

/* Runs first: the table is loaded by whichever thread gets there first. */
static void
test_threads (void)
{
  static const char * const names[] = { "Hull", "Durham", "BCP", "Leeds" };
  GThread *threads[G_N_ELEMENTS (names)];

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    threads[i] = g_thread_new ("lookup", lookup_in_thread, (gpointer) names[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const IcAuthority *found = g_thread_join (threads[i]);

      g_assert_true (found == ic_authorities_lookup (names[i]));
    }
}

typedef struct
{
  const char *printed;
  const char *canonical;
} Variant;

static const Variant variants[] = {
  { "Richmond upon Thames", "Richmond upon Thames" },
  { "London Borough of Richmond upon Thames", "Richmond upon Thames" },
  { "LONDON BOROUGH OF RICHMOND UPON THAMES", "Richmond upon Thames" },
  { "Richmond-upon-Thames", "Richmond upon Thames" },
  { "Royal Borough of Kingston upon Thames", "Kingston upon Thames" },
  { "Kingston-upon-Thames", "Kingston upon Thames" },
  { "Royal Borough of Greenwich", "Greenwich" },
  { "Royal Borough of Kensington & Chelsea", "Kensington and Chelsea" },
  { "Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead" },
  { "windsor_maidenhead", "Windsor and Maidenhead" },
  { "Barnet Council", "Barnet" },
  { "London Borough of Barking & Dagenham", "Barking and Dagenham" },
  { "Wirral Council", "Wirral" },
  { "Metropolitan Borough of Wirral", "Wirral" },
  { "Metropolitan Borough of Barnsley\nCouncil", "Barnsley" },
  { "Barnsley Metropolitan Borough Council", "Barnsley" },
  { "City of York Council", "York" },
  { "City of York", "York" },
  { "the Isle of Wight", "Isle of Wight" },
  { "Isle of Wight Council", "Isle of Wight" },
  { "Council of the Isles of Scilly", "Isles of Scilly" },
  { "City of London", "City of London" },
  { "London Corporation", "City of London" },
  { "london_corporation", "City of London" },
  { "City of London Corporation", "City of London" },
  { "Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole" },
  { "Bournemouth,\nChristchurch & Poole Council", "Bournemouth, Christchurch and Poole" },
  { "BCP Council", "Bournemouth, Christchurch and Poole" },
  { "Bradford Children and Families Trust", "Bradford" },
  { "City of Bradford Metropolitan District\nCouncil", "Bradford" },
  { "Doncaster Children's Services Trust", "Doncaster" },
  { "Doncaster Children\u2019s Services Trust", "Doncaster" },
  { "City of Doncaster Council", "Doncaster" },
  { "Herefordshire", "Herefordshire" },
  { "Herefordshire Council", "Herefordshire" },
  { "County of Herefordshire District Council", "Herefordshire" },
  { "Durham", "County Durham" },
  { "Durham County Council", "County Durham" },
  { "County Durham", "County Durham" },
  { "Hull", "Kingston upon Hull, City of" },
  { "Hull City Council", "Kingston upon Hull, City of" },
  { "Kingston upon Hull City Council", "Kingston upon Hull, City of" },
  { "KINGSTON UPON HULL", "Kingston upon Hull, City of" },
  { "Kingston Upon Hull, City of", "Kingston upon Hull, City of" },
  { "St Helens", "St. Helens" },
  { "St. Helens Council", "St. Helens" },
  { "Saint Helens", "St. Helens" },
  { "St Helens Metropolitan Borough Council", "St. Helens" },
  { "Bristol City Council", "Bristol, City of" },
  { "City of Bristol", "Bristol, City of" },
  { "Bristol", "Bristol, City of" },
  { "Norfolk County Council", "Norfolk" },
  { "Surrey Safeguarding Children Board", "Surrey" },
  { "Brighton & Hove City Council", "Brighton and Hove" },
  { "Stoke-on-Trent City Council", "Stoke-on-Trent" },
  { "Southend-on-Sea Borough Council", "Southend-on-Sea" },
  { "Southend on Sea", "Southend-on-Sea" },
  { "Sheffield City Council", "Sheffield" },
  { "She\uFB03eld City Council", "Sheffield" },
  { "Leeds  City\u00a0Council", "Leeds" },
  { "  Leeds\n", "Leeds" },
  { "Richmond upon Thames local authority children's services", "Richmond upon Thames" },
  { "Richmond upon Thames children\u2019s services", "Richmond upon Thames" },
  { "Bedford Borough Council", "Bedford" },
  { "Bedford Borough", "Bedford" },
  { "Central Bedfordshire Council", "Central Bedfordshire" },
  { "Newcastle City Council", "Newcastle upon Tyne" },
  { "Cumbria County Council", "Cumbria" },
  { "Dorset County Council", "Dorset County Council" },
  { "Dorset Council", "Dorset" },
  { "Buckinghamshire County Council", "Buckinghamshire" },
  { "North Yorkshire County Council", "North Yorkshire" },
  { "Northamptonshire County Council", "Northamptonshire" },
  { "Northamptonshire", "Northamptonshire" },
  { "Cumberland Council", "Cumberland" },
  { "Derby City", "Derby" },
  /* Found by fuzzing: the suffix, not the prefix, must be peeled off. */
  { "City of London Borough", "City of London" },
  { "Sheffield City", "Sheffield" },
  { "Rutland County", "Rutland" },
  { "Reading Borough", "Reading" },
  { "Durham County", "County Durham" },
  { "Westmorland & Furness Council", "Westmorland and Furness" },
};

static void
test_variants (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const IcAuthority *found = ic_authorities_lookup (variants[i].printed);

      ic_test_note (variants[i].printed);
      g_assert_nonnull (found);
      g_assert_cmpstr (ic_authority_get_name (found), ==, variants[i].canonical);
    }
}

static void
test_not_authorities (void)
{
  static const char * const names[] = {
    "", " ", "Council", "City of", "London Borough of", "children's services",
    "Ofsted", "Inspection of children's services", "Kingston", "North",
    "Yorkshire", "Richmond upon", "Bedford Central", "Durham University", "City", "County",
    "Borough", "City Council", "County Borough",
    "Thames", "and", "Borough Council", "\xff\xfe\xfd", "St.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ic_test_note (names[i]);
      g_assert_null (ic_authorities_lookup (names[i]));
    }
  g_assert_null (ic_authorities_lookup (NULL));
}

typedef struct
{
  const char *text;
  const char *canonical;
  const char *as_printed;
} Found;

static const Found found_in_text[] = {
  { "Inspection of Bournemouth,\nChristchurch and Poole local authority\nchildren's services",
    "Bournemouth, Christchurch and Poole", "Bournemouth,\nChristchurch and Poole" },
  { "Focused visit to Kingston-upon-Thames children's services",
    "Kingston upon Thames", "Kingston-upon-Thames" },
  { "Joint targeted area inspection of Richmond upon Thames",
    "Richmond upon Thames", "Richmond upon Thames" },
  { "London Borough of Richmond upon Thames is the principal authority",
    "Richmond upon Thames", "London Borough of Richmond upon Thames" },
  { "Inspection of Central Bedfordshire local authority children's services",
    "Central Bedfordshire", "Central Bedfordshire" },
  { "Inspection of Bedford Borough Council children's services", "Bedford",
    "Bedford Borough Council" },
  { "Focused visit to Derbyshire children's services", "Derbyshire", "Derbyshire" },
  { "Inspection of Derby City Council", "Derby", "Derby City Council" },
  { "Focused visit to Sheffield City children’s services", "Sheffield", "Sheffield City" },
  { "Derby City", "Derby", "Derby City" },
  { "Monitoring visit to North Yorkshire", "North Yorkshire", "North Yorkshire" },
  { "Dear City of York Council", "York", "City of York Council" },
  { "Inspection of East Riding of Yorkshire local authority children's services",
    "East Riding of Yorkshire", "East Riding of Yorkshire" },
  { "Kingston upon Hull City Council", "Kingston upon Hull, City of",
    "Kingston upon Hull City Council" },
  { "Inspection of Kingston upon Thames", "Kingston upon Thames", "Kingston upon Thames" },
  { "Focused visit to North Northamptonshire children's services",
    "North Northamptonshire", "North Northamptonshire" },
  { "Northamptonshire County Council", "Northamptonshire", "Northamptonshire County Council" },
  { "Focused visit to North East Lincolnshire", "North East Lincolnshire",
    "North East Lincolnshire" },
  { "Focused visit to North Lincolnshire", "North Lincolnshire", "North Lincolnshire" },
  { "Inspection of Lincolnshire County Council", "Lincolnshire", "Lincolnshire County Council" },
  { "Inspection of Cheshire West and Chester", "Cheshire West and Chester",
    "Cheshire West and Chester" },
  { "Inspection of Cheshire East", "Cheshire East", "Cheshire East" },
  { "Inspection of Newcastle upon Tyne", "Newcastle upon Tyne", "Newcastle upon Tyne" },
  { "Metropolitan Borough of Barnsley\nCouncil", "Barnsley",
    "Metropolitan Borough of Barnsley\nCouncil" },
  { "City of Bradford Metropolitan District\nCouncil", "Bradford",
    "City of Bradford Metropolitan District\nCouncil" },
  { "Bradford Children and Families Trust", "Bradford", "Bradford Children and Families Trust" },
  { "Reading Borough Council", "Reading", "Reading Borough Council" },
  { "Dear Bromley Local Safeguarding Partnership", "Bromley", "Bromley" },
  { "Inspection of South Gloucestershire", "South Gloucestershire", "South Gloucestershire" },
  { "Focused visit to the Isle of Wight", "Isle of Wight", "Isle of Wight" },
  { "Inspection of the Isles of Scilly", "Isles of Scilly", "Isles of Scilly" },
  { "Inspection of City of London children's services", "City of London", "City of London" },
  { "Inspection of Durham County Council", "County Durham", "Durham County Council" },
  { "Inspection of County Durham", "County Durham", "County Durham" },
  { "INSPECTION OF ST. HELENS", "St. Helens", "ST. HELENS" },
  { "Focused visit to St Helens children\u2019s services", "St. Helens", "St Helens" },
  { "Inspection of Stoke-on-Trent", "Stoke-on-Trent", "Stoke-on-Trent" },
  { "Inspection of Bournemouth Borough Council", "Bournemouth", "Bournemouth Borough Council" },
  { "Inspection of\u00a0Leeds\u00a0local authority", "Leeds", "Leeds" },
};

static void
test_find_in_text (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (found_in_text); i++)
    {
      const Found *f = &found_in_text[i];
      gsize start = G_MAXSIZE;
      gsize len = G_MAXSIZE;
      const IcAuthority *found = ic_authorities_find_in_text (f->text, &start, &len);
      g_autofree char *printed = NULL;

      ic_test_note (f->text);
      g_assert_nonnull (found);
      g_assert_cmpstr (ic_authority_get_name (found), ==, f->canonical);
      g_assert_cmpuint (start + len, <=, strlen (f->text));
      printed = g_strndup (f->text + start, len);
      g_assert_cmpstr (printed, ==, f->as_printed);
    }
}

static void
test_not_in_text (void)
{
  static const char * const texts[] = {
    "", "Inspection of local authority children's services",
    "Inspectors found that reading the records took time.",
    "Leaders in the local authority have a clear plan.",
    "Children in care are visited regularly.",
    "\xff\xfe Kingston \xc3",
    /* Found by fuzzing: a council prefix at the end of the text. */
    "London Borough of ", "Inspection of the City of", "Royal Borough of",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gsize start = 1;
      gsize len = 1;

      ic_test_note (texts[i]);
      g_assert_null (ic_authorities_find_in_text (texts[i], &start, &len));
      g_assert_cmpuint (start, ==, 0);
      g_assert_cmpuint (len, ==, 0);
    }
  g_assert_null (ic_authorities_find_in_text (NULL, NULL, NULL));
}

/* Every current authority is found again from its own name, inside a
 * title, from its URN and from both its codes. */
static void
test_round_trip (void)
{
  GPtrArray *all = ic_authorities_get_all ();
  guint current = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const IcAuthority *a = g_ptr_array_index (all, i);
      const char *name = ic_authority_get_name (a);
      g_autofree char *title = NULL;
      gsize start;
      gsize len;

      g_test_message ("%s", name);
      g_assert_true (ic_authorities_lookup (name) == a);
      g_assert_true (ic_authorities_find_by_code (ic_authority_get_la_code (a)) == a);
      g_assert_true (ic_authorities_find_by_code (ic_authority_get_la_code_new (a)) == a);
      if (!ic_authority_is_current (a))
        continue;

      current++;
      g_assert_cmpuint (ic_authority_get_urn (a), >, 0);
      g_assert_true (ic_authorities_find_by_urn (ic_authority_get_urn (a)) == a);
      g_assert_cmpuint (ic_authority_get_neighbours (a)->len, ==, 10);
      g_assert_cmpstr (ic_authority_get_region (a), !=, "");
      title = g_strdup_printf ("Inspection of %s local authority children's services", name);
      g_assert_true (ic_authorities_find_in_text (title, &start, &len) == a);
      g_assert_cmpuint (start, ==, strlen ("Inspection of "));
      g_assert_cmpuint (len, ==, strlen (name));
    }

  g_assert_cmpuint (current, ==, 153);
}

static void
assert_successors (const char         *name,
                   const char * const *expected)
{
  const IcAuthority *a = ic_authorities_lookup (name);
  GPtrArray *successors;

  g_assert_nonnull (a);
  g_assert_false (ic_authority_is_current (a));
  g_assert_nonnull (ic_authority_get_abolished (a));
  successors = ic_authority_get_successors (a);
  g_assert_cmpuint (successors->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < successors->len; i++)
    {
      const IcAuthority *s = g_ptr_array_index (successors, i);

      g_assert_cmpstr (ic_authority_get_name (s), ==, expected[i]);
      g_assert_true (g_ptr_array_find (ic_authority_get_predecessors (s), a, NULL));
    }
}

static void
test_reorganisations (void)
{
  const IcAuthority *dorset = ic_authorities_lookup ("Dorset");
  const IcAuthority *cumbria = ic_authorities_lookup ("Cumbria");
  g_autoptr(GDate) before = g_date_new_dmy (31, G_DATE_MARCH, 2019);
  g_autoptr(GDate) after = g_date_new_dmy (1, G_DATE_APRIL, 2019);

  assert_successors ("Cumbria", (const char *[]) { "Cumberland", "Westmorland and Furness", NULL });
  assert_successors ("Northamptonshire",
                     (const char *[]) { "North Northamptonshire", "West Northamptonshire", NULL });
  assert_successors ("Poole", (const char *[]) { "Bournemouth, Christchurch and Poole", NULL });
  assert_successors ("Bournemouth",
                     (const char *[]) { "Bournemouth, Christchurch and Poole", NULL });
  assert_successors ("Dorset County Council",
                     (const char *[]) { "Dorset", "Bournemouth, Christchurch and Poole", NULL });

  g_assert_cmpuint (ic_authority_get_urn (cumbria), ==, 135513);
  g_assert_cmpint (g_date_get_year (ic_authority_get_abolished (cumbria)), ==, 2023);
  g_assert_true (ic_authority_is_current (dorset));
  g_assert_null (ic_authority_get_abolished (dorset));
  g_assert_cmpstr (ic_authority_get_name (ic_authority_at_date (dorset, before)), ==,
                   "Dorset County Council");
  g_assert_true (ic_authority_at_date (dorset, after) == dorset);
  g_assert_true (ic_authority_at_date (dorset, NULL) == dorset);
  /* BCP shares no name with its predecessors. */
  g_assert_cmpstr (ic_authority_get_name (ic_authority_at_date (ic_authorities_lookup ("BCP"),
                                                                before)),
                   ==, "Bournemouth, Christchurch and Poole");
  /* Reorganised councils that kept their URN stay one authority. */
  g_assert_true (ic_authority_is_current (ic_authorities_lookup ("Buckinghamshire")));
  g_assert_cmpuint (ic_authority_get_predecessors (ic_authorities_lookup ("Buckinghamshire"))->len,
                    ==, 0);
}

static void
test_details (void)
{
  const IcAuthority *richmond = ic_authorities_lookup ("Richmond upon Thames");
  GPtrArray *neighbours = ic_authority_get_neighbours (richmond);

  g_assert_cmpuint (ic_authority_get_urn (richmond), ==, 80513);
  g_assert_cmpstr (ic_authority_get_la_code (richmond), ==, "318");
  g_assert_cmpstr (ic_authority_get_la_code_new (richmond), ==, "E09000027");
  g_assert_cmpstr (ic_authority_get_region (richmond), ==, "London");
  g_assert_cmpstr (ic_authority_get_name (g_ptr_array_index (neighbours, 0)), ==,
                   "Windsor and Maidenhead");
  g_assert_cmpstr (ic_authority_get_name (g_ptr_array_index (neighbours, 1)), ==,
                   "Kingston upon Thames");
  g_assert_true (ic_authorities_find_by_urn (80450) == ic_authorities_lookup ("City of London"));
  g_assert_null (ic_authorities_find_by_urn (0));
  g_assert_null (ic_authorities_find_by_urn (1));
  g_assert_null (ic_authorities_find_by_code ("999"));
}

/* Bulk files are named <urn>_<authority slug>__<title>.pdf by Ofsted's
 * site: every slug must name the authority with that URN. */
static void
test_corpus_slugs (void)
{
  g_autofree char *bulk = ic_test_corpus_path ("bulk");
  g_autoptr(GDir) dir = NULL;
  const char *file;
  guint checked = 0;

  if (bulk == NULL)
    return;

  dir = g_dir_open (bulk, 0, NULL);
  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *slug = NULL;
      const char *under = strchr (file, '_');
      const char *end = strstr (file, "__");
      const IcAuthority *found;
      guint urn;

      if (!g_str_has_suffix (file, ".pdf") || under == NULL || end == NULL || end < under)
        continue;
      urn = (guint) strtoul (file, NULL, 10);
      slug = g_strndup (under + 1, end - under - 1);
      found = ic_authorities_lookup (slug);
      g_test_message ("%s", file);
      g_assert_nonnull (found);
      g_assert_cmpuint (ic_authority_get_urn (found), ==, urn);
      checked++;
    }

  g_assert_cmpuint (checked, >=, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/authorities/threads", test_threads);
  g_test_add_func ("/authorities/variants", test_variants);
  g_test_add_func ("/authorities/not-authorities", test_not_authorities);
  g_test_add_func ("/authorities/find-in-text", test_find_in_text);
  g_test_add_func ("/authorities/not-in-text", test_not_in_text);
  g_test_add_func ("/authorities/round-trip", test_round_trip);
  g_test_add_func ("/authorities/reorganisations", test_reorganisations);
  g_test_add_func ("/authorities/details", test_details);
  g_test_add_func ("/authorities/corpus-slugs", test_corpus_slugs);

  return g_test_run ();
}
