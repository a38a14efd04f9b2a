/* ic-corrections-file.c: keeping corrections: the object, its file, editing
 *
 * The file holds, per content id, a flat object of corrected fields:
 *
 *   { "version": 1,
 *     "reports": { "<sha256>": { "authority": "Greenwich",
 *                                "grade.leadership": "good",
 *                                "improvements.2.themes": ["workforce"] } } }
 *
 * What a field means, and how it is applied to a report, is
 * ic-corrections.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-corrections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ic-corrections-private.h"

#define FORMAT_VERSION 1

struct _IcCorrections
{
  GObject     parent_instance;
  char       *path;
  JsonObject *reports;   /* content id -> object of field -> value */
  char       *blocked;   /* why saving must not replace the file, or NULL */
};

G_DEFINE_FINAL_TYPE (IcCorrections, ic_corrections, G_TYPE_OBJECT)
G_DEFINE_QUARK (ic-corrections-error-quark, ic_corrections_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
                           _("no “reports” object"));
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
                       _("the entry for %s is not an object"), (char *)l->data);
          return FALSE;
        }
      fields = json_object_get_members (json_node_get_object (entry));
      for (GList *f = fields; f != NULL; f = f->next)
        if (!_ic_corrections_validate (f->data, json_object_get_member (json_node_get_object (entry), f->data), error))
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
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("too many backups"));
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
                       _("nested more than %d levels deep"), MAX_DEPTH);
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
                   _("%s: not a corrections file (%s); kept it as %s and started with no "
                     "corrections"), self->path, reason, backup);
      return;
    }

  /* No copy: the file must then never be replaced by this session. */
  g_free (self->blocked);
  self->blocked = g_strdup_printf (_("%s: not a corrections file (%s) and no copy could be kept "
                                     "(%s); it will not be overwritten"), self->path, reason,
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
      self->blocked = g_strdup_printf (_("%s: could not be read; it will not be overwritten"),
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
  g_assert (IC_IS_CORRECTIONS (self));
  g_assert (content_id != NULL && field != NULL);

  if (!_ic_corrections_validate (field, value, error))
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
  JsonNode *node;

  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (content_id != NULL && field != NULL, FALSE);

  node = json_node_alloc ();
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
  g_autofree char *field = NULL;
  JsonArray *array;

  g_return_val_if_fail (IC_IS_CORRECTIONS (self), FALSE);
  g_return_val_if_fail (content_id != NULL, FALSE);

  field = g_strdup_printf (ITEMS_PREFIX "%u" THEMES_SUFFIX, index);
  array = json_array_new ();
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
/* The corrections of @content_id (field -> value), or NULL. */
JsonObject *
_ic_corrections_get_entry (IcCorrections *self,
                           const char    *content_id)
{
  return entry_for (self, content_id, FALSE);
}
