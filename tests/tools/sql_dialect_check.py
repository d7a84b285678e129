#!/usr/bin/python3
"""Checks SQL that lkml wrote for a warehouse this machine cannot run (BigQuery, Snowflake,
Redshift): every statement must parse with sqlglot's grammar of that dialect, and must not hold
a PostgreSQL-only construct the dialect rejects (sqlglot reads many of those anyway, so they
are looked for explicitly; see docs/dialects.md "How the SQL is checked").

  sql_dialect_check.py --dialect D [--lookml DIR] [--allow FILE] FILE...

Each FILE is one statement, or several, each after a line `-- @@explore NAME` (what
LKML_CORPUS_SQL_OUT writes). --lookml DIR: a construct that also occurs in the LookML under DIR
was written by the project's author in its own `sql:` (a block written for another warehouse),
not by lkml: it is reported but does not fail. --allow FILE: lines `REGEX ## REASON`, the regex
over `NAME: parser message`, for rejections whose cause is known and is not the dialect's SQL
(a sqlglot gap, a block's own broken `sql:`, an lkml bug filed elsewhere); a matching rejection
is counted and shown with its reason, not failed.
Prints a summary and every finding; exits 1 when lkml wrote a construct or the parser rejects a
statement no --allow line explains.
"""
import argparse
import os
import re
import sys
from collections import Counter, defaultdict

import sqlglot
from sqlglot.errors import ErrorLevel

# (name, regex over the SQL with string literals, quoted names and comments blanked out,
#  regex over raw LookML text that shows the author wrote the same construct)
BIGQUERY = [
    ("`::` cast", r"::", r"::\s*[A-Za-z]"),
    ("ILIKE", r"\bILIKE\b", r"(?i)\bilike\b"),
    # An alias or qualifier in double quotes (BigQuery reads "..." as a string literal).
    ('"double-quoted" identifier', r"(?i)\bAS\s+\x01DQ\x01|\x01DQ\x01\s*\.",
     r'(?i)\bAS\s+"|"\s*\.\s*[A-Za-z_"]'),
    ("E'' escape string", r"\bE\x01SQ\x01", r"(?i)\bE'"),
    ("INTERVAL '1 day' (quoted amount and unit)", r"(?i)\bINTERVAL\s+\x01SQ\x01",
     r"(?i)\bINTERVAL\s+'"),
    ("TO_CHAR", r"(?i)\bTO_CHAR\s*\(", r"(?i)\bTO_CHAR\s*\("),
    ("DATE_TRUNC('unit', x) (unit first)", r"(?i)\bDATE_TRUNC\s*\(\s*\x01SQ\x01",
     r"(?i)\bDATE_TRUNC\s*\(\s*'"),
    ("PERCENTILE_CONT ... WITHIN GROUP", r"(?i)\bWITHIN\s+GROUP\b", r"(?i)\bWITHIN\s+GROUP\b"),
    ("TRIM_SCALE", r"(?i)\bTRIM_SCALE\s*\(", r"(?i)\bTRIM_SCALE\b"),
    ("EXTRACT(EPOCH FROM", r"(?i)\bEXTRACT\s*\(\s*EPOCH\b", r"(?i)\bEXTRACT\s*\(\s*EPOCH\b"),
    ("TO_TIMESTAMP / TO_DATE", r"(?i)\bTO_(?:TIMESTAMP|DATE)\s*\(", r"(?i)\bTO_(?:TIMESTAMP|DATE)\s*\("),
    ("AT TIME ZONE", r"(?i)\bAT\s+TIME\s+ZONE\b", r"(?i)\bAT\s+TIME\s+ZONE\b"),
    ("DECIMAL/NUMERIC wider than 38 digits", r"(?i)\b(?:DECIMAL|NUMERIC)\s*\(\s*(?:[4-9]\d|\d{3,})",
     r"(?i)\b(?:DECIMAL|NUMERIC)\s*\(\s*(?:[4-9]\d|\d{3,})"),
    ("BIT type", r"(?i)\bBIT\s*\(", r"(?i)::\s*bit\b"),
    ("STRING_AGG(DISTINCT x ... ORDER BY y), y not x", "STRING_AGG_DISTINCT_ORDER", None),
    ("GENERATE_SERIES", r"(?i)\bGENERATE_SERIES\s*\(", r"(?i)\bgenerate_series\b"),
]
COMMON_NON_POSTGRES = [
    ("E'' escape string", r"\bE\x01SQ\x01", r"(?i)\bE'"),
    ("TRIM_SCALE", r"(?i)\bTRIM_SCALE\s*\(", r"(?i)\bTRIM_SCALE\b"),
    ("DECIMAL/NUMERIC wider than 38 digits", r"(?i)\b(?:DECIMAL|NUMERIC)\s*\(\s*(?:[4-9]\d|\d{3,})",
     r"(?i)\b(?:DECIMAL|NUMERIC)\s*\(\s*(?:[4-9]\d|\d{3,})"),
    ("BIT type", r"(?i)\bBIT\s*\(", r"(?i)::\s*bit\b"),
    ("STRING_AGG (the dialect has LISTAGG)", r"(?i)\bSTRING_AGG\s*\(", r"(?i)\bSTRING_AGG\b"),
    ("GENERATE_SERIES", r"(?i)\bGENERATE_SERIES\s*\(", r"(?i)\bgenerate_series\b"),
]
CONSTRUCTS = {
    "bigquery": BIGQUERY,
    "snowflake": COMMON_NON_POSTGRES,
    "redshift": COMMON_NON_POSTGRES,
    "postgres": [],
    "duckdb": [],
}
SQLGLOT_NAME = {"bigquery": "bigquery", "snowflake": "snowflake", "redshift": "redshift",
                "postgres": "postgres", "duckdb": "duckdb"}


