/* ic-render-test-data.h: synthetic reports for the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ic-report-private.h"

G_BEGIN_DECLS

/* The authority names of the shared la_lookup.csv, or generated ones. */
GPtrArray  *ic_render_test_authority_names (void) G_GNUC_WARN_UNUSED_RESULT;
/* @n_reports reports over authorities with @per_authority reports each:
 * ILACS 2019 (care leavers within children in care), focused visit 2021,
 * ILACS 2024, SIF 2015 and child protection 2012 (adequate), in turn,
 * authority k starting at kind k. */
GListModel *ic_render_test_reports         (guint       n_reports,
                                            guint       per_authority) G_GNUC_WARN_UNUSED_RESULT;
IcReport   *ic_render_test_report          (const char *authority,
                                            guint       pattern,
                                            guint       seed) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
