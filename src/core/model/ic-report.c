/* ic-report.c
 *
 * An IcReport is a handle on a value. The value (IcReportValue) holds
 * what the parser or the JSON reader built; once the report is sealed
 * (published to a store, or a snapshot) nothing writes into its value
 * again: the setters refuse. A change to a published report (read in
 * full, corrected, a copy found) is made on a draft (_ic_report_edit())
 * and swapped in whole (_ic_report_commit()): the handle stays the same
 * object, so rows and pages showing it keep it and read it again on
 * ::changed, while whoever holds the old value (a snapshot handed to a
 * thread or an export) keeps seeing the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "ic-enum-types.h"
#include "ic-report-private.h"
#include "ic-search-index.h"

/* The text of a report's pages is large and never changes: values share it. */
typedef struct
{
  char **pages;
} Pages;

typedef struct
{
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
  GPtrArray        *judgements;    /* IcJudgement, immutable objects */
  GPtrArray        *improvements;  /* IcImprovement, immutable objects */
  char            **strengths;
  char            **warnings;
  char            **duplicates;
  char            **corrected;
  /* The user's corrections of recurrence links, "LATER_INDEX EARLIER_ID
   * EARLIER_INDEX same|different"; never NULL. */
  char            **links;
  Pages            *pages_box;
  char            **pages;         /* pages_box->pages */
  /* The pages indexed for search, or NULL: derived from the pages, so a
   * sealed value may still have it filled in once (atomically). */
  IcSearchDoc      *search_doc;
  IcInspectionType  inspection_type;
  IcIlacsVariant    ilacs_variant;
  IcDamage          damage;
  /* When the report says its authority was last inspected (0: it does
   * not; month 0: the year alone). */
  guint16           stated_previous_year;
  guint8            stated_previous_month;
} IcReportValue;

struct _IcReport
{
  GObject        parent_instance;

