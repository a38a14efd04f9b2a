/* ic-search-view.c: evidence search across every report's text
 *
 * A fifth view: a search entry, one toggle for reports graded
 * Outstanding or Good, and the passages found, under a heading for each
 * authority. The reports searched are the window's filtered model, so
 * the filter bar applies. GTK 4.8's list view has no sections, so
 * headings are rows of their own that cannot be activated. The list is
 * a grid view of one column: GTK 4.8's list view keeps widgets for 200
 * rows and made, bound and laid out them all at every keystroke; the
 * grid keeps about a screenful.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-search-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <time.h>

#include "ic-display-text.h"
#include "ic-a11y.h"
#include "ic-heading-nav.h"
#include "ic-passage-text.h"
#include "ic-report.h"
#include "ic-search-index.h"
#include "ic-search-view.h"
#include "ic-ui-util.h"

/* About two lines of the list: enough to judge a passage at a glance. */
#define SNIPPET_WIDTH 220

/* ---- rows ---- */

#define IC_TYPE_SEARCH_ROW (ic_search_row_get_type ())
G_DECLARE_FINAL_TYPE (IcSearchRow, ic_search_row, IC, SEARCH_ROW, GObject)

struct _IcSearchRow
{
  GObject      parent_instance;
  char        *heading;  /* an authority, or NULL for a passage */
  guint        n_hits;   /* a heading's passages */
  IcSearchHit  hit;
};

G_DEFINE_FINAL_TYPE (IcSearchRow, ic_search_row, G_TYPE_OBJECT)

static void
ic_search_row_finalize (GObject *object)
{
  IcSearchRow *self = IC_SEARCH_ROW (object);

  g_free (self->heading);
  g_clear_object (&self->hit.report);
  g_clear_pointer (&self->hit.doc, ic_search_doc_unref);
  G_OBJECT_CLASS (ic_search_row_parent_class)->finalize (object);
}

static void
ic_search_row_class_init (IcSearchRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_search_row_finalize;
}

static void
ic_search_row_init (IcSearchRow *self)
{
}

/* ---- the rows, made when the list asks for them ---- */

/* A broad query (the prefix "in", typed on the way to "interviews")
 * finds a hundred thousand passages, and the list draws a screenful. So
 * the model keeps the hits as the search found them and an index of
 * rows, and makes a row object only for a row the list asks for: a
 * query costs the search and one pass for headings and counts, which
 * stay exact, and scrolling still reaches every passage. */
#define HEADING_ROW 0x80000000u

typedef struct
{
  char  *authority;
  guint  n_hits;
} Heading;

#define IC_TYPE_SEARCH_ROWS (ic_search_rows_get_type ())
G_DECLARE_FINAL_TYPE (IcSearchRows, ic_search_rows, IC, SEARCH_ROWS, GObject)

struct _IcSearchRows
{
  GObject  parent_instance;
  GArray  *hits;      /* of IcSearchHit */
  GArray  *headings;  /* of Heading */
  GArray  *rows;      /* of guint32: a hit's index, or HEADING_ROW | a heading's */
};

static void ic_search_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IcSearchRows, ic_search_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ic_search_rows_list_model_init))

static GType
ic_search_rows_get_item_type (GListModel *model)
{
  return IC_TYPE_SEARCH_ROW;
}

static guint
ic_search_rows_get_n_items (GListModel *model)
{
  return IC_SEARCH_ROWS (model)->rows->len;
}

static gpointer
ic_search_rows_get_item (GListModel *model,
                         guint       position)
{
  IcSearchRows *self = IC_SEARCH_ROWS (model);
  IcSearchRow *row;
  guint32 index;

  if (position >= self->rows->len)
    return NULL;
  index = g_array_index (self->rows, guint32, position);
  row = g_object_new (IC_TYPE_SEARCH_ROW, NULL);
  if (index & HEADING_ROW)
    {
      const Heading *heading = &g_array_index (self->headings, Heading, index & ~HEADING_ROW);

      row->heading = g_strdup (heading->authority);
      row->n_hits = heading->n_hits;
    }
  else
    {
      row->hit = g_array_index (self->hits, IcSearchHit, index);
      row->hit.report = g_object_ref (row->hit.report);
      row->hit.doc = ic_search_doc_ref (row->hit.doc);
    }
  return row;
}

