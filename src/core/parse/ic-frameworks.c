/* ic-frameworks.c: one table of Ofsted's inspection frameworks and their eras
 *
 * One row per framework, and per era where a framework changed what it
 * grades (ILACS: care leavers judged apart from January 2023, no overall
 * effectiveness from April 2026). Adding a framework is adding a row here,
 * with fixtures and tests (README, "The parser").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ic-frameworks.h"

#define APOS "[’'‘`]"

/* How a letter's title ends: the services, or the trust that runs them. */
#define LETTER_END "(?:(?:local authority )?children" APOS "?s? (?:social care )?services|" \
                   "children" APOS "?s (?:services )?trust|children and families trust)"

/* JTAI titles name a theme, then the area, wrapping freely (2016–19). */
static const char * const jtai_titles[] = {
  "joint targeted area inspection of the multi-agency response to [^.]{3,160}? in (?:the )?([^.\\n]{3,60}?)\\s*$",
  "joint targeted area inspection (?:of )?(?:the )?([^.\\n]{3,90}?)\\s*$",
  NULL
};

/* A letter to a trust or a council may name no services at all
 * ("Focused visit to Slough Children First"): the title is the line. */
static const char * const focused_visit_titles[] = {
  "focused visit (?:to|of|on) (?:the )?(.{3,90}?)(?:'s)? " LETTER_END,
  "^focused visit (?:to|of|on) (?:the )?([^.\\n]{3,90}?)\\s*$",
  NULL
};

static const char * const monitoring_visit_titles[] = {
  "monitoring visit (?:to|of|on) (?:the )?(.{3,90}?)(?:'s)? " LETTER_END,
  "^monitoring visit (?:to|of|on) (?:the )?([^.\\n]{3,90}?)\\s*$",
  NULL
};

/* The title runs on to "care leavers", which may wrap to its own line. */
static const char * const sif_titles[] = {
  "(?:re-?)?inspection of services for children in need of help and\\s+protection"
  "(?:,?\\s+children\\s+looked\\s+after\\s+and\\s+care\\s+leavers)?",
  NULL
};

static const char * const child_protection_titles[] = {
  "inspection of local authority arrangements for the protection of children",
  NULL
};

static const char * const slac_titles[] = {
  "inspection of safeguarding and looked after children services",
  NULL
};

static const char * const looked_after_children_titles[] = {
  "inspection of (?:local authority )?(?:services for )?looked after children(?: services)?",
  NULL
};

static const char * const lscb_review_titles[] = {
  "(?:review|inspection) of the effectiveness of the local safeguarding children\\s+board",
  NULL
};

/* "Inspection of Bournemouth, Christchurch and Poole local authority
 * children's services"; 2018–19 "Inspection of children's social care
 * services", also "… of local authority children's social care services"
 * under a line naming the authority; and a trust's own title,
 * "Inspection of X Children and Families Trust". */
static const char * const ilacs_titles[] = {
  "inspection of (?:the )?(.{3,90}?) (?:local authority )?children" APOS "?s? services",
  "inspection of (?:local authority )?children" APOS "?s (?:social care )?services",
  "^inspection of (?:the )?([^.\\n]{3,90}? children" APOS "?s? (?:and families |services )?trust)\\s*$",
  NULL
};

static const char * const contact_referral_titles[] = {
  "unannounced inspection of (?:local authority )?contact,? referral and assessment",
  NULL
};

#define B(area) IC_AREA_BIT (IC_AREA_##area)
#define ILACS_CORE (B (LEADERSHIP) | B (HELP_AND_PROTECTION) | B (CHILDREN_IN_CARE))

/* Rows are tried in this order when titles begin at the same place: the
 * more specific titles come before ILACS's "Inspection of … children's
 * services", which "Inspection of looked after children services" also
 * matches. The eras of one framework follow each other, oldest first. */
