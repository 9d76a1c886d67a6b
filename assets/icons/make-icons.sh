#!/bin/sh
# Draws the application icon (a 2-3-1 network on a blue rounded square) with ImageMagick 6
# and writes workbench-{16,32,48,256}.png next to this script. Drawn at 1024 px, then scaled
# down, so the small sizes are anti-aliased. Re-run after editing; commit the PNGs.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

S=1024
# Background: diagonal blue-to-violet gradient, clipped to a rounded square.
convert -size ${S}x${S} -define gradient:angle=135 gradient:'#2563eb-#7c3aed' "$tmp/grad.png"
convert -size ${S}x${S} xc:none -fill white -draw "roundrectangle 40,40 983,983 210,210" "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/bg.png"

# Neurons: input (2) at x=270, hidden (3) at x=512, output (1) at x=754.
IN="270,392 270,632"
HID="512,272 512,512 512,752"
OUT="754,512"
lines=""
for a in $IN; do for b in $HID; do lines="$lines line $a $b"; done; done
for a in $HID; do lines="$lines line $a $OUT"; done
circles=""
R=62
for p in $IN $HID; do
  x=${p%,*}; y=${p#*,}
  circles="$circles circle $x,$y $((x + R)),$y"
done

convert "$tmp/bg.png" \
  -stroke 'rgba(255,255,255,0.55)' -strokewidth 20 -draw "$lines" \
  -stroke white -strokewidth 16 -fill '#dbeafe' -draw "$circles" \
  -stroke white -strokewidth 16 -fill '#fb923c' -draw "circle 754,512 $((754 + 74)),512" \
  "$tmp/icon.png"

for size in 256 48 32 16; do
  convert "$tmp/icon.png" -filter Lanczos -resize ${size}x${size} -depth 8 -strip "workbench-$size.png"
done
# Windows installers (jpackage --icon on Windows takes .ico only).
convert workbench-16.png workbench-32.png workbench-48.png workbench-256.png workbench.ico
# macOS installers take .icns, which only macOS's iconutil writes: run this script on a Mac once.
if command -v iconutil >/dev/null 2>&1; then
  mkdir "$tmp/workbench.iconset"
  for size in 16 32 128 256 512; do
    convert "$tmp/icon.png" -filter Lanczos -resize ${size}x${size} -depth 8 -strip "$tmp/workbench.iconset/icon_${size}x${size}.png"
    convert "$tmp/icon.png" -filter Lanczos -resize $((size * 2))x$((size * 2)) -depth 8 -strip "$tmp/workbench.iconset/icon_${size}x${size}@2x.png"
  done
  iconutil -c icns -o workbench.icns "$tmp/workbench.iconset"
fi
echo "wrote $(ls workbench-*.png workbench.ico workbench.icns 2>/dev/null | tr '\n' ' ')"
