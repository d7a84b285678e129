#!/usr/bin/env bash
# Runs every example project end to end against PostgreSQL:
#
#   examples/run_all.sh BUILD_DIR [EXAMPLE...]      e.g. examples/run_all.sh build people_places
#
# Needs a reachable PostgreSQL through the PG* environment (PGHOST, PGPORT, PGUSER, PGPASSWORD)
# with the right to create databases; the easiest is a throwaway cluster:
#
#   pg_virtualenv bash examples/run_all.sh build      (what `make examples` does)
#
# For each example directory examples/<name>/ it
#   1. creates a fresh database ex_<name>_<pid> (UTF8, C collation so ORDER BY on text is by
#      code point everywhere), loads db/schema.sql then db/data.sql (run from db/, so \copy finds
#      the CSV files), and drops the database at the end;
#   2. runs `lkml lint <example>` (must exit 0);
#   3. if the binary has them: `lkml lint <example> --db URL` and, once per line of
#      <example>/validate.args (or once with no extra arguments), `lkml validate sql <example>
#      --db URL <line>` (each must exit 0);
#   4. runs every queries/<q>.json with `lkml query --query` and the extra arguments in
#      queries/<q>.args (user attributes, access level), and compares with expected/:
#        expected/<q>.json   stdout of --format json, byte for byte
#        expected/<q>.csv    stdout of --format csv, byte for byte (CRLF line ends, as lkml prints)
#        expected/<q>.error  the query must be refused: exit code 1 and every line of the file
#                            (e.g. `error[LKML404]`) must occur in stderr
#   5. for every checks/<q>.sql (hand-written SQL that answers the same question without lkml),
#      runs it with psql --csv and compares its rows with the rows of `lkml query --format csv`
#      (header lines skipped, numbers compared to 1e-6 relative). This keeps the independent
#      check of each expected output alive: a wrong expected file cannot pass both.
#
# Prints one line per check, then `N passed, M failed`; exits 1 on any failure.
# Set KEEP_DB=1 to keep the databases; UPDATE_EXPECTED=1 rewrites expected/ from lkml's output
# (only do that after the checks/ comparison passes and the diff is understood).
set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 BUILD_DIR [EXAMPLE...]" >&2
  exit 2
fi
BUILD=$1
shift
LKML=$(cd "$BUILD" 2>/dev/null && pwd)/lkml
if [ ! -x "$LKML" ]; then
  echo "run_all: no lkml binary at $BUILD/lkml (build it first: cmake --build $BUILD --target lkml)" >&2
  exit 2
fi
for tool in psql createdb dropdb; do
  if ! command -v "$tool" >/dev/null; then
    echo "run_all: $tool not found (install postgresql-client)" >&2
    exit 2
  fi
done
if ! psql -X -q -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
  echo "run_all: SKIP: no PostgreSQL reachable through the PG* environment;" \
       "run it as: pg_virtualenv bash examples/run_all.sh $BUILD" >&2
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

HAS_LINT_DB=0
"$LKML" lint --help 2>&1 | grep -q -- '--db' && HAS_LINT_DB=1
HAS_VALIDATE=0
# `lkml validate --help` prints the top-level help and exits 0 when the subcommand does not
# exist, so look for the subcommand in the top-level list first.
if "$LKML" --help 2>&1 | grep -qE '^[[:space:]]+validate([[:space:]]|$)' &&
   "$LKML" validate sql --help >/dev/null 2>&1; then
  HAS_VALIDATE=1
fi

