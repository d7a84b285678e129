#!/usr/bin/env bash
# Every SQL golden (tests/golden/sql/<case>/) that compiles, run on two engines over the same
# rows and compared:
#
#   tests/integration/golden_sql_duckdb.sh BUILD_DIR
#
#   PostgreSQL: the reviewed expected.sql on looker/db (schema.sql + seed.sql);
#   DuckDB:     `lkml sql --dialect duckdb` of the same query.json and user attributes
#               (case.json) on a copy of those tables (tests/tools/pg_to_duckdb.sh).
# Rows must agree as multisets (tests/tools/compare_rows.mjs --unordered: text exactly, numbers
# to 1e-12 relative; several goldens have no ORDER BY or ties in it, so neither engine promises
# an order; the ORDER BY itself is what the golden text checks). Cases with expected_errors.txt must be refused with --dialect duckdb too.
#
# Needs node with tests/tools/node_modules (`make test-tools`) and PostgreSQL through the PG*
# environment; exits 77 (skipped) when node is not installed or no server is reachable.
set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOOLS="$ROOT/tests/tools"
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
LKML=$(cd "$1" 2>/dev/null && pwd)/lkml
[ -x "$LKML" ] || { echo "golden_sql_duckdb: no lkml binary in $1" >&2; exit 2; }
if ! command -v node >/dev/null; then
  echo "golden_sql_duckdb: SKIP: node not found (install nodejs, then make test-tools)" >&2
  exit 77
fi
if [ ! -d "$TOOLS/node_modules/@duckdb/node-api" ]; then
  echo "golden_sql_duckdb: tests/tools/node_modules has no @duckdb/node-api: run make test-tools" >&2
  exit 2
fi
if ! psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  echo "golden_sql_duckdb: SKIP: no PostgreSQL reachable through the PG* environment" >&2
  exit 77
fi

TMP=$(mktemp -d)
DB="lkml_golden_duckdb_$$"
cleanup() { dropdb --if-exists "$DB" >/dev/null 2>&1; rm -rf "$TMP"; }
trap cleanup EXIT
createdb -T template0 -E UTF8 --lc-collate=C --lc-ctype=C "$DB" &&
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/looker/db/schema.sql" \
    -f "$ROOT/looker/db/seed.sql" >"$TMP/err" 2>&1 &&
  bash "$TOOLS/pg_to_duckdb.sh" "$DB" "$TMP/looker.duckdb" >>"$TMP/err" 2>&1 ||
  { echo "golden_sql_duckdb: cannot load looker/db:"; cat "$TMP/err"; exit 1; }

PASSED=0 FAILED=0
for dir in "$ROOT"/tests/golden/sql/*/; do
  name=$(basename "$dir")
  [ -f "$dir/query.json" ] || continue
  # --user-attribute NAME=VALUE for each of case.json's user_attributes.
  mapfile -t ARGS < <(node -e '
    const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [k, v] of Object.entries(c.user_attributes ?? {})) console.log(`--user-attribute\n${k}=${v}`);
  ' "$dir/case.json")
  "$LKML" sql "$ROOT/looker" --query "$dir/query.json" --dialect duckdb \
    "${ARGS[@]+"${ARGS[@]}"}" >"$TMP/duck.sql" 2>"$TMP/err"
  rc=$?
  if [ -f "$dir/expected_errors.txt" ]; then
    if [ "$rc" = 1 ]; then
      PASSED=$((PASSED + 1)); echo "ok    $name: refused with --dialect duckdb too"
    else
      FAILED=$((FAILED + 1)); echo "FAIL  $name: exit $rc with --dialect duckdb (want 1: refused)"
    fi
    continue
  fi
  if [ "$rc" != 0 ]; then
    FAILED=$((FAILED + 1)); echo "FAIL  $name: lkml sql --dialect duckdb exit $rc"; sed 's/^/      | /' "$TMP/err"
    continue
  fi
  if ! psql -X -q --csv -v ON_ERROR_STOP=1 -d "$DB" -f "$dir/expected.sql" >"$TMP/pg.csv" 2>"$TMP/err"; then
    FAILED=$((FAILED + 1)); echo "FAIL  $name: expected.sql failed on PostgreSQL"; sed 's/^/      | /' "$TMP/err"
    continue
  fi
  if ! node "$TOOLS/duckdb_run.mjs" --database "$TMP/looker.duckdb" --format csv "$TMP/duck.sql" \
       >"$TMP/duck.csv" 2>"$TMP/err"; then
    FAILED=$((FAILED + 1)); echo "FAIL  $name: DuckDB rejected the SQL"
    sed 's/^/      | /' "$TMP/err" "$TMP/duck.sql" | head -60
    continue
  fi
  # LIMIT without ORDER BY: any that many rows are right, on either engine; only the count
  # can be compared.
  if grep -q '^LIMIT ' "$dir/expected.sql" && ! grep -q '^ORDER BY ' "$dir/expected.sql"; then
    pg_rows=$(($(wc -l <"$TMP/pg.csv") - 1)) duck_rows=$(($(wc -l <"$TMP/duck.csv") - 1))
    if [ "$pg_rows" = "$duck_rows" ]; then
      PASSED=$((PASSED + 1)); echo "ok    $name: $pg_rows rows on both (LIMIT without ORDER BY: count only)"
    else
      FAILED=$((FAILED + 1)); echo "FAIL  $name: $duck_rows rows on DuckDB, $pg_rows on PostgreSQL"
    fi
    continue
  fi
  # psql --csv ends lines with LF and lkml-style output with CRLF; compare_rows reads both.
  if verdict=$(node "$TOOLS/compare_rows.mjs" --unordered "$TMP/pg.csv" "$TMP/duck.csv"); then
    rows=$(($(wc -l <"$TMP/pg.csv") - 1))
    PASSED=$((PASSED + 1)); echo "ok    $name: $rows rows, DuckDB = PostgreSQL ($verdict)"
  else
    FAILED=$((FAILED + 1)); echo "FAIL  $name: DuckDB rows differ from PostgreSQL's"
    echo "$verdict" | sed 's/^/      | /'
  fi
done
echo
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