def blank_literals(sql, dialect):
    """The SQL with each '...' string replaced by \\x01SQ\\x01, each "..." by \\x01DQ\\x01 and
    backtick names and comments by a space, so constructs are looked for in code only."""
    out = []
    i, n = 0, len(sql)
    backslash_escapes = dialect in ("bigquery", "snowflake")
    while i < n:
        c = sql[i]
        if c == "-" and sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
            out.append(" ")
        elif c == "/" and sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif c in "'\"`":
            j = i + 1
            while j < n:
                if backslash_escapes and sql[j] == "\\":
                    j += 2
                    continue
                if sql[j] == c:
                    if c != "`" and j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append({"'": "\x01SQ\x01", '"': "\x01DQ\x01", "`": " "}[c])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def string_agg_distinct_order_mismatch(code):
    """STRING_AGG(DISTINCT x, sep ORDER BY y) where y is not x: BigQuery requires the sort key
    of a DISTINCT aggregate to be its expression."""
    found = False
    for m in re.finditer(r"(?i)\bSTRING_AGG\s*\(\s*DISTINCT\b", code):
        depth, j = 1, m.end()
        while j < len(code) and depth:
            depth += {"(": 1, ")": -1}.get(code[j], 0)
            j += 1
        body = code[m.end():j - 1]
        order = re.search(r"(?i)\bORDER\s+BY\b", body)
        if not order:
            continue
        # The aggregated expression: up to the first top-level comma (the separator).
        depth, k = 0, 0
        while k < order.start():
            depth += {"(": 1, ")": -1}.get(body[k], 0)
            if body[k] == "," and depth == 0:
                break
            k += 1
        expr = body[:k].strip()
        key = re.sub(r"(?i)\s+(ASC|DESC)\s*$", "", body[order.end():].strip())
        if re.sub(r"\s+", "", expr) != re.sub(r"\s+", "", key):
            found = True
    return found


def read_statements(path):
    text = open(path, encoding="utf-8").read()
    if "-- @@explore " not in text:
        return [(path, text)]
    out = []
    for chunk in text.split("-- @@explore ")[1:]:
        name, _, sql = chunk.partition("\n")
        out.append((name.strip(), sql))
    return out


def lookml_text(root, project):
    """All .lkml text of the project the statement came from (NAME starts with it)."""
    base = os.path.join(root, project) if project and os.path.isdir(os.path.join(root, project)) else root
    parts = []
    for folder, _, files in os.walk(base):
        for f in files:
            if f.endswith(".lkml"):
                with open(os.path.join(folder, f), encoding="utf-8", errors="replace") as fh:
                    parts.append(fh.read())
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dialect", required=True, choices=sorted(CONSTRUCTS))
    ap.add_argument("--lookml")
    ap.add_argument("--allow")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    allow = []
    if args.allow:
        for line in open(args.allow, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                pattern, _, reason = line.partition(" ## ")
                allow.append((re.compile(pattern.strip()), reason.strip()))

    checked = accepted = rejected = allowed_rejections = 0
    lkml_constructs, author_constructs = Counter(), Counter()
    problems, notes = [], []
    reasons = Counter()
    lookml_cache = {}
    for path in args.files:
        for name, sql in read_statements(path):
            checked += 1
            code = blank_literals(sql, args.dialect)
            project = name.split("/")[0]
            source = None
            for label, pattern, author_pattern in CONSTRUCTS[args.dialect]:
                hit = (string_agg_distinct_order_mismatch(code) if pattern == "STRING_AGG_DISTINCT_ORDER"
                       else re.search(pattern, code))
                if not hit:
                    continue
                if args.lookml and author_pattern:
                    if project not in lookml_cache:
                        lookml_cache[project] = lookml_text(args.lookml, project)
                    source = lookml_cache[project]
                    if re.search(author_pattern, source):
                        author_constructs[label] += 1
                        notes.append(f"{name}: {label} (also in the project's own LookML SQL)")
                        continue
                lkml_constructs[label] += 1
                problems.append(f"{name}: lkml wrote a construct {args.dialect} rejects: {label}")
            try:
                sqlglot.parse(sql, read=SQLGLOT_NAME[args.dialect], error_level=ErrorLevel.RAISE)
                accepted += 1
            except Exception as error:  # sqlglot raises ParseError and TokenError
                message = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", str(error)).split())[:300]
                why = next((reason for regex, reason in allow if regex.search(f"{name}: {message}")),
                           None)
                if why:
                    allowed_rejections += 1
                    reasons[f"allowed ({why}): " + re.sub(r"Line \d+, Col: \d+", "Line N, Col: N", message)[:160]] += 1
                else:
                    rejected += 1
                    reasons[message[:160]] += 1
                    problems.append(f"{name}: sqlglot {args.dialect} rejects it: {message}")

    print(f"{args.dialect}: {checked} statements checked with sqlglot {sqlglot.__version__}: "
          f"{accepted} accepted, {rejected} rejected, {allowed_rejections} rejected for a "
          f"known reason (--allow, listed below)")
    print(f"{args.dialect}: PostgreSQL-only constructs written by lkml: "
          f"{sum(lkml_constructs.values())}" +
          "".join(f"\n  {count}  {label}" for label, count in lkml_constructs.most_common()))
    if author_constructs:
        print(f"{args.dialect}: constructs in the projects' own SQL (not lkml's; reported only): " +
              "".join(f"\n  {count}  {label}" for label, count in author_constructs.most_common()))
    if reasons:
        print("parser rejections by message:")
        for message, count in reasons.most_common():
            print(f"  {count}  {message}")
    for line in notes[:20]:
        print("note: " + line)
    for line in problems:
        print("FAIL: " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
