/* ic-print-operation.h: printing a view or the whole pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-chart.h"

G_BEGIN_DECLS

typedef enum
{
  IC_PRINT_SCOPE_MATRIX,
  IC_PRINT_SCOPE_TIMELINE,
  IC_PRINT_SCOPE_CHARTS,
  IC_PRINT_SCOPE_REPORTS,
  IC_PRINT_SCOPE_PACK,
  IC_PRINT_SCOPE_EVIDENCE,  /* the Search view: its passages, quoted */
} IcPrintScope;

#define IC_TYPE_PRINT_OPERATION (ic_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (IcPrintOperation, ic_print_operation, IC, PRINT_OPERATION, GtkPrintOperation)

IcPrintOperation *ic_print_operation_new        (GListModel       *reports,
                                                 GListModel       *failures,
                                                 IcPrintScope      scope) G_GNUC_WARN_UNUSED_RESULT;
IcPrintScope      ic_print_operation_get_scope  (IcPrintOperation *self);
void              ic_print_operation_set_all_reports (IcPrintOperation *self,
                                                      GListModel       *all);
void              ic_print_operation_set_filters (IcPrintOperation *self,
                                                  const char       *filters);
void              ic_print_operation_set_evidence (IcPrintOperation *self,
                                                   const char       *query);
void              ic_print_operation_set_chart  (IcPrintOperation *self,
                                                 IcChartKind       kind);
void              ic_print_operation_set_report (IcPrintOperation *self,
                                                 IcReport         *report);
/* Runs the print dialog transient for @parent; errors end in a toast. */
void              ic_print_operation_run_dialog (IcPrintOperation *self,
                                                 GtkWidget        *parent);
/* Settings and page setup live in files in the user data dir. */
char             *ic_print_operation_get_settings_path   (void) G_GNUC_WARN_UNUSED_RESULT;
char             *ic_print_operation_get_page_setup_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
