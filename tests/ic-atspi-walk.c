/* ic-atspi-walk.c: what a screen reader reads of this process, over AT-SPI
 *
 * GTK 4.8 has no public getter for accessible names, and the name an
 * assistive technology gets is computed by GTK's AT-SPI backend from
 * labels, relations and children. So the test reads it where Orca does:
 * on the accessibility bus. GTK answers from the main loop of the process
 * under test, so every call here is asynchronous and the main loop runs
 * until its reply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "ic-atspi-walk.h"

#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"
#define ATSPI_ROOT_PATH "/org/a11y/atspi/accessible/root"
#define ATSPI_RELATION_LABELLED_BY 2
#define MAX_DEPTH 200

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

/* A D-Bus call that lets the main loop (and so GTK's side) run meanwhile. */
static GVariant *
call (GDBusConnection    *bus,
      const char         *name,
      const char         *path,
      const char         *interface,
      const char         *method,
      GVariant           *args,
      const GVariantType *reply_type,
      GError            **error)
{
  Call c = { NULL, NULL, FALSE };

  g_dbus_connection_call (bus, name, path, interface, method, args, reply_type,
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, call_done_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  if (c.error != NULL)
    g_propagate_error (error, c.error);
  return c.reply;
}

static char *
get_string_property (GDBusConnection *bus,
                     const char      *name,
                     const char      *path,
                     const char      *property)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = call (bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", ATSPI_ACCESSIBLE, property), G_VARIANT_TYPE ("(v)"), NULL);
  if (reply == NULL)
    return g_strdup ("");
  g_variant_get (reply, "(v)", &value);
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup ("");
  return g_variant_dup_string (value, NULL);
}

gboolean
ic_atspi_use_session_bus (GError **error)
{
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *address;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "no session bus: run the test under dbus-run-session");
      return FALSE;
    }
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (session == NULL)
    return FALSE;
  /* The bus launcher (at-spi2-core) is started by this call. */
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 20000, NULL, error);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(&s)", &address);
  g_setenv ("AT_SPI_BUS_ADDRESS", address, TRUE);
  return TRUE;
}

/* GTK's connection to the accessibility bus: the one of this process
 * whose root is an application (the test's own connections have none). */
static char *
find_own_application (GDBusConnection *bus,
                      GError         **error)
{
  g_autoptr(GVariant) names = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *name;

  names = call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "ListNames", NULL, G_VARIANT_TYPE ("(as)"), error);
  if (names == NULL)
    return NULL;
  g_variant_get (names, "(as)", &iter);
  while (g_variant_iter_loop (iter, "&s", &name))
    {
      g_autoptr(GVariant) pid = NULL;
      guint32 value;

      if (name[0] != ':' || g_str_equal (name, g_dbus_connection_get_unique_name (bus)))
        continue;
      pid = call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                  "GetConnectionUnixProcessID", g_variant_new ("(s)", name),
                  G_VARIANT_TYPE ("(u)"), NULL);
      if (pid == NULL)
        continue;
      g_variant_get (pid, "(u)", &value);
      if (value == (guint32) getpid ())
        {
          g_autoptr(GVariant) role = call (bus, name, ATSPI_ROOT_PATH, ATSPI_ACCESSIBLE, "GetRoleName",
                                           NULL, G_VARIANT_TYPE ("(s)"), NULL);

          if (role != NULL)
            return g_strdup (name);
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "GTK is not on the accessibility bus (is GTK_A11Y set to none?)");
  return NULL;
}

static void
node_free (gpointer data)
{
  IcAtspiNode *node = data;

  g_free (node->path);
  g_free (node->role);
  g_free (node->name);
  g_free (node->description);
  g_free (node->labelled_by);
  g_clear_pointer (&node->attributes, g_hash_table_unref);
  g_free (node);
}

static guint64
read_states (GDBusConnection *bus,
             const char      *name,
             const char      *path)
{
  g_autoptr(GVariant) reply = call (bus, name, path, ATSPI_ACCESSIBLE, "GetState", NULL,
                                    G_VARIANT_TYPE ("(au)"), NULL);
  g_autoptr(GVariantIter) iter = NULL;
  guint64 states = 0;
  guint32 word;
  guint shift = 0;

  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(au)", &iter);
  while (g_variant_iter_next (iter, "u", &word) && shift < 64)
    {
      states |= (guint64) word << shift;
      shift += 32;
    }
  return states;
}

