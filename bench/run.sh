#!/usr/bin/env bash
# `make bench`: how lkml scales with project size (see docs/performance.md).
#
# Builds Release into build-bench/, generates projects of 10, 100, 1000 and 5000 views (50
# fields each) and a 20 MB single file with bench/gen_project.cpp, then measures
#   - whole-process wall time and peak RSS of each command in COMMANDS (best of BENCH_RUNS),
#     and the full lint's peak RSS per byte of input (issue 16: at most 8x),
#   - in-process parse throughput (bench/parse_bench.cpp) on 1 thread and on 2 threads,
#   - the same for the real corpus (../shared/lookml-corpus) when present,
#   - the npm package lookml-parser on the same files (bench/node_parse.js), as ratios,
#   - `lkml fmt` (in place, and --check) against `lkml lint --syntax-only`, with the ratio.
# Prints one table and writes build/bench/results.json and build/bench/scaling.svg (the Release
# binaries are built in build-bench/, so the development build in build/ keeps its settings).
#
# Environment: BENCH_SIZES="10 100 1000 5000"  BENCH_FIELDS=50  BENCH_SINGLE_MB=20
#   BENCH_MODELS="20" (many-model rows: the BENCH_MODELS_VIEWS=1000 views with their explores
#   split across that many models, every model including every view; "" for none)
#   BENCH_REPO237=1 (a synthetic repository of 237 small models, 694 files, 7.8 MB; 0: skip)
#   BENCH_RUNS=5  BENCH_SCHEMA=1 (0: skip the --schema column, which needs python3 and
#   PostgreSQL: the one of PGPORT when reachable, else a throwaway pg_virtualenv cluster)
#   BENCH_NODE=1 (0: skip lookml-parser)  BENCH_NODE_MAX_VIEWS=1000 (it parses about 1 MB/s,
#   so the largest sizes would take minutes)  BENCH_JOBS=$(nproc)
#   BENCH_BUILD=build-bench  BENCH_OUT=build/bench
#   BENCH_SKIP_BUILD=0 (1: use BENCH_BUILD's binaries as they are; the
#   ctest bench_script_smoke runs the script this way on the smallest size)
#   BENCH_MIN_TIME=0.3  BENCH_REPETITIONS=3 (parse benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BENCH_BUILD:-build-bench}  # the Release binaries
OUT=${BENCH_OUT:-build/bench}       # projects, results.json, scaling.svg, node_modules
SIZES=${BENCH_SIZES:-10 100 1000 5000}
FIELDS=${BENCH_FIELDS:-50}
SINGLE_MB=${BENCH_SINGLE_MB:-20}
RUNS=${BENCH_RUNS:-5}
MODEL_COUNTS=${BENCH_MODELS-20}
MODELS_VIEWS=${BENCH_MODELS_VIEWS:-1000}
REPO237=${BENCH_REPO237:-1}
SCHEMA=${BENCH_SCHEMA:-1}
NODE=${BENCH_NODE:-1}
NODE_MAX_VIEWS=${BENCH_NODE_MAX_VIEWS:-1000}
JOBS=${BENCH_JOBS:-$(nproc)}
MIN_TIME=${BENCH_MIN_TIME:-0.3}        # Google Benchmark seconds per parse benchmark
REPETITIONS=${BENCH_REPETITIONS:-3}
CORPUS=../shared/lookml-corpus

# Whole-process commands timed on every project: "column|command", where {} stands for the
# project directory (or the single file). Adding a column is one line here.
# {catalog} and {query} stand for the project's catalog snapshot and bench-query.json; a row
# whose input lacks the file shows "-" in that column.
COMMANDS=(
  "lint_syntax|$BUILD/lkml lint --syntax-only {}"
  "lint_full|$BUILD/lkml lint {}"
  "lint_schema|$BUILD/lkml lint --schema {catalog} {}"
  "sql|$BUILD/lkml sql --query {query} --user-attribute department=finance --user-attribute region=EU {}"
)

