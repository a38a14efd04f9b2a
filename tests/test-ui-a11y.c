/* test-ui-a11y.c: what a screen reader hears of the window, read over AT-SPI
 *
 * Runs under dbus-run-session (see tests/meson.build): GTK publishes its
 * accessible tree on the session's accessibility bus and the test reads
 * it back as Orca would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ic-atspi-walk.h"
#include "ic-correction-widgets.h"
#include "ic-failures-dialog.h"
#include "ic-link-dialog.h"
#include "ic-matrix-view.h"
#include "ic-report-filter.h"
#include "ic-report-private.h"
#include "ic-reports-view.h"
#include "ic-test-util.h"
#include "ic-ui-test-util.h"
#include "ic-window-private.h"

/* Runs the main loop for 200 ms: what GTK sends the accessibility bus
 * reaches the reader in that time. */
static void
settle_for_reader (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static void
wait_until_loaded (IcWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  g_autoptr(GSource) tick = g_timeout_source_new (100);

  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (ic_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_destroy (tick);
  g_assert_false (ic_window_get_loading (window));
}

/* The window with the corpus's seed texts and PDFs read, and a file
 * that is not a report (its toast is up), shown. */
static IcWindow *
window_with_corpus (void)
{
  g_autofree char *seeds = ic_test_corpus_path ("seeds");
  g_autofree char *pdf = NULL;
  IcWindow *window;
  g_autofree char *bad = ic_test_fixture_path ("web-page-saved-as.pdf");
  GFile *files[3];

  if (seeds == NULL)
    return NULL;
  pdf = ic_test_corpus_path ("pdf");
  if (pdf == NULL)
    return NULL;

  window = ic_window_new (NULL);
  ic_report_filter_reset (window->filter);
  /* Earlier tests may have left another view or rows to come back to. */
  adw_view_stack_set_visible_child_name (window->view_stack, "matrix");
  ic_matrix_view_set_latest_only (window->matrix_view, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  gtk_window_present (GTK_WINDOW (window));
  files[0] = g_file_new_for_path (seeds);
  files[1] = g_file_new_for_path (pdf);
  files[2] = g_file_new_for_path (bad);
  ic_window_open (window, files, 3);
  wait_until_loaded (window);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  settle_for_reader ();
  return window;
}

static GPtrArray *
walk_or_fail (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *nodes = ic_atspi_walk (&error);

  g_assert_no_error (error);
  g_assert_nonnull (nodes);
  if (g_getenv ("IC_A11Y_DUMP") != NULL)
    for (guint i = 0; i < nodes->len; i++)
      {
        IcAtspiNode *n = g_ptr_array_index (nodes, i);
        g_autofree char *pad = g_strnfill (n->depth * 2, ' ');

        g_printerr ("%s%s '%s' [%s]%s%s%s\n", pad, n->role, n->name, n->description,
                    ic_atspi_node_has_state (n, IC_ATSPI_STATE_FOCUSABLE) ? " focusable" : "",
                    ic_atspi_node_has_state (n, IC_ATSPI_STATE_SHOWING) ? " showing" : "",
                    n->labelled_by ? " labelled" : "");
      }
  return nodes;
}

/* Roles a user operates; AT-SPI role names. */
static gboolean
is_interactive_role (const char *role)
{
  const char *roles[] = { "button", "push button", "toggle button", "combo box", "check box",
                          "radio button", "menu item", "link", "entry", "search box",
                          "spin button", "slider", "switch", "tab", "text box",
                          "table cell", "grid cell", "list item", "row", "list", NULL };

  return g_strv_contains (roles, role);
}

/* Containers that have no name of their own (WAI-ARIA "generic"). */
static gboolean
is_structural_role (const char *role)
{
  const char *roles[] = { "group", "panel", "filler", "scroll pane", "separator", NULL };

  return g_strv_contains (roles, role);
}

/* What GTK 4.8 says when nothing names an object: its type name. */
static gboolean
is_type_name (const char *name)
{
  return g_regex_match_simple ("^(Gtk|Adw|Ic)[A-Z][A-Za-z]*$", name, 0, 0);
}

/* "_Open Folder": a mnemonic underscore read out as "underline". */
static gboolean
has_mnemonic (const char *name)
{
  return g_regex_match_simple ("(^|\\s)_\\w", name, 0, 0);
}

/* "Open Folder Open Folder": a label and the same text again. */
static gboolean
is_doubled (const char *name)
{
  gsize n = strlen (name);

  return n > 2 && n % 2 == 1 && name[n / 2] == ' ' && strncmp (name, name + n / 2 + 1, n / 2) == 0;
}

/* Inside a button nothing is reached by the keyboard: the button is. */
static gboolean
inside_button (GPtrArray         *nodes,
               const IcAtspiNode *node)
{
  for (int p = node->parent; p >= 0; p = ((IcAtspiNode *) g_ptr_array_index (nodes, p))->parent)
    {
      IcAtspiNode *a = g_ptr_array_index (nodes, p);

      if (g_str_equal (a->role, "button") || g_str_equal (a->role, "push button") ||
          g_str_equal (a->role, "toggle button"))
        return TRUE;
    }
  return FALSE;
}

/* The name of the window @node is in (the application's node holds
 * them all). */
static const char *
window_of (GPtrArray         *nodes,
           const IcAtspiNode *node)
{
  while (node->parent >= 0 && !g_str_equal (node->role, "window") && !g_str_equal (node->role, "dialog"))
    node = g_ptr_array_index (nodes, node->parent);
  return node->name;
}

/* Every object a user reaches in the window named @window (NULL: in
 * every window) is named in words; every chart says what it shows.
 * Returns the number of problems, each one printed. */
static guint
count_unnamed_in (GPtrArray  *nodes,
                  const char *window)
{
  guint problems = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *n = g_ptr_array_index (nodes, i);
      gboolean interactive = ic_atspi_node_has_state (n, IC_ATSPI_STATE_FOCUSABLE) ||
                             is_interactive_role (n->role);
      const char *problem = NULL;

      if (window != NULL && g_strcmp0 (window_of (nodes, n), window) != 0)
        continue;
      if (interactive && !inside_button (nodes, n))
        {
          if (is_type_name (n->name))
            problem = "named by its type";
          else if (n->name[0] == '\0' && !is_structural_role (n->role))
            problem = "has no name";
          else if (has_mnemonic (n->name))
            problem = "has a mnemonic underscore in its name";
          else if (is_doubled (n->name))
            problem = "says its name twice";
        }
      /* Read when met by heading. (An empty status stays exposed: GTK
       * announces the changes only of objects a reader has met.) */
      if (g_str_equal (n->role, "heading") && is_type_name (n->name))
        problem = "is a heading named by its type";
      if (g_str_equal (n->role, "status") && is_type_name (n->name))
        problem = "is a status named by its type";
      if (g_str_equal (n->role, "image") && !is_type_name (n->name) && n->description[0] == '\0')
        problem = "is a chart without a description";
      if (problem != NULL)
        {
          g_autofree char *where = ic_atspi_node_describe (nodes, i);

          g_test_message ("%s %s", where, problem);
          problems++;
        }
    }
  return problems;
}

static guint
count_unnamed (GPtrArray *nodes)
{
  return count_unnamed_in (nodes, NULL);
}

static guint
count_named (GPtrArray  *nodes,
             const char *role,
             const char *name)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->role, role) && (name == NULL || g_str_equal (node->name, name)))
        n++;
    }
  return n;
}

