#!/usr/bin/env bash
# The main job of `make run`: lint the looker/ sample project and show what lkml does.
set -uo pipefail
BUILD=${1:-build}
LKML="$BUILD/lkml"
echo "== lkml lint looker/"
"$LKML" lint looker/
status=$?
echo "(exit code $status)"
exit $status
