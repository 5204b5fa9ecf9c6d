# Shared by run.sh and test.sh: installs Azurite (pinned) into .tools/ once, and starts it.
AZURITE_VERSION=3.37.0
REPO_ROOT=${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
AZURITE_BIN="$REPO_ROOT/.tools/azurite/node_modules/.bin/azurite"

ensure_azurite() {
  if [ ! -x "$AZURITE_BIN" ] || ! grep -q "\"version\": \"$AZURITE_VERSION\"" "$REPO_ROOT/.tools/azurite/node_modules/azurite/package.json" 2>/dev/null; then
    echo "Installing Azurite $AZURITE_VERSION into .tools/azurite ..."
    mkdir -p "$REPO_ROOT/.tools/azurite"
    npm install --silent --no-audit --no-fund --prefix "$REPO_ROOT/.tools/azurite" "azurite@$AZURITE_VERSION" >/dev/null
  fi
}

# start_azurite <data-folder> <blob-port> <queue-port> <table-port> <log-file>; sets AZURITE_PID
start_azurite() {
  mkdir -p "$1"
  "$AZURITE_BIN" --silent --disableTelemetry --skipApiVersionCheck --loose \
    --location "$1" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$2" --queuePort "$3" --tablePort "$4" >"$5" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if (echo >/dev/tcp/127.0.0.1/"$4") 2>/dev/null && (echo >/dev/tcp/127.0.0.1/"$3") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "Azurite did not start; see $5" >&2
  return 1
}

azurite_connection_string() { # <blob-port> <queue-port> <table-port>
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
