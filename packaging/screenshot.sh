#!/bin/sh
# Takes docs/images/workbench.png: builds if needed, starts the real app on a virtual X
# display (Xvfb), lets it train the xor sample for a moment, and has the app write a
# Scene.snapshot PNG and quit (-Dworkbench.autotrain / -Dworkbench.screenshot).
#
#   packaging/screenshot.sh [OUTPUT.png] [PROJECT]
#   env: SCREENSHOT_AFTER_MS (default 8000: after training starts; the picture is taken
#        earlier when the run ends), SCREENSHOT_DISPLAY (99),
#        SCREENSHOT_OPTS (default -Dworkbench.autotrain=true; e.g. -Dworkbench.tab=start for the
#        start page: packaging/screenshot.sh docs/images/start-page.png)
# Needs: Java 17, Maven, Xvfb (apt-get install xvfb).
set -eu
cd "$(dirname "$0")/.."
out=${1:-docs/images/workbench.png}
project=${2:-samples/xor/xor.bpw.json}
display=${SCREENSHOT_DISPLAY:-99}

Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT INT TERM
i=0
until [ -e "/tmp/.X11-unix/X$display" ]; do
  i=$((i + 1))
  if [ "$i" -gt 100 ]; then echo "Xvfb did not start on :$display" >&2; exit 1; fi
  sleep 0.1
done

mkdir -p "$(dirname "$out")"
rm -f "$out"
# The launcher builds what is missing and sets the ND4J flags; the app quits after the picture.
DISPLAY=":$display" WORKBENCH_JAVA_OPTS="-Duser.language=en -Duser.country=US ${SCREENSHOT_OPTS:--Dworkbench.autotrain=true} \
  -Dworkbench.screenshot=$out -Dworkbench.screenshotAfterMs=${SCREENSHOT_AFTER_MS:-8000}" \
  timeout 600 ./workbench gui "$project"

if [ ! -s "$out" ]; then echo "no screenshot was written" >&2; exit 1; fi
echo "$out"
