#!/usr/bin/env bash
# ctest bench_script_smoke: runs `make bench`'s script once on the smallest project with the
# binaries of BUILD_DIR (no Release rebuild, no lookml-parser) and checks that the table row,
# the JSON and the plot came out; with a PostgreSQL at PGPORT the --schema column must be
# filled too. Never checks a time.
#   bench/script_smoke.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
out=$(BENCH_BUILD="$build" BENCH_OUT="$build/bench" BENCH_SKIP_BUILD=1 BENCH_SIZES=10 BENCH_RUNS=1 BENCH_NODE=0 \
  BENCH_MODELS=3 BENCH_MODELS_VIEWS=20 BENCH_REPO237=0 \
  BENCH_SINGLE_MB=0.1 BENCH_MIN_TIME=0.01 BENCH_REPETITIONS=1 bash bench/run.sh 2>&1)
echo "$out"
fail() { echo "bench_script_smoke: $*" >&2; exit 1; }
row=$(echo "$out" | grep -E '^views_10 ') || fail "no views_10 row"
# name files MB, then 4 commands x (s, cpu s, peak MB), RSS/input, then 3 parse columns.
fields=$(echo "$row" | wc -w)
[ "$fields" -eq 19 ] || fail "expected 19 columns in the views_10 row, found $fields"
[[ $(echo "$row" | awk '{print $16}') =~ ^[0-9.]+x$ ]] || fail "the RSS/input column is empty"
if [ -n "${PGPORT:-}" ] && psql -qAtc 'SELECT 1' > /dev/null 2>&1 && command -v python3 > /dev/null; then
  schema=$(echo "$row" | awk '{print $10}')
  [[ $schema =~ ^[0-9.]+$ ]] || fail "the lint_schema column is empty although PostgreSQL is up"
fi
many=$(echo "$out" | grep -E '^v20_m3 ') || fail "no v20_m3 (many-model) row"
[[ $(echo "$many" | awk '{print $7}') =~ ^[0-9.]+$ ]] || fail "the many-model lint_full is empty"
sql=$(echo "$row" | awk '{print $13}')
[[ $sql =~ ^[0-9.]+$ ]] || fail "the sql column is empty"
grep -q '"lint_full"' "$build/bench/results.json" || fail "results.json lacks lint_full"
grep -q '"lint_full_peak_rss_per_input_byte"' "$build/bench/results.json" ||
  fail "results.json lacks lint_full_peak_rss_per_input_byte"
fmt_row=$(echo "$out" | grep -E '^fmt views_10 ') || fail "no fmt views_10 row"
[ "$(echo "$fmt_row" | wc -w)" -eq 9 ] || fail "expected 9 columns in the fmt row: $fmt_row"
grep -q '"fmt_seconds"' "$build/bench/results.json" || fail "results.json lacks fmt_seconds"
grep -q '<svg' "$build/bench/scaling.svg" || fail "no scaling.svg"
echo "bench_script_smoke: ok"
