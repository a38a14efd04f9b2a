/* ic-filter-spec.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-filter-spec"

#include "config.h"

#include <glib/gi18n.h>

#include "ic-authorities.h"
#include "ic-filter-spec.h"

struct _IcFilterSpec
{
  GObject  parent_instance;

  char   **authorities;  /* canonical names */
  char    *region;       /* as the authority data spells it */
  char    *peers_of;     /* canonical name */
  char   **peer_group;   /* peers_of and its neighbours */
  char   **types;        /* type keys */
  char    *search;       /* casefolded */
  int      from_year;
  int      to_year;
  gboolean latest;
};

G_DEFINE_FINAL_TYPE (IcFilterSpec, ic_filter_spec, G_TYPE_OBJECT)
G_DEFINE_QUARK (ic-filter-spec-error-quark, ic_filter_spec_error)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ic_filter_spec_finalize (GObject *object)
{
  IcFilterSpec *self = IC_FILTER_SPEC (object);

  g_strfreev (self->authorities);
  g_free (self->region);
  g_free (self->peers_of);
  g_strfreev (self->peer_group);
  g_strfreev (self->types);
  g_free (self->search);

  G_OBJECT_CLASS (ic_filter_spec_parent_class)->finalize (object);
}

static void
ic_filter_spec_class_init (IcFilterSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_filter_spec_finalize;

  /**
   * IcFilterSpec::changed:
   *
   * Emitted once for every change of a criterion.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ic_filter_spec_init (IcFilterSpec *self)
{
}

IcFilterSpec *
ic_filter_spec_new (void)
{
  return g_object_new (IC_TYPE_FILTER_SPEC, NULL);
}

static void
changed (IcFilterSpec *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
ic_filter_spec_equal (IcFilterSpec *a,
                      IcFilterSpec *b)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (a), FALSE);
  g_return_val_if_fail (IC_IS_FILTER_SPEC (b), FALSE);

  return strv_equal (a->authorities, b->authorities) &&
         g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->peers_of, b->peers_of) == 0 &&
         strv_equal (a->types, b->types) &&
         g_strcmp0 (a->search, b->search) == 0 &&
         a->from_year == b->from_year && a->to_year == b->to_year &&
         a->latest == b->latest;
}

/**
 * ic_filter_spec_assign:
 *
 * Gives @self the criteria of @from; emits ::changed once when they differ.
 */
void
ic_filter_spec_assign (IcFilterSpec *self,
                       IcFilterSpec *from)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));
  g_return_if_fail (IC_IS_FILTER_SPEC (from));

  if (self == from || ic_filter_spec_equal (self, from))
    return;

  g_strfreev (self->authorities);
  self->authorities = g_strdupv (from->authorities);
  g_free (self->region);
  self->region = g_strdup (from->region);
  g_free (self->peers_of);
  self->peers_of = g_strdup (from->peers_of);
  g_strfreev (self->peer_group);
  self->peer_group = g_strdupv (from->peer_group);
  g_strfreev (self->types);
  self->types = g_strdupv (from->types);
  g_free (self->search);
  self->search = g_strdup (from->search);
  self->from_year = from->from_year;
  self->to_year = from->to_year;
  self->latest = from->latest;
  changed (self);
}

IcFilterSpec *
ic_filter_spec_copy (IcFilterSpec *self)
{
  IcFilterSpec *copy = ic_filter_spec_new ();

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), copy);
  ic_filter_spec_assign (copy, self);
  return copy;
}

/* Adds @value unless present; returns whether it was added. */
static gboolean
strv_add (char       ***strv,
          const char   *value)
{
  guint n = *strv ? g_strv_length (*strv) : 0;

  if (*strv != NULL && g_strv_contains ((const char * const *) *strv, value))
    return FALSE;
  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
  return TRUE;
}

static const IcAuthority *
resolve_authority (const char  *name,
                   GError     **error)
{
  const IcAuthority *authority = ic_authorities_lookup (name);

  if (authority == NULL)
    g_set_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_UNKNOWN,
                 _("“%s” is not an authority the authority table knows"), name);
  return authority;
}

gboolean
ic_filter_spec_add_authority (IcFilterSpec  *self,
                              const char    *name,
                              GError       **error)
{
  const IcAuthority *authority;

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  authority = resolve_authority (name, error);
  if (authority == NULL)
    return FALSE;
  if (strv_add (&self->authorities, ic_authority_get_name (authority)))
    changed (self);
  return TRUE;
}

void
ic_filter_spec_clear_authorities (IcFilterSpec *self)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));

  if (self->authorities == NULL)
    return;
  g_clear_pointer (&self->authorities, g_strfreev);
  changed (self);
}

