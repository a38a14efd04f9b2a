/* test-pack.c: the summary PDF read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "ic-chart-links.h"
#include "ic-corrections.h"
#include "ic-failure.h"
#include "ic-json.h"
#include "ic-pack.h"
#include "ic-pages-private.h"
#include "ic-render-test-data.h"
#include "ic-report-private.h"
#include "ic-test-util.h"
#include "ic-themes.h"

#define FOOTER "Not an Ofsted publication \u2014 compiled from Ofsted reports (Open Government Licence)"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

static char *
out_path (const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir ? builddir : ".", "render-out", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

static PopplerDocument *
export_and_open (GListModel *reports,
                 GListModel *failures,
                 const char *name,
                 double     *seconds)
{
  g_autofree char *path = out_path (name);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) as_at = g_date_new_dmy (21, 11, 2026);
  IcPackOptions options = { .as_at = as_at };
  gint64 start = g_get_monotonic_time ();
  PopplerDocument *doc;

  g_assert_true (ic_pack_export_pdf (reports, failures, &options, path, &error));
  g_assert_no_error (error);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / 1e6;
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static char *
page_text (PopplerDocument *doc,
           int              i)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);

  return poppler_page_get_text (page);
}

/* A4 either way up; footer and "Page x of y" on every page. */
static GString *
check_pages (PopplerDocument *doc,
             guint            expected_pages)
{
  int n = poppler_document_get_n_pages (doc);
  GString *all = g_string_new (NULL);

  g_assert_cmpint (n, ==, expected_pages);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i + 1, n);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (MIN (w, h) - IC_A4_WIDTH), <, 0.5);
      g_assert_cmpfloat (fabs (MAX (w, h) - IC_A4_HEIGHT), <, 0.5);
      /* The matrix and the timeline are landscape, everything else portrait. */
      if (g_str_has_prefix (text, "Judgement matrix") || g_str_has_prefix (text, "Improvement areas over time"))
        g_assert_cmpfloat (w, >, h);
      else
        g_assert_cmpfloat (w, <, h);
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, FOOTER));
      g_string_append (all, text);
      g_string_append_c (all, '\f');
    }
  return all;
}

static void
check_metadata (PopplerDocument *doc)
{
  g_autofree char *title = poppler_document_get_title (doc);
  g_autofree char *creator = poppler_document_get_creator (doc);
  gint64 created = poppler_document_get_creation_date (doc);

  g_assert_cmpstr (title, ==, "Inspection summary pack");
  g_assert_cmpstr (creator, ==, PACKAGE_NAME " " PACKAGE_VERSION);
  g_assert_cmpint (llabs (created - g_get_real_time () / G_USEC_PER_SEC), <, 3600);
}

/* Top-level outline titles, and the number of authorities listed under
 * "Authorities". */
static GPtrArray *
outline_titles (PopplerDocument *doc,
                guint           *n_authorities)
{
  g_autoptr(PopplerIndexIter) iter = poppler_index_iter_new (doc);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  *n_authorities = 0;
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_ptr_array_add (titles, g_strdup (action->any.title));
      if (g_str_equal (action->any.title, "Authorities"))
        {
          g_autoptr(PopplerIndexIter) child = poppler_index_iter_get_child (iter);

          do
            (*n_authorities)++;
          while (child != NULL && poppler_index_iter_next (child));
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  return titles;
}

static void
check_outline (PopplerDocument *doc,
               guint            n_authorities)
{
  const char *expected[] = { "Cover", "Contents", "Judgement matrix", "Improvement areas over time", "Charts",
                             "Recurring improvement areas", "Authorities", "Sources" };
  guint found_authorities;
  g_autoptr(GPtrArray) titles = outline_titles (doc, &found_authorities);

  g_assert_cmpuint (titles->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, expected[i]);
  g_assert_cmpuint (found_authorities, ==, n_authorities);
}

/* Every link of the contents goes to a page that starts with its title. */
static void
check_contents_links (PopplerDocument *doc)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 1);
  GList *mapping = poppler_page_get_link_mapping (page);
  guint n = 0;

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *link = l->data;
      PopplerDest *dest;
      g_autofree char *target = NULL;

      g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_cmpint (link->action->goto_dest.dest->type, ==, POPPLER_DEST_NAMED);
      dest = poppler_document_find_dest (doc, link->action->goto_dest.dest->named_dest);
      g_assert_nonnull (dest);
      target = page_text (doc, dest->page_num - 1);
      if (g_str_equal (link->action->goto_dest.dest->named_dest, "sources"))
        g_assert_true (g_str_has_prefix (target, "Sources"));
      if (g_str_equal (link->action->goto_dest.dest->named_dest, "matrix"))
        g_assert_true (g_str_has_prefix (target, "Judgement matrix"));
      /* The definition the app applies (DOMAIN.md), not a shared theme. */
      if (g_str_equal (link->action->goto_dest.dest->named_dest, "recurring"))
        {
          g_strdelimit (target, "\n", ' ');
          g_assert_nonnull (strstr (target, "raises the same concern again"));
        }
      poppler_dest_free (dest);
      n++;
    }
  poppler_page_free_link_mapping (mapping);
  g_assert_cmpuint (n, >=, 8);
}

static void
check_authorities (GString    *text,
                   GListModel *reports)
{
  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      if (strstr (text->str, ic_report_get_authority (report)) == NULL)
        g_error ("%s is not in the pack", ic_report_get_authority (report));
      for (IcArea a = 0; a < IC_N_AREAS; a++)
        if (ic_report_find_judgement (report, a) != NULL)
          g_assert_nonnull (strstr (text->str, ic_grade_to_label (ic_report_get_grade (report, a))));
      g_assert_nonnull (strstr (text->str, ic_report_get_source (report)));
    }
}

/* Margins stay empty: drawn without clipping, no page puts ink outside
 * its content area except the footer line. */
