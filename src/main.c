/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <unistd.h>

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

/* A standard stream the caller closed (">&-") would be the number the
 * next file opened takes, so that what is meant for standard output (the
 * JSON of --export-json=-) or error could land in a cache file or an
 * export being written. Each is held by /dev/null opened for reading, so
 * a write to it still fails ("it is closed"), as the caller asked. */
static void
hold_closed_standard_streams (void)
{
  for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
    if (fcntl (fd, F_GETFD) == -1 && errno == EBADF)
      {
        /* The lowest free number: @fd itself, those below being open. */
        int null = open ("/dev/null", O_RDONLY);

        if (null != fd && null >= 0)
          close (null);
      }
}

int
main (int   argc,
      char *argv[])
{
  /* First: setlocale() and every library after it open files. */
  hold_closed_standard_streams ();
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
