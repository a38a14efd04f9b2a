/* test-themes.c: theme rules, matching, explanations and agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ic-report-private.h"
#include "ic-test-util.h"
#include "ic-words.h"
#include "ic-themes.h"
#include "ic-search-index.h"

static char *
main_theme (IcThemeRules *rules,
            const char   *text)
{
  g_auto(GStrv) themes = ic_theme_rules_match (rules, text);

  return g_strdup (themes[0] ? themes[0] : "-");
}

static void
test_stemming (void)
{
  const struct { const char *word, *stem; } cases[] = {
    { "referrals", "referr" }, { "referral", "referr" }, { "assessments", "assess" },
    { "assessed", "assess" }, { "planning", "plan" }, { "organization", "organis" },
    { "organisation", "organis" }, { "behavior", "behaviour" }, { "prioritize", "prioritis" },
    { "prioritise", "prioritis" }, { "analyze", "analys" }, { "analyse", "analys" },
    { "permanency", "perman" }, { "permanence", "perman" }, { "caseloads", "caseload" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = ic_words_stem_word (cases[i].word);

      g_assert_cmpstr (stem, ==, cases[i].stem);
    }
}

static void
test_tokenise (void)
{
  const char *text = "Children\xE2\x80\x99s decision-making at the \xE2\x80\x98" "front door\xE2\x80\x99.";
  g_autoptr(GArray) tokens = ic_words_tokenise (text);
  const char *stems[] = { "children", "decis", "make", "at", "the", "front", "door" };

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (stems));
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmpstr (g_array_index (tokens, IcToken, i).stem, ==, stems[i]);
  /* Offsets point back into the original text. */
  g_assert_cmpint (strncmp (text + g_array_index (tokens, IcToken, 5).start, "front", 5), ==, 0);
}

/* Accented words lose their accents; ASCII ones take a faster path to
 * the same result. */
static void
test_tokenise_accents (void)
{
  const char *text = "Caf\xC3\xA9 NA\xC3\x8FVE r\xC3\xB4les Roles";
  g_autoptr(GArray) tokens = ic_words_tokenise (text);
  const char *words[] = { "cafe", "naive", "roles", "roles" };

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmpstr (g_array_index (tokens, IcToken, i).word, ==, words[i]);
  g_assert_cmpstr (g_array_index (tokens, IcToken, 2).stem, ==,
                   g_array_index (tokens, IcToken, 3).stem);
}

/* Stems are remembered per thread; each call still returns a string of
 * the caller's. */
static void
test_stem_remembered (void)
{
  g_autofree char *first = ic_words_stem_word ("safeguarding");
  g_autofree char *second = ic_words_stem_word ("safeguarding");

  g_assert_cmpstr (first, ==, second);
  g_assert_true (first != second);
}

