/* ic-pages-sections.c: recurring areas, one section per authority, sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ic-changes.h"
#include "ic-corrections.h"
#include "ic-failure.h"
#include "ic-frameworks.h"
#include "ic-pages-private.h"
#include "ic-recurrence.h"
#include "ic-search-index.h"

static const double recurring_columns[] = { 0, 0.27, 0.56, 0.9, 1.0 };

Block *
_ic_pages_add_text (IcPages     *pages,
                    double       size,
                    IcTextFlags  flags,
                    const char  *format,
                    ...)
{
  Block *block = g_new0 (Block, 1);
  va_list args;

  va_start (args, format);
  block->markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  block->kind = BLOCK_TEXT;
  block->size = size;
  block->flags = flags;
  block->role = IC_PALETTE_TEXT;
  block->table_header = -1;
  g_ptr_array_add (pages->blocks, block);
  return block;
}

void
_ic_pages_add_entry (IcPages    *pages,
                     const char *title,
                     const char *dest,
                     guint       level)
{
  IcPagesEntry entry = {
    g_string_chunk_insert (pages->strings, title),
    g_string_chunk_insert (pages->strings, dest),
    level,
    0,
  };

  g_array_append_val (pages->entries, entry);
}

static Block *
add_heading (IcPages    *pages,
             const char *title,
             const char *dest,
             guint       level)
{
  Block *block = _ic_pages_add_text (pages, level == 0 ? IC_PAGE_TITLE_SIZE : 13, IC_TEXT_BOLD, "%s", title);

  block->dest = g_strdup (dest);
  block->page_break = TRUE;
  block->keep_with_next = TRUE;
  _ic_pages_add_entry (pages, title, dest, level);
  return block;
}

static Block *
add_row (IcPages       *pages,
         const double  *columns,
         int            header,
         char         **cells)
{
  Block *block = g_new0 (Block, 1);

  block->kind = BLOCK_ROW;
  block->size = IC_PAGE_BODY_SIZE * 0.95;
  block->role = IC_PALETTE_TEXT;
  block->columns = columns;
  block->cells = cells;
  block->header = header < 0;
  block->flags = header < 0 ? IC_TEXT_BOLD : 0;
  block->table_header = header;
  g_ptr_array_add (pages->blocks, block);
  return block;
}

static char *
short_date (const GDate *date)
{
  return ic_date_to_display (date);
}

/* Recurrences grouped by chain (an area raised again, drawn in one
 * theme's row), so that each row's count is its chain's, the JSON's
 * `times_raised` by its latest report shown; a carried-forward join by
 * authority and theme. Each row has the dates of every report that
 * raised the area, in order. */
static GPtrArray *
group_links (IcPages *pages)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < pages->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (pages->links, i);
      char *key;
      g_autofree char *joined = NULL;
      GPtrArray *group;

      if (link->mark_only)
        continue;
      joined = g_strdup_printf ("%s\n%s\n%u", link->authority, link->theme, link->chain);
      key = g_string_chunk_insert_const (pages->strings, joined);
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (group, link);
          g_ptr_array_add (order, group);
          g_hash_table_insert (groups, key, group);
        }
      else
        g_ptr_array_add (group, link);
    }
  return order;
}

static gboolean
group_user_linked (GPtrArray *group)
{
  for (guint i = 0; i < group->len; i++)
    if (((IcChartLink *) g_ptr_array_index (group, i))->user_linked)
      return TRUE;
  return FALSE;
}

/* Whether @group's report of @date raised its area again by possible
 * matches only. */
