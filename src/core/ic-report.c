/* ic-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report"

#include "config.h"

#include <stdio.h>

#include "ic-report-private.h"
#include "ic-search-index.h"

struct _IcReport
{
  GObject           parent_instance;

  char             *source;
  char             *content_id;
  char             *authority;
  char             *authority_as_printed;
  char             *title;
  char             *lead_inspector;
  char             *improvement_note;
  GDate            *start_date;
  GDate            *end_date;
  GDate            *published_date;
  GListStore       *judgements;
  GListStore       *improvements;
  GStrvBuilder     *strengths;
  GStrvBuilder     *warnings;
  GStrvBuilder     *duplicates;
  GStrvBuilder     *corrected;
  char            **strengths_v;
  char            **warnings_v;
  char            **duplicates_v;
  char            **corrected_v;
  char            **pages;
  /* The user's corrections of recurrence links, "LATER_INDEX EARLIER_ID
   * EARLIER_INDEX same|different"; never NULL. */
  char            **links;
  IcSearchDoc      *search_doc;  /* the pages indexed for search, or NULL */
  IcInspectionType  inspection_type;
  IcIlacsVariant    ilacs_variant;
  /* The grade of each area, kept with the judgements: a matrix asks for
   * a report's grades many times a row. Rebuilt where the judgements
   * change, so reading never writes. */
  IcGrade           grades[IC_N_AREAS];
};

