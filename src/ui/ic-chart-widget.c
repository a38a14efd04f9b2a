/* ic-chart-widget.c
 *
 * The chart is prepared once per change of the reports (coalesced in an
 * idle, since reports arrive in batches while reading); snapshot only
 * hands a cairo context to ic_chart_draw(), the same call print and
 * export make: one drawing code for window, printer and files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ic-a11y.h"
#include "ic-chart-links.h"
#include "ic-chart-widget.h"
#include "ic-links-cache.h"
#include "ic-report-snapshot.h"
#include "ic-palette.h"
#include "ic-render-enum-types.h"
#include "ic-themes.h"

struct _IcChartWidget
{
  GtkWidget    parent_instance;

  GListModel  *model;
  char       **authorities;  /* the history's, or NULL to pick them */
  IcChart     *chart;
  IcChartKind  kind;
  double       zoom;
  guint        update_source;
  GCancellable *links_job;   /* the timeline's joins being found */
  IcLinksCache *links_cache; /* the timeline's joins found so far */
  GtkFilter   *filter;       /* the model's filter, when it has one */
  gboolean     dark;
  gboolean     dirty;

  /* The timeline's marks as the keyboard walks them, at the size drawn. */
  GArray      *marks;        /* IcChartMark, pointing into self->chart */
  int          marks_width, marks_height;
  int          focused;      /* index into marks, or -1 */
  char        *selected;     /* mark_key() of the mark last activated */

  /* The themes chart's rows as buttons laid over the drawing: a drawn
   * bar has no role, name or focus ring, a button has all three. Each
   * searches every report for its theme (win.search). */
  GPtrArray   *targets;      /* GtkWidget, children of self */
  GHashTable  *theme_targets; /* theme -> GtkWidget, each made once and kept */
  guint        target_focus; /* the one the group's tab stop enters */
};

G_DEFINE_FINAL_TYPE (IcChartWidget, ic_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MODEL,
  PROP_ZOOM,
  N_PROPS
};

enum {
  SIGNAL_HIT_ACTIVATED,
  SIGNAL_PREPARED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define UPDATE_DELAY_MS 400

static const char *titles[IC_N_CHART_KINDS] = {
  N_("Judgement Matrix"),
  N_("Improvement Areas over Time"),
  N_("Grades by Judgement Area"),
  N_("Reports Raising Each Theme"),
  N_("Grade History"),
  N_("Inspections and Visits per Year"),
};

/* What each chart shows, in a sentence, for those who cannot see it. */
static const char *descriptions[IC_N_CHART_KINDS] = {
  N_("A table of each report's judgements: one row per report, one column per judgement area."),
  N_("For each authority, a row of its reports by the date they ended, each mark one improvement area raised; areas raised again in a later report are joined."),
  N_("For each judgement area, how many authorities' latest inspections were given each grade."),
  N_("For each improvement theme, how many reports raised it."),
  N_("For the authorities shown, the overall effectiveness grade of each of their inspections over time."),
  N_("For each year, how many inspections and how many visits ended in it."),
};

const char *
ic_chart_widget_kind_to_description (IcChartKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_KINDS, NULL);
  return _(descriptions[kind]);
}

static void
update_accessible (IcChartWidget *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ic_chart_widget_kind_to_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ic_chart_widget_kind_to_description (self->kind), -1);
}

const char *
ic_chart_widget_kind_to_title (IcChartKind kind)
{
  g_return_val_if_fail (kind < IC_N_CHART_KINDS, NULL);
  return _(titles[kind]);
}

/* " · items raised 3 and 2 times; the mark shows 3×": a mark says only
 * the most of the counts of its report's items in its row, and each
 * item's count is read here, in its tooltip and the table. */
static void
append_item_times (GString          *text,
                   const IcChartHit *hit)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *all = NULL;

  for (guint i = 0; i + 1 < hit->n_item_times; i++)
    /* Translators: between counts in a list, "4, 3 and 2" */
    g_string_append_printf (list, "%s%u", i > 0 ? _(", ") : "", hit->item_times[i]);
  /* Translators: the last count of a list, "3 and 2" */
  all = g_strdup_printf (_("%s and %u"), list->str, hit->item_times[hit->n_item_times - 1]);
  /* Translators: a timeline mark of several items raised again; "%u×" as the mark writes it */
  g_string_append_printf (text, _(" · items raised %s times; the mark shows %u×"), all, hit->times_raised);
}

/* " (possible match)" after a mark's count when its items were raised
 * again by possible matches only, " (1 of 2 items a possible match)"
 * when some were: the mark looks the same either way, and a reader of
 * the tooltip or the table must not take the count as certain. */