static gboolean
raised_by_possible (GPtrArray   *group,
                    const GDate *date)
{
  for (guint i = 0; i < group->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (group, i);

      if (link->possible && g_date_compare (&link->later, date) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "4 May 2016, 3 Jun 2023", and whether a link the user made is among
 * those that join them: the pack is read by people who did not make the
 * correction, so it says so as the window does. */
static guint
group_dates (GPtrArray *group,
             GString   *text,
             gboolean  *any_possible)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint i = 0; i < group->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (group, i);
      GDate both[2] = { link->earlier, link->later };

      for (guint k = 0; k < 2; k++)
        {
          gboolean seen = FALSE;

          for (guint j = 0; j < dates->len; j++)
            seen |= g_date_compare (&g_array_index (dates, GDate, j), &both[k]) == 0;
          if (!seen)
            g_array_append_val (dates, both[k]);
        }
    }
  g_array_sort (dates, (GCompareFunc) g_date_compare);
  for (guint j = 0; j < dates->len; j++)
    {
      g_autofree char *date = short_date (&g_array_index (dates, GDate, j));
      gboolean possible = raised_by_possible (group, &g_array_index (dates, GDate, j));

      g_string_append_printf (text, "%s%s", j ? ", " : "", date);
      if (possible)
        /* Translators: after a date in the recurring areas, when that report raised the area again by
         * possible matches only; the legend below the table explains it. */
        g_string_append (text, _(" (possible)"));
      *any_possible |= possible;
    }
  if (group_user_linked (group))
    g_string_append (text, _(" (includes a link made by the user)"));
  return dates->len;
}

void
_ic_pages_add_recurring (IcPages *pages)
{
  g_autoptr(GPtrArray) groups = group_links (pages);
  gboolean any_possible = FALSE;
  int header;

  add_heading (pages, _("Recurring improvement areas"), "recurring", 0);
  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      _("An improvement area recurs when a later report on the same authority raises the same "
                        "concern again. Each row is one such area of an authority, under its theme, with every report "
                        "that raised it; each authority's section names the items."))->role = IC_PALETTE_MUTED_TEXT;
  /* A row under "from 2020" listing 2014 would look like a filter not
   * applied: say why it is there. */
  if (pages->all_reports != NULL && g_list_model_get_n_items (pages->all_reports) > pages->reports->len)
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                        _("Reports the filters hide are listed too: an area's count is every time it was "
                          "raised."))->role = IC_PALETTE_MUTED_TEXT;
  if (groups->len == 0)
    {
      _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("No improvement area was raised again in a later report."));
      return;
    }

  header = pages->blocks->len;
  add_row (pages, recurring_columns, -1,
           /* Translators: column heads; "Reports raising it" holds dates, "Reports" a count. */
           g_strdupv ((char *[]) { _("Authority"), _("Theme"), _("Reports raising it"), _("Reports"), NULL }))->space_before = 6;
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      IcChartLink *first = g_ptr_array_index (group, 0);
      g_autoptr(GString) dates = g_string_new (NULL);
      guint n = group_dates (group, dates, &any_possible);
      g_autofree char *theme = _ic_theme_label (first->theme);
      char **cells = g_new0 (char *, 5);

      cells[0] = g_markup_escape_text (first->authority, -1);
      cells[1] = g_markup_escape_text (theme, -1);
      cells[2] = g_markup_escape_text (dates->str, -1);
      cells[3] = g_strdup_printf ("%u", n);
      add_row (pages, recurring_columns, header, cells);
    }
  if (any_possible)
    _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, 0,
                        _("(possible): that report raised the area again by possible matches only, items that "
                          "share less of their wording; about half such links were right when checked by hand, "
                          "so read the items in the authority's section."))->space_before = 6;
}

static char *
report_heading (IcReport *report)
{
  g_autofree char *date = _ic_report_date_label (report);

  /* Translators: a report's type and date: "Focused visit · 6 March 2015". */
  return g_strdup_printf (_("%s \u00b7 %s"), ic_inspection_type_to_label (ic_report_get_inspection_type (report)), date);
}

static void
add_latest_grades (IcPages   *pages,
                   GPtrArray *reports)
{
  IcReport *latest = NULL;
  g_autofree char *heading = NULL;
  Block *block;

  for (guint i = 0; i < reports->len; i++)
    if (g_list_model_get_n_items (ic_report_get_judgements (g_ptr_array_index (reports, i))) > 0)
      latest = g_ptr_array_index (reports, i);

  if (latest == NULL)
    {
      _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("Latest grades: not graded \u2014 no graded inspection "
                                                            "among the reports loaded."))->space_before = 10;
      return;
    }

  heading = report_heading (latest);
  /* Translators: %s is a report's type and date: "Focused visit · 6 March 2015". */
  block = _ic_pages_add_text (pages, 11, IC_TEXT_BOLD, _("Latest grades (%s)"), heading);
  block->keep_with_next = TRUE;
  block->space_before = 10;
  /* The window says so in the overall column; here the row would be
   * missing with no word why. */
  if (ic_report_get_inspection_type (latest) == IC_INSPECTION_TYPE_ILACS &&
      ic_report_framework_omits_area (latest, IC_AREA_OVERALL_EFFECTIVENESS))
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, IC_TEXT_ITALIC,
                        _("Overall effectiveness: not given (the 2026 framework gives none)"))->role =
      IC_PALETTE_MUTED_TEXT;
  for (guint a = 0; a < IC_N_AREAS; a++)
    {
      if (ic_report_find_judgement (latest, a) == NULL)
        continue;
      g_autofree char *field = g_strconcat ("grade.", ic_area_to_key (a), NULL);
      gboolean corrected = ic_report_is_corrected (latest, field);

      block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, "%s%s", ic_area_to_short_label (a),
                                  corrected ? IC_CORRECTED_MARK : "");
      block->kind = BLOCK_GRADE;
      block->grade = ic_report_get_grade (latest, a);
      if (corrected)
        {
          g_autofree char *note = ic_corrections_footnote (latest, field);

          _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, 0, "%s %s: %s", IC_CORRECTED_MARK,
                              ic_area_to_short_label (a), note)->indent = 8;
        }
    }
  if (ic_report_care_leavers_in_children_in_care (latest))
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, IC_TEXT_ITALIC,
                        _("Care leavers: part of children in care (one judgement for both)"))->role = IC_PALETTE_MUTED_TEXT;
}