  IcReportValue *value;
  /* Published: the value is shared and nobody writes into it. */
  gboolean       sealed;
  /* This handle's views of the value's lists: a GListStore caches its
   * last position on reads, so handles on one value never share one. */
  GListStore    *judgements;
  GListStore    *improvements;
  /* The grade of each area, kept with the judgements: a matrix asks for
   * a report's grades many times a row. */
  IcGrade        grades[IC_N_AREAS];
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
pages_clear (Pages *box)
{
  g_strfreev (box->pages);
}

static Pages *
pages_new (const char * const *pages)
{
  Pages *box = g_atomic_rc_box_new0 (Pages);

  box->pages = pages ? g_strdupv ((char **)pages) : g_new0 (char *, 1);
  return box;
}

static void
pages_unref (Pages *box)
{
  g_atomic_rc_box_release_full (box, (GDestroyNotify)pages_clear);
}

/* The strings of a value are reference-counted (GRefString): a swap
 * keeps the ones that did not change where they are, so that a pointer
 * a caller took from a getter (a content id passed on to a correction)
 * stays valid across a correction. */
static char *
str_new (const char *text)
{
  return text != NULL ? g_ref_string_new (text) : NULL;
}

static char *
str_acquire (char *text)
{
  return text != NULL ? g_ref_string_acquire (text) : NULL;
}

static void
str_release (char *text)
{
  if (text != NULL)
    g_ref_string_release (text);
}

/* Gives @to @from's string when they are equal. */
static void
keep_string (char **to,
             char  *from)
{
  if (*to == from || g_strcmp0 (*to, from) != 0)
    return;
  str_release (*to);
  *to = str_acquire (from);
}

static void
value_clear (IcReportValue *v)
{
  str_release (v->source);
  str_release (v->content_id);
  str_release (v->authority);
  str_release (v->authority_as_printed);
  str_release (v->title);
  str_release (v->lead_inspector);
  str_release (v->improvement_note);
  g_clear_pointer (&v->start_date, g_date_free);
  g_clear_pointer (&v->end_date, g_date_free);
  g_clear_pointer (&v->published_date, g_date_free);
  g_ptr_array_unref (v->judgements);
  g_ptr_array_unref (v->improvements);
  g_strfreev (v->strengths);
  g_strfreev (v->warnings);
  g_strfreev (v->duplicates);
  g_strfreev (v->corrected);
  g_strfreev (v->links);
  pages_unref (v->pages_box);
  g_clear_pointer (&v->search_doc, ic_search_doc_unref);
}

static IcReportValue *
value_new (void)
{
  IcReportValue *v = g_atomic_rc_box_new0 (IcReportValue);

  v->judgements = g_ptr_array_new_with_free_func (g_object_unref);
  v->improvements = g_ptr_array_new_with_free_func (g_object_unref);
  v->strengths = g_new0 (char *, 1);
  v->warnings = g_new0 (char *, 1);
  v->duplicates = g_new0 (char *, 1);
  v->corrected = g_new0 (char *, 1);
  v->links = g_new0 (char *, 1);
  v->pages_box = pages_new (NULL);
  v->pages = v->pages_box->pages;
  return v;
}

static void
value_unref (IcReportValue *v)
{
  g_atomic_rc_box_release_full (v, (GDestroyNotify)value_clear);
}

static GDate *
date_copy (const GDate *date)
{
  return date != NULL ? g_date_copy (date) : NULL;
}

static gpointer
ref_object (gconstpointer object,
            gpointer      user_data)
{
  return g_object_ref ((gpointer)object);
}

/* A value a draft may write into. Judgements and improvement items are
 * immutable and shared (a draft replaces an item, never writes into it),
 * and so is the text of the pages. */
static IcReportValue *
value_copy (const IcReportValue *from)
{
  IcReportValue *v = g_atomic_rc_box_new0 (IcReportValue);

  v->source = str_acquire (from->source);
  v->content_id = str_acquire (from->content_id);
  v->authority = str_acquire (from->authority);
  v->authority_as_printed = str_acquire (from->authority_as_printed);
  v->title = str_acquire (from->title);
  v->lead_inspector = str_acquire (from->lead_inspector);
  v->improvement_note = str_acquire (from->improvement_note);
  v->start_date = date_copy (from->start_date);
  v->end_date = date_copy (from->end_date);
  v->published_date = date_copy (from->published_date);
  v->judgements = g_ptr_array_copy (from->judgements, ref_object, NULL);
  g_ptr_array_set_free_func (v->judgements, g_object_unref);
  v->improvements = g_ptr_array_copy (from->improvements, ref_object, NULL);
  g_ptr_array_set_free_func (v->improvements, g_object_unref);
  v->strengths = g_strdupv (from->strengths);
  v->warnings = g_strdupv (from->warnings);
  v->duplicates = g_strdupv (from->duplicates);
  v->corrected = g_strdupv (from->corrected);
  v->links = g_strdupv (from->links);
  v->pages_box = g_atomic_rc_box_acquire (from->pages_box);
  v->search_doc = g_atomic_pointer_get ((IcSearchDoc **)&from->search_doc);
  if (v->search_doc != NULL)
    ic_search_doc_ref (v->search_doc);
  v->pages = v->pages_box->pages;
  v->inspection_type = from->inspection_type;
  v->ilacs_variant = from->ilacs_variant;
  v->damage = from->damage;
  v->stated_previous_year = from->stated_previous_year;
  v->stated_previous_month = from->stated_previous_month;
  return v;
}

static void
strv_append (char       ***strv,
             const char   *value)
{
  guint n = g_strv_length (*strv);

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

/* Every setter: a sealed report is published and its value shared. */
#define RETURN_IF_SEALED(self) \
  G_STMT_START { \
    g_return_if_fail (IC_IS_REPORT (self)); \
    g_return_if_fail (!(self)->sealed); \
  } G_STMT_END

static void
set_string (IcReport    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  str_release (*field);
  *field = str_new (value);
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

static void
append_to_list (IcReport    *self,
                char      ***list,
                const char  *value,
                guint        prop_id)
{
  strv_append (list, value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The handle's list models show @v's lists. */
static void
fill_store (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
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

  g_clear_pointer (&self->value, value_unref);

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
      g_value_set_string (value, self->value->source);
      break;
    case PROP_CONTENT_ID:
      g_value_set_string (value, self->value->content_id);
      break;
    case PROP_AUTHORITY:
      g_value_set_string (value, self->value->authority);
      break;
    case PROP_AUTHORITY_AS_PRINTED:
      g_value_set_string (value, self->value->authority_as_printed);
      break;
    case PROP_INSPECTION_TYPE:
      g_value_set_enum (value, self->value->inspection_type);
      break;
    case PROP_ILACS_VARIANT:
      g_value_set_enum (value, self->value->ilacs_variant);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->value->title);
      break;
    case PROP_START_DATE:
      g_value_set_boxed (value, self->value->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_boxed (value, self->value->end_date);
      break;
    case PROP_PUBLISHED_DATE:
      g_value_set_boxed (value, self->value->published_date);
      break;
    case PROP_LEAD_INSPECTOR:
      g_value_set_string (value, self->value->lead_inspector);
      break;
    case PROP_IMPROVEMENT_NOTE:
      g_value_set_string (value, self->value->improvement_note);
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
      g_value_set_boxed (value, self->value->pages);
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
    g_param_spec_enum ("inspection-type", NULL, NULL,
                       IC_TYPE_INSPECTION_TYPE, IC_INSPECTION_TYPE_OTHER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ILACS_VARIANT] =
    g_param_spec_enum ("ilacs-variant", NULL, NULL,
                       IC_TYPE_ILACS_VARIANT, IC_ILACS_VARIANT_NONE,
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
  self->value = value_new ();
  self->judgements = g_list_store_new (IC_TYPE_JUDGEMENT);
  g_signal_connect_swapped (self->judgements, "items-changed", G_CALLBACK (judgements_changed_cb),
                            self);
  self->improvements = g_list_store_new (IC_TYPE_IMPROVEMENT);
}


const char *
ic_report_get_source (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->source;
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
  return self->value->content_id;
}

const char *
ic_report_get_authority (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->authority;
}

const char *
ic_report_get_authority_as_printed (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->authority_as_printed;
}

IcInspectionType
ic_report_get_inspection_type (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_INSPECTION_TYPE_OTHER);
  return self->value->inspection_type;
}

IcIlacsVariant
ic_report_get_ilacs_variant (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_ILACS_VARIANT_NONE);
  return self->value->ilacs_variant;
}

const char *
ic_report_get_title (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->title;
}

const GDate *
ic_report_get_start_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->start_date;
}

const GDate *
ic_report_get_end_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->end_date;
}

const GDate *
ic_report_get_published_date (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->published_date;
}

const char *
ic_report_get_lead_inspector (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->lead_inspector;
}

/**
 * ic_report_get_stated_previous:
 * @year: (out): the year of the authority's last inspection before
 *   this report, as the report itself states it
 * @month: (out): its month, 1–12, or 0 when the report gives the year alone
 *
 * Returns: whether the report says when its authority was last
 *   inspected ("since the last inspection in 2023")
 */
gboolean
ic_report_get_stated_previous (IcReport *self,
                               guint    *year,
                               guint    *month)
{
  g_return_val_if_fail (IC_IS_REPORT (self), FALSE);
  *year = self->value->stated_previous_year;
  *month = self->value->stated_previous_month;
  return *year != 0;
}

/* An improvement section written as prose, or a statement that earlier
 * areas for improvement still apply: said by the report, not an item. */
const char *
ic_report_get_improvement_note (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return self->value->improvement_note;
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
  return (const char * const *)self->value->strengths;
}

const char * const *
ic_report_get_warnings (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return (const char * const *)self->value->warnings;
}

IcDamage
ic_report_get_damage (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), IC_DAMAGE_NONE);
  return self->value->damage;
}

