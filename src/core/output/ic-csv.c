/* ic-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-csv"

#include "config.h"

#include "ic-atomic-file.h"
#include "ic-corrections.h"
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

static GString *
corrected_names (IcReport           *report,
                 const char * const *columns,
                 const char * const *fields)
{
  GString *names = g_string_new (NULL);

  for (guint c = 0; columns[c] != NULL; c++)
    if (ic_report_is_corrected (report, fields[c]))
      g_string_append_printf (names, "%s%s", names->len ? ";" : "", columns[c]);
  return names;
}

/* The last column: the row's columns a user corrected, joined with ";". */
static void
append_corrected (GString            *csv,
                  IcReport           *report,
                  const char * const *columns,
                  const char * const *fields)
{
  g_autoptr(GString) names = corrected_names (report, columns, fields);

  ic_csv_append_field (csv, names->str);
}

/* An item's recurrence corrections, which have no column of their own:
 * "linked" when the user linked it to an earlier item ("same"),
 * "unlinked" when the user said it does not repeat one ("different"),
 * each once. */
static void
add_link_corrections (GString  *names,
                      IcReport *report,
                      guint     index)
{
  const char * const *links = ic_report_get_recurrence_links (report);
  gboolean linked = FALSE, unlinked = FALSE;

  for (guint i = 0; links[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (links[i], " ", -1);

      if (g_strv_length (f) != 4 || g_str_equal (f[0], "carried") ||
          g_ascii_strtoull (f[0], NULL, 10) != index)
        continue;
      linked |= g_str_equal (f[3], "same");
      unlinked |= g_str_equal (f[3], "different");
    }
  if (linked)
    g_string_append_printf (names, "%slinked", names->len ? ";" : "");
  if (unlinked)
    g_string_append_printf (names, "%sunlinked", names->len ? ";" : "");
}

static const char *date_columns[] = { "authority", "inspection_type", "start_date", "end_date", "published_date" };

static void
append_matrix_corrected (GString  *csv,
                         IcReport *report)
{
  const char *columns[G_N_ELEMENTS (date_columns) + IC_N_AREAS + 1] = { NULL };
  char *fields[G_N_ELEMENTS (date_columns) + IC_N_AREAS + 1] = { NULL };

  for (guint c = 0; c < G_N_ELEMENTS (date_columns); c++)
    {
      columns[c] = date_columns[c];
      fields[c] = g_strdup (date_columns[c]);
    }
  for (IcArea area = 0; area < IC_N_AREAS; area++)
    {
      columns[G_N_ELEMENTS (date_columns) + area] = ic_area_to_key (area);
      fields[G_N_ELEMENTS (date_columns) + area] = g_strconcat ("grade.", ic_area_to_key (area), NULL);
    }
  append_corrected (csv, report, columns, (const char * const *) fields);
  for (guint c = 0; fields[c] != NULL; c++)
    g_free (fields[c]);
}

/* Where a CSV's rows go: kept in @csv, or written out to @file whenever
 * @csv grows past FLUSH_SIZE, so that an export of thousands of rows
 * never holds the whole file. A row done is a step of @progress. */
typedef struct
{
  GString          *csv;
  IcAtomicFile     *file;      /* NULL: the rows stay in csv */
  const IcProgress *progress;  /* nullable */
} CsvOut;

#define FLUSH_SIZE (4 * 1024)

typedef gboolean (*CsvRows) (CsvOut        *out,
                             gconstpointer  data,
                             GError       **error);

static gboolean
flush_rows (CsvOut *out)
{
  gboolean ok = ic_atomic_file_write (out->file, out->csv->str, out->csv->len);

  g_string_truncate (out->csv, 0);
  return ok;
}

/* After each report (or row): the rows so far go out, and a Cancel is
 * heard. A failed write stops the rows too; commit reports it. */
static gboolean
step_done (CsvOut  *out,
           guint    done,
           guint    total,
           GError **error)
{
  if (out->file != NULL && out->csv->len >= FLUSH_SIZE && !flush_rows (out))
    return FALSE;
  return ic_progress_step (out->progress, done, total, error);
}

static char *
rows_to_string (CsvRows       rows,
                gconstpointer data)
{
  CsvOut out = { g_string_new (NULL), NULL, NULL };

  /* With neither a file nor a cancellable, nothing can stop the rows. */
  if (!rows (&out, data, NULL))
    g_assert_not_reached ();
  return g_string_free (out.csv, FALSE);
}

/* Whole or not at all (ic-atomic-file.c): a Cancel or a failed write
 * removes the temporary file and leaves any earlier file at @path. */
static gboolean
rows_to_file (CsvRows            rows,
              gconstpointer      data,
              const char        *path,
              const IcProgress  *progress,
              GError           **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  CsvOut out = { csv, NULL, progress };

  out.file = ic_atomic_file_open (path, error);
  if (out.file == NULL)
    return FALSE;
  /* Cancelled: a failed write instead stops the rows with no error of
   * its own, and commit gives the file's reason. */
  if (!rows (&out, data, error) && ic_atomic_file_get_error (out.file) == NULL)
    {
      ic_atomic_file_abort (out.file);
      return FALSE;
    }
  flush_rows (&out);
  return ic_atomic_file_commit (out.file, error);
}

static gboolean
matrix_rows (CsvOut        *out,
             gconstpointer  data,
             GError       **error)
{
  GListModel *reports = (GListModel *) data;
  GString *csv = out->csv;
  guint n = g_list_model_get_n_items (reports);

  ic_csv_append_field (csv, "authority");
  ic_csv_append_field (csv, "inspection_type");
  ic_csv_append_field (csv, "start_date");
  ic_csv_append_field (csv, "end_date");
  ic_csv_append_field (csv, "published_date");
  for (IcArea area = 0; area < IC_N_AREAS; area++)
    ic_csv_append_field (csv, ic_area_to_key (area));
  ic_csv_append_field (csv, "corrected");
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
      append_matrix_corrected (csv, report);
      end_line (csv);
      if (!step_done (out, i + 1, n, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ic_csv_matrix:
 *
 * Returns: (transfer full): one row per report, one column per area
 */
char *
ic_csv_matrix (GListModel *reports)
{
  return rows_to_string (matrix_rows, reports);
}

/**
 * ic_csv_write_matrix:
 * @progress: (nullable): told of each report written; its Cancel stops
 *   the file being written, and an earlier file at @path stays
 *
 * ic_csv_matrix() written to @path, whole or not at all.
 */
gboolean
ic_csv_write_matrix (GListModel        *reports,
                     const char        *path,
                     const IcProgress  *progress,
                     GError           **error)
{
  return rows_to_file (matrix_rows, reports, path, progress, error);
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
  g_autofree char *themes_field = g_strdup_printf ("improvements.%u.themes", index);
  const char *columns[] = { "authority", "inspection_type", "end_date", "themes", NULL };
  const char *fields[] = { "authority", "inspection_type", "end_date", themes_field, NULL };
  g_autoptr(GString) corrected = corrected_names (report, columns, fields);

  ic_csv_append_field (csv, ic_report_get_authority (report));
  ic_csv_append_field (csv, ic_inspection_type_to_key (ic_report_get_inspection_type (report)));
  append_date (csv, ic_report_get_end_date (report));
  ic_csv_append_field (csv, index_str);
  ic_csv_append_field (csv, ic_improvement_get_timeframe (item));
  ic_csv_append_field (csv, themes);
  ic_csv_append_field (csv, ic_improvement_get_text (item));
  ic_csv_append_field (csv, source);
  add_link_corrections (corrected, report, index);
  ic_csv_append_field (csv, corrected->str);
  end_line (csv);
}

static gboolean
improvement_rows (CsvOut        *out,
                  gconstpointer  data,
                  GError       **error)
{
  GListModel *reports = (GListModel *) data;
  guint n = g_list_model_get_n_items (reports);
  const char *columns[] = { "authority", "inspection_type", "end_date", "index",
                            "timeframe", "themes", "text", "source", "corrected" };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    ic_csv_append_field (out->csv, columns[c]);
  end_line (out->csv);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);
      GListModel *items = ic_report_get_improvements (report);

      for (guint k = 0; k < g_list_model_get_n_items (items); k++)
        {
          g_autoptr(IcImprovement) item = g_list_model_get_item (items, k);

          append_improvement_row (out->csv, report, item, k);
        }
      if (!step_done (out, i + 1, n, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ic_csv_improvements:
 *
 * Returns: (transfer full): one row per improvement item
 */
char *
ic_csv_improvements (GListModel *reports)
{
  return rows_to_string (improvement_rows, reports);
}

/**
 * ic_csv_write_improvements:
 * @progress: (nullable): told of each report written (its items are
 *   its rows); see ic_csv_write_matrix()
 */
gboolean
ic_csv_write_improvements (GListModel        *reports,
                           const char        *path,
                           const IcProgress  *progress,
                           GError           **error)
{
  return rows_to_file (improvement_rows, reports, path, progress, error);
}

/* About 200 characters around a match: a sentence or two, enough to
 * judge the evidence from the spreadsheet. */
#define SNIPPET_WIDTH 200

typedef struct
{
  GArray        *hits;
  IcSearchQuery *query;
} SearchRows;

static gboolean
search_rows (CsvOut        *out,
             gconstpointer  data,
             GError       **error)
{
  const SearchRows *search = data;
  GString *csv = out->csv;
  const char *columns[] = { "authority", "inspection_type", "end_date", "overall_effectiveness",
                            "source", "page", "snippet" };

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    ic_csv_append_field (csv, columns[c]);
  end_line (csv);

  for (guint i = 0; i < search->hits->len; i++)
    {
      const IcSearchHit *hit = &g_array_index (search->hits, IcSearchHit, i);
      g_autofree char *page = hit->page ? g_strdup_printf ("%u", hit->page) : NULL;
      g_autofree char *snippet = ic_search_hit_snippet (hit, search->query, SNIPPET_WIDTH, NULL);
      /* The CSV is UTF-8 whatever the encoding of file names. */
      g_autofree char *source = ic_path_to_utf8 (ic_report_get_source (hit->report));

      ic_csv_append_field (csv, ic_report_get_authority (hit->report));
      ic_csv_append_field (csv, ic_inspection_type_to_key (ic_report_get_inspection_type (hit->report)));
      append_date (csv, ic_report_get_end_date (hit->report));
      ic_csv_append_field (csv, ic_grade_to_key (ic_report_get_grade (hit->report,
                                                                     IC_AREA_OVERALL_EFFECTIVENESS)));
      ic_csv_append_field (csv, source);
      ic_csv_append_field (csv, page ? page : "");
      ic_csv_append_field (csv, snippet);
      end_line (csv);
      if (!step_done (out, i + 1, search->hits->len, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ic_csv_search:
 * @hits: (element-type IcSearchHit): what ic_search_run() found
 *
 * Returns: (transfer full): one row per hit: authority, type, end date,
 *   overall effectiveness, source, page (empty for a text file), snippet
 */
char *
ic_csv_search (GArray        *hits,
               IcSearchQuery *query)
{
  SearchRows search = { hits, query };

  return rows_to_string (search_rows, &search);
}

/**
 * ic_csv_write_search:
 * @progress: (nullable): told of each hit written; see
 *   ic_csv_write_matrix()
 */
gboolean
ic_csv_write_search (GArray            *hits,
                     IcSearchQuery     *query,
                     const char        *path,
                     const IcProgress  *progress,
                     GError           **error)
{
  SearchRows search = { hits, query };

  return rows_to_file (search_rows, &search, path, progress, error);
}
