/* ic-application.h: the GNOME application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IC_TYPE_APPLICATION (ic_application_get_type ())

G_DECLARE_FINAL_TYPE (IcApplication, ic_application, IC, APPLICATION, AdwApplication)

IcApplication *ic_application_new (void) G_GNUC_WARN_UNUSED_RESULT;
/* Runs the window on the folders and files in @argv; returns the exit
 * status. main() calls this when no export option was given. */
int            ic_application_run (int    argc,
                                   char **argv);

G_END_DECLS