const char *
ic_damage_to_key (IcDamage damage)
{
  return damage == IC_DAMAGE_CUT_SHORT ? "cut_short" : NULL;
}

IcDamage
ic_damage_from_key (const char *key)
{
  return g_strcmp0 (key, "cut_short") == 0 ? IC_DAMAGE_CUT_SHORT : IC_DAMAGE_NONE;
}

const char *
ic_damage_get_reason (IcDamage damage)
{
  if (damage == IC_DAMAGE_CUT_SHORT)
    return N_("the PDF is cut short: its end is missing (a download or copy that did not "
              "finish?)");
  return NULL;
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
  return (const char * const *)self->value->pages;
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
  return (const char * const *)self->value->duplicates;
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
  return (const char * const *)self->value->corrected;
}

/**
 * ic_report_get_recurrence_links:
 *
 * The user's corrections of which items recur from which: each
 * "LATER_INDEX EARLIER_CONTENT_ID EARLIER_INDEX same" (the two items
 * raise the same concern) or "… different" (they do not), for items of
 * this report; and for this report's statement that earlier areas
 * remain, "carried EARLIER_CONTENT_ID EARLIER_INDEX different" (it does
 * not carry that item forward) or "carried none" (it carries nothing).
 *
 * Returns: (transfer none): the links, never %NULL
 */