/* Whether @dates holds @date already. */
static gboolean
has_date (GArray      *dates,
          const GDate *date)
{
  for (guint i = 0; i < dates->len; i++)
    if (g_date_compare (&g_array_index (dates, GDate, i), date) == 0)
      return TRUE;
  return FALSE;
}

/* Whether one of @reports (an authority's, in the pack) is of @date. */
static gboolean
has_report_on (GPtrArray   *reports,
               const GDate *date)
{
  for (guint i = 0; i < reports->len; i++)
    {
      const GDate *d = ic_report_get_sort_date (g_ptr_array_index (reports, i));

      if (d != NULL && g_date_compare (d, date) == 0)
        return TRUE;
    }
  return FALSE;
}

/* An item by its authority, its report's date and its index. */
static char *
item_key (const char  *authority,
          const GDate *date,
          guint        index)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u", authority, g_date_get_julian (date), index);
}

/* The marks' counts by item_key(), found once: asking every link for
 * every item made a national pack's authority pages a second slower. */
static GHashTable *
index_item_times (GPtrArray *links)
{
  GHashTable *times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (links, i);

      if (link->mark_only)
        g_hash_table_insert (times, item_key (link->authority, &link->later, link->item),
                             GUINT_TO_POINTER (link->times_raised));
    }
  return times;
}

/* How many times item @index of @report had been raised, as its mark on
 * the timeline says ("raised 3 times"): 0 unless the item recurs, i.e.
 * is the later item of a link, whatever row its chain's line takes. */
static guint
item_times_raised (IcPages  *pages,
                   IcReport *report,
                   guint     index)
{
  const GDate *date = ic_report_get_sort_date (report);
  g_autofree char *key = NULL;

  if (date == NULL)
    return 0;
  if (pages->item_times == NULL)
    pages->item_times = index_item_times (pages->links);
  key = item_key (_ic_chart_report_authority (report), date, index);
  return GPOINTER_TO_UINT (g_hash_table_lookup (pages->item_times, key));
}

/* The chain of @chains holding item @index of @report, or NULL. */
static GPtrArray *
find_chain (GPtrArray *chains,
            IcReport  *report,
            guint      index)
{
  for (guint c = 0; c < chains->len; c++)
    {
      GPtrArray *chain = g_ptr_array_index (chains, c);

      for (guint i = 0; i < chain->len; i++)
        if (ic_item_ref_is (g_ptr_array_index (chain, i), report, index))
          return chain;
    }
  return NULL;
}

static void
name_date (GArray      *named,
           const GDate *date)
{
  if (!has_date (named, date))
    g_array_append_val (named, *date);
}

/* Into @named, the dates of the reports of the item's chain other than
 * its own: the chain, not its theme's row, since an item may be drawn
 * in a row other than its chain's. */
static void
name_chain_dates (GArray      *named,
                  GPtrArray   *chain,
                  const GDate *own)
{
  for (guint i = 0; chain != NULL && i < chain->len; i++)
    {
      const GDate *date = ic_report_get_sort_date (((IcItemRef *) g_ptr_array_index (chain, i))->report);

      if (date != NULL && g_date_compare (date, own) != 0)
        name_date (named, date);
    }
}

/* Into @named, the far ends of @theme's steps at @report whose report is
 * outside the pack (a filter by year): its item cannot be told, so the
 * date is named as the timeline joins it. */
static void
name_dates_outside (IcPages    *pages,
                    GArray     *named,
                    GPtrArray  *reports,
                    IcReport   *report,
                    const char *theme)
{
  const GDate *date = ic_report_get_sort_date (report);

  for (guint i = 0; i < pages->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (pages->links, i);
      const GDate *other = NULL;

      if (link->mark_only || !g_str_equal (link->theme, theme) ||
          g_strcmp0 (link->authority, _ic_chart_report_authority (report)) != 0)
        continue;
      if (g_date_compare (&link->later, date) == 0)
        other = &link->earlier;
      else if (g_date_compare (&link->earlier, date) == 0)
        other = &link->later;
      if (other != NULL && !has_report_on (reports, other))
        name_date (named, other);
    }
}

/* "Themes: Front door · Recording (recurs: also raised 12 March 2019)":
 * the dates are those of the other reports that raised the item's area,
 * earliest first. */
