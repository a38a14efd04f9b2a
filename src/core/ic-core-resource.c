/* ic-core-resource.c: the core's resource, safe to ask for from any thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ic-core-resource.h"
#include "ic-core-resources.h"

/* glib-compile-resources registers the data lazily, on the first lookup. In
 * GLib 2.74 (Debian 12) a second thread asking during that first
 * registration returns at once and reads the resource as NULL: load workers
 * reading themes and concepts at the same moment crashed in
 * g_resource_lookup_data (one run in about three of a bare eight-thread
 * race). g_resources_enumerate_children() waits for the resources' read
 * lock, which the registering thread holds until the resource is set; the
 * answer is then kept once for every thread. */
GResource *
ic_core_resource (void)
{
  static GResource *resource = NULL;

  if (g_once_init_enter (&resource))
    {
      GResource *registered;

      /* Called for its wait on the read lock; the list itself is not needed. */
      g_strfreev (g_resources_enumerate_children ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL));
      registered = ic_core_get_resource ();

      g_assert (registered != NULL);
      g_once_init_leave (&resource, registered);
    }

  return resource;
}