# --- build and inputs ---------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  echo "== using the binaries in $BUILD as built (BENCH_SKIP_BUILD=1)" >&2
else
  echo "== building Release into $BUILD" >&2
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DLKML_BUILD_TESTS=OFF > /dev/null
  cmake --build "$BUILD" -j "$JOBS" --target lkml lkml_gen_project lkml_parse_bench lkml_timeit \
    lkml_lsp_bench > /dev/null
fi
GEN=$BUILD/bench/lkml_gen_project
PARSE_BENCH=$BUILD/bench/lkml_parse_bench
TIMEIT=$BUILD/bench/lkml_timeit

mkdir -p "$OUT/projects"
echo "== generating projects: $SIZES views x $FIELDS fields, ${SINGLE_MB} MB single file" >&2
for n in $SIZES; do
  "$GEN" --views "$n" --fields "$FIELDS" --out "$OUT/projects/views_$n"
done
for k in $MODEL_COUNTS; do
  "$GEN" --views "$MODELS_VIEWS" --fields "$FIELDS" --models "$k" \
    --out "$OUT/projects/v${MODELS_VIEWS}_m$k"
done
# The shape of a public company repository that took 162 s and 3.6 GB to lint when every model
# built its own copy of every view: 237 models, 694 files, 7.8 MB.
[ "$REPO237" = 1 ] &&
  "$GEN" --views 482 --fields 124 --models 237 --out "$OUT/projects/models_237"
SINGLE=$OUT/projects/single_${SINGLE_MB}mb.view.lkml
"$GEN" --fields "$FIELDS" --single-file "$SINGLE" --size-mb "$SINGLE_MB"

