#!/usr/bin/python3
"""ctest ci_workflow_check: docs/ci/lkml-lint.yml is valid YAML and a workflow that really
lints with SARIF output and uploads that file (the README points users at it)."""
import sys

import yaml

path = sys.argv[1]
with open(path) as f:
    wf = yaml.safe_load(f)
errors = []
# PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
triggers = wf.get("on", wf.get(True))
if not triggers or "pull_request" not in triggers:
    errors.append("the workflow must run on pull_request")
if wf.get("permissions", {}).get("security-events") != "write":
    errors.append("permissions.security-events must be write (upload-sarif)")
steps = wf["jobs"]["lint"]["steps"]
runs = "\n".join(s.get("run", "") for s in steps)
if "lkml lint . --format sarif > lkml.sarif" not in runs:
    errors.append("no step writes lkml.sarif with `lkml lint . --format sarif`")
uploads = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
if len(uploads) != 1 or uploads[0].get("with", {}).get("sarif_file") != "lkml.sarif":
    errors.append("exactly one upload-sarif step must upload lkml.sarif")
elif uploads[0].get("if") != "always()":
    errors.append("the upload must run even when lint fails (if: always())")
if "--format github" not in runs:
    errors.append("no step prints GitHub annotations")
for e in errors:
    print(f"{path}: {e}")
sys.exit(1 if errors else 0)