static void
test_spelling_hyphens_quotes (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  const struct { const char *a, *b; } pairs[] = {
    /* American and British spelling. */
    { "Prioritize the analysis of risk in assessments.",
      "Prioritise the analysis of risk in assessments." },
    /* Hyphenated, spaced and joined (as PDF extraction leaves it). */
    { "Decision-making for children stepped down to early help.",
      "Decisionmaking for children stepped-down to early-help." },
    /* Typographic and straight quotes. */
    { "The quality of contacts at the \xE2\x80\x98" "front door\xE2\x80\x99.",
      "The quality of contacts at the 'front door'." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_auto(GStrv) a = ic_theme_rules_match (rules, pairs[i].a);
      g_auto(GStrv) b = ic_theme_rules_match (rules, pairs[i].b);

      g_assert_nonnull (a[0]);
      g_assert_cmpstr (a[0], ==, b[0]);
    }
}

static void
test_explain (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  g_autoptr(GPtrArray) matches =
    ic_theme_rules_explain (rules, "The timeliness of strategy meetings and the recording of "
                                   "their outcomes on children\xE2\x80\x99s case records.");
  gboolean saw_recording = FALSE, saw_strategy = FALSE;

  g_assert_cmpuint (matches->len, >=, 2);
  for (guint i = 0; i < matches->len; i++)
    {
      IcThemeMatch *match = g_ptr_array_index (matches, i);
      const char * const *triggers = (const char * const *)match->triggers;

      g_assert_cmpuint (g_strv_length (match->triggers), ==, g_strv_length (match->terms));
      if (i > 0)
        g_assert_cmpfloat (match->score, <=,
                           ((IcThemeMatch *)g_ptr_array_index (matches, i - 1))->score);
      /* Triggers are the item's own words, not stems. */
      if (g_strcmp0 (match->theme, "recording") == 0)
        {
          saw_recording = TRUE;
          g_assert_true (g_strv_contains (triggers, "case records"));
          g_assert_true (g_strv_contains (triggers, "recording"));
        }
      if (g_strcmp0 (match->theme, "strategy_and_child_protection") == 0)
        {
          saw_strategy = TRUE;
          g_assert_true (g_strv_contains (triggers, "strategy meetings"));
          g_assert_true (g_strv_contains ((const char * const *)match->terms, "strategy meeting"));
        }
    }
  g_assert_true (saw_recording && saw_strategy);
}

static void
test_domain_rules (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  const struct { const char *text, *main, *second; } cases[] = {
    /* Edge of care has no key of its own: early help. */
    { "The range and impact of edge of care services for adolescents.", "early_help", NULL },
    /* Management oversight of an area: supervision first, then the area. */
    { "Management oversight of private fostering arrangements.",
      "supervision_and_management_oversight", "private_fostering" },
    { "Management oversight of return home interviews for children who go missing.",
      "supervision_and_management_oversight", "exploitation_and_missing" },
    /* Allegations against professionals: strategy and child protection. */
    { "The response to allegations against professionals who work with children.",
      "strategy_and_child_protection", NULL },
    /* Homeless 16- and 17-year-olds: accommodation is sufficiency. */
    { "Suitable accommodation for homeless 16- and 17-year-olds.",
      "sufficiency_and_placements", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) themes = ic_theme_rules_match (rules, cases[i].text);

      g_test_message ("%s -> %s", cases[i].text, themes[0] ? themes[0] : "(none)");
      g_assert_cmpstr (themes[0], ==, cases[i].main);
      if (cases[i].second != NULL)
        g_assert_true (g_strv_contains ((const char * const *)themes, cases[i].second));
      g_assert_cmpuint (g_strv_length (themes), <=, IC_MAX_THEMES);
    }
}

typedef struct
{
  IcThemeRules *rules;
  guint       total;
  guint       agreed;
  GHashTable *confusions;  /* "expected -> got" -> count */
} Tally;

/* On a disagreement, say why the rules chose as they did. */
static void
explain_choice (IcThemeRules *rules,
                const char   *text)
{
  g_autoptr(GPtrArray) matches = ic_theme_rules_explain (rules, text);

  for (guint i = 0; i < matches->len && i < 4; i++)
    {
      IcThemeMatch *match = g_ptr_array_index (matches, i);
      g_autofree char *triggers = g_strjoinv ("|", match->triggers);

      g_test_message ("    %s %.2f: %s", match->theme, match->score, triggers);
    }
}

static void
tally_add (Tally      *tally,
           const char *expected,
           const char *got,
           const char *text)
{
  tally->total++;
  if (g_strcmp0 (expected, got) == 0)
    {
      tally->agreed++;
      return;
    }

  g_test_message ("disagree: expected %s, got %s: %s", expected, got, text);
  explain_choice (tally->rules, text);
  {
    char *pair = g_strdup_printf ("%s -> %s", expected, got);
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (tally->confusions, pair));

    g_hash_table_replace (tally->confusions, pair, GUINT_TO_POINTER (n + 1));
  }
}

static int
compare_confusions (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  GHashTable *confusions = data;

  return GPOINTER_TO_INT (g_hash_table_lookup (confusions, *(char **)b)) -
         GPOINTER_TO_INT (g_hash_table_lookup (confusions, *(char **)a));
}

static double
tally_report (Tally      *tally,
              const char *name)
{
  g_autofree char **pairs = (char **)g_hash_table_get_keys_as_array (tally->confusions, NULL);
  double share = tally->total ? 100.0 * tally->agreed / tally->total : 0;

  g_qsort_with_data (pairs, g_hash_table_size (tally->confusions), sizeof (char *),
                     compare_confusions, tally->confusions);
  /* Printed on purpose: the agreement figure is what the rules are judged by. */
  g_printerr ("# %s: main theme agrees on %u of %u items (%.1f %%)\n",
              name, tally->agreed, tally->total, share);
  for (guint i = 0; pairs[i] != NULL && i < 5; i++)
    g_printerr ("#   confused: %s (%u)\n", pairs[i],
                GPOINTER_TO_UINT (g_hash_table_lookup (tally->confusions, pairs[i])));
  return share;
}

