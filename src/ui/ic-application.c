/* ic-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ic-application.h"
#include "ic-window.h"

struct _IcApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (IcApplication, ic_application, ADW_TYPE_APPLICATION)

static IcWindow *
get_window (IcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  IcWindow *created;

  if (IC_IS_WINDOW (window))
    return IC_WINDOW (window);
  created = ic_window_new (GTK_APPLICATION (self));
  /* A development build's striped header bar tells it from a release. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (created), "devel");
  return created;
}

static void
ic_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (IC_APPLICATION (app))));
}

/* Paths on the command line and "Open With" from the file manager. */
static void
ic_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  IcWindow *window = get_window (IC_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  ic_window_open (window, files, n_files);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Close rather than quit so each window saves its size. */
  for (GList *l = g_list_copy (windows); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "Inspection Compare developers", NULL };
  g_autofree char *debug = NULL;

  debug = g_strdup_printf ("Inspection Compare %s\nGLib %u.%u.%u\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n",
                           PACKAGE_VERSION,
                           glib_major_version, glib_minor_version, glib_micro_version,
                           gtk_get_major_version (), gtk_get_minor_version (),
                           gtk_get_micro_version (),
                           adw_get_major_version (), adw_get_minor_version (),
                           adw_get_micro_version ());
  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                         "application-name", _("Inspection Compare"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Inspection Compare developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Compare Ofsted inspection reports of local authority "
                                       "children's services. Reports are Crown copyright, "
                                       "published under the Open Government Licence; this "
                                       "app is not made by Ofsted."),
                         "debug-info", debug,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
ic_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ic_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
ic_application_class_init (IcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ic_application_activate;
  app_class->open = ic_application_open;
  app_class->startup = ic_application_startup;
}

static void
ic_application_init (IcApplication *self)
{
}

IcApplication *
ic_application_new (void)
{
  return g_object_new (IC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/InspectionCompare",
                       NULL);
}

int
ic_application_run (int    argc,
                    char **argv)
{
  g_autoptr(IcApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Inspection Compare"));
  app = ic_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