static void
append_possible (GString          *text,
                 const IcChartHit *hit)
{
  if (hit->n_possible == 0)
    return;
  if (hit->n_possible == hit->n_raised_again)
    /* Translators: after "· raised 3 times" on a timeline mark whose item the method is less sure of */
    g_string_append (text, ngettext (" (possible match)", " (all possible matches)", hit->n_possible));
  else
    /* Translators: after "· raised 3 times" on a timeline mark: "(1 of 2 items a possible match)" */
    g_string_append_printf (text, ngettext (" (%u of %u items a possible match)",
                                            " (%u of %u items possible matches)", hit->n_possible),
                            hit->n_possible, hit->n_raised_again);
}

/**
 * ic_chart_widget_describe_hit:
 *
 * Returns: (nullable): one line saying what lies under the pointer
 */
char *
ic_chart_widget_describe_hit (const IcChartHit *hit)
{
  GString *text = g_string_new (hit->authority);

  if (hit->report != NULL)
    {
      g_autofree char *date = ic_date_to_display (ic_report_get_end_date (hit->report));

      if (text->len == 0)
        g_string_append (text, ic_report_get_authority (hit->report));
      g_string_append_printf (text, ", %s", ic_inspection_type_to_label (
                                ic_report_get_inspection_type (hit->report)));
      if (date != NULL)
        g_string_append_printf (text, _(", ended %s"), date);
    }
  if (hit->area >= 0)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", ic_area_to_label (hit->area));
  if (hit->grade != IC_GRADE_NONE)
    g_string_append_printf (text, ": %s", ic_grade_to_label (hit->grade));
  if (hit->theme != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", ic_theme_get_label (hit->theme));
  if (hit->year > 0)
    g_string_append_printf (text, "%s%d", text->len ? " · " : "", hit->year);
  if (hit->count > 0)
    g_string_append_printf (text, ngettext (": %u report", ": %u reports", hit->count), hit->count);
  if (hit->n_item_times > 1)
    append_item_times (text, hit);
  else if (hit->times_raised > 1)
    /* Translators: a timeline mark whose area recurs, "· raised 3 times" */
    g_string_append_printf (text, _(" · raised %u times"), hit->times_raised);
  if (hit->times_raised > 1)
    append_possible (text, hit);

  if (text->len == 0)
    return g_string_free (text, TRUE), NULL;
  return g_string_free (text, FALSE);
}

static GArray *ensure_marks (IcChartWidget *self);

static void
clear_targets (IcChartWidget *self)
{
  if (self->targets == NULL)
    return;
  for (guint i = 0; i < self->targets->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->targets, i));
  g_clear_pointer (&self->targets, g_ptr_array_unref);
}

/* A theme's row, as a theme chip on a report page, leads to the search
 * for the theme's items across every report, with the filters in
 * force; a theme whose rules give no query has no target. What the
 * button says and does depends on its theme alone. */
static GtkWidget *
theme_target_new (const char *theme)
{
  g_autofree char *query = ic_theme_rules_get_query (ic_theme_rules_get_default (), theme);
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (query == NULL)
    return NULL;
  name = g_strdup_printf (_("Search every report for %s"), ic_theme_get_label (theme));
  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "chart-target");
  gtk_widget_set_tooltip_text (button, name);
  ic_a11y_set_name (button, name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", query);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.search");
  return button;
}

/* The row's count and place change with the reports. */
static void
theme_target_set_mark (GtkWidget         *button,
                       const IcChartMark *mark,
                       guint              index)
{
  g_autofree char *said = ic_chart_widget_describe_hit (&mark->hit);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  said ? said : "", -1);
  g_object_set_data (G_OBJECT (button), "ic-mark-index", GUINT_TO_POINTER (index));
}

/* A theme with no search keeps NULL. */
static void
release_target (gpointer target)
{
  if (target != NULL)
    g_object_unref (target);
}

/* Returns: (transfer none) (nullable): the button of @theme's row */
static GtkWidget *
theme_target (IcChartWidget *self,
              const char    *theme)
{
  GtkWidget *target;

  if (self->theme_targets == NULL)
    self->theme_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, release_target);
  if (g_hash_table_lookup_extended (self->theme_targets, theme, NULL, (gpointer *) &target))
    return target;
  target = theme_target_new (theme);
  g_hash_table_insert (self->theme_targets, g_strdup (theme), target ? g_object_ref_sink (target) : NULL);
  return target;
}

/* Children after @last, the rows no longer shown, leave. */
static void
unparent_after (IcChartWidget *self,
                GtkWidget     *last)
{
  GtkWidget *child = last ? gtk_widget_get_next_sibling (last) : gtk_widget_get_first_child (GTK_WIDGET (self));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_widget_unparent (child);
      child = next;
    }
}