static guint
count_prefixed (GPtrArray  *nodes,
                const char *role,
                const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->role, role) && g_str_has_prefix (node->name, prefix))
        n++;
    }
  return n;
}

static guint
count_described (GPtrArray  *nodes,
                 const char *role,
                 const char *name,
                 const char *description)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->role, role) && g_str_equal (node->name, name) &&
          g_str_equal (node->description, description))
        n++;
    }
  return n;
}

/* The themes chart's targets: buttons that say what they search for
 * and, as their description, how many reports raise the theme. */
static guint
count_theme_targets (GPtrArray *nodes)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);
      g_autofree char *theme = NULL;

      if (!g_str_equal (node->role, "button") || !g_str_has_prefix (node->name, "Search every report for "))
        continue;
      theme = g_strdup_printf ("%s: ", node->name + strlen ("Search every report for "));
      if (g_str_has_prefix (node->description, theme) && strstr (node->description, " report") != NULL)
        n++;
    }
  return n;
}

static GtkWidget *find_search_entry (GtkWidget  *widget,
                                     const char *placeholder);

/* Tab from the Search view's entry: the reader is on the first passage,
 * which it hears with its authority (the heading above, which cannot
 * take the focus) and its page. Returns the focused objects so named. */
static guint
count_focused_passages (IcWindow *window)
{
  GListModel *rows = ic_search_view_get_rows (window->search_view);
  g_autoptr(GObject) heading = g_list_model_get_item (rows, 0);
  g_autofree char *authority = g_strdup_printf (". %s, ", ic_search_view_row_heading (heading));
  GtkWidget *entry = find_search_entry (GTK_WIDGET (window->search_view),
                                        "Search every report's text: words, or \"a phrase\"");
  gint64 until;
  g_autoptr(GPtrArray) nodes = NULL;
  guint n = 0;

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < 3; i++)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  /* The focus goes on from the list to the passage in a coming frame,
   * and the screen reader hears of it later still: under the sanitizers
   * on a busy machine, seconds later. */
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&nodes, g_ptr_array_unref);
      settle_for_reader ();
      nodes = walk_or_fail ();
      n = 0;
      for (guint i = 0; i < nodes->len; i++)
        {
          IcAtspiNode *node = g_ptr_array_index (nodes, i);

          if (ic_atspi_node_has_state (node, IC_ATSPI_STATE_FOCUSED))
            {
              g_test_message ("focused: %s \"%s\"", node->role, node->name);
              n += strstr (node->name, authority) != NULL && strstr (node->name, " · page ") != NULL;
            }
        }
    }
  while (n == 0 && g_get_monotonic_time () < until);
  return n;
}