G_DEFINE_FINAL_TYPE (IcReport, ic_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_CONTENT_ID,
  PROP_AUTHORITY,
  PROP_AUTHORITY_AS_PRINTED,
  PROP_INSPECTION_TYPE,
  PROP_ILACS_VARIANT,
  PROP_TITLE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_PUBLISHED_DATE,
  PROP_LEAD_INSPECTOR,
  PROP_IMPROVEMENT_NOTE,
  PROP_JUDGEMENTS,
  PROP_IMPROVEMENTS,
  PROP_STRENGTHS,
  PROP_WARNINGS,
  PROP_PAGES,
  PROP_DUPLICATES,
  PROP_CORRECTED_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_string (IcReport    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_date (IcReport     *self,
          GDate       **field,
          const GDate  *value,
          guint         prop_id)
{
  if (*field == NULL && value == NULL)
    return;
  if (*field != NULL && value != NULL && g_date_compare (*field, value) == 0)
    return;

  g_clear_pointer (field, g_date_free);
  if (value != NULL && g_date_valid (value))
    *field = g_date_copy (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Lists grow one entry at a time while parsing; the GStrv handed out is
 * rebuilt lazily so that getters stay cheap and const. */
static void
append_to_list (IcReport      *self,
                GStrvBuilder  *builder,
                char        ***cache,
                const char    *value,
                guint          prop_id)
{
  g_strv_builder_add (builder, value);
  g_clear_pointer (cache, g_strfreev);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char * const *
list_view (GStrvBuilder   *builder,
           char         ***cache)
{
  if (*cache == NULL)
    {
      g_auto(GStrv) built = g_strv_builder_end (builder);

      /* g_strv_builder_end() empties the builder: put the entries back. */
      g_strv_builder_addv (builder, (const char **)built);
      *cache = g_steal_pointer (&built);
    }

  return (const char * const *)*cache;
}

static void
ic_report_dispose (GObject *object)
{
  IcReport *self = (IcReport *)object;

  g_clear_object (&self->judgements);
  g_clear_object (&self->improvements);

  G_OBJECT_CLASS (ic_report_parent_class)->dispose (object);
}

static void
ic_report_finalize (GObject *object)
{
  IcReport *self = (IcReport *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->content_id, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->authority_as_printed, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->lead_inspector, g_free);
  g_clear_pointer (&self->improvement_note, g_free);
  g_clear_pointer (&self->start_date, g_date_free);
  g_clear_pointer (&self->end_date, g_date_free);
  g_clear_pointer (&self->published_date, g_date_free);
  g_clear_pointer (&self->strengths, g_strv_builder_unref);
  g_clear_pointer (&self->warnings, g_strv_builder_unref);
  g_clear_pointer (&self->duplicates, g_strv_builder_unref);
  g_clear_pointer (&self->corrected, g_strv_builder_unref);
  g_clear_pointer (&self->strengths_v, g_strfreev);
  g_clear_pointer (&self->warnings_v, g_strfreev);
  g_clear_pointer (&self->duplicates_v, g_strfreev);
  g_clear_pointer (&self->corrected_v, g_strfreev);
  g_clear_pointer (&self->links, g_strfreev);
  g_clear_pointer (&self->pages, g_strfreev);
  g_clear_pointer (&self->search_doc, ic_search_doc_unref);

  G_OBJECT_CLASS (ic_report_parent_class)->finalize (object);
}

static void
ic_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IcReport *self = IC_REPORT (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_CONTENT_ID:
      g_value_set_string (value, self->content_id);
      break;
    case PROP_AUTHORITY:
      g_value_set_string (value, self->authority);
      break;
    case PROP_AUTHORITY_AS_PRINTED:
      g_value_set_string (value, self->authority_as_printed);
      break;
    case PROP_INSPECTION_TYPE:
      g_value_set_uint (value, self->inspection_type);
      break;
    case PROP_ILACS_VARIANT:
      g_value_set_uint (value, self->ilacs_variant);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_START_DATE:
      g_value_set_boxed (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_boxed (value, self->end_date);
      break;
    case PROP_PUBLISHED_DATE:
      g_value_set_boxed (value, self->published_date);
      break;
    case PROP_LEAD_INSPECTOR:
      g_value_set_string (value, self->lead_inspector);
      break;
    case PROP_IMPROVEMENT_NOTE:
      g_value_set_string (value, self->improvement_note);
      break;
    case PROP_JUDGEMENTS:
      g_value_set_object (value, self->judgements);
      break;
    case PROP_IMPROVEMENTS:
      g_value_set_object (value, self->improvements);
      break;
    case PROP_STRENGTHS:
      g_value_set_boxed (value, ic_report_get_strengths (self));
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, ic_report_get_warnings (self));
      break;
    case PROP_PAGES:
      g_value_set_boxed (value, self->pages);
      break;
    case PROP_DUPLICATES:
      g_value_set_boxed (value, ic_report_get_duplicates (self));
      break;
    case PROP_CORRECTED_FIELDS:
      g_value_set_boxed (value, ic_report_get_corrected_fields (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boxed_property (const char *name,
                GType       type)
{
  return g_param_spec_boxed (name, NULL, NULL, type,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
ic_report_class_init (IcReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ic_report_dispose;
  object_class->finalize = ic_report_finalize;
  object_class->get_property = ic_report_get_property;

  properties[PROP_SOURCE] = string_property ("source");
  properties[PROP_CONTENT_ID] = string_property ("content-id");
  properties[PROP_AUTHORITY] = string_property ("authority");
  properties[PROP_AUTHORITY_AS_PRINTED] = string_property ("authority-as-printed");
  properties[PROP_INSPECTION_TYPE] =
    g_param_spec_uint ("inspection-type", NULL, NULL, 0, IC_N_INSPECTION_TYPES - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ILACS_VARIANT] =
    g_param_spec_uint ("ilacs-variant", NULL, NULL, 0, IC_ILACS_VARIANT_STANDARD, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_START_DATE] = boxed_property ("start-date", G_TYPE_DATE);
  properties[PROP_END_DATE] = boxed_property ("end-date", G_TYPE_DATE);
  properties[PROP_PUBLISHED_DATE] = boxed_property ("published-date", G_TYPE_DATE);
  properties[PROP_LEAD_INSPECTOR] = string_property ("lead-inspector");
  properties[PROP_IMPROVEMENT_NOTE] = string_property ("improvement-note");
  properties[PROP_JUDGEMENTS] =
    g_param_spec_object ("judgements", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPROVEMENTS] =
    g_param_spec_object ("improvements", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRENGTHS] = boxed_property ("strengths", G_TYPE_STRV);
  properties[PROP_WARNINGS] = boxed_property ("warnings", G_TYPE_STRV);
  properties[PROP_PAGES] = boxed_property ("pages", G_TYPE_STRV);
  properties[PROP_DUPLICATES] = boxed_property ("duplicates", G_TYPE_STRV);
  properties[PROP_CORRECTED_FIELDS] = boxed_property ("corrected-fields", G_TYPE_STRV);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IcReport::changed:
   *
   * The report was updated where it stands (read again in full, or
   * corrected): whatever shows it reads it again. Emitted once after all
   * of its properties and lists have their new values.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_set_va_marshaller (signals[SIGNAL_CHANGED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__VOIDv);
}

static void
judgements_changed_cb (IcReport *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->judgements));

  for (guint a = 0; a < IC_N_AREAS; a++)
    self->grades[a] = IC_GRADE_NONE;
  /* The first judgement of an area counts, as in ic_report_find_judgement(). */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(IcJudgement) judgement = g_list_model_get_item (G_LIST_MODEL (self->judgements), i);

      self->grades[ic_judgement_get_area (judgement)] = ic_judgement_get_grade (judgement);
    }
}

static void
ic_report_init (IcReport *self)
{
  for (guint a = 0; a < IC_N_AREAS; a++)
    self->grades[a] = IC_GRADE_NONE;
  self->judgements = g_list_store_new (IC_TYPE_JUDGEMENT);
  g_signal_connect_swapped (self->judgements, "items-changed", G_CALLBACK (judgements_changed_cb),
                            self);
  self->improvements = g_list_store_new (IC_TYPE_IMPROVEMENT);
  self->strengths = g_strv_builder_new ();
  self->warnings = g_strv_builder_new ();
  self->duplicates = g_strv_builder_new ();
  self->corrected = g_strv_builder_new ();
  self->pages = g_new0 (char *, 1);
  self->links = g_new0 (char *, 1);
}

const char *
ic_report_get_source (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->source;
}

/**
 * ic_report_get_content_id:
 *
 * Returns: (nullable): a SHA-256 of the file's bytes, which keys
 *   duplicates, the cache and corrections (never the path)
 */
const char *
ic_report_get_content_id (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->content_id;
}

const char *
ic_report_get_authority (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->authority;
}

const char *
ic_report_get_authority_as_printed (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->authority_as_printed;
}

IcInspectionType
ic_report_get_inspection_type (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_INSPECTION_TYPE_OTHER);
  return self->inspection_type;
}

IcIlacsVariant
ic_report_get_ilacs_variant (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_ILACS_VARIANT_NONE);
  return self->ilacs_variant;
}

const char *
ic_report_get_title (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->title;
}

const GDate *
ic_report_get_start_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->start_date;
}

const GDate *
ic_report_get_end_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->end_date;
}

const GDate *
ic_report_get_published_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->published_date;
}

const char *
ic_report_get_lead_inspector (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->lead_inspector;
}

/* An improvement section written as prose, or a statement that earlier
 * areas for improvement still apply: said by the report, not an item. */
const char *
ic_report_get_improvement_note (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->improvement_note;
}

/**
 * ic_report_get_judgements:
 *
 * Returns: (transfer none): a list model of #IcJudgement in printed order
 */
GListModel *
ic_report_get_judgements (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self->judgements);
}

/**
 * ic_report_get_improvements:
 *
 * Returns: (transfer none): a list model of #IcImprovement in document order
 */
GListModel *
ic_report_get_improvements (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return G_LIST_MODEL (self->improvements);
}

const char * const *
ic_report_get_strengths (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return list_view (self->strengths, &self->strengths_v);
}

const char * const *
ic_report_get_warnings (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return list_view (self->warnings, &self->warnings_v);
}

/**
 * ic_report_get_pages:
 *
 * Returns: (transfer none): the text of each page, page 1 first
 */
const char * const *
ic_report_get_pages (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return (const char * const *)self->pages;
}

/**
 * ic_report_get_duplicates:
 *
 * Returns: (transfer none): other paths whose content is identical
 */
const char * const *
ic_report_get_duplicates (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return list_view (self->duplicates, &self->duplicates_v);
}

/**
 * ic_report_get_corrected_fields:
 *
 * Returns: (transfer none): names of the fields a user correction changed
 */
const char * const *
ic_report_get_corrected_fields (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return list_view (self->corrected, &self->corrected_v);
}

/**
 * ic_report_get_recurrence_links:
 *
 * The user's corrections of which items recur from which: each
 * "LATER_INDEX EARLIER_CONTENT_ID EARLIER_INDEX same" (the two items
 * raise the same concern) or "… different" (they do not), for items of
 * this report.
 *
 * Returns: (transfer none): the links, never %NULL
 */
const char * const *
ic_report_get_recurrence_links (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return (const char * const *)self->links;
}

/**
 * ic_report_find_judgement:
 *
 * Returns: (transfer none) (nullable): the judgement for @area
 */
IcJudgement *
ic_report_find_judgement (IcReport *self,
                          IcArea    area)
{
  guint n;

  g_return_val_if_fail (IC_IS_REPORT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->judgements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcJudgement) judgement = g_list_model_get_item (G_LIST_MODEL (self->judgements), i);

      if (ic_judgement_get_area (judgement) == area)
        return judgement;
    }

  return NULL;
}

IcGrade
ic_report_get_grade (IcReport *self,
                     IcArea    area)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_GRADE_NONE);
  g_return_val_if_fail (area < IC_N_AREAS, IC_GRADE_NONE);

  return self->grades[area];
}

