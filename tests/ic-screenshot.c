/* ic-screenshot.c: saves a PNG of each view of the window, light and dark
 *
 *   ic-screenshot OUTDIR [FOLDER|FILE…]
 *
 * Without paths it shows made-up reports (no report text). A developer
 * tool for looking at the window under Xvfb; not run as a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ic-chart-widget.h"
#include "ic-palette.h"
#include "ic-report-private.h"
#include "ic-window.h"

static IcReport *
fake (const char *authority, IcInspectionType type, guint year, guint month, IcGrade g, const char *theme)
{
  g_autofree char *source = g_strdup_printf ("/reports/%s-%u-%s.pdf", authority, year,
                                             ic_inspection_type_to_key (type));
  IcReport *r = _ic_report_new (source);
  g_autoptr(GDate) end = g_date_new_dmy (12, month, year);
  g_autoptr(GDate) start = g_date_new_dmy (1, month, year);
  g_autoptr(IcImprovement) item = NULL;

  _ic_report_set_content_id (r, source);
  _ic_report_set_authority (r, authority);
  _ic_report_set_inspection_type (r, type);
  _ic_report_set_title (r, "Inspection of local authority children's services");
  _ic_report_set_start_date (r, start);
  _ic_report_set_end_date (r, end);
  if (g != IC_GRADE_NONE)
    for (guint a = 0; a < 4; a++)
      {
        g_autoptr(IcJudgement) j = ic_judgement_new (a, ic_area_to_label (a),
                                                     a == 2 && g < IC_GRADE_INADEQUATE ? g + 1 : g, 0);
        _ic_report_add_judgement (r, j);
      }
  item = ic_improvement_new ("Made-up improvement item about the quality of plans.",
                             IC_ITEM_KIND_IMPROVEMENT, IC_SCOPE_LOCAL_AUTHORITY, NULL, 3);
  ic_improvement_set_themes (item, (const char *[]) { theme, "recording", NULL });
  _ic_report_add_improvement (r, item);
  _ic_report_add_strength (r, "Made-up strength.");
  _ic_report_add_warning (r, "Made-up warning: the lead inspector was not found.");
  _ic_report_set_pages (r, (const char *[]) { "Made-up page text about plans and planning.", NULL });
  return r;
}

static void
fill (IcReportStore *store)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_object_unref);
  const char *names[] = { "Richmond upon Thames", "Greenwich", "Redbridge", "Kingston upon Thames",
                          "Bristol, City of", "County Durham", "St. Helens", "Norfolk" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_SIF, 2015 + i % 3, 3, 1 + i % 5, "front_door"));
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_ILACS, 2019 + i % 4, 6, 1 + (i + 2) % 5 == 4 ? 3 : 1 + (i + 2) % 5, "plans_and_planning"));
      g_ptr_array_add (a, fake (names[i], IC_INSPECTION_TYPE_FOCUSED_VISIT, 2023, 1 + i, IC_GRADE_NONE, "workforce"));
    }
  ic_report_store_add_batch (store, a);
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_save_to_png (texture, path);
  g_print ("%s\n", path);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found)
        return found;
    }
  return NULL;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int argc, char **argv)
{
  IcWindow *window;
  const char *views[] = { "matrix", "timeline", "charts", "reports" };
  const char *schemes[] = { "light", "dark" };

  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  adw_init ();
  if (argc < 2)
    return 2;

  /* An application would add its resource icons itself. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/InspectionCompare/icons");
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/InspectionCompare/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  window = ic_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);
  save (GTK_WIDGET (window), argv[1], "empty");

  if (argc > 2)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 2; i < argc; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
      ic_window_open (window, (GFile **) files->pdata, files->len);
      wait_ms (200);
      save (GTK_WIDGET (window), argv[1], "loading");
      while (ic_window_get_loading (window))
        g_main_context_iteration (NULL, TRUE);
    }
  else
    fill (ic_window_get_store (window));
  wait_ms (600);

  for (guint s = 0; s < 2; s++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          s ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", views[v], schemes[s]);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
          wait_ms (1500);
          save (GTK_WIDGET (window), argv[1], name);
          if (v == 1 && g_getenv ("IC_DEBUG_CHART"))
            {
              GtkWidget *w = find_type (GTK_WIDGET (window), IC_TYPE_CHART_WIDGET);
              IcChart *chart = ic_chart_widget_get_chart (IC_CHART_WIDGET (w));
              int cw = gtk_widget_get_width (w), ch = gtk_widget_get_height (w);
              cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cw, ch);
              cairo_t *cr = cairo_create (surface);
              g_autofree char *path = g_strdup_printf ("%s/chart-direct.png", argv[1]);

              ic_chart_draw (chart, cr, cw, ch, ic_palette_get_print ());
              cairo_surface_write_to_png (surface, path);
              g_print ("%s %d x %d\n", path, cw, ch);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
        }
      {
        g_autoptr(IcReport) r = g_list_model_get_item (ic_window_get_reports (window), 1);
        g_autofree char *name = g_strdup_printf ("report-%s", schemes[s]);

        if (r != NULL)
          {
            gtk_widget_activate_action (GTK_WIDGET (window), "win.open-report", "s",
                                        ic_report_get_source (r));
            wait_ms (400);
            save (GTK_WIDGET (window), argv[1], name);
            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "reports");
          }
      }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
