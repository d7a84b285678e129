#!/usr/bin/python3
"""ctest readme_paths_check: every repository path README.md names exists (outputs that a shown
command writes with `-o PATH` or `> PATH` excepted), so the quick start never points at
something that is not there."""
import os
import re
import sys

root = sys.argv[1]
top = ("docs", "looker", "examples", "tests", "bench", "cli", "codegen", "semantic", "grammar",
       "base", "catalog", "schema", "scripts", ".ci")
pattern = re.compile(r"(?<![\w/.-])((?:%s)/[\w./*-]*)" % "|".join(re.escape(t) for t in top))
missing = []
with open(os.path.join(root, "README.md")) as f:
    for number, line in enumerate(f, 1):
        for match in pattern.finditer(line):
            path = match.group(1).rstrip(".,:;)")
            before = line[: match.start()]
            if re.search(r"(-o|>)\s*$", before):
                continue  # a file the command writes
            plain = path.split("*")[0].rstrip("/")
            if plain and not os.path.exists(os.path.join(root, plain)):
                missing.append(f"README.md:{number}: `{path}` is not in the repository")
for m in missing:
    print(m)
sys.exit(1 if missing else 0)