static const IcFramework frameworks[] = {
  { "Joint targeted area inspection", IC_INSPECTION_TYPE_JTAI, jtai_titles,
    "2016-01-01", NULL, 0, 0,
    IC_GRADE_SOURCE_NONE, IC_SCOPE_PARTNERSHIP, TRUE, FALSE },
  { "Focused visit", IC_INSPECTION_TYPE_FOCUSED_VISIT, focused_visit_titles,
    "2018-01-01", NULL, 0, 0,
    IC_GRADE_SOURCE_NONE, IC_SCOPE_LOCAL_AUTHORITY, TRUE, FALSE },
  { "Monitoring visit", IC_INSPECTION_TYPE_MONITORING_VISIT, monitoring_visit_titles,
    "2014-01-01", NULL, 0, 0,
    IC_GRADE_SOURCE_NONE, IC_SCOPE_LOCAL_AUTHORITY, TRUE, FALSE },
  { "Single inspection framework", IC_INSPECTION_TYPE_SIF, sif_titles,
    "2013-11-01", "2018-12-31",
    B (OVERALL_EFFECTIVENESS) | B (HELP_AND_PROTECTION) | B (CHILDREN_IN_CARE) | B (ADOPTION) |
    B (CARE_LEAVERS) | B (LEADERSHIP) | B (LSCB),
    B (OVERALL_EFFECTIVENESS) | ILACS_CORE,
    IC_GRADE_SOURCE_FRONT_PAGE, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  { "Child protection 2012–13", IC_INSPECTION_TYPE_CHILD_PROTECTION, child_protection_titles,
    "2012-01-01", "2013-12-31",
    B (OVERALL_EFFECTIVENESS) | B (HELP_AND_PROTECTION) | B (QUALITY_OF_PRACTICE) | B (LEADERSHIP), 0,
    IC_GRADE_SOURCE_MAIN_FINDINGS, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  { "Safeguarding and looked after children 2009–12", IC_INSPECTION_TYPE_SLAC, slac_titles,
    "2009-04-01", "2012-12-31",
    B (OVERALL_EFFECTIVENESS) | B (CAPACITY_TO_IMPROVE) | B (QUALITY_OF_PROVISION) | B (LEADERSHIP) |
    B (CHILDREN_IN_CARE), 0,
    IC_GRADE_SOURCE_MAIN_FINDINGS, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  { "Looked after children 2012–13", IC_INSPECTION_TYPE_LOOKED_AFTER_CHILDREN, looked_after_children_titles,
    "2012-01-01", "2013-12-31",
    B (OVERALL_EFFECTIVENESS) | B (CAPACITY_TO_IMPROVE) | B (OUTCOMES_FOR_LOOKED_AFTER_CHILDREN) |
    B (QUALITY_OF_PROVISION) | B (LEADERSHIP), 0,
    IC_GRADE_SOURCE_MAIN_FINDINGS, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  { "LSCB review", IC_INSPECTION_TYPE_LSCB_REVIEW, lscb_review_titles,
    "2013-11-01", "2018-12-31", B (LSCB), B (LSCB),
    IC_GRADE_SOURCE_SENTENCE, IC_SCOPE_LSCB, FALSE, FALSE },
  { "ILACS 2018–22", IC_INSPECTION_TYPE_ILACS, ilacs_titles,
    "2018-01-01", "2022-12-31",
    B (OVERALL_EFFECTIVENESS) | ILACS_CORE, B (OVERALL_EFFECTIVENESS) | ILACS_CORE,
    IC_GRADE_SOURCE_TABLE, IC_SCOPE_LOCAL_AUTHORITY, FALSE, TRUE },
  { "ILACS 2023–26", IC_INSPECTION_TYPE_ILACS, ilacs_titles,
    "2023-01-01", "2026-03-31",
    B (OVERALL_EFFECTIVENESS) | ILACS_CORE | B (CARE_LEAVERS),
    B (OVERALL_EFFECTIVENESS) | ILACS_CORE | B (CARE_LEAVERS),
    IC_GRADE_SOURCE_TABLE, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  /* The single overall grade was dropped for inspections from April 2026. */
  { "ILACS April 2026–", IC_INSPECTION_TYPE_ILACS, ilacs_titles,
    "2026-04-01", NULL,
    ILACS_CORE | B (CARE_LEAVERS), ILACS_CORE | B (CARE_LEAVERS),
    IC_GRADE_SOURCE_TABLE, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
  { "Contact, referral and assessment 2009–12", IC_INSPECTION_TYPE_OTHER, contact_referral_titles,
    "2009-01-01", "2012-12-31", 0, 0,
    IC_GRADE_SOURCE_NONE, IC_SCOPE_LOCAL_AUTHORITY, FALSE, FALSE },
};

#undef B

/* Every framework's wording of the judgement areas, longest first where
 * one phrase begins another. */
static const IcAreaPhrase area_phrases[] = {
  { IC_AREA_CHILDREN_IN_CARE, "the experiences and progress of children in care and care leavers" },
  /* Some 2025–26 tables print "… progress of children care leavers". */
  { IC_AREA_CARE_LEAVERS, "(?:the )?experiences and progress of (?:children )?care leavers" },
  { IC_AREA_CHILDREN_IN_CARE, "(?:the )?experiences and progress of children in care" },
  { IC_AREA_CHILDREN_IN_CARE, "children looked after and achieving permanence" },
  { IC_AREA_HELP_AND_PROTECTION, "(?:(?:the )?experiences and progress of )?children who need help and protection" },
  { IC_AREA_HELP_AND_PROTECTION, "the effectiveness of the help and protection provided to children,? young people,? families and carers" },
  { IC_AREA_LEADERSHIP, "the impact of leaders on (?:social work )?practice with children and families" },
  { IC_AREA_LEADERSHIP, "leadership,? management and governance" },
  { IC_AREA_LEADERSHIP, "leadership and governance" },
  { IC_AREA_LEADERSHIP, "leadership and management" },
  { IC_AREA_OVERALL_EFFECTIVENESS, "overall effectiveness" },
  { IC_AREA_ADOPTION, "adoption performance" },
  { IC_AREA_QUALITY_OF_PRACTICE, "the quality of practice" },
  { IC_AREA_CAPACITY_TO_IMPROVE, "capacity (?:to improve|for improvement)" },
  { IC_AREA_OUTCOMES_FOR_LOOKED_AFTER_CHILDREN, "outcomes for looked after children(?: and young people)?" },
  { IC_AREA_QUALITY_OF_PROVISION, "quality of provision" },
  { IC_AREA_LSCB, "the effectiveness of the (?:local safeguarding children board|lscb)(?: \\(lscb\\))?" },
};

/**
 * ic_frameworks_get:
 * @n_frameworks: (out): the number of rows
 *
 * Returns: the table, in the order titles are tried
 */
const IcFramework *
ic_frameworks_get (guint *n_frameworks)
{
  *n_frameworks = G_N_ELEMENTS (frameworks);
  return frameworks;
}

const IcAreaPhrase *
ic_frameworks_area_phrases (guint *n_phrases)
{
  *n_phrases = G_N_ELEMENTS (area_phrases);
  return area_phrases;
}

/* ISO dates compare as strings. */
static gboolean
starts_after (const char  *from,
              const GDate *date)
{
  g_autofree char *iso = ic_date_to_iso (date);

  return from != NULL && iso != NULL && strcmp (iso, from) < 0;
}

/**
 * ic_framework_find:
 * @date: (nullable): the first day of fieldwork
 *
 * Returns: (nullable): the row of @type whose era holds @date: before the
 *   first era, the first; without a date, the first row of the type.
 *   %NULL for a type the table does not know.
 */
const IcFramework *
ic_framework_find (IcInspectionType  type,
                   const GDate      *date)
{
  const IcFramework *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (frameworks); i++)
    {
      if (frameworks[i].type != type)
        continue;
      if (found != NULL && (date == NULL || starts_after (frameworks[i].valid_from, date)))
        break;
      found = &frameworks[i];
    }
  return found;
}

/* The era is the fieldwork's; a report without visit dates goes by the
 * date it is sorted at. */
const IcFramework *
ic_framework_for_report (IcReport *report)
{
  const GDate *date = ic_report_get_start_date (report);

  if (date == NULL)
    date = ic_report_get_sort_date (report);
  return ic_framework_find (ic_report_get_inspection_type (report), date);
}

/**
 * ic_framework_expects_area:
 * @date: (nullable): the first day of fieldwork
 *
 * Whether every report of @type dated @date prints a grade for @area.
 * Without a date, only what every era of the type prints is expected.
 */
gboolean
ic_framework_expects_area (IcInspectionType  type,
                           const GDate      *date,
                           IcArea            area)
{
  gboolean any = FALSE;

  if (date != NULL)
    {
      const IcFramework *framework = ic_framework_find (type, date);

      return framework != NULL && (framework->expected_areas & IC_AREA_BIT (area)) != 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (frameworks); i++)
    {
      if (frameworks[i].type != type)
        continue;
      if ((frameworks[i].expected_areas & IC_AREA_BIT (area)) == 0)
        return FALSE;
      any = TRUE;
    }
  return any;
}

gboolean
ic_inspection_type_is_letter (IcInspectionType type)
{
  const IcFramework *framework = ic_framework_find (type, NULL);

  return framework != NULL && framework->is_letter;
}

IcGradeSource
ic_inspection_type_grade_source (IcInspectionType type)
{
  const IcFramework *framework = ic_framework_find (type, NULL);

  return framework != NULL ? framework->grade_source : IC_GRADE_SOURCE_NONE;
}

IcScope
ic_inspection_type_default_scope (IcInspectionType type)
{
  const IcFramework *framework = ic_framework_find (type, NULL);

  return framework != NULL ? framework->default_scope : IC_SCOPE_LOCAL_AUTHORITY;
}

/**
 * ic_report_care_leavers_in_children_in_care:
 *
 * Returns: whether @report's framework judges care leavers within
 *   children in care, and @report has that judgement and no care leavers'
 *   own: its care leavers' cell is "part of children in care"
 */
gboolean
ic_report_care_leavers_in_children_in_care (IcReport *report)
{
  const IcFramework *framework = ic_framework_for_report (report);

  return framework != NULL && framework->care_leavers_in_children_in_care &&
         ic_report_find_judgement (report, IC_AREA_CHILDREN_IN_CARE) != NULL &&
         ic_report_find_judgement (report, IC_AREA_CARE_LEAVERS) == NULL;
}

/**
 * ic_report_framework_omits_area:
 *
 * Whether @report's framework grades other areas but not @area: an ILACS
 * inspection from April 2026 has no overall effectiveness, by design,
 * where an older one missing it would be a report not read in full.
 */
gboolean
ic_report_framework_omits_area (IcReport *report,
                                IcArea    area)
{
  const IcFramework *framework = ic_framework_for_report (report);

  return framework != NULL && framework->graded_areas != 0 &&
         (framework->graded_areas & IC_AREA_BIT (area)) == 0;
}
