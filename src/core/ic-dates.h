/* TEMPORARY SHIM (not committed): replaced by the authorities branch. */
#pragma once
#include <glib.h>
G_BEGIN_DECLS
gboolean ic_dates_find_range (const char *text, GDate *start, GDate *end);
gboolean ic_dates_parse_day (const char *text, GDate *date);
G_END_DECLS
