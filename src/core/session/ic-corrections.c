/* ic-corrections.c: applying corrections to reports
 *
 * What each field of a correction means, whether a value can correct it,
 * and how it is applied; keeping corrections (the object and its file)
 * is ic-corrections-file.c.
 *
 * A report keeps the values it was parsed with (its "originals") the
 * first time a correction touches it, so applying is always "originals,
 * then the corrections there are now": removing one restores the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-corrections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <json-glib/json-glib.h>

#include "ic-corrections-private.h"
#include "ic-report-private.h"
#include "ic-themes.h"

#define GRADE_PREFIX "grade."
#define RECURS_FROM ".recurs_from."
#define CARRIED "carried_forward"

G_DEFINE_QUARK (ic-corrections-originals, originals)

/* ---- the values a report was parsed with ---- */

typedef struct
{
  char             *authority;
  IcInspectionType  type;
  GDate            *start, *end, *published;
  IcJudgement      *judgements[IC_N_AREAS];
  GPtrArray        *themes;  /* of GStrv, one per item */
} Originals;

static void
originals_free (gpointer data)
{
  Originals *o = data;

  g_free (o->authority);
  g_clear_pointer (&o->start, g_date_free);
  g_clear_pointer (&o->end, g_date_free);
  g_clear_pointer (&o->published, g_date_free);
  for (guint a = 0; a < IC_N_AREAS; a++)
    g_clear_object (&o->judgements[a]);
  g_ptr_array_unref (o->themes);
  g_free (o);
}

static GDate *
copy_date (const GDate *date)
{
  return date != NULL ? g_date_copy (date) : NULL;
}

static Originals *
snapshot (IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);
  Originals *o = g_new0 (Originals, 1);

  o->authority = g_strdup (ic_report_get_authority (report));
  o->type = ic_report_get_inspection_type (report);
  o->start = copy_date (ic_report_get_start_date (report));
  o->end = copy_date (ic_report_get_end_date (report));
  o->published = copy_date (ic_report_get_published_date (report));
  for (guint a = 0; a < IC_N_AREAS; a++)
    {
      IcJudgement *judgement = ic_report_find_judgement (report, a);

      o->judgements[a] = judgement ? g_object_ref (judgement) : NULL;
    }
  o->themes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);

      g_ptr_array_add (o->themes, g_strdupv ((char **)ic_improvement_get_themes (item)));
    }
  return o;
}

static void
restore_grade (IcReport    *report,
               IcArea       area,
               IcJudgement *original)
{
  IcJudgement *current = ic_report_find_judgement (report, area);

  if (original == NULL)
    {
      if (current != NULL)
        _ic_report_set_grade (report, area, IC_GRADE_NONE);
    }
  else if (current == NULL)
    _ic_report_add_judgement (report, original);
  else if (ic_judgement_get_grade (current) != ic_judgement_get_grade (original))
    _ic_report_set_grade (report, area, ic_judgement_get_grade (original));
}

static void
restore (IcReport        *report,
         const Originals *o)
{
  GListModel *items = ic_report_get_improvements (report);

  _ic_report_set_authority (report, o->authority);
  _ic_report_set_inspection_type (report, o->type);
  _ic_report_set_start_date (report, o->start);
  _ic_report_set_end_date (report, o->end);
  _ic_report_set_published_date (report, o->published);
  for (guint a = 0; a < IC_N_AREAS; a++)
    restore_grade (report, a, o->judgements[a]);
  for (guint i = 0; i < o->themes->len && i < g_list_model_get_n_items (items); i++)
    _ic_report_set_item_themes (report, i, g_ptr_array_index (o->themes, i));
}

/* ---- fields ---- */

static gboolean
is_date_field (const char *field)
{
  return g_strcmp0 (field, "start_date") == 0 || g_strcmp0 (field, "end_date") == 0 ||
         g_strcmp0 (field, "published_date") == 0;
}

/* "improvements.N.themes" -> N */
static gboolean
parse_item_field (const char *field,
                  guint      *index)
{
  g_autofree char *number = NULL;
  guint64 n;

  if (!g_str_has_prefix (field, ITEMS_PREFIX) || !g_str_has_suffix (field, THEMES_SUFFIX))
    return FALSE;
  number = g_strndup (field + strlen (ITEMS_PREFIX),
                      strlen (field) - strlen (ITEMS_PREFIX) - strlen (THEMES_SUFFIX));
  if (!g_ascii_string_to_unsigned (number, 10, 0, G_MAXUINT, &n, NULL))
    return FALSE;
  *index = n;
  return TRUE;
}

static gboolean
is_index (const char *text,
          guint      *index)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &n, NULL))
    return FALSE;
  *index = n;
  return TRUE;
}

