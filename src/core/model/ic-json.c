/* ic-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-json"

#include "config.h"

#include "ic-corrections.h"
#include "ic-failure.h"
#include "ic-json.h"
#include "ic-report-private.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* "damage" is added (CONTRACT.md: change only by adding) and only to a
 * report read from a damaged file, so whole reports read as before. */
static void
add_damage (JsonBuilder *builder,
            IcDamage     damage)
{
  if (damage != IC_DAMAGE_NONE)
    add_nullable_string (builder, "damage", ic_damage_to_key (damage));
}

/* "2023-04", or "2023" when the report gives the year alone. */
static void
add_stated_previous (JsonBuilder *builder,
                     IcReport    *report)
{
  g_autofree char *text = NULL;
  guint year, month;

  if (ic_report_get_stated_previous (report, &year, &month))
    text = month != 0 ? g_strdup_printf ("%04u-%02u", year, month) : g_strdup_printf ("%04u", year);
  add_nullable_string (builder, "stated_previous_inspection", text);
}

/* JSON is UTF-8, whatever the encoding of file names. */
static void
add_path (JsonBuilder *builder,
          const char  *key,
          const char  *path)
{
  g_autofree char *utf8 = ic_path_to_utf8 (path);

  add_nullable_string (builder, key, utf8);
}

static void
add_date (JsonBuilder *builder,
          const char  *key,
          const GDate *date)
{
  g_autofree char *iso = ic_date_to_iso (date);

  add_nullable_string (builder, key, iso);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *key,
                  const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_page (JsonBuilder *builder,
          guint        page)
{
  /* "page" is absent for text files, which have no pages of their own. */
  if (page == 0)
    return;
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, page);
}

