/* ic-recurrence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-recurrence"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ic-recurrence.h"
#include "ic-words.h"

struct _IcRecurrence
{
  gatomicrefcount  ref_count;
  char            *authority;
  char            *theme;
  IcItemRef        earlier;
  IcItemRef        later;
  double           similarity;
  gboolean         carried_forward;
};

G_DEFINE_BOXED_TYPE (IcItemRef, ic_item_ref, ic_item_ref_copy, ic_item_ref_free)
G_DEFINE_BOXED_TYPE (IcRecurrence, ic_recurrence, ic_recurrence_ref, ic_recurrence_unref)

IcItemRef *
ic_item_ref_new (IcReport *report,
                 guint     index)
{
  IcItemRef *ref = g_new0 (IcItemRef, 1);

  g_return_val_if_fail (IC_IS_REPORT (report), NULL);

  ref->report = g_object_ref (report);
  ref->index = index;
  return ref;
}

IcItemRef *
ic_item_ref_copy (const IcItemRef *ref)
{
  return ic_item_ref_new (ref->report, ref->index);
}

void
ic_item_ref_free (IcItemRef *ref)
{
  if (ref == NULL)
    return;
  g_clear_object (&ref->report);
  g_free (ref);
}

/**
 * ic_item_ref_get_item:
 *
 * Returns: (transfer full) (nullable): the improvement item referred to
 */
IcImprovement *
ic_item_ref_get_item (const IcItemRef *ref)
{
  return g_list_model_get_item (ic_report_get_improvements (ref->report), ref->index);
}

IcRecurrence *
ic_recurrence_ref (IcRecurrence *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ic_recurrence_unref (IcRecurrence *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->authority);
  g_free (self->theme);
  g_clear_object (&self->earlier.report);
  g_clear_object (&self->later.report);
  g_free (self);
}

const char *
ic_recurrence_get_authority (IcRecurrence *self)
{
  return self->authority;
}

const char *
ic_recurrence_get_theme (IcRecurrence *self)
{
  return self->theme;
}

const IcItemRef *
ic_recurrence_get_earlier (IcRecurrence *self)
{
  return &self->earlier;
}

const IcItemRef *
ic_recurrence_get_later (IcRecurrence *self)
{
  return &self->later;
}

double
ic_recurrence_get_similarity (IcRecurrence *self)
{
  return self->similarity;
}

/* Whether the later report carried the earlier item forward by saying
 * that earlier areas still apply; the later index is then meaningless. */
gboolean
ic_recurrence_get_carried_forward (IcRecurrence *self)
{
  return self->carried_forward;
}

/* ---- similarity ---- */

/* The distinct content words of @text, by stem. */
static GHashTable *
content_stems (const char *text)
{
  g_autoptr(GArray) tokens = ic_words_tokenise (text);
  GHashTable *stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *stem = g_array_index (tokens, IcToken, i).stem;

      if (strlen (stem) >= 2 && !ic_words_is_stop_stem (stem))
        g_hash_table_add (stems, g_strdup (stem));
    }
  return stems;
}

/* @idf maps a stem to its weight; NULL weighs every word 1. */
static double
word_weight (GHashTable *idf,
             const char *stem)
{
  gpointer value;

  if (idf == NULL || !g_hash_table_lookup_extended (idf, stem, NULL, &value))
    return 1.0;
  return *(double *)value;
}

/* Cosine of two sets of stems; 0 when they share fewer than
 * IC_RECURRENCE_MIN_SHARED words, since one common word ("process",
 * "learning") is a coincidence, not substance. */
static double
cosine (GHashTable *a,
        GHashTable *b,
        GHashTable *idf)
{
  GHashTableIter iter;
  gpointer stem;
  double dot = 0, norm_a = 0, norm_b = 0;
  guint shared = 0;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    {
      double w = word_weight (idf, stem);

      norm_a += w * w;
      if (g_hash_table_contains (b, stem))
        {
          dot += w * w;
          shared++;
        }
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &stem, NULL))
    {
      double w = word_weight (idf, stem);

      norm_b += w * w;
    }

  if (norm_a == 0 || norm_b == 0 || shared < IC_RECURRENCE_MIN_SHARED)
    return 0;
  return dot / (sqrt (norm_a) * sqrt (norm_b));
}

double
ic_words_similarity (const char *a,
                    const char *b)
{
  g_autoptr(GHashTable) sa = content_stems (a);
  g_autoptr(GHashTable) sb = content_stems (b);

  return cosine (sa, sb, NULL);
}

/* ---- finding ---- */

