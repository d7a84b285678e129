#!/usr/bin/env node
// Runs SQL on DuckDB (the engine inside the npm package @duckdb/node-api) and prints the rows
// the way `lkml query` prints PostgreSQL's, so `lkml sql --dialect duckdb` output can be checked
// against the same expected files as `lkml query` on PostgreSQL.
//
//   node duckdb_run.mjs [--database FILE] [--load SCRIPT.sql ...] [--format csv|json|pgcsv|none]
//                       [SQL_FILE|-|--serve]
//
//   --database FILE  a DuckDB database file (default: in memory); --load into it once, query many.
//   --load SCRIPT    runs a seed script written for psql (examples/*/db/*.sql, looker/db/*.sql):
//                    `\copy t (cols) FROM 'f.csv' WITH (...)` becomes DuckDB's COPY with the path
//                    taken relative to the script; other psql meta-commands are refused.
//   --format         csv: RFC 4180 with CRLF, NULL as an empty field, booleans as t/f (libpq's
//                    text); json: an array of objects, numbers and booleans as JSON values, laid
//                    out like lkml's (nlohmann) output; pgcsv: csv, but the empty string quoted
//                    ("") so it differs from NULL, as PostgreSQL's COPY writes it (for programs);
//                    none: run only (the default without SQL).
//   --serve          one process, many queries (tests that run hundreds): reads SQL from stdin,
//                    each statement ended by a line holding only the character U+001E; answers
//                    each with its rows in --format, then a line U+001E alone (ok) or U+001E
//                    followed by the error message.
//
// Exit codes: 0 ok, 1 a statement failed (message on stderr), 2 usage.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

