#!/usr/bin/env bash
# Copies every table of a PostgreSQL database into a DuckDB database file, so both engines
# query the same rows:
#
#   tests/tools/pg_to_duckdb.sh PG_DATABASE DUCKDB_FILE [SCHEMA]
#
# (SCHEMA: only that schema's tables, for tests that work in a scratch schema of a shared
# database.)
# The seed scripts (examples/*/db, looker/db) are PostgreSQL programs (DO blocks,
# generate_series, arrays, jsonb), so they run on PostgreSQL once and the tables travel as CSV:
# each column keeps its type (text types become VARCHAR, numeric(p,s) DECIMAL(p,s), jsonb JSON;
# anything without a DuckDB twin VARCHAR), NULL stays NULL and '' stays '' (CSV quotes it).
# Needs psql with the PG* environment and node with tests/tools/node_modules installed.
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: $0 PG_DATABASE DUCKDB_FILE [SCHEMA]" >&2
  exit 2
fi
PGDB=$1
TARGET=$2
ONLY_SCHEMA=${3:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One line per table: schema, table, DuckDB column list (name type, ...), in column order.
psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v only="$ONLY_SCHEMA" -d "$PGDB" >"$WORK/tables" <<'SQL'
SELECT n.nspname, c.relname,
       string_agg(format('%I %s', a.attname,
         CASE
           WHEN t.typname IN ('int2', 'int4', 'int8', 'bool', 'date', 'float4', 'float8',
                              'interval')
             THEN CASE t.typname WHEN 'int2' THEN 'SMALLINT' WHEN 'int4' THEN 'INTEGER'
                    WHEN 'int8' THEN 'BIGINT' WHEN 'bool' THEN 'BOOLEAN' WHEN 'date' THEN 'DATE'
                    WHEN 'float4' THEN 'FLOAT' WHEN 'float8' THEN 'DOUBLE' ELSE 'INTERVAL' END
           WHEN t.typname = 'timestamp' THEN 'TIMESTAMP'
           WHEN t.typname = 'timestamptz' THEN 'TIMESTAMPTZ'
           WHEN t.typname = 'time' THEN 'TIME'
           WHEN t.typname IN ('json', 'jsonb') THEN 'JSON'
           -- numeric(p,s) keeps its scale; DuckDB's DECIMAL stops at 38 digits, an unbounded
           -- numeric becomes DOUBLE.
           WHEN t.typname = 'numeric' AND a.atttypmod > 0
                AND ((a.atttypmod - 4) >> 16) <= 38
             THEN format('DECIMAL(%s,%s)', (a.atttypmod - 4) >> 16, (a.atttypmod - 4) & 65535)
           WHEN t.typname = 'numeric' THEN 'DOUBLE'
           ELSE 'VARCHAR'
         END), ', ' ORDER BY a.attnum)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_%' AND (:'only' = '' OR n.nspname = :'only')
GROUP BY n.nspname, c.relname
ORDER BY 1, 2;
SQL

: >"$WORK/load.sql"
i=0
while IFS=$'\t' read -r schema table columns; do
  i=$((i + 1))
  csv="$WORK/t$i.csv"
  qschema="\"${schema//\"/\"\"}\"" qtable="\"${table//\"/\"\"}\""
  psql -X -q -v ON_ERROR_STOP=1 -d "$PGDB" \
    -c "\\copy (SELECT * FROM $qschema.$qtable) TO '$csv' WITH (FORMAT csv, HEADER true)"
  {
    echo "CREATE SCHEMA IF NOT EXISTS $qschema;"
    echo "CREATE TABLE $qschema.$qtable ($columns);"
    echo "COPY $qschema.$qtable FROM '$csv' (FORMAT csv, HEADER true, ALLOW_QUOTED_NULLS false);"
  } >>"$WORK/load.sql"
done <"$WORK/tables"

rm -f "$TARGET"
node "$HERE/duckdb_run.mjs" --database "$TARGET" --load "$WORK/load.sql"
