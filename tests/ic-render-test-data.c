/* ic-render-test-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ic-render-test-data.h"

/* Splits one CSV line, honouring quoted fields with commas inside. */
static GPtrArray *
split_csv (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0' && *p != '\r'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ',' && !quoted)
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_strdup (field->str));
  return fields;
}

GPtrArray *
ic_render_test_authority_names (void)
{
  const char *corpus = g_getenv ("IC_CORPUS_DIR");
  g_autofree char *path = g_build_filename (corpus ? corpus : ".", "..", "data", "la_lookup.csv", NULL);
  g_autofree char *contents = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 1; lines[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) fields = split_csv (lines[i]);

          if (fields->len > 6 && *(char *) g_ptr_array_index (fields, 6) != '\0')
            g_ptr_array_add (names, g_strdup (g_ptr_array_index (fields, 6)));
        }
    }
  for (guint i = names->len; i < 160; i++)
    g_ptr_array_add (names, g_strdup_printf ("Generated Borough Council Number %u", i));
  return names;
}

static const char *themes[] = {
  "front_door", "assessment_and_risk", "plans_and_planning", "care_leavers",
  "supervision_and_management_oversight", "child_voice_and_identity", "exploitation_and_missing",
  "sufficiency_and_placements", "quality_assurance_and_performance", "recording", "workforce",
};

static IcGrade
pick_grade (guint seed,
            guint area,
            gboolean old_scale)
{
  static const IcGrade grades[] = { IC_GRADE_GOOD, IC_GRADE_REQUIRES_IMPROVEMENT, IC_GRADE_OUTSTANDING,
                                    IC_GRADE_INADEQUATE, IC_GRADE_GOOD, IC_GRADE_REQUIRES_IMPROVEMENT };
  IcGrade grade = grades[(seed * 7 + area * 3) % G_N_ELEMENTS (grades)];

  return old_scale && grade == IC_GRADE_REQUIRES_IMPROVEMENT ? IC_GRADE_ADEQUATE : grade;
}

static void
add_grades (IcReport     *report,
            const IcArea *areas,
            guint         n,
            guint         seed,
            gboolean      old_scale)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcJudgement) judgement = ic_judgement_new (areas[i], ic_area_to_short_label (areas[i]),
                                                           pick_grade (seed, areas[i], old_scale), 0);

      _ic_report_add_judgement (report, judgement);
    }
}

static void
add_items (IcReport *report,
           guint     n,
           guint     seed)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("The quality and timeliness of the work described in point %u, "
                                               "including management oversight of decisions.", i + 1);
      /* Item 0 raises front_door in every report of even authorities: recurrences. */
      const char *item_themes[3] = {
        i == 0 && seed % 2 == 0 ? "front_door" : themes[(seed + i * 3) % G_N_ELEMENTS (themes)],
        i % 2 == 1 ? themes[(seed + i) % G_N_ELEMENTS (themes)] : NULL,
        NULL,
      };
      g_autoptr(IcImprovement) item =
        ic_improvement_new_with_themes (text, i == 0 && seed % 5 == 0 ? IC_ITEM_KIND_PRIORITY_ACTION
                                                                      : IC_ITEM_KIND_IMPROVEMENT,
                                        IC_SCOPE_LOCAL_AUTHORITY, NULL, 0, item_themes);

      _ic_report_add_improvement (report, item);
    }
}

IcReport *
ic_render_test_report (const char *authority,
                       guint       pattern,
                       guint       seed)
{
  static const IcArea ilacs_old[] = { IC_AREA_OVERALL_EFFECTIVENESS, IC_AREA_LEADERSHIP,
                                      IC_AREA_HELP_AND_PROTECTION, IC_AREA_CHILDREN_IN_CARE };
  static const IcArea ilacs_new[] = { IC_AREA_OVERALL_EFFECTIVENESS, IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                                      IC_AREA_CHILDREN_IN_CARE, IC_AREA_CARE_LEAVERS };
  static const IcArea sif[] = { IC_AREA_OVERALL_EFFECTIVENESS, IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                                IC_AREA_CHILDREN_IN_CARE, IC_AREA_CARE_LEAVERS, IC_AREA_ADOPTION, IC_AREA_LSCB };
  static const IcArea cp[] = { IC_AREA_OVERALL_EFFECTIVENESS, IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                               IC_AREA_QUALITY_OF_PRACTICE };
  static const struct { IcInspectionType type; guint day, month, year; } patterns[] = {
    { IC_INSPECTION_TYPE_ILACS, 13, 12, 2019 },
    { IC_INSPECTION_TYPE_FOCUSED_VISIT, 20, 10, 2021 },
    { IC_INSPECTION_TYPE_ILACS, 19, 7, 2024 },
    { IC_INSPECTION_TYPE_SIF, 12, 3, 2015 },
    { IC_INSPECTION_TYPE_CHILD_PROTECTION, 17, 10, 2012 },
  };
  guint p = pattern % G_N_ELEMENTS (patterns);
  g_autofree char *source = g_strdup_printf ("/reports/%s/%u-%s.pdf", authority, patterns[p].year,
                                             ic_inspection_type_to_key (patterns[p].type));
  g_autoptr(GDate) end = g_date_new_dmy (patterns[p].day - (seed % 3), patterns[p].month, patterns[p].year);
  g_autoptr(GDate) start = g_date_new_dmy (patterns[p].day - (seed % 3) - 4, patterns[p].month, patterns[p].year);
  g_autofree char *title = g_strdup_printf ("%s of %s", ic_inspection_type_to_label (patterns[p].type), authority);
  IcReport *report = _ic_report_new (source);

  _ic_report_set_authority (report, authority);
  _ic_report_set_inspection_type (report, patterns[p].type);
  _ic_report_set_title (report, title);
  _ic_report_set_start_date (report, start);
  _ic_report_set_end_date (report, end);
  if (p == 0)
    add_grades (report, ilacs_old, G_N_ELEMENTS (ilacs_old), seed, FALSE);
  else if (p == 2)
    add_grades (report, ilacs_new, G_N_ELEMENTS (ilacs_new), seed + 1, FALSE);
  else if (p == 3)
    add_grades (report, sif, G_N_ELEMENTS (sif), seed + 2, FALSE);
  else if (p == 4)
    add_grades (report, cp, G_N_ELEMENTS (cp), seed + 3, TRUE);
  add_items (report, p == 1 ? 2 : 3 + seed % 3, seed + p);
  return report;
}

GListModel *
ic_render_test_reports (guint n_reports,
                        guint per_authority)
{
  g_autoptr(GPtrArray) names = ic_render_test_authority_names ();
  GListStore *store = g_list_store_new (IC_TYPE_REPORT);

  for (guint i = 0; i < n_reports; i++)
    {
      guint authority = i / per_authority;
      /* Authorities start at different points of the cycle of report
       * kinds, so that their latest graded reports differ. */
      g_autoptr(IcReport) report = ic_render_test_report (g_ptr_array_index (names, authority % names->len),
                                                          (i % per_authority + authority) % 5, authority);

      g_list_store_append (store, report);
    }
  return G_LIST_MODEL (store);
}
