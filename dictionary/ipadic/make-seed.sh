#!/usr/bin/env bash
# Makes the IPADIC seed kept in this folder from Debian's mecab-ipadic package, which
# ships the dictionary source (2.7.0-20070801) as EUC-JP CSV and definition files.
# Run as root on Debian: apt-get install mecab-ipadic, then this script.
# The result is byte-for-byte reproducible: sorted names, fixed owner and date.
set -euo pipefail
source_dir=/usr/share/mecab/dic/ipadic
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$source_dir"/*.csv "$source_dir"/char.def "$source_dir"/unk.def "$source_dir"/matrix.def; do
  iconv -f EUC-JP -t UTF-8 "$file" > "$work/$(basename "$file")"
done
cd "$work"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=2007-08-01 -cf - ./*.csv char.def unk.def matrix.def \
  | xz -9e --threads=1 > "$here/mecab-ipadic-2.7.0-20070801-utf8.tar.xz"
cp /usr/share/doc/mecab-ipadic/copyright "$here/COPYING"