static char *
theme_line (IcPages       *pages,
            GPtrArray     *reports,
            GPtrArray     *chains,
            IcReport      *report,
            guint          index,
            IcImprovement *item)
{
  const char * const *themes = ic_improvement_get_themes (item);
  const GDate *date = ic_report_get_sort_date (report);
  g_autoptr(GString) line = g_string_new (_("Themes: "));
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (GDate));

  if (themes == NULL || themes[0] == NULL)
    return g_strdup (_("Themes: none assigned"));

  for (guint t = 0; themes[t] != NULL; t++)
    {
      g_autofree char *label = _ic_theme_label (themes[t]);

      g_string_append_printf (line, "%s%s", t ? " \u00b7 " : "", label);
      if (date != NULL)
        name_dates_outside (pages, named, reports, report, themes[t]);
    }
  if (date != NULL)
    name_chain_dates (named, find_chain (chains, report, index), date);
  g_array_sort (named, (GCompareFunc) g_date_compare);
  for (guint i = 0; i < named->len; i++)
    {
      g_autofree char *text = short_date (&g_array_index (named, GDate, i));

      /* Translators: followed by the dates ("12 March 2019, 4 May 2021") and ")". */
      g_string_append_printf (line, "%s%s", i ? ", " : _(" (recurs: also raised "), text);
    }
  if (named->len > 0)
    g_string_append_c (line, ')');
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* "↻ Raised before: Focused visit · 1 March 2015 (linked by the user)"
 * under an item for each link the user made from or to it: the theme
 * line names only the dates of a theme's chain, and a user's link may
 * join items of different themes. */
static void
add_user_links (IcPages   *pages,
                GPtrArray *recurrences,
                IcReport  *report,
                guint      index)
{
  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);
      const IcItemRef *earlier = ic_recurrence_get_earlier (r);
      const IcItemRef *later = ic_recurrence_get_later (r);
      gboolean is_later = ic_item_ref_is (later, report, index);
      g_autofree char *other = NULL;
      Block *block;

      if (!ic_recurrence_get_user_linked (r) || ic_recurrence_get_carried_forward (r) ||
          !(is_later || ic_item_ref_is (earlier, report, index)))
        continue;
      other = report_heading (is_later ? earlier->report : later->report);
      /* Translators: "↻ Raised before: Focused visit · 1 March 2015 (linked by the user)";
       * the first %s is "Raised before" or "Raised again", the second a report's type and date. */
      block = _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, 0, _("\u21bb %s: %s (linked by the user)"),
                                  is_later ? _("Raised before") : _("Raised again"), other);
      block->indent = 16;
      block->role = IC_PALETTE_MUTED_TEXT;
    }
}

/* Whether item @index of @report was raised again by possible matches
 * only: it is the later item of links, none of them close or the
 * user's. */
static gboolean
item_raised_by_possible (GPtrArray *recurrences,
                         IcReport  *report,
                         guint      index)
{
  gboolean any = FALSE;

  for (guint i = 0; i < recurrences->len; i++)
    {
      IcRecurrence *r = g_ptr_array_index (recurrences, i);

      if (ic_recurrence_get_carried_forward (r) || !ic_item_ref_is (ic_recurrence_get_later (r), report, index))
        continue;
      if (!ic_recurrence_is_possible (r))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* "↻ Raised 3 times — ", or "↻ Raised 3 times (possible match) — " for an
 * item raised again by possible matches only; "" for one raised once. */
static char *
times_mark (guint    times,
            gboolean possible)
{
  if (times <= 1)
    return g_strdup ("");
  if (possible)
    /* Translators: before an item's themes, when the method is less sure it repeats the earlier items:
     * "↻ Raised 3 times (possible match) — Themes: Front door". */
    return g_strdup_printf (ngettext ("\u21bb Raised %u time (possible match) \u2014 ",
                                      "\u21bb Raised %u times (possible match) \u2014 ", times), times);
  /* Translators: before an item's themes: "↻ Raised 3 times — Themes: Front door". */
  return g_strdup_printf (ngettext ("\u21bb Raised %u time \u2014 ", "\u21bb Raised %u times \u2014 ", times), times);
}

/* An item that recurs is marked "↻ Raised 3 times", the count its mark
 * on the timeline says; the item that began its chain names the later
 * dates only. */
static void
add_item (IcPages       *pages,
          GPtrArray     *reports,
          GPtrArray     *recurrences,
          GPtrArray     *chains,
          IcReport      *report,
          guint          index,
          IcImprovement *item)
{
  guint times = item_times_raised (pages, report, index);
  g_autofree char *themes = theme_line (pages, reports, chains, report, index, item);
  g_autofree char *mark = times_mark (times, times > 1 && item_raised_by_possible (recurrences, report, index));
  const char *prefix = ic_improvement_get_kind (item) == IC_ITEM_KIND_PRIORITY_ACTION ? _("Priority action: ") : "";
  Block *block;

  const char *timeframe = ic_improvement_get_timeframe (item);
  g_autofree char *when = timeframe ? g_strdup_printf (" (%s)", timeframe) : g_strdup ("");

  block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, "\u2022 %s%s%s", prefix, ic_improvement_get_text (item), when);
  block->indent = 8;
  block->space_before = 3;
  block->keep_with_next = TRUE;
  block = _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, times > 1 ? IC_TEXT_BOLD : 0, "%s%s", mark, themes);
  block->indent = 16;
  block->role = IC_PALETTE_MUTED_TEXT;
  add_user_links (pages, recurrences, report, index);
}

/* What changed since the authority's previous report, and what the
 * report says that is not an item, under the report's heading. */