# Catalog snapshots for `lint --schema`: tables made from each project's DDL in a throwaway
# PostgreSQL, read back by `lkml schema dump` (so the snapshot is a real one).
rm -f "$OUT"/projects/*.catalog.json
if [ "$SCHEMA" = 1 ]; then
  projects=()
  for n in $SIZES; do projects+=("$OUT/projects/views_$n"); done
  # Inside a PostgreSQL already (make test runs under pg_virtualenv): use it, since a nested
  # pg_virtualenv run as root would reuse the cluster name of the outer one.
  if [ -n "${PGPORT:-}" ] && command -v python3 > /dev/null && psql -qAtc 'SELECT 1' > /dev/null 2>&1; then
    echo "== catalog snapshots (the PostgreSQL at port $PGPORT)" >&2
    bench/schema_catalogs.sh "$BUILD/lkml" "${projects[@]}" > "$OUT/schema.log" 2>&1 ||
      echo "note: catalog snapshots failed (see $OUT/schema.log): lint_schema column skipped" >&2
  elif command -v pg_virtualenv > /dev/null && command -v python3 > /dev/null; then
    echo "== catalog snapshots (pg_virtualenv)" >&2
    pg_virtualenv bench/schema_catalogs.sh "$BUILD/lkml" "${projects[@]}" > "$OUT/schema.log" 2>&1 ||
      echo "note: catalog snapshots failed (see $OUT/schema.log): lint_schema column skipped" >&2
  else
    echo "note: pg_virtualenv or python3 not found: lint_schema column skipped" >&2
  fi
fi

HAVE_NODE=0
if [ "$NODE" = 1 ]; then
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "note: node/npm not found: lookml-parser columns skipped" >&2
  elif [ -d "$OUT/node_modules/lookml-parser" ] ||
       npm install --prefix "$OUT" --no-audit --no-fund lookml-parser > "$OUT/npm.log" 2>&1; then
    HAVE_NODE=1
  else
    echo "note: npm install lookml-parser failed (see $OUT/npm.log): its columns are skipped" >&2
  fi
fi
export NODE_PATH=$OUT/node_modules

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# --- measuring ----------------------------------------------------------------------------
# lkml files and bytes below a path.
count_files() { find "$1" -name '*.lkml' | wc -l; }
count_bytes() { find "$1" -name '*.lkml' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

# Best of $RUNS: "<seconds> <peak RSS KB> <CPU seconds>": wall time and RSS of the fastest run,
# and the least CPU time (user + system) of any run, which a busy machine disturbs less.
measure() {
  local best="" cpu="" line status
  for _ in $(seq "$RUNS"); do
    status=0
    line=$("$TIMEIT" "$@" 2>&1 >/dev/null | tail -1) || status=$?
    if [ "$status" -gt 1 ]; then echo "warning: '$*' exited with $status" >&2; fi
    if [ -z "$best" ] || awk -v a="$line" -v b="$best" \
        'BEGIN {split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1])}'; then
      best=$line
    fi
    local c=${line##* }
    if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN {exit !(a < b)}'; then cpu=$c; fi
  done
  echo "${best% *} $cpu"
}

# Best MB/s (MB = 2^20 bytes) of each Google Benchmark line matching $1: "name value" lines.
parse_mbs() {
  local filter=$1; shift
  "$PARSE_BENCH" "$@" --benchmark_filter="$filter" --benchmark_min_time="$MIN_TIME" \
      --benchmark_repetitions="$REPETITIONS" --benchmark_color=false 2>/dev/null |
    awk '/bytes_per_second=/ && $1 !~ /_(mean|median|stddev|cv)$/ {
        name = $1; sub(/\/real_time$/, "", name)
        match($0, /bytes_per_second=[0-9.e+]+[kMGT]?\/s/)
        v = substr($0, RSTART + 17, RLENGTH - 19); u = substr(v, length(v))
        m = u == "k" ? 1 / 1024 : u == "M" ? 1 : u == "G" ? 1024 : u == "T" ? 1048576 : 1 / 1048576
        if (u ~ /[kMGT]/) v = substr(v, 1, length(v) - 1)
        if (v * m > best[name]) best[name] = v * m
      }
      END { for (n in best) printf "%s %.1f\n", n, best[n] }'
}
pick() { awk -v n="$1" '$1 == n {print $2}'; }

fmt_mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a > 0 && b > 0) printf "%.1f", a / b; else printf "-"}'; }

# --- one row per input --------------------------------------------------------------------
JSON_ROWS=()
PLOT=$OUT/scaling.tsv
: > "$PLOT"
HEADER=$(printf "%-10s %6s %8s" input files MB)
for c in "${COMMANDS[@]}"; do
  HEADER+=$(printf " %14s %7s %8s" "${c%%|*} s" "cpu s" "peak MB")
done
HEADER+=$(printf " %9s" "RSS/input")
HEADER+=$(printf " %9s %9s %9s" "parse MB/s" "all 1t" "all 2t")
[ "$HAVE_NODE" = 1 ] && HEADER+=$(printf " %9s %9s %8s %9s %8s" "node MB/s" "node s" "x parse" "x process" "x full")
TABLE=("$HEADER")

# row NAME PATH VIEWS FILTER ARGS...: measures one input (FILTER and ARGS select its parse
# benchmarks), appends to TABLE, JSON_ROWS and PLOT. VIEWS 0: not plotted.
row() {
  local name=$1 path=$2 views=$3; shift 3
  local files bytes mb line json cols lint_s="" full_s="" full_kb=""
  files=$(count_files "$path"); bytes=$(count_bytes "$path")
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1048576}')
  echo "== $name: $files files, $mb MB" >&2
  cols=$(printf "%-10s %6s %8s" "$name" "$files" "$mb")
  json="{\"name\": \"$name\", \"views\": $views, \"files\": $files, \"bytes\": $bytes, \"commands\": {"
  local first=1
  for c in "${COMMANDS[@]}"; do
    local col=${c%%|*} cmd=${c#*|} secs kb cpu
    cmd=${cmd//\{catalog\}/$path.catalog.json}
    cmd=${cmd//\{query\}/$path/bench-query.json}
    if { [[ $c == *"{catalog}"* ]] && [ ! -f "$path.catalog.json" ]; } ||
       { [[ $c == *"{query}"* ]] && [ ! -f "$path/bench-query.json" ]; }; then
      cols+=$(printf " %14s %7s %8s" - - -)
      continue
    fi
    # shellcheck disable=SC2086
    line=$(measure ${cmd//\{\}/$path})
    read -r secs kb cpu <<< "$line"
    [ -z "$lint_s" ] && lint_s=$secs
    [ "$col" = lint_full ] && full_s=$secs && full_kb=$kb
    cols+=$(printf " %14s %7s %8s" "$secs" "$cpu" "$(fmt_mb "$kb")")
    [ $first = 1 ] || json+=", "
    first=0
    json+="\"$col\": {\"seconds\": $secs, \"cpu_seconds\": $cpu, \"peak_rss_kb\": $kb}"
    if [ "$views" -gt 0 ]; then
      printf "%s\t%s\t%s\n" "$col" "$views" "$secs" >> "$PLOT"
      printf "%s\t%s\t%s\n" "$col (cpu)" "$views" "$cpu" >> "$PLOT"
    fi
  done
  json+="}"
  # Peak memory of the full lint per byte of input (issue 16: at most 8x).
  local per_input
  per_input=$(awk -v k="${full_kb:-0}" -v b="$bytes" \
    'BEGIN {if (k > 0 && b > 0) printf "%.1f", k * 1024 / b; else printf "-"}')
  if [ "$per_input" = - ]; then
    cols+=$(printf " %9s" -)
  else
    cols+=$(printf " %9s" "${per_input}x")
    json+=", \"lint_full_peak_rss_per_input_byte\": $per_input"
  fi
  local mbs p1 a1 a2
  mbs=$(parse_mbs "$@")
  p1=$(echo "$mbs" | pick "Parse/$PARSE_INPUT")
  a1=$(echo "$mbs" | pick "ParseAll/$PARSE_INPUT/threads:1")
  a2=$(echo "$mbs" | pick "ParseAll/$PARSE_INPUT/threads:2")
  p1=${p1:-0}; a1=${a1:-0}; a2=${a2:-0}
  cols+=$(printf " %9s %9s %9s" "$p1" "$a1" "$a2")
  json+=", \"parse_mb_per_s\": $p1, \"parse_all_mb_per_s_1_thread\": $a1"
  json+=", \"parse_all_mb_per_s_2_threads\": $a2"
  if [ "$HAVE_NODE" = 1 ]; then
    if [ "$views" -le "$NODE_MAX_VIEWS" ]; then
      local node_line node_mbs node_fail node_s
      node_line=$(node bench/node_parse.js --min-seconds 1 "$path")
      node_mbs=$(echo "$node_line" | sed 's/.*mb_per_s=\([0-9.]*\).*/\1/')
      node_fail=$(echo "$node_line" | sed 's/.*failures=\([0-9]*\).*/\1/')
      line=$(measure node bench/node_parse.js --once "$path")
      node_s=${line%% *}
      cols+=$(printf " %9s %9s %8s %9s %8s" "$node_mbs" "$node_s" "$(ratio "$p1" "$node_mbs")" \
        "$(ratio "$node_s" "$lint_s")" "$(ratio "$node_s" "$full_s")")
      json+=", \"lookml_parser\": {\"mb_per_s\": $node_mbs, \"failures\": $node_fail,"
      json+=" \"process_seconds\": $node_s, \"process_cpu_seconds\": ${line##* }}"
      [ "$views" -gt 0 ] && printf "%s\t%s\t%s\n" "lookml-parser (node)" "$views" "$node_s" >> "$PLOT"
      [ "$node_fail" != 0 ] && echo "note: lookml-parser failed on $node_fail files of $name" >&2
    else
      cols+=$(printf " %9s %9s %8s %9s %8s" "skip" "skip" "-" "-" "-")
    fi
  fi
  TABLE+=("$cols")
  JSON_ROWS+=("$json}")
}