/* The themes' buttons follow the chart prepared. A filter change
 * mostly shows themes shown before: each theme's button is made once
 * (making one asks the X server where the pointer is, for its tooltip)
 * and kept, put in its row's place, and told its row's count. */
static void
rebuild_targets (IcChartWidget *self)
{
  GArray *marks;
  GtkWidget *previous = NULL;
  /* New reports or filters keep the keyboard in the chart. */
  gboolean had_focus = self->targets != NULL && gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  if (self->kind != IC_CHART_THEMES || self->chart == NULL)
    {
      clear_targets (self);
      return;
    }
  marks = ensure_marks (self);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  self->targets = g_ptr_array_new ();
  for (guint i = 0; i < marks->len; i++)
    {
      IcChartMark *mark = &g_array_index (marks, IcChartMark, i);
      GtkWidget *target = theme_target (self, mark->hit.theme);

      if (target == NULL)
        continue;
      theme_target_set_mark (target, mark, i);
      /* Children in the rows' order: the order screen readers read. */
      if (gtk_widget_get_parent (target) == NULL || gtk_widget_get_prev_sibling (target) != previous)
        gtk_widget_insert_after (target, GTK_WIDGET (self), previous);
      g_ptr_array_add (self->targets, target);
      previous = target;
    }
  unparent_after (self, previous);
  self->target_focus = MIN (self->target_focus, MAX (self->targets->len, 1) - 1);
  if (had_focus && self->targets->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->targets, self->target_focus));
}

/* @links: (nullable): the timeline's joins; NULL finds them here */
static void
prepare (IcChartWidget *self,
         GPtrArray     *links)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* Only the timeline draws recurrences: other charts skip finding them. */
  if (self->kind != IC_CHART_TIMELINE)
    links = none;
  g_clear_pointer (&self->marks, g_array_unref);
  self->focused = -1;
  g_clear_pointer (&self->chart, ic_chart_unref);
  if (self->model != NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontDescription *font = pango_context_get_font_description (context);
      IcChartOptions options = { .latest_only = self->kind == IC_CHART_GRADES, .links = links,
                                 .authorities = (const char * const *) self->authorities };

      /* Text as large as the rest of the window's, a little smaller than
       * body text as charts are dense; sizes are points, 96 dpi. */
      if (font != NULL && pango_font_description_get_size (font) > 0)
        options.font_size = 0.9 * pango_font_description_get_size (font) / PANGO_SCALE * 96.0 / 72.0;
      gint64 start = g_get_monotonic_time ();

      self->chart = ic_chart_new (self->kind, self->model, &options);
      g_debug ("%s of %u reports prepared in %.1f ms", ic_chart_kind_to_name (self->kind),
               g_list_model_get_n_items (self->model), (g_get_monotonic_time () - start) / 1e3);
    }
  rebuild_targets (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_PREPARED], 0);
}

static void
cancel_links_job (IcChartWidget *self)
{
  if (self->links_job != NULL)
    g_cancellable_cancel (self->links_job);
  g_clear_object (&self->links_job);
}

/* Returns: (transfer full) (nullable): the timeline's joins among the
 * reports of the model, when every authority's are known */
static GPtrArray *
cached_links (IcChartWidget *self,
              GPtrArray    **missing)
{
  GListModel *all = NULL;

  /* Counts are of every loaded report, whichever years are shown. */
  if (GTK_IS_FILTER_LIST_MODEL (self->model))
    all = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (self->model));
  if (self->links_cache == NULL)
    self->links_cache = ic_links_cache_new ();
  return ic_links_cache_lookup (self->links_cache, all, self->model, missing);
}

static void
update (IcChartWidget *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  self->dirty = FALSE;
  g_clear_handle_id (&self->update_source, g_source_remove);
  cancel_links_job (self);
  if (self->kind == IC_CHART_TIMELINE && self->model != NULL)
    links = cached_links (self, &missing);
  /* Found here and now, and among every loaded report: the chart would
   * find them among the reports shown only (README, "Recurrences"). */
  if (links == NULL && missing != NULL)
    {
      g_autoptr(GPtrArray) found = ic_links_cache_find (missing);

      ic_links_cache_add (self->links_cache, missing, found);
      g_clear_pointer (&missing, g_ptr_array_unref);
      links = cached_links (self, &missing);
    }
  prepare (self, links);
}

static void
find_links_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  gint64 start = g_get_monotonic_time ();
  GPtrArray *found = ic_links_cache_find (task_data);

  g_debug ("joins of %u authorities found in %.1f ms", found->len,
           (g_get_monotonic_time () - start) / 1e3);
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void update_async (IcChartWidget *self);

