/* ic-atspi-walk.h: what a screen reader reads of this process, over AT-SPI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* AT-SPI state bits (at-spi2-core's AtspiStateType). */
enum
{
  IC_ATSPI_STATE_CHECKED = 4,
  IC_ATSPI_STATE_ENABLED = 8,
  IC_ATSPI_STATE_FOCUSABLE = 11,
  IC_ATSPI_STATE_FOCUSED = 12,
  IC_ATSPI_STATE_PRESSED = 20,
  IC_ATSPI_STATE_SELECTED = 23,
  IC_ATSPI_STATE_SENSITIVE = 24,
  IC_ATSPI_STATE_SHOWING = 25,
  IC_ATSPI_STATE_VISIBLE = 30,
};

/* One accessible object as an assistive technology sees it. */
typedef struct
{
  char       *path;         /* object path on the accessibility bus */
  char       *role;         /* AT-SPI role name: "push button", "heading"… */
  char       *name;
  char       *description;
  guint64     states;       /* bits of the IC_ATSPI_STATE_ values */
  GHashTable *attributes;   /* object attributes, e.g. "level" of a heading */
  char       *labelled_by;  /* names of the objects labelling it, "; "-joined, or NULL */
  int         parent;       /* index of the parent node, -1 for a window */
  guint       depth;
} IcAtspiNode;

/* Before GTK starts: finds the session's accessibility bus and makes GTK
 * use it (AT_SPI_BUS_ADDRESS), so that no stale address left on the
 * display by another process is used. FALSE (with a message) when there
 * is no session bus or no at-spi bus launcher. */
gboolean   ic_atspi_use_session_bus (GError **error);

/* Every object of this process's windows, parents before children, read
 * over D-Bus while the main loop runs (GTK answers from it). */
GPtrArray *ic_atspi_walk            (GError **error);

gboolean   ic_atspi_node_has_state  (const IcAtspiNode *node,
                                     guint              state);
/* "role 'name' (description)" and the path of names above it. */
char      *ic_atspi_node_describe   (GPtrArray         *nodes,
                                     guint              index);

/* Name changes announced on the accessibility bus by this process (what
 * a screen reader hears of a status or alert whose text changes). */
typedef struct _IcAtspiEvents IcAtspiEvents;

IcAtspiEvents *ic_atspi_events_listen   (GError        **error);
/* Runs the main loop until an object announced @name as its new name,
 * or @timeout_ms passed; returns that object's path, or NULL. */
const char    *ic_atspi_events_wait_for (IcAtspiEvents  *events,
                                         const char     *name,
                                         guint           timeout_ms);
void           ic_atspi_events_free     (IcAtspiEvents  *events);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcAtspiEvents, ic_atspi_events_free)

G_END_DECLS