const char * const *
ic_report_get_recurrence_links (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return (const char * const *)self->value->links;
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

static int
compare_areas (gconstpointer a,
               gconstpointer b)
{
  return (int) ic_judgement_get_area (*(IcJudgement **) a) - (int) ic_judgement_get_area (*(IcJudgement **) b);
}

/**
 * ic_report_dup_judgements_in_area_order:
 *
 * The judgements as the matrix orders its columns (#IcArea order:
 * overall effectiveness first), for views a user reads across; the
 * exports keep ic_report_get_judgements()'s printed order.
 *
 * Returns: (transfer container) (element-type IcJudgement): the judgements
 */
GPtrArray *
ic_report_dup_judgements_in_area_order (IcReport *self)
{
  GPtrArray *judgements;
  guint n;

  g_return_val_if_fail (IC_IS_REPORT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->judgements));
  judgements = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (judgements, g_list_model_get_item (G_LIST_MODEL (self->judgements), i));
  /* Stable: two judgements of one area would keep their printed order. */
  g_ptr_array_sort (judgements, compare_areas);
  return judgements;
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

  if (self->value->end_date != NULL)
    return self->value->end_date;
  if (self->value->start_date != NULL)
    return self->value->start_date;
  return self->value->published_date;
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
  const char *authority_a = a->value->authority ? a->value->authority : "";
  const char *authority_b = b->value->authority ? b->value->authority : "";
  int cmp;

  /* Most comparisons are of one authority's reports (a sorted list's
   * neighbours): collating normalises both names every time. */
  if (strcmp (authority_a, authority_b) != 0)
    {
      cmp = g_utf8_collate (authority_a, authority_b);
      if (cmp != 0)
        return cmp;
    }

  cmp = compare_dates (ic_report_get_sort_date (a), ic_report_get_sort_date (b));
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (a->value->source, b->value->source);
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

  self->value->source = str_new (source);
  return self;
}

void
_ic_report_set_source (IcReport   *self,
                       const char *source)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->source, source, PROP_SOURCE);
}

void
_ic_report_set_content_id (IcReport   *self,
                           const char *content_id)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->content_id, content_id, PROP_CONTENT_ID);
}

void
_ic_report_set_authority (IcReport   *self,
                          const char *authority)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->authority, authority, PROP_AUTHORITY);
}

void
_ic_report_set_authority_as_printed (IcReport   *self,
                                     const char *printed)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->authority_as_printed, printed, PROP_AUTHORITY_AS_PRINTED);
}