/**
 * ic_report_get_sort_date:
 *
 * The date a report is placed at in time: the last day on site, or the
 * letter's date when the visit dates could not be read.
 *
 * Returns: (nullable): a date owned by @self
 */
const GDate *
ic_report_get_sort_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);

  if (self->end_date != NULL)
    return self->end_date;
  if (self->start_date != NULL)
    return self->start_date;
  return self->published_date;
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
 * ic_report_compare:
 *
 * Orders reports by authority, then by date, then by source so that the
 * order is total and stable across loads.
 */
int
ic_report_compare (IcReport *a,
                   IcReport *b)
{
  int cmp;

  cmp = g_utf8_collate (a->authority ? a->authority : "", b->authority ? b->authority : "");
  if (cmp != 0)
    return cmp;

  cmp = compare_dates (ic_report_get_sort_date (a), ic_report_get_sort_date (b));
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (a->source, b->source);
}

/**
 * ic_path_to_utf8:
 *
 * Exports are UTF-8: a file name in another encoding is given as GLib
 * displays it, with the bytes it cannot decode replaced.
 *
 * Returns: (transfer full) (nullable): @path as UTF-8
 */
char *
ic_path_to_utf8 (const char *path)
{
  if (path == NULL)
    return NULL;
  if (g_utf8_validate (path, -1, NULL))
    return g_strdup (path);
  return g_filename_display_name (path);
}