static void
check_margins (GListModel *reports)
{
  g_autoptr(IcPages) pages = ic_pages_paginate (reports, NULL, NULL, 0, 0);

  _ic_render_debug_no_clip = TRUE;
  for (guint i = 0; i < ic_pages_get_n_pages (pages); i++)
    {
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;
      const unsigned char *data;

      ic_pages_get_page_size (pages, i, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
      cr = cairo_create (surface);
      ic_pages_draw_page (pages, cr, i);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      for (int y = 0; y < (int) h; y++)
        for (int x = 0; x < (int) w; x++)
          {
            /* The strip between the content and the footer rule stays
             * empty too: nothing runs into the footer. */
            gboolean gap = y > h - IC_PAGE_MARGIN - IC_PAGE_FOOTER + 1 && y < h - IC_PAGE_MARGIN - 28;
            gboolean content = x >= IC_PAGE_MARGIN - 1 && x <= w - IC_PAGE_MARGIN + 1
                               && y >= IC_PAGE_MARGIN - 1 && y <= h - IC_PAGE_MARGIN + 1 && !gap;
            guint32 px = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;

            if (!content && px != 0xffffff)
              g_error ("page %u: ink at %d,%d in the margin", i + 1, x, y);
          }
      cairo_surface_destroy (surface);
    }
  _ic_render_debug_no_clip = FALSE;
}

/* A matrix title that a translation makes wrap takes room from the rows
 * of each matrix page: they stop above the footer, as in English. */
static void
test_pack_long_title_margins (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (60, 1);
  char *translation = ic_test_translation_begin ("Judgement matrix: latest graded report of each authority",
                                                 "Judgement matrix: the latest graded report of each authority, "
                                                 "in a wording so much longer than the English one that it "
                                                 "needs more lines on a landscape page than the slack below "
                                                 "the last row of a full page leaves, which is less than a "
                                                 "row: three lines more than one are taller than any row");

  check_margins (reports);
  ic_test_translation_end (translation);
}

static guint
n_authorities_of (GListModel *reports)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (reports, i);

      g_hash_table_add (names, (gpointer) ic_report_get_authority (report));
    }
  return g_hash_table_size (names);
}

static void
check_pack (guint       n_reports,
            guint       per_authority,
            const char *name)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (n_reports, per_authority);
  g_autoptr(GListStore) failures = g_list_store_new (IC_TYPE_FAILURE);
  g_autoptr(IcFailure) failure = ic_failure_new ("/reports/broken.pdf", "not a PDF: an HTML error page");
  g_autoptr(IcPages) pages = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) text = NULL;
  double seconds;

  g_list_store_append (failures, failure);
  pages = ic_pages_paginate (reports, G_LIST_MODEL (failures), NULL, 0, 0);
  doc = export_and_open (reports, G_LIST_MODEL (failures), name, &seconds);
  g_test_message ("pack of %u reports (%u authorities): %d pages in %.2f s", n_reports,
                  n_authorities_of (reports), poppler_document_get_n_pages (doc), seconds);
  if (n_reports > 150)
    g_print ("# benchmark: pack of %u reports, %u authorities: %d pages written in %.2f s\n", n_reports,
             n_authorities_of (reports), poppler_document_get_n_pages (doc), seconds);

  text = check_pages (doc, ic_pages_get_n_pages (pages));
  check_metadata (doc);
  check_outline (doc, n_authorities_of (reports));
  check_contents_links (doc);
  check_authorities (text, reports);
  g_assert_nonnull (strstr (text->str, "As at"));
  g_assert_nonnull (strstr (text->str, "21 November 2026"));
  g_assert_nonnull (strstr (text->str, "/reports/broken.pdf: not a PDF: an HTML error page"));
  if (n_reports >= 2)
    {
      g_assert_nonnull (strstr (text->str, "Not graded"));
      g_assert_nonnull (strstr (text->str, "Recurring"));
    }
  g_assert_nonnull (strstr (text->str, "part of children in care"));
  check_margins (reports);
}

static void
test_pack_one (void)
{
  check_pack (1, 1, "pack-1.pdf");
}

static void
test_pack_five (void)
{
  check_pack (5, 2, "pack-5.pdf");
}

static void
test_pack_many (void)
{
  check_pack (459, 3, "pack-153.pdf");
}

/* The real reports of the shared corpus, as their expected JSON reads:
 * real names, labels, long items and frameworks from 2012 to 2025. */
static void
test_pack_corpus (void)
{
  g_autofree char *dir = ic_test_corpus_path ("expected");
  g_autoptr(GListStore) store = g_list_store_new (IC_TYPE_REPORT);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(IcPages) pages = NULL;
  g_autoptr(GString) text = NULL;
  const char *name;

  if (dir == NULL)
    return;
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(IcReport) report = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (json_parser_load_from_file (parser, path, &error));
      report = ic_json_report_from_node (json_parser_get_root (parser), &error);
      g_assert_no_error (error);
      _ic_report_set_source (report, name);
      g_list_store_append (store, report);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >=, 10);

  pages = ic_pages_paginate (G_LIST_MODEL (store), NULL, NULL, 0, 0);
  doc = export_and_open (G_LIST_MODEL (store), NULL, "pack-corpus.pdf", NULL);
  text = check_pages (doc, ic_pages_get_n_pages (pages));
  check_outline (doc, n_authorities_of (G_LIST_MODEL (store)));
  check_contents_links (doc);
  check_authorities (text, G_LIST_MODEL (store));
  check_margins (G_LIST_MODEL (store));
}

/* The summary pack of 153 authorities, three reports each, fits twelve
 * pages: its matrix rows are one line each. */