void
_ic_report_set_inspection_type (IcReport         *self,
                                IcInspectionType  type)
{
  RETURN_IF_SEALED (self);
  if (self->value->inspection_type == type)
    return;
  self->value->inspection_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTION_TYPE]);
}

void
_ic_report_set_ilacs_variant (IcReport       *self,
                              IcIlacsVariant  variant)
{
  RETURN_IF_SEALED (self);
  if (self->value->ilacs_variant == variant)
    return;
  self->value->ilacs_variant = variant;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ILACS_VARIANT]);
}

void
_ic_report_set_title (IcReport   *self,
                      const char *title)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->title, title, PROP_TITLE);
}

void
_ic_report_set_start_date (IcReport    *self,
                           const GDate *date)
{
  RETURN_IF_SEALED (self);
  set_date (self, &self->value->start_date, date, PROP_START_DATE);
}

void
_ic_report_set_end_date (IcReport    *self,
                         const GDate *date)
{
  RETURN_IF_SEALED (self);
  set_date (self, &self->value->end_date, date, PROP_END_DATE);
}

void
_ic_report_set_published_date (IcReport    *self,
                               const GDate *date)
{
  RETURN_IF_SEALED (self);
  set_date (self, &self->value->published_date, date, PROP_PUBLISHED_DATE);
}

void
_ic_report_set_lead_inspector (IcReport   *self,
                               const char *name)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->lead_inspector, name, PROP_LEAD_INSPECTOR);
}

void
_ic_report_set_stated_previous (IcReport *self,
                                guint     year,
                                guint     month)
{
  RETURN_IF_SEALED (self);
  g_return_if_fail (year <= G_MAXUINT16 && month <= 12);
  self->value->stated_previous_year = year;
  self->value->stated_previous_month = year != 0 ? month : 0;
}

void
_ic_report_set_improvement_note (IcReport   *self,
                                 const char *note)
{
  RETURN_IF_SEALED (self);
  set_string (self, &self->value->improvement_note, note, PROP_IMPROVEMENT_NOTE);
}

void
_ic_report_add_judgement (IcReport    *self,
                          IcJudgement *judgement)
{
  RETURN_IF_SEALED (self);
  g_ptr_array_add (self->value->judgements, g_object_ref (judgement));
  g_list_store_append (self->judgements, judgement);
}

/* Replaces (or adds) the grade of @area, keeping the printed label and
 * page; IC_GRADE_NONE removes the judgement. Used by corrections. */
void
_ic_report_set_grade (IcReport *self,
                      IcArea    area,
                      IcGrade   grade)
{
  GPtrArray *judgements;

  RETURN_IF_SEALED (self);
  judgements = self->value->judgements;
  for (guint i = 0; i < judgements->len; i++)
    {
      IcJudgement *old = g_ptr_array_index (judgements, i);

      if (ic_judgement_get_area (old) != area)
        continue;

      if (grade == IC_GRADE_NONE)
        {
          g_ptr_array_remove_index (judgements, i);
          g_list_store_remove (self->judgements, i);
        }
      else
        {
          IcJudgement *repl = ic_judgement_new (area, ic_judgement_get_label (old), grade,
                                                ic_judgement_get_page (old));

          g_list_store_splice (self->judgements, i, 1, (gpointer *)&repl, 1);
          /* Frees @old: the store's splice above has let go of it. */
          g_ptr_array_index (judgements, i) = repl;
          g_object_unref (old);
        }
      return;
    }

  if (grade != IC_GRADE_NONE)
    {
      g_autoptr(IcJudgement) added = ic_judgement_new (area, ic_area_to_label (area), grade, 0);

      _ic_report_add_judgement (self, added);
    }
}

void
_ic_report_add_improvement (IcReport      *self,
                            IcImprovement *improvement)
{
  RETURN_IF_SEALED (self);
  g_ptr_array_add (self->value->improvements, g_object_ref (improvement));
  g_list_store_append (self->improvements, improvement);
}