char *
ic_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
ic_date_to_display (const GDate *date)
{
  char buf[64];

  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* "9 December 2019", the form Ofsted prints and users expect. */
  if (g_date_strftime (buf, sizeof buf, "%-d %B %Y", date) == 0)
    return NULL;

  return g_strdup (buf);
}

GDate *
ic_date_from_iso (const char *iso)
{
  guint year, month, day;
  char tail;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return NULL;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

IcReport *
_ic_report_new (const char *source)
{
  IcReport *self = g_object_new (IC_TYPE_REPORT, NULL);

  self->source = g_strdup (source);
  return self;
}

void
_ic_report_set_source (IcReport   *self,
                       const char *source)
{
  set_string (self, &self->source, source, PROP_SOURCE);
}

void
_ic_report_set_content_id (IcReport   *self,
                           const char *content_id)
{
  set_string (self, &self->content_id, content_id, PROP_CONTENT_ID);
}

void
_ic_report_set_authority (IcReport   *self,
                          const char *authority)
{
  set_string (self, &self->authority, authority, PROP_AUTHORITY);
}

void
_ic_report_set_authority_as_printed (IcReport   *self,
                                     const char *printed)
{
  set_string (self, &self->authority_as_printed, printed, PROP_AUTHORITY_AS_PRINTED);
}

void
_ic_report_set_inspection_type (IcReport         *self,
                                IcInspectionType  type)
{
  if (self->inspection_type == type)
    return;
  self->inspection_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTION_TYPE]);
}

