/* ic-corrections.h: a user's corrections of parsed values, kept apart
 * from the reports and applied on every load
 *
 * Corrections are keyed by a report's content id (never its path), stored
 * in g_get_user_data_dir()/inspection-compare/corrections.json, saved
 * atomically, and reversible: removing one gives the parsed value back.
 *
 * Field names are those of the JSON export's `corrected` array:
 * "authority", "inspection_type", "start_date", "end_date",
 * "published_date", "grade.AREA" (AREA a judgement area key) and
 * "improvements.N.themes" (N the item's 0-based index), and
 * "improvements.N.recurs_from.ID.M" (whether item N raises again item M
 * of the report with content id ID: "same" links the two, "different"
 * unlinks them, whatever the method finds), "carried_forward.ID.M"
 * ("different": this report's statement that earlier areas remain does
 * not carry item M of the report with content id ID forward) and
 * "carried_forward" ("none": the statement carries nothing forward).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_CORRECTIONS_ERROR (ic_corrections_error_quark ())

typedef enum
{
  /* The corrections file is not what this app writes. */
  IC_CORRECTIONS_ERROR_CORRUPT,
  /* A field name or value that cannot be a correction. */
  IC_CORRECTIONS_ERROR_INVALID,
} IcCorrectionsError;

#define IC_TYPE_CORRECTIONS (ic_corrections_get_type ())

G_DECLARE_FINAL_TYPE (IcCorrections, ic_corrections, IC, CORRECTIONS, GObject)

GQuark         ic_corrections_error_quark       (void);
char          *ic_corrections_get_default_path  (void) G_GNUC_WARN_UNUSED_RESULT;

IcCorrections *ic_corrections_new               (const char          *path) G_GNUC_WARN_UNUSED_RESULT;
const char    *ic_corrections_get_path          (IcCorrections       *self);
gboolean       ic_corrections_load              (IcCorrections       *self,
                                                 GError             **error);
gboolean       ic_corrections_save              (IcCorrections       *self,
                                                 GError             **error);

gboolean       ic_corrections_set_field         (IcCorrections       *self,
                                                 const char          *content_id,
                                                 const char          *field,
                                                 const char          *value,
                                                 GError             **error);
gboolean       ic_corrections_set_themes        (IcCorrections       *self,
                                                 const char          *content_id,
                                                 guint                index,
                                                 const char * const  *themes,
                                                 GError             **error);
gboolean       ic_corrections_remove            (IcCorrections       *self,
                                                 const char          *content_id,
                                                 const char          *field);
char         **ic_corrections_list_fields       (IcCorrections       *self,
                                                 const char          *content_id) G_GNUC_WARN_UNUSED_RESULT;
guint          ic_corrections_get_n_reports     (IcCorrections       *self);

void           ic_corrections_apply             (IcCorrections       *self,
                                                 IcReport            *report);
void           ic_corrections_forget_parsed     (IcReport            *report);

/* The mark every output (pack, print, window) puts after a value a user
 * corrected; its footnote or tooltip is ic_corrections_footnote(). */
#define IC_CORRECTED_MARK "\u2020"

/* What a corrected field said as parsed, for outputs that mark it. */
JsonNode      *ic_corrections_get_parsed        (IcReport            *report,
                                                 const char          *field) G_GNUC_WARN_UNUSED_RESULT;
char          *ic_corrections_describe_parsed   (IcReport            *report,
                                                 const char          *field) G_GNUC_WARN_UNUSED_RESULT;
char          *ic_corrections_footnote          (IcReport            *report,
                                                 const char          *field) G_GNUC_WARN_UNUSED_RESULT;
gboolean       ic_report_is_corrected           (IcReport            *report,
                                                 const char          *field);

G_END_DECLS