/**
 * _ic_report_set_item_themes:
 * @index: the item's position in ic_report_get_improvements()
 * @themes: (nullable) (array zero-terminated=1): theme keys, main first
 *
 * Replaces the item at @index with one that has @themes: the theme
 * rules (before publishing) and corrections (on a draft) do so.
 */
void
_ic_report_set_item_themes (IcReport           *self,
                            guint               index,
                            const char * const *themes)
{
  GPtrArray *items;
  IcImprovement *repl;

  RETURN_IF_SEALED (self);
  items = self->value->improvements;
  g_return_if_fail (index < items->len);

  repl = ic_improvement_with_themes (g_ptr_array_index (items, index), themes);
  if (repl == g_ptr_array_index (items, index))
    {
      g_object_unref (repl);
      return;
    }
  g_list_store_splice (self->improvements, index, 1, (gpointer *)&repl, 1);
  g_object_unref (g_ptr_array_index (items, index));
  g_ptr_array_index (items, index) = repl;
}

void
_ic_report_add_strength (IcReport   *self,
                         const char *strength)
{
  RETURN_IF_SEALED (self);
  append_to_list (self, &self->value->strengths, strength, PROP_STRENGTHS);
}

void
_ic_report_add_warning (IcReport   *self,
                        const char *warning)
{
  RETURN_IF_SEALED (self);
  append_to_list (self, &self->value->warnings, warning, PROP_WARNINGS);
}

/* Not a property: set once, by the loader, before the report is shown. */
void
_ic_report_set_damage (IcReport *self,
                       IcDamage  damage)
{
  RETURN_IF_SEALED (self);
  self->value->damage = damage;
}

void
_ic_report_add_duplicate (IcReport   *self,
                          const char *path)
{
  RETURN_IF_SEALED (self);
  append_to_list (self, &self->value->duplicates, path, PROP_DUPLICATES);
}

void
_ic_report_mark_corrected (IcReport   *self,
                           const char *field)
{
  RETURN_IF_SEALED (self);
  if (g_strv_contains ((const char * const *)self->value->corrected, field))
    return;
  append_to_list (self, &self->value->corrected, field, PROP_CORRECTED_FIELDS);
}

void
_ic_report_set_recurrence_links (IcReport           *self,
                                 const char * const *links)
{
  char **copy;

  RETURN_IF_SEALED (self);
  copy = links ? g_strdupv ((char **)links) : g_new0 (char *, 1);
  g_strfreev (self->value->links);
  self->value->links = copy;
}

/* Corrections are applied afresh each time, after clearing the marks. */
void
_ic_report_clear_corrected (IcReport *self)
{
  RETURN_IF_SEALED (self);
  if (self->value->links[0] != NULL)
    _ic_report_set_recurrence_links (self, NULL);
  if (self->value->corrected[0] == NULL)
    return;
  g_strfreev (self->value->corrected);
  self->value->corrected = g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTED_FIELDS]);
}

