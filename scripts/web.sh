# Shared by run.sh and test.sh (sourced). Idempotent and quick when nothing changed.
#   prepare_web_assets  NL Design System CSS, Web Chat and Leaflet from npm, pinned by web/package-lock.json, copied into the
#                       app's wwwroot/lib (git-ignored); a stamp with the lock file's hash skips the work next time.
#   ensure_chromium     Debian's chromium for the browser tests (never a browser downloaded by Playwright).
REPO_ROOT=${REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
WEB_LIB="$REPO_ROOT/functions/Participation/wwwroot/lib"

prepare_web_assets() {
  local web="$REPO_ROOT/web" stamp="$WEB_LIB/.package-lock.sha256" hash
  hash=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    return 0
  fi

  echo "Installing web assets (web/package-lock.json) into functions/Participation/wwwroot/lib ..."
  # --ignore-scripts: only prebuilt files from dist/ are used, nothing is built or run at install.
  (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || return 1
  local modules="$web/node_modules"
  rm -rf "$WEB_LIB"
  mkdir -p "$WEB_LIB/utrecht" "$WEB_LIB/webchat" "$WEB_LIB/leaflet"
  cp "$modules/@utrecht/design-tokens/dist/index.css" "$WEB_LIB/utrecht/design-tokens.css"
  cp "$modules/@utrecht/component-library-css/dist/index.css" "$WEB_LIB/utrecht/component-library.css"
  cp "$modules/@utrecht/component-library-css/LICENSE.md" "$WEB_LIB/utrecht/LICENSE.md" 2>/dev/null || true
  cp "$modules/botframework-webchat/dist/webchat.js" "$WEB_LIB/webchat/webchat.js"
  cp "$modules/botframework-webchat/dist/webchat.js.LICENSE.txt" "$WEB_LIB/webchat/webchat.js.LICENSE.txt"
  cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$modules/leaflet/LICENSE" "$WEB_LIB/leaflet/"
  cp -r "$modules/leaflet/dist/images" "$WEB_LIB/leaflet/images"
  echo "$hash" > "$stamp"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi

  echo "Installing Debian's chromium for the browser tests ..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
  [ -x /usr/bin/chromium ]
}