void
_ic_report_set_ilacs_variant (IcReport       *self,
                              IcIlacsVariant  variant)
{
  if (self->ilacs_variant == variant)
    return;
  self->ilacs_variant = variant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILACS_VARIANT]);
}

void
_ic_report_set_title (IcReport   *self,
                      const char *title)
{
  set_string (self, &self->title, title, PROP_TITLE);
}

void
_ic_report_set_start_date (IcReport    *self,
                           const GDate *date)
{
  set_date (self, &self->start_date, date, PROP_START_DATE);
}

void
_ic_report_set_end_date (IcReport    *self,
                         const GDate *date)
{
  set_date (self, &self->end_date, date, PROP_END_DATE);
}

void
_ic_report_set_published_date (IcReport    *self,
                               const GDate *date)
{
  set_date (self, &self->published_date, date, PROP_PUBLISHED_DATE);
}

void
_ic_report_set_lead_inspector (IcReport   *self,
                               const char *name)
{
  set_string (self, &self->lead_inspector, name, PROP_LEAD_INSPECTOR);
}

void
_ic_report_set_improvement_note (IcReport   *self,
                                 const char *note)
{
  set_string (self, &self->improvement_note, note, PROP_IMPROVEMENT_NOTE);
}

void
_ic_report_add_judgement (IcReport    *self,
                          IcJudgement *judgement)
{
  g_list_store_append (self->judgements, judgement);
}

/* Replaces (or adds) the grade of @area, keeping the printed label and
 * page; IC_GRADE_NONE removes the judgement. Used by corrections. */
void
_ic_report_set_grade (IcReport *self,
                      IcArea    area,
                      IcGrade   grade)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->judgements));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcJudgement) old = g_list_model_get_item (G_LIST_MODEL (self->judgements), i);

      if (ic_judgement_get_area (old) != area)
        continue;

      if (grade == IC_GRADE_NONE)
        {
          g_list_store_remove (self->judgements, i);
        }
      else
        {
          g_autoptr(IcJudgement) repl = ic_judgement_new (area, ic_judgement_get_label (old),
                                                          grade, ic_judgement_get_page (old));
          g_list_store_splice (self->judgements, i, 1, (gpointer *)&repl, 1);
        }
      return;
    }

  if (grade != IC_GRADE_NONE)
    {
      g_autoptr(IcJudgement) added = ic_judgement_new (area, ic_area_to_label (area), grade, 0);
      g_list_store_append (self->judgements, added);
    }
}

void
_ic_report_add_improvement (IcReport      *self,
                            IcImprovement *improvement)
{
  g_list_store_append (self->improvements, improvement);
}

void
_ic_report_add_strength (IcReport   *self,
                         const char *strength)
{
  append_to_list (self, self->strengths, &self->strengths_v, strength, PROP_STRENGTHS);
}

void
_ic_report_add_warning (IcReport   *self,
                        const char *warning)
{
  append_to_list (self, self->warnings, &self->warnings_v, warning, PROP_WARNINGS);
}

void
_ic_report_add_duplicate (IcReport   *self,
                          const char *path)
{
  append_to_list (self, self->duplicates, &self->duplicates_v, path, PROP_DUPLICATES);
}

void
_ic_report_mark_corrected (IcReport   *self,
                           const char *field)
{
  if (g_strv_contains (ic_report_get_corrected_fields (self), field))
    return;
  append_to_list (self, self->corrected, &self->corrected_v, field, PROP_CORRECTED_FIELDS);
}

void
_ic_report_set_recurrence_links (IcReport           *self,
                                 const char * const *links)
{
  char **copy = links ? g_strdupv ((char **)links) : g_new0 (char *, 1);

  g_strfreev (self->links);
  self->links = copy;
}

/* Corrections are applied afresh each time, after clearing the marks. */
void
_ic_report_clear_corrected (IcReport *self)
{
  if (self->links[0] != NULL)
    _ic_report_set_recurrence_links (self, NULL);
  if (ic_report_get_corrected_fields (self)[0] == NULL)
    return;
  g_clear_pointer (&self->corrected, g_strv_builder_unref);
  g_clear_pointer (&self->corrected_v, g_strfreev);
  self->corrected = g_strv_builder_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTED_FIELDS]);
}

