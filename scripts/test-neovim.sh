#!/usr/bin/env bash
# The README's Neovim 0.7 set-up as a user meets it: Debian's Neovim (0.7), the snippet copied
# verbatim from README.md as init.lua, the CLI installed from the `npm pack` tarball into a
# temporary prefix. Headless Neovim opens a framework with a known defect; the server's
# diagnostic and a hover must arrive, and "Show documentation" must name the installed page.
# Installs neovim (apt) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib/packed-cli.sh
apt_install_if_missing nvim neovim
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
install_packed_cli "$WORK"

# The Lua block that follows the "**Neovim 0.7**" heading in the README, byte for byte.
awk '/^\*\*Neovim 0\.7\*\*/ { found = 1; next } found && /^```lua/ { inside = 1; next } inside && /^```/ { exit } inside { print }' README.md > "$WORK/init.lua"
fail() { echo "test-neovim: $1" >&2; cat "$WORK/out.txt" >&2 2>/dev/null || true; exit 1; }
grep -q 'start_client' "$WORK/init.lua" || fail "README.md has no Neovim 0.7 Lua snippet"

mkdir "$WORK/plans"
write_framework_missing_baseline "$WORK/plans/plan.framework.yaml"
cd "$WORK/plans" && git init -q
YARDSTICK_NVIM_OUT="$WORK/out.txt" timeout 90 nvim --headless -n -i NONE -u "$WORK/init.lua" \
  -c "luafile $ROOT/test/neovim/check.lua" plan.framework.yaml >/dev/null 2>"$WORK/nvim.err" || fail "nvim exited with an error: $(cat "$WORK/nvim.err")"
[ -s "$WORK/out.txt" ] || fail "nvim wrote nothing"
grep -q '^clients 1$' "$WORK/out.txt" || fail "the buffer has no Yardstick client attached"
grep -q '^diagnostic [0-9]*:[0-9]* YS101 ' "$WORK/out.txt" || fail "no YS101 diagnostic for the removed baseline"
grep -q '^hover .' "$WORK/out.txt" || fail "no hover text on baseline"
expect_docs_page_named "$WORK/out.txt"
cat "$WORK/out.txt"
echo "test-neovim: Neovim $(nvim --version | head -1 | cut -d' ' -f2) with the README snippet shows $(grep -c '^diagnostic' "$WORK/out.txt") diagnostic(s), YS101 among them, a hover, and Show documentation names the installed page"
