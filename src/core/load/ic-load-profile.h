/* ic-load-profile.h: where a load's time goes, by step of the pipeline
 * (IC_DEBUG_STAGES=1), printed on standard error when the load ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  IC_LOAD_STAGE_SCAN,
  IC_LOAD_STAGE_READ,
  IC_LOAD_STAGE_HASH,
  IC_LOAD_STAGE_CACHE_READ,
  IC_LOAD_STAGE_EXTRACT,
  IC_LOAD_STAGE_PARSE,
  IC_LOAD_STAGE_CACHE_WRITE,
  IC_LOAD_STAGE_INDEX,
  IC_LOAD_STAGE_THEMES,
  IC_LOAD_N_STAGES
} IcLoadStage;

typedef struct _IcLoadProfile IcLoadProfile;

/* The start of a timed step: zero when there is no profile. */
typedef struct
{
  gint64 wall_us;
  gint64 cpu_us;
} IcLoadTimer;

IcLoadProfile *ic_load_profile_new_if_asked (void) G_GNUC_WARN_UNUSED_RESULT;
IcLoadTimer    ic_load_profile_start        (IcLoadProfile *self);
void           ic_load_profile_stop         (IcLoadProfile *self,
                                             IcLoadTimer   *timer,
                                             IcLoadStage    stage);
void           ic_load_profile_report       (IcLoadProfile *self,
                                             gint64         total_wall_us);
void           ic_load_profile_free         (IcLoadProfile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcLoadProfile, ic_load_profile_free)

G_END_DECLS
