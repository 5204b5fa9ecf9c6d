#!/usr/bin/env bash
# ./run.sh          run the platform locally: Azurite + the function app in standalone mode on http://127.0.0.1:7071
# ./run.sh publish  build the deployable Azure Functions app (custom handler) into out/app
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "$0")" && pwd)
cd "$REPO_ROOT"
source scripts/azurite.sh
# Web assets (NL Design System CSS, Web Chat) come from npm, pinned, into the app's wwwroot.
if [ -f scripts/web.sh ]; then source scripts/web.sh; prepare_web_assets; fi

if [ "${1:-}" = "publish" ]; then
  out="$REPO_ROOT/out/app"
  rm -rf "$out" && mkdir -p "$out"
  dotnet publish functions/Participation -c Release -r linux-x64 --self-contained true -o "$out/bin" -p:UseAppHost=true
  cp host.json "$out/host.json"
  # function.json files come from the app's own catalogue, never kept by hand.
  ASPNETCORE_ENVIRONMENT=Production FunctionHost__RunTriggers=false "$out/bin/Participation" --write-functions "$out"
  (cd "$out" && rm -f ../app.zip && python3 -c 'import shutil; shutil.make_archive("../app", "zip", ".")')
  echo "Deployable app: $out (zip: out/app.zip)"
  exit 0
fi

PORT=${PORT:-7071}
started=()
cleanup() { for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

ensure_azurite
if (echo >/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "Azurite already listening on 127.0.0.1:10000-10002; using it."
else
  start_azurite "$REPO_ROOT/.azurite" 10000 10001 10002 "$REPO_ROOT/.azurite/azurite.log"
  started+=("$AZURITE_PID")
fi

# LOCAL_OIDC=1: a real OpenID Connect provider on 127.0.0.1:7080 for both staff and residents (see README, "Roles and signing in").
if [ "${LOCAL_OIDC:-}" = "1" ]; then
  source scripts/oidc.sh
  ensure_local_oidc
  mkdir -p "$REPO_ROOT/.azurite"
  start_local_oidc 7080 "http://127.0.0.1:$PORT" "$REPO_ROOT/.azurite/local-oidc.log"
  started+=("$LOCAL_OIDC_PID")
  for kind in Staff Residents; do
    client=$([ "$kind" = Staff ] && echo participation-staff || echo participation-residents)
    secret=$([ "$kind" = Staff ] && echo local-staff-secret || echo local-resident-secret)
    export "Identity__${kind}__Authority=http://127.0.0.1:7080" "Identity__${kind}__Audience=$client" \
      "Identity__${kind}__ClientId=$client" "Identity__${kind}__ClientSecret=$secret"
  done
  export Identity__Residents__Scopes=openid
fi

# The Release build, as a municipality runs it: what a newcomer measures here is what residents get.
dotnet build functions/Participation -c Release -v quiet -nologo
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export AzureWebJobsStorage=${AzureWebJobsStorage:-UseDevelopmentStorage=true}
# Links in e-mails point at this run, whatever port it got.
export Platform__PublicBaseUrl=${Platform__PublicBaseUrl:-http://127.0.0.1:$PORT}
# A year of realisation history for the demo (tests leave it off: 60 extra initiatives would race their counts).
export Demo__History=${Demo__History:-true}
# No tiles by default (no network on the build machines): the maps show neighbourhoods and markers on a blank background.
# Map__TileUrl='https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png' ./run.sh shows PDOK's map.
export Map__TileUrl=${Map__TileUrl-}
dotnet functions/Participation/bin/Release/net10.0/Participation.dll --contentRoot "$REPO_ROOT/functions/Participation" --urls "http://127.0.0.1:$PORT" &
started+=("$!")

for _ in $(seq 1 150); do
  if curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null || { echo "The app did not become healthy." >&2; exit 1; }
cat <<MSG

Participation platform is running (Ctrl-C stops it):
  Site           http://127.0.0.1:$PORT/
  Health         http://127.0.0.1:$PORT/api/health
  API reference  http://127.0.0.1:$PORT/scalar   (OpenAPI: /openapi/v1.json)
  Storage        Azurite on 127.0.0.1:10000-10002, data in .azurite/
MSG
wait
