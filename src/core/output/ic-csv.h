/* ic-csv.h: the CSV exports (RFC 4180, UTF-8; README, "Command line")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-progress.h"
#include "ic-search-index.h"

G_BEGIN_DECLS

char *ic_csv_matrix       (GListModel *reports) G_GNUC_WARN_UNUSED_RESULT;
char *ic_csv_improvements (GListModel *reports) G_GNUC_WARN_UNUSED_RESULT;
/* One row per hit of a search (ic_search_run()), with its snippet. */
char *ic_csv_search       (GArray        *hits,
                           IcSearchQuery *query) G_GNUC_WARN_UNUSED_RESULT;
void  ic_csv_append_field (GString    *line,
                           const char *field);

/* The same files written to @path whole or not at all, a step of
 * @progress per report (per hit for a search); a Cancel leaves any
 * earlier file at @path as it was and no temporary file. */
gboolean ic_csv_write_matrix       (GListModel        *reports,
                                    const char        *path,
                                    const IcProgress  *progress,
                                    GError           **error);
gboolean ic_csv_write_improvements (GListModel        *reports,
                                    const char        *path,
                                    const IcProgress  *progress,
                                    GError           **error);
gboolean ic_csv_write_search       (GArray            *hits,
                                    IcSearchQuery     *query,
                                    const char        *path,
                                    const IcProgress  *progress,
                                    GError           **error);

G_END_DECLS