PARSE_INPUT=generated
for n in $SIZES; do
  row "views_$n" "$OUT/projects/views_$n" "$n" '^Parse(All)?/generated' \
    --lkml_project="$OUT/projects/views_$n"
done
# Many models over one set of views (no parse benchmarks: the files are those of a size row).
for k in $MODEL_COUNTS; do
  row "v${MODELS_VIEWS}_m$k" "$OUT/projects/v${MODELS_VIEWS}_m$k" 0 '^none$' \
    --lkml_project="$OUT/projects/v${MODELS_VIEWS}_m$k"
done
[ "$REPO237" = 1 ] && row models_237 "$OUT/projects/models_237" 0 '^none$' \
  --lkml_project="$OUT/projects/models_237"
if [ -d "$CORPUS" ]; then
  PARSE_INPUT=corpus
  row corpus "$CORPUS" 0 '^Parse(All)?/corpus' \
    --lkml_project="$OUT/projects/views_10"
else
  echo "note: $CORPUS not found: corpus row skipped" >&2
fi

# --- lkml fmt against lkml lint --syntax-only -------------------------------------------
# Both read and parse every file; fmt then writes each in the canonical layout and compares it
# with the file. Timed on a copy of each project (fmt rewrites in place: the first run
# reformats what is not canonical, later runs compare and write nothing) and with --check.
FMT_TABLE=("$(printf "%-14s %14s %7s %10s %7s %9s %14s %7s" fmt_vs_lint "lint_syntax s" "cpu s" \
  "fmt s" "cpu s" "fmt/lint" "fmt --check s" "cpu s")")
