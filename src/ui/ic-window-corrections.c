/* ic-window-corrections.c: corrections made on a report page, with undo
 *
 * Corrections live in the analysis's IcCorrections file (keyed by the
 * report's content, never written into report folders) and are applied
 * to each report as it is read, by the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-window-corrections"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-window-private.h"

static IcReport *
find_by_content (IcWindow   *self,
                 const char *content_id)
{
  return ic_report_store_find_content (self->store, content_id);
}

/* "improvements.N.themes" -> N */
static gboolean
themes_index (const char *field,
              guint      *index)
{
  const char *rest;
  guint64 n;
  char *end;

  if (!g_str_has_prefix (field, "improvements.") || !g_str_has_suffix (field, ".themes"))
    return FALSE;
  rest = field + strlen ("improvements.");
  n = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || !g_str_equal (end, ".themes") || n > G_MAXUINT)
    return FALSE;
  *index = n;
  return TRUE;
}

static char *
date_value (const GDate *date)
{
  char buffer[16];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/* Sets @field to @value (NULL removes the correction), saves and applies. */
static gboolean
set_correction (IcWindow    *self,
                IcReport    *report,
                const char  *field,
                const char  *value,
                GError     **error)
{
  const char *content_id = ic_report_get_content_id (report);
  guint index;

  if (value == NULL)
    ic_corrections_remove (self->corrections, content_id, field);
  else if (themes_index (field, &index))
    {
      /* Themes travel through the action as "key,key". */
      g_auto(GStrv) themes = value[0] ? g_strsplit (value, ",", -1) : g_new0 (char *, 1);

      if (!ic_corrections_set_themes (self->corrections, content_id, index,
                                      (const char * const *) themes, error))
        return FALSE;
    }
  else if (!ic_corrections_set_field (self->corrections, content_id, field, value, error))
    return FALSE;
  /* The store applied it already (IcCorrections::changed): the report
   * changed in place, and its rows and page follow it. */
  return ic_corrections_save (self->corrections, error);
}

static void
remember_undo (IcWindow   *self,
               const char *content_id,
               const char *field,
               const char *value)
{
  g_free (self->undo_content_id);
  g_free (self->undo_field);
  g_free (self->undo_value);
  self->undo_content_id = g_strdup (content_id);
  self->undo_field = g_strdup (field);
  self->undo_value = g_strdup (value);
}

static char *
current_value (IcWindow   *self,
               IcReport   *report,
               const char *field)
{
  g_auto(GStrv) corrected = ic_corrections_list_fields (self->corrections,
                                                        ic_report_get_content_id (report));
  IcArea area;
  guint index;

  /* Undo restores what was there: no correction, or the previous one. */
  if (corrected == NULL || !g_strv_contains ((const char * const *) corrected, field))
    return NULL;
  if (themes_index (field, &index))
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report),
                                                             index);
      const char * const *themes = item ? ic_improvement_get_themes (item) : NULL;

      return themes ? g_strjoinv (",", (char **) themes) : g_strdup ("");
    }
  if (g_str_equal (field, "inspection_type"))
    return g_strdup (ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
  if (g_str_equal (field, "start_date"))
    return date_value (ic_report_get_start_date (report));
  if (g_str_equal (field, "end_date"))
    return date_value (ic_report_get_end_date (report));
  if (g_str_has_prefix (field, "grade.") && ic_area_from_key (field + 6, &area))
    {
      IcGrade grade = ic_report_get_grade (report, area);
      return g_strdup (grade == IC_GRADE_NONE ? "none" : ic_grade_to_key (grade));
    }
  if (g_str_equal (field, "authority"))
    return g_strdup (ic_report_get_authority (report));
  return NULL;
}

/* Sets or (@value NULL) removes a correction, with an Undo toast. */
static void
change_correction (IcWindow   *self,
                   const char *content_id,
                   const char *field,
                   const char *value)
{
  g_autofree char *previous = NULL;
  g_autoptr(GError) error = NULL;
  IcReport *report = find_by_content (self, content_id);
  AdwToast *toast;

  if (report == NULL)
    return;

  previous = current_value (self, report, field);
  if (!set_correction (self, report, field, value, &error))
    {
      _ic_window_toast (self, error->message);
      return;
    }
  remember_undo (self, content_id, field, previous);

  toast = adw_toast_new (value != NULL ? _("Correction saved") : _("Parsed value restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-correction");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* @param: (content id, field, value), e.g. ("…", "grade.leadership", "good") */
static void
correct_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *content_id, *field, *value;

  g_variant_get (param, "(&s&s&s)", &content_id, &field, &value);
  change_correction (IC_WINDOW (widget), content_id, field, value);
}

/* @param: (content id, field): back to the value read from the report */
static void
revert_correction_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *content_id, *field;

  g_variant_get (param, "(&s&s)", &content_id, &field);
  change_correction (IC_WINDOW (widget), content_id, field, NULL);
}

static void
undo_correction_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IcWindow *self = IC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  IcReport *report;

  if (self->undo_content_id == NULL)
    return;
  report = find_by_content (self, self->undo_content_id);
  if (report != NULL &&
      !set_correction (self, report, self->undo_field, self->undo_value, &error))
    _ic_window_toast (self, error->message);
  remember_undo (self, NULL, NULL, NULL);
}

void
_ic_window_corrections_init (IcWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->corrections = ic_corrections_new (NULL);
  if (!ic_corrections_load (self->corrections, &error))
    _ic_window_toast (self, error->message);
  /* Reports get their corrections as they arrive in the store, and again
   * whenever one changes. */
  ic_report_store_set_corrections (self->store, self->corrections);
}

void
_ic_window_corrections_dispose (IcWindow *self)
{
  g_clear_object (&self->corrections);
  remember_undo (self, NULL, NULL, NULL);
}

void
_ic_window_corrections_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.correct", "(sss)", correct_action);
  gtk_widget_class_install_action (widget_class, "win.revert-correction", "(ss)",
                                   revert_correction_action);
  gtk_widget_class_install_action (widget_class, "win.undo-correction", NULL,
                                   undo_correction_action);
}
