/* ic-theme-counts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-theme-counts"

#include "config.h"

#include "ic-theme-counts.h"

/* The key of the all-authorities row; no authority is called this. */
#define ALL ""

struct _IcThemeCounts
{
  gatomicrefcount   ref_count;
  GHashTable       *counts;     /* "authority\ntheme" -> count */
  GHashTable       *n_reports;  /* authority -> count; ALL for every one */
  char            **authorities;
};

G_DEFINE_BOXED_TYPE (IcThemeCounts, ic_theme_counts, ic_theme_counts_ref, ic_theme_counts_unref)

IcThemeCounts *
ic_theme_counts_ref (IcThemeCounts *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ic_theme_counts_unref (IcThemeCounts *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->n_reports);
  g_strfreev (self->authorities);
  g_free (self);
}

/**
 * ic_report_in_range:
 * @from: (nullable): first day included, or %NULL for no lower bound
 * @to: (nullable): last day included, or %NULL for no upper bound
 *
 * A report is placed at its sort date; one without any date is only in
 * an unbounded range.
 */
gboolean
ic_report_in_range (IcReport    *report,
                    const GDate *from,
                    const GDate *to)
{
  const GDate *date = ic_report_get_sort_date (report);

  if (from == NULL && to == NULL)
    return TRUE;
  if (date == NULL)
    return FALSE;
  if (from != NULL && g_date_compare (date, from) < 0)
    return FALSE;
  if (to != NULL && g_date_compare (date, to) > 0)
    return FALSE;
  return TRUE;
}

static void
increment (GHashTable *table,
           const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

/* The themes one report raises, each once. */
static GHashTable *
report_themes (IcReport *report,
               gboolean  main_only)
{
  GListModel *items = ic_report_get_improvements (report);
  GHashTable *themes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(IcImprovement) item = g_list_model_get_item (items, i);
      const char * const *keys = ic_improvement_get_themes (item);

      for (guint k = 0; keys[k] != NULL && (k == 0 || !main_only); k++)
        g_hash_table_add (themes, (gpointer)g_intern_string (keys[k]));
    }
  return themes;
}

static void
count_report (IcThemeCounts *self,
              IcReport      *report,
              gboolean       main_only)
{
  g_autoptr(GHashTable) themes = report_themes (report, main_only);
  const char *authority = ic_report_get_authority (report);
  GHashTableIter iter;
  gpointer theme;

  if (authority == NULL)
    authority = "";
  increment (self->n_reports, ALL);
  if (*authority != '\0')
    increment (self->n_reports, authority);

  g_hash_table_iter_init (&iter, themes);
  while (g_hash_table_iter_next (&iter, &theme, NULL))
    {
      g_autofree char *all_key = g_strconcat (ALL "\n", theme, NULL);
      g_autofree char *key = g_strconcat (authority, "\n", theme, NULL);

      increment (self->counts, all_key);
      if (*authority != '\0')
        increment (self->counts, key);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/**
 * ic_theme_counts_new:
 * @reports: a list model of #IcReport
 * @from: (nullable): first day of the range
 * @to: (nullable): last day of the range
 * @main_only: count only items' main themes
 *
 * Returns: (transfer full): per theme, the number of reports in the range
 *   that raise it, for each authority and overall
 */
IcThemeCounts *
ic_theme_counts_new (GListModel  *reports,
                     const GDate *from,
                     const GDate *to,
                     gboolean     main_only)
{
  IcThemeCounts *self = g_new0 (IcThemeCounts, 1);
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  g_atomic_ref_count_init (&self->ref_count);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_reports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (ic_report_in_range (report, from, to))
        count_report (self, report, main_only);
    }

  keys = g_hash_table_get_keys_as_array (self->n_reports, &n_keys);
  g_qsort_with_data (keys, n_keys, sizeof (gpointer), compare_names, NULL);
  self->authorities = g_new0 (char *, n_keys + 1);
  for (guint i = 0, j = 0; i < n_keys; i++)
    if (*(char *)keys[i] != '\0')
      self->authorities[j++] = g_strdup (keys[i]);
  return self;
}

/**
 * ic_theme_counts_get_n_reports:
 * @authority: (nullable): an authority, or %NULL for all
 */
guint
ic_theme_counts_get_n_reports (IcThemeCounts *self,
                               const char    *authority)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->n_reports, authority ? authority : ALL));
}

/**
 * ic_theme_counts_get:
 * @authority: (nullable): an authority, or %NULL for all
 *
 * Returns: the number of reports that raise @theme
 */
guint
ic_theme_counts_get (IcThemeCounts *self,
                     const char    *authority,
                     const char    *theme)
{
  g_autofree char *key = g_strconcat (authority ? authority : ALL, "\n", theme, NULL);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
}

/**
 * ic_theme_counts_get_authorities:
 *
 * Returns: (transfer none): the authorities with reports in the range,
 *   in collation order
 */
const char * const *
ic_theme_counts_get_authorities (IcThemeCounts *self)
{
  return (const char * const *)self->authorities;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const IcItemRef *ra = *(const IcItemRef **)a;
  const IcItemRef *rb = *(const IcItemRef **)b;
  int cmp = ic_report_compare (ra->report, rb->report);

  return cmp != 0 ? cmp : (int)ra->index - (int)rb->index;
}

/**
 * ic_theme_items:
 * @theme: (nullable): a theme key, or %NULL for every item
 * @authority: (nullable): only this authority's reports
 * @from: (nullable): first day of the range
 * @to: (nullable): last day of the range
 *
 * The items that carry @theme (in any position), by authority and then
 * over time: what the timeline shows for one theme, or with @theme %NULL
 * for one authority.
 *
 * Returns: (transfer full) (element-type IcItemRef):
 */
GPtrArray *
ic_theme_items (GListModel  *reports,
                const char  *theme,
                const char  *authority,
                const GDate *from,
                const GDate *to)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_item_ref_free);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      GListModel *items = ic_report_get_improvements (report);

      if (!ic_report_in_range (report, from, to) ||
          (authority != NULL && g_strcmp0 (authority, ic_report_get_authority (report)) != 0))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);

          if (theme == NULL || ic_improvement_has_theme (item, theme))
            g_ptr_array_add (refs, ic_item_ref_new (report, k));
        }
    }
  g_ptr_array_sort (refs, compare_refs);
  return refs;
}
