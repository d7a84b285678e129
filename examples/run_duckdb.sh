#!/usr/bin/env bash
# Runs every example project's queries with `--dialect duckdb` on DuckDB and compares the rows
# with the same expected/ files the PostgreSQL run (run_all.sh) uses:
#
#   examples/run_duckdb.sh BUILD_DIR [EXAMPLE...]
#
# For each example:
#   1. loads db/schema.sql + db/data.sql into a fresh PostgreSQL database (the seed scripts
#      are PostgreSQL programs) and copies every table into a DuckDB file
#      (tests/tools/pg_to_duckdb.sh), so both engines hold the same rows;
#   2. for every queries/<q>.json: `lkml sql --dialect duckdb` with queries/<q>.args, run by
#      tests/tools/duckdb_run.mjs, compared with expected/<q>.json or .csv by
#      tests/tools/compare_rows.mjs (`identical` bytes, or `equal` values where only number
#      spellings differ, e.g. PostgreSQL's NUMERIC 12.50 against DuckDB's DECIMAL 12.500000);
#      expected/<q>.error: `lkml sql --dialect duckdb` must refuse it with those diagnostics.
#
# Needs node with tests/tools/node_modules (`make test-tools`) and PostgreSQL through the PG*
# environment; exits 77 (skipped) when node is not installed or no server is reachable.
set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOOLS=$(cd "$HERE/../tests/tools" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [EXAMPLE...]" >&2
  exit 2
fi
BUILD=$1
shift
LKML=$(cd "$BUILD" 2>/dev/null && pwd)/lkml
if [ ! -x "$LKML" ]; then
  echo "run_duckdb: no lkml binary at $BUILD/lkml" >&2
  exit 2
fi
if ! command -v node >/dev/null; then
  echo "run_duckdb: SKIP: node not found (install nodejs, then make test-tools)" >&2
  exit 77
fi
if [ ! -d "$TOOLS/node_modules/@duckdb/node-api" ]; then
  echo "run_duckdb: tests/tools/node_modules has no @duckdb/node-api: run make test-tools" >&2
  exit 2
fi
if ! psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  echo "run_duckdb: SKIP: no PostgreSQL reachable through the PG* environment (the seed" \
       "scripts run there before the tables are copied to DuckDB)" >&2
  exit 77
fi

if [ $# -gt 0 ]; then
  EXAMPLES=("$@")
else
  EXAMPLES=()
  for d in "$HERE"/*/; do
    [ -f "$d/db/schema.sql" ] && EXAMPLES+=("$(basename "$d")")
  done
fi

TMP=$(mktemp -d)
CREATED_DBS=()
cleanup() {
  for db in "${CREATED_DBS[@]+"${CREATED_DBS[@]}"}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
  rm -rf "$TMP"
}
trap cleanup EXIT

PASSED=0 FAILED=0 IDENTICAL=0 EQUAL=0
FAILURES=()
pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() {
  FAILED=$((FAILED + 1)); FAILURES+=("$1"); printf 'FAIL  %s\n' "$1"
  if [ -n "${2:-}" ] && [ -s "$2" ]; then sed -e 's/^/      | /' "$2" | head -n 40; fi
}

read_args() {
  ARGS=()
  if [ -f "$1" ]; then
    local line word
    set -f
    while IFS= read -r line || [ -n "$line" ]; do
      line=${line%%#*}
      for word in $line; do ARGS+=("$word"); done
    done <"$1"
    set +f
  fi
}

for name in "${EXAMPLES[@]}"; do
  ex="$HERE/$name"
  echo "== $name (duckdb)"
  db="exdk_${name}_$$"
  duck="$TMP/$name.duckdb"
  CREATED_DBS+=("$db")
  dropdb --if-exists "$db" >/dev/null 2>&1
  if ! createdb -T template0 -E UTF8 --lc-collate=C --lc-ctype=C "$db" 2>"$TMP/err" ||
     ! (cd "$ex/db" && PGOPTIONS='--client-min-messages=warning' \
          psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f schema.sql -f data.sql) >"$TMP/err" 2>&1 ||
     ! bash "$TOOLS/pg_to_duckdb.sh" "$db" "$duck" >"$TMP/err" 2>&1; then
    fail "$name: load the seed into PostgreSQL and copy it to DuckDB" "$TMP/err"
    continue
  fi
  pass "$name: tables copied from PostgreSQL to DuckDB"

  for qfile in "$ex"/queries/*.json; do
    [ -e "$qfile" ] || continue
    q=$(basename "$qfile" .json)
    read_args "$ex/queries/$q.args"
    "$LKML" sql "$ex" --query "$qfile" --dialect duckdb "${ARGS[@]+"${ARGS[@]}"}" \
      >"$TMP/q.sql" 2>"$TMP/err"
    rc=$?
    if [ -f "$ex/expected/$q.error" ]; then
      missing=""
      while IFS= read -r want || [ -n "$want" ]; do
        [ -z "$want" ] && continue
        grep -qF -- "$want" "$TMP/err" || missing="$missing [$want]"
      done <"$ex/expected/$q.error"
      if [ "$rc" = 1 ] && [ -z "$missing" ]; then
        pass "$name: query $q refused as expected"
      else
        echo "exit code $rc (want 1); missing in stderr:${missing:- none}" >>"$TMP/err"
        fail "$name: query $q should be refused" "$TMP/err"
      fi
      continue
    fi
    if [ "$rc" != 0 ]; then
      fail "$name: query $q (lkml sql --dialect duckdb failed)" "$TMP/err"
      continue
    fi
    if [ -f "$ex/expected/$q.json" ]; then fmt=json; else fmt=csv; fi
    if ! node "$TOOLS/duckdb_run.mjs" --database "$duck" --format "$fmt" "$TMP/q.sql" \
         >"$TMP/out" 2>"$TMP/err"; then
      { echo "SQL:"; cat "$TMP/q.sql"; } >>"$TMP/err"
      fail "$name: query $q (DuckDB rejected the SQL)" "$TMP/err"
      continue
    fi
    if verdict=$(node "$TOOLS/compare_rows.mjs" "$ex/expected/$q.$fmt" "$TMP/out" 2>&1); then
      if [ "$verdict" = identical ]; then IDENTICAL=$((IDENTICAL + 1)); else EQUAL=$((EQUAL + 1)); fi
      pass "$name: query $q on DuckDB = expected/$q.$fmt ($verdict)"
    else
      echo "$verdict" >"$TMP/diff"
      fail "$name: query $q on DuckDB differs from expected/$q.$fmt" "$TMP/diff"
    fi
  done
done

echo
echo "$PASSED passed, $FAILED failed (row results: $IDENTICAL identical bytes, $EQUAL equal values)"
if [ "$FAILED" -gt 0 ]; then
  printf 'failed: %s\n' "${FAILURES[@]}"
  exit 1
fi
exit 0
