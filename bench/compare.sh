#!/usr/bin/env bash
# Compares two lkml binaries on the same command, interleaving their runs so that a change in
# the machine's load hits both alike (a shared VM's speed drifts by 20% within minutes).
#   bench/compare.sh BASELINE_LKML NEW_LKML RUNS ARGS...
# e.g. bench/compare.sh /tmp/old/lkml build-bench/lkml 11 lint build/bench/projects/views_1000
# Prints min and median wall seconds, peak RSS and the ratio baseline / new of each.
set -euo pipefail
base=$1 new=$2 runs=$3; shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for _ in $(seq "$runs"); do
  for which in base new; do
    bin=$base; [ "$which" = new ] && bin=$new
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$bin" "$@" > /dev/null 2>&1 || true
    tail -1 "$tmp/t" >> "$tmp/$which"  # time prefixes "Command exited with non-zero status"
  done
done
stats() {  # min median max_rss
  sort -n "$1" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {
    printf "%.3f %.3f %.1f", t[1], (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), m / 1024}'
}
read -r bmin bmed brss <<< "$(stats "$tmp/base")"
read -r nmin nmed nrss <<< "$(stats "$tmp/new")"
printf "%-60s base min %s med %s %6s MB | new min %s med %s %6s MB | x%.2f (min) x%.2f (med)\n" \
  "$*" "$bmin" "$bmed" "$brss" "$nmin" "$nmed" "$nrss" \
  "$(awk -v a="$bmin" -v b="$nmin" 'BEGIN {print a / b}')" \
  "$(awk -v a="$bmed" -v b="$nmed" 'BEGIN {print a / b}')"