static void
test_pack_summary_many (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (459, 3);
  g_autoptr(GDate) as_at = g_date_new_dmy (21, 11, 2026);
  IcPackOptions options = { .as_at = as_at, .summary = TRUE, .filters = "all reports" };
  g_autoptr(IcPages) pages = ic_pages_paginate (reports, NULL, &options, 0, 0);
  g_autoptr(IcPages) full = ic_pages_paginate (reports, NULL, NULL, 0, 0);
  g_autofree char *message = g_strdup_printf ("153 authorities: summary %u pages, full %u pages",
                                              ic_pages_get_n_pages (pages), ic_pages_get_n_pages (full));

  ic_test_note (message);
  g_assert_cmpuint (ic_pages_get_n_pages (pages), <=, 12);
  g_assert_cmpuint (ic_pages_get_n_pages (pages), <, ic_pages_get_n_pages (full));
}

static void
test_pack_empty (void)
{
  g_autoptr(GListModel) reports = G_LIST_MODEL (g_list_store_new (IC_TYPE_REPORT));
  g_autoptr(PopplerDocument) doc = export_and_open (reports, NULL, "pack-0.pdf", NULL);
  g_autofree char *cover = page_text (doc, 0);

  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 3);
  g_assert_nonnull (strstr (cover, "Reports"));
}

