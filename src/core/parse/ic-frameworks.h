/* ic-frameworks.h: one table of Ofsted's inspection frameworks and their eras
 *
 * Every rule that differs by framework is a column of this table: how a
 * title reads, which years a row covers, which judgement areas it grades,
 * where its grades are printed, whom its items concern by default, whether
 * it is a letter, and whether care leavers are judged within children in
 * care. The parser, the drawing code and the window all ask it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

/* Where a framework prints this report's grades. */
typedef enum
{
  IC_GRADE_SOURCE_NONE,           /* not graded (letters, other reports) */
  IC_GRADE_SOURCE_TABLE,          /* a "Judgement | Grade" table on the first pages,
                                   * then the graded headings of the body */
  IC_GRADE_SOURCE_FRONT_PAGE,     /* labelled rows of the front page, the overall
                                   * judgement as a sentence, the board's sentence */
  IC_GRADE_SOURCE_SENTENCE,       /* one sentence about the board */
  IC_GRADE_SOURCE_MAIN_FINDINGS,  /* "Record of main findings" at the end, else
                                   * "Grade N (word)" lines, else sentences */
} IcGradeSource;

#define IC_AREA_BIT(area) (1u << (area))

typedef struct
{
  const char         *name;             /* "ILACS 2018–22": for people and tests */
  IcInspectionType    type;
  /* Caseless regular expressions for the title as printed; group 1, when
   * present, is the authority. A pattern that starts with "^" or ends
   * with "$" is matched against the lines as printed, the others against
   * the head of the document with its lines joined. Rows of one framework
   * share one list. NULL: the row is found by type only. */
  const char * const *title_patterns;
  /* The first and last day (ISO, inclusive) of fieldwork this row covers;
   * NULL for an open end. */
  const char         *valid_from;
  const char         *valid_until;
  guint32             graded_areas;     /* IC_AREA_BIT of each area it grades */
  guint32             expected_areas;   /* those every report of this row prints:
                                         * a missing one is warned about */
  IcGradeSource       grade_source;
  IcScope             default_scope;    /* whom its improvement items concern */
  gboolean            is_letter;        /* a letter: dated above the salutation */
  /* One judgement covers children in care and care leavers: the care
   * leavers' cell is "part of children in care", not missing. */
  gboolean            care_leavers_in_children_in_care;
} IcFramework;

/* A phrase that names a judgement area, in any framework's wording. */
typedef struct
{
  IcArea      area;
  const char *pattern;  /* a regular expression on folded (lower-case) text */
} IcAreaPhrase;

const IcFramework  *ic_frameworks_get                    (guint            *n_frameworks);
const IcFramework  *ic_framework_find                    (IcInspectionType  type,
                                                          const GDate      *date);
const IcFramework  *ic_framework_for_report              (IcReport         *report);
gboolean            ic_framework_expects_area            (IcInspectionType  type,
                                                          const GDate      *date,
                                                          IcArea            area);
gboolean            ic_inspection_type_is_letter         (IcInspectionType  type);
IcGradeSource       ic_inspection_type_grade_source      (IcInspectionType  type);
IcScope             ic_inspection_type_default_scope     (IcInspectionType  type);
gboolean            ic_report_care_leavers_in_children_in_care (IcReport   *report);
gboolean            ic_report_framework_omits_area       (IcReport         *report,
                                                          IcArea            area);

const IcAreaPhrase *ic_frameworks_area_phrases           (guint            *n_phrases);

G_END_DECLS
