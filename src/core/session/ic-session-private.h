/* ic-session-private.h: the session's state, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ic-loader.h"
#include "ic-session.h"

G_BEGIN_DECLS

struct _IcSession
{
  GObject        parent_instance;

  IcReportStore *store;
  IcLoader      *loader;
  IcCorrections *corrections;
  IcFilterSpec  *filter;
  GCancellable  *cancellable;
  GPtrArray     *roots;            /* GFile: folders and files opened */
  GPtrArray     *queue;            /* GFile arrays waiting for the loader */
  guint          n_failures_seen;
  guint          loading : 1;
  guint          watch_folders : 1;

  /* ic-session-watch.c */
  GHashTable    *monitors;         /* path -> GFileMonitor */
  GHashTable    *pending;          /* paths of folders changed on disk */
  guint          reload_source;

  /* ic-session-corrections.c: the last correction, to undo */
  char          *undo_content_id;
  char          *undo_field;
  char          *undo_value;       /* NULL: there was no correction */
};

void  _ic_session_start_load            (IcSession  *self,
                                         GPtrArray  *files);
void  _ic_session_notify_can_undo       (IcSession  *self);

void  _ic_session_watch_init            (IcSession  *self);
void  _ic_session_watch_dispose         (IcSession  *self);
void  _ic_session_watch_folder          (IcSession  *self,
                                         GFile      *folder);
void  _ic_session_unwatch_all           (IcSession  *self);

void  _ic_session_corrections_dispose   (IcSession  *self);

G_END_DECLS