static void
links_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IcChartWidget *self = IC_CHART_WIDGET (object);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  if (found == NULL || self->links_cache == NULL)
    return;
  /* What was found holds for its reports even if others are shown now. */
  ic_links_cache_add (self->links_cache, g_task_get_task_data (G_TASK (result)), found);
  if (g_task_get_cancellable (G_TASK (result)) != self->links_job)
    return;
  g_clear_object (&self->links_job);
  /* Unless an update is due anyway, or the joins were found ahead of
   * the timeline being shown (warm_links()). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->update_source == 0)
    update_async (self);
}

static void
start_links_job (IcChartWidget *self,
                 GPtrArray     *missing)
{
  g_autoptr(GTask) task = NULL;

  self->links_job = g_cancellable_new ();
  task = g_task_new (self, self->links_job, links_found_cb, NULL);
  /* Found even when cancelled: the cache keeps it. */
  g_task_set_check_cancellable (task, FALSE);
  /* Snapshots: the worker never reads a report the window may correct
   * meanwhile. */
  g_task_set_task_data (task, g_ptr_array_ref (missing), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, find_links_thread);
}

/* A timeline not on screen finds the joins of the reports it will show
 * once reading pauses, so that the first filter change after it is
 * shown finds them kept. */
static void
warm_links (IcChartWidget *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  if (self->kind != IC_CHART_TIMELINE || self->model == NULL)
    return;
  cancel_links_job (self);
  links = cached_links (self, &missing);
  if (links == NULL)
    start_links_job (self, missing);
}

/* Finding recurrences compares every item with every other of the same
 * authority: a quarter of a second for a national archive. The joins of
 * authorities found before are kept (IcLinksCache), so a filter change
 * draws at once; a worker finds those of authorities new to the cache,
 * the chart drawn before staying, veiled, until it is done. */
static void
update_async (IcChartWidget *self)
{
  g_autoptr(GPtrArray) no_links = g_ptr_array_new ();
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;

  if (self->kind != IC_CHART_TIMELINE || n == 0)
    {
      update (self);
      return;
    }
  self->dirty = FALSE;
  g_clear_handle_id (&self->update_source, g_source_remove);
  cancel_links_job (self);
  links = cached_links (self, &missing);
  if (links != NULL)
    {
      prepare (self, links);
      return;
    }
  /* Every repaint of a timeline costs tens of milliseconds: one already
   * drawn stays until the new one is complete. */
  if (self->chart == NULL)
    prepare (self, no_links);
  start_links_job (self, missing);
}

static gboolean
update_cb (gpointer data)
{
  IcChartWidget *self = data;

  self->update_source = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    warm_links (self);
  else if (self->dirty)
    update_async (self);
  return G_SOURCE_REMOVE;
}

/* Reports arriving while a folder is read come in batches every 75 ms
 * or so, each changing some authorities: preparing the chart for each
 * (a few milliseconds a chart, and the timeline's joins of every
 * authority with new reports found again) would spend the main thread
 * and the workers on charts nobody can read yet. So those changes wait
 * for a pause in the batches; a chart that is not on screen waits until
 * it is, but for a timeline's joins, found in the pause all the same.
 * A filter change is the user's, one at a time: filter_changed_cb
 * prepares it at once. */
static void
model_items_changed_cb (IcChartWidget *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));

  self->dirty = TRUE;
  if (!mapped && self->kind != IC_CHART_TIMELINE)
    return;
  /* What is drawn is stale from now: veil it at once. */
  if (mapped)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add_full (G_PRIORITY_LOW, UPDATE_DELAY_MS, update_cb, self, NULL);
}

/* The filter changed (a search typed, a region chosen): the chart of the
 * reports now shown is prepared at the next turn of the main loop, ahead
 * of the next frame, from the joins kept for the timeline, so no frame
 * shows the earlier filter's chart. A source rather than now: one change
 * may be several (a reset, then a region); at the default priority, so
 * that input and timers keep it waiting no longer than one turn. */
static void
prepare_at_next_turn (IcChartWidget *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT, update_cb, self, NULL);
}

static void
filter_changed_cb (IcChartWidget *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    prepare_at_next_turn (self);
}

static void
ic_chart_widget_map (GtkWidget *widget)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (ic_chart_widget_parent_class)->map (widget);
  /* Joins being found ahead (warm_links()) update the chart when found. */
  if (self->dirty && self->links_job == NULL)
    update_async (self);
}