static gboolean
is_content_id (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *c = text; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != ':')
      return FALSE;
  return TRUE;
}

/* "improvements.N.recurs_from.CONTENT_ID.M": whether item N of this
 * report raises again item M of the report with CONTENT_ID. */
static gboolean
parse_link_field (const char  *field,
                  guint       *later_index,
                  char       **earlier_id,
                  guint       *earlier_index)
{
  g_auto(GStrv) parts = NULL;

  if (field == NULL || !g_str_has_prefix (field, ITEMS_PREFIX) || strstr (field, RECURS_FROM) == NULL)
    return FALSE;
  parts = g_strsplit (field, ".", -1);
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[2], "recurs_from") || !is_content_id (parts[3]) ||
      !is_index (parts[1], later_index) || !is_index (parts[4], earlier_index))
    return FALSE;
  *earlier_id = g_strdup (parts[3]);
  return TRUE;
}

/* "carried_forward.CONTENT_ID.M": whether this report's statement that
 * earlier areas remain carries item M of the report with CONTENT_ID
 * forward. */
static gboolean
parse_carried_field (const char  *field,
                     char       **earlier_id,
                     guint       *earlier_index)
{
  g_auto(GStrv) parts = NULL;

  if (field == NULL || !g_str_has_prefix (field, CARRIED "."))
    return FALSE;
  parts = g_strsplit (field, ".", -1);
  if (g_strv_length (parts) != 3 || !is_content_id (parts[1]) || !is_index (parts[2], earlier_index))
    return FALSE;
  *earlier_id = g_strdup (parts[1]);
  return TRUE;
}

static gboolean
valid_themes (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > IC_MAX_THEMES)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING ||
          !ic_theme_is_key (json_node_get_string (element)))
        return FALSE;
    }
  return TRUE;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Whether @value can correct @field; says why not in @error. */
gboolean
_ic_corrections_validate (const char  *field,
                          JsonNode    *value,
                          GError     **error)
{
  const char *text = node_string (value);
  g_autoptr(GDate) date = NULL;
  g_autofree char *earlier_id = NULL;
  IcInspectionType type;
  IcArea area;
  IcGrade grade;
  guint index, earlier_index;
  gboolean ok;

  if (g_strcmp0 (field, "authority") == 0)
    ok = !is_blank (text);
  else if (g_strcmp0 (field, "inspection_type") == 0)
    ok = text != NULL && ic_inspection_type_from_key (text, &type);
  else if (is_date_field (field))
    ok = JSON_NODE_HOLDS_NULL (value) || (date = ic_date_from_iso (text)) != NULL;
  else if (g_str_has_prefix (field, GRADE_PREFIX))
    ok = ic_area_from_key (field + strlen (GRADE_PREFIX), &area) && text != NULL &&
         (g_strcmp0 (text, "none") == 0 || ic_grade_from_key (text, &grade));
  else if (parse_item_field (field, &index))
    ok = valid_themes (value);
  else if (parse_link_field (field, &index, &earlier_id, &earlier_index))
    ok = g_strcmp0 (text, "same") == 0 || g_strcmp0 (text, "different") == 0;
  else if (g_strcmp0 (field, CARRIED) == 0)
    ok = g_strcmp0 (text, "none") == 0;
  else if (parse_carried_field (field, &earlier_id, &earlier_index))
    ok = g_strcmp0 (text, "different") == 0;
  else
    {
      g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID,
                   _("“%s” is not a field that can be corrected"), field);
      return FALSE;
    }

  if (!ok)
    g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID,
                 _("not a valid value for “%s”"), field);
  return ok;
}

/* Adds @link to the corrections of links @report holds (see
 * ic_report_get_recurrence_links()). */
static void
add_link (IcReport   *report,
          const char *link)
{
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;

  g_strv_builder_addv (links, (const char **)ic_report_get_recurrence_links (report));
  g_strv_builder_add (links, link);
  built = g_strv_builder_end (links);
  _ic_report_set_recurrence_links (report, (const char * const *)built);
}

/* A link correction goes on the later report, read by
 * ic_find_recurrences(); the earlier report may not be loaded. */
static gboolean
apply_link (IcReport   *report,
            guint       later_index,
            const char *earlier_id,
            guint       earlier_index,
            const char *decision)
{
  g_autofree char *link = NULL;

  if (later_index >= g_list_model_get_n_items (ic_report_get_improvements (report)))
    return FALSE;
  link = g_strdup_printf ("%u %s %u %s", later_index, earlier_id, earlier_index, decision);
  add_link (report, link);
  return TRUE;
}

/* A carried-forward link has no later item: the correction goes on the
 * report whose note carries, as "carried ID M different", or "carried
 * none" when the note carries nothing forward. */
