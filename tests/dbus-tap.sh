#!/bin/sh
# Runs a TAP test program on a D-Bus session of its own. Services the bus
# starts (the accessibility registry) print to standard output, which would
# break the TAP stream: the session's output goes to standard error and only
# the test program's reaches standard output.
exec 3>&1
exec dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' sh "$@" 1>&2
