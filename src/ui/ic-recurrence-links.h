/* ic-recurrence-links.h: an improvement item's recurrence links on the
 * report page, each saying why two items were linked, with Unlink, and
 * "Link to an Earlier Item…" to link an item the method did not, and on a
 * report that says earlier areas remain, what that statement carries
 * forward, each with Unlink ("carried_forward.ID.M") and "Carries
 * Nothing Forward" ("carried_forward")
 *
 * All are corrections (keyed by the later report) through win.correct and win.revert-correction, so they
 * are saved, applied and undone like any other correction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-recurrence.h"

G_BEGIN_DECLS

char      *ic_ui_recurrence_field     (const IcItemRef *earlier,
                                       const IcItemRef *later) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget *ic_ui_recurrence_link      (IcRecurrence    *recurrence,
                                       gboolean         later);
GtkWidget *ic_ui_link_earlier_button  (IcReport        *report,
                                       guint            index,
                                       GListModel      *same_authority,
                                       GPtrArray       *recurrences);
char      *ic_ui_report_name          (IcReport        *report) G_GNUC_WARN_UNUSED_RESULT;
gboolean   ic_ui_can_link_from        (IcReport        *earlier,
                                       IcReport        *report);
GtkWidget *ic_ui_carried_forward_links (IcReport      *report,
                                        GListModel    *same_authority,
                                        GPtrArray     *recurrences);

G_END_DECLS