TMP=$(mktemp -d)
CREATED_DBS=()
cleanup() {
  if [ "${KEEP_DB:-0}" != 1 ]; then
    for db in "${CREATED_DBS[@]+"${CREATED_DBS[@]}"}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

PASSED=0
FAILED=0
FAILURES=()
pass() { PASSED=$((PASSED + 1)); printf 'ok    %s\n' "$1"; }
fail() {
  FAILED=$((FAILED + 1)); FAILURES+=("$1"); printf 'FAIL  %s\n' "$1"
  if [ -n "${2:-}" ] && [ -s "$2" ]; then sed -e 's/^/      | /' "$2" | head -n 40; fi
}

db_url() {
  local db=$1 host=${PGHOST:-} port=${PGPORT:-5432} user=${PGUSER:-}
  if [ -z "$host" ] || [ "${host#/}" != "$host" ]; then
    # Unix socket directory (or libpq's default): keep it out of the authority part.
    echo "postgresql:///$db${host:+?host=$host&port=$port}"
  else
    echo "postgresql://${user:+$user@}$host:$port/$db"
  fi
}

# Reads queries/<q>.args into the array ARGS (whitespace-separated; no globbing).
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

# Compares two CSV outputs row by row, ignoring the header line and CR characters; fields that
# parse as numbers on both sides match when they agree to 1e-6 (relative).
csv_rows_agree() {
  awk -v a="$1" -v b="$2" '
    function isnum(x) { return x ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ }
    function same(x, y,   d, m) {
      if (x == y) return 1
      if (!isnum(x) || !isnum(y)) return 0
      d = x - y; if (d < 0) d = -d
      m = (x < 0 ? -x : x); if ((y < 0 ? -y : y) > m) m = (y < 0 ? -y : y)
      return d <= 1e-6 * (m > 1 ? m : 1)
    }
    BEGIN {
      na = 0; while ((getline l < a) > 0) { sub(/\r$/, "", l); A[++na] = l }
      nb = 0; while ((getline l < b) > 0) { sub(/\r$/, "", l); B[++nb] = l }
      if (na != nb) { printf "row count differs: lkml %d, check %d\n", na - 1, nb - 1; exit 1 }
      for (i = 2; i <= na; i++) {
        if (A[i] == B[i]) continue
        n = split(A[i], x, ","); m = split(B[i], y, ",")
        ok = (n == m)
        for (j = 1; ok && j <= n; j++) if (!same(x[j], y[j])) ok = 0
        if (!ok) { printf "row %d differs:\n  lkml:  %s\n  check: %s\n", i - 1, A[i], B[i]; bad = 1 }
      }
      exit bad ? 1 : 0
    }'
}

START=$(date +%s)
for name in "${EXAMPLES[@]}"; do
  ex="$HERE/$name"
  if [ ! -f "$ex/db/schema.sql" ]; then
    fail "$name: no such example ($ex/db/schema.sql missing)"
    continue
  fi
  echo "== $name"
  db="ex_${name}_$$"
  CREATED_DBS+=("$db")
  url=$(db_url "$db")
  dropdb --if-exists "$db" >/dev/null 2>&1
  if ! createdb -T template0 -E UTF8 --lc-collate=C --lc-ctype=C "$db" 2>"$TMP/err"; then
    fail "$name: createdb $db" "$TMP/err"
    continue
  fi
  if (cd "$ex/db" && PGOPTIONS='--client-min-messages=warning' \
        psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f schema.sql -f data.sql) >"$TMP/out" 2>&1; then
    pass "$name: load db/schema.sql + db/data.sql into $db"
  else
    fail "$name: load db/schema.sql + db/data.sql" "$TMP/out"
    continue
  fi

  if "$LKML" lint --color never "$ex" >"$TMP/out" 2>&1; then
    pass "$name: lkml lint"
  else
    fail "$name: lkml lint" "$TMP/out"
  fi
  if [ "$HAS_LINT_DB" = 1 ]; then
    if "$LKML" lint --color never "$ex" --db "$url" >"$TMP/out" 2>&1; then
      pass "$name: lkml lint --db"
    else
      fail "$name: lkml lint --db" "$TMP/out"
    fi
  fi
  if [ "$HAS_VALIDATE" = 1 ]; then
    lines=()
    if [ -f "$ex/validate.args" ]; then
      while IFS= read -r line || [ -n "$line" ]; do
        line=${line%%#*}
        [ -n "${line//[[:space:]]/}" ] && lines+=("$line")
      done <"$ex/validate.args"
    fi
    [ ${#lines[@]} -eq 0 ] && lines=("")
    for line in "${lines[@]}"; do
      set -f
      # shellcheck disable=SC2206
      words=($line)
      set +f
      if "$LKML" validate sql "$ex" --db "$url" "${words[@]+"${words[@]}"}" >"$TMP/out" 2>&1; then
        pass "$name: lkml validate sql ${line}"
      else
        fail "$name: lkml validate sql ${line}" "$TMP/out"
      fi
    done
  fi

  for qfile in "$ex"/queries/*.json; do
    [ -e "$qfile" ] || continue
    q=$(basename "$qfile" .json)
    read_args "$ex/queries/$q.args"
    if [ -f "$ex/expected/$q.error" ]; then
      "$LKML" query "$ex" --query "$qfile" --db "$url" "${ARGS[@]+"${ARGS[@]}"}" \
        >"$TMP/out" 2>"$TMP/err"
      rc=$?
      missing=""
      while IFS= read -r want || [ -n "$want" ]; do
        [ -z "$want" ] && continue
        grep -qF -- "$want" "$TMP/err" || missing="$missing [$want]"
      done <"$ex/expected/$q.error"
      if [ "$rc" = 1 ] && [ -z "$missing" ] && [ ! -s "$TMP/out" ]; then
        pass "$name: query $q refused as expected"
      else
        echo "exit code $rc (want 1); missing in stderr:${missing:- none}" >>"$TMP/err"
        fail "$name: query $q should be refused" "$TMP/err"
      fi
      continue
    fi
    if [ -f "$ex/expected/$q.json" ]; then fmt=json
    elif [ -f "$ex/expected/$q.csv" ]; then fmt=csv
    else
      fail "$name: query $q has no expected/$q.json, .csv or .error"
      continue
    fi
    # Raw values: the expected files and the independent SQL compare database values, not
    # value_format display text (which `lkml query --format csv` applies by default).
    if ! "$LKML" query "$ex" --query "$qfile" --db "$url" --format "$fmt" --unformatted \
         "${ARGS[@]+"${ARGS[@]}"}" >"$TMP/out" 2>"$TMP/err"; then
      fail "$name: query $q (lkml query failed)" "$TMP/err"
      continue
    fi
    if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then cp "$TMP/out" "$ex/expected/$q.$fmt"; fi
    if cmp -s "$TMP/out" "$ex/expected/$q.$fmt"; then
      pass "$name: query $q = expected/$q.$fmt"
    else
      diff -u "$ex/expected/$q.$fmt" "$TMP/out" >"$TMP/diff"
      fail "$name: query $q differs from expected/$q.$fmt" "$TMP/diff"
    fi
  done

  for check in "$ex"/checks/*.sql; do
    [ -e "$check" ] || continue
    q=$(basename "$check" .sql)
    if [ ! -f "$ex/queries/$q.json" ]; then
      fail "$name: checks/$q.sql has no queries/$q.json"
      continue
    fi
    read_args "$ex/queries/$q.args"
    if ! "$LKML" query "$ex" --query "$ex/queries/$q.json" --db "$url" --format csv --unformatted \
         "${ARGS[@]+"${ARGS[@]}"}" >"$TMP/lkml.csv" 2>"$TMP/err"; then
      fail "$name: check $q (lkml query failed)" "$TMP/err"
      continue
    fi
    if ! psql -X -q --csv -v ON_ERROR_STOP=1 -d "$db" -f "$check" >"$TMP/check.csv" 2>"$TMP/err"; then
      fail "$name: check $q (checks/$q.sql failed)" "$TMP/err"
      continue
    fi
    if csv_rows_agree "$TMP/lkml.csv" "$TMP/check.csv" >"$TMP/diff" 2>&1; then
      pass "$name: query $q agrees with hand-written checks/$q.sql"
    else
      fail "$name: query $q disagrees with checks/$q.sql" "$TMP/diff"
    fi
  done
done

echo
echo "$PASSED passed, $FAILED failed ($(($(date +%s) - START)) s)"
[ "$HAS_LINT_DB" = 1 ] || echo "note: this lkml has no \`lint --db\`; live schema lint skipped"
[ "$HAS_VALIDATE" = 1 ] || echo "note: this lkml has no \`validate sql\`; SQL validation skipped"
if [ "$FAILED" -gt 0 ]; then
  printf 'failed: %s\n' "${FAILURES[@]}"
  exit 1
fi
exit 0