/* A figure, not a test: how fast items are themed. */
static void
print_speed (IcThemeRules *rules,
             char        **lines)
{
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  for (guint round = 0; round < 20; round++)
    for (guint i = 0; lines[i] != NULL; i++, n++)
      {
        g_auto(GStrv) themes = ic_theme_rules_match (rules, lines[i]);
      }
  g_printerr ("# theming speed: %u items in %.1f ms (%.0f items/s)\n", n,
              (g_get_monotonic_time () - start) / 1000.0,
              n / ((g_get_monotonic_time () - start) / 1e6));
}

static void
test_fixture_agreement (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  g_autofree char *path = ic_test_fixture_path ("theme-items.tsv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) per_theme = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Tally tally = { rules, 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  guint negatives = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *got = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_true (strcmp (fields[0], "-") == 0 || ic_theme_is_key (fields[0]));
      got = main_theme (rules, fields[1]);
      tally_add (&tally, fields[0], got, fields[1]);
      if (strcmp (fields[0], "-") == 0)
        negatives++;
      g_hash_table_replace (per_theme, g_strdup (fields[0]),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_theme, fields[0])) + 1));
    }

  /* At least ten items of every theme, plus items about nothing. */
  for (const char * const *key = ic_theme_get_keys (); *key; key++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_theme, *key)), >=, 10);
  g_assert_cmpuint (negatives, >=, 5);

  g_assert_cmpfloat (tally_report (&tally, "own items"), >=, 90.0);
  g_hash_table_unref (tally.confusions);
  print_speed (rules, lines);
}

static void
add_expected_items (IcThemeRules *rules,
                    const char   *path,
                    Tally        *tally)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "improvements");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *themes = json_object_get_array_member (item, "themes");
      const char *text = json_object_get_string_member (item, "text");
      g_autofree char *got = NULL;

      if (themes == NULL || json_array_get_length (themes) == 0)
        continue;
      got = main_theme (rules, text);
      tally_add (tally, json_array_get_string_element (themes, 0), got, text);
    }
}

static void
test_corpus_agreement (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  g_autofree char *dir = ic_test_corpus_path ("expected");
  g_autoptr(GDir) listing = NULL;
  Tally tally = { rules, 0, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  const char *name;

  if (dir == NULL)
    {
      g_hash_table_unref (tally.confusions);
      return;
    }

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".json"))
        add_expected_items (rules, path, &tally);
    }

  g_assert_cmpuint (tally.total, >, 0);
  g_assert_cmpfloat (tally_report (&tally, "corpus expected items"), ==, 100.0);
  g_hash_table_unref (tally.confusions);
}

/* A theme chip searches for the theme's first and lead terms, joined by
 * OR; the query finds text with any of them and not the weaker terms. */
static void
test_theme_query (void)
{
  const char *data = "[exploitation_and_missing]\n"
                     "first=\"return home interview\"\n"
                     "lead=missing from home;exploitation;child-criminal exploitation\n"
                     "strong=county lines\nweak=risk\n"
                     "[workforce]\nweak=staff\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_from_data (data, -1, "test.rules", &error);
  g_autoptr(IcThemeRules) shipped = ic_theme_rules_new_shipped ();
  g_autofree char *query_text = NULL;
  g_autofree char *shipped_text = NULL;
  g_autoptr(IcSearchQuery) query = NULL;
  const char *pages[] = { "Each return home interview is timely. Children at risk from county lines. "
                          "Exploited children are safe. A child-criminal exploitation case.", NULL };
  g_autoptr(IcSearchDoc) doc = ic_search_doc_new (pages, TRUE);
  g_autoptr(GArray) hits = NULL;

  g_assert_no_error (error);
  query_text = ic_theme_rules_get_query (rules, "exploitation_and_missing");
  g_assert_cmpstr (query_text, ==, "\"return home interview\" OR \"missing from home\" OR "
                                   "exploitation OR \"child-criminal exploitation\"");
  /* Only weak terms: no query, rather than one finding every report. */
  g_assert_null (ic_theme_rules_get_query (rules, "workforce"));
  g_assert_null (ic_theme_rules_get_query (rules, "education"));

  query = ic_search_query_new (query_text);
  g_assert_nonnull (query);
  hits = ic_search_doc_find (doc, query);
  /* The interview, "Exploited" (by stem) and the hyphenated phrase; not
   * "county lines" or "risk". */
  g_assert_cmpuint (hits->len, ==, 3);

  /* Every theme of the shipped rules has a query the search accepts. */
  for (guint i = 0; i < ic_theme_rules_get_n_themes (shipped); i++)
    {
      g_autoptr(IcSearchQuery) q = NULL;

      shipped_text = ic_theme_rules_get_query (shipped, ic_theme_rules_get_key (shipped, i));
      g_assert_nonnull (shipped_text);
      q = ic_search_query_new (shipped_text);
      g_assert_nonnull (q);
      g_clear_pointer (&shipped_text, g_free);
    }
}