const char * const *
ic_filter_spec_get_authorities (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return (const char * const *) self->authorities;
}

/* The region's spelling in the authority data, or NULL. */
static const char *
find_region (const char *name)
{
  GPtrArray *all = ic_authorities_get_all ();

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const char *region = ic_authority_get_region (g_ptr_array_index (all, i));

      if (region != NULL && region[0] != '\0' && g_ascii_strcasecmp (region, name) == 0)
        return region;
    }
  return NULL;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

gboolean
ic_filter_spec_set_region (IcFilterSpec  *self,
                           const char    *region,
                           GError       **error)
{
  const char *known = NULL;

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);

  if (!is_blank (region))
    {
      known = find_region (region);
      if (known == NULL)
        {
          g_set_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_UNKNOWN,
                       _("“%s” is not a region of the authority table"), region);
          return FALSE;
        }
    }
  if (g_strcmp0 (self->region, known) == 0)
    return TRUE;
  g_free (self->region);
  self->region = g_strdup (known);
  changed (self);
  return TRUE;
}

const char *
ic_filter_spec_get_region (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return self->region;
}

static char **
peer_group (const IcAuthority *authority)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *neighbours = ic_authority_get_neighbours (authority);

  g_strv_builder_add (builder, ic_authority_get_name (authority));
  for (guint i = 0; neighbours != NULL && i < neighbours->len; i++)
    g_strv_builder_add (builder, ic_authority_get_name (g_ptr_array_index (neighbours, i)));
  return g_strv_builder_end (builder);
}

gboolean
ic_filter_spec_set_peers_of (IcFilterSpec  *self,
                             const char    *name,
                             GError       **error)
{
  const IcAuthority *authority = NULL;

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);

  if (!is_blank (name))
    {
      authority = resolve_authority (name, error);
      if (authority == NULL)
        return FALSE;
    }
  if (g_strcmp0 (self->peers_of, authority ? ic_authority_get_name (authority) : NULL) == 0)
    return TRUE;

  g_free (self->peers_of);
  g_clear_pointer (&self->peer_group, g_strfreev);
  self->peers_of = authority ? g_strdup (ic_authority_get_name (authority)) : NULL;
  self->peer_group = authority ? peer_group (authority) : NULL;
  changed (self);
  return TRUE;
}

const char *
ic_filter_spec_get_peers_of (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return self->peers_of;
}

const char * const *
ic_filter_spec_get_peer_group (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return (const char * const *) self->peer_group;
}

gboolean
ic_filter_spec_add_type (IcFilterSpec  *self,
                         const char    *key,
                         GError       **error)
{
  IcInspectionType type;

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!ic_inspection_type_from_key (key, &type))
    {
      g_set_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_UNKNOWN,
                   _("“%s” is not a report type: use ilacs, focused_visit, monitoring_visit, jtai, sif, "
                     "lscb_review, child_protection, looked_after_children, slac or other"), key);
      return FALSE;
    }
  if (strv_add (&self->types, key))
    changed (self);
  return TRUE;
}

void
ic_filter_spec_clear_types (IcFilterSpec *self)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));

  if (self->types == NULL)
    return;
  g_clear_pointer (&self->types, g_strfreev);
  changed (self);
}

const char * const *
ic_filter_spec_get_types (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return (const char * const *) self->types;
}

void
ic_filter_spec_set_search (IcFilterSpec *self,
                           const char   *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (IC_IS_FILTER_SPEC (self));

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] != '\0')
        folded = g_utf8_casefold (stripped, -1);
    }
  if (g_strcmp0 (self->search, folded) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  changed (self);
}

const char *
ic_filter_spec_get_search (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);
  return self->search;
}

static void
set_int (IcFilterSpec *self,
         int          *field,
         int           value)
{
  if (*field == value)
    return;
  *field = value;
  changed (self);
}

void
ic_filter_spec_set_from_year (IcFilterSpec *self,
                              int           year)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));
  set_int (self, &self->from_year, MAX (year, 0));
}

int
ic_filter_spec_get_from_year (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), 0);
  return self->from_year;
}

void
ic_filter_spec_set_to_year (IcFilterSpec *self,
                            int           year)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));
  set_int (self, &self->to_year, MAX (year, 0));
}

int
ic_filter_spec_get_to_year (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), 0);
  return self->to_year;
}

void
ic_filter_spec_set_latest (IcFilterSpec *self,
                           gboolean      latest)
{
  g_return_if_fail (IC_IS_FILTER_SPEC (self));
  set_int (self, &self->latest, !!latest);
}

gboolean
ic_filter_spec_get_latest (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);
  return self->latest;
}