void
_ic_report_set_pages (IcReport           *self,
                      const char * const *pages)
{
  RETURN_IF_SEALED (self);
  pages_unref (self->value->pages_box);
  self->value->pages_box = pages_new (pages);
  self->value->pages = self->value->pages_box->pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

/**
 * _ic_report_take_search_doc:
 * @doc: (transfer full) (nullable): the index of the report's pages
 *
 * Built by the loader's worker with the pages; a document is immutable,
 * so snapshots share it. A sealed report's value takes one only when it
 * has none (the index is a memo of its pages, filled in on first use):
 * if another thread filled it first, @doc is dropped.
 */
void
_ic_report_take_search_doc (IcReport    *self,
                            IcSearchDoc *doc)
{
  g_return_if_fail (IC_IS_REPORT (self));

  if (!self->sealed)
    {
      g_clear_pointer (&self->value->search_doc, ic_search_doc_unref);
      self->value->search_doc = doc;
      return;
    }
  g_return_if_fail (doc != NULL);
  if (!g_atomic_pointer_compare_and_exchange (&self->value->search_doc, NULL, doc))
    ic_search_doc_unref (doc);
}

IcSearchDoc *
_ic_report_get_search_doc (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return g_atomic_pointer_get (&self->value->search_doc);
}

/* Sealing ---------------------------------------------------------------- */

/**
 * _ic_report_seal:
 *
 * Publishes @self: from now on its value is never written; the setters
 * refuse with a critical. The store seals every report it takes.
 */
void
_ic_report_seal (IcReport *self)
{
  g_return_if_fail (IC_IS_REPORT (self));
  self->sealed = TRUE;
}

gboolean
_ic_report_is_sealed (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), FALSE);
  return self->sealed;
}

/* A handle on @value, with its own list models. */
static IcReport *
new_for_value (IcReportValue *value)
{
  IcReport *self = g_object_new (IC_TYPE_REPORT, NULL);

  g_clear_pointer (&self->value, value_unref);
  self->value = value;
  fill_store (self->judgements, value->judgements);
  fill_store (self->improvements, value->improvements);
  return self;
}

/**
 * _ic_report_edit:
 *
 * Returns: (transfer full): an unsealed report with @self's values, to
 *   write a change into before _ic_report_commit() swaps it into @self
 */
IcReport *
_ic_report_edit (IcReport *self)
{
  g_return_val_if_fail (IC_IS_REPORT (self), NULL);
  return new_for_value (value_copy (self->value));
}

/**
 * _ic_report_share:
 *
 * Returns: (transfer full): a sealed report on @self's value as it is
 *   now, which a change to @self (a swap) does not touch: what threads
 *   and exports are given. An unsealed @self is copied instead.
 */
IcReport *
_ic_report_share (IcReport *self)
{
  IcReport *view;

  g_return_val_if_fail (IC_IS_REPORT (self), NULL);

  view = new_for_value (self->sealed ? g_atomic_rc_box_acquire (self->value)
                                     : value_copy (self->value));
  view->sealed = TRUE;
  return view;
}

/* Whether @a and @b are handles on one value: nothing changed in
 * between (a swap gives the report a new value). */
gboolean
_ic_report_shares_value (IcReport *a,
                         IcReport *b)
{
  g_return_val_if_fail (IC_IS_REPORT (a), FALSE);
  g_return_val_if_fail (IC_IS_REPORT (b), FALSE);

  return a->value == b->value;
}

static gboolean
dates_differ (const GDate *a,
              const GDate *b)
{
  if (a == NULL || b == NULL)
    return a != b;
  return g_date_compare (a, b) != 0;
}

static gboolean
strv_differ (char **a,
             char **b)
{
  return !g_strv_equal ((const char * const *)a, (const char * const *)b);
}

