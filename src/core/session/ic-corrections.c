/* ic-corrections.c
 *
 * The file holds, per content id, a flat object of corrected fields:
 *
 *   { "version": 1,
 *     "reports": { "<sha256>": { "authority": "Greenwich",
 *                                "grade.leadership": "good",
 *                                "improvements.2.themes": ["workforce"] } } }
 *
 * A report keeps the values it was parsed with (its "originals") the
 * first time a correction touches it, so applying is always "originals,
 * then the corrections there are now": removing one restores the value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-corrections"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-corrections.h"
#include "ic-report-private.h"
#include "ic-themes.h"

#define FORMAT_VERSION 1
#define GRADE_PREFIX "grade."
#define ITEMS_PREFIX "improvements."
#define THEMES_SUFFIX ".themes"
#define RECURS_FROM ".recurs_from."

struct _IcCorrections
{
  GObject     parent_instance;
  char       *path;
  JsonObject *reports;   /* content id -> object of field -> value */
  char       *blocked;   /* why saving must not replace the file, or NULL */
};

G_DEFINE_FINAL_TYPE (IcCorrections, ic_corrections, G_TYPE_OBJECT)
G_DEFINE_QUARK (ic-corrections-error-quark, ic_corrections_error)
G_DEFINE_QUARK (ic-corrections-originals, originals)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);

      ic_improvement_set_themes (item, g_ptr_array_index (o->themes, i));
    }
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
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[2], "recurs_from") || parts[3][0] == '\0' ||
      !is_index (parts[1], later_index) || !is_index (parts[4], earlier_index))
    return FALSE;
  for (const char *c = parts[3]; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != ':')
      return FALSE;
  *earlier_id = g_strdup (parts[3]);
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
static gboolean
validate (const char  *field,
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
  else
    {
      g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID,
                   "“%s” is not a field that can be corrected", field);
      return FALSE;
    }

  if (!ok)
    g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_INVALID,
                 "not a valid value for “%s”", field);
  return ok;
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
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;
  g_autofree char *link = NULL;

  if (later_index >= g_list_model_get_n_items (ic_report_get_improvements (report)))
    return FALSE;
  link = g_strdup_printf ("%u %s %u %s", later_index, earlier_id, earlier_index, decision);
  g_strv_builder_addv (links, (const char **)ic_report_get_recurrence_links (report));
  g_strv_builder_add (links, link);
  built = g_strv_builder_end (links);
  _ic_report_set_recurrence_links (report, (const char * const *)built);
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
      g_autoptr(IcImprovement) item = g_list_model_get_item (ic_report_get_improvements (report), index);
      JsonArray *array = json_node_get_array (value);
      g_autoptr(GStrvBuilder) themes = g_strv_builder_new ();
      g_auto(GStrv) built = NULL;

      if (item == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (themes, json_array_get_string_element (array, i));
      built = g_strv_builder_end (themes);
      ic_improvement_set_themes (item, (const char * const *)built);
    }
  else
    return FALSE;

  return TRUE;
}

/* ---- object ---- */

static void
ic_corrections_finalize (GObject *object)
{
  IcCorrections *self = (IcCorrections *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->reports, json_object_unref);
  g_clear_pointer (&self->blocked, g_free);

  G_OBJECT_CLASS (ic_corrections_parent_class)->finalize (object);
}