static void
add_judgements (JsonBuilder *builder,
                IcReport    *report)
{
  GListModel *judgements = ic_report_get_judgements (report);

  json_builder_set_member_name (builder, "judgements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (judgements); i++)
    {
      g_autoptr(IcJudgement) j = g_list_model_get_item (judgements, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "area");
      json_builder_add_string_value (builder, ic_area_to_key (ic_judgement_get_area (j)));
      add_nullable_string (builder, "label", ic_judgement_get_label (j));
      json_builder_set_member_name (builder, "grade");
      json_builder_add_string_value (builder, ic_grade_to_key (ic_judgement_get_grade (j)));
      add_page (builder, ic_judgement_get_page (j));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_improvements (JsonBuilder *builder,
                  IcReport    *report)
{
  GListModel *items = ic_report_get_improvements (report);

  json_builder_set_member_name (builder, "improvements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, ic_improvement_get_text (item));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ic_item_kind_to_key (ic_improvement_get_kind (item)));
      json_builder_set_member_name (builder, "scope");
      json_builder_add_string_value (builder, ic_scope_to_key (ic_improvement_get_scope (item)));
      add_nullable_string (builder, "timeframe", ic_improvement_get_timeframe (item));
      add_string_array (builder, "themes", ic_improvement_get_themes (item));
      add_page (builder, ic_improvement_get_page (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_paths (JsonBuilder        *builder,
           const char         *key,
           const char * const *paths)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *utf8 = ic_path_to_utf8 (paths[i]);

      json_builder_add_string_value (builder, utf8);
    }
  json_builder_end_array (builder);
}

/* CONTRACT.md's `corrected`: field -> the value as parsed (null when the
 * parsed value is not known, for a report read back from JSON). */
static void
add_corrected (JsonBuilder *builder,
               IcReport    *report)
{
  const char * const *fields = ic_report_get_corrected_fields (report);

  json_builder_set_member_name (builder, "corrected");
  json_builder_begin_object (builder);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      JsonNode *parsed = ic_corrections_get_parsed (report, fields[i]);

      json_builder_set_member_name (builder, fields[i]);
      if (parsed != NULL)
        json_builder_add_value (builder, parsed);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

/**
 * ic_json_report_to_node:
 *
 * Returns: (transfer full): the REPORT object of the JSON export, plus the
 *   additive keys `content_id`, `duplicates` and `corrected`
 */
JsonNode *
ic_json_report_to_node (IcReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);

  json_builder_begin_object (builder);
  add_path (builder, "source", ic_report_get_source (report));
  add_nullable_string (builder, "authority", ic_report_get_authority (report));
  add_nullable_string (builder, "authority_as_printed", ic_report_get_authority_as_printed (report));
  add_nullable_string (builder, "inspection_type",
                       ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
  add_nullable_string (builder, "ilacs_variant",
                       ic_ilacs_variant_to_key (ic_report_get_ilacs_variant (report)));
  add_nullable_string (builder, "title", ic_report_get_title (report));
  add_date (builder, "start_date", ic_report_get_start_date (report));
  add_date (builder, "end_date", ic_report_get_end_date (report));
  add_date (builder, "published_date", ic_report_get_published_date (report));
  add_nullable_string (builder, "lead_inspector", ic_report_get_lead_inspector (report));
  add_judgements (builder, report);
  add_improvements (builder, report);
  add_string_array (builder, "strengths", ic_report_get_strengths (report));
  add_string_array (builder, "warnings", ic_report_get_warnings (report));
  add_nullable_string (builder, "improvement_note", ic_report_get_improvement_note (report));
  add_damage (builder, ic_report_get_damage (report));
  add_stated_previous (builder, report);
  add_nullable_string (builder, "content_id", ic_report_get_content_id (report));
  add_paths (builder, "duplicates", ic_report_get_duplicates (report));
  add_corrected (builder, report);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static guint
get_page (JsonObject *object)
{
  gint64 page = json_object_get_int_member_with_default (object, "page", 0);

  return page > 0 && page < G_MAXINT ? (guint)page : 0;
}

static void
set_date_member (IcReport    *report,
                 JsonObject  *object,
                 const char  *key,
                 void       (*setter) (IcReport *, const GDate *))
{
  g_autoptr(GDate) date = ic_date_from_iso (get_string (object, key));

  setter (report, date);
}

static void
read_stated_previous (IcReport   *report,
                      JsonObject *object)
{
  const char *text = get_string (object, "stated_previous_inspection");
  char *end = NULL;
  guint64 year, month = 0;

  if (text == NULL)
    return;
  year = g_ascii_strtoull (text, &end, 10);
  if (*end == '-')
    month = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || year < 1000 || year > 9999 || month > 12)
    return;
  _ic_report_set_stated_previous (report, (guint) year, (guint) month);
}

static void
for_each_string (JsonObject *object,
                 const char *key,
                 IcReport   *report,
                 void      (*adder) (IcReport *, const char *))
{
  JsonNode *node = json_object_get_member (object, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        adder (report, json_node_get_string (element));
    }
}

static JsonArray *
get_array (JsonObject *object,
           const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
read_judgements (IcReport   *report,
                 JsonObject *object,
                 GError    **error)
{
  JsonArray *array = get_array (object, "judgements");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(IcJudgement) judgement = NULL;
      JsonObject *j;
      IcArea area;
      IcGrade grade;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      j = json_node_get_object (element);
      if (!ic_area_from_key (get_string (j, "area"), &area) ||
          !ic_grade_from_key (get_string (j, "grade"), &grade))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "judgement %u has an unknown area or grade", i);
          return FALSE;
        }
      judgement = ic_judgement_new (area, get_string (j, "label"), grade, get_page (j));
      _ic_report_add_judgement (report, judgement);
    }

  return TRUE;
}

static char **
read_strv (JsonObject *object,
           const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = get_array (object, key);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static gboolean
read_improvements (IcReport   *report,
                   JsonObject *object,
                   GError    **error)
{
  JsonArray *array = get_array (object, "improvements");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(IcImprovement) item = NULL;
      g_auto(GStrv) themes = NULL;
      JsonObject *o;
      IcItemKind kind;
      IcScope scope;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      o = json_node_get_object (element);
      if (get_string (o, "text") == NULL ||
          !ic_item_kind_from_key (get_string (o, "kind"), &kind) ||
          !ic_scope_from_key (get_string (o, "scope"), &scope))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "improvement %u has no text or an unknown kind or scope", i);
          return FALSE;
        }
      themes = read_strv (o, "themes");
      item = ic_improvement_new_with_themes (get_string (o, "text"), kind, scope,
                                             get_string (o, "timeframe"), get_page (o),
                                             (const char * const *)themes);
      _ic_report_add_improvement (report, item);
    }

  return TRUE;
}

/* Reads `corrected` as an object (field -> parsed value) or, as earlier
 * versions wrote it, an array of field names. */
static void
read_corrected (IcReport   *report,
                JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "corrected");
  g_autoptr(GList) fields = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      for_each_string (object, "corrected", report, _ic_report_mark_corrected);
      return;
    }
  fields = json_object_get_members (json_node_get_object (node));
  for (GList *l = fields; l != NULL; l = l->next)
    _ic_report_mark_corrected (report, l->data);
}

