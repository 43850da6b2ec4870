#!/usr/bin/env bash
# npm run e2e: build, then two rounds on a fresh control plane each (e2e/harness), stopping
# everything whatever happens:
#   1. the e2e site (e2e/sites/lab.ts) and its scenarios (e2e/scenarios/lab);
#   2. a seed site as it ships (stacks/sites/kajaani.ts) and its scenarios (e2e/scenarios/seed).
# Arguments go to jest in both rounds (-t <name>, --verbose).
set -uo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
npm run --silent build || exit 1
trap 'node dist/e2e/harness/main.js down' EXIT
rc=0
for round in "lab:" "seed:--seed kajaani"; do
  name=${round%%:*}
  # shellcheck disable=SC2086 # the round's options are words
  node dist/e2e/harness/main.js up ${round#*:} >/dev/null || exit 1
  npx jest -c jest.e2e.config.js "e2e/scenarios/$name/" "$@" || rc=1
  node dist/e2e/harness/main.js down
done
echo "e2e: both rounds in $((SECONDS - start)) s" >&2
exit $rc
