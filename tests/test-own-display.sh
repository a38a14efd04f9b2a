#!/usr/bin/env bash
# test-own-display.sh OWN-DISPLAY: what the UI tests rely on from
# tests/own-display.sh, as TAP. Needs Xvfb, xauth and xdpyinfo
# (build-aux/deps.sh).
set -uo pipefail
wrapper="$1"
work="$(mktemp -d "${TMPDIR:-/tmp}/test-own-display.XXXXXX")" || exit 1
trap 'rm -rf "$work"' EXIT
n=0
failed=0

check () {
  local what="$1"; shift
  n=$((n + 1))
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=1; fi
}

# The program prints its display and the pid of the server, its sibling,
# then runs what it is given.
probe='echo "$DISPLAY $(pgrep -x -P "$PPID" Xvfb)"; '

server_gone () {
  local pid="$1"
  [ -n "$pid" ] || return 1
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# Exit status and standard output are the program's alone.
"$wrapper" sh -c 'echo only this; exit 7' >"$work/out" 2>/dev/null
status=$?
check "the program's exit status is the wrapper's" [ $status -eq 7 ]
check "standard output holds the program's output alone" \
  [ "$(cat "$work/out")" = "only this" ]

# Two started at once: each its own display, 1400x1000x24, ours alone.
"$wrapper" sh -c "$probe"'xdpyinfo | grep -q "dimensions: *1400x1000 pixels" &&
  xdpyinfo | grep -q "depth of root window: *24 planes" && echo usable' >"$work/a" 2>&1 &
"$wrapper" sh -c "$probe"'xdpyinfo >/dev/null && echo usable;
  XAUTHORITY=/dev/null xdpyinfo >/dev/null 2>&1 || echo refused' >"$work/b" 2>&1 &
wait
read -r display_a pid_a _ <"$work/a"
read -r display_b pid_b _ <"$work/b"
check "two wrappers started at once get displays of their own" \
  [ -n "$display_a" ] && [ -n "$display_b" ] && [ "$display_a" != "$display_b" ]
check "the display is 1400x1000, 24 bits deep" grep -q usable "$work/a"
check "a client without the cookie is refused" grep -q refused "$work/b"
check "the servers stop when the programs end" server_gone "$pid_a"
check "the second server stops too" server_gone "$pid_b"

# meson's timeout: SIGTERM to the test's process group, then SIGKILL.
# With job control the wrapper leads a process group of its own.
set -m
"$wrapper" sh -c "$probe"'exec sleep 600' >"$work/c" 2>/dev/null &
group=$!
set +m
for _ in $(seq 100); do [ -s "$work/c" ] && break; sleep 0.1; done
read -r _ pid_c _ <"$work/c"
kill -TERM -- "-$group"
wait "$group"
status=$?
check "SIGTERM to the group ends the wrapper with 143" [ $status -eq 143 ]
check "and its server" server_gone "$pid_c"

# The wrapper alone is sent SIGTERM: it stops the program and the server.
"$wrapper" sh -c "$probe"'echo $$; exec sleep 600' >"$work/d" 2>/dev/null &
wrapper_pid=$!
for _ in $(seq 100); do [ "$(cat "$work/d" 2>/dev/null | wc -l)" -ge 2 ] && break; sleep 0.1; done
{ read -r _ pid_d _; read -r program_d; } <"$work/d"
kill -TERM "$wrapper_pid"
wait "$wrapper_pid"
check "SIGTERM to the wrapper alone stops its server" server_gone "$pid_d"
check "and its program" server_gone "$program_d"

echo "1..$n"
exit $failed