static void
add_report_notes (IcPages    *pages,
                  IcReport   *report,
                  GHashTable *changes)
{
  g_autofree char *changed = ic_changes_describe (ic_changes_lookup (changes, report));
  const char *note = ic_report_get_improvement_note (report);
  Block *block;

  if (changed != NULL)
    {
      block = _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, IC_TEXT_BOLD, "%s", changed);
      block->indent = 8;
      block->role = IC_PALETTE_MUTED_TEXT;
      block->keep_with_next = TRUE;
    }
  if (note != NULL)
    {
      block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("The report says: %s"), note);
      block->indent = 8;
      block->space_before = 3;
    }
}

/* The heading a page starts with when a report's items go on over it
 * (a SIF's 36 items take two pages): "Herefordshire · Single inspection
 * (SIF) · 21 May 2014 (continued)", or the page's items are of a report
 * the reader has to turn back to find. Returns its index. */
static int
add_continued_heading (IcPages    *pages,
                       IcReport   *report,
                       const char *heading)
{
  /* Translators: an authority, then a report's type and date, at the top
   * of a page its items go on over. */
  Block *block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, IC_TEXT_BOLD, _("%s \u00b7 %s (continued)"),
                                     _ic_chart_report_authority (report), heading);

  block->repeat_only = TRUE;
  return (int) pages->blocks->len - 1;
}

static void
add_improvements (IcPages    *pages,
                  GPtrArray  *reports,
                  GPtrArray  *recurrences,
                  GPtrArray  *chains,
                  GHashTable *changes)
{
  gboolean any = FALSE;

  for (guint i = reports->len; i-- > 0;)
    {
      IcReport *report = g_ptr_array_index (reports, i);
      GListModel *items = ic_report_get_improvements (report);
      g_autofree char *heading = NULL;
      Block *block;
      int continued;

      if (g_list_model_get_n_items (items) == 0 && ic_report_get_improvement_note (report) == NULL)
        continue;
      if (!any)
        {
          block = _ic_pages_add_text (pages, 11, IC_TEXT_BOLD, _("What needs to improve"));
          block->space_before = 10;
          block->keep_with_next = TRUE;
        }
      any = TRUE;
      heading = report_heading (report);
      continued = add_continued_heading (pages, report, heading);
      block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, IC_TEXT_BOLD, "%s", heading);
      block->space_before = 6;
      block->keep_with_next = TRUE;
      add_report_notes (pages, report, changes);
      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);
          guint first = pages->blocks->len;

          add_item (pages, reports, recurrences, chains, report, k, item);
          for (guint b = first; b < pages->blocks->len; b++)
            ((Block *) g_ptr_array_index (pages->blocks, b))->table_header = continued;
        }
    }
  if (!any)
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("No improvement items in the reports loaded."))->space_before = 10;
}

/* The reports of @reports' authority that its recurrences and what
 * changed are found among: the pack's, and those of every loaded report
 * a filter left out (matched by file, since the pack may hold snapshots
 * of them). An authority's recurrences depend on its own reports only. */
static GListModel *
authority_reports (IcPages   *pages,
                   GPtrArray *reports)
{
  GListStore *model = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GHashTable) in_pack = g_hash_table_new (g_str_hash, g_str_equal);
  const char *authority = _ic_chart_report_authority (g_ptr_array_index (reports, 0));
  guint n = pages->all_reports != NULL ? g_list_model_get_n_items (pages->all_reports) : 0;

  for (guint i = 0; i < reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (reports, i);

      g_list_store_append (model, report);
      g_hash_table_add (in_pack, (gpointer) ic_report_get_source (report));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (pages->all_reports, i);

      if (g_strcmp0 (_ic_chart_report_authority (report), authority) == 0 &&
          !g_hash_table_contains (in_pack, ic_report_get_source (report)))
        g_list_store_append (model, report);
    }
  return G_LIST_MODEL (model);
}

static void
add_authority (IcPages    *pages,
               GPtrArray  *reports,
               guint       index)
{
  IcReport *first = g_ptr_array_index (reports, 0);
  IcReport *last = g_ptr_array_index (reports, reports->len - 1);
  g_autofree char *dest = g_strdup_printf ("authority-%u", index);
  g_autofree char *from = _ic_report_date_label (first);
  g_autofree char *to = _ic_report_date_label (last);
  g_autoptr(GListModel) model = authority_reports (pages, reports);
  g_autoptr(GPtrArray) recurrences = ic_find_recurrences (model);
  g_autoptr(GPtrArray) chains = ic_recurrence_chains (recurrences);
  g_autoptr(GHashTable) changes = ic_changes_compute_with_chains (model, recurrences, chains);

  add_heading (pages, _ic_chart_report_authority (first), dest, 1);
  if (reports->len == 1)
    /* Translators: %s is the report's date. */
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("1 report, %s"), from)->role = IC_PALETTE_MUTED_TEXT;
  else if (g_strcmp0 (from, to) == 0)
    /* Translators: how many reports an authority has, all of one date
     * (an inspection and its board's review), then that date. */
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, ngettext ("%u report, %s", "%u reports, %s", reports->len),
                        reports->len, from)->role = IC_PALETTE_MUTED_TEXT;
  else
    /* Translators: how many reports an authority has, then the dates of its first and last. */
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, ngettext ("%u report, %s to %s", "%u reports, %s to %s", reports->len),
                        reports->len, from, to)->role = IC_PALETTE_MUTED_TEXT;
  add_latest_grades (pages, reports);
  add_improvements (pages, reports, recurrences, chains, changes);
}

