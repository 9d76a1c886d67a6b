#!/usr/bin/env bash
# The installer, tested the way a user meets it: build the .deb (mvn -Pinstaller), install it with
# dpkg -i, run the installed launcher headless as a fresh user (--version; train the xor sample
# for 50 iterations; check the exit codes, metrics.csv and the installed files), uninstall it with
# dpkg -r (and -P), and clean up. CI runs it (.ci/run). Needs root (or sudo), fakeroot, dpkg-deb.
#
#   packaging/test-deb.sh            build, then test
#   packaging/test-deb.sh --no-build test the .deb already in packaging/target
#   env MVN_ARGS="-o"                extra Maven arguments (e.g. offline)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PACKAGE=backprop-workbench
INSTALL_DIR=/opt/$PACKAGE
LAUNCHER=$INSTALL_DIR/bin/backprop-workbench
VERSION=$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml | head -1)

fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }
status() { dpkg-query -W -f '${Status}' "$PACKAGE" 2>/dev/null || true; }

tmp=$(mktemp -d)
installed=""
cleanup() {
  if [ -n "$installed" ] && [ -n "$(status)" ]; then
    $SUDO dpkg -P "$PACKAGE" >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

case "$(status)" in
  *" installed") fail "$PACKAGE is already installed here; remove it first (dpkg -P $PACKAGE)" ;;
  ?*) $SUDO dpkg -P "$PACKAGE" >/dev/null ;;  # left removed-but-not-purged by an earlier run
esac

t0=$(date +%s)
if [ "${1:-}" != "--no-build" ]; then
  step "build the .deb (mvn -Pinstaller)"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -Pinstaller -DskipTests package
fi
t1=$(date +%s)
deb=$(ls "$ROOT"/packaging/target/nd4j-native/installer/${PACKAGE}_"$VERSION"-*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no ${PACKAGE}_${VERSION} .deb in packaging/target/nd4j-native/installer"
deb_bytes=$(stat -c %s "$deb")
echo "$(basename "$deb"): $((deb_bytes / 1024 / 1024)) MiB"
[ "$deb_bytes" -le $((200 * 1024 * 1024)) ] || fail ".deb is over 200 MiB"
dpkg-deb -f "$deb" Depends | grep -qw libgtk-3-0 || fail "Depends lacks libgtk-3-0"

step "install: dpkg -i (apt-get install -f for missing dependencies)"
installed=yes
if ! $SUDO dpkg -i "$deb"; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends
fi
[ "$(status)" = "install ok installed" ] || fail "dpkg does not list $PACKAGE as installed: $(status)"
[ -x "$LAUNCHER" ] || fail "no launcher at $LAUNCHER"
echo "installed size: $(dpkg-query -W -f '${Installed-Size}' "$PACKAGE") KiB (dpkg), $(du -sh "$INSTALL_DIR" | cut -f1) on disk"

step "installed files"
cfg=$INSTALL_DIR/lib/app/backprop-workbench.cfg
for flag in -Dorg.bytedeco.javacpp.nopointergc=true -Dorg.bytedeco.javacpp.maxphysicalbytes=0 \
            -Dorg.bytedeco.javacpp.maxbytes=0 -Dworkbench.threads=1; do
  grep -qxF "java-options=$flag" "$cfg" || fail "$cfg lacks $flag"
done
desktop=$INSTALL_DIR/lib/$PACKAGE-backprop-workbench.desktop
grep -qx "Name=Backprop Workbench" "$desktop" || fail "desktop entry name"
grep -q "^Exec=.* %f$" "$desktop" || fail "desktop entry does not pass the file it opens"
grep -qx "MimeType=application/x-backprop-workbench" "$desktop" || fail "desktop entry lacks the project mime type"
grep -q 'pattern="\*\.bpw\.json"' "$INSTALL_DIR"/lib/*MimeInfo.xml || fail "no *.bpw.json glob in the mime info"
sample=$INSTALL_DIR/lib/app/samples/xor/xor.bpw.json
[ -f "$sample" ] || fail "samples not installed"
# Only this platform's natives: no other OS's ND4J/OpenBLAS/JavaCPP/JavaFX jars.
if ls "$INSTALL_DIR"/lib/app | grep -E -- '-(windows|macosx|android|ios)-|-(win|mac|mac-aarch64)\.jar$'; then
  fail "natives of another platform are installed"
fi

# A fresh user (JavaCPP unpacks its natives into ~/.javacpp/cache on the first run; Java takes
# user.home from the password file, not from HOME, hence JAVA_TOOL_OPTIONS), no OMP_NUM_THREADS
# (an installed launcher cannot set it: the app caps ND4J's threads itself), started away from
# the repository so that nothing of it is found by accident.
export HOME=$tmp/home
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
mkdir -p "$HOME"
unset OMP_NUM_THREADS
cd "$tmp"

step "$LAUNCHER --version"
out=$("$LAUNCHER" --version 2>/dev/null) || fail "--version exited $?"
echo "$out"
[ "$(echo "$out" | head -1)" = "Backprop Workbench $VERSION" ] || fail "--version printed '$(echo "$out" | head -1)'"

step "$LAUNCHER train (xor, 50 iterations)"
t2=$(date +%s)
set +e
"$LAUNCHER" train "$sample" --iterations 50 --out "$tmp/run" >"$tmp/train.out" 2>"$tmp/train.err"
rc=$?
set -e
t3=$(date +%s)
cat "$tmp/train.out"
if [ "$rc" -ne 0 ]; then cat "$tmp/train.err" >&2; fail "train exited $rc"; fi
[ -s "$tmp/run/metrics.csv" ] || fail "no metrics.csv"
rows=$(($(wc -l <"$tmp/run/metrics.csv") - 1))
[ "$rows" -eq 50 ] || fail "metrics.csv has $rows rows, expected 50"
[ -s "$tmp/run/model.zip" ] || fail "no model.zip"
grep -q "on ND4J CPU (OMP threads 1)" "$tmp/train.out" || fail "train did not run on ND4J CPU with 1 thread"
[ -d "$HOME/.javacpp/cache" ] || fail "JavaCPP did not unpack into the fresh user's home"
echo "train: exit 0 in $((t3 - t2)) s (first run: ND4J's natives unpacked, $(du -sh "$HOME/.javacpp/cache" | cut -f1) in ~/.javacpp/cache), metrics.csv with $rows rows"

step "$LAUNCHER validate (a broken project exits 1)"
printf '{"format": "backprop-workbench/project", "version": 1,\n  "name": 3' >"$tmp/broken.bpw.json"
set +e
"$LAUNCHER" validate "$tmp/broken.bpw.json" >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "validate of a broken project exited $rc, expected 1"

cd "$ROOT"
step "uninstall: dpkg -r, then dpkg -P for dpkg's record of it"
$SUDO dpkg -r "$PACKAGE" >/dev/null
case "$(status)" in *" installed") fail "still installed after dpkg -r" ;; esac
[ ! -e "$INSTALL_DIR" ] || fail "$INSTALL_DIR is still there after dpkg -r"
$SUDO dpkg -P "$PACKAGE" >/dev/null
installed=""
[ -z "$(status)" ] || fail "dpkg still knows $PACKAGE after dpkg -P: $(status)"

echo "test-deb: OK ($(basename "$deb"); build $((t1 - t0)) s, tests $(($(date +%s) - t1)) s)"
