#!/usr/bin/env bash
# The main job of `make run`: lint the looker/ sample project and show the SQL lkml generates
# for the same question at each of the three access levels.
set -uo pipefail
BUILD=${1:-build}
LKML="$BUILD/lkml"
status=0
echo "== lkml lint looker/"
"$LKML" lint looker/ || status=$?
echo
echo "== Enrollments and average score per company, as seen at each access level"
for level in internal company client; do
  echo
  echo "-- access_level=$level, company_id=2"
  "$LKML" sql looker --model ti --explore "enrollments_$level" \
    --fields companies.name,courses.category,enrollments.count,enrollments.average_score \
    --access-level "$level" --user-attribute company_id=2 --limit 10 || status=$?
done
echo
echo "-- a client asking for personal data is refused (exit code 1 expected):"
"$LKML" sql looker --model ti --explore users_client --fields users.email \
  --access-level client --user-attribute company_id=2 && status=1
exit $status
