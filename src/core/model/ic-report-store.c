/* ic-report-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report-store"

#include "config.h"

#include "ic-report-private.h"
#include "ic-report-store.h"

struct _IcReportStore
{
  GObject     parent_instance;
  GPtrArray  *reports;   /* sorted with ic_report_compare() */
  GHashTable *by_content;
  GListStore *failures;
  IcCorrections *corrections;
  gulong         corrections_changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcReportStore, ic_report_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
ic_report_store_get_item_type (GListModel *model)
{
  return IC_TYPE_REPORT;
}

static guint
ic_report_store_get_n_items (GListModel *model)
{
  return IC_REPORT_STORE (model)->reports->len;
}

static gpointer
ic_report_store_get_item (GListModel *model,
                          guint       position)
{
  IcReportStore *self = IC_REPORT_STORE (model);

  if (position >= self->reports->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->reports, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ic_report_store_get_item_type;
  iface->get_n_items = ic_report_store_get_n_items;
  iface->get_item = ic_report_store_get_item;
}

static void
ic_report_store_finalize (GObject *object)
{
  IcReportStore *self = (IcReportStore *)object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->by_content, g_hash_table_unref);
  g_clear_object (&self->failures);
  g_clear_signal_handler (&self->corrections_changed_id, self->corrections);
  g_clear_object (&self->corrections);

  G_OBJECT_CLASS (ic_report_store_parent_class)->finalize (object);
}