static void
ic_search_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ic_search_rows_get_item_type;
  iface->get_n_items = ic_search_rows_get_n_items;
  iface->get_item = ic_search_rows_get_item;
}

static void
heading_clear (gpointer data)
{
  g_free (((Heading *) data)->authority);
}

static void
ic_search_rows_finalize (GObject *object)
{
  IcSearchRows *self = IC_SEARCH_ROWS (object);

  g_clear_pointer (&self->hits, g_array_unref);
  g_array_unref (self->headings);
  g_array_unref (self->rows);
  G_OBJECT_CLASS (ic_search_rows_parent_class)->finalize (object);
}

static void
ic_search_rows_class_init (IcSearchRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ic_search_rows_finalize;
}

static void
ic_search_rows_init (IcSearchRows *self)
{
  self->headings = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_array_set_clear_func (self->headings, heading_clear);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* Passages of one authority follow each other (the model is sorted by
 * authority): each run gets a heading. */
static void
group_hits (IcSearchRows *self,
            guint        *n_reports)
{
  Heading *heading = NULL;
  IcReport *last_report = NULL;

  *n_reports = 0;
  for (guint32 i = 0; self->hits != NULL && i < self->hits->len; i++)
    {
      IcSearchHit *hit = &g_array_index (self->hits, IcSearchHit, i);
      const char *authority = ic_report_get_authority (hit->report);

      if (authority == NULL)
        authority = _("Authority not known");
      if (heading == NULL || g_strcmp0 (heading->authority, authority) != 0)
        {
          Heading fresh = { g_strdup (authority), 0 };
          guint32 index = HEADING_ROW | self->headings->len;

          g_array_append_val (self->headings, fresh);
          heading = &g_array_index (self->headings, Heading, self->headings->len - 1);
          g_array_append_val (self->rows, index);
        }
      heading->n_hits++;
      *n_reports += hit->report != last_report;
      last_report = hit->report;
      g_array_append_val (self->rows, i);
    }
}

/* Shows @hits (transfer full; NULL for none) in place of the rows
 * shown, and counts the reports they come from into @n_reports. */
static void
ic_search_rows_set_hits (IcSearchRows *self,
                         GArray       *hits,
                         guint        *n_reports)
{
  guint removed = self->rows->len;

  g_array_set_size (self->headings, 0);
  g_array_set_size (self->rows, 0);
  /* The old rows go, then the new come, in two changes. In one, GTK
   * 4.8's list looks for the row it keeps its place by (which went) at
   * every new position, making each row: 126,686 for "in". */
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = hits;
  group_hits (self, n_reports);
  if (self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->rows->len);
}

static gboolean
ic_search_rows_is_heading (guint    position,
                           gpointer user_data)
{
  IcSearchRows *self = user_data;

  return position < self->rows->len &&
         (g_array_index (self->rows, guint32, position) & HEADING_ROW) != 0;
}

/* ---- the view ---- */

struct _IcSearchView
{
  GtkWidget       parent_instance;

  GListModel     *reports;
  IcSearchRows   *rows;
  IcSearchQuery  *query;
  char           *query_text;  /* what the rows show, as typed */
  char           *pack_query;  /* the search the pack quotes, or NULL */
  gint64          started;
  gint64          started_cpu;  /* the main thread's CPU time then */
  gint64          last_time;
  gint64          last_cpu_time;
  gulong          paint_handler;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkToggleButton *good_button;
  GtkWidget *pack_button;
  GtkWidget *pack_box;
  GtkLabel  *pack_label;
  GtkLabel       *status_label;
  GtkStack       *stack;
  GtkGridView    *results_view;
};

G_DEFINE_FINAL_TYPE (IcSearchView, ic_search_view, GTK_TYPE_WIDGET)

static gboolean
graded_good (IcReport *report)
{
  IcGrade grade = ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS);

  return grade == IC_GRADE_OUTSTANDING || grade == IC_GRADE_GOOD;
}