static void
draw_message (IcChartWidget *self,
              cairo_t       *cr,
              int            width,
              int            height,
              const char    *message)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), message);
  int tw, th;

  pango_layout_get_pixel_size (layout, &tw, &th);
  ic_color_set_source (ic_palette_get_color (ic_palette_get_screen (self->dark),
                                             IC_PALETTE_MUTED_TEXT), cr);
  cairo_move_to (cr, (width - tw) / 2.0, (height - th) / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/**
 * ic_chart_widget_get_placeholder:
 *
 * Returns: (nullable): what the widget says instead of a chart: nothing
 *   while it has one, "Updating…" while reports are shown that the chart
 *   has not caught up with (reading a folder again), and "No reports to
 *   show" only when there are none
 */
const char *
ic_chart_widget_get_placeholder (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);

  if (self->chart != NULL && !ic_chart_is_empty (self->chart))
    return NULL;
  /* Still to prepare for the reports it has: it cannot say yet. */
  if (self->model != NULL && g_list_model_get_n_items (self->model) > 0 &&
      (self->dirty || self->update_source != 0 || self->chart == NULL))
    return _("Updating…");
  return _("No reports to show");
}

/**
 * ic_chart_widget_is_current:
 *
 * Returns: whether what the widget has prepared (a chart, or nothing to
 *   show) is of the reports its model holds now: nothing is waiting to
 *   be prepared or found
 */
gboolean
ic_chart_widget_is_current (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), FALSE);

  return !self->dirty && self->update_source == 0 && self->links_job == NULL &&
         (self->chart != NULL || self->model == NULL);
}

/**
 * ic_chart_widget_is_stale:
 *
 * Returns: whether the chart drawn is of reports the view no longer
 *   shows (a filter changed, reports came) while its new one is prepared
 */
gboolean
ic_chart_widget_is_stale (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), FALSE);

  return self->chart != NULL && !ic_chart_is_empty (self->chart) &&
         (self->dirty || self->update_source != 0 || self->links_job != NULL);
}

/* The one place that draws. A stale chart stays in sight, so the view
 * does not jump, but veiled and marked "Updating…": it is never shown
 * as if it described the reports now chosen. */
static void
draw_chart (IcChartWidget *self,
            cairo_t       *cr,
            int            width,
            int            height)
{
  const IcPalette *palette = ic_palette_get_screen (self->dark);
  const char *placeholder = ic_chart_widget_get_placeholder (self);
  const IcColor *veil;

  if (placeholder != NULL)
    {
      draw_message (self, cr, width, height, placeholder);
      return;
    }
  ic_chart_draw (self->chart, cr, width, height, palette);
  if (!ic_chart_widget_is_stale (self))
    return;
  veil = ic_palette_get_color (palette, IC_PALETTE_BACKGROUND);
  cairo_set_source_rgba (cr, veil->red, veil->green, veil->blue, 0.85);
  cairo_paint (cr);
  draw_message (self, cr, width, height, _("Updating…"));
}

/* What identifies a mark across preparations of the chart. */
static char *
mark_key (const IcChartHit *hit)
{
  return g_strdup_printf ("%s\t%s\t%d", hit->report ? ic_report_get_source (hit->report) : "",
                          hit->theme ? hit->theme : "", hit->year);
}

/* (transfer none): the marks at the widget's size, found once per size. */
static GArray *
ensure_marks (IcChartWidget *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->marks != NULL && (width != self->marks_width || height != self->marks_height))
    g_clear_pointer (&self->marks, g_array_unref);
  if (self->marks == NULL && self->chart != NULL &&
      (self->kind == IC_CHART_TIMELINE || self->kind == IC_CHART_THEMES))
    {
      self->marks = ic_chart_get_marks (self->chart, width, height);
      self->marks_width = width;
      self->marks_height = height;
      if (self->focused >= (int) self->marks->len)
        self->focused = -1;
    }
  return self->marks;
}

static void
ring_mark (cairo_t           *cr,
           const IcChartMark *mark,
           const IcColor     *color,
           double             line)
{
  ic_color_set_source (color, cr);
  cairo_set_line_width (cr, line);
  cairo_rectangle (cr, mark->x - line, mark->y - line, mark->width + 2 * line, mark->height + 2 * line);
  cairo_stroke (cr);
}

/* The mark last activated stays outlined; the one the keyboard is on
 * has the focus ring. */
static void
draw_rings (IcChartWidget *self,
            cairo_t       *cr)
{
  const IcPalette *palette = ic_palette_get_screen (self->dark);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GArray *marks = ensure_marks (self);

  for (guint i = 0; marks != NULL && self->selected != NULL && i < marks->len; i++)
    {
      IcChartMark *mark = &g_array_index (marks, IcChartMark, i);
      g_autofree char *key = mark_key (&mark->hit);

      if (g_str_equal (key, self->selected))
        ring_mark (cr, mark, ic_palette_get_color (palette, IC_PALETTE_TEXT), 2);
    }
  if (marks != NULL && self->focused >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)) &&
      GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root)))
    ring_mark (cr, &g_array_index (marks, IcChartMark, self->focused),
               ic_palette_get_color (palette, IC_PALETTE_ACCENT), 3);
}