FMT_JSON=()
fmt_row() {
  local name=$1 path=$2 copy=$OUT/projects/fmt_copy lint fmt check
  rm -rf "$copy" && cp -r "$path" "$copy"
  echo "== fmt: $name" >&2
  lint=$(measure "$BUILD/lkml" lint --syntax-only "$copy")
  fmt=$(measure "$BUILD/lkml" fmt "$copy")
  check=$(measure "$BUILD/lkml" fmt --check "$copy")
  rm -rf "$copy"
  read -r ls _ lc <<< "$lint"; read -r fs _ fc <<< "$fmt"; read -r cs _ cc <<< "$check"
  FMT_TABLE+=("$(printf "%-14s %14s %7s %10s %7s %9s %14s %7s" "fmt $name" "$ls" "$lc" "$fs" "$fc" \
    "$(awk -v a="$fs" -v b="$ls" 'BEGIN {printf "%.2f", a / b}')" "$cs" "$cc")")
  FMT_JSON+=("{\"name\": \"$name\", \"lint_syntax_seconds\": $ls, \"lint_syntax_cpu_seconds\": $lc, \"fmt_seconds\": $fs, \"fmt_cpu_seconds\": $fc, \"fmt_check_seconds\": $cs, \"fmt_check_cpu_seconds\": $cc}")
}
for n in $SIZES; do fmt_row "views_$n" "$OUT/projects/views_$n"; done
[ -d "$CORPUS" ] && fmt_row corpus "$CORPUS"

# --- the single large file ----------------------------------------------------------------
echo "== single file: $SINGLE" >&2
single_bytes=$(stat -c %s "$SINGLE")
read -r single_s single_kb single_cpu <<< "$(measure "$BUILD/lkml" lint --syntax-only "$SINGLE")"
single_x=$(awk -v k="$single_kb" -v b="$single_bytes" 'BEGIN {printf "%.1f", k * 1024 / b}')
single_mbs=$(parse_mbs '^Parse/single_file' --lkml_project="$OUT/projects/views_10" \
  --lkml_file="$SINGLE" | pick Parse/single_file)

