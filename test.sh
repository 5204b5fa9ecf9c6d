#!/usr/bin/env bash
# ./test.sh — every test of the solution against a private Azurite on free ports; prints "N passed, N failed".
set -uo pipefail
REPO_ROOT=$(cd "$(dirname "$0")" && pwd)
cd "$REPO_ROOT"
source scripts/azurite.sh

started=()
data=$(mktemp -d /tmp/participation-test-azurite.XXXXXX)
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT INT TERM

ensure_azurite || { echo "0 passed, 1 failed"; exit 1; }
# The sign-in tests start their own OpenID Connect provider (npm oidc-provider, pinned) like a private Azurite.
source scripts/oidc.sh
ensure_local_oidc || { echo "0 passed, 1 failed"; exit 1; }
# Web assets from npm and Debian's chromium for the browser tests.
if [ -f scripts/web.sh ]; then
  source scripts/web.sh
  prepare_web_assets || { echo "0 passed, 1 failed"; exit 1; }
  ensure_chromium || { echo "0 passed, 1 failed"; exit 1; }
fi
blob=$(free_port); queue=$(free_port); table=$(free_port)
start_azurite "$data" "$blob" "$queue" "$table" "$data/azurite.log" || { echo "0 passed, 1 failed"; exit 1; }
started+=("$AZURITE_PID")
export AZURITE_CONNECTION_STRING
AZURITE_CONNECTION_STRING=$(azurite_connection_string "$blob" "$queue" "$table")
export AZURITE_BIN

if ! dotnet build Participation.sln -c Debug -nologo -v quiet; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
# One test project at a time: on a 2-core machine the integration and browser suites starve each other's servers.
dotnet test Participation.sln --no-build -c Debug -nologo -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test project: "Passed!  - Failed: 0, Passed: 10, Skipped: 0, Total: 10, ..."
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
    for (i = 1; i < NF; i++) {
      if ($i ~ /Failed$/) f += $(i+1); if ($i == "Passed") p += $(i+1); if ($i == "Skipped") s += $(i+1) } }
  END { print p + 0, f + 0, s + 0 }')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failed test: counting the aborted run as a failure."
  failed=1
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