function usage(message) {
  process.stderr.write(`duckdb_run: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let database = ':memory:';
const loads = [];
let format = null;
let sqlFile = null;
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  if (a === '--database') database = args[++i] ?? usage('--database needs a file');
  else if (a === '--load') loads.push(args[++i] ?? usage('--load needs a file'));
  else if (a === '--format') format = args[++i] ?? usage('--format needs csv, json, pgcsv or none');
  else if (a === '--serve') sqlFile = '--serve';
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (sqlFile === null) sqlFile = a;
  else usage(`unexpected argument ${a}`);
}
if (format === null) format = sqlFile === null ? 'none' : 'csv';
if (!['csv', 'json', 'pgcsv', 'none'].includes(format)) {
  usage(`--format ${format}: expected csv, json, pgcsv or none`);
}

// psql's `\copy` is the only meta-command the seed scripts use; anything else would silently
// mean something else here, so it is refused.
function translatePsqlScript(path) {
  const dir = dirname(resolve(path));
  const out = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const copy = line.match(/^\\copy\s+(\w+)\s*(\([^)]*\))?\s+FROM\s+'([^']+)'\s*(?:WITH\s*)?(\(.*\))?\s*$/i);
    if (copy) {
      const [, table, columns, file, options] = copy;
      // DuckDB reads UTF-8 only; ENCODING is not one of its COPY options.
      const opts = (options ?? '(FORMAT csv)').replace(/,?\s*ENCODING\s+'[^']*'/i, '');
      const target = resolve(dir, file).replace(/'/g, "''");
      out.push(`COPY ${table} ${columns ?? ''} FROM '${target}' ${opts};`);
    } else if (/^\s*\\/.test(line)) {
      throw new Error(`${path}: psql meta-command not supported here: ${line.trim()}`);
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT',
  'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']);
function kindOf(type) {
  const name = type.toString();
  if (INTEGER_TYPES.has(name)) return 'int';
  if (name === 'FLOAT' || name === 'DOUBLE' || name.startsWith('DECIMAL')) return 'number';
  if (name === 'BOOLEAN') return 'bool';
  return 'text';
}

// A value's text as libpq would give it for the same type (booleans t/f; the rest as DuckDB
// writes it, which for numbers, dates and timestamps is PostgreSQL's spelling too).
function text(value, kind) {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  }
  return String(value);
}

// A double as nlohmann::json writes it (grisu2 shortest digits; format_buffer's layout:
// decimal between 1e-4 and 1e15 with ".0" on integral values, else d.ddde+XX).
function nlohmannDouble(x) {
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const k = digits.length;
  const n = Number(exp) + 1;  // position of the decimal point after the first n digits
  let body;
  if (k <= n && n <= 15) body = digits + '0'.repeat(n - k) + '.0';
  else if (n > 0 && n <= 15) body = digits.slice(0, n) + '.' + digits.slice(n);
  else if (n > -4 && n <= 0) body = '0.' + '0'.repeat(-n) + digits;
  else {
    const e = n - 1;
    const abs = Math.abs(e);
    body = (k === 1 ? digits : digits[0] + '.' + digits.slice(1)) + 'e' + (e < 0 ? '-' : '+') +
      (abs < 10 ? '0' : '') + abs;
  }
  return sign + body;
}

// cellJson() of cli/result_writer.cpp on the libpq-style text.
function jsonCell(t, kind) {
  if (t === null) return 'null';
  if (kind === 'bool') return t === 't' ? 'true' : 'false';
  if (kind === 'int') return t;
  if (kind === 'number') {
    if (t === 'NaN' || t.includes('Infinity')) return JSON.stringify(t);
    if (!/[.eE]/.test(t) && t.length < 18) return String(BigInt(t));
    return nlohmannDouble(Number(t));
  }
  return JSON.stringify(t);
}

function csvField(t) {
  return /[,"\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

function render(result) {
  if (format === 'none' || !result) return '';
  const names = result.columnNames();
  const kinds = result.columnTypes().map(kindOf);
  const rows = result.getRows().map((row) => row.map((v, i) => text(v, kinds[i])));
  if (format === 'csv' || format === 'pgcsv') {
    const field = (t) => (t === null ? '' : t === '' && format === 'pgcsv' ? '""' : csvField(t));
    let out = names.map(csvField).join(',') + '\r\n';
    for (const row of rows) out += row.map(field).join(',') + '\r\n';
    return out;
  }
  if (rows.length === 0) return '[]\n';
  const objects = rows.map((row) => '  {\n' + row.map((t, i) =>
    `    ${JSON.stringify(names[i])}: ${jsonCell(t, kinds[i])}`).join(',\n') + '\n  }');
  return '[\n' + objects.join(',\n') + '\n]\n';
}

async function serve(connection) {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let sql = [];
  for await (const line of lines) {
    if (line !== '\x1e') {
      sql.push(line);
      continue;
    }
    let answer;
    try {
      answer = render(await runScript(connection, sql.join('\n'))) + '\x1e\n';
    } catch (error) {
      answer = '\x1e' + error.message.replace(/\s+/g, ' ') + '\n';
    }
    sql = [];
    if (!process.stdout.write(answer)) await new Promise((done) => process.stdout.once('drain', done));
  }
}

async function runScript(connection, sql) {
  const statements = await connection.extractStatements(sql);
  let last = null;
  for (let i = 0; i < statements.count; ++i) {
    const prepared = await statements.prepare(i);
    last = await prepared.runAndReadAll();
  }
  return last;
}

try {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  // Session settings that make output comparable with the PostgreSQL runs (UTC, C ordering).
  await connection.run("SET TimeZone = 'UTC'");
  for (const path of loads) await runScript(connection, translatePsqlScript(path));
  // Tables copied from PostgreSQL keep their schema (public, or a test's scratch schema);
  // unqualified names find them there as they do on PostgreSQL's search_path.
  const schemas = await connection.runAndReadAll(
    "SELECT schema_name FROM duckdb_schemas() WHERE NOT internal AND database_name = " +
    "current_database() AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog') " +
    "ORDER BY schema_name <> 'public', schema_name");
  const names = schemas.getRows().map(([name]) => name);
  if (names.length > 0) {
    const path = names.concat(['main']).map((n) => n.replace(/'/g, "''")).join(',');
    await connection.run(`SET search_path = '${path}'`);
  }
  if (sqlFile !== null) {
    if (sqlFile === '--serve') {
      await serve(connection);
    } else {
      const sql = readFileSync(sqlFile === '-' ? 0 : sqlFile, 'utf8');
      process.stdout.write(render(await runScript(connection, sql)));
    }
  }
} catch (error) {
  process.stderr.write(`duckdb_run: ${error.message}\n`);
  process.exit(1);
}