/* The reports searched: the window's (filtered) model, and only those
 * graded Outstanding or Good when the toggle is on. */
static GListModel *
searched_reports (IcSearchView *self)
{
  GListStore *kept;

  if (!gtk_toggle_button_get_active (self->good_button))
    return g_object_ref (self->reports);
  kept = g_list_store_new (IC_TYPE_REPORT);
  for (guint i = 0; i < g_list_model_get_n_items (self->reports); i++)
    {
      g_autoptr(IcReport) report = g_list_model_get_item (self->reports, i);

      if (graded_good (report))
        g_list_store_append (kept, report);
    }
  return G_LIST_MODEL (kept);
}

/* Microseconds of CPU this thread used: on a shared machine, what a
 * frame cost apart from waiting for the processor. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                IcSearchView  *self)
{
  self->last_time = g_get_monotonic_time () - self->started;
  self->last_cpu_time = thread_cpu_time () - self->started_cpu;
  g_debug ("search drawn %.1f ms after the query, %.1f ms of the main thread's CPU",
           self->last_time / 1000.0, self->last_cpu_time / 1000.0);
  g_clear_signal_handler (&self->paint_handler, clock);
}

/* Times the query to the frame that shows its results. */
static void
time_until_drawn (IcSearchView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    return;
  if (self->paint_handler != 0)
    g_clear_signal_handler (&self->paint_handler, clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->results_view));
}

static void
show_status (IcSearchView *self,
             guint         n_hits,
             guint         n_reports)
{
  g_autofree char *passages = NULL;
  g_autofree char *status = NULL;

  if (self->query == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }
  passages = g_strdup_printf (ngettext ("%u passage", "%u passages", n_hits), n_hits);
  /* Translators: "12 passages in 3 reports" */
  status = g_strdup_printf (ngettext ("%s in %u report", "%s in %u reports", n_reports),
                            passages, n_reports);
  gtk_label_set_label (self->status_label, n_hits ? status : _("No passages found"));
  gtk_stack_set_visible_child_name (self->stack, n_hits ? "results" : "none");
}

static gboolean
query_in_pack (IcSearchView *self)
{
  return self->query != NULL && g_strcmp0 (self->query_text, self->pack_query) == 0;
}

/* The button adds the search shown, or takes it out when the pack
 * already quotes it; the line under the entry says what the pack quotes
 * whatever is shown. */
static void
show_pack_state (IcSearchView *self)
{
  gboolean in_pack = query_in_pack (self);

  gtk_widget_set_sensitive (self->pack_button, self->query != NULL);
  gtk_button_set_label (GTK_BUTTON (self->pack_button),
                        in_pack ? _("Remove from _Pack") : _("Add to _Pack"));
  gtk_widget_set_tooltip_text (self->pack_button,
                               in_pack ? _("The pack Export… writes will have no Evidence section")
                                       : _("Quote this search's passages in an Evidence section of the pack Export… writes"));
  gtk_widget_set_visible (self->pack_box, self->pack_query != NULL);
  if (self->pack_query != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The pack quotes the passages for “%s”"), self->pack_query);

      gtk_label_set_label (self->pack_label, text);
    }
  ic_a11y_plain_button_names (self->pack_button);
}

/* New passages are shown from the first, which is selected, not its
 * heading (which cannot be opened): Enter in the entry opens it, and
 * the focus coming into the list lands on it. */
static void
select_first_passage (IcSearchView *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (self->results_view));

  gtk_single_selection_set_selected (selection, ic_heading_nav_first_row (self->results_view));
}

