/* ic-report-private.h: setters for whoever builds a report, and the swap
 *
 * The setters are for the parser, the JSON reader and drafts; they refuse
 * a sealed (published) report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report.h"

G_BEGIN_DECLS

IcReport *_ic_report_new                    (const char         *source) G_GNUC_WARN_UNUSED_RESULT;
void      _ic_report_set_source             (IcReport           *self,
                                             const char         *source);
void      _ic_report_set_content_id         (IcReport           *self,
                                             const char         *content_id);
void      _ic_report_set_authority          (IcReport           *self,
                                             const char         *authority);
void      _ic_report_set_authority_as_printed (IcReport         *self,
                                             const char         *printed);
void      _ic_report_set_inspection_type    (IcReport           *self,
                                             IcInspectionType    type);
void      _ic_report_set_ilacs_variant      (IcReport           *self,
                                             IcIlacsVariant      variant);
void      _ic_report_set_title              (IcReport           *self,
                                             const char         *title);
void      _ic_report_set_start_date         (IcReport           *self,
                                             const GDate        *date);
void      _ic_report_set_end_date           (IcReport           *self,
                                             const GDate        *date);
void      _ic_report_set_published_date     (IcReport           *self,
                                             const GDate        *date);
void      _ic_report_set_lead_inspector     (IcReport           *self,
                                             const char         *name);
void      _ic_report_set_improvement_note   (IcReport           *self,
                                             const char         *note);
void      _ic_report_set_stated_previous    (IcReport           *self,
                                             guint               year,
                                             guint               month);
void      _ic_report_add_judgement          (IcReport           *self,
                                             IcJudgement        *judgement);
void      _ic_report_set_grade              (IcReport           *self,
                                             IcArea              area,
                                             IcGrade             grade);
void      _ic_report_add_improvement        (IcReport           *self,
                                             IcImprovement      *improvement);
void      _ic_report_set_item_themes        (IcReport           *self,
                                             guint               index,
                                             const char * const *themes);
void      _ic_report_add_strength           (IcReport           *self,
                                             const char         *strength);
void      _ic_report_add_warning            (IcReport           *self,
                                             const char         *warning);
void      _ic_report_set_damage             (IcReport           *self,
                                             IcDamage            damage);
void      _ic_report_set_pages              (IcReport           *self,
                                             const char * const *pages);
void      _ic_report_add_duplicate          (IcReport           *self,
                                             const char         *path);
void      _ic_report_mark_corrected         (IcReport           *self,
                                             const char         *field);
void      _ic_report_clear_corrected        (IcReport           *self);
void      _ic_report_set_recurrence_links   (IcReport           *self,
                                             const char * const *links);
void      _ic_report_assign                 (IcReport           *self,
                                             IcReport           *from);
void      _ic_report_changed                (IcReport           *self);

/* Published reports are sealed: their value is never written again. A
 * change is written into a draft and swapped in whole. */
void      _ic_report_seal                   (IcReport           *self);
gboolean  _ic_report_is_sealed              (IcReport           *self);
IcReport *_ic_report_edit                   (IcReport           *self) G_GNUC_WARN_UNUSED_RESULT;
void      _ic_report_commit                 (IcReport           *self,
                                             IcReport           *draft);
IcReport *_ic_report_share                  (IcReport           *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean  _ic_report_shares_value           (IcReport           *a,
                                             IcReport           *b);

typedef struct _IcSearchDoc IcSearchDoc;
void         _ic_report_take_search_doc     (IcReport           *self,
                                             IcSearchDoc        *doc);
IcSearchDoc *_ic_report_get_search_doc      (IcReport           *self);

G_END_DECLS
