/* ic-window-private.h: the window's state, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-chart.h"
#include "ic-charts-view.h"
#include "ic-filter-bar.h"
#include "ic-matrix-view.h"
#include "ic-print-operation.h"
#include "ic-progress.h"
#include "ic-report-filter.h"
#include "ic-reports-view.h"
#include "ic-search-view.h"
#include "ic-session.h"
#include "ic-timeline-view.h"
#include "ic-window.h"

G_BEGIN_DECLS

struct _IcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  IcSession            *session;
  IcReportStore        *store;          /* the session's */
  IcReportFilter       *filter;
  GtkFilterListModel   *filtered;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwSplitButton       *open_button;
  GtkLabel             *announcer;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *export_revealer;
  GtkProgressBar       *export_progress;
  IcFilterBar          *filter_bar;
  IcMatrixView         *matrix_view;
  IcTimelineView       *timeline_view;
  IcChartsView         *charts_view;
  IcReportsView        *reports_view;
  IcSearchView         *search_view;
  GMenu                *recent_menu;
  /* (weak): the toast of the last correction, replaced by Undo's own */
  AdwToast             *correction_toast;

  GCancellable         *export_cancellable; /* the export being written, or NULL */
  /* For tests: also told of each step on the worker, so that a test can
   * cancel an export of a few rows at a known step, not racing it. */
  IcProgressFunc        export_step_hook;
  gpointer              export_step_hook_data;

  /* The search whose passages the exported pack quotes ("Add to Pack"
   * in the Search view), or NULL. */
  char                 *pack_evidence;
};

void      _ic_window_init_actions      (IcWindowClass *klass);
void      _ic_window_corrections_class_init (GtkWidgetClass *widget_class);
void      _ic_window_update_actions    (IcWindow      *self);
void      _ic_window_update_main_page  (IcWindow      *self);
void      _ic_window_update_recent     (IcWindow      *self);
void      _ic_window_toast             (IcWindow      *self,
                                        const char    *title);
void      _ic_window_announce          (IcWindow      *self,
                                        const char    *text);
void      _ic_window_show_failures     (IcWindow      *self);
void      _ic_window_restore_focus_after (IcWindow    *self,
                                          GtkWindow   *dialog);
void      _ic_window_load_init         (IcWindow      *self);
IcPrintOperation *_ic_window_new_print_operation (IcWindow *self,
                                                  gboolean  pack) G_GNUC_WARN_UNUSED_RESULT;
gboolean  _ic_window_export            (IcWindow      *self,
                                        GFile         *file,
                                        GError       **error);
void      _ic_window_export_async      (IcWindow      *self,
                                        GFile         *file,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
char     *_ic_window_export_name_for_format (const char *name,
                                             const char *format) G_GNUC_WARN_UNUSED_RESULT;
void      _ic_window_export_chosen     (IcWindow      *self,
                                        GFile         *file,
                                        const char    *format);
gboolean  _ic_window_export_finish     (IcWindow      *self,
                                        GAsyncResult  *result,
                                        GError       **error);
gboolean  _ic_window_write_export      (GListModel    *all,
                                        GListModel    *reports,
                                        GListModel    *failures,
                                        const char    *filters,
                                        const char    *evidence,
                                        const char    *search,
                                        const char    *path,
                                        GCancellable  *cancellable,
                                        IcProgressFunc progress,
                                        gpointer       progress_data,
                                        GError       **error);
GListModel *_ic_window_export_reports  (IcWindow      *self,
                                        const char    *path) G_GNUC_WARN_UNUSED_RESULT;
void      _ic_window_cancel_export     (IcWindow      *self);
gboolean  _ic_window_check_output      (IcWindow      *self,
                                        const char    *path,
                                        GError       **error);
gboolean  _ic_window_save_chart        (IcWindow      *self,
                                        IcChartKind    kind,
                                        const char    *path,
                                        GError       **error);
void      _ic_window_save_chart_async  (IcWindow           *self,
                                        IcChartKind         kind,
                                        GFile              *file,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean  _ic_window_save_chart_finish (IcWindow      *self,
                                        GAsyncResult  *result,
                                        GError       **error);

G_END_DECLS
