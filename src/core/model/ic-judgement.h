/* ic-judgement.h: one graded judgement of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-enums.h"

G_BEGIN_DECLS

#define IC_TYPE_JUDGEMENT (ic_judgement_get_type ())

G_DECLARE_FINAL_TYPE (IcJudgement, ic_judgement, IC, JUDGEMENT, GObject)

IcJudgement *ic_judgement_new       (IcArea       area,
                                     const char  *label,
                                     IcGrade      grade,
                                     guint        page) G_GNUC_WARN_UNUSED_RESULT;
IcArea       ic_judgement_get_area  (IcJudgement *self);
const char  *ic_judgement_get_label (IcJudgement *self);
IcGrade      ic_judgement_get_grade (IcJudgement *self);
guint        ic_judgement_get_page  (IcJudgement *self);

G_END_DECLS