static void
test_pack_unwritable (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (2, 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (ic_pack_export_pdf (reports, NULL, NULL, "/nonexistent-dir/pack.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/pack.pdf"));
}

static IcReport *
focused_visit (const char         *authority,
               const char         *id,
               const char         *end_iso,
               const char * const *items)
{
  g_autofree char *source = g_strdup_printf ("/r/%s.txt", id);
  IcReport *report = ic_test_report_with_items (source, authority, end_iso, items);

  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  _ic_report_set_content_id (report, id);
  return report;
}

static IcReport *
halton_report (const char         *id,
               const char         *end_iso,
               const char * const *items)
{
  return focused_visit ("Halton", id, end_iso, items);
}

/* The pack's whole text, each run of white space one space: a table's
 * cell wraps (and poppler joins a row's cells with nothing between). */
static char *
pack_text (GListModel *reports,
           gboolean    summary)
{
  g_autofree char *path = out_path (summary ? "pack-user-links-summary.pdf" : "pack-user-links.pdf");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GDate) as_at = g_date_new_dmy (21, 11, 2026);
  IcPackOptions options = { .as_at = as_at, .summary = summary };
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ic_pack_export_pdf (reports, NULL, &options, path, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *page = page_text (doc, i);

      for (const char *c = page; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          g_string_append_c (text, *c);
        else if (text->len > 0 && text->str[text->len - 1] != ' ')
          g_string_append_c (text, ' ');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A report read from a PDF cut short is said to be under its entry in
 * the sources; a whole one is not. */
static void
test_pack_damage_note (void)
{
  const char *items[] = { "Sufficiency of foster homes.", NULL };
  IcReport *cut = halton_report ("ilacs2022", "2022-05-13", items);
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(GListModel) whole = ic_test_model_of (halton_report ("ilacs2019", "2019-05-13", items), NULL);
  g_autofree char *text = NULL;
  g_autofree char *whole_text = NULL;

  _ic_report_set_damage (cut, IC_DAMAGE_CUT_SHORT);
  reports = ic_test_model_of (cut, NULL);
  text = pack_text (reports, FALSE);
  g_assert_nonnull (strstr (text, "Read in part: the PDF is cut short: its end is missing"));
  whole_text = pack_text (whole, FALSE);
  g_assert_null (strstr (whole_text, "Read in part"));
}

/* An authority's latest grades are listed as the matrix orders them,
 * overall effectiveness first, though ILACS prints it last. */
static void
test_pack_grades_in_matrix_order (void)
{
  const char *items[] = { "Sufficiency of foster homes.", NULL };
  static const IcArea printed[] = { IC_AREA_LEADERSHIP, IC_AREA_HELP_AND_PROTECTION,
                                    IC_AREA_CHILDREN_IN_CARE, IC_AREA_OVERALL_EFFECTIVENESS };
  IcReport *report = halton_report ("ilacs2022", "2022-05-13", items);
  g_autoptr(GListModel) reports = NULL;
  g_autofree char *text = NULL;
  const char *latest;

  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      g_autoptr(IcJudgement) j = ic_judgement_new (printed[i], NULL, IC_GRADE_GOOD, i + 1);

      _ic_report_add_judgement (report, j);
    }
  reports = ic_test_model_of (report, NULL);
  text = pack_text (reports, FALSE);
  latest = strstr (text, "Latest grades (");
  g_assert_nonnull (latest);
  g_assert_nonnull (strstr (latest, ic_area_to_short_label (IC_AREA_LEADERSHIP)));
  g_assert_true (strstr (latest, ic_area_to_short_label (IC_AREA_OVERALL_EFFECTIVENESS)) <
                 strstr (latest, ic_area_to_short_label (IC_AREA_LEADERSHIP)));
  g_assert_true (strstr (latest, ic_area_to_short_label (IC_AREA_LEADERSHIP)) <
                 strstr (latest, ic_area_to_short_label (IC_AREA_CHILDREN_IN_CARE)));
}

/* A link the user made ("same") is said to be the user's in the pack's
 * recurring areas (full and summary) and under both items, and counts as
 * raised again in what changed; a pair the user unlinked ("different")
 * leaves the pack and counts as no longer raised. */
static void
test_pack_user_links (void)
{
  const char *y2015[] = { "Sufficiency of foster homes.",
                          "Recording of management decisions on case files.", NULL };
  const char *y2019[] = { "Emotional wellbeing support for children looked after, including access to "
                          "child and adolescent services.", NULL };
  const char *y2023[] = { "Emotional wellbeing support for children looked after, including access to "
                          "child and adolescent services, and its timeliness.",
                          "Timeliness of initial child protection conferences.", NULL };
  IcReport *first = halton_report ("id2015", "2015-03-06", y2015);
  IcReport *middle = halton_report ("id2019", "2019-03-08", y2019);
  IcReport *last = halton_report ("id2023", "2023-03-10", y2023);
  g_autoptr(GListModel) reports = ic_test_model_of (first, middle, last, NULL);
  g_autoptr(IcCorrections) corrections = ic_corrections_new ("/nonexistent/corrections.json");
  const char *user_link = "improvements.0.recurs_from.id2015.1";
  const char *method_link = "improvements.0.recurs_from.id2019.0";
  const char *same_day_link = "improvements.1.recurs_from.id2019.0";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The method's link alone: 2019 and 2023, nothing of the user's. */
  text = pack_text (reports, FALSE);
  g_assert_nonnull (strstr (text, "8 March 2019, 10 March 2023"));
  g_assert_null (strstr (text, "by the user"));
  g_assert_nonnull (strstr (text, "Since the focused visit of March 2015: 0 raised again, 1 new, 2 no longer raised"));

  /* 2015's recording item, which the method keeps apart, linked by the
   * user to 2019's. */
  g_assert_true (ic_corrections_set_field (corrections, "id2019", user_link, "same", &error));
  g_assert_no_error (error);
  ic_corrections_apply (corrections, middle);
  g_clear_pointer (&text, g_free);
  text = pack_text (reports, FALSE);
  /* The row lists 2015 too, though its item has another theme: the
   * area was raised three times, as 2023's item says (the count stands
   * where the wrapped cell's first line ends). */
  g_assert_nonnull (strstr (text, "HaltonHealth and well-being6 March 2015, 8 March 2019, 10 March 2023 3 "
                                  "(includes a link made by the user)"));
  g_assert_nonnull (strstr (text, "Raised before: Focused visit \u00b7 6 March 2015 (linked by the user)"));
  g_assert_nonnull (strstr (text, "Raised again: Focused visit \u00b7 8 March 2019 (linked by the user)"));
  g_assert_nonnull (strstr (text, "Since the focused visit of March 2015: 1 raised again, 0 new, 1 no longer raised"));
  g_clear_pointer (&text, g_free);
  text = pack_text (reports, TRUE);
  g_assert_nonnull (strstr (text, "Halton" IC_CORRECTED_MARK));
  g_assert_nonnull (strstr (text, IC_CORRECTED_MARK " includes a link made by the user (a correction)"));

  /* A link the user made to a later report's other item, at the end
   * of a step the method drew already, is that step's too. */
  g_assert_true (ic_corrections_remove (corrections, "id2019", user_link));
  g_assert_true (ic_corrections_set_field (corrections, "id2023", same_day_link, "same", &error));
  g_assert_no_error (error);
  ic_corrections_apply (corrections, middle);
  ic_corrections_apply (corrections, last);
  g_clear_pointer (&text, g_free);
  text = pack_text (reports, FALSE);
  g_assert_nonnull (strstr (text, "8 March 2019, 10 March 2023 (includes a link made by the user)"));
  g_assert_nonnull (strstr (text, "Raised before: Focused visit \u00b7 8 March 2019 (linked by the user)"));
  g_assert_true (ic_corrections_remove (corrections, "id2023", same_day_link));

  /* The user's link taken back, and the method's pair unlinked: no
   * recurring area left, and 2023 raises its item as new. */
  g_assert_true (ic_corrections_set_field (corrections, "id2023", method_link, "different", &error));
  g_assert_no_error (error);
  ic_corrections_apply (corrections, middle);
  ic_corrections_apply (corrections, last);
  g_clear_pointer (&text, g_free);
  text = pack_text (reports, FALSE);
  g_assert_null (strstr (text, "8 March 2019, 10 March 2023"));
  g_assert_null (strstr (text, "by the user"));
  g_assert_nonnull (strstr (text, "No improvement area was raised again in a later report."));
  g_assert_nonnull (strstr (text, "Since the focused visit of March 2019: 0 raised again, 2 new, 1 no longer raised"));
}

/* Two items of a theme each raised again in a later report: under
 * each item the earlier report's date is named once. */
static void
test_pack_recurs_dates_once (void)
{
  const char *earlier[] = { "Sufficiency of foster homes.", "Placement stability for children in care.", NULL };
  const char *later[] = { "Sufficiency of foster homes for children in care.",
                          "Placement stability for children in care and their foster carers.", NULL };
  g_autoptr(GListModel) reports =
    ic_test_model_of (focused_visit ("Halton", "h2019", "2019-03-08", earlier),
                      focused_visit ("Halton", "h2023", "2023-03-10", later), NULL);
  g_autofree char *text = pack_text (reports, FALSE);

  g_assert_nonnull (strstr (text, "(recurs: also raised 8 March 2019)"));
  g_assert_null (strstr (text, "8 March 2019, 8 March 2019"));
  g_assert_null (strstr (text, "10 March 2023, 10 March 2023"));
}

/* A focused visit to Halton with items of the themes given: @themes
 * holds each item's themes joined with ",". */
static IcReport *
themed_visit (const char         *id,
              const char         *end_iso,
              const char * const *texts,
              const char * const *themes)
{
  g_autofree char *source = g_strdup_printf ("/r/%s.txt", id);
  IcReport *report = _ic_report_new (source);
  g_autoptr(GDate) end = ic_date_from_iso (end_iso);

  _ic_report_set_authority (report, "Halton");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_FOCUSED_VISIT);
  _ic_report_set_content_id (report, id);
  _ic_report_set_end_date (report, end);
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_strsplit (themes[i], ",", -1);
      g_autoptr(IcImprovement) item = ic_improvement_new_with_themes (texts[i], IC_ITEM_KIND_IMPROVEMENT,
                                                                      IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                                                      (const char * const *) keys);

      _ic_report_add_improvement (report, item);
    }
  return report;
}