static void
run_query (IcSearchView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GArray *hits = NULL;
  guint n_hits = 0, n_reports = 0;
  gint64 searched_cpu;

  self->started = g_get_monotonic_time ();
  self->started_cpu = thread_cpu_time ();
  /* Not drawn yet: 0 until the frame that shows this query. */
  self->last_time = self->last_cpu_time = 0;
  g_free (self->query_text);
  self->query_text = g_strdup (text);
  g_clear_pointer (&self->query, ic_search_query_free);
  self->query = ic_search_query_new (text);
  if (self->query != NULL && self->reports != NULL)
    {
      g_autoptr(GListModel) reports = searched_reports (self);

      hits = ic_search_run (reports, self->query);
      n_hits = hits->len;
    }
  searched_cpu = thread_cpu_time ();
  show_pack_state (self);
  ic_search_rows_set_hits (self->rows, hits, &n_reports);
  select_first_passage (self);
  show_status (self, n_hits, n_reports);
  g_debug ("query \"%s\": %u passages, rows made in %.1f ms (CPU: search %.1f ms, rows %.1f ms)",
           text, n_hits, (g_get_monotonic_time () - self->started) / 1000.0,
           (searched_cpu - self->started_cpu) / 1000.0, (thread_cpu_time () - searched_cpu) / 1000.0);
  time_until_drawn (self);
}