void
ic_filter_spec_reset (IcFilterSpec *self)
{
  g_autoptr(IcFilterSpec) empty = ic_filter_spec_new ();

  g_return_if_fail (IC_IS_FILTER_SPEC (self));
  ic_filter_spec_assign (self, empty);
}

gboolean
ic_filter_spec_is_empty (IcFilterSpec *self)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), TRUE);

  return self->authorities == NULL && self->region == NULL && self->peers_of == NULL &&
         self->types == NULL && self->search == NULL && self->from_year == 0 &&
         self->to_year == 0 && !self->latest;
}

gboolean
ic_filter_spec_check (IcFilterSpec  *self,
                      GError       **error)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);

  if (self->from_year != 0 && self->to_year != 0 && self->to_year < self->from_year)
    {
      g_set_error (error, IC_FILTER_SPEC_ERROR, IC_FILTER_SPEC_ERROR_INVALID,
                   _("the years run from %d to %d: no report can be in both"),
                   self->from_year, self->to_year);
      return FALSE;
    }
  return TRUE;
}

/* Matching ---------------------------------------------------------------- */

static gboolean
match_search (IcFilterSpec *self,
              IcReport     *report)
{
  g_autofree char *name = NULL;
  g_autofree char *printed = NULL;

  if (self->search == NULL)
    return TRUE;

  name = g_utf8_casefold (ic_report_get_authority (report) ?: "", -1);
  if (strstr (name, self->search) != NULL)
    return TRUE;
  printed = g_utf8_casefold (ic_report_get_authority_as_printed (report) ?: "", -1);
  return strstr (printed, self->search) != NULL;
}

static gboolean
match_year (IcFilterSpec *self,
            IcReport     *report)
{
  const GDate *date = ic_report_get_sort_date (report);
  int year;

  if (self->from_year == 0 && self->to_year == 0)
    return TRUE;
  /* A report without any date cannot be placed in a range. */
  if (date == NULL || !g_date_valid (date))
    return FALSE;

  year = g_date_get_year (date);
  return (self->from_year == 0 || year >= self->from_year) &&
         (self->to_year == 0 || year <= self->to_year);
}

static gboolean
in_strv (char       **strv,
         const char  *value)
{
  return value != NULL && g_strv_contains ((const char * const *) strv, value);
}

static gboolean
match_authority (IcFilterSpec *self,
                 IcReport     *report)
{
  const char *authority = ic_report_get_authority (report);

  if (self->authorities != NULL && !in_strv (self->authorities, authority))
    return FALSE;
  if (self->peer_group != NULL && !in_strv (self->peer_group, authority))
    return FALSE;
  if (self->region != NULL)
    {
      /* Reports carry canonical names; the lookup also takes other forms. */
      const IcAuthority *known = authority ? ic_authorities_lookup (authority) : NULL;

      if (known == NULL || g_strcmp0 (ic_authority_get_region (known), self->region) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
ic_filter_spec_matches (IcFilterSpec *self,
                        IcReport     *report)
{
  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), FALSE);
  g_return_val_if_fail (IC_IS_REPORT (report), FALSE);

  if (self->types != NULL &&
      !in_strv (self->types, ic_inspection_type_to_key (ic_report_get_inspection_type (report))))
    return FALSE;

  return match_year (self, report) && match_authority (self, report) && match_search (self, report);
}

/**
 * ic_report_is_graded:
 *
 * Returns: whether @report gives at least one grade
 */
gboolean
ic_report_is_graded (IcReport *report)
{
  for (guint a = 0; a < IC_N_AREAS; a++)
    if (ic_report_get_grade (report, a) != IC_GRADE_NONE)
      return TRUE;
  return FALSE;
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return g_date_compare (a, b);
}

/**
 * ic_filter_spec_latest_set:
 *
 * Returns: (transfer full): a set of the reports of @reports that match
 *   and are their authority's latest graded ones (with "latest" off too)
 */
GHashTable *
ic_filter_spec_latest_set (IcFilterSpec *self,
                           GListModel   *reports)
{
  g_autoptr(GHashTable) latest_date = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *set = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), set);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      const char *authority = ic_report_get_authority (report);
      const GDate *date = ic_report_get_sort_date (report);
      const GDate *best;

      if (authority == NULL || !ic_report_is_graded (report) || !ic_filter_spec_matches (self, report))
        continue;
      best = g_hash_table_lookup (latest_date, authority);
      if (best == NULL || compare_dates (date, best) > 0)
        g_hash_table_insert (latest_date, (gpointer) authority, (gpointer) date);
      g_ptr_array_add (candidates, g_steal_pointer (&report));
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      IcReport *report = g_ptr_array_index (candidates, i);

      if (compare_dates (ic_report_get_sort_date (report),
                         g_hash_table_lookup (latest_date, ic_report_get_authority (report))) == 0)
        g_hash_table_add (set, g_object_ref (report));
    }
  return set;
}