/* An item is said to recur only when it does itself: a later item that
 * shares a theme with the one that recurs, but repeats nothing, is not
 * marked. */
static void
test_pack_recurring_item_only (void)
{
  const char *earlier[] = { "Sufficiency of foster homes.", NULL };
  const char *earlier_themes[] = { "sufficiency_and_placements" };
  const char *later[] = { "Life-story work for children in care.",
                          "Sufficiency of foster homes for children in care.", NULL };
  const char *later_themes[] = { "child_voice_and_identity,sufficiency_and_placements",
                                 "sufficiency_and_placements" };
  g_autoptr(GListModel) reports =
    ic_test_model_of (themed_visit ("h2019", "2019-03-08", earlier, earlier_themes),
                      themed_visit ("h2023", "2023-03-10", later, later_themes), NULL);
  g_autofree char *text = pack_text (reports, FALSE);
  const char *marked = "Sufficiency and placements (recurs: also raised 8 March 2019)";
  const char *first = strstr (text, marked);

  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, marked));
  g_assert_nonnull (strstr (text, "Themes: Child's voice and identity \u00b7 Sufficiency and placements"));
  g_assert_nonnull (strstr (text, "(recurs: also raised 10 March 2023)"));
}

/* An area raised in 2015 (permanence), 2019 (workforce) and 2024 (both):
 * the timeline runs its line in one row, but under each report every
 * item of the chain names the other dates, and each item raised again
 * says how many times, as its mark on the timeline does. */
static void
test_pack_marks_every_chain_item (void)
{
  const char *text[] = { "Decisions for children waiting on court work made without drift.", NULL };
  const char *permanence[] = { "permanence_and_adoption" };
  const char *workforce[] = { "workforce" };
  const char *both[] = { "permanence_and_adoption,workforce" };
  g_autoptr(GListModel) reports =
    ic_test_model_of (themed_visit ("h2015", "2015-03-12", text, permanence),
                      themed_visit ("h2019", "2019-12-13", text, workforce),
                      themed_visit ("h2024", "2024-07-19", text, both), NULL);
  g_autofree char *pack = pack_text (reports, FALSE);

  g_assert_nonnull (strstr (pack, " Themes: Permanence and adoption (recurs: also raised "
                                  "13 December 2019, 19 July 2024)"));
  /* The item that began the chain is not raised again: no mark. */
  g_assert_null (strstr (pack, "\u2014 Themes: Permanence and adoption (recurs"));
  g_assert_null (strstr (pack, "\u21bb Raised 1 times"));
  g_assert_nonnull (strstr (pack, "\u21bb Raised 2 times \u2014 Themes: Workforce (recurs: also raised "
                                  "12 March 2015, 19 July 2024)"));
  g_assert_nonnull (strstr (pack, "\u21bb Raised 3 times \u2014 Themes: Permanence and adoption \u00b7 Workforce "
                                  "(recurs: also raised 12 March 2015, 13 December 2019)"));
}

/* An area raised in 2015, 2019 and 2022 (permanence) and again in 2024
 * by an item of another theme only (workforce): the chain's line runs in
 * permanence's row and ends in 2024 in a dot, that row having no mark
 * there, and the recurring areas list 2024 with the chain's count, as the
 * JSON's `times_raised` (4) and its mark do. */
static void
test_pack_recurring_lists_last_report (void)
{
  const char *text[] = { "Decisions for children waiting on court work made without drift.", NULL };
  const char *permanence[] = { "permanence_and_adoption" };
  const char *workforce[] = { "workforce" };
  g_autoptr(GListModel) reports =
    ic_test_model_of (themed_visit ("h2015", "2015-03-12", text, permanence),
                      themed_visit ("h2019", "2019-12-13", text, permanence),
                      themed_visit ("h2022", "2022-05-20", text, permanence),
                      themed_visit ("h2024", "2024-07-19", text, workforce), NULL);
  g_autofree char *pack = pack_text (reports, FALSE);

  g_assert_nonnull (strstr (pack, "HaltonPermanence and adoption12 March 2015, 13 December 2019, 20 May 2022, "
                                  "19 July 20244 "));
  g_assert_nonnull (strstr (pack, "\u21bb Raised 4 times \u2014 Themes: Workforce"));
}

/* The recurring areas' rows of the pack of @shown, its joins found among
 * @all (as the command line's --from does), one row a line. */
static char *
recurring_section_of (GListModel *all,
                      GListModel *shown,
                      BlockKind   kind)
{
  g_autoptr(GPtrArray) found = ic_find_recurrences (all);
  g_autoptr(GPtrArray) links = ic_chart_links_of_selection (found, shown);
  IcPackOptions options = { .recurrences = links, .all_reports = all };
  g_autoptr(IcPages) pages = ic_pages_paginate (shown, NULL, &options, 0, 0);
  GString *lines = g_string_new (NULL);
  gboolean in_section = FALSE;

  for (guint i = 0; i < pages->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (pages->blocks, i);

      if (block->dest != NULL)
        in_section = g_str_equal (block->dest, "recurring");
      if (in_section && block->kind == kind && kind == BLOCK_ROW && !block->header)
        {
          g_autofree char *row = g_strjoinv (" | ", block->cells);

          g_string_append_printf (lines, "%s\n", row);
        }
      else if (in_section && block->kind == kind && kind == BLOCK_TEXT)
        g_string_append_printf (lines, "%s\n", block->markup);
    }
  return g_string_free (lines, FALSE);
}

static char *
recurring_rows_of (GListModel *all,
                   GListModel *shown)
{
  return recurring_section_of (all, shown, BLOCK_ROW);
}

/* Two areas of one theme (workforce), one raised in 2015, 2019 and 2023,
 * the other in 2019 and 2023, are two rows counting 3 and 2, as their
 * items' marks and the JSON's `times_raised` say, not one row; and with
 * only 2023 shown (from 2023) the rows list the reports the filter hides
 * that the counts include. */