/* With the corpus read, a report open and the reading failures toast
 * up, every control of every view is named in words. */
static void
test_names (void)
{
  IcWindow *window = window_with_corpus ();
  g_autoptr(GPtrArray) nodes = NULL;
  IcReport *report;

  if (window == NULL)
    return;
  /* A graded report, to hear its judgements. */
  for (guint i = 0; ; i++)
    {
      report = ic_report_store_get_report (window->store, i);
      if (ic_report_get_grade (report, IC_AREA_OVERALL_EFFECTIVENESS) != IC_GRADE_NONE)
        break;
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                              ic_report_get_source (report));
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (nodes->len, >, 500);
  g_assert_cmpuint (count_unnamed (nodes), ==, 0);
  /* The charts' grid is named in words, not "GtkFlowBox". */
  g_assert_cmpuint (count_named (nodes, "grid", "Charts"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "grid", "GtkFlowBox"), ==, 0);
  /* The four charts are there, each described, each with its own menu. */
  g_assert_cmpuint (count_named (nodes, "image", "Grades by Judgement Area"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Save or print Grades by Judgement Area"), >=, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Save or print Grade History"), >=, 1);
  /* A filter drop-down says what it filters and its value. */
  g_assert_cmpuint (count_named (nodes, "combo box", "Report type, All Report Types"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Report type, All Report Types"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Print"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Open Folder"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "search box", "Search authorities"), ==, 1);
  /* The report page's title and section titles are headings. */
  g_assert_cmpuint (count_prefixed (nodes, "heading", ic_report_get_authority (report)), ==, 1);
  g_assert_cmpuint (count_named (nodes, "heading", "Judgements"), ==, 1);
  /* A theme chip's name searches for the theme. */
  g_assert_cmpuint (count_prefixed (nodes, "button", "Search every report for "), >=, 1);
  /* A judgement row says its grade and the PDF page it was read on. */
  {
    g_autofree char *said = NULL;
    GListModel *judgements = ic_report_get_judgements (report);

    for (guint i = 0; i < g_list_model_get_n_items (judgements) && said == NULL; i++)
      {
        g_autoptr(IcJudgement) j = g_list_model_get_item (judgements, i);

        if (ic_judgement_get_area (j) == IC_AREA_OVERALL_EFFECTIVENESS)
          said = g_strdup_printf ("%s, from page %u of the report",
                                  ic_grade_to_label (ic_judgement_get_grade (j)), ic_judgement_get_page (j));
      }
    g_assert_nonnull (said);
    g_assert_cmpuint (count_described (nodes, "list item", "Overall effectiveness", said), ==, 1);
  }

  /* The Search view with passages: every row named, headings and
   * passages alike. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", "s", "care");
  settle_for_reader ();
  g_assert_cmpuint (g_list_model_get_n_items (ic_search_view_get_rows (window->search_view)), >, 1);
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_unnamed (nodes), ==, 0);
  g_assert_cmpuint (count_named (nodes, "search box", "Search every report's text"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Only Outstanding or Good"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Add to Pack"), ==, 1);
  g_assert_cmpuint (count_focused_passages (window), ==, 1);

  /* The Charts view: each theme of the themes chart is a button. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_unnamed (nodes), ==, 0);
  g_assert_cmpuint (count_theme_targets (nodes), >=, 5);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget (GtkWidget        *widget,
             GType             type,
             GtkAccessibleRole role)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, role);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Not the search entries of the page's drop-downs: the page's own. */
static GtkWidget *
find_search_entry (GtkWidget  *widget,
                   const char *placeholder)
{
  g_autofree char *text = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_object_get (widget, "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_search_entry (c, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
role_at (GPtrArray  *nodes,
         const char *path)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->path, path))
        return node->role;
    }
  return "";
}

/* What is said without moving the focus: the reading failures' toast
 * (an alert), the matrix's count as filters change and the report
 * page's matches (statuses). */
static void
test_announcements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcAtspiEvents) events = ic_atspi_events_listen (&error);
  g_autoptr(GPtrArray) nodes = NULL;
  IcWindow *window;
  const char *toast, *count, *matches;
  IcReport *report;
  GtkWidget *entry, *match_label;
  g_autofree char *expected = NULL;
  guint n;

  g_assert_no_error (error);
  window = window_with_corpus ();
  if (window == NULL)
    return;
  /* GTK tells of changes only to objects a screen reader has met. */
  g_ptr_array_unref (walk_or_fail ());

  /* Two more files that are not reports. */
  {
    g_autofree char *damaged = ic_test_fixture_path ("damaged.pdf");
    g_autofree char *no_text = ic_test_fixture_path ("no-text.pdf");
    GFile *files[2] = { g_file_new_for_path (damaged), g_file_new_for_path (no_text) };

    ic_window_open (window, files, 2);
    wait_until_loaded (window);
    g_object_unref (files[0]);
    g_object_unref (files[1]);
  }
  toast = ic_atspi_events_wait_for (events, "2 files could not be read", 5000);
  g_assert_nonnull (toast);

  /* Its details name each file, and say why it could not be read. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-failures", NULL);
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_described (nodes, "list item", "web-page-saved-as.pdf",
                                     "not a PDF: it is a web page"), ==, 1);
  g_assert_cmpuint (count_unnamed (nodes), ==, 0);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (IC_IS_FAILURES_DIALOG (l->data))
      gtk_window_destroy (l->data);

  report = ic_report_store_get_report (window->store, 0);
  ic_report_filter_set_search (window->filter, ic_report_get_authority (report));
  n = g_list_model_get_n_items (ic_matrix_view_get_rows (window->matrix_view));
  g_assert_cmpuint (n, >=, 1);
  {
    /* The matrix shows each authority's latest report (see above). */
    guint of = g_list_model_get_n_items (ic_window_get_reports (window));

    expected = g_strdup_printf ("%u %s (latest of %u %s)", n, n == 1 ? "authority" : "authorities",
                                of, of == 1 ? "report" : "reports");
  }
  count = ic_atspi_events_wait_for (events, expected, 5000);
  g_assert_nonnull (count);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                              ic_report_get_source (report));
  settle_for_reader ();
  entry = find_search_entry (GTK_WIDGET (window->reports_view), "Find in Report");
  g_assert_nonnull (entry);
  match_label = find_widget (GTK_WIDGET (window->reports_view), GTK_TYPE_LABEL,
                             GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_nonnull (match_label);
  gtk_editable_set_text (GTK_EDITABLE (entry), "the");
  /* The entry waits for typing to pause before it searches. */
  for (guint i = 0; i < 50 && gtk_label_get_label (GTK_LABEL (match_label))[0] == '\0'; i++)
    settle_for_reader ();
  g_test_message ("match label: %s", gtk_label_get_label (GTK_LABEL (match_label)));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (match_label)), " matches"));
  matches = ic_atspi_events_wait_for (events, gtk_label_get_label (GTK_LABEL (match_label)), 5000);
  g_assert_nonnull (matches);

  nodes = walk_or_fail ();
  g_assert_cmpstr (role_at (nodes, toast), ==, "alert");
  g_assert_cmpstr (role_at (nodes, count), ==, "status");
  g_assert_cmpstr (role_at (nodes, matches), ==, "status");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One focused visit of a window's authority, with its items. */