void
_ic_pages_add_authorities (IcPages *pages)
{
  g_autoptr(GPtrArray) group = g_ptr_array_new ();
  guint index = 0;

  if (pages->reports->len == 0)
    return;
  _ic_pages_add_entry (pages, _("Authorities"), "authority-0", 0);
  for (guint i = 0; i < pages->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (pages->reports, i);

      if (_ic_pages_is_cancelled (pages))
        return;
      if (group->len > 0 && !g_str_equal (_ic_chart_report_authority (g_ptr_array_index (group, 0)),
                                          _ic_chart_report_authority (report)))
        {
          add_authority (pages, group, index++);
          g_ptr_array_set_size (group, 0);
        }
      g_ptr_array_add (group, report);
    }
  add_authority (pages, group, index);
}

static char *
dates_text (IcReport *report)
{
  g_autofree char *start = ic_date_to_display (ic_report_get_start_date (report));
  g_autofree char *end = ic_date_to_display (ic_report_get_end_date (report));
  g_autofree char *published = ic_date_to_display (ic_report_get_published_date (report));
  g_autoptr(GString) text = g_string_new (NULL);

  if (start != NULL && end != NULL && g_strcmp0 (start, end) != 0)
    /* Translators: the first and last days of an inspection's fieldwork. */
    g_string_append_printf (text, _("on site %s to %s"), start, end);
  else if (end != NULL || start != NULL)
    g_string_append_printf (text, _("on site %s"), end ? end : start);
  if (text->len > 0 && published != NULL)
    g_string_append (text, ", ");
  if (published != NULL)
    /* Translators: the date the report's letter bears. */
    g_string_append_printf (text, _("dated %s"), published);
  if (text->len == 0)
    g_string_append (text, _("dates not found"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A pack quotes this many passages at most: beyond it a list stops
 * being evidence a meeting can read; the CSV has them all. */
#define MAX_EVIDENCE 300
#define EVIDENCE_WIDTH 260

static void
add_quote (IcPages           *pages,
           IcSearchQuery     *query,
           const IcSearchHit *hit)
{
  IcReport *report = hit->report;
  IcGrade grade = ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS);
  g_autofree char *snippet = ic_search_hit_snippet (hit, query, EVIDENCE_WIDTH, NULL);
  g_autofree char *date = ic_date_to_display (ic_report_get_end_date (report));
  g_autofree char *page = hit->page ? g_strdup_printf (_(" \u00b7 page %u"), hit->page) : g_strdup ("");
  Block *block;

  block = _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, "\u201c%s\u201d", snippet);
  block->space_before = 5;
  block->keep_with_next = TRUE;
  _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, 0, "%s \u00b7 %s \u00b7 %s%s%s%s",
                      _ic_chart_report_authority (report),
                      ic_inspection_type_to_label (ic_report_get_inspection_type (report)),
                      grade != IC_GRADE_NONE ? ic_grade_to_label (grade) : _("not graded"),
                      date ? " \u00b7 " : "", date ? date : "", page)->role = IC_PALETTE_MUTED_TEXT;
}

/* The query inside the sentence's own quotes: one quoted phrase, as
 * the search box takes it ("edge of care"), loses its straight quotes
 * rather than reading “"edge of care"”. */
static char *
query_as_quoted (const char *query)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  gsize n = strlen (trimmed);

  if (n >= 2 && trimmed[0] == '"' && trimmed[n - 1] == '"' && strchr (trimmed + 1, '"') == trimmed + n - 1)
    return g_strndup (trimmed + 1, n - 2);
  return g_steal_pointer (&trimmed);
}

/* "Evidence": the passages a search finds in the pack's reports, under
 * each authority, with grade, date and page; the sources follow. */