static void
test_pack_recurring_row_per_area (void)
{
  const char *y2015[] = { "Caseloads of social workers in the assessment teams.", NULL };
  const char *y2019[] = { "Caseloads of social workers in the assessment teams, which remain high.",
                          "Induction and training of newly qualified staff and their mentors.", NULL };
  const char *y2023[] = { "Caseloads of social workers in the assessment teams, still too high.",
                          "Induction and training of newly qualified staff and their mentors, with protected time.",
                          NULL };
  const char *one[] = { "workforce" };
  const char *two[] = { "workforce", "workforce" };
  IcReport *last = themed_visit ("h2023", "2023-07-19", y2023, two);
  g_autoptr(GListModel) all = ic_test_model_of (themed_visit ("h2015", "2015-03-12", y2015, one),
                                                themed_visit ("h2019", "2019-12-13", y2019, two),
                                                g_object_ref (last), NULL);
  g_autoptr(GListModel) from_2023 = ic_test_model_of (last, NULL);
  g_autofree char *rows = recurring_rows_of (all, all);
  g_autofree char *rows_from = recurring_rows_of (all, from_2023);

  g_assert_cmpstr (rows, ==, "Halton | Workforce | 12 March 2015, 13 December 2019, 19 July 2023 | 3\n"
                             "Halton | Workforce | 13 December 2019, 19 July 2023 | 2\n");
  g_assert_cmpstr (rows_from, ==, rows);

  /* Listed under "from 2023", 2015 and 2019 are said to be there on
   * purpose; with nothing hidden, nothing is said. */
  {
    const char *hidden_note = "Reports the filters hide are listed too";
    g_autofree char *notes = recurring_section_of (all, all, BLOCK_TEXT);
    g_autofree char *notes_from = recurring_section_of (all, from_2023, BLOCK_TEXT);

    g_assert_null (strstr (notes, hidden_note));
    g_assert_nonnull (strstr (notes_from, hidden_note));
  }
}

/* Fostering raised in 2016, in other words in 2019 (a possible match),
 * and in 2019's words in 2023 (a close match to 2019's item, a possible
 * one to 2016's): the recurring areas say 2019 rests on a possible
 * match and explain it below the table; 2023 does not, though 2019's
 * step to it is a neighbour's. Under 2019's item its count says so. */
static void
test_pack_possible_matches (void)
{
  const char *y2016[] = { "Sufficiency of foster homes for older children.", NULL };
  const char *y2019[] = { "Recruitment of foster carers so that children live near home.", NULL };
  const char *one[] = { "sufficiency_and_placements" };
  g_autoptr(GListModel) all = ic_test_model_of (themed_visit ("h2016", "2016-03-12", y2016, one),
                                                themed_visit ("h2019", "2019-12-13", y2019, one),
                                                themed_visit ("h2023", "2023-07-19", y2019, one), NULL);
  g_autofree char *rows = recurring_rows_of (all, all);
  g_autofree char *notes = recurring_section_of (all, all, BLOCK_TEXT);
  g_autofree char *pack = pack_text (all, FALSE);

  g_assert_cmpstr (rows, ==, "Halton | Sufficiency and placements | 12 March 2016, 13 December 2019 (possible), "
                             "19 July 2023 | 3\n");
  g_assert_nonnull (strstr (notes, "(possible): that report raised the area again by possible matches only"));
  g_assert_nonnull (strstr (pack, "\u21bb Raised 2 times (possible match) \u2014 Themes: Sufficiency and placements"));
  g_assert_nonnull (strstr (pack, "\u21bb Raised 3 times \u2014 Themes: Sufficiency and placements"));
}

/* Whether a page of @pages ends with a block kept with the next (a
 * report's heading, its "Since…" line, an item without its themes). */
static gboolean
has_heading_alone (IcPages *pages)
{
  for (guint p = 0; p + 1 < pages->pages->len; p++)
    {
      Page *page = &g_array_index (pages->pages, Page, p);
      Block *last;
      guint i;

      if (page->kind != PAGE_FLOW || page->blocks->len == 0)
        continue;
      i = g_array_index (page->blocks, guint, page->blocks->len - 1);
      last = g_ptr_array_index (pages->blocks, i);
      if (last->kind != BLOCK_PART && last->keep_with_next && i + 1 < pages->blocks->len &&
          !((Block *) g_ptr_array_index (pages->blocks, i + 1))->page_break)
        return TRUE;
    }
  return FALSE;
}

/* One authority's three reports, the latest with @shift more items, so
 * that the earlier reports' headings and long items fall at every
 * height of a page over the shifts: none is left alone at a page's foot. */
static void
test_pack_no_heading_alone (void)
{
  const char *long_item = "Ensure that the quality of assessments is improved so that the lived experiences of "
                          "children are fully understood and that they inform plans, in particular the risks and "
                          "vulnerabilities of 16- and 17-year-olds presenting as homeless, which are not always "
                          "fully explored or recorded.";
  guint widowed = 0;

  for (guint shift = 0; shift < 40; shift++)
    {
      g_autoptr(GPtrArray) latest = g_ptr_array_new ();
      g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
      g_autoptr(GListModel) reports = NULL;
      g_autoptr(IcPages) pages = NULL;

      for (guint i = 0; i < shift + 1; i++)
        g_ptr_array_add (latest, (gpointer) "Recording of management decisions.");
      g_ptr_array_add (latest, NULL);
      for (guint i = 0; i < 12; i++)
        g_ptr_array_add (earlier, (gpointer) long_item);
      g_ptr_array_add (earlier, NULL);
      reports = ic_test_model_of (focused_visit ("Halton", "h2015", "2015-03-06", (const char * const *) earlier->pdata),
                                  focused_visit ("Halton", "h2019", "2019-03-08", (const char * const *) earlier->pdata),
                                  focused_visit ("Halton", "h2023", "2023-03-10", (const char * const *) latest->pdata),
                                  NULL);
      pages = ic_pages_paginate (reports, NULL, NULL, 0, 0);
      widowed += has_heading_alone (pages);
    }
  g_assert_cmpuint (widowed, ==, 0);
}