static void
ic_corrections_class_init (IcCorrectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_corrections_finalize;

  /**
   * IcCorrections::changed:
   * @content_id: the report whose corrections changed
   *
   * Emitted after a correction was set or removed, so that a store can
   * apply the corrections to the report again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ic_corrections_init (IcCorrections *self)
{
  self->reports = json_object_new ();
}

char *
ic_corrections_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "inspection-compare", "corrections.json", NULL);
}

/**
 * ic_corrections_new:
 * @path: (nullable): the file, or %NULL for the user's
 *
 * Returns: (transfer full): corrections, empty until loaded
 */
IcCorrections *
ic_corrections_new (const char *path)
{
  IcCorrections *self = g_object_new (IC_TYPE_CORRECTIONS, NULL);

  self->path = path ? g_strdup (path) : ic_corrections_get_default_path ();
  return self;
}

const char *
ic_corrections_get_path (IcCorrections *self)
{
  g_return_val_if_fail (IC_IS_CORRECTIONS (self), NULL);
  return self->path;
}

guint
ic_corrections_get_n_reports (IcCorrections *self)
{
  g_return_val_if_fail (IC_IS_CORRECTIONS (self), 0);
  return json_object_get_size (self->reports);
}

/* ---- file ---- */

static gboolean
validate_document (JsonNode  *root,
                   GError   **error)
{
  g_autoptr(GList) ids = NULL;
  JsonObject *reports;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "reports") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "reports")))
    {
      g_set_error_literal (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT,
                           "no “reports” object");
      return FALSE;
    }

  reports = json_object_get_object_member (json_node_get_object (root), "reports");
  ids = json_object_get_members (reports);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *entry = json_object_get_member (reports, l->data);
      g_autoptr(GList) fields = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT,
                       "the entry for %s is not an object", (char *)l->data);
          return FALSE;
        }
      fields = json_object_get_members (json_node_get_object (entry));
      for (GList *f = fields; f != NULL; f = f->next)
        if (!validate (f->data, json_object_get_member (json_node_get_object (entry), f->data), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize len_a, len_b;

  return g_file_get_contents (a, &data_a, &len_a, NULL) &&
         g_file_get_contents (b, &data_b, &len_b, NULL) &&
         len_a == len_b && memcmp (data_a, data_b, len_a) == 0;
}

/* Copies the file aside as PATH.bak (or .bak.1 … when taken by another
 * content) before it can ever be replaced; a copy of the same content is
 * kept once, not again at every start. Returns the copy's path, or NULL. */
static char *
keep_backup (IcCorrections  *self,
             GError        **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (self->path);

  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *path = n ? g_strdup_printf ("%s.bak.%u", self->path, n)
                                : g_strconcat (self->path, ".bak", NULL);
      g_autoptr(GFile) target = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;

      if (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&path);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (same_contents (self->path, path))
        return g_steal_pointer (&path);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "too many backups");
  return NULL;
}

/* json-glib recurses once per level and a deep enough file crashes it:
 * nesting is measured first. No corrections file comes near this. */
#define MAX_DEPTH 64

static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                       "nested more than %d levels deep", MAX_DEPTH);
          return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static void
report_corrupt (IcCorrections  *self,
                const char     *reason,
                GError        **error)
{
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *backup = keep_backup (self, &copy_error);

  if (backup != NULL)
    {
      g_set_error (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT,
                   "%s: not a corrections file (%s); kept it as %s and started with no "
                   "corrections", self->path, reason, backup);
      return;
    }

  /* No copy: the file must then never be replaced by this session. */
  g_free (self->blocked);
  self->blocked = g_strdup_printf ("%s: not a corrections file (%s) and no copy could be kept "
                                   "(%s); it will not be overwritten", self->path, reason,
                                   copy_error->message);
  g_set_error_literal (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT, self->blocked);
}

/**
 * ic_corrections_load:
 *
 * Reads the file; a missing file is no corrections. A file that cannot
 * be understood is copied aside (PATH.bak) and reported in @error, and
 * the corrections start empty.
 */
gboolean
ic_corrections_load (IcCorrections  *self,
                     GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonNode *root;

  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);

  g_clear_pointer (&self->reports, json_object_unref);
  g_clear_pointer (&self->blocked, g_free);
  self->reports = json_object_new ();

  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, G_FILE_ERROR, local_error->code, "%s: %s", self->path,
                   local_error->message);
      /* Unreadable is not corrupt, but must not be replaced either. */
      self->blocked = g_strdup_printf ("%s: could not be read; it will not be overwritten",
                                       self->path);
      return FALSE;
    }

  if (!check_depth (data, length, &local_error) ||
      !json_parser_load_from_data (parser, data, length, &local_error) ||
      !validate_document (root = json_parser_get_root (parser), &local_error))
    {
      report_corrupt (self, local_error->message, error);
      return FALSE;
    }

  json_object_unref (self->reports);
  self->reports = json_object_ref (json_object_get_object_member (json_node_get_object (root),
                                                                  "reports"));
  return TRUE;
}