typedef struct
{
  const char *id;
  const char *end;
  const char *items[3];
} MadeVisit;

static IcWindow *
window_with_visits (const char      *authority,
                    const MadeVisit *made,
                    guint            n_made)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  IcWindow *window = ic_window_new (NULL);

  for (guint i = 0; i < n_made; i++)
    {
      g_autofree char *source = g_strdup_printf ("/r/%s.txt", made[i].id);
      g_autoptr(GDate) end = ic_date_from_iso (made[i].end);
      IcReport *report = _ic_report_new (source);

      _ic_report_set_authority (report, authority);
      _ic_report_set_inspection_type (report, IC_INSPECTION_TYPE_FOCUSED_VISIT);
      _ic_report_set_end_date (report, end);
      _ic_report_set_content_id (report, made[i].id);
      for (guint k = 0; made[i].items[k] != NULL; k++)
        {
          g_autoptr(IcImprovement) item =
            ic_improvement_new_with_themes (made[i].items[k], IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY,
                                            NULL, 0, (const char *[]) { "workforce", NULL });

          _ic_report_add_improvement (report, item);
        }
      g_ptr_array_add (reports, report);
    }
  ic_report_store_add_batch (window->store, reports);
  ic_report_filter_reset (window->filter);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Hartlepool 2015, 2018 and 2021: items the method links to nothing. */