/* The summary's recurring areas and the cover list authorities apart
 * with "; ", as a canonical name may hold a comma ("Kingston upon Hull, City
 * of" must not read as two authorities). */
static void
test_pack_summary_names_apart (void)
{
  const char *earlier[] = { "Sufficiency of foster homes.", NULL };
  const char *later[] = { "Sufficiency of foster homes for children in care.", NULL };
  g_autoptr(GListModel) reports =
    ic_test_model_of (focused_visit ("Halton", "h2019", "2019-03-08", earlier),
                      focused_visit ("Halton", "h2023", "2023-03-10", later),
                      focused_visit ("Kingston upon Hull, City of", "k2019", "2019-05-08", earlier),
                      focused_visit ("Kingston upon Hull, City of", "k2023", "2023-05-10", later), NULL);
  g_autofree char *text = pack_text (reports, TRUE);

  g_assert_nonnull (strstr (text, "Halton; Kingston upon Hull, City of"));
  /* The cover too, and its dates are the end of fieldwork, not the
   * date a report is dated. */
  g_assert_nonnull (strstr (text, "2: Halton; Kingston upon Hull, City of"));
  g_assert_nonnull (strstr (text, "Fieldwork ended"));
  g_assert_nonnull (strstr (text, "8 March 2019 to 10 May 2023"));
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
  guint         n_calls;
  guint         n_pages;
} Progress;

static void
progress_cb (guint    n_written,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->n_calls++;
  g_assert_cmpuint (n_written, ==, progress->n_calls);
  progress->n_pages = n_pages;
  if (n_written == progress->cancel_after)
    g_cancellable_cancel (progress->cancellable);
}

/* Cancelled after three pages: no file in place of the earlier one, no
 * temporary file left beside it, and no page drawn after the cancel. */
