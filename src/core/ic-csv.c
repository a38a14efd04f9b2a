/* ic-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-csv"

#include "config.h"

#include "ic-csv.h"
#include "ic-report.h"

/* A spreadsheet runs a cell starting with one of these as a formula
 * (=HYPERLINK(…), +cmd|…, @SUM(…), -2+3…), so such a cell, which here is
 * always text from a report, gets a leading apostrophe (OWASP, "CSV
 * injection"). */
static gboolean
looks_like_formula (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

/* RFC 4180: quote a field holding a comma, quote or line break, doubling
 * quotes inside. Lines end in CRLF. A cell that a spreadsheet would take
 * for a formula starts with "'". Every CSV the app writes goes through
 * here. */
void
ic_csv_append_field (GString    *line,
                     const char *field)
{
  gboolean quote;

  if (line->len > 0 && line->str[line->len - 1] != '\n')
    g_string_append_c (line, ',');

  if (field == NULL)
    return;

  quote = strpbrk (field, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (line, '"');
  if (looks_like_formula (field))
    g_string_append_c (line, '\'');
  if (!quote)
    {
      g_string_append (line, field);
      return;
    }

  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
end_line (GString *csv)
{
  g_string_append (csv, "\r\n");
}

static void
append_date (GString     *csv,
             const GDate *date)
{
  g_autofree char *iso = ic_date_to_iso (date);

  ic_csv_append_field (csv, iso);
}

/**
 * ic_csv_matrix:
 *
 * Returns: (transfer full): one row per report, one column per area
 */
char *
ic_csv_matrix (GListModel *reports)
{
  GString *csv = g_string_new (NULL);
  guint n = g_list_model_get_n_items (reports);

  ic_csv_append_field (csv, "authority");
  ic_csv_append_field (csv, "inspection_type");
  ic_csv_append_field (csv, "start_date");
  ic_csv_append_field (csv, "end_date");
  ic_csv_append_field (csv, "published_date");
  for (IcArea area = 0; area < IC_N_AREAS; area++)
    ic_csv_append_field (csv, ic_area_to_key (area));
  end_line (csv);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      ic_csv_append_field (csv, ic_report_get_authority (report));
      ic_csv_append_field (csv, ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
      append_date (csv, ic_report_get_start_date (report));
      append_date (csv, ic_report_get_end_date (report));
      append_date (csv, ic_report_get_published_date (report));
      for (IcArea area = 0; area < IC_N_AREAS; area++)
        ic_csv_append_field (csv, ic_grade_to_key (ic_report_get_grade (report, area)));
      end_line (csv);
    }

  return g_string_free (csv, FALSE);
}

static void
append_improvement_row (GString       *csv,
                        IcReport      *report,
                        IcImprovement *item,
                        guint          index)
{
  g_autofree char *index_str = g_strdup_printf ("%u", index);
  g_autofree char *themes = g_strjoinv (";", (char **)ic_improvement_get_themes (item));
  g_autofree char *source = ic_path_to_utf8 (ic_report_get_source (report));

  ic_csv_append_field (csv, ic_report_get_authority (report));
  ic_csv_append_field (csv, ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
  append_date (csv, ic_report_get_end_date (report));
  ic_csv_append_field (csv, index_str);
  ic_csv_append_field (csv, ic_improvement_get_timeframe (item));
  ic_csv_append_field (csv, themes);
  ic_csv_append_field (csv, ic_improvement_get_text (item));
  ic_csv_append_field (csv, source);
  end_line (csv);
}

/**
 * ic_csv_improvements:
 *
 * Returns: (transfer full): one row per improvement item
 */
char *
ic_csv_improvements (GListModel *reports)
{
  GString *csv = g_string_new (NULL);
  const char *columns[] = { "authority", "inspection_type", "end_date", "index",
                            "timeframe", "themes", "text", "source" };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    ic_csv_append_field (csv, columns[c]);
  end_line (csv);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      GListModel *items = ic_report_get_improvements (report);

      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);

          append_improvement_row (csv, report, item, k);
        }
    }

  return g_string_free (csv, FALSE);
}
