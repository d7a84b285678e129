#!/usr/bin/env bash
# Writes a catalog snapshot (lkml-catalog/1) for each generated benchmark project, from a real
# PostgreSQL: the DDL comes from schema/tools/gen_schema_sql.py, the snapshot from
# `lkml schema dump`. Run inside pg_virtualenv (bench/run.sh does):
#   pg_virtualenv bench/schema_catalogs.sh LKML_BINARY PROJECT_DIR...
# writes PROJECT_DIR.catalog.json next to each PROJECT_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
lkml=$1; shift
for project in "$@"; do
  db="lkml_bench_$(basename "$project")"
  dropdb --if-exists "$db"
  createdb "$db"
  python3 schema/tools/gen_schema_sql.py "$project" | psql -q -v ON_ERROR_STOP=1 -d "$db" > /dev/null
  "$lkml" schema dump --db "postgresql:///$db" -o "$project.catalog.json"
  dropdb "$db"
done
