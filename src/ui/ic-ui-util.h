/* ic-ui-util.h: words, CSS classes and accessible texts for grades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ic-report.h"

G_BEGIN_DECLS

const char *ic_ui_grade_css_class     (IcGrade   grade);
const char * const *ic_ui_no_grade_texts (void);
char       *ic_ui_cell_text           (IcReport *report,
                                       IcArea    area,
                                       IcGrade  *grade) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_ui_cell_description    (IcReport *report,
                                       IcArea    area) G_GNUC_WARN_UNUSED_RESULT;
void        ic_ui_mark_corrected_grade (IcReport  *report,
                                        IcArea     area,
                                        char     **text,
                                        char     **description);
IcGrade     ic_ui_sort_grade          (IcReport *report,
                                       IcArea    area);
gboolean    ic_ui_grade_in_scale      (IcInspectionType type,
                                       IcGrade          grade);
char       *ic_ui_month_text          (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_ui_report_date         (IcReport *report) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_ui_report_summary      (IcReport *report) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_ui_authority_text      (IcReport *report) G_GNUC_WARN_UNUSED_RESULT;
char       *ic_ui_type_text           (IcReport *report) G_GNUC_WARN_UNUSED_RESULT;
int         ic_ui_compare_authority   (gconstpointer a,
                                       gconstpointer b,
                                       gpointer      user_data);
int         ic_ui_compare_type        (gconstpointer a,
                                       gconstpointer b,
                                       gpointer      user_data);
void        ic_ui_set_grade_class     (GtkWidget *widget,
                                       IcGrade    grade);
const char *ic_ui_trim_blank_lines    (const char *text,
                                       gsize      *len);
int         ic_ui_compare_grades      (IcGrade    a,
                                       IcGrade    b);
int         ic_ui_compare_dates       (const GDate *a,
                                       const GDate *b);

G_END_DECLS

G_BEGIN_DECLS

typedef void  (*IcUiFillFunc)     (GtkListItem *item,
                                   gpointer     user_data);

void                 ic_ui_bind_report_item   (GtkListItem  *item,
                                               IcUiFillFunc  fill,
                                               gpointer      user_data);
void                 ic_ui_unbind_report_item (GtkListItem  *item);
G_END_DECLS

G_BEGIN_DECLS

void ic_ui_keep_at_top      (GtkWidget         *list,
                             GListModel        *rows,
                             GtkScrolledWindow *scrolled_window);
void ic_ui_dispose_template (GtkWidget *widget,
                             GType      widget_type);
void ic_ui_focus_first      (GtkWidget        *widget);
void ic_ui_tooltip_when_cut (GtkLabel         *label);
void ic_ui_leave_grid       (GtkWidget        *grid,
                             GtkDirectionType  direction);

G_END_DECLS
