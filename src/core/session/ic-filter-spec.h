/* ic-filter-spec.h: which reports an output shows
 *
 * One description of a selection of reports, shared by the window's
 * filter bar, the command line's filter options and the pack's cover:
 * the same filters give the same reports everywhere.
 *
 * Criteria combine with "and"; the values of one repeatable criterion
 * (authorities, types) combine with "or". Years are those of the end of
 * fieldwork (ic_report_get_sort_date()). "Latest" keeps, of each
 * authority, its latest graded report among those the other criteria
 * keep (reports of one document dated alike, such as an inspection and
 * its board review, count as one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-report.h"

G_BEGIN_DECLS

#define IC_FILTER_SPEC_ERROR (ic_filter_spec_error_quark ())

typedef enum
{
  /* A name the authority table, the regions or the report types do not know. */
  IC_FILTER_SPEC_ERROR_UNKNOWN,
  /* A year range that ends before it starts. */
  IC_FILTER_SPEC_ERROR_INVALID,
} IcFilterSpecError;

#define IC_TYPE_FILTER_SPEC (ic_filter_spec_get_type ())

G_DECLARE_FINAL_TYPE (IcFilterSpec, ic_filter_spec, IC, FILTER_SPEC, GObject)

GQuark              ic_filter_spec_error_quark        (void);

IcFilterSpec       *ic_filter_spec_new                (void) G_GNUC_WARN_UNUSED_RESULT;
IcFilterSpec       *ic_filter_spec_copy               (IcFilterSpec  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean            ic_filter_spec_equal              (IcFilterSpec  *a,
                                                       IcFilterSpec  *b);
void                ic_filter_spec_assign             (IcFilterSpec  *self,
                                                       IcFilterSpec  *from);

/* Names are resolved through the authority table: any variant it knows
 * ("London Borough of Barnet") gives the canonical name. */
gboolean            ic_filter_spec_add_authority      (IcFilterSpec  *self,
                                                       const char    *name,
                                                       GError       **error);
void                ic_filter_spec_clear_authorities  (IcFilterSpec  *self);
const char * const *ic_filter_spec_get_authorities    (IcFilterSpec  *self);

/* @region: (nullable): a region as the authority data names it ("North
 * West"), any case; %NULL for every region. */
gboolean            ic_filter_spec_set_region         (IcFilterSpec  *self,
                                                       const char    *region,
                                                       GError       **error);
const char         *ic_filter_spec_get_region         (IcFilterSpec  *self);

/* @name: (nullable): the authority whose statistical neighbours, with
 * itself, are kept. */
gboolean            ic_filter_spec_set_peers_of       (IcFilterSpec  *self,
                                                       const char    *name,
                                                       GError       **error);
const char         *ic_filter_spec_get_peers_of       (IcFilterSpec  *self);
const char * const *ic_filter_spec_get_peer_group     (IcFilterSpec  *self);

/* @key: an inspection type key (ilacs, focused_visit, …). */
gboolean            ic_filter_spec_add_type           (IcFilterSpec  *self,
                                                       const char    *key,
                                                       GError       **error);
void                ic_filter_spec_clear_types        (IcFilterSpec  *self);
const char * const *ic_filter_spec_get_types          (IcFilterSpec  *self);

/* Free text the authority's name (canonical or as printed) contains. */
void                ic_filter_spec_set_search         (IcFilterSpec  *self,
                                                       const char    *text);
const char         *ic_filter_spec_get_search         (IcFilterSpec  *self);

/* 0 for no bound. */
void                ic_filter_spec_set_from_year      (IcFilterSpec  *self,
                                                       int            year);
int                 ic_filter_spec_get_from_year      (IcFilterSpec  *self);
void                ic_filter_spec_set_to_year        (IcFilterSpec  *self,
                                                       int            year);
int                 ic_filter_spec_get_to_year        (IcFilterSpec  *self);
void                ic_filter_spec_set_latest         (IcFilterSpec  *self,
                                                       gboolean       latest);
gboolean            ic_filter_spec_get_latest         (IcFilterSpec  *self);

void                ic_filter_spec_reset              (IcFilterSpec  *self);
gboolean            ic_filter_spec_is_empty           (IcFilterSpec  *self);
/* Whether the year range is possible; sets IC_FILTER_SPEC_ERROR_INVALID. */
gboolean            ic_filter_spec_check              (IcFilterSpec  *self,
                                                       GError       **error);

/* Every criterion but "latest", which depends on the other reports. */
gboolean            ic_filter_spec_matches            (IcFilterSpec  *self,
                                                       IcReport      *report);
/* The reports of @reports the whole filter keeps, in their order. */
GListModel         *ic_filter_spec_select             (IcFilterSpec  *self,
                                                       GListModel    *reports) G_GNUC_WARN_UNUSED_RESULT;
/* The reports of @reports that "latest" keeps of those matching. */
GHashTable         *ic_filter_spec_latest_set         (IcFilterSpec  *self,
                                                       GListModel    *reports) G_GNUC_WARN_UNUSED_RESULT;
gboolean            ic_report_is_graded               (IcReport      *report);
/* The rows of the window's "Latest Inspections" matrix, and the visits
 * after each; see the function. */
GPtrArray          *ic_report_latest_rows             (GListModel    *reports,
                                                       GHashTable    *later_visits) G_GNUC_WARN_UNUSED_RESULT;

/* One line for people: "London · from 2023 · latest graded report of
 * each authority", or "all reports" when nothing is filtered. */
char               *ic_filter_spec_describe           (IcFilterSpec  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
