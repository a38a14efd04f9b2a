/* ic-loader.h: folders and files -> reports in an IcReportStore
 *
 * The API the window and the CLI use. Implementation: the loading work
 * (scanner, extractor, cache) in src/core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-report-store.h"

G_BEGIN_DECLS

#define IC_TYPE_LOADER (ic_loader_get_type ())

G_DECLARE_FINAL_TYPE (IcLoader, ic_loader, IC, LOADER, GObject)

/* See ic_loader_set_report_func(). */
typedef void (*IcLoaderReportFunc) (IcReport *report,
                                    gboolean  provisional,
                                    gpointer  user_data);

/* Reports and failures are added to @store in batches, on the main
 * context that called ic_loader_load_async(); "progress" is notified
 * through the n-done and n-total properties. */
IcLoader *ic_loader_new         (IcReportStore        *store) G_GNUC_WARN_UNUSED_RESULT;
void      ic_loader_load_async  (IcLoader             *self,
                                 GFile               **files,
                                 guint                 n_files,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  ic_loader_load_finish (IcLoader             *self,
                                 GAsyncResult         *result,
                                 GError              **error);
/* For the headless CLI and tests: runs the same path to completion. */
gboolean  ic_loader_load_sync   (IcLoader             *self,
                                 GFile               **files,
                                 guint                 n_files,
                                 GCancellable         *cancellable,
                                 GError              **error);
guint     ic_loader_get_n_done  (IcLoader             *self);
guint     ic_loader_get_n_total (IcLoader             *self);
gboolean  ic_loader_get_background (IcLoader        *self);
void      ic_loader_set_background (IcLoader        *self,
                                    gboolean         background);
void      ic_loader_set_progressive (IcLoader        *self,
                                     gboolean         progressive);
gboolean  ic_loader_get_progressive (IcLoader        *self);
void      ic_loader_set_index_text  (IcLoader        *self,
                                     gboolean         index_text);
void      ic_loader_set_keep_pages  (IcLoader        *self,
                                     gboolean         keep_pages);
void      ic_loader_set_report_func (IcLoader           *self,
                                     IcLoaderReportFunc  func,
                                     gpointer            user_data,
                                     GDestroyNotify      destroy);

/* Reload: the next load does not take the text extractor's own failures
 * (crash, time-out) from the cache, but reads those PDFs again. */
void      ic_loader_retry_extractor_failures (IcLoader  *self);

G_END_DECLS
