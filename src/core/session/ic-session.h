/* ic-session.h: the folders a user opened and everything read from them
 *
 * One IcSession is what the window presents and what the command line
 * exports: the roots (folders and files opened), the loader that reads
 * them into the store, the user's corrections with one step of undo,
 * the filter that views and exports apply, the analyses of the reports,
 * and (when watching) reading a folder again when it changes on disk.
 * It never touches GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-corrections.h"
#include "ic-filter-spec.h"
#include "ic-report-store.h"
#include "ic-theme-counts.h"

G_BEGIN_DECLS

#define IC_TYPE_SESSION (ic_session_get_type ())

G_DECLARE_FINAL_TYPE (IcSession, ic_session, IC, SESSION, GObject)

IcSession     *ic_session_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
IcReportStore *ic_session_get_store            (IcSession       *self);
IcCorrections *ic_session_get_corrections      (IcSession       *self);

/* Reading */
void           ic_session_open                 (IcSession       *self,
                                                GFile          **files,
                                                guint            n_files);
gboolean       ic_session_open_sync            (IcSession       *self,
                                                GFile          **files,
                                                guint            n_files,
                                                GCancellable    *cancellable,
                                                GError         **error);
void           ic_session_reload               (IcSession       *self);
void           ic_session_retry_extractor_failures (IcSession   *self);
void           ic_session_set_index_text       (IcSession       *self,
                                                gboolean         index_text);
void           ic_session_set_keep_pages       (IcSession       *self,
                                                gboolean         keep_pages);
void           ic_session_cancel               (IcSession       *self);
guint          ic_session_get_n_roots          (IcSession       *self);
GFile         *ic_session_get_root             (IcSession       *self,
                                                guint            index);
gboolean       ic_session_get_loading          (IcSession       *self);
guint          ic_session_get_n_done           (IcSession       *self);
guint          ic_session_get_n_total          (IcSession       *self);
gboolean       ic_session_get_background       (IcSession       *self);
void           ic_session_set_background       (IcSession       *self,
                                                gboolean         background);
gboolean       ic_session_get_watch_folders    (IcSession       *self);
void           ic_session_set_watch_folders    (IcSession       *self,
                                                gboolean         watch_folders);
IcReport      *ic_session_find_source          (IcSession       *self,
                                                const char      *source);

/* Filtering: the one filter views and exports apply. */
IcFilterSpec  *ic_session_get_filter           (IcSession       *self);
void           ic_session_set_filter           (IcSession       *self,
                                                IcFilterSpec    *filter);

/* Corrections */
gboolean       ic_session_load_corrections     (IcSession       *self,
                                                GError         **error);
gboolean       ic_session_correct              (IcSession       *self,
                                                const char      *content_id,
                                                const char      *field,
                                                const char      *value,
                                                GError         **error);
gboolean       ic_session_get_can_undo         (IcSession       *self);
gboolean       ic_session_undo_correction      (IcSession       *self,
                                                GError         **error);

/* Analysis of @reports (NULL: every report of the session) */
GPtrArray     *ic_session_find_recurrences     (IcSession       *self,
                                                GListModel      *reports) G_GNUC_WARN_UNUSED_RESULT;
IcThemeCounts *ic_session_count_themes         (IcSession       *self,
                                                GListModel      *reports,
                                                const GDate     *from,
                                                const GDate     *to,
                                                gboolean         main_only) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