static void
test_pack_cancelled (void)
{
  g_autoptr(GListModel) reports = ic_render_test_reports (30, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("ic-pack-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancellable = cancellable, .cancel_after = 3 };
  IcPackOptions options = {
    .cancellable = cancellable,
    .progress = progress_cb,
    .progress_data = &progress,
  };

  g_assert_true (g_file_set_contents (path, "the earlier pack", -1, NULL));
  g_assert_false (ic_pack_export_pdf (reports, NULL, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.n_calls, ==, 3);
  g_assert_cmpuint (progress.n_pages, >, 3);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier pack");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "pack.pdf");
  g_assert_null (g_dir_read_name (listing));

  /* Not cancelled, the same call writes the whole pack, page by page. */
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  progress = (Progress) { .cancellable = cancellable, .cancel_after = G_MAXUINT };
  g_assert_true (ic_pack_export_pdf (reports, NULL, &options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.n_calls, ==, progress.n_pages);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  ic_test_remove_tree (dir);
}

/* A list of reports that cancels once @cancel_at of them were read, and
 * counts every read: the layout reads the list once for the pack's
 * reports and again for each chart it makes. */
struct _CountingModel
{
  GObject       parent_instance;
  GListModel   *reports;
  GCancellable *cancellable;
  guint         cancel_at;
  guint         n_reads;
};

#define COUNTING_TYPE_MODEL (counting_model_get_type ())
G_DECLARE_FINAL_TYPE (CountingModel, counting_model, COUNTING, MODEL, GObject)

static GType
counting_model_get_item_type (GListModel *model)
{
  return IC_TYPE_REPORT;
}

static guint
counting_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (COUNTING_MODEL (model)->reports);
}

static gpointer
counting_model_get_item (GListModel *model,
                         guint       position)
{
  CountingModel *self = COUNTING_MODEL (model);

  if (++self->n_reads == self->cancel_at)
    g_cancellable_cancel (self->cancellable);
  return g_list_model_get_item (self->reports, position);
}

static void
counting_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = counting_model_get_item_type;
  iface->get_n_items = counting_model_get_n_items;
  iface->get_item = counting_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CountingModel, counting_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, counting_model_list_init))

static void
counting_model_finalize (GObject *object)
{
  CountingModel *self = COUNTING_MODEL (object);

  g_clear_object (&self->reports);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (counting_model_parent_class)->finalize (object);
}

static void
counting_model_class_init (CountingModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = counting_model_finalize;
}

static void
counting_model_init (CountingModel *self)
{
}

/* Cancel while the pack is laid out (here as its reports are read, before
 * any chart is made): the layout stops there instead of laying out the
 * whole pack first, no page is drawn, and the earlier file stays as it
 * was, with no temporary file beside it. */
static void
test_pack_cancelled_in_layout (void)
{
  g_autoptr(CountingModel) reports = g_object_new (COUNTING_TYPE_MODEL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("ic-pack-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { .cancellable = cancellable, .cancel_after = G_MAXUINT };
  IcPackOptions options = {
    .cancellable = cancellable,
    .progress = progress_cb,
    .progress_data = &progress,
  };
  guint n;

  reports->reports = ic_render_test_reports (300, 3);
  reports->cancellable = g_object_ref (cancellable);
  n = g_list_model_get_n_items (reports->reports);
  reports->cancel_at = n / 2;

  g_assert_true (g_file_set_contents (path, "the earlier pack", -1, NULL));
  g_assert_false (ic_pack_export_pdf (G_LIST_MODEL (reports), NULL, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The reports were read once, and not again for six charts. */
  g_assert_cmpuint (reports->n_reads, ==, n);
  g_assert_cmpuint (progress.n_calls, ==, 0);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier pack");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "pack.pdf");
  g_assert_null (g_dir_read_name (listing));
  ic_test_remove_tree (dir);
}

/* Reports of one day (an inspection and its board's review, or two
 * letters of one visit) are dated once: "2 reports, 12 March 2015" and
 * "Fieldwork ended 12 March 2015", not "12 March 2015 to 12 March 2015". */
static void
test_pack_one_day_dated_once (void)
{
  const char *text[] = { "Decisions for children waiting on court work made without drift.", NULL };
  const char *themes[] = { "permanence_and_adoption" };
  const char *other[] = { "The quality of supervision of social workers by their managers.", NULL };
  g_autoptr(GListModel) reports = ic_test_model_of (themed_visit ("d1", "2015-03-12", text, themes),
                                                    themed_visit ("d2", "2015-03-12", other, themes), NULL);
  g_autofree char *pack = pack_text (reports, FALSE);

  g_assert_nonnull (strstr (pack, "Halton 2 reports, 12 March 2015 "));
  g_assert_nonnull (strstr (pack, "Fieldwork ended12 March 2015 Reports"));
  g_assert_null (strstr (pack, "12 March 2015 to 12 March 2015"));
}

/* An authority whose latest graded report is an ILACS inspection under
 * the 2026 framework has no overall effectiveness: its page says why,
 * where the row was missing with no word. */
static void
test_pack_latest_grades_2026 (void)
{
  IcReport *report = _ic_report_new ("/r/camden-2026.txt");
  g_autoptr(GDate) start = g_date_new_dmy (4, G_DATE_MAY, 2026);
  g_autoptr(IcJudgement) leadership = ic_judgement_new (IC_AREA_LEADERSHIP, "Leadership", IC_GRADE_GOOD, 1);
  g_autoptr(GListModel) reports = NULL;
  g_autofree char *pack = NULL;

  _ic_report_set_authority (report, "Camden");
  _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_ILACS);
  _ic_report_set_start_date (report, start);
  _ic_report_set_end_date (report, start);
  _ic_report_add_judgement (report, leadership);
  reports = ic_test_model_of (report, NULL);
  pack = pack_text (reports, FALSE);
  g_assert_nonnull (strstr (pack, "Overall effectiveness: not given (the 2026 framework gives none)"));
}

/* A report whose items go on over a page: the next page starts with the
 * report's heading, "(continued)", so that its items are not read as
 * another report's; a page that starts with a report's own heading has
 * none. */
static void
test_pack_items_continued (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(IcPages) pages = NULL;
  guint continued = 0, flow_pages = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_ptr_array_add (texts, g_strdup_printf ("Item %u: the timeliness of the work to plan for children who "
                                               "need permanence, so that no child waits.", i));
      g_ptr_array_add (themes, (gpointer) "permanence_and_adoption");
    }
  g_ptr_array_add (texts, NULL);
  reports = ic_test_model_of (themed_visit ("c1", "2015-03-12", (const char * const *) texts->pdata,
                                            (const char * const *) themes->pdata), NULL);
  pages = ic_pages_paginate (reports, NULL, NULL, 0, 0);
  for (guint i = 0; i < pages->pages->len; i++)
    {
      Page *page = &g_array_index (pages->pages, Page, i);
      Block *first;

      if (page->kind != PAGE_FLOW || page->blocks->len == 0)
        continue;
      first = g_ptr_array_index (pages->blocks, g_array_index (page->blocks, guint, 0));
      flow_pages++;
      if (strstr (first->markup, "Item ") != NULL)
        g_error ("page %u starts with an item, not its report's heading", i + 1);
      continued += g_str_equal (first->markup, "Halton \u00b7 Focused visit \u00b7 12 March 2015 (continued)");
    }
  g_assert_cmpuint (continued, >=, 1);
  g_assert_cmpuint (continued, <, flow_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack/one-report", test_pack_one);
  g_test_add_func ("/pack/five-reports", test_pack_five);
  g_test_add_func ("/pack/153-authorities", test_pack_many);
  g_test_add_func ("/pack/corpus", test_pack_corpus);
  g_test_add_func ("/pack/summary-153-authorities", test_pack_summary_many);
  g_test_add_func ("/pack/empty", test_pack_empty);
  g_test_add_func ("/pack/long-title-margins", test_pack_long_title_margins);
  g_test_add_func ("/pack/user-links", test_pack_user_links);
  g_test_add_func ("/pack/summary-names-apart", test_pack_summary_names_apart);
  g_test_add_func ("/pack/no-heading-alone", test_pack_no_heading_alone);
  g_test_add_func ("/pack/recurs-dates-once", test_pack_recurs_dates_once);
  g_test_add_func ("/pack/recurring-item-only", test_pack_recurring_item_only);
  g_test_add_func ("/pack/marks-every-chain-item", test_pack_marks_every_chain_item);
  g_test_add_func ("/pack/recurring-lists-last-report", test_pack_recurring_lists_last_report);
  g_test_add_func ("/pack/recurring-row-per-area", test_pack_recurring_row_per_area);
  g_test_add_func ("/pack/possible-matches", test_pack_possible_matches);
  g_test_add_func ("/pack/unwritable", test_pack_unwritable);
  g_test_add_func ("/pack/grades-in-matrix-order", test_pack_grades_in_matrix_order);
  g_test_add_func ("/pack/damage-note", test_pack_damage_note);
  g_test_add_func ("/pack/cancelled", test_pack_cancelled);
  g_test_add_func ("/pack/one-day-dated-once", test_pack_one_day_dated_once);
  g_test_add_func ("/pack/latest-grades-2026", test_pack_latest_grades_2026);
  g_test_add_func ("/pack/items-continued", test_pack_items_continued);
  g_test_add_func ("/pack/cancelled-in-layout", test_pack_cancelled_in_layout);

  return g_test_run ();
}
