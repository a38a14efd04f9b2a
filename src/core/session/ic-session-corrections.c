/* ic-session-corrections.c: the user's corrections, with one step of undo
 *
 * Corrections live in the IcCorrections file (keyed by the report's
 * content, never written into report folders) and are applied to each
 * report by the store, as it arrives and whenever a correction changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-session"

#include "config.h"

#include <string.h>

#include "ic-session-private.h"

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

/* Sets @field to @value (NULL removes the correction) and saves. */
static gboolean
set_correction (IcSession   *self,
                const char  *content_id,
                const char  *field,
                const char  *value,
                GError     **error)
{
  guint index;

  if (value == NULL)
    ic_corrections_remove (self->corrections, content_id, field);
  else if (themes_index (field, &index))
    {
      /* Themes travel as "key,key". */
      g_auto(GStrv) themes = value[0] ? g_strsplit (value, ",", -1) : g_new0 (char *, 1);

      if (!ic_corrections_set_themes (self->corrections, content_id, index,
                                      (const char * const *) themes, error))
        return FALSE;
    }
  else if (!ic_corrections_set_field (self->corrections, content_id, field, value, error))
    return FALSE;
  /* The store applied it already (IcCorrections::changed): the report
   * has a new value (the same object), and whatever shows it follows it. */
  return ic_corrections_save (self->corrections, error);
}

static void
remember_undo (IcSession  *self,
               const char *content_id,
               const char *field,
               const char *value)
{
  gboolean could_undo = self->undo_content_id != NULL;

  g_free (self->undo_content_id);
  g_free (self->undo_field);
  g_free (self->undo_value);
  self->undo_content_id = g_strdup (content_id);
  self->undo_field = g_strdup (field);
  self->undo_value = g_strdup (value);
  if (could_undo != (content_id != NULL))
    _ic_session_notify_can_undo (self);
}

static char *
grade_value (IcReport   *report,
             const char *area_key)
{
  IcArea area;
  IcGrade grade;

  if (!ic_area_from_key (area_key, &area))
    return NULL;
  grade = ic_report_get_grade (report, area);
  return g_strdup (grade == IC_GRADE_NONE ? "none" : ic_grade_to_key (grade));
}

static char *
themes_value (IcReport *report,
              guint     index)
{
  g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report), index);
  const char * const *themes = item ? ic_improvement_get_themes (item) : NULL;

  return themes ? g_strjoinv (",", (char **) themes) : g_strdup ("");
}

/* "improvements.N.recurs_from.ID.M" -> the decision the report holds for
 * that pair ("same", "different"), "carried_forward.ID.M" -> the decision
 * for that item carried forward ("different"), "carried_forward" ->
 * "none"; or NULL. */
static char *
link_value (IcReport   *report,
            const char *field)
{
  g_auto(GStrv) parts = g_strsplit (field, ".", -1);
  const char * const *links = ic_report_get_recurrence_links (report);
  g_autofree char *prefix = NULL;

  if (g_str_equal (field, "carried_forward"))
    return g_strv_contains (links, "carried none") ? g_strdup ("none") : NULL;
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "carried_forward"))
    prefix = g_strdup_printf ("carried %s %s ", parts[1], parts[2]);
  else if (g_strv_length (parts) == 5 && g_str_equal (parts[2], "recurs_from"))
    prefix = g_strdup_printf ("%s %s %s ", parts[1], parts[3], parts[4]);
  else
    return NULL;
  for (guint i = 0; links[i] != NULL; i++)
    if (g_str_has_prefix (links[i], prefix))
      return g_strdup (links[i] + strlen (prefix));
  return NULL;
}

/* The correction in force for @field, to restore on undo: NULL when the
 * field shows the parsed value. */
static char *
current_value (IcSession  *self,
               IcReport   *report,
               const char *field)
{
  g_auto(GStrv) corrected = ic_corrections_list_fields (self->corrections,
                                                        ic_report_get_content_id (report));
  guint index;

  if (corrected == NULL || !g_strv_contains ((const char * const *) corrected, field))
    return NULL;
  if (themes_index (field, &index))
    return themes_value (report, index);
  if (g_str_has_prefix (field, "improvements.") || g_str_has_prefix (field, "carried_forward"))
    return link_value (report, field);
  if (g_str_equal (field, "inspection_type"))
    return g_strdup (ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
  if (g_str_equal (field, "start_date"))
    return date_value (ic_report_get_start_date (report));
  if (g_str_equal (field, "end_date"))
    return date_value (ic_report_get_end_date (report));
  if (g_str_has_prefix (field, "grade."))
    return grade_value (report, field + strlen ("grade."));
  if (g_str_equal (field, "authority"))
    return g_strdup (ic_report_get_authority (report));
  return NULL;
}

/**
 * ic_session_load_corrections:
 *
 * Reads the user's corrections file. A file that cannot be read is kept
 * as it is and reported; the session then starts with no corrections.
 */
gboolean
ic_session_load_corrections (IcSession  *self,
                             GError    **error)
{
  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);

  return ic_corrections_load (self->corrections, error);
}

/**
 * ic_session_correct:
 * @content_id: the report's content id
 * @field: a field name of the JSON export's `corrected` array
 * @value: (nullable): the corrected value; NULL restores the parsed value
 *
 * Saves the correction, applies it to the report (a new value, swapped
 * in) and remembers what was there before for
 * ic_session_undo_correction().
 *
 * Returns: FALSE with @error set when the value cannot be a correction or
 *   the file could not be saved
 */
gboolean
ic_session_correct (IcSession   *self,
                    const char  *content_id,
                    const char  *field,
                    const char  *value,
                    GError     **error)
{
  g_autofree char *previous = NULL;
  IcReport *report;

  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  g_return_val_if_fail (content_id != NULL && field != NULL, FALSE);

  report = ic_report_store_find_content (self->store, content_id);
  if (report != NULL)
    previous = current_value (self, report, field);
  if (!set_correction (self, content_id, field, value, error))
    return FALSE;
  remember_undo (self, content_id, field, previous);
  return TRUE;
}

gboolean
ic_session_get_can_undo (IcSession *self)
{
  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);
  return self->undo_content_id != NULL;
}

/**
 * ic_session_undo_correction:
 *
 * Puts back what the last ic_session_correct() replaced: the previous
 * correction, or the parsed value. Does nothing when there is nothing to
 * undo.
 */
gboolean
ic_session_undo_correction (IcSession  *self,
                            GError    **error)
{
  g_autofree char *content_id = NULL;
  g_autofree char *field = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (IC_IS_SESSION (self), FALSE);

  if (self->undo_content_id == NULL)
    return TRUE;
  content_id = g_steal_pointer (&self->undo_content_id);
  field = g_steal_pointer (&self->undo_field);
  value = g_steal_pointer (&self->undo_value);
  _ic_session_notify_can_undo (self);
  return set_correction (self, content_id, field, value, error);
}

void
_ic_session_corrections_dispose (IcSession *self)
{
  g_clear_pointer (&self->undo_content_id, g_free);
  g_clear_pointer (&self->undo_field, g_free);
  g_clear_pointer (&self->undo_value, g_free);
}