static IcWindow *
window_with_unlinked_items (void)
{
  static const MadeVisit made[] = {
    { "a11y-hartlepool2015", "2015-05-10", { "Sufficiency of foster homes for older children.", NULL, NULL } },
    { "a11y-hartlepool2018", "2018-05-10", { "Return home interviews for children who go missing.",
                                             "Supervision of social workers, so that it is regular.", NULL } },
    { "a11y-hartlepool2021", "2021-05-10", { "Emotional health support for care leavers.", NULL, NULL } },
  };

  return window_with_visits ("Hartlepool", made, G_N_ELEMENTS (made));
}

/* Darlington 2015, 2019 and 2023: 2023's item shares its concern with
 * 2015's permanence item, which the method does not link. */
static IcWindow *
window_with_near_items (void)
{
  static const MadeVisit made[] = {
    { "a11y-darlington2015", "2015-05-10",
      { "Permanence planning for children in care, including through special guardianship.",
        "Supervision of social workers, so that it is regular and reflective.", NULL } },
    { "a11y-darlington2019", "2019-05-10", { "The timeliness of decisions about adoption.", NULL, NULL } },
    { "a11y-darlington2023", "2023-05-10",
      { "Regular supervision and management oversight of permanence planning.", NULL, NULL } },
  };

  return window_with_visits ("Darlington", made, G_N_ELEMENTS (made));
}

