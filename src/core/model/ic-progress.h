/* ic-progress.h: following and stopping a long output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Told of each step done (a report, a row, a page) of @total, on the
 * thread writing. */
typedef void (*IcProgressFunc) (guint    done,
                                guint    total,
                                gpointer user_data);

/* The shape of the pack's (IcPackOptions): every member nullable, and a
 * NULL IcProgress is neither followed nor stopped. */
typedef struct
{
  GCancellable   *cancellable;
  IcProgressFunc  progress;
  gpointer        progress_data;
} IcProgress;

gboolean ic_progress_step (const IcProgress  *progress,
                           guint              done,
                           guint              total,
                           GError           **error);
gboolean ic_progress_go_on (const IcProgress  *progress,
                            GError           **error);

G_END_DECLS