/**
 * ic_json_report_from_node:
 *
 * Reads back what ic_json_report_to_node() wrote.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
IcReport *
ic_json_report_from_node (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(IcReport) report = NULL;
  JsonObject *object;
  IcInspectionType type = IC_INSPECTION_TYPE_OTHER;
  IcIlacsVariant variant = IC_ILACS_VARIANT_NONE;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a report must be a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);
  report = _ic_report_new (get_string (object, "source"));
  _ic_report_set_authority (report, get_string (object, "authority"));
  _ic_report_set_authority_as_printed (report, get_string (object, "authority_as_printed"));
  ic_inspection_type_from_key (get_string (object, "inspection_type"), &type);
  _ic_report_set_inspection_type (report, type);
  ic_ilacs_variant_from_key (get_string (object, "ilacs_variant"), &variant);
  _ic_report_set_ilacs_variant (report, variant);
  _ic_report_set_title (report, get_string (object, "title"));
  set_date_member (report, object, "start_date", _ic_report_set_start_date);
  set_date_member (report, object, "end_date", _ic_report_set_end_date);
  set_date_member (report, object, "published_date", _ic_report_set_published_date);
  _ic_report_set_lead_inspector (report, get_string (object, "lead_inspector"));
  _ic_report_set_improvement_note (report, get_string (object, "improvement_note"));
  read_stated_previous (report, object);
  _ic_report_set_content_id (report, get_string (object, "content_id"));
  _ic_report_set_damage (report, ic_damage_from_key (get_string (object, "damage")));

  if (!read_judgements (report, object, error) || !read_improvements (report, object, error))
    return NULL;

  for_each_string (object, "strengths", report, _ic_report_add_strength);
  for_each_string (object, "warnings", report, _ic_report_add_warning);
  for_each_string (object, "duplicates", report, _ic_report_add_duplicate);
  read_corrected (report, object);

  return g_steal_pointer (&report);
}

/**
 * ic_json_document_new:
 * @reports: a list model of #IcReport
 * @failures: (nullable): a list model of #IcFailure
 * @recurrences: (nullable) (transfer none): a JSON array of RECURRENCE
 *
 * Returns: (transfer full): the whole JSON export document
 */
JsonNode *
ic_json_document_new (GListModel *reports,
                      GListModel *failures,
                      JsonNode   *recurrences)
{
  return ic_json_document_new_full (reports, failures, recurrences, NULL, NULL);
}

static void
add_failures (JsonBuilder *builder,
              GListModel  *failures)
{
  json_builder_begin_array (builder);
  for (guint i = 0; failures != NULL && i < g_list_model_get_n_items (failures); i++)
    {
      g_autoptr(IcFailure) failure = g_list_model_get_item (failures, i);

      json_builder_begin_object (builder);
      add_path (builder, "source", ic_failure_get_source (failure));
      /* In English whatever the locale: scripts read this export, whose
       * contract changes only by adding (CONTRACT.md), and a reason that
       * changed with the language of the machine a script runs on would
       * no longer be the one it was written against. What a person reads
       * (the window, the command line's messages, the pack) is translated
       * (ic_failure_get_display_reason()). */
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, ic_failure_get_reason (failure));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * ic_json_document_new_full:
 * @progress: (nullable): told of each report added
 *
 * ic_json_document_new(), stopped by @progress's Cancel.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when
 *   cancelled
 */
JsonNode *
ic_json_document_new_full (GListModel        *reports,
                           GListModel        *failures,
                           JsonNode          *recurrences,
                           const IcProgress  *progress,
                           GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = g_list_model_get_n_items (reports);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, PACKAGE_NAME " " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      json_builder_add_value (builder, ic_json_report_to_node (report));
      if (!ic_progress_step (progress, i + 1, n, error))
        return NULL;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "failures");
  add_failures (builder, failures);

  json_builder_set_member_name (builder, "recurrences");
  if (recurrences != NULL)
    json_builder_add_value (builder, json_node_copy (recurrences));
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
ic_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
