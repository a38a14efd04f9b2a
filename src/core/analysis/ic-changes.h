/* ic-changes.h: what changed in an authority's improvement areas since
 * its previous report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ic-progress.h"
#include "ic-report.h"

G_BEGIN_DECLS

/* An item of the report raised before: @first_year is the year of the
 * earliest report that raised it; @user_linked, that a link the user
 * made to an earlier item is one of those that make it raised again;
 * @times_raised, how many times its area had been raised by this
 * report, this time included (ic_recurrence_times_raised(), the count
 * the timeline's mark says). */
typedef struct
{
  guint    index;
  guint    first_year;
  gboolean user_linked;
  guint    times_raised;
} IcRaisedAgain;

typedef struct
{
  IcReport *report;
  IcReport *previous;      /* the authority's report before, or NULL */
  GArray   *raised_again;  /* of IcRaisedAgain */
  GArray   *new_items;     /* of guint: indexes of items raised for the first time */
  GArray   *no_longer;     /* of guint: indexes of the previous report's items not raised again */
  guint     n_carried;     /* earlier items the report's statement that areas remain carries forward */
  /* The last inspection the report names (ic_report_get_stated_previous())
   * when no report of then is open: later than every report of the
   * authority open before it. Year 0: none; month 0: the year alone. */
  guint     unopened_year;
  guint     unopened_month;
} IcChanges;

void        ic_changes_free          (IcChanges   *changes);
/* Returns: (transfer full): the report's source (as its JSON names it)
 * -> #IcChanges, for every report of @reports */
GHashTable *ic_changes_compute       (GListModel  *reports,
                                      GPtrArray   *recurrences) G_GNUC_WARN_UNUSED_RESULT;
GHashTable *ic_changes_compute_with_chains (GListModel *reports,
                                            GPtrArray  *recurrences,
                                            GPtrArray  *chains) G_GNUC_WARN_UNUSED_RESULT;
IcChanges  *ic_changes_lookup        (GHashTable  *changes,
                                      IcReport    *report);
/* "Since the inspection of May 2022: 3 raised again, 2 new, 4 no longer
 * raised", or NULL for an authority's first report; then, when the last
 * inspection the report names is not open, ic_changes_describe_unopened(). */
char       *ic_changes_describe      (IcChanges   *changes) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_changes_describe_unopened (IcChanges *changes) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *ic_changes_to_json       (IcChanges   *changes) G_GNUC_WARN_UNUSED_RESULT;
/* Adds a `changes` member to each report object of an export document. */
void        ic_changes_add_to_document (JsonNode  *document,
                                        GHashTable *changes);
JsonNode   *ic_changes_export_document (GListModel *all,
                                        GListModel *selected,
                                        GListModel *failures) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *ic_changes_export_document_found (GListModel *all,
                                              GListModel *selected,
                                              GListModel *failures,
                                              GPtrArray  *found) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *ic_changes_export_document_full (GListModel        *all,
                                             GListModel        *selected,
                                             GListModel        *failures,
                                             GPtrArray         *found,
                                             const IcProgress  *progress,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcChanges, ic_changes_free)

G_END_DECLS