static void
test_invalid_rules (void)
{
  const char *unknown = "[front_door]\nstrong=referral\n[made_up]\nstrong=thing\n";
  const char *broken = "[front_door\nstrong=referral\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(IcThemeRules) rules = NULL;

  rules = ic_theme_rules_new_from_data (unknown, -1, "/tmp/my.rules", &error);
  g_assert_null (rules);
  g_assert_error (error, IC_THEME_RULES_ERROR, IC_THEME_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/tmp/my.rules"));
  g_assert_nonnull (strstr (error->message, "made_up"));
  g_clear_error (&error);

  rules = ic_theme_rules_new_from_data (broken, -1, "/tmp/my.rules", &error);
  g_assert_null (rules);
  g_assert_nonnull (strstr (error->message, "/tmp/my.rules"));
}

/* Why the user's own rules are not used is said in their language. */
static void
test_invalid_rules_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcThemeRules) rules = NULL;
  char *translation = ic_test_translation_begin ("%s: [%s] is not a theme of the taxonomy",
                                                 "%s : [%s] n’est pas un thème de la taxonomie");

  rules = ic_theme_rules_new_from_data ("[made_up]\nstrong=thing\n", -1, "/tmp/my.rules", &error);
  ic_test_translation_end (translation);
  g_assert_null (rules);
  g_assert_cmpstr (error->message, ==, "/tmp/my.rules : [made_up] n’est pas un thème de la taxonomie");
}

static void
test_user_rules_override (void)
{
  g_autofree char *path = ic_theme_rules_get_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *mine = "# mine\n[workforce]\nlabel=People\nstrong=rota\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(IcThemeRules) rules = NULL;
  g_auto(GStrv) themes = NULL;

  /* meson test points XDG_CONFIG_HOME into the build folder; never
   * write into a real user's configuration. */
  if (g_getenv ("XDG_CONFIG_HOME") == NULL)
    {
      g_test_skip ("XDG_CONFIG_HOME is not set: run through meson test");
      return;
    }
  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_CONFIG_HOME")));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, mine, -1, &error);
  g_assert_no_error (error);

  rules = ic_theme_rules_load_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (ic_theme_rules_get_origin (rules), ==, path);
  g_assert_cmpstr (ic_theme_rules_get_label (rules, "workforce"), ==, "People");
  themes = ic_theme_rules_match (rules, "The staff rota in the duty team.");
  g_assert_cmpstr (themes[0], ==, "workforce");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_clear_object (&rules);
  rules = ic_theme_rules_load_default (&error);
  g_assert_cmpstr (ic_theme_rules_get_origin (rules), ==, "themes.rules (shipped)");
}

static void
test_assign_report (void)
{
  g_autoptr(IcThemeRules) rules = ic_theme_rules_new_shipped ();
  g_autoptr(IcReport) report = _ic_report_new ("r.txt");
  g_autoptr(IcImprovement) a = ic_improvement_new ("The sufficiency of foster homes.",
                                                   IC_ITEM_KIND_IMPROVEMENT,
                                                   IC_SCOPE_LOCAL_AUTHORITY, NULL, 0);
  g_autoptr(IcImprovement) b = ic_improvement_new ("The weather in the car park.",
                                                   IC_ITEM_KIND_IMPROVEMENT,
                                                   IC_SCOPE_LOCAL_AUTHORITY, NULL, 0);

  _ic_report_add_improvement (report, a);
  _ic_report_add_improvement (report, b);
  ic_theme_rules_assign_report (rules, report);
  /* Items never change: the report holds new ones with the themes. */
  g_clear_object (&a);
  g_clear_object (&b);
  a = g_list_model_get_item (ic_report_get_improvements (report), 0);
  b = g_list_model_get_item (ic_report_get_improvements (report), 1);
  g_assert_cmpstr (ic_improvement_get_main_theme (a), ==, "sufficiency_and_placements");
  g_assert_null (ic_improvement_get_main_theme (b));
}