# --- report -------------------------------------------------------------------------------
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
echo
echo "lkml benchmarks ($(nproc) cores, $cpu; MB = 2^20 bytes; times are best of $RUNS)"
echo "load average at start: $LOAD_START, at end: $load_end (other work on the machine skews wall times)"
printf '%s\n' "${TABLE[@]}"
echo
printf "single file %s: %.1f MB, lint %s s (cpu %s s), peak RSS %s MB = %sx the file, " \
  "$(basename "$SINGLE")" "$(awk -v b="$single_bytes" 'BEGIN {print b / 1048576}')" \
  "$single_s" "$single_cpu" "$(fmt_mb "$single_kb")" "$single_x"
echo "parse ${single_mbs:-?} MB/s"
echo
printf '%s\n' "${FMT_TABLE[@]}"
echo "  fmt/lint = 'lkml fmt' / 'lkml lint --syntax-only' wall time on the same copy of the input"
echo "columns: RSS/input = peak RSS of lint_full / the input's bytes (issue 16: at most 8x);"
echo "  parse = grammar::parse file by file, trees dropped (1 thread); all 1t, all 2t ="
echo "  grammar::parseAll keeping every tree (as lint does) on 1 and 2 threads;"
[ "$HAVE_NODE" = 1 ] && echo "  x parse = lkml parse / lookml-parser MB/s (both in-process)," \
  "x process = 'node node_parse.js --once' / 'lkml lint --syntax-only' wall time," \
  "x full = the same / full 'lkml lint' (which also builds and checks the models)"

{
  echo "{"
  echo "  \"machine\": {\"cores\": $(nproc), \"cpu\": \"$cpu\"},"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"runs\": $RUNS, \"mb\": 1048576,"
  echo "  \"load_average\": {\"start\": \"$LOAD_START\", \"end\": \"$load_end\"},"
  echo "  \"rows\": ["
  for i in "${!JSON_ROWS[@]}"; do
    sep=","; [ "$i" -eq $((${#JSON_ROWS[@]} - 1)) ] && sep=""
    echo "    ${JSON_ROWS[$i]}$sep"
  done
  echo "  ],"
  echo "  \"fmt_vs_lint_syntax\": ["
  for i in "${!FMT_JSON[@]}"; do
    sep=","; [ "$i" -eq $((${#FMT_JSON[@]} - 1)) ] && sep=""
    echo "    ${FMT_JSON[$i]}$sep"
  done
  echo "  ],"
  echo "  \"single_file\": {\"bytes\": $single_bytes, \"lint_seconds\": $single_s,"
  echo "    \"lint_cpu_seconds\": $single_cpu,"
  echo "    \"peak_rss_kb\": $single_kb, \"peak_rss_per_byte\": $single_x,"
  echo "    \"parse_mb_per_s\": ${single_mbs:-0}}"
  echo "}"
} > "$OUT/results.json"

awk -v title="lkml: whole-process time vs project size ($FIELDS fields per view)" \
    -v xlabel="views" -v ylabel="seconds (best of $RUNS)" \
    -f bench/scaling_svg.awk "$PLOT" > "$OUT/scaling.svg"
echo "wrote $OUT/results.json and $OUT/scaling.svg"

# The language server (lkml lsp) after a one-character edit in a view of the largest project,
# on one core, against a fresh lint of the same project in the same process (bench/lsp_bench.cpp).
LSP_BENCH=$BUILD/bench/lkml_lsp_bench
largest=${SIZES##* }
if [ -x "$LSP_BENCH" ]; then
  echo "== language server: one-character edit, views_$largest"
  one_core=""
  command -v taskset > /dev/null && one_core="taskset -c 0"
  $one_core "$LSP_BENCH" "$OUT/projects/views_$largest" "$RUNS"
fi
