/* ic-stall-probe.h: how long a main loop goes without dispatching
 *
 * A debugging aid: with IC_DEBUG_STALLS=1 in the environment the loader
 * starts one per load and prints what it measured when the load ends.
 * Otherwise no probe exists and nothing is measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IcStallProbe IcStallProbe;

IcStallProbe *ic_stall_probe_start_if_asked (GMainContext *context) G_GNUC_WARN_UNUSED_RESULT;
gint64        ic_stall_probe_thread_cpu_us  (void);
void          ic_stall_probe_add_batch      (IcStallProbe *self,
                                             gint64        wall_us,
                                             gint64        cpu_us);
void          ic_stall_probe_add_put_off    (IcStallProbe *self);
void          ic_stall_probe_report         (IcStallProbe *self);
void          ic_stall_probe_free           (IcStallProbe *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcStallProbe, ic_stall_probe_free)

G_END_DECLS