typedef struct
{
  IcReport   *report;
  GPtrArray  *items;  /* of IcImprovement */
  GPtrArray  *stems;  /* of GHashTable, parallel to items */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->report);
  g_ptr_array_unref (entry->items);
  g_ptr_array_unref (entry->stems);
  g_free (entry);
}

static Entry *
entry_new (IcReport *report)
{
  GListModel *items = ic_report_get_improvements (report);
  Entry *entry = g_new0 (Entry, 1);

  entry->report = g_object_ref (report);
  entry->items = g_ptr_array_new_with_free_func (g_object_unref);
  entry->stems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      IcImprovement *item = g_list_model_get_item (items, i);

      g_ptr_array_add (entry->items, item);
      g_ptr_array_add (entry->stems, content_stems (ic_improvement_get_text (item)));
    }
  return entry;
}

/* Rare words say more about what an item is about: inverse document
 * frequency over all items loaded, smoothed so unseen words still count. */
static GHashTable *
build_idf (GPtrArray *entries)
{
  g_autoptr(GHashTable) df = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *idf = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer stem, count;
  guint n = 0;

  for (guint e = 0; e < entries->len; e++)
    {
      Entry *entry = g_ptr_array_index (entries, e);

      for (guint i = 0; i < entry->stems->len; i++, n++)
        {
          g_hash_table_iter_init (&iter, g_ptr_array_index (entry->stems, i));
          while (g_hash_table_iter_next (&iter, &stem, NULL))
            g_hash_table_insert (df, stem,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, stem)) + 1));
        }
    }

  g_hash_table_iter_init (&iter, df);
  while (g_hash_table_iter_next (&iter, &stem, &count))
    {
      double *w = g_new (double, 1);

      *w = log ((1.0 + n) / (1.0 + GPOINTER_TO_UINT (count))) + 1.0;
      g_hash_table_insert (idf, g_strdup (stem), w);
    }
  return idf;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **)a;
  const Entry *eb = *(const Entry **)b;

  return ic_report_compare (ea->report, eb->report);
}

/* The theme both items have, in the order of the later item's themes;
 * it must be the main theme of one of them, so that two side remarks do
 * not make an area recur. */
static const char *
shared_theme (IcImprovement *earlier,
              IcImprovement *later)
{
  const char *main_earlier = ic_improvement_get_main_theme (earlier);
  const char *main_later = ic_improvement_get_main_theme (later);

  for (const char * const *t = ic_improvement_get_themes (later); *t != NULL; t++)
    if (ic_improvement_has_theme (earlier, *t) &&
        (g_strcmp0 (*t, main_earlier) == 0 || g_strcmp0 (*t, main_later) == 0))
      return *t;
  return NULL;
}

static IcRecurrence *
recurrence_new (Entry      *earlier,
                guint       earlier_index,
                Entry      *later,
                guint       later_index,
                const char *theme,
                double      similarity)
{
  IcRecurrence *self = g_new0 (IcRecurrence, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->authority = g_strdup (ic_report_get_authority (later->report));
  self->theme = g_strdup (theme);
  self->earlier.report = g_object_ref (earlier->report);
  self->earlier.index = earlier_index;
  self->later.report = g_object_ref (later->report);
  self->later.index = later_index;
  self->similarity = similarity;
  return self;
}

/* The most similar item of @earlier sharing a theme with the item, or
 * NULL when none reaches the threshold. */
static IcRecurrence *
match_in_report (Entry      *earlier,
                 Entry      *later,
                 guint       index,
                 GHashTable *idf)
{
  IcImprovement *item = g_ptr_array_index (later->items, index);
  double best = IC_RECURRENCE_THRESHOLD;
  int best_index = -1;

  for (guint i = 0; i < earlier->items->len; i++)
    {
      double sim;

      if (shared_theme (g_ptr_array_index (earlier->items, i), item) == NULL)
        continue;
      sim = cosine (g_ptr_array_index (earlier->stems, i), g_ptr_array_index (later->stems, index),
                    idf);
      if (sim >= best)
        {
          best = sim;
          best_index = i;
        }
    }

  if (best_index < 0)
    return NULL;
  return recurrence_new (earlier, best_index, later, index,
                         shared_theme (g_ptr_array_index (earlier->items, best_index), item), best);
}

static gboolean
same_authority_earlier (Entry *earlier,
                        Entry *later)
{
  const GDate *de = ic_report_get_sort_date (earlier->report);
  const GDate *dl = ic_report_get_sort_date (later->report);

  return g_strcmp0 (ic_report_get_authority (earlier->report),
                    ic_report_get_authority (later->report)) == 0 &&
         de != NULL && dl != NULL && g_date_compare (de, dl) < 0;
}

/* Each later item links to the most recent earlier report that raised
 * the same area, so that an area raised three times forms a chain. */
static void
find_for_report (GPtrArray  *entries,
                 guint       later_pos,
                 GHashTable *idf,
                 GPtrArray  *out)
{
  Entry *later = g_ptr_array_index (entries, later_pos);

  for (guint index = 0; index < later->items->len; index++)
    {
      for (guint e = later_pos; e-- > 0;)
        {
          Entry *earlier = g_ptr_array_index (entries, e);
          IcRecurrence *found;

          if (g_strcmp0 (ic_report_get_authority (earlier->report),
                         ic_report_get_authority (later->report)) != 0)
            break;
          if (!same_authority_earlier (earlier, later))
            continue;
          found = match_in_report (earlier, later, index, idf);
          if (found != NULL)
            {
              g_ptr_array_add (out, found);
              break;
            }
        }
    }
}

/**
 * ic_find_recurrences:
 * @reports: a list model of #IcReport with themes assigned
 *
 * Returns: (transfer full) (element-type IcRecurrence): recurrences by
 *   authority, then by the later report's date and item
 */
GPtrArray *
ic_find_recurrences (GListModel *reports)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GHashTable) idf = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_recurrence_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (reports), out);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (ic_report_get_authority (report) != NULL && ic_report_get_sort_date (report) != NULL)
        g_ptr_array_add (entries, entry_new (report));
    }
  g_ptr_array_sort (entries, compare_entries);
  idf = build_idf (entries);

  for (guint e = 1; e < entries->len; e++)
    find_for_report (entries, e, idf, out);
  return out;
}

