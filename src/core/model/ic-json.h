/* ic-json.h: the JSON export (README, "Command line")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ic-progress.h"
#include "ic-report.h"

G_BEGIN_DECLS

JsonNode *ic_json_report_to_node    (IcReport    *report) G_GNUC_WARN_UNUSED_RESULT;
IcReport *ic_json_report_from_node  (JsonNode    *node,
                                     GError     **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *ic_json_document_new      (GListModel  *reports,
                                     GListModel  *failures,
                                     JsonNode    *recurrences) G_GNUC_WARN_UNUSED_RESULT;
JsonNode *ic_json_document_new_full (GListModel        *reports,
                                     GListModel        *failures,
                                     JsonNode          *recurrences,
                                     const IcProgress  *progress,
                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char     *ic_json_to_string         (JsonNode    *node) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