void
_ic_pages_add_evidence (IcPages *pages)
{
  g_autoptr(IcSearchQuery) query = ic_search_query_new (pages->evidence);
  g_autoptr(GListStore) reports = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GArray) hits = NULL;
  const char *authority = NULL;
  g_autofree char *asked = NULL;

  add_heading (pages, _("Evidence"), "evidence", 0);
  if (query == NULL)
    return;
  asked = query_as_quoted (pages->evidence);
  for (guint i = 0; i < pages->reports->len; i++)
    g_list_store_append (reports, g_ptr_array_index (pages->reports, i));
  hits = ic_search_run (G_LIST_MODEL (reports), query);
  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      /* Translators: the words searched for, how many passages were found and,
                       * when there are too many, ", the first 300 quoted here". */
                      ngettext ("What the reports say about \u201c%s\u201d: %u passage%s. Words are matched "
                                "in all their forms, quoted phrases exactly.",
                                "What the reports say about \u201c%s\u201d: %u passages%s. Words are matched "
                                "in all their forms, quoted phrases exactly.", hits->len), asked, hits->len,
                      hits->len > MAX_EVIDENCE ? _(", the first 300 quoted here") : "")->role =
    IC_PALETTE_MUTED_TEXT;

  for (guint i = 0; i < hits->len && i < MAX_EVIDENCE; i++)
    {
      const IcSearchHit *hit = &g_array_index (hits, IcSearchHit, i);
      const char *name = _ic_chart_report_authority (hit->report);

      if (g_strcmp0 (name, authority) != 0)
        {
          Block *block = _ic_pages_add_text (pages, 11, IC_TEXT_BOLD, "%s", name);

          block->space_before = 12;
          block->keep_with_next = TRUE;
          authority = name;
        }
      add_quote (pages, query, hit);
    }
}

/* Under a report read from a damaged file, in its source's entry: what
 * the pack shows of it may lack grades or items (its matrix row says
 * "?" where a grade is missing). */
static void
add_damage_note (IcPages  *pages,
                 IcReport *report)
{
  IcDamage damage = ic_report_get_damage (report);

  if (damage == IC_DAMAGE_NONE)
    return;
  /* Translators: under a report in the pack's sources: why it was read in part. */
  _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE + 0.5, IC_TEXT_ITALIC, _("Read in part: %s"),
                      _(ic_damage_get_reason (damage)))->space_before = 1;
}

void
_ic_pages_add_sources (IcPages *pages)
{
  add_heading (pages, _("Sources"), "sources", 0);
  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      _("Compiled from the Ofsted reports listed here (Crown copyright, Open Government Licence v3.0). "
                        "This pack is not an Ofsted publication."))->role = IC_PALETTE_MUTED_TEXT;

  for (guint i = 0; i < pages->reports->len; i++)
    {
      IcReport *report = g_ptr_array_index (pages->reports, i);
      const char *title = ic_report_get_title (report);
      /* A name that is not UTF-8 is shown as the file manager would. */
      g_autofree char *source = ic_path_to_utf8 (ic_report_get_source (report));
      const char *type = ic_inspection_type_to_label (ic_report_get_inspection_type (report));
      g_autofree char *dates = dates_text (report);
      /* Translators: a report with no title: its type and authority. */
      g_autofree char *fallback = g_strdup_printf (_("%s, %s"), type, _ic_chart_report_authority (report));
      Block *block;

      /* Translators: Pango markup: a report's title in bold; then its authority, type and
       * dates; then its file's name. Keep the tags and line breaks. */
      block = _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE + 0.5, 0, _("<b>%s</b>\n%s \u00b7 %s \u00b7 %s\nFile: %s"),
                                  title && *title ? title : fallback, _ic_chart_report_authority (report),
                                  type, dates, source ? source : _("not recorded"));
      block->space_before = 5;
      add_damage_note (pages, report);
    }

  if (pages->failures->len == 0)
    return;
  _ic_pages_add_text (pages, 11, IC_TEXT_BOLD, _("Files that could not be read"))->space_before = 12;
  for (guint i = 0; i < pages->failures->len; i++)
    {
      IcFailure *failure = g_ptr_array_index (pages->failures, i);

      g_autofree char *source = ic_path_to_utf8 (ic_failure_get_source (failure));

      _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE + 0.5, 0, "%s: %s", source,
                          ic_failure_get_display_reason (failure))->space_before = 3;
    }
}

/* The summary pack's recurring areas: one row per theme, the authorities
 * told about it again, so that the whole archive fits a page or two. */
static const double theme_columns[] = { 0, 0.3, 0.4, 1.0 };

#define SUMMARY_NAMES 12

static char *
theme_authority_key (const char *theme,
                     const char *authority)
{
  return g_strconcat (theme, "\n", authority, NULL);
}

/* @user_linked: filled with the theme_authority_key() of each authority
 * whose recurrence of a theme includes a link the user made. */
static GHashTable *
authorities_by_theme (IcPages    *pages,
                      GHashTable *user_linked)
{
  GHashTable *by_theme = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < pages->links->len; i++)
    {
      IcChartLink *link = g_ptr_array_index (pages->links, i);
      GPtrArray *names = g_hash_table_lookup (by_theme, link->theme);

      if (link->mark_only)
        continue;
      if (link->user_linked)
        g_hash_table_add (user_linked, theme_authority_key (link->theme, link->authority));

      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (by_theme, link->theme, names);
        }
      if (!g_ptr_array_find_with_equal_func (names, link->authority, g_str_equal, NULL))
        g_ptr_array_add (names, link->authority);
    }
  return by_theme;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static char *