static void
add_ref (JsonBuilder     *builder,
         const char      *name,
         const IcItemRef *ref)
{
  g_autofree char *end = ic_date_to_iso (ic_report_get_end_date (ref->report));
  g_autofree char *source = ic_path_to_utf8 (ic_report_get_source (ref->report));

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "end_date");
  if (end != NULL)
    json_builder_add_string_value (builder, end);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, ref->index);
  json_builder_end_object (builder);
}

/**
 * ic_recurrences_to_json:
 * @recurrences: (element-type IcRecurrence):
 *
 * Returns: (transfer full): the `recurrences` array of CONTRACT.md, for
 *   ic_json_document_new()
 */
JsonNode *
ic_recurrences_to_json (GPtrArray *recurrences)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; recurrences != NULL && i < recurrences->len; i++)
    {
      IcRecurrence *self = g_ptr_array_index (recurrences, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "authority");
      json_builder_add_string_value (builder, self->authority);
      json_builder_set_member_name (builder, "theme");
      json_builder_add_string_value (builder, self->theme);
      add_ref (builder, "earlier", &self->earlier);
      add_ref (builder, "later", &self->later);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
ref_key (const IcItemRef *ref)
{
  return g_strdup_printf ("%p:%u", (gpointer)ref->report, ref->index);
}

static void
collect_chain (GHashTable      *children,
               const IcItemRef *ref,
               GPtrArray       *chain)
{
  g_autofree char *key = ref_key (ref);
  GPtrArray *next = g_hash_table_lookup (children, key);

  g_ptr_array_add (chain, ic_item_ref_copy (ref));
  for (guint i = 0; next != NULL && i < next->len; i++)
    collect_chain (children, ic_recurrence_get_later (g_ptr_array_index (next, i)), chain);
}

/**
 * ic_recurrence_chains:
 * @recurrences: (element-type IcRecurrence): from ic_find_recurrences()
 *
 * Groups links into chains: an item first raised in one report and raised
 * again in later ones.
 *
 * Returns: (transfer full) (element-type GPtrArray): each chain a
 *   #GPtrArray of #IcItemRef, the first raising first
 */
GPtrArray *
ic_recurrence_chains (GPtrArray *recurrences)
{
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) is_later = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *chains = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *self = g_ptr_array_index (recurrences, i);
      char *key = ref_key (&self->earlier);
      GPtrArray *list = g_hash_table_lookup (children, key);

      if (list == NULL)
        g_hash_table_insert (children, key, list = g_ptr_array_new ());
      else
        g_free (key);
      g_ptr_array_add (list, self);
      g_hash_table_add (is_later, ref_key (&self->later));
    }

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *self = g_ptr_array_index (recurrences, i);
      g_autofree char *key = ref_key (&self->earlier);
      GPtrArray *chain;

      /* Start only at items that are nobody's later item, and once. */
      if (g_hash_table_contains (is_later, key))
        continue;
      g_hash_table_add (is_later, g_steal_pointer (&key));
      chain = g_ptr_array_new_with_free_func ((GDestroyNotify)ic_item_ref_free);
      collect_chain (children, &self->earlier, chain);
      g_ptr_array_add (chains, chain);
    }
  return chains;
}
