# Shared by the tests that use Yardstick as a user installs it (sourced, not run).

# apt_install_if_missing COMMAND PACKAGE...: install Debian packages when the command is missing.
apt_install_if_missing() {
  if ! command -v "$1" >/dev/null 2>&1; then
    local sudo=""; if [ "$(id -u)" != 0 ]; then sudo="sudo -n"; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${@:2}" >/dev/null
  fi
}

# install_packed_cli DIR: the `npm pack` tarball installed into DIR/prefix, put first on PATH.
install_packed_cli() {
  [ -f dist/cli.js ] || npm run build >/dev/null
  npm pack --ignore-scripts --pack-destination "$1" >/dev/null 2>&1
  npm install --global --offline --no-audit --no-fund --prefix "$1/prefix" "$1"/yardstick-*.tgz >/dev/null 2>&1
  export PATH="$1/prefix/bin:$PATH"
}

# write_framework_missing_baseline FILE: the UK sample with its first `baseline:` mapping (the
# key line and its more-indented lines) removed, so YS101 (missing baseline) must be reported.
write_framework_missing_baseline() {
  python3 - samples/uk-psa-2008.framework.yaml "$1" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split('\n')
for i, line in enumerate(lines):
    m = re.match(r'^(\s*)baseline:', line)
    if m:
        indent = len(m.group(1)); j = i + 1
        while j < len(lines) and (lines[j].strip() == '' or len(lines[j]) - len(lines[j].lstrip()) > indent):
            j += 1
        del lines[i:j]
        break
open(sys.argv[2], 'w').write('\n'.join(lines))
PY
}

# expect_docs_page_named OUT: the editor's "Show documentation for YS101" line in OUT is the
# server's answer to a client without window/showDocument, naming an installed page. The
# caller's `fail MESSAGE` reports a miss.
expect_docs_page_named() {
  local docs
  docs=$(sed -n 's/^docs error This editor cannot open pages for the language server (it does not support window\/showDocument)\. The documentation of YS101 is //p' "$1")
  [ -n "$docs" ] || fail "Show documentation for YS101 was not answered with the page to open"
  [ -f "$(python3 -c 'import sys, urllib.parse as u; print(u.unquote(u.urlparse(sys.argv[1]).path))' "$docs")" ] || fail "the page $docs is not installed"
}