static gboolean
apply_carried (IcReport   *report,
               const char *field,
               const char *decision)
{
  g_autofree char *earlier_id = NULL;
  g_autofree char *link = NULL;
  guint earlier_index;

  if (g_strcmp0 (field, CARRIED) == 0)
    link = g_strdup ("carried none");
  else if (parse_carried_field (field, &earlier_id, &earlier_index))
    link = g_strdup_printf ("carried %s %u %s", earlier_id, earlier_index, decision);
  else
    return FALSE;
  add_link (report, link);
  return TRUE;
}

/* Sets one validated field; FALSE when the report has no such item. */
static gboolean
apply_field (IcReport   *report,
             const char *field,
             JsonNode   *value)
{
  const char *text = node_string (value);
  g_autofree char *earlier_id = NULL;
  IcInspectionType type;
  IcArea area;
  IcGrade grade = IC_GRADE_NONE;
  guint index, earlier_index;

  if (parse_link_field (field, &index, &earlier_id, &earlier_index))
    return apply_link (report, index, earlier_id, earlier_index, text);
  if (g_str_has_prefix (field, CARRIED))
    return apply_carried (report, field, text);
  if (g_strcmp0 (field, "authority") == 0)
    _ic_report_set_authority (report, text);
  else if (g_strcmp0 (field, "inspection_type") == 0 && ic_inspection_type_from_key (text, &type))
    _ic_report_set_inspection_type (report, type);
  else if (is_date_field (field))
    {
      g_autoptr(GDate) date = ic_date_from_iso (text);

      if (g_strcmp0 (field, "start_date") == 0)
        _ic_report_set_start_date (report, date);
      else if (g_strcmp0 (field, "end_date") == 0)
        _ic_report_set_end_date (report, date);
      else
        _ic_report_set_published_date (report, date);
    }
  else if (g_str_has_prefix (field, GRADE_PREFIX) &&
           ic_area_from_key (field + strlen (GRADE_PREFIX), &area))
    {
      if (g_strcmp0 (text, "none") != 0)
        ic_grade_from_key (text, &grade);
      _ic_report_set_grade (report, area, grade);
    }
  else if (parse_item_field (field, &index))
    {
      JsonArray *array = json_node_get_array (value);
      g_autoptr(GStrvBuilder) themes = g_strv_builder_new ();
      g_auto(GStrv) built = NULL;

      if (index >= g_list_model_get_n_items (ic_report_get_improvements (report)))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (themes, json_array_get_string_element (array, i));
      built = g_strv_builder_end (themes);
      _ic_report_set_item_themes (report, index, (const char * const *)built);
    }
  else
    return FALSE;

  return TRUE;
}

/* The parsed values, then each correction of @entry (if any), marked. */
static void
apply_entry (IcReport        *report,
             const Originals *originals,
             JsonObject      *entry)
{
  g_autoptr(GList) fields = NULL;

  restore (report, originals);
  _ic_report_clear_corrected (report);
  if (entry == NULL)
    return;

  fields = json_object_get_members (entry);
  for (GList *l = fields; l != NULL; l = l->next)
    if (apply_field (report, l->data, json_object_get_member (entry, l->data)))
      _ic_report_mark_corrected (report, l->data);
}

/**
 * ic_corrections_apply:
 *
 * Gives @report its parsed values back and then the corrections stored
 * for its content id, marking each corrected field on the report.
 */
void
ic_corrections_apply (IcCorrections *self,
                      IcReport      *report)
{
  const char *content_id;
  Originals *originals;
  JsonObject *entry;

  g_return_if_fail (IC_IS_CORRECTIONS (self));
  g_return_if_fail (IC_IS_REPORT (report));

  content_id = ic_report_get_content_id (report);
  entry = content_id ? _ic_corrections_get_entry (self, content_id) : NULL;
  originals = g_object_get_qdata (G_OBJECT (report), originals_quark ());

  /* A report never corrected needs no copy of its values. */
  if (entry == NULL && originals == NULL)
    return;
  if (originals == NULL)
    {
      originals = snapshot (report);
      g_object_set_qdata_full (G_OBJECT (report), originals_quark (), originals, originals_free);
    }

  /* A published report is not written into: the corrected values go
   * into a draft that replaces its value whole. The parsed values stay
   * with the report itself, whichever value it has. */
  if (_ic_report_is_sealed (report))
    {
      g_autoptr(IcReport) draft = _ic_report_edit (report);

      apply_entry (draft, originals, entry);
      _ic_report_commit (report, draft);
    }
  else
    apply_entry (report, originals, entry);
}

