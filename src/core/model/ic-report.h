/* ic-report.h: one Ofsted report as read from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-enums.h"
#include "ic-improvement.h"
#include "ic-judgement.h"

G_BEGIN_DECLS

#define IC_TYPE_REPORT (ic_report_get_type ())

/* What is wrong with the file a report was read from, as a code: the
 * words are made from it where they are shown (ic_damage_get_reason()). */
typedef enum
{
  IC_DAMAGE_NONE,
  /* A PDF without its end (no "%%EOF"): what could be read is shown, but
   * pages, grades or items may be missing. */
  IC_DAMAGE_CUT_SHORT,
} IcDamage;

G_DECLARE_FINAL_TYPE (IcReport, ic_report, IC, REPORT, GObject)

const char         *ic_report_get_source               (IcReport   *self);
const char         *ic_report_get_content_id           (IcReport   *self);
const char         *ic_report_get_authority            (IcReport   *self);
const char         *ic_report_get_authority_as_printed (IcReport   *self);
IcInspectionType    ic_report_get_inspection_type      (IcReport   *self);
IcIlacsVariant      ic_report_get_ilacs_variant        (IcReport   *self);
const char         *ic_report_get_title                (IcReport   *self);
const GDate        *ic_report_get_start_date           (IcReport   *self);
const GDate        *ic_report_get_end_date             (IcReport   *self);
const GDate        *ic_report_get_published_date       (IcReport   *self);
const char         *ic_report_get_lead_inspector       (IcReport   *self);
const char         *ic_report_get_improvement_note     (IcReport   *self);
gboolean            ic_report_get_stated_previous      (IcReport   *self,
                                                        guint      *year,
                                                        guint      *month);
GListModel         *ic_report_get_judgements           (IcReport   *self);
GListModel         *ic_report_get_improvements         (IcReport   *self);
const char * const *ic_report_get_strengths            (IcReport   *self);
const char * const *ic_report_get_warnings             (IcReport   *self);
IcDamage            ic_report_get_damage               (IcReport   *self);
const char * const *ic_report_get_pages                (IcReport   *self);
const char * const *ic_report_get_duplicates           (IcReport   *self);
const char * const *ic_report_get_corrected_fields     (IcReport   *self);
const char * const *ic_report_get_recurrence_links     (IcReport   *self);
IcGrade             ic_report_get_grade                (IcReport   *self,
                                                        IcArea      area);
IcJudgement        *ic_report_find_judgement           (IcReport   *self,
                                                        IcArea      area);
GPtrArray          *ic_report_dup_judgements_in_area_order (IcReport *self) G_GNUC_WARN_UNUSED_RESULT;
const GDate        *ic_report_get_sort_date            (IcReport   *self);
int                 ic_report_compare                  (IcReport   *a,
                                                        IcReport   *b);

/* The JSON key of @damage ("cut_short"), NULL for none, and back. */
const char         *ic_damage_to_key                   (IcDamage     damage);
IcDamage            ic_damage_from_key                 (const char  *key);
/* Why, in English as a failure's reason is (translate with _()); NULL
 * for none. */
const char         *ic_damage_get_reason               (IcDamage     damage);

char               *ic_path_to_utf8                    (const char  *path) G_GNUC_WARN_UNUSED_RESULT;
char               *ic_date_to_iso                     (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char               *ic_date_to_display                 (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
GDate              *ic_date_from_iso                   (const char  *iso) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