static void
ic_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_chart (self, cr, width, height);
  if (self->chart != NULL && !ic_chart_is_empty (self->chart) && self->kind == IC_CHART_TIMELINE)
    draw_rings (self, cr);
  cairo_destroy (cr);
  /* Targets of a veiled chart would lead to rows no longer drawn. */
  if (self->targets != NULL && !ic_chart_widget_is_stale (self))
    for (guint i = 0; i < self->targets->len; i++)
      gtk_widget_snapshot_child (widget, g_ptr_array_index (self->targets, i), snapshot);
}

/* Each target over its row, as drawn at this size. */
static void
ic_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  GArray *marks;

  if (self->targets == NULL)
    return;
  marks = ensure_marks (self);
  for (guint i = 0; i < self->targets->len; i++)
    {
      GtkWidget *target = g_ptr_array_index (self->targets, i);
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "ic-mark-index"));
      IcChartMark *mark = &g_array_index (marks, IcChartMark, MIN (index, marks->len - 1));
      int min_w, min_h;

      /* GTK asks for a measure before every allocation. */
      gtk_widget_measure (target, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (target, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_size_allocate (target, &(GtkAllocation) {
                                  (int) floor (mark->x), (int) floor (mark->y),
                                  MAX ((int) ceil (mark->width), min_w),
                                  MAX ((int) ceil (mark->height), min_h) }, -1);
    }
}

/* The view scrolls to the theme the keyboard is on: GtkViewport
 * scrolls only when the focus first enters it. */
static void
scroll_to_target (IcChartWidget *self,
                  GtkWidget     *target)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  graphene_rect_t bounds;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (target, content, &bounds))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             bounds.origin.y - 12, bounds.origin.y + bounds.size.height + 12);
}

static gboolean
focus_target (IcChartWidget *self,
              guint          index)
{
  GtkWidget *target = g_ptr_array_index (self->targets, index);

  if (!gtk_widget_grab_focus (target))
    return FALSE;
  scroll_to_target (self, target);
  return TRUE;
}

/* The targets are one tab stop, as a list's rows are: Tab enters at the
 * one last focused and leaves the group; the arrows walk it. */
static gboolean
ic_chart_widget_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  guint n = self->targets != NULL ? self->targets->len : 0;

  if (n == 0)
    return GTK_WIDGET_CLASS (ic_chart_widget_parent_class)->focus (widget, direction);
  if (gtk_widget_get_focus_child (widget) == NULL)
    return focus_target (self, MIN (self->target_focus, n - 1));
  if (direction == GTK_DIR_DOWN && self->target_focus + 1 < n)
    return focus_target (self, self->target_focus + 1);
  if (direction == GTK_DIR_UP && self->target_focus > 0)
    return focus_target (self, self->target_focus - 1);
  return FALSE;
}

static void
ic_chart_widget_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  guint index;

  GTK_WIDGET_CLASS (ic_chart_widget_parent_class)->set_focus_child (widget, child);
  if (child != NULL && self->targets != NULL && g_ptr_array_find (self->targets, child, &index))
    self->target_focus = index;
}

/* Up and Down, Home and End walk the themes; Enter or Space is the
 * focused button's own. */
static gboolean
walk_targets (IcChartWidget *self,
              guint          keyval)
{
  guint n = self->targets->len;

  switch (keyval)
    {
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      focus_target (self, MIN (self->target_focus + 1, n - 1));
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      focus_target (self, self->target_focus > 0 ? self->target_focus - 1 : 0);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      focus_target (self, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      focus_target (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkSizeRequestMode
ic_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ic_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  double width = 320, height = 200;

  if (self->chart != NULL && !ic_chart_is_empty (self->chart))
    ic_chart_get_natural_size (self->chart, context, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Only the timeline grows with zoom, and then scrolls sideways; at
       * 1 it fits the window like the other charts. */
      double zoom = self->kind == IC_CHART_TIMELINE ? self->zoom : 1.0;

      *natural = (int) ceil (width * zoom);
      *minimum = zoom > 1.0 ? *natural : 200;
      /* Charts side by side in the Charts view wrap their labels. */
      if (self->kind != IC_CHART_TIMELINE)
        *natural = MIN (*natural, 560);
    }
  else
    {
      if (for_size > 0 && self->chart != NULL && !ic_chart_is_empty (self->chart))
        height = ic_chart_get_height_for_width (self->chart, context, for_size);
      *minimum = *natural = (int) ceil (MAX (height, 120));
    }
}

static void
ic_chart_widget_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  IcChartWidget *self = IC_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (ic_chart_widget_parent_class)->css_changed (widget, change);
  /* The palette follows the style manager, looked up once per change. */
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gtk_widget_queue_draw (widget);
}

static gboolean
hit_test (IcChartWidget *self,
          double         x,
          double         y,
          IcChartHit    *hit)
{
  memset (hit, 0, sizeof *hit);
  hit->area = -1;
  if (self->chart == NULL)
    return FALSE;
  return ic_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), x, y, hit);
}