/* Tells who listens which properties the swap from @a to @b changed. */
static void
notify_differences (IcReport            *self,
                    const IcReportValue *a,
                    const IcReportValue *b)
{
  const struct { guint prop; gboolean differ; } fields[] = {
    { PROP_SOURCE, g_strcmp0 (a->source, b->source) != 0 },
    { PROP_CONTENT_ID, g_strcmp0 (a->content_id, b->content_id) != 0 },
    { PROP_AUTHORITY, g_strcmp0 (a->authority, b->authority) != 0 },
    { PROP_AUTHORITY_AS_PRINTED, g_strcmp0 (a->authority_as_printed, b->authority_as_printed) != 0 },
    { PROP_INSPECTION_TYPE, a->inspection_type != b->inspection_type },
    { PROP_ILACS_VARIANT, a->ilacs_variant != b->ilacs_variant },
    { PROP_TITLE, g_strcmp0 (a->title, b->title) != 0 },
    { PROP_START_DATE, dates_differ (a->start_date, b->start_date) },
    { PROP_END_DATE, dates_differ (a->end_date, b->end_date) },
    { PROP_PUBLISHED_DATE, dates_differ (a->published_date, b->published_date) },
    { PROP_LEAD_INSPECTOR, g_strcmp0 (a->lead_inspector, b->lead_inspector) != 0 },
    { PROP_IMPROVEMENT_NOTE, g_strcmp0 (a->improvement_note, b->improvement_note) != 0 },
    { PROP_STRENGTHS, strv_differ (a->strengths, b->strengths) },
    { PROP_WARNINGS, strv_differ (a->warnings, b->warnings) },
    { PROP_PAGES, a->pages_box != b->pages_box && strv_differ (a->pages, b->pages) },
    { PROP_DUPLICATES, strv_differ (a->duplicates, b->duplicates) },
    { PROP_CORRECTED_FIELDS, strv_differ (a->corrected, b->corrected) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].differ)
      g_object_notify_by_pspec (G_OBJECT (self), properties[fields[i].prop]);
}

static void
keep_strings (IcReportValue *to,
              IcReportValue *from)
{
  keep_string (&to->source, from->source);
  keep_string (&to->content_id, from->content_id);
  keep_string (&to->authority, from->authority);
  keep_string (&to->authority_as_printed, from->authority_as_printed);
  keep_string (&to->title, from->title);
  keep_string (&to->lead_inspector, from->lead_inspector);
  keep_string (&to->improvement_note, from->improvement_note);
}

/**
 * _ic_report_commit:
 * @draft: (transfer none): from _ic_report_edit(), or a report read again
 *
 * Seals @draft and gives its value to @self, which stays the same object
 * and is sealed: the one way a published report changes. Whoever holds
 * @self's old value (a report from _ic_report_share()) keeps it. Emits
 * notifications for what changed; the caller emits #IcReport::changed
 * with _ic_report_changed() once the report is whole.
 */
void
_ic_report_commit (IcReport *self,
                   IcReport *draft)
{
  IcReportValue *old;

  g_return_if_fail (IC_IS_REPORT (self));
  g_return_if_fail (IC_IS_REPORT (draft));
  g_return_if_fail (self != draft);

  g_return_if_fail (!draft->sealed);

  keep_strings (draft->value, self->value);
  draft->sealed = TRUE;
  self->sealed = TRUE;
  old = g_steal_pointer (&self->value);
  self->value = g_atomic_rc_box_acquire (draft->value);

  g_object_freeze_notify (G_OBJECT (self));
  notify_differences (self, old, self->value);
  fill_store (self->judgements, self->value->judgements);
  fill_store (self->improvements, self->value->improvements);
  g_object_thaw_notify (G_OBJECT (self));
  value_unref (old);
}

/**
 * _ic_report_assign:
 * @from: the same document's report, read again (a report read in full
 *   after one read from its first pages); not yet published
 *
 * Gives @self everything @from has, keeping its own copies as well, so
 * that whatever holds @self (rows, pages, selections) keeps holding the
 * document. Corrections are @from's: none, until they are applied again.
 */
void
_ic_report_assign (IcReport *self,
                   IcReport *from)
{
  g_auto(GStrv) theirs = NULL;

  g_return_if_fail (IC_IS_REPORT (self));
  g_return_if_fail (IC_IS_REPORT (from));
  g_return_if_fail (!from->sealed);

  /* @self's copies first, then any @from found. */
  theirs = g_steal_pointer (&from->value->duplicates);
  from->value->duplicates = g_strdupv (self->value->duplicates);
  for (guint i = 0; theirs[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *)from->value->duplicates, theirs[i]))
      strv_append (&from->value->duplicates, theirs[i]);
  _ic_report_commit (self, from);
}

/* Tells whatever shows the report that it has a new value. */
void
_ic_report_changed (IcReport *self)
{
  g_return_if_fail (IC_IS_REPORT (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