/* Known confusions: care-experienced young people are care leavers; the
 * authority's own improvement plan is not a child's plan; a local name of
 * the front door is the front door, partner agencies in it or not;
 * participation and engagement are the child's voice; return home
 * interviews are not sufficiency; a care leaver's independence training
 * is not staff training, nor allegations of abuse by staff domestic
 * abuse. */
static void
test_known_confusions (void)
{
  const struct { const char *text, *main; gboolean is; } cases[] = {
    { "Support for care-experienced young people to find employment.", "care_leavers", TRUE },
    { "The pace of progress against the improvement plan.", "plans_and_planning", FALSE },
    { "Leaders' action plan to address the findings of audits.", "plans_and_planning", FALSE },
    /* "Accelerate plans to …" is the authority's plan: its object is
     * the subject. */
    { "Accelerate plans to provide a coordinated early help offer for families.", "early_help", TRUE },
    { "Accelerate plans to make full use of the electronic recording system.", "plans_and_planning", FALSE },
    { "The quality of referrals to Starting Point.", "front_door", TRUE },
    { "The frequency and quality of visits to children.", NULL, FALSE },
    /* Participation and engagement are the child's voice, not plans or
     * partnership. */
    { "Children's engagement in their plans and reviews.", "child_voice_and_identity", TRUE },
    { "The engagement of children in shaping services, with partner agencies.", "child_voice_and_identity", TRUE },
    /* Partner agencies at the front door: still the front door. */
    { "The response of partner agencies to contacts at the MASH.", "front_door", TRUE },
    /* A care leaver's independence training is not staff training. */
    { "Make sure that every care leaver has independence training in budgeting and cooking.", "care_leavers", TRUE },
  };
  /* Second themes that do not fit: a return home interview is not a home
   * (sufficiency), care-experienced is not experienced staff. */
  const struct { const char *text, *not_theme; } never[] = {
    { "Return home interviews for children missing from their placements.", "sufficiency_and_placements" },
    { "The timeliness and quality of return home interviews.", "sufficiency_and_placements" },
    { "Care-experienced young people's access to suitable accommodation.", "workforce" },
    /* Allegations of abuse by staff are the designated officer's work,
     * not abuse in the home. */
    { "Make sure allegations of abuse, ill-treatment or poor practice by professionals are handled quickly and recorded well.", "domestic_abuse" },
    { "Make sure that every care leaver has independence training in budgeting and cooking.", "workforce" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) themes = ic_theme_rules_match (ic_theme_rules_get_default (), cases[i].text);

      g_assert_nonnull (themes);
      g_assert_nonnull (themes[0]);
      if (cases[i].main != NULL)
        g_assert_true (g_str_equal (themes[0], cases[i].main) == cases[i].is);
    }
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    {
      g_auto(GStrv) themes = ic_theme_rules_match (ic_theme_rules_get_default (), never[i].text);

      g_assert_nonnull (themes[0]);
      g_assert_false (g_strv_contains ((const char * const *)themes, never[i].not_theme));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/themes/stemming", test_stemming);
  g_test_add_func ("/themes/tokenise", test_tokenise);
  g_test_add_func ("/themes/tokenise-accents", test_tokenise_accents);
  g_test_add_func ("/themes/stem-remembered", test_stem_remembered);
  g_test_add_func ("/themes/spelling-hyphens-quotes", test_spelling_hyphens_quotes);
  g_test_add_func ("/themes/explain", test_explain);
  g_test_add_func ("/themes/domain-rules", test_domain_rules);
  g_test_add_func ("/themes/invalid-rules", test_invalid_rules);
  g_test_add_func ("/themes/user-rules-override", test_user_rules_override);
  g_test_add_func ("/themes/assign-report", test_assign_report);
  g_test_add_func ("/themes/corpus-agreement", test_corpus_agreement);
  g_test_add_func ("/themes/fixture-agreement", test_fixture_agreement);
  g_test_add_func ("/themes/known-confusions", test_known_confusions);
  g_test_add_func ("/themes/theme-query", test_theme_query);
  g_test_add_func ("/themes/invalid-rules-translated", test_invalid_rules_translated);

  return g_test_run ();
}