static GHashTable *
read_attributes (GDBusConnection *bus,
                 const char      *name,
                 const char      *path)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GVariant) reply = call (bus, name, path, ATSPI_ACCESSIBLE, "GetAttributes", NULL,
                                    G_VARIANT_TYPE ("(a{ss})"), NULL);
  g_autoptr(GVariantIter) iter = NULL;
  char *key, *value;

  if (reply == NULL)
    return attributes;
  g_variant_get (reply, "(a{ss})", &iter);
  while (g_variant_iter_next (iter, "{ss}", &key, &value))
    g_hash_table_insert (attributes, key, value);
  return attributes;
}

static char *
read_labelled_by (GDBusConnection *bus,
                  const char      *name,
                  const char      *path)
{
  g_autoptr(GVariant) reply = call (bus, name, path, ATSPI_ACCESSIBLE, "GetRelationSet", NULL,
                                    G_VARIANT_TYPE ("(a(ua(so)))"), NULL);
  g_autoptr(GVariant) relations = NULL;
  GString *names = NULL;

  if (reply == NULL)
    return NULL;
  relations = g_variant_get_child_value (reply, 0);
  for (gsize i = 0; i < g_variant_n_children (relations); i++)
    {
      g_autoptr(GVariant) relation = g_variant_get_child_value (relations, i);
      g_autoptr(GVariant) targets = NULL;
      guint32 type;

      g_variant_get_child (relation, 0, "u", &type);
      if (type != ATSPI_RELATION_LABELLED_BY)
        continue;
      targets = g_variant_get_child_value (relation, 1);
      for (gsize j = 0; j < g_variant_n_children (targets); j++)
        {
          const char *target_name, *target_path;
          g_autofree char *label = NULL;

          g_variant_get_child (targets, j, "(&s&o)", &target_name, &target_path);
          label = get_string_property (bus, target_name, target_path, "Name");
          if (names == NULL)
            names = g_string_new (label);
          else
            g_string_append_printf (names, "; %s", label);
        }
    }
  return names ? g_string_free (names, FALSE) : NULL;
}

static void
walk (GDBusConnection *bus,
      const char      *name,
      const char      *path,
      int              parent,
      guint            depth,
      GPtrArray       *nodes,
      GHashTable      *seen)
{
  IcAtspiNode *node;
  g_autofree char *count_text = NULL;
  g_autoptr(GVariant) count_reply = NULL;
  g_autoptr(GVariant) count = NULL;
  g_autoptr(GVariant) role = NULL;
  int index, n_children = 0;

  if (depth > MAX_DEPTH || !g_hash_table_add (seen, g_strdup (path)))
    return;

  node = g_new0 (IcAtspiNode, 1);
  node->path = g_strdup (path);
  node->parent = parent;
  node->depth = depth;
  role = call (bus, name, path, ATSPI_ACCESSIBLE, "GetRoleName", NULL, G_VARIANT_TYPE ("(s)"), NULL);
  if (role != NULL)
    g_variant_get (role, "(s)", &node->role);
  else
    node->role = g_strdup ("");
  node->name = get_string_property (bus, name, path, "Name");
  node->description = get_string_property (bus, name, path, "Description");
  node->states = read_states (bus, name, path);
  node->attributes = read_attributes (bus, name, path);
  node->labelled_by = read_labelled_by (bus, name, path);
  index = nodes->len;
  g_ptr_array_add (nodes, node);

  count_reply = call (bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                      g_variant_new ("(ss)", ATSPI_ACCESSIBLE, "ChildCount"),
                      G_VARIANT_TYPE ("(v)"), NULL);
  if (count_reply != NULL)
    {
      g_variant_get (count_reply, "(v)", &count);
      if (g_variant_is_of_type (count, G_VARIANT_TYPE_INT32))
        n_children = g_variant_get_int32 (count);
    }
  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(GVariant) child = call (bus, name, path, ATSPI_ACCESSIBLE, "GetChildAtIndex",
                                        g_variant_new ("(i)", i), G_VARIANT_TYPE ("((so))"), NULL);
      const char *child_name, *child_path;

      if (child == NULL)
        continue;
      g_variant_get (child, "((&s&o))", &child_name, &child_path);
      if (g_str_equal (child_path, "/org/a11y/atspi/null"))
        continue;
      walk (bus, child_name, child_path, index, depth + 1, nodes, seen);
    }
}