static gboolean
ic_chart_widget_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  IcChartHit hit;
  g_autofree char *text = NULL;

  if (keyboard || !hit_test (IC_CHART_WIDGET (widget), x, y, &hit))
    return FALSE;
  text = ic_chart_widget_describe_hit (&hit);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
activate_hit (IcChartWidget    *self,
              const IcChartHit *hit)
{
  g_free (self->selected);
  self->selected = mark_key (hit);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, hit);
}

/* Whether @mark is in the chart's first row (the least y of all). */
static gboolean
in_first_row (GArray            *marks,
              const IcChartMark *mark)
{
  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, IcChartMark, i).y < mark->y - 0.5)
      return FALSE;
  return TRUE;
}

/* The focused mark in view, said to screen readers, ringed. A mark of
 * the first row brings the chart's top with it where it fits: the years
 * above the row, which a walk along it scrolled away (at 800 × 600 none
 * were left to read the marks by). */
static void
focus_mark (IcChartWidget *self,
            int            index)
{
  IcChartMark *mark = &g_array_index (self->marks, IcChartMark, index);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  g_autofree char *text = ic_chart_widget_describe_hit (&mark->hit);

  self->focused = index;
  if (scrolled != NULL)
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double bottom = mark->y + mark->height + 24;
      gboolean top_too = in_first_row (self->marks, mark) && bottom <= gtk_adjustment_get_page_size (v);

      gtk_adjustment_clamp_page (h, mark->x - 24, mark->x + mark->width + 24);
      gtk_adjustment_clamp_page (v, top_too ? 0 : mark->y - 24, bottom);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The nearest mark, by x, in the row above (@step -1) or below (+1). */
static int
mark_in_next_row (GArray *marks,
                  int     from,
                  int     step)
{
  IcChartMark *start = &g_array_index (marks, IcChartMark, from);
  double row = start->y + start->height / 2, next_row = NAN, best = G_MAXDOUBLE;
  int found = -1;

  for (int i = from + step; i >= 0 && i < (int) marks->len; i += step)
    {
      IcChartMark *mark = &g_array_index (marks, IcChartMark, i);
      double centre = mark->y + mark->height / 2;

      if (centre == row)
        continue;
      if (isnan (next_row))
        next_row = centre;
      if (centre != next_row)
        break;
      if (fabs (mark->x - start->x) < best)
        best = fabs (mark->x - start->x), found = i;
    }
  return found;
}

/* Arrow keys walk the marks (left and right along the reading order, up
 * and down to the nearest mark of the next row), Home and End go to the
 * first and last, Enter or Space opens the one focused. */
static gboolean
key_pressed_cb (IcChartWidget         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GArray *marks;
  int n, next = -2;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (self->kind == IC_CHART_THEMES)
    return self->targets != NULL && self->targets->len > 0 && walk_targets (self, keyval);
  marks = ensure_marks (self);
  n = marks ? (int) marks->len : 0;
  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      next = self->focused < 0 ? 0 : MIN (self->focused + 1, n - 1);
      break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      next = self->focused < 0 ? 0 : MAX (self->focused - 1, 0);
      break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      next = self->focused < 0 ? 0 : mark_in_next_row (marks, self->focused,
                                                        keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1);
      if (next < 0)
        next = self->focused;
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      next = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      next = n - 1;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_space: case GDK_KEY_KP_Space:
      if (self->focused < 0)
        return FALSE;
      activate_hit (self, &g_array_index (marks, IcChartMark, self->focused).hit);
      return TRUE;
    default:
      return FALSE;
    }
  focus_mark (self, next);
  return TRUE;
}

static void
released_cb (IcChartWidget *self,
             int            n_press,
             double         x,
             double         y,
             GtkGestureClick *gesture)
{
  IcChartHit hit;

  /* The themes' rows are buttons, which take their clicks. */
  if (self->kind != IC_CHART_THEMES && hit_test (self, x, y, &hit))
    activate_hit (self, &hit);
}

