# Shared by run.sh and test.sh: the local OpenID Connect provider (tests/Participation.LocalOidc, npm oidc-provider pinned there).
REPO_ROOT=${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LOCAL_OIDC_DIR="$REPO_ROOT/tests/Participation.LocalOidc"

ensure_local_oidc() {
  if [ ! -f "$LOCAL_OIDC_DIR/node_modules/oidc-provider/package.json" ]; then
    echo "Installing the local OpenID Connect provider into tests/Participation.LocalOidc ..."
    (cd "$LOCAL_OIDC_DIR" && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
}

# start_local_oidc <port> <app-urls, comma-separated> <log-file>; sets LOCAL_OIDC_PID
start_local_oidc() {
  PORT="$1" APP_URLS="$2" node "$LOCAL_OIDC_DIR/provider.mjs" >"$3" 2>&1 &
  LOCAL_OIDC_PID=$!
  for _ in $(seq 1 100); do
    if grep -q "local-oidc ready" "$3" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "The local OpenID Connect provider did not start; see $3" >&2
  return 1
}
