#!/usr/bin/env bash
# Idempotent installer for the Yardstick end-to-end harness:
#   - Debian packages: chromium, ripgrep, build tools for code-server's native modules
#   - seeds @vscode/ripgrep's download cache (its postinstall would otherwise hit GitHub)
#   - code-server@4.100.3 into ${YARDSTICK_E2E_CACHE:-$HOME/.cache/yardstick-e2e}/code-server
# Safe to re-run; works as root with CI=true and no stdin.
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
RIPGREP_PKG_VERSION="${RIPGREP_PKG_VERSION:-1.15.11}"   # @vscode/ripgrep used by code-server 4.100.3
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CACHE="${YARDSTICK_E2E_CACHE:-$HOME/.cache/yardstick-e2e}"
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

T0=$(date +%s)
step_start=$T0
step() { local now; now=$(date +%s); echo "[e2e-install] $1 (+$((now - step_start))s, total $((now - T0))s)"; step_start=$now; }

exec </dev/null
export DEBIAN_FRONTEND=noninteractive

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo -n"; fi

# 1. apt packages -----------------------------------------------------------
if command -v chromium >/dev/null 2>&1 && command -v rg >/dev/null 2>&1; then
  step "chromium and rg present, skipping apt-get"
else
  echo "[e2e-install] installing Debian packages"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    chromium ripgrep build-essential python3 pkg-config \
    libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ca-certificates >/dev/null
  step "apt packages installed"
fi

# 2. seed @vscode/ripgrep cache ---------------------------------------------
TMPROOT="$(node -p 'require("os").tmpdir()')"
RG_CACHE="$TMPROOT/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
if [ ! -s "$RG_CACHE/$RIPGREP_ASSET" ]; then
  seed="$(mktemp -d)"
  mkdir -p "$RG_CACHE"
  cp "$(command -v rg)" "$seed/rg"
  tar -C "$seed" -czf "$RG_CACHE/$RIPGREP_ASSET" rg
  rm -rf "$seed"
  step "seeded ripgrep cache at $RG_CACHE"
else
  step "ripgrep cache already seeded"
fi

# 3. code-server -------------------------------------------------------------
VSC_MODULES="$CS_DIR/node_modules/code-server/lib/vscode/node_modules"
code_server_ok() {
  [ -x "$CS_BIN" ] || return 1
  # Written by code-server's postinstall (an `npm install` inside lib/vscode);
  # missing pieces mean npm skipped install scripts.
  [ -d "$VSC_MODULES" ] || return 1
  [ -x "$VSC_MODULES/@vscode/ripgrep/bin/rg" ] || return 1
  [ -f "$VSC_MODULES/node-pty/build/Release/pty.node" ] || return 1
  "$CS_BIN" --version >/dev/null 2>&1 || return 1
}

npm_install_code_server() {  # extra env assignments may be passed as arguments
  ( cd "$CS_DIR" && env "$@" \
    npm_config_yes=true npm_config_unsafe_perm=true npm_config_ignore_scripts=false \
    npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
    npm install --save-exact --foreground-scripts "code-server@$CODE_SERVER_VERSION" ) \
    >> "$CACHE/npm-install.log" 2>&1
}

if code_server_ok; then
  step "code-server already installed: $("$CS_BIN" --version | head -1)"
else
  mkdir -p "$CS_DIR"
  # The cache folder is its own npm project. npm 11 has an install-script policy
  # (allowScripts): code-server's postinstall (which npm-installs lib/vscode and
  # builds node-pty, spdlog, ...) and argon2's build must be allowed to run.
  cat > "$CS_DIR/package.json" <<JSON
{
  "name": "yardstick-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  : > "$CACHE/npm-install.log"
  echo "[e2e-install] npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (about 1 min)"
  # npm_config_yes: node-pty's install runs `npx node-gyp`
  # npm_config_unsafe_perm: code-server's postinstall refuses root otherwise
  # --foreground-scripts: postinstall output lands in the log (and makes failures visible)
  if ! npm_install_code_server; then
    tail -50 "$CACHE/npm-install.log"
    echo "[e2e-install] npm install failed, log: $CACHE/npm-install.log" >&2
    exit 1
  fi
  step "npm install finished (log: $CACHE/npm-install.log)"
  if ! code_server_ok; then
    # The nested `npm install` in lib/vscode is a separate project our allowScripts
    # does not cover; if a stricter npm skipped its scripts, allow them for this
    # pinned, throwaway install only.
    echo "[e2e-install] lib/vscode native modules missing (install scripts skipped?); retrying with npm_config_dangerously_allow_all_scripts=true"
    grep -i "install-scripts" "$CACHE/npm-install.log" | tail -20 || true
    npm_install_code_server npm_config_dangerously_allow_all_scripts=true || true
    # `npm install` of an already-present package may not rerun its scripts: rebuild does.
    ( cd "$CS_DIR" && env npm_config_dangerously_allow_all_scripts=true npm_config_yes=true \
      npm_config_unsafe_perm=true npm rebuild --foreground-scripts code-server ) >> "$CACHE/npm-install.log" 2>&1 || true
    step "retry finished"
  fi
  if ! code_server_ok; then
    tail -50 "$CACHE/npm-install.log"
    echo "[e2e-install] code-server installed but its postinstall did not complete (lib/vscode/node_modules, rg or pty.node missing, or --version fails); log: $CACHE/npm-install.log" >&2
    exit 1
  fi
  step "code-server ready: $("$CS_BIN" --version | head -1)"
fi

echo "[e2e-install] done in $(( $(date +%s) - T0 ))s; code-server: $CS_BIN"
