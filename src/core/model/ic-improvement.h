/* ic-improvement.h: one "What needs to improve" item of a report (immutable)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-enums.h"

G_BEGIN_DECLS

#define IC_TYPE_IMPROVEMENT (ic_improvement_get_type ())

G_DECLARE_FINAL_TYPE (IcImprovement, ic_improvement, IC, IMPROVEMENT, GObject)

IcImprovement      *ic_improvement_new           (const char         *text,
                                                  IcItemKind          kind,
                                                  IcScope             scope,
                                                  const char         *timeframe,
                                                  guint               page) G_GNUC_WARN_UNUSED_RESULT;
IcImprovement      *ic_improvement_new_with_themes (const char       *text,
                                                  IcItemKind          kind,
                                                  IcScope             scope,
                                                  const char         *timeframe,
                                                  guint               page,
                                                  const char * const *themes) G_GNUC_WARN_UNUSED_RESULT;
IcImprovement      *ic_improvement_with_themes   (IcImprovement      *self,
                                                  const char * const *themes) G_GNUC_WARN_UNUSED_RESULT;
const char         *ic_improvement_get_text      (IcImprovement      *self);
IcItemKind          ic_improvement_get_kind      (IcImprovement      *self);
IcScope             ic_improvement_get_scope     (IcImprovement      *self);
const char         *ic_improvement_get_timeframe (IcImprovement      *self);
guint               ic_improvement_get_page      (IcImprovement      *self);
const char * const *ic_improvement_get_themes    (IcImprovement      *self);
const char         *ic_improvement_get_main_theme(IcImprovement      *self);
gboolean            ic_improvement_has_theme     (IcImprovement      *self,
                                                  const char         *theme);

G_END_DECLS
