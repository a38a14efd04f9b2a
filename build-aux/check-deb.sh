#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the Debian package (dpkg-buildpackage -us -uc -b) from a copy of
# the source, installs it on this machine, and checks the installed app
# as a user would meet it, with none of the developer's variables:
#   - its package depends on the libraries it links (${shlibs:Depends});
#   - the command line reads PDFs through the installed helper;
#   - the window starts under Xvfb and stays up with the reports open;
# then removes the package. Exits 1 when a check fails.
#
# Usage: build-aux/check-deb.sh [WORK_DIR]   (default _build-deb)
# Needs root or password-less sudo (the package is installed for real:
# dpkg's triggers compile the schema and refresh the caches, as for a user).
set -uo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$top/_build-deb}"
corpus="$top/../shared/corpus"
package=inspection-compare

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "check-deb: installing a package needs root or password-less sudo" >&2
    exit 1
  fi
  sudo="sudo -n"
fi
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
  echo "check-deb: $package is already installed here; not replacing it" >&2
  exit 1
fi

fail () { echo "check-deb: FAILED: $*" >&2; status=1; }
status=0

# A fixed place, so that ccache finds the objects of the last run.
rm -rf "$work"
mkdir -p "$work/src" "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
if [ -d "$top/.git" ] || [ -f "$top/.git" ]; then
  (cd "$top" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$top" && tar --null -T - -cf -) | tar -xf - -C "$work/src"
else
  tar -C "$top" --exclude='./_build*' -cf - . | tar -xf - -C "$work/src"
fi

echo "== dpkg-buildpackage -us -uc -b (log: $work/build.log)"
start=$(date +%s)
if ! (cd "$work/src" && DEB_BUILD_OPTIONS="nocheck noddebs parallel=2" \
        dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1); then
  tail -30 "$work/build.log" >&2
  fail "the package did not build"
  exit 1
fi
deb="$(ls "$work"/${package}_*.deb | head -1)"
echo "built $(basename "$deb") in $(( $(date +%s) - start )) s, $(stat -c %s "$deb") bytes"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for lib in libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libglib2.0-0; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
dpkg-deb -c "$deb" >"$work/contents.txt"
for file in /usr/bin/inspection-compare /usr/share/glib-2.0/schemas/io.github.InspectionCompare.gschema.xml \
    /usr/share/applications/io.github.InspectionCompare.desktop \
    /usr/share/metainfo/io.github.InspectionCompare.metainfo.xml; do
  grep -q " \.$file\$" "$work/contents.txt" || fail "the package lacks $file"
done
grep -q '/inspection-compare-extract$' "$work/contents.txt" || fail "the package lacks the PDF helper"

cleanup () {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q -o DPkg::Lock::Timeout=600 \
    "$package" >"$work/remove.log" 2>&1 || echo "check-deb: could not remove $package" >&2
}
echo "== apt-get install $deb"
if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
       -o DPkg::Lock::Timeout=600 "$deb" >"$work/install.log" 2>&1; then
  tail -20 "$work/install.log" >&2
  fail "the package did not install"
  exit 1
fi
trap cleanup EXIT

# Only what a user's session has: no GSETTINGS_SCHEMA_DIR, no
# IC_EXTRACT_HELPER, no build folder.
user_env=(env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime")
exe=/usr/bin/inspection-compare

echo "== the installed command line reads a PDF through the installed helper"
"${user_env[@]}" "$exe" --export-json="$work/fixture.json" "$top/tests/fixtures/two-pages.pdf" \
  2>"$work/fixture.err"
grep -q '"reason" : "not an Ofsted local authority report"' "$work/fixture.json" ||
  fail "the fixture PDF was not read: $(cat "$work/fixture.err")"
pdfs="$corpus/pdf"
if [ -d "$pdfs" ]; then
  "${user_env[@]}" "$exe" --export-csv="$work/reports.csv" "$pdfs" 2>"$work/reports.err"
  rows=$(( $(wc -l <"$work/reports.csv") - 1 ))
  echo "$rows reports read from $pdfs"
  [ "$rows" -ge 10 ] || fail "only $rows reports read from $pdfs: $(head -3 "$work/reports.err")"
else
  echo "no corpus at $corpus: the window opens the fixtures"
  pdfs="$top/tests/fixtures/parser"
  "${user_env[@]}" "$exe" --export-csv="$work/reports.csv" "$pdfs" 2>/dev/null
  rows=$(( $(wc -l <"$work/reports.csv") - 1 ))
fi

echo "== the installed window starts under Xvfb"
# A home of its own, so that the window reads cold and its cache shows
# when every report has been read.
window_home="$work/home-window"
mkdir -p "$window_home"
cat >"$work/window.sh" <<EOF
#!/bin/sh
# Runs inside xvfb-run: the user's variables and a session bus, nothing else.
${user_env[*]} HOME="$window_home" DISPLAY="\$DISPLAY" XAUTHORITY="\$XAUTHORITY" \\
  dbus-run-session -- $exe "$pdfs" >"$work/window.log" 2>&1 &
app=\$!
shown=""
for i in \$(seq 1 180); do
  sleep 1
  kill -0 \$app 2>/dev/null || { echo "the window exited"; exit 1; }
  if [ -z "\$shown" ] && xwininfo -root -tree | grep -q '"Inspection Compare"'; then
    shown=\$i
    echo "window shown after \$i s"
  fi
  read=\$(find "$window_home/.cache/inspection-compare" -path '*/reports-*' -type f 2>/dev/null | wc -l)
  if [ -n "\$shown" ] && [ "\$read" -ge $rows ]; then
    sleep 3
    kill -0 \$app 2>/dev/null || { echo "the window exited after reading"; exit 1; }
    cp "$work/fb/Xvfb_screen0" "$work/window.xwd" 2>/dev/null
    kill \$app
    wait \$app 2>/dev/null
    echo "\$read reports read by the window after \$i s"
    exit 0
  fi
done
kill \$app
echo "after 180 s: window shown after \${shown:-never} s, \$read of $rows reports read"
exit 1
EOF
mkdir -p "$work/fb"
if ! xvfb-run -a -s "-screen 0 1400x1000x24 -fbdir $work/fb" sh "$work/window.sh"; then
  fail "the installed window did not start: $(head -5 "$work/window.log")"
fi
if grep -q -e 'CRITICAL' -e 'is not installed' "$work/window.log"; then
  fail "the window logged: $(grep -m3 -e CRITICAL -e 'is not installed' "$work/window.log")"
fi

cleanup
trap - EXIT
dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' &&
  fail "the package is still installed"
[ -e "$exe" ] && fail "$exe is still there after removal"
[ $status -eq 0 ] && echo "check-deb: the package builds, installs, starts, reads PDFs and goes"
exit $status
