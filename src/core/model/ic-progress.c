/* ic-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ic-progress"

#include "config.h"

#include "ic-progress.h"

/**
 * ic_progress_step:
 * @progress: (nullable): how the output is followed and stopped
 *
 * Tells the step, then asks whether to go on: a Cancel heard from the
 * callback itself stops the output at once.
 *
 * Returns: %FALSE, with %G_IO_ERROR_CANCELLED, when the output is to stop
 */
gboolean
ic_progress_step (const IcProgress  *progress,
                  guint              done,
                  guint              total,
                  GError           **error)
{
  if (progress != NULL && progress->progress != NULL)
    progress->progress (done, total, progress->progress_data);
  return ic_progress_go_on (progress, error);
}

/**
 * ic_progress_go_on:
 * @progress: (nullable): how the output is followed and stopped
 *
 * Between the steps that are not counted (finding recurrences before
 * the reports are written): whether to go on.
 *
 * Returns: %FALSE, with %G_IO_ERROR_CANCELLED, when the output is to stop
 */
gboolean
ic_progress_go_on (const IcProgress  *progress,
                   GError           **error)
{
  return progress == NULL || !g_cancellable_set_error_if_cancelled (progress->cancellable, error);
}
