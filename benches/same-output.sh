#!/usr/bin/env bash
# same-output.sh BIN DIR [CORPUS]: every output a refactoring must keep byte-identical, written
# under DIR: the sample site (plain, --no-search, --no-furigana), the booklet in every
# language and edition (with bleed and imposition), `check` in every format, every fixture,
# and a generated guidebook (default /tmp/guidebook-1000, from `node benches/generate.mjs
# 1000 /tmp/guidebook-1000`). Run it with the old and the new binary, then `diff -r`.
#
#   cp target/release/tebiki /tmp/tebiki-before   # before the change
#   benches/same-output.sh /tmp/tebiki-before /tmp/before
#   benches/same-output.sh target/release/tebiki /tmp/after   # after it
#   diff -r /tmp/before /tmp/after && echo identical
set -uo pipefail
BIN=$(realpath "$1"); OUT=$(realpath -m "$2"); CORPUS=${3:-/tmp/guidebook-1000}
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$(dirname "$0")/.."
# the sample site, three ways
$BIN build --out "$OUT/site" > "$OUT/build.log" 2>&1
$BIN build --no-search --out "$OUT/site-nosearch" > /dev/null 2>&1
$BIN build --no-furigana --out "$OUT/site-nofurigana" > /dev/null 2>&1
# booklets: every language, both editions, plus bleed and imposition
for lang in ja ja-easy en zh ko vi; do
  for ed in standard large; do
    $BIN booklet --lang $lang --edition $ed --allow-placeholders --out "$OUT/booklet-$lang-$ed.pdf" > "$OUT/booklet-$lang-$ed.log" 2>&1
  done
done
$BIN booklet --lang ja --bleed --allow-placeholders --out "$OUT/booklet-ja-bleed.pdf" > /dev/null 2>&1
$BIN booklet --lang ja --impose --allow-placeholders --out "$OUT/booklet-ja-impose.pdf" > /dev/null 2>&1
$BIN booklet --lang en --edition large --impose --duplex long-edge --allow-placeholders --out "$OUT/booklet-en-large-impose.pdf" > /dev/null 2>&1
# check on the sample, in every format, and on every fixture
for f in text json github; do
  $BIN check --format $f > "$OUT/check-sample.$f" 2>&1; echo "rc=$?" >> "$OUT/check-sample.$f"
done
mkdir -p "$OUT/fixtures"
for d in tests/fixtures/*/; do
  n=$(basename $d)
  [ -f "$d/site.yaml" ] || continue
  $BIN --messages ja check --root "$d" > "$OUT/fixtures/$n.check" 2>&1; echo "rc=$?" >> "$OUT/fixtures/$n.check"
  $BIN --messages en check --root "$d" --format json > "$OUT/fixtures/$n.json" 2>&1; echo "rc=$?" >> "$OUT/fixtures/$n.json"
  $BIN build --root "$d" --out "$OUT/fixtures/$n.site" > "$OUT/fixtures/$n.build" 2>&1; echo "rc=$?" >> "$OUT/fixtures/$n.build"
  $BIN booklet --root "$d" --lang ja --allow-placeholders --out "$OUT/fixtures/$n.pdf" > "$OUT/fixtures/$n.booklet" 2>&1; echo "rc=$?" >> "$OUT/fixtures/$n.booklet"
done
# the generated 1,000-chapter guidebook
if [ -d "$CORPUS" ]; then
  $BIN build --root "$CORPUS" --out "$OUT/site-1000" > /dev/null 2>&1
  $BIN check --root "$CORPUS" > "$OUT/check-1000" 2>&1; echo "rc=$?" >> "$OUT/check-1000"
  $BIN booklet --root "$CORPUS" --lang ja --allow-placeholders --out "$OUT/booklet-1000-ja.pdf" > "$OUT/booklet-1000.log" 2>&1
  $BIN booklet --root "$CORPUS" --lang en --allow-placeholders --out "$OUT/booklet-1000-en.pdf" > /dev/null 2>&1
else
  echo "no generated guidebook at $CORPUS: it is left out of this comparison" >&2
fi
# build logs print timings: keep only the lines without figures that vary
sed -i -E "s/[0-9]+(\.[0-9]+)? ?(ms|s|秒)/T/g" "$OUT"/*.log "$OUT"/fixtures/*.build "$OUT"/fixtures/*.booklet 2>/dev/null
sed -i -E "s#$OUT#OUT#g" $(grep -rl "$OUT" "$OUT" --include='*.log' --include='*.check' --include='*.json' --include='*.build' --include='*.booklet' --include='check-*' 2>/dev/null) 2>/dev/null
echo "outputs in $OUT: $(find "$OUT" -type f | wc -l) files"
