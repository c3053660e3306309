# Shared by the tests that use Yardstick as a user installs it (sourced, not run).

# apt_install_if_missing COMMAND PACKAGE: install a Debian package when its command is missing.
apt_install_if_missing() {
  if ! command -v "$1" >/dev/null 2>&1; then
    local sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo -n"; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
}

# install_packed_cli DIR: the `npm pack` tarball installed into DIR/prefix, put first on PATH.
install_packed_cli() {
  [ -f dist/cli.js ] || npm run build >/dev/null
  npm pack --ignore-scripts --pack-destination "$1" >/dev/null 2>&1
  npm install --global --offline --no-audit --no-fund --prefix "$1/prefix" "$1"/yardstick-*.tgz >/dev/null 2>&1
  export PATH="$1/prefix/bin:$PATH"
}