GPtrArray *
ic_atspi_walk (GError **error)
{
  const char *address = g_getenv ("AT_SPI_BUS_ADDRESS");
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func (node_free);
  g_autofree char *application = NULL;

  if (address == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no accessibility bus");
      return NULL;
    }
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, error);
  if (bus == NULL)
    return NULL;
  application = find_own_application (bus, error);
  if (application == NULL)
    return NULL;
  walk (bus, application, ATSPI_ROOT_PATH, -1, 0, nodes, seen);
  g_dbus_connection_close_sync (bus, NULL, NULL);
  return g_steal_pointer (&nodes);
}

gboolean
ic_atspi_node_has_state (const IcAtspiNode *node,
                         guint              state)
{
  return (node->states & ((guint64) 1 << state)) != 0;
}

char *
ic_atspi_node_describe (GPtrArray *nodes,
                        guint      index)
{
  IcAtspiNode *node = g_ptr_array_index (nodes, index);
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) above = g_ptr_array_new ();

  g_string_printf (out, "%s '%s'", node->role, node->name);
  if (node->description[0] != '\0')
    g_string_append_printf (out, " (%s)", node->description);
  for (int p = node->parent; p >= 0; p = ((IcAtspiNode *) g_ptr_array_index (nodes, p))->parent)
    g_ptr_array_add (above, g_ptr_array_index (nodes, p));
  g_string_append (out, " in");
  /* The nearest named ancestors: enough to find it in the window. */
  for (guint i = 0, shown = 0; i < above->len && shown < 3; i++)
    {
      IcAtspiNode *a = g_ptr_array_index (above, i);

      if (a->name[0] == '\0')
        continue;
      g_string_append_printf (out, " %s '%s'", a->role, a->name);
      shown++;
    }
  return g_string_free (out, FALSE);
}

struct _IcAtspiEvents
{
  GDBusConnection *bus;
  guint            subscription;
  GHashTable      *names;   /* announced name -> path of the object */
};

static void
property_change_cb (GDBusConnection *connection,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  IcAtspiEvents *events = user_data;
  g_autoptr(GVariant) value = NULL;
  const char *property;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(siiva{sv})")))
    return;
  g_variant_get_child (parameters, 0, "&s", &property);
  g_variant_get_child (parameters, 3, "v", &value);
  if (g_str_equal (property, "accessible-name") && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    g_hash_table_replace (events->names, g_variant_dup_string (value, NULL), g_strdup (path));
}

IcAtspiEvents *
ic_atspi_events_listen (GError **error)
{
  const char *address = g_getenv ("AT_SPI_BUS_ADDRESS");
  g_autoptr(GDBusConnection) bus = NULL;
  IcAtspiEvents *events;

  if (address == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no accessibility bus");
      return NULL;
    }
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, error);
  if (bus == NULL)
    return NULL;
  events = g_new0 (IcAtspiEvents, 1);
  events->bus = g_steal_pointer (&bus);
  events->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  events->subscription = g_dbus_connection_signal_subscribe (events->bus, NULL,
                                                             "org.a11y.atspi.Event.Object",
                                                             "PropertyChange", NULL, NULL,
                                                             G_DBUS_SIGNAL_FLAGS_NONE,
                                                             property_change_cb, events, NULL);
  return events;
}

const char *
ic_atspi_events_wait_for (IcAtspiEvents *events,
                          const char    *name,
                          guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (g_hash_table_lookup (events->names, name) == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return g_hash_table_lookup (events->names, name);
}

void
ic_atspi_events_free (IcAtspiEvents *events)
{
  g_dbus_connection_signal_unsubscribe (events->bus, events->subscription);
  g_dbus_connection_close_sync (events->bus, NULL, NULL);
  g_object_unref (events->bus);
  g_hash_table_unref (events->names);
  g_free (events);
}
