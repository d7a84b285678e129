#!/usr/bin/env node
// Compares two query outputs (the JSON or CSV `lkml query` prints; duckdb_run.mjs prints the
// same shapes) row by row and cell by cell:
//
//   node compare_rows.mjs [--unordered] EXPECTED ACTUAL   (.json or .csv, by EXPECTED's extension)
//
// --unordered compares the rows as multisets (for queries without ORDER BY, whose order
// neither engine promises).
//
// Prints `identical` when the bytes agree, `equal` when every cell agrees but some only as
// numbers (PostgreSQL's NUMERIC 12.50 or 0.33333333333333333333 against DuckDB's DECIMAL
// 12.500000 or DOUBLE 0.3333333333333333: equal within 1e-12 relative), and exits 0; else
// lists up to 20 differing cells and exits 1. Text, NULLs, booleans, column names, column
// order and row order must match exactly.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const unordered = argv[0] === '--unordered';
const [expectedPath, actualPath] = unordered ? argv.slice(1) : argv;
if (!expectedPath || !actualPath) {
  process.stderr.write('usage: compare_rows.mjs EXPECTED ACTUAL\n');
  process.exit(2);
}
const expectedText = readFileSync(expectedPath, 'utf8');
const actualText = readFileSync(actualPath, 'utf8');
if (expectedText === actualText) {
  process.stdout.write('identical\n');
  process.exit(0);
}

// RFC 4180 fields; a NULL (empty unquoted field) is null, "" is the empty string.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false, wasQuoted = false, i = 0;
  const endField = () => { row.push(field === '' && !wasQuoted ? null : field); field = ''; wasQuoted = false; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; ++i; continue; }
      field += c; ++i; continue;
    }
    if (c === '"') { quoted = true; wasQuoted = true; ++i; continue; }
    if (c === ',') { endField(); ++i; continue; }
    if (c === '\r' && text[i + 1] === '\n') { endField(); rows.push(row); row = []; i += 2; continue; }
    if (c === '\n') { endField(); rows.push(row); row = []; ++i; continue; }
    field += c; ++i;
  }
  if (field !== '' || wasQuoted || row.length) { endField(); rows.push(row); }
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
function sameNumber(a, b) {
  const x = Number(a), y = Number(b);
  if (x === y) return true;
  const scale = Math.max(Math.abs(x), Math.abs(y), 1);
  return Math.abs(x - y) <= 1e-12 * scale;
}
function sameCell(a, b) {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (typeof a === 'string' && typeof b === 'string' && NUMBER.test(a) && NUMBER.test(b)) {
    return sameNumber(a, b);
  }
  return false;
}

let expectedRows, actualRows;
try {
  if (expectedPath.endsWith('.json')) {
    const toRows = (list) => list.map((o) => Object.entries(o));
    expectedRows = toRows(JSON.parse(expectedText));
    actualRows = toRows(JSON.parse(actualText));
  } else {
    expectedRows = parseCsv(expectedText).map((r, i, all) => r.map((v, j) => [all[0][j], v]));
    actualRows = parseCsv(actualText).map((r, i, all) => r.map((v, j) => [all[0][j], v]));
  }
} catch (error) {
  process.stdout.write(`cannot parse: ${error.message}\n`);
  process.exit(1);
}

if (unordered) {
  // Header (CSV) stays first; data rows sorted by their cells' text.
  const key = (row) => JSON.stringify(row.map(([, v]) => v));
  const sortRows = (rows, skip) => rows.slice(0, skip).concat(
    rows.slice(skip).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
  const skip = expectedPath.endsWith('.json') ? 0 : 1;
  expectedRows = sortRows(expectedRows, skip);
  actualRows = sortRows(actualRows, skip);
}
const problems = [];
if (expectedRows.length !== actualRows.length) {
  problems.push(`row count: expected ${expectedRows.length}, got ${actualRows.length}`);
}
for (let r = 0; r < Math.min(expectedRows.length, actualRows.length); ++r) {
  const e = expectedRows[r], a = actualRows[r];
  if (e.length !== a.length) problems.push(`row ${r + 1}: ${e.length} cells, got ${a.length}`);
  for (let c = 0; c < Math.min(e.length, a.length); ++c) {
    if (e[c][0] !== a[c][0]) problems.push(`row ${r + 1} column ${c + 1}: name ${e[c][0]}, got ${a[c][0]}`);
    else if (!sameCell(e[c][1], a[c][1])) {
      problems.push(`row ${r + 1} ${e[c][0]}: expected ${JSON.stringify(e[c][1])}, got ${JSON.stringify(a[c][1])}`);
    }
  }
}
if (problems.length === 0) {
  process.stdout.write('equal\n');
  process.exit(0);
}
process.stdout.write(problems.slice(0, 20).join('\n') + '\n');
process.exit(1);