void
_ic_report_set_pages (IcReport           *self,
                      const char * const *pages)
{
  g_strfreev (self->pages);
  self->pages = pages ? g_strdupv ((char **)pages) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

/* Replaces a list's entries when they differ. */
static void
set_list (IcReport            *self,
          GStrvBuilder       **builder,
          char              ***cache,
          const char * const  *values,
          guint                prop_id)
{
  if (g_strv_equal ((const char * const *) list_view (*builder, cache), values))
    return;
  g_clear_pointer (builder, g_strv_builder_unref);
  g_clear_pointer (cache, g_strfreev);
  *builder = g_strv_builder_new ();
  g_strv_builder_addv (*builder, (const char **) values);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_items (GListStore *store,
           GListModel *from)
{
  guint n = g_list_model_get_n_items (from);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (from, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/**
 * _ic_report_assign:
 * @from: the same document's report, read again (a report read in full
 *   after one read from its first pages)
 *
 * Gives @self everything @from has, keeping its own copies as well, so
 * that whatever holds @self (rows, pages, selections) keeps holding the
 * document. Corrections are @from's: none, until they are applied again.
 * Emits notifications for what changed; the caller emits
 * #IcReport::changed with _ic_report_changed() once the report is whole.
 */
void
_ic_report_assign (IcReport *self,
                   IcReport *from)
{
  const char * const *duplicates = ic_report_get_duplicates (from);

  g_return_if_fail (IC_IS_REPORT (self));
  g_return_if_fail (IC_IS_REPORT (from));

  g_object_freeze_notify (G_OBJECT (self));
  _ic_report_set_source (self, from->source);
  _ic_report_set_content_id (self, from->content_id);
  _ic_report_set_authority (self, from->authority);
  _ic_report_set_authority_as_printed (self, from->authority_as_printed);
  _ic_report_set_inspection_type (self, from->inspection_type);
  _ic_report_set_ilacs_variant (self, from->ilacs_variant);
  _ic_report_set_title (self, from->title);
  _ic_report_set_start_date (self, from->start_date);
  _ic_report_set_end_date (self, from->end_date);
  _ic_report_set_published_date (self, from->published_date);
  _ic_report_set_lead_inspector (self, from->lead_inspector);
  _ic_report_set_improvement_note (self, from->improvement_note);
  set_items (self->judgements, G_LIST_MODEL (from->judgements));
  set_items (self->improvements, G_LIST_MODEL (from->improvements));
  set_list (self, &self->strengths, &self->strengths_v, ic_report_get_strengths (from), PROP_STRENGTHS);
  set_list (self, &self->warnings, &self->warnings_v, ic_report_get_warnings (from), PROP_WARNINGS);
  set_list (self, &self->corrected, &self->corrected_v, ic_report_get_corrected_fields (from),
            PROP_CORRECTED_FIELDS);
  _ic_report_set_recurrence_links (self, ic_report_get_recurrence_links (from));
  for (guint i = 0; duplicates[i] != NULL; i++)
    if (!g_strv_contains (ic_report_get_duplicates (self), duplicates[i]))
      _ic_report_add_duplicate (self, duplicates[i]);
  if (!g_strv_equal ((const char * const *) self->pages, (const char * const *) from->pages))
    _ic_report_set_pages (self, (const char * const *) from->pages);
  _ic_report_take_search_doc (self, from->search_doc ? ic_search_doc_ref (from->search_doc) : NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * _ic_report_take_search_doc:
 * @doc: (transfer full) (nullable): the index of the report's pages
 *
 * Built by the loader's worker with the pages; a document is immutable,
 * so snapshots share it.
 */
void
_ic_report_take_search_doc (IcReport    *self,
                            IcSearchDoc *doc)
{
  g_return_if_fail (IC_IS_REPORT (self));
  g_clear_pointer (&self->search_doc, ic_search_doc_unref);
  self->search_doc = doc;
}

IcSearchDoc *
_ic_report_get_search_doc (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->search_doc;
}

/* Tells whatever shows the report that it changed in place. */
void
_ic_report_changed (IcReport *self)
{
  g_return_if_fail (IC_IS_REPORT (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