static void
search_changed_cb (IcSearchView *self)
{
  /* ic_search_view_search() ran this query already. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->query_text) != 0)
    run_query (self);
}

/* The window keeps the pack's search (win.add-to-pack) and tells the
 * view (ic_search_view_set_pack_query()). */
static void
pack_clicked_cb (IcSearchView *self)
{
  if (query_in_pack (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-from-pack", NULL);
  else if (self->query != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.add-to-pack", "s", self->query_text);
}

static void
pack_remove_clicked_cb (IcSearchView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-from-pack", NULL);
}

static void
good_toggled_cb (IcSearchView *self)
{
  run_query (self);
}

static void
reports_changed_cb (IcSearchView *self,
                    guint         position,
                    guint         removed,
                    guint         added)
{
  /* A filter changed, or reports came: the passages follow. */
  if (self->query != NULL)
    run_query (self);
}

/* ---- list rows ---- */

/* The snippet as Pango markup, its terms highlighted; @plain gets the
 * snippet as text. */
static char *
snippet_markup (IcSearchView  *self,
                IcSearchRow   *row,
                char         **plain)
{
  g_autoptr(GArray) marks = NULL;
  g_autofree char *snippet = ic_search_hit_snippet (&row->hit, self->query, SNIPPET_WIDTH, &marks);
  GString *markup = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      IcSearchMark *mark = &g_array_index (marks, IcSearchMark, i);
      g_autofree char *before = g_markup_escape_text (snippet + at, mark->start - at);
      g_autofree char *match = g_markup_escape_text (snippet + mark->start, mark->end - mark->start);

      g_string_append (markup, before);
      g_string_append_printf (markup, "<span weight=\"bold\" background=\"#f9f06b\" "
                                      "foreground=\"#000000\">%s</span>", match);
      at = mark->end;
    }
  g_autofree char *rest = g_markup_escape_text (snippet + at, -1);
  g_string_append (markup, rest);
  *plain = g_steal_pointer (&snippet);
  return g_string_free (markup, FALSE);
}

/* "ILACS · 13 June 2025 · Good · page 4" */
static char *
passage_details (IcSearchRow *row)
{
  IcReport *report = row->hit.report;
  IcGrade grade = ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS);
  g_autofree char *date = ic_date_to_display (ic_report_get_end_date (report));
  GString *out = g_string_new (ic_inspection_type_to_label (ic_report_get_inspection_type (report)));

  if (date != NULL)
    g_string_append_printf (out, " · %s", date);
  if (grade != IC_GRADE_NONE)
    g_string_append_printf (out, " · %s", ic_grade_to_label (grade));
  if (row->hit.page > 0)
    {
      g_autofree char *page = g_strdup_printf (_("page %u"), row->hit.page);

      g_string_append_printf (out, " · %s", page);
    }
  return g_string_free (out, FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *snippet = ic_passage_text_new ();
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
  ic_heading_nav_setup_item (item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IcSearchView             *self)
{
  IcSearchRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (heading);
  GtkWidget *details = gtk_widget_get_next_sibling (snippet);
  g_autofree char *name = NULL;

  gtk_widget_set_visible (heading, row->heading != NULL);
  gtk_widget_set_visible (snippet, row->heading == NULL);
  gtk_widget_set_visible (details, row->heading == NULL);
  gtk_list_item_set_activatable (item, row->heading == NULL);
  gtk_list_item_set_selectable (item, row->heading == NULL);
  if (row->heading != NULL)
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u passage", "%u passages", row->n_hits),
                                                row->n_hits);

      g_autofree char *raw = g_strdup_printf ("%s, %s", row->heading, count);

      name = ic_display_text (raw);
      gtk_label_set_label (GTK_LABEL (heading), name);
    }
  else
    {
      g_autofree char *raw_plain = NULL;
      g_autofree char *raw_markup = snippet_markup (self, row, &raw_plain);
      g_autofree char *raw_text = passage_details (row);
      /* Passages are report text: noncharacters stop the text renderer. */
      g_autofree char *markup = ic_display_text (raw_markup);
      g_autofree char *plain = ic_display_text (raw_plain);
      g_autofree char *text = ic_display_text (raw_text);

      ic_passage_text_set_markup (IC_PASSAGE_TEXT (snippet), markup, plain);
      gtk_label_set_label (GTK_LABEL (details), text);
      name = g_strdup_printf ("%s. %s, %s", plain,
                              ic_report_get_authority (row->hit.report)
                                ? ic_report_get_authority (row->hit.report) : "", text);
    }
  /* The row GTK builds around the child is what a screen reader meets. */
  if (gtk_widget_get_parent (box) != NULL)
    ic_a11y_set_name (gtk_widget_get_parent (box), name);
}

static char *
passage_text (IcSearchRow *row)
{
  const char *text = ic_search_doc_get_text (row->hit.doc);

  return g_strndup (text + row->hit.start, row->hit.end - row->hit.start);
}

static void
activate_cb (IcSearchView *self,
             guint         position)
{
  g_autoptr(IcSearchRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  g_autofree char *passage = NULL;

  if (row == NULL || row->heading != NULL)
    return;
  passage = passage_text (row);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(sus)",
                              ic_report_get_source (row->hit.report), row->hit.page, passage);
}

/* Enter in the entry opens the selected passage, as in GNOME's other
 * searches. */
static void
entry_activate_cb (IcSearchView *self)
{
  guint selected = gtk_single_selection_get_selected (
    GTK_SINGLE_SELECTION (gtk_grid_view_get_model (self->results_view)));

  if (selected != GTK_INVALID_LIST_POSITION)
    activate_cb (self, selected);
}

/* ---- GObject ---- */

static void
ic_search_view_dispose (GObject *object)
{
  IcSearchView *self = IC_SEARCH_VIEW (object);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_data (self->reports, self);
  g_clear_object (&self->reports);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->query, ic_search_query_free);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->pack_query, g_free);
  ic_ui_dispose_template (GTK_WIDGET (self), IC_TYPE_SEARCH_VIEW);
  G_OBJECT_CLASS (ic_search_view_parent_class)->dispose (object);
}

static void
ic_search_view_unrealize (GtkWidget *widget)
{
  IcSearchView *self = IC_SEARCH_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
  GTK_WIDGET_CLASS (ic_search_view_parent_class)->unrealize (widget);
}