/* Enter on the report page's "Link to an Earlier Item…" of its first
 * item (a button's activate signal is its keyboard binding). */
static IcLinkDialog *
link_dialog_by_keyboard (IcWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_by_class (GTK_WIDGET (window->reports_view), "recurrence-link-earlier", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_true (gtk_widget_activate (g_ptr_array_index (buttons, 0)));
  /* A button activated by its key shows itself pressed for a moment
   * before it is clicked. */
  for (guint i = 0; i < 20 && open_link_dialog () == NULL; i++)
    settle_for_reader ();
  g_assert_nonnull (open_link_dialog ());
  return open_link_dialog ();
}

static guint
count_containing (GPtrArray  *nodes,
                  const char *role,
                  const char *words)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      n += g_str_equal (node->role, role) && strstr (node->name, words) != NULL;
    }
  return n;
}

static guint
count_in_window (GPtrArray  *nodes,
                 const char *window)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    n += g_strcmp0 (window_of (nodes, g_ptr_array_index (nodes, i)), window) == 0;
  return n;
}

/* The rows a search leaves. */
static guint
rows_left (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    n += GTK_IS_LIST_BOX_ROW (c) && gtk_widget_get_child_visible (c);
  return n;
}

static gboolean
is_corrected_in (IcWindow   *window,
                 const char *id,
                 const char *field)
{
  IcReport *later = ic_report_store_find_content (window->store, id);

  return g_strv_contains (ic_report_get_corrected_fields (later), field);
}

static gboolean
is_corrected (IcWindow   *window,
              const char *field)
{
  return is_corrected_in (window, "a11y-hartlepool2021", field);
}

/* Link to an Earlier Item, heard and worked as a screen reader user
 * would: every control named, the list, its items (each with its report
 * and number), the search and the buttons in words and in their roles;
 * with the keyboard alone, a search and Enter links the one item it
 * leaves, and the arrow keys and the Link button link the item chosen. */