static void
ic_chart_widget_dispose (GObject *object)
{
  IcChartWidget *self = (IcChartWidget *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  cancel_links_job (self);
  g_clear_pointer (&self->links_cache, ic_links_cache_free);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_pointer (&self->chart, ic_chart_unref);
  clear_targets (self);
  g_clear_pointer (&self->theme_targets, g_hash_table_unref);
  g_clear_pointer (&self->authorities, g_strfreev);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (ic_chart_widget_parent_class)->dispose (object);
}

static void
ic_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcChartWidget *self = IC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcChartWidget *self = IC_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ic_chart_widget_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_MODEL:
      ic_chart_widget_set_model (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      ic_chart_widget_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ic_chart_widget_class_init (IcChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ic_chart_widget_dispose;
  object_class->get_property = ic_chart_widget_get_property;
  object_class->set_property = ic_chart_widget_set_property;
  widget_class->snapshot = ic_chart_widget_snapshot;
  widget_class->size_allocate = ic_chart_widget_size_allocate;
  widget_class->focus = ic_chart_widget_focus;
  widget_class->set_focus_child = ic_chart_widget_set_focus_child;
  widget_class->map = ic_chart_widget_map;
  widget_class->measure = ic_chart_widget_measure;
  widget_class->get_request_mode = ic_chart_widget_get_request_mode;
  widget_class->css_changed = ic_chart_widget_css_changed;
  widget_class->query_tooltip = ic_chart_widget_query_tooltip;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, IC_TYPE_CHART_KIND, IC_CHART_TIMELINE, flags);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.25, 16.0, 1.0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A click on a mark; the IcChartHit is valid during emission only. */
  signals[SIGNAL_HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* The chart was prepared again: its marks changed. */
  signals[SIGNAL_PREPARED] =
    g_signal_new ("prepared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "icchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ic_chart_widget_init (IcChartWidget *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zoom = 1.0;
  self->kind = IC_CHART_TIMELINE;
  self->focused = -1;
  /* The timeline's marks are reached by keyboard (key_pressed_cb). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  update_accessible (self);
}

GtkWidget *
ic_chart_widget_new (IcChartKind kind)
{
  return g_object_new (IC_TYPE_CHART_WIDGET, "kind", kind, NULL);
}

IcChartKind
ic_chart_widget_get_kind (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), 0);
  return self->kind;
}

void
ic_chart_widget_set_kind (IcChartWidget *self,
                          IcChartKind    kind)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));
  g_return_if_fail (kind < IC_N_CHART_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  gtk_widget_set_focusable (GTK_WIDGET (self), kind == IC_CHART_TIMELINE);
  update_accessible (self);
  model_items_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

GListModel *
ic_chart_widget_get_model (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);
  return self->model;
}

void
ic_chart_widget_set_model (IcChartWidget *self,
                           GListModel    *model)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  /* The filter's own changes are told from reports arriving. */
  if (GTK_IS_FILTER_LIST_MODEL (model) && gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model)))
    {
      self->filter = g_object_ref (gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (model)));
      g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  model_items_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

double
ic_chart_widget_get_zoom (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), 1.0);
  return self->zoom;
}

void
ic_chart_widget_set_zoom (IcChartWidget *self,
                          double         zoom)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));

  zoom = CLAMP (zoom, 0.25, 16.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

IcChart *
ic_chart_widget_get_chart (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);
  return self->chart;
}

void
ic_chart_widget_update (IcChartWidget *self)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));
  update (self);
}

/**
 * ic_chart_widget_set_authorities:
 * @authorities: (nullable) (array zero-terminated=1): the authorities the
 *   grade history draws (a peer group), or %NULL for the six with the
 *   most graded reports
 */
void
ic_chart_widget_set_authorities (IcChartWidget      *self,
                                 const char * const *authorities)
{
  g_return_if_fail (IC_IS_CHART_WIDGET (self));

  if (self->authorities == NULL && authorities == NULL)
    return;
  if (self->authorities != NULL && authorities != NULL &&
      g_strv_equal ((const char * const *) self->authorities, authorities))
    return;
  g_strfreev (self->authorities);
  self->authorities = g_strdupv ((char **) authorities);
  /* A peer group is chosen in the filter bar: the user's change, as a
   * filter's, drawn at the next turn rather than after a pause. */
  self->dirty = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  prepare_at_next_turn (self);
}

/**
 * ic_chart_widget_get_authorities:
 *
 * Returns: (nullable) (transfer none): the authorities the grade history
 *   was told to draw, or %NULL when it picks them itself
 */
const char * const *
ic_chart_widget_get_authorities (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);

  return (const char * const *) self->authorities;
}

/**
 * ic_chart_widget_get_marks:
 *
 * Returns: (transfer none) (nullable) (element-type IcChartMark): what
 *   the keyboard walks, at the widget's size: the timeline's marks or
 *   heat cells
 */
GArray *
ic_chart_widget_get_marks (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);
  return ensure_marks (self);
}

/* Index of the mark the keyboard is on, or -1. */
int
ic_chart_widget_get_focused_mark (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), -1);
  return self->focused;
}

/* The mark last activated, as "source\ttheme\tyear", or %NULL. */
const char *
ic_chart_widget_get_selected_key (IcChartWidget *self)
{
  g_return_val_if_fail (IC_IS_CHART_WIDGET (self), NULL);
  return self->selected;
}