names_text (GPtrArray  *names,
            const char *theme,
            GHashTable *user_linked)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len && i < SUMMARY_NAMES; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *key = theme_authority_key (theme, name);

      /* "; ": a comma would split "Kingston upon Hull, City of" in two. */
      g_string_append_printf (text, "%s%s%s", i ? "; " : "", name,
                              g_hash_table_contains (user_linked, key) ? IC_CORRECTED_MARK : "");
    }
  if (names->len > SUMMARY_NAMES)
    /* Translators: after a list of authorities' names. */
    g_string_append_printf (text, _(" and %u more"), names->len - SUMMARY_NAMES);
  return g_markup_escape_text (text->str, -1);
}

void
_ic_pages_add_recurring_summary (IcPages *pages)
{
  g_autoptr(GHashTable) user_linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_theme = authorities_by_theme (pages, user_linked);
  int header;

  add_heading (pages, _("Recurring improvement areas"), "recurring", 0);
  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      _("An improvement area recurs when a later report on the same authority raises the same "
                        "concern again. Each theme lists the authorities told about it again; the full pack "
                        "gives the reports and dates."))->role = IC_PALETTE_MUTED_TEXT;
  if (g_hash_table_size (by_theme) == 0)
    {
      _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, _("No improvement area was raised again in a later report."));
      return;
    }

  header = pages->blocks->len;
  add_row (pages, theme_columns, -1,
           /* Translators: column heads; "Authorities" holds a count, "Where it recurs" their names. */
           g_strdupv ((char *[]) { _("Theme"), _("Authorities"), _("Where it recurs"), NULL }))->space_before = 6;
  for (guint t = 0; t < pages->charts[1]->themes->len; t++)
    {
      const char *theme = g_ptr_array_index (pages->charts[1]->themes, t);
      GPtrArray *names = g_hash_table_lookup (by_theme, theme);
      g_autofree char *label = NULL;
      char **cells;

      if (names == NULL)
        continue;
      label = _ic_theme_label (theme);
      cells = g_new0 (char *, 4);
      cells[0] = g_markup_escape_text (label, -1);
      cells[1] = g_strdup_printf ("%u", names->len);
      cells[2] = names_text (names, theme, user_linked);
      add_row (pages, theme_columns, header, cells)->size = IC_PAGE_SMALL_SIZE + 0.5;
    }
  if (g_hash_table_size (user_linked) > 0)
    _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE, 0, /* Translators: %s is the mark put after an authority's name. */
                        _("%s includes a link made by the user (a correction)"),
                        IC_CORRECTED_MARK)->space_before = 6;
}

/* The summary names its sources by count and kind; the full pack and the
 * exports list every file. */
void
_ic_pages_add_sources_summary (IcPages *pages)
{
  guint counts[IC_N_INSPECTION_TYPES] = { 0 };
  g_autoptr(GString) kinds = g_string_new (NULL);

  add_heading (pages, _("Sources"), "sources", 0);
  for (guint i = 0; i < pages->reports->len; i++)
    counts[ic_report_get_inspection_type (g_ptr_array_index (pages->reports, i))]++;
  for (guint t = 0; t < IC_N_INSPECTION_TYPES; t++)
    if (counts[t] > 0)
      {
        g_string_append (kinds, kinds->len ? "; " : "");
        /* Translators: a kind of report and how many of them there are: "Focused visit: 3". */
        g_string_append_printf (kinds, _("%s: %u"), ic_inspection_type_to_label (t), counts[t]);
      }

  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      ngettext ("Compiled from %u Ofsted report (Crown copyright, Open Government Licence v3.0). "
                                "This pack is not an Ofsted publication.",
                                "Compiled from %u Ofsted reports (Crown copyright, Open Government Licence v3.0). "
                                "This pack is not an Ofsted publication.", pages->reports->len),
                      pages->reports->len);
  if (kinds->len > 0)
    _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0, "%s.", kinds->str)->space_before = 6;
  _ic_pages_add_text (pages, IC_PAGE_BODY_SIZE, 0,
                      /* Translators: --pack=full is a command-line option: keep it as it is. */
                      _("Every report is listed with its title, dates and file in the full pack "
                        "(--pack=full) and in the CSV and JSON exports."))->space_before = 6;

  if (pages->failures->len == 0)
    return;
  _ic_pages_add_text (pages, 11, IC_TEXT_BOLD, _("Files that could not be read: %u"),
                      pages->failures->len)->space_before = 12;
  for (guint i = 0; i < pages->failures->len && i < SUMMARY_NAMES; i++)
    {
      IcFailure *failure = g_ptr_array_index (pages->failures, i);

      g_autofree char *source = ic_path_to_utf8 (ic_failure_get_source (failure));

      _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE + 0.5, 0, "%s: %s", source,
                          ic_failure_get_display_reason (failure))->space_before = 3;
    }
  if (pages->failures->len > SUMMARY_NAMES)
    _ic_pages_add_text (pages, IC_PAGE_SMALL_SIZE + 0.5, 0, _("and %u more (listed in the full pack)"),
                        pages->failures->len - SUMMARY_NAMES)->space_before = 3;
}