static void
test_link_dialog (void)
{
  IcWindow *window = window_with_unlinked_items ();
  const char *by_search = "improvements.0.recurs_from.a11y-hartlepool2018.0";
  const char *by_arrows = "improvements.0.recurs_from.a11y-hartlepool2015.0";
  g_autoptr(GPtrArray) nodes = NULL;
  GtkWidget *entry, *list, *link;
  IcLinkDialog *dialog;

  /* Corrections outlive a run: start from the method's word. */
  ic_session_correct (window->session, "a11y-hartlepool2021", by_search, NULL, NULL);
  ic_session_correct (window->session, "a11y-hartlepool2021", by_arrows, NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/a11y-hartlepool2021.txt");
  settle_for_reader ();
  dialog = link_dialog_by_keyboard (window);

  nodes = walk_or_fail ();
  /* The dialog is a window of its own (the main window's state is
   * another test's business). */
  g_assert_cmpuint (count_in_window (nodes, "Link to an Earlier Item"), >=, 8);
  g_assert_cmpuint (count_unnamed_in (nodes, "Link to an Earlier Item"), ==, 0);
  g_assert_cmpuint (count_named (nodes, "list", "Items of earlier reports"), ==, 1);
  g_assert_cmpuint (count_containing (nodes, "list item", "2018, item 1: Return home interviews"), ==, 1);
  g_assert_cmpuint (count_containing (nodes, "list item", "2018, item 2: Supervision of social workers"), ==, 1);
  g_assert_cmpuint (count_containing (nodes, "list item", "2015, item 1: Sufficiency of foster homes"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "search box", "Search earlier items"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Link"), ==, 1);
  g_assert_cmpuint (count_named (nodes, "button", "Cancel"), ==, 1);
  /* The dialog opens on its search (the search box above). Whether the
   * reader hears the focus move depends on the window being active,
   * which a display with no window manager decides late or never, so
   * the focus is read from GTK. */
  entry = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (entry);
  if (!GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  /* Typed words leave one item; Enter links it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "return home");
  list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_nonnull (list);
  /* The search waits for typing to pause. */
  for (guint i = 0; i < 50 && rows_left (list) != 1; i++)
    settle_for_reader ();
  g_assert_cmpuint (rows_left (list), ==, 1);
  g_signal_emit_by_name (entry, "activate");
  settle_for_reader ();
  g_assert_null (open_link_dialog ());
  g_assert_true (is_corrected (window, by_search));

  /* The next item: Tab to the list, Down to the second (the reader
   * hears its report, number and words), then the Link button. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  dialog = link_dialog_by_keyboard (window);
  list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), list));
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  settle_for_reader ();
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) ==
                 GTK_LIST_BOX_ROW (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (GTK_LIST_BOX (list))), ==, 1);
  /* What the reader says on it: its report, its number and its words. */
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_named (nodes, "list item", "Focused visit, 10 May 2015, item 1: "
                                 "Sufficiency of foster homes for older children."), ==, 1);
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect_by_class (GTK_WIDGET (dialog), "suggested-action", buttons);
    g_assert_cmpuint (buttons->len, ==, 1);
    link = g_ptr_array_index (buttons, 0);
  }
  g_assert_true (gtk_widget_get_sensitive (link));
  g_assert_true (gtk_widget_activate (link));
  for (guint i = 0; i < 20 && open_link_dialog () != NULL; i++)
    settle_for_reader ();
  g_assert_null (open_link_dialog ());
  g_assert_true (is_corrected (window, by_arrows));

  ic_session_correct (window->session, "a11y-hartlepool2021", by_search, NULL, NULL);
  ic_session_correct (window->session, "a11y-hartlepool2021", by_arrows, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The likely matches heard and worked as the other rows are: the
 * first row of the list, named by "Likely match", its report, number,
 * words and the concern it shares; Tab to the list and Enter on it
 * links it. */
static void
test_link_dialog_suggestions (void)
{
  IcWindow *window = window_with_near_items ();
  const char *field = "improvements.0.recurs_from.a11y-darlington2015.0";
  g_autoptr(GPtrArray) nodes = NULL;
  GtkWidget *list, *focus;
  IcLinkDialog *dialog;

  ic_session_correct (window->session, "a11y-darlington2023", field, NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/a11y-darlington2023.txt");
  settle_for_reader ();
  dialog = link_dialog_by_keyboard (window);

  nodes = walk_or_fail ();
  g_assert_cmpuint (count_unnamed_in (nodes, "Link to an Earlier Item"), ==, 0);
  g_assert_cmpuint (count_named (nodes, "list item", "Likely match: Focused visit, 10 May 2015, item 1: "
                                 "Permanence planning for children in care, including through special "
                                 "guardianship. Also about: Permanence, adoption and special guardianship"), ==, 1);
  /* The same item in its report's group, as before. */
  g_assert_cmpuint (count_containing (nodes, "list item", "2015, item 1: Permanence planning"), ==, 2);

  list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 0);
  g_assert_true (gtk_widget_activate (focus));
  for (guint i = 0; i < 20 && open_link_dialog () != NULL; i++)
    settle_for_reader ();
  g_assert_null (open_link_dialog ());
  g_assert_true (is_corrected_in (window, "a11y-darlington2023", field));

  ic_session_correct (window->session, "a11y-darlington2023", field, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Buttons whose name has @words and whose description starts with
 * @description. */
static guint
count_described_as (GPtrArray  *nodes,
                    const char *words,
                    const char *description)
{
  guint n = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      IcAtspiNode *node = g_ptr_array_index (nodes, i);

      n += g_str_equal (node->role, "button") && strstr (node->name, words) != NULL &&
           g_str_has_prefix (node->description, description);
    }
  return n;
}

/* A link the method is less sure of is heard as one: its name says to
 * check the wording, its description why; a close one is described as
 * close. Knowsley 2016 and 2022: one item repeated word for word, one in
 * other words. */
static void
test_link_strength (void)
{
  static const MadeVisit made[] = {
    { "a11y-knowsley2016", "2016-05-10",
      { "The timeliness of return home interviews for children who go missing.",
        "Sufficiency of foster homes for older children.", NULL } },
    { "a11y-knowsley2022", "2022-05-10",
      { "The timeliness of return home interviews for children who go missing.",
        "Recruitment of foster carers so that children live near home.", NULL } },
  };
  IcWindow *window = window_with_visits ("Knowsley", made, G_N_ELEMENTS (made));
  g_autoptr(GPtrArray) nodes = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s", "/r/a11y-knowsley2022.txt");
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_described_as (nodes, "(possibly the same concern: ", "A possible match: "), ==, 1);
  g_assert_cmpuint (count_described_as (nodes, "; check the wording)", "A possible match: "), ==, 1);
  g_assert_cmpuint (count_described_as (nodes, "(same concern: ", "A close match: "), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An item with three themes: its greyed "+" tells the reader why, as
 * the tooltip tells the eye. */
static void
test_add_theme_full (void)
{
  g_autoptr(IcReport) report = _ic_report_new ("/r/a11y-bexley2022.txt");
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("Timeliness of pre-proceedings work.", IC_ITEM_KIND_IMPROVEMENT,
                                    IC_SCOPE_LOCAL_AUTHORITY, NULL, 0,
                                    (const char *[]) { "permanence_and_adoption", "health_and_wellbeing", "workforce", NULL });
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) nodes = NULL;

  _ic_report_set_content_id (report, "a11y-bexley2022");
  gtk_window_set_child (GTK_WINDOW (window), ic_ui_theme_editor (report, item, 0));
  gtk_window_present (GTK_WINDOW (window));
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_described (nodes, "button", "Add a theme",
                                     "An item has at most three themes: remove one to add another"), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A report not read from a file (no content id) cannot be corrected:
 * its greyed "+" tells the reader why, as the tooltip tells the eye. */
static void
test_add_theme_uncorrectable (void)
{
  g_autoptr(IcReport) report = _ic_report_new ("/r/a11y-bexley2023.txt");
  g_autoptr(IcImprovement) item =
    ic_improvement_new_with_themes ("Timeliness of pre-proceedings work.", IC_ITEM_KIND_IMPROVEMENT,
                                    IC_SCOPE_LOCAL_AUTHORITY, NULL, 0, (const char *[]) { "workforce", NULL });
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) nodes = NULL;

  gtk_window_set_child (GTK_WINDOW (window), ic_ui_theme_editor (report, item, 0));
  gtk_window_present (GTK_WINDOW (window));
  settle_for_reader ();
  nodes = walk_or_fail ();
  g_assert_cmpuint (count_described (nodes, "button", "Add a theme",
                                     "Only a report read from a file can be corrected: "
                                     "corrections are kept by the file's content"), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (!ic_atspi_use_session_bus (&error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_setenv ("LC_TIME", "C", TRUE);

  g_test_add_func ("/a11y/names", test_names);
  g_test_add_func ("/a11y/announcements", test_announcements);
  g_test_add_func ("/a11y/link-dialog", test_link_dialog);
  g_test_add_func ("/a11y/link-dialog-suggestions", test_link_dialog_suggestions);
  g_test_add_func ("/a11y/add-theme-full", test_add_theme_full);
  g_test_add_func ("/a11y/link-strength", test_link_strength);
  g_test_add_func ("/a11y/add-theme-uncorrectable", test_add_theme_uncorrectable);

  return g_test_run ();
}