/* The authority's run of @reports ended with @best: it becomes a row, and
 * the reports after it its later visits. */
static void
add_latest_row (GPtrArray  *rows,
                GHashTable *later_visits,
                IcReport   *best,
                GPtrArray  *later)
{
  if (later != NULL && later_visits != NULL)
    g_hash_table_insert (later_visits, best, g_ptr_array_ref (later));
  g_ptr_array_add (rows, g_object_ref (best));
}

/**
 * ic_report_latest_rows:
 * @reports: reports sorted by authority, then date, as a store keeps them
 * @later_visits: (nullable): gets, for each row that has reports after it,
 *   those reports (a #GPtrArray of #IcReport, oldest first)
 *
 * The rows of the window's "Latest Inspections": of each authority, its
 * latest report that gives a grade (of reports dated alike, the last),
 * or its latest report when none does, so that no authority is lost
 * from the matrix. The command line's --latest keeps the graded rows.
 *
 * Returns: (transfer full) (element-type IcReport): the rows, in the
 *   order of @reports
 */
GPtrArray *
ic_report_latest_rows (GListModel *reports,
                       GHashTable *later_visits)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IcReport) best = NULL;
  g_autoptr(GPtrArray) later = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (best != NULL && g_strcmp0 (ic_report_get_authority (best), ic_report_get_authority (report)) != 0)
        {
          add_latest_row (rows, later_visits, best, later);
          g_clear_object (&best);
          g_clear_pointer (&later, g_ptr_array_unref);
        }
      if (best == NULL || ic_report_is_graded (report) || !ic_report_is_graded (best))
        {
          g_set_object (&best, report);
          g_clear_pointer (&later, g_ptr_array_unref);
          continue;
        }
      if (later == NULL)
        later = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (later, g_steal_pointer (&report));
    }
  if (best != NULL)
    add_latest_row (rows, later_visits, best, later);
  return rows;
}

/**
 * ic_filter_spec_select:
 *
 * Returns: (transfer full): a list of the reports of @reports the filter
 *   keeps, in the order of @reports
 */
GListModel *
ic_filter_spec_select (IcFilterSpec *self,
                       GListModel   *reports)
{
  GListStore *kept = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GHashTable) latest = NULL;

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), G_LIST_MODEL (kept));

  if (self->latest)
    latest = ic_filter_spec_latest_set (self, reports);
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (latest != NULL ? g_hash_table_contains (latest, report) : ic_filter_spec_matches (self, report))
        g_list_store_append (kept, report);
    }
  return G_LIST_MODEL (kept);
}

/* Description ------------------------------------------------------------- */

static char *
join_type_labels (char **types)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; types[i] != NULL; i++)
    {
      IcInspectionType type = IC_INSPECTION_TYPE_OTHER;

      ic_inspection_type_from_key (types[i], &type);
      g_string_append_printf (text, "%s%s", i ? ", " : "", ic_inspection_type_to_label (type));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_years (IcFilterSpec *self)
{
  if (self->from_year != 0 && self->to_year != 0)
    return self->from_year == self->to_year
           ? g_strdup_printf (_("in %d"), self->from_year)
           : g_strdup_printf (_("%d to %d"), self->from_year, self->to_year);
  if (self->from_year != 0)
    return g_strdup_printf (_("from %d"), self->from_year);
  if (self->to_year != 0)
    return g_strdup_printf (_("to %d"), self->to_year);
  return NULL;
}

/**
 * ic_filter_spec_describe:
 *
 * Returns: (transfer full): the criteria in one line, in the order
 *   authorities, region, peers, name search, types, years, latest
 */
char *
ic_filter_spec_describe (IcFilterSpec *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (IC_IS_FILTER_SPEC (self), NULL);

  if (self->authorities != NULL)
    g_ptr_array_add (parts, g_strjoinv (", ", self->authorities));
  if (self->region != NULL)
    g_ptr_array_add (parts, g_strdup (self->region));
  if (self->peers_of != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("%s and its statistical neighbours"), self->peers_of));
  if (self->search != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("names containing “%s”"), self->search));
  if (self->types != NULL)
    g_ptr_array_add (parts, join_type_labels (self->types));
  if (self->from_year != 0 || self->to_year != 0)
    g_ptr_array_add (parts, describe_years (self));
  if (self->latest)
    g_ptr_array_add (parts, g_strdup (_("latest graded report of each authority")));

  if (parts->len == 0)
    return g_strdup (_("all reports"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" \u00b7 ", (char **) parts->pdata);
}