/**
 * ic_corrections_forget_parsed:
 *
 * For a report whose parsed values were replaced (read again in
 * full): drops the parsed values kept when it was first corrected, so
 * that the next ic_corrections_apply() starts from the new ones.
 */
void
ic_corrections_forget_parsed (IcReport *report)
{
  g_return_if_fail (IC_IS_REPORT (report));
  g_object_set_qdata (G_OBJECT (report), originals_quark (), NULL);
}

/* ---- what a corrected field said as parsed ---- */

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (text ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (text != NULL)
    json_node_set_string (node, text);
  return node;
}

static JsonNode *
parsed_node (const Originals *o,
             const char      *field)
{
  IcArea area;
  guint index;

  if (g_strcmp0 (field, "authority") == 0)
    return string_node (o->authority);
  if (g_strcmp0 (field, "inspection_type") == 0)
    return string_node (ic_inspection_type_to_key (o->type));
  if (is_date_field (field))
    {
      const GDate *date = g_str_equal (field, "start_date") ? o->start
                          : g_str_equal (field, "end_date") ? o->end : o->published;
      g_autofree char *iso = ic_date_to_iso (date);

      return string_node (iso);
    }
  if (g_str_has_prefix (field, GRADE_PREFIX) && ic_area_from_key (field + strlen (GRADE_PREFIX), &area))
    return string_node (o->judgements[area] ? ic_grade_to_key (ic_judgement_get_grade (o->judgements[area])) ?: "none"
                                            : "none");
  if (parse_item_field (field, &index) && index < o->themes->len)
    {
      char **themes = g_ptr_array_index (o->themes, index);
      JsonArray *array = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
        json_array_add_string_element (array, themes[i]);
      json_node_take_array (node, array);
      return node;
    }
  return NULL;
}

/**
 * ic_corrections_get_parsed:
 * @field: a field name, as ic_report_get_corrected_fields() lists them
 *
 * Returns: (transfer full) (nullable): the value @field of @report had
 *   as parsed, in the form of the JSON export (a grade key or "none", an
 *   ISO date or null, a type key, a name, an array of theme keys); %NULL
 *   when @report keeps no parsed values (it was never corrected)
 */
JsonNode *
ic_corrections_get_parsed (IcReport   *report,
                           const char *field)
{
  Originals *originals;

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  originals = g_object_get_qdata (G_OBJECT (report), originals_quark ());
  return originals ? parsed_node (originals, field) : NULL;
}

static char *
describe_node (const char *field,
               JsonNode   *node)
{
  const char *text = node_string (node);
  IcInspectionType type;
  IcGrade grade;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("no date");
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (labels, "%s%s", i ? ", " : "",
                                ic_theme_get_label (json_array_get_string_element (array, i)));
      return labels->len ? g_string_free (g_steal_pointer (&labels), FALSE) : g_strdup ("no theme");
    }
  if (g_str_has_prefix (field, GRADE_PREFIX))
    return g_strdup (g_strcmp0 (text, "none") != 0 && ic_grade_from_key (text, &grade)
                     ? ic_grade_to_label (grade) : "no grade for this area");
  if (g_strcmp0 (field, "inspection_type") == 0 && ic_inspection_type_from_key (text, &type))
    return g_strdup (ic_inspection_type_to_label (type));
  if (is_date_field (field))
    {
      g_autoptr(GDate) date = ic_date_from_iso (text);

      return ic_date_to_display (date);
    }
  return g_strdup (text);
}

/**
 * ic_corrections_describe_parsed:
 *
 * Returns: (transfer full) (nullable): the parsed value of @field in
 *   words ("Requires improvement", "9 December 2019"), or %NULL when
 *   @report keeps no parsed values
 */
char *
ic_corrections_describe_parsed (IcReport   *report,
                                const char *field)
{
  g_autoptr(JsonNode) node = ic_corrections_get_parsed (report, field);

  return describe_node (field, node);
}

/**
 * ic_corrections_footnote:
 *
 * Returns: (transfer full): what every output says of a corrected value:
 *   "corrected by the user; the report says Requires improvement"
 */
char *
ic_corrections_footnote (IcReport   *report,
                         const char *field)
{
  g_autofree char *parsed = ic_corrections_describe_parsed (report, field);

  if (parsed == NULL)
    return g_strdup ("corrected by the user");
  return g_strdup_printf ("corrected by the user; the report says %s", parsed);
}

/**
 * ic_report_is_corrected:
 *
 * Returns: whether a user corrected @field of @report
 */
gboolean
ic_report_is_corrected (IcReport   *report,
                        const char *field)
{
  const char * const *fields = ic_report_get_corrected_fields (report);

  return fields != NULL && field != NULL && g_strv_contains (fields, field);
}