static void
ic_search_view_class_init (IcSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ic_search_view_dispose;
  widget_class->unrealize = ic_search_view_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/InspectionCompare/ic-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, good_button);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, pack_button);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, pack_box);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, pack_label);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, status_label);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, IcSearchView, results_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, good_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, pack_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pack_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ic_search_view_init (IcSearchView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  ic_a11y_plain_button_names (GTK_WIDGET (self));
  ic_a11y_hide_when_empty (self->status_label);
  /* Results as one types: a query over every report takes milliseconds. */
  gtk_search_entry_set_search_delay (self->search_entry, 0);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  self->rows = g_object_new (IC_TYPE_SEARCH_ROWS, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_grid_view_set_factory (self->results_view, factory);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  /* Not the first row, a heading: select_first_passage(). */
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_grid_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
  ic_heading_nav_attach (self->results_view, ic_search_rows_is_heading, self->rows);
  g_object_unref (factory);
}

void
ic_search_view_set_model (IcSearchView *self,
                          GListModel   *reports)
{
  g_return_if_fail (IC_IS_SEARCH_VIEW (self));

  if (self->reports != NULL)
    g_signal_handlers_disconnect_by_data (self->reports, self);
  g_set_object (&self->reports, reports);
  if (reports != NULL)
    g_signal_connect_swapped (reports, "items-changed", G_CALLBACK (reports_changed_cb), self);
  run_query (self);
}

void
ic_search_view_search (IcSearchView *self,
                       const char   *text)
{
  g_return_if_fail (IC_IS_SEARCH_VIEW (self));

  /* Setting the text empties the entry first: no query for that. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  run_query (self);
}

void
ic_search_view_set_good_only (IcSearchView *self,
                              gboolean      good_only)
{
  g_return_if_fail (IC_IS_SEARCH_VIEW (self));
  gtk_toggle_button_set_active (self->good_button, good_only);
}

GListModel *
ic_search_view_get_rows (IcSearchView *self)
{
  g_return_val_if_fail (IC_IS_SEARCH_VIEW (self), NULL);
  return G_LIST_MODEL (self->rows);
}

const char *
ic_search_view_row_heading (GObject *row)
{
  g_return_val_if_fail (IC_IS_SEARCH_ROW (row), NULL);
  return IC_SEARCH_ROW (row)->heading;
}

gboolean
ic_search_view_row_passage (GObject     *row,
                            const char **source,
                            guint       *page,
                            char       **passage)
{
  IcSearchRow *self;

  g_return_val_if_fail (IC_IS_SEARCH_ROW (row), FALSE);
  self = IC_SEARCH_ROW (row);
  if (self->heading != NULL)
    return FALSE;
  *source = ic_report_get_source (self->hit.report);
  *page = self->hit.page;
  *passage = passage_text (self);
  return TRUE;
}

gint64
ic_search_view_get_last_time (IcSearchView *self)
{
  g_return_val_if_fail (IC_IS_SEARCH_VIEW (self), 0);
  return self->last_time;
}

gint64
ic_search_view_get_last_cpu_time (IcSearchView *self)
{
  g_return_val_if_fail (IC_IS_SEARCH_VIEW (self), 0);
  return self->last_cpu_time;
}

/* The search the pack quotes (NULL: none), as the window keeps it. */
void
ic_search_view_set_pack_query (IcSearchView *self,
                               const char   *query)
{
  g_return_if_fail (IC_IS_SEARCH_VIEW (self));

  g_free (self->pack_query);
  self->pack_query = g_strdup (query);
  show_pack_state (self);
}

const char *
ic_search_view_get_query (IcSearchView *self)
{
  g_return_val_if_fail (IC_IS_SEARCH_VIEW (self), NULL);

  return self->query != NULL ? self->query_text : NULL;
}

GListModel *
ic_search_view_dup_searched_reports (IcSearchView *self)
{
  g_return_val_if_fail (IC_IS_SEARCH_VIEW (self), NULL);
  g_return_val_if_fail (self->reports != NULL, NULL);

  return searched_reports (self);
}