static void
ic_report_store_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcReportStore *self = IC_REPORT_STORE (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->reports->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_report_store_class_init (IcReportStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ic_report_store_finalize;
  object_class->get_property = ic_report_store_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ic_report_store_init (IcReportStore *self)
{
  self->reports = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failures = g_list_store_new (IC_TYPE_FAILURE);
}

IcReportStore *
ic_report_store_new (void)
{
  return g_object_new (IC_TYPE_REPORT_STORE, NULL);
}

/* A report whose content is already in the store is not added again; its
 * path is listed as a copy of the one already loaded. */
static gboolean
absorb_duplicate (IcReportStore *self,
                  IcReport      *report)
{
  const char *content_id = ic_report_get_content_id (report);
  IcReport *existing;

  if (content_id == NULL)
    return FALSE;

  existing = g_hash_table_lookup (self->by_content, content_id);
  if (existing == NULL)
    {
      g_hash_table_insert (self->by_content, g_strdup (content_id), report);
      return FALSE;
    }

  ic_report_store_add_duplicate (self, existing, ic_report_get_source (report));
  return TRUE;
}

/* Binary search for the insertion point keeps the array sorted. */
static guint
sorted_position (IcReportStore *self,
                 IcReport      *report)
{
  guint lo = 0, hi = self->reports->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (ic_report_compare (g_ptr_array_index (self->reports, mid), report) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * ic_report_store_add_batch:
 * @reports: (element-type IcReport): reports to add
 *
 * Adds the reports in sorted position and emits a single
 * #GListModel::items-changed covering the changed range.
 */
void
ic_report_store_add_batch (IcReportStore *self,
                           GPtrArray     *reports)
{
  guint old_len, first_changed;
  guint added = 0;

  g_return_if_fail (IC_IS_REPORT_STORE (self));
  g_return_if_fail (reports != NULL);

  old_len = self->reports->len;
  first_changed = old_len;

  for (guint i = 0; i < reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (reports, i);
      guint pos;

      /* Corrections first: they may change where the report sorts. */
      if (self->corrections != NULL)
        ic_corrections_apply (self->corrections, report);
      if (absorb_duplicate (self, report))
        continue;

      /* Published: from now on it changes only by a swap of its value. */
      _ic_report_seal (report);
      pos = sorted_position (self, report);
      g_ptr_array_insert (self->reports, pos, g_object_ref (report));
      first_changed = MIN (first_changed, pos);
      added++;
    }

  if (added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), first_changed,
                              old_len - first_changed,
                              self->reports->len - first_changed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Takes @report's content into the report with its content id, which
 * stays the same object (rows and pages showing it follow it) and moves
 * if it now sorts elsewhere; returns it, or NULL when there is none. The
 * span of positions that moved grows to cover both places. */
static IcReport *
replace_one (IcReportStore *self,
             IcReport      *report,
             guint         *lo,
             guint         *hi)
{
  const char *content_id = ic_report_get_content_id (report);
  IcReport *old = content_id ? g_hash_table_lookup (self->by_content, content_id) : NULL;
  guint old_pos, new_pos;

  if (old == NULL || !g_ptr_array_find (self->reports, old, &old_pos))
    return NULL;

  if (old != report)
    {
      _ic_report_assign (old, report);
      /* The parsed values are new: corrections start again from them. */
      ic_corrections_forget_parsed (old);
    }
  if (self->corrections != NULL)
    ic_corrections_apply (self->corrections, old);

  g_ptr_array_steal_index (self->reports, old_pos);
  new_pos = sorted_position (self, old);
  g_ptr_array_insert (self->reports, new_pos, old);
  *lo = MIN (*lo, MIN (old_pos, new_pos));
  *hi = MAX (*hi, MAX (old_pos, new_pos));
  return old;
}

/**
 * ic_report_store_replace_batch:
 * @reports: (element-type IcReport): reports read again, for the ones
 *   with the same content id
 *
 * For a report read again in full (the loader first adds one from the
 * first pages): the report already in the store takes its content and
 * stays the same object, keeping its copies, so that rows and pages
 * showing it stay and read it again on #IcReport::changed. A report with
 * no predecessor is added. Each replacement emits its own
 * #GListModel::items-changed over the rows it moved across (one row when
 * it stays in place), then the report's #IcReport::changed.
 */
void
ic_report_store_replace_batch (IcReportStore *self,
                               GPtrArray     *reports)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  g_return_if_fail (IC_IS_REPORT_STORE (self));
  g_return_if_fail (reports != NULL);

  /* One signal per replaced report, covering only the rows between its old
   * and new places: a replacement scattered over the whole list as one
   * range would make every view rebuild every row. */
  for (guint i = 0; i < reports->len; i++)
    {
      guint lo = G_MAXUINT, hi = 0;
      IcReport *kept = replace_one (self, g_ptr_array_index (reports, i), &lo, &hi);

      if (kept == NULL)
        {
          g_ptr_array_add (added, g_ptr_array_index (reports, i));
          continue;
        }
      g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo + 1, hi - lo + 1);
      _ic_report_changed (kept);
    }

  if (added->len > 0)
    ic_report_store_add_batch (self, added);
}

/**
 * ic_report_store_add_failures:
 * @failures: (element-type IcFailure):
 */
void
ic_report_store_add_failures (IcReportStore *self,
                              GPtrArray     *failures)
{
  g_return_if_fail (IC_IS_REPORT_STORE (self));

  if (failures == NULL || failures->len == 0)
    return;

  g_list_store_splice (self->failures,
                       g_list_model_get_n_items (G_LIST_MODEL (self->failures)),
                       0, failures->pdata, failures->len);
}

void
ic_report_store_remove_source (IcReportStore *self,
                               const char    *source)
{
  g_return_if_fail (IC_IS_REPORT_STORE (self));

  for (guint i = 0; i < self->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (self->reports, i);

      if (g_strcmp0 (ic_report_get_source (report), source) != 0)
        continue;

      if (ic_report_get_content_id (report) != NULL)
        g_hash_table_remove (self->by_content, ic_report_get_content_id (report));
      g_ptr_array_remove_index (self->reports, i);
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      return;
    }
}

/**
 * ic_report_store_remove_sources:
 * @sources: (element-type utf8): paths of reports to remove
 *
 * Like ic_report_store_remove_source() for many, with one
 * #GListModel::items-changed.
 */
void
ic_report_store_remove_sources (IcReportStore *self,
                                GPtrArray     *sources)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  guint old_len, first = G_MAXUINT;

  g_return_if_fail (IC_IS_REPORT_STORE (self));
  g_return_if_fail (sources != NULL);

  for (guint i = 0; i < sources->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (sources, i));

  old_len = self->reports->len;
  for (guint i = old_len; i-- > 0;)
    {
      IcReport *report = g_ptr_array_index (self->reports, i);
      const char *content_id = ic_report_get_content_id (report);

      if (!g_hash_table_contains (wanted, ic_report_get_source (report)))
        continue;
      if (content_id != NULL && g_hash_table_lookup (self->by_content, content_id) == report)
        g_hash_table_remove (self->by_content, content_id);
      g_ptr_array_remove_index (self->reports, i);
      first = i;
    }

  if (first == G_MAXUINT)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), first, old_len - first,
                              self->reports->len - first);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
ic_report_store_clear (IcReportStore *self)
{
  guint old_len;

  g_return_if_fail (IC_IS_REPORT_STORE (self));

  old_len = self->reports->len;
  g_hash_table_remove_all (self->by_content);
  g_ptr_array_set_size (self->reports, 0);
  g_list_store_remove_all (self->failures);

  if (old_len > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/**
 * ic_report_store_find_content:
 *
 * Returns: (transfer none) (nullable): the report with that content
 */
IcReport *
ic_report_store_find_content (IcReportStore *self,
                              const char    *content_id)
{
  g_return_val_if_fail (IC_IS_REPORT_STORE (self), NULL);
  return g_hash_table_lookup (self->by_content, content_id);
}

/**
 * ic_report_store_get_failures:
 *
 * Returns: (transfer none): a list model of #IcFailure
 */
GListModel *
ic_report_store_get_failures (IcReportStore *self)
{
  g_return_val_if_fail (IC_IS_REPORT_STORE (self), NULL);
  return G_LIST_MODEL (self->failures);
}

/**
 * ic_report_store_get_report:
 *
 * Returns: (transfer none) (nullable):
 */
IcReport *
ic_report_store_get_report (IcReportStore *self,
                            guint          position)
{
  g_return_val_if_fail (IC_IS_REPORT_STORE (self), NULL);

  if (position >= self->reports->len)
    return NULL;
  return g_ptr_array_index (self->reports, position);
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  return ic_report_compare (*(IcReport **)a, *(IcReport **)b);
}

/* A correction changed: apply the corrections again, move the report
 * if its authority or date now sort it elsewhere, and tell what shows it. */
static void
corrections_changed_cb (IcReportStore *self,
                        const char    *content_id,
                        IcCorrections *corrections)
{
  IcReport *report = g_hash_table_lookup (self->by_content, content_id);
  guint lo = G_MAXUINT, hi = 0;

  if (report == NULL || replace_one (self, report, &lo, &hi) == NULL)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo + 1, hi - lo + 1);
  _ic_report_changed (report);
}

/**
 * ic_report_store_set_corrections:
 * @corrections: (nullable): the user's corrections
 *
 * Reports added from now on get the corrections applied, and a report
 * already in the store is updated whenever its corrections change.
 */
void
ic_report_store_set_corrections (IcReportStore *self,
                                 IcCorrections *corrections)
{
  g_return_if_fail (IC_IS_REPORT_STORE (self));
  g_return_if_fail (!corrections || IC_IS_CORRECTIONS (corrections));

  if (self->corrections == corrections)
    return;

  g_clear_signal_handler (&self->corrections_changed_id, self->corrections);
  g_set_object (&self->corrections, corrections);
  if (corrections != NULL)
    {
      self->corrections_changed_id =
        g_signal_connect_swapped (corrections, "changed", G_CALLBACK (corrections_changed_cb),
                                  self);
      for (guint i = 0; i < self->reports->len; i++)
        ic_corrections_apply (corrections, g_ptr_array_index (self->reports, i));
    }

  /* Corrected authorities and dates may sort reports elsewhere. */
  if (self->reports->len > 0)
    {
      g_ptr_array_sort (self->reports, compare_reports);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, self->reports->len, self->reports->len);
    }
}

/**
 * ic_report_store_get_corrections:
 *
 * Returns: (transfer none) (nullable):
 */
IcCorrections *
ic_report_store_get_corrections (IcReportStore *self)
{
  g_return_val_if_fail (IC_IS_REPORT_STORE (self), NULL);
  return self->corrections;
}

/**
 * ic_report_store_add_duplicate:
 * @report: a report in the store
 * @path: a file with the same bytes as @report's
 *
 * Lists @path on @report (once, and not its own source), by swapping in
 * a new value: a published report is never written into.
 */
void
ic_report_store_add_duplicate (IcReportStore *self,
                               IcReport      *report,
                               const char    *path)
{
  g_autoptr(IcReport) draft = NULL;

  g_return_if_fail (IC_IS_REPORT_STORE (self));
  g_return_if_fail (IC_IS_REPORT (report));
  g_return_if_fail (path != NULL);

  if (g_strcmp0 (ic_report_get_source (report), path) == 0 ||
      g_strv_contains (ic_report_get_duplicates (report), path))
    return;
  draft = _ic_report_edit (report);
  _ic_report_add_duplicate (draft, path);
  _ic_report_commit (report, draft);
}