/* After the rename, the directory entry itself must reach the disk. */
static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * ic_corrections_save:
 *
 * Replaces the file atomically (a new file is written and synced, then
 * renamed over the old one), so a crash leaves the old or the new file
 * whole, never a mixture.
 */
gboolean
ic_corrections_save (IcCorrections  *self,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);

  if (self->blocked != NULL)
    {
      g_set_error_literal (error, IC_CORRECTIONS_ERROR, IC_CORRECTIONS_ERROR_CORRUPT, self->blocked);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "reports");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), self->reports));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  sync_directory (self->path);
  return TRUE;
}

/* ---- editing ---- */

static JsonObject *
entry_for (IcCorrections *self,
           const char    *content_id,
           gboolean       create)
{
  if (json_object_has_member (self->reports, content_id))
    return json_object_get_object_member (self->reports, content_id);
  if (!create)
    return NULL;
  json_object_set_object_member (self->reports, content_id, json_object_new ());
  return json_object_get_object_member (self->reports, content_id);
}

static gboolean
set_node (IcCorrections  *self,
          const char     *content_id,
          const char     *field,
          JsonNode       *value,
          GError        **error)
{
  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (content_id != NULL && field != NULL, FALSE);

  if (!validate (field, value, error))
    {
      json_node_unref (value);
      return FALSE;
    }
  json_object_set_member (entry_for (self, content_id, TRUE), field, value);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, content_id);
  return TRUE;
}

/**
 * ic_corrections_set_field:
 * @field: "authority", "inspection_type", a date field or "grade.AREA"
 * @value: (nullable): the corrected value: a name, a type or grade key
 *   ("none" removes a grade), an ISO date, or %NULL for "no date"
 */
gboolean
ic_corrections_set_field (IcCorrections  *self,
                          const char     *content_id,
                          const char     *field,
                          const char     *value,
                          GError        **error)
{
  JsonNode *node = json_node_alloc ();

  if (value != NULL)
    json_node_init_string (node, value);
  else
    json_node_init_null (node);
  return set_node (self, content_id, field, node, error);
}

/**
 * ic_corrections_set_themes:
 * @themes: up to three theme keys, the main one first
 */
gboolean
ic_corrections_set_themes (IcCorrections       *self,
                           const char          *content_id,
                           guint                index,
                           const char * const  *themes,
                           GError             **error)
{
  g_autofree char *field = g_strdup_printf (ITEMS_PREFIX "%u" THEMES_SUFFIX, index);
  JsonArray *array = json_array_new ();

  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    json_array_add_string_element (array, themes[i]);
  return set_node (self, content_id, field, json_node_init_array (json_node_alloc (), array), error);
}

/**
 * ic_corrections_remove:
 *
 * Takes a correction back, so that the parsed value is used again.
 *
 * Returns: %TRUE when there was such a correction
 */
gboolean
ic_corrections_remove (IcCorrections *self,
                       const char    *content_id,
                       const char    *field)
{
  JsonObject *entry;

  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);

  entry = entry_for (self, content_id, FALSE);
  if (entry == NULL || !json_object_has_member (entry, field))
    return FALSE;

  json_object_remove_member (entry, field);
  if (json_object_get_size (entry) == 0)
    json_object_remove_member (self->reports, content_id);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, content_id);
  return TRUE;
}

/**
 * ic_corrections_list_fields:
 *
 * Returns: (transfer full): the corrected fields of a report, sorted
 */
char **
ic_corrections_list_fields (IcCorrections *self,
                            const char    *content_id)
{
  JsonObject *entry = entry_for (self, content_id, FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) fields = entry ? json_object_get_members (entry) : NULL;

  fields = g_list_sort (fields, (GCompareFunc)g_strcmp0);
  for (GList *l = fields; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
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
  entry = content_id ? entry_for (self, content_id, FALSE) : NULL;
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
