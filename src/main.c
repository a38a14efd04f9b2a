/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ic-cli.h"

#ifdef IC_WITH_UI
# include "ic-application.h"
#endif

/* The installed translations, or those IC_LOCALEDIR names: a build
 * that is not installed, or a test's pseudo-translation. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("IC_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Exports run headless and must not touch GTK or need a display. */
  if (ic_cli_wants_headless (argc, argv))
    return ic_cli_run (argc, argv);

#ifdef IC_WITH_UI
  return ic_application_run (argc, argv);
#else
  g_printerr ("inspection-compare: %s\n", _("built without the window; use an --export option"));
  return 2;
#endif
}
