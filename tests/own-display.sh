#!/usr/bin/env bash
# own-display.sh PROGRAM [ARG…]: runs PROGRAM on an X server of its own.
#
# Each UI test gets a private Xvfb, so a window one test presents cannot
# take the keyboard focus from another's, and UI tests can run side by
# side. The server picks a free display number itself and writes it back
# (-displayfd), so two servers starting at once cannot race for one
# number as `xvfb-run -a` can. Only PROGRAM writes to standard output
# (its TAP stream); the server's messages are shown, on standard error,
# only when it fails to start. PROGRAM's exit status is this script's.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: own-display.sh PROGRAM [ARG…]" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/own-display.XXXXXX")" || exit 1
server=""
program=""

stop () {
  [ -n "$program" ] && kill -TERM "$program" 2>/dev/null && wait "$program" 2>/dev/null
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT
# meson sends SIGTERM (then SIGKILL) to the test's process group when it
# times out or is interrupted: the program and the server stop with us.
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

# A cookie of our own: no other user's client can draw on the display.
# The server takes every cookie of its file, whatever display it names;
# it is there before the server starts, so no client ever connects
# without one. The clients' file names the display once it is known.
cookie="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
touch "$work/server-auth" "$work/Xauthority"
xauth -q -f "$work/server-auth" add :0 . "$cookie" || exit 1

# -noreset: the server would reset when its last client leaves. In the
# screen reader test the accessibility bus's launcher is a client before
# GTK is, and GTK then connected during the reset: "cannot open display".
mkfifo "$work/displayfd" || exit 1
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp -noreset -auth "$work/server-auth" \
  3>"$work/displayfd" </dev/null >"$work/server.log" 2>&1 &
server=$!
number=""
read -r -t 30 number <"$work/displayfd"
if [ -z "$number" ]; then
  echo "own-display.sh: Xvfb did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
export DISPLAY=":$number"
# Not the desktop's Wayland session when run from one.
unset WAYLAND_DISPLAY
export GDK_BACKEND=x11
export XAUTHORITY="$work/Xauthority"
xauth -q -f "$XAUTHORITY" add "$DISPLAY" . "$cookie" || exit 1

# In the background, so that the traps above run as soon as a signal
# comes; a background command's standard input would be /dev/null.
exec 4<&0
"$@" <&4 4<&- &
program=$!
wait "$program"
status=$?
program=""
exit $status
