#!/usr/bin/env bash
# npm run e2e: build, start the control plane and deploy the e2e site (e2e/harness), run the
# scenarios (e2e/scenarios, jest.e2e.config.js), and stop everything, whatever happened.
# Arguments go to jest (a file pattern, -t <name>).
set -uo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
npm run --silent build || exit 1
trap 'node dist/e2e/harness/main.js down' EXIT
node dist/e2e/harness/main.js up >/dev/null || exit 1
npx jest -c jest.e2e.config.js "$@"
rc=$?
echo "e2e: up, scenarios and down in $((SECONDS - start)) s" >&2
exit $rc
