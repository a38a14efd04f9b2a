/* ic-failure.h: a file that could not be read, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IC_TYPE_FAILURE (ic_failure_get_type ())

G_DECLARE_FINAL_TYPE (IcFailure, ic_failure, IC, FAILURE, GObject)

IcFailure  *ic_failure_new        (const char *source,
                                   const char *reason) G_GNUC_WARN_UNUSED_RESULT;
const char *ic_failure_get_source (IcFailure  *self);
/* The reason in English, as the JSON export keeps it. */
const char *ic_failure_get_reason (IcFailure  *self);
/* The reason in the user's language, for what a person reads. */
const char *ic_failure_get_display_reason (IcFailure *self);
/* The same for a reason given as the loader words it, in English. */
char       *ic_failure_translate_reason   (const char *reason) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
