#!/bin/sh
# Takes docs/images/workbench.png: builds if needed, starts the real app on a virtual X
# display (Xvfb), lets it train the xor sample for a moment, and has the app write a
# Scene.snapshot PNG and quit (-Dworkbench.autotrain / -Dworkbench.screenshot).
#
#   packaging/screenshot.sh [OUTPUT.png] [PROJECT]
#   env: SCREENSHOT_AFTER_MS (default 8000: after training starts; the picture is taken
#        earlier when the run ends), SCREENSHOT_DISPLAY (99)
# Needs: Java 17, Maven, Xvfb (apt-get install xvfb).
set -eu
cd "$(dirname "$0")/.."
out=${1:-docs/images/workbench.png}
project=${2:-samples/xor/xor.bpw.json}
jar=app/target/app-0.1.0-SNAPSHOT.jar
display=${SCREENSHOT_DISPLAY:-99}

if [ ! -f "$jar" ] || [ ! -d app/target/lib ] \
   || [ -n "$(find engine/src visual/src app/src assets -type f -newer "$jar" | head -n 1)" ]; then
  echo "building..." >&2
  mvn -o -q -B install -DskipTests || mvn -q -B install -DskipTests
fi

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
DISPLAY=":$display" OMP_NUM_THREADS=1 timeout 120 java \
  -cp "$jar:app/target/lib/*" \
  -Dorg.bytedeco.javacpp.nopointergc=true \
  -Dorg.bytedeco.javacpp.maxphysicalbytes=0 \
  -Dorg.bytedeco.javacpp.maxbytes=0 \
  -Duser.language=en -Duser.country=US \
  -Dworkbench.autotrain=true \
  -Dworkbench.screenshot="$out" \
  -Dworkbench.screenshotAfterMs="${SCREENSHOT_AFTER_MS:-8000}" \
  org.backprop.app.Main gui "$project"

if [ ! -s "$out" ]; then echo "no screenshot was written" >&2; exit 1; fi
echo "$out"
