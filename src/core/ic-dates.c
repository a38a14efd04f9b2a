/* TEMPORARY SHIM */
#include "ic-dates.h"
#include <string.h>
#include <stdlib.h>
static const char *months[] = {"jan","feb","mar","apr","may","jun","jul","aug","sep","oct","nov","dec"};
static int month_of (const char *m) { for (int i = 0; i < 12; i++) if (g_ascii_strncasecmp (m, months[i], 3) == 0) return i + 1; return 0; }
#define MON "(January|February|March|April|May|June|July|August|September|October|November|December)"
gboolean ic_dates_find_range (const char *text, GDate *start, GDate *end) {
  static GRegex *re;
  if (!re) re = g_regex_new ("(\\d{1,2})(?:\\s+" MON ")?(?:\\s+(\\d{4}))?\\s*(?:–|—|─|-|to|and)\\s*(\\d{1,2})\\s+" MON "\\s+(\\d{4})|(\\d{1,2})\\s+" MON "\\s+(\\d{4})", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) mi = NULL;
  if (!g_regex_match (re, text, 0, &mi)) return FALSE;
  g_autofree char *d1 = g_match_info_fetch (mi, 1);
  if (d1 && *d1) {
    g_autofree char *m1 = g_match_info_fetch (mi, 2), *y1 = g_match_info_fetch (mi, 3), *d2 = g_match_info_fetch (mi, 4), *m2 = g_match_info_fetch (mi, 5), *y2 = g_match_info_fetch (mi, 6);
    int em = month_of (m2), ey = atoi (y2), sm = *m1 ? month_of (m1) : em, sy = *y1 ? atoi (y1) : ey;
    if (!*y1 && sm > em) sy--;
    if (!g_date_valid_dmy (atoi (d1), sm, sy) || !g_date_valid_dmy (atoi (d2), em, ey)) return FALSE;
    g_date_set_dmy (start, atoi (d1), sm, sy); g_date_set_dmy (end, atoi (d2), em, ey); return TRUE;
  }
  g_autofree char *d = g_match_info_fetch (mi, 7), *m = g_match_info_fetch (mi, 8), *y = g_match_info_fetch (mi, 9);
  if (!g_date_valid_dmy (atoi (d), month_of (m), atoi (y))) return FALSE;
  g_date_set_dmy (start, atoi (d), month_of (m), atoi (y)); *end = *start; return TRUE;
}
gboolean ic_dates_parse_day (const char *text, GDate *date) { GDate e; return ic_dates_find_range (text, date, &e) && g_date_compare (date, &e) == 0; }
