#!/usr/bin/env bash
# SQL of a warehouse this machine cannot run, checked by a parser that knows its dialect
# (tests/tools/sql_dialect_check.py: sqlglot, plus the PostgreSQL-only constructs the dialect
# rejects; docs/dialects.md "How the SQL is checked"):
#
#   tests/corpus/dialect_sql_check.sh BUILD_DIR DIALECT [golden|corpus]...   (default: both)
#
#   golden  every query of tests/golden/sql/ that compiles on PostgreSQL, compiled with
#           `lkml sql --dialect DIALECT` (a refusal there is counted, not checked);
#   corpus  every explore of every block of ../shared/lookml-corpus, all its fields at once
#           (tests/unit/codegen/corpus_compile_test.cpp with LKML_CORPUS_DIALECT and
#           LKML_CORPUS_SQL_OUT), checked with --lookml so that constructs the block's own
#           `sql:` holds are reported apart from lkml's.
#
# Exits 77 (skipped) when python3-sqlglot is not installed (make deps installs it) or lkml has
# no such dialect, 1 when a check fails.
set -u
set -o pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR DIALECT [golden|corpus]..." >&2
  exit 2
fi
BUILD=$(cd "$1" && pwd)
DIALECT=$2
shift 2
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(golden corpus)
LKML="$BUILD/lkml"
PYTHON=/usr/bin/python3  # Debian's, where python3-sqlglot is installed
if ! "$PYTHON" -c 'import sqlglot' 2>/dev/null; then
  echo "dialect_sql_check: SKIP: python3-sqlglot not installed (make deps installs it)" >&2
  exit 77
fi
if "$LKML" sql "$ROOT/looker" --dialect "$DIALECT" --explore x --fields x.y 2>&1 |
   grep -q 'unknown dialect'; then
  echo "dialect_sql_check: SKIP: this lkml has no dialect $DIALECT" >&2
  exit 77
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
STATUS=0
for part in "${PARTS[@]}"; do
  case "$part" in
    golden)
      : >"$TMP/golden.sql"
      refused=0
      for dir in "$ROOT"/tests/golden/sql/*/; do
        [ -f "$dir/query.json" ] && [ ! -f "$dir/expected_errors.txt" ] || continue
        mapfile -t ARGS < <("$PYTHON" -c '
import json, sys
for k, v in json.load(open(sys.argv[1])).get("user_attributes", {}).items():
    print("--user-attribute"); print(f"{k}={v}")' "$dir/case.json")
        if "$LKML" sql "$ROOT/looker" --query "$dir/query.json" --dialect "$DIALECT" \
             "${ARGS[@]+"${ARGS[@]}"}" >"$TMP/one.sql" 2>"$TMP/err"; then
          { echo "-- @@explore golden/$(basename "$dir")"; cat "$TMP/one.sql"; } >>"$TMP/golden.sql"
        else
          refused=$((refused + 1))
          echo "note: golden/$(basename "$dir") refused with --dialect $DIALECT: $(head -1 "$TMP/err")"
        fi
      done
      echo "== SQL goldens with --dialect $DIALECT ($refused refused by lkml)"
      "$PYTHON" "$ROOT/tests/tools/sql_dialect_check.py" --dialect "$DIALECT" \
        --lookml "$ROOT/looker" "$TMP/golden.sql" || STATUS=1
      ;;
    corpus)
      corpus="$ROOT/../shared/lookml-corpus"
      if [ ! -d "$corpus" ]; then
        echo "== corpus: no corpus at ../shared/lookml-corpus: skipped"
        continue
      fi
      # The compile test's own verdict (known refusals) is its ctest's business; here only
      # the SQL it writes matters.
      LKML_CORPUS_DIALECT="$DIALECT" LKML_CORPUS_SQL_OUT="$TMP/corpus.sql" \
        "$BUILD/tests/codegen_tests" --gtest_filter='CorpusCompile.*' >"$TMP/compile.log" 2>&1
      grep -E '^corpus compile rate' "$TMP/compile.log"
      if [ ! -s "$TMP/corpus.sql" ]; then
        echo "FAIL: the corpus compile test wrote no SQL (see its output):"
        tail -20 "$TMP/compile.log"
        STATUS=1
        continue
      fi
      echo "== corpus explores with --dialect $DIALECT"
      "$PYTHON" "$ROOT/tests/tools/sql_dialect_check.py" --dialect "$DIALECT" \
        --lookml "$corpus" --allow "$HERE/sql_check_allowed.txt" "$TMP/corpus.sql" || STATUS=1
      ;;
    *)
      echo "unknown part $part (golden or corpus)" >&2
      exit 2
      ;;
  esac
done
exit "$STATUS"
