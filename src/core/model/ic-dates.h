/* ic-dates.h: dates and date ranges as Ofsted reports print them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ic_dates_find_range      (const char *text,
                                   GDate      *start,
                                   GDate      *end);
gboolean ic_dates_find_range_span (const char *text,
                                   GDate      *start,
                                   GDate      *end,
                                   gsize      *match_start,
                                   gsize      *match_len);
gboolean ic_dates_find_range_in_year (const char *text,
                                      guint       year,
                                      GDate      *start,
                                      GDate      *end);
gboolean ic_dates_find_labelled_range (const char *text,
                                       GDate      *start,
                                       GDate      *end);
gboolean ic_dates_parse_day       (const char *text,
                                   GDate      *date);

G_END_DECLS
