#!/usr/bin/env bash
# The README's Emacs set-up as a user meets it: Debian's Emacs (28) with its eglot (1.9) and
# yaml-mode packages, the snippet copied verbatim from README.md as the init file, the CLI
# installed from the `npm pack` tarball into a temporary prefix. Batch Emacs opens a framework
# with a known defect; eglot must connect, Flymake must show the server's YS101 diagnostic,
# eldoc's hover must answer with text, and "Show documentation" must name the installed page.
# Installs emacs-nox, elpa-eglot and elpa-yaml-mode (apt) when Emacs is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib/packed-cli.sh
apt_install_if_missing emacs emacs-nox elpa-eglot elpa-yaml-mode
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
install_packed_cli "$WORK"
# A home of its own, so that the machine user's init file, packages and eglot state stay out.
export HOME="$WORK/home" && mkdir -p "$HOME/.emacs.d"

# The Emacs Lisp block that follows the "**Emacs**" heading in the README, byte for byte, as
# the user's init file.
INIT="$HOME/.emacs.d/init.el"
awk '/^\*\*Emacs\*\*/ { found = 1; next } found && /^```elisp/ { inside = 1; next } inside && /^```/ { exit } inside { print }' README.md > "$INIT"
fail() { echo "test-emacs: $1" >&2; cat "$WORK/out.txt" "$WORK/emacs.log" >&2 2>/dev/null || true; exit 1; }
grep -q 'eglot-server-programs' "$INIT" || fail "README.md has no Emacs snippet"
emacs --batch --eval '(kill-emacs (if (and (locate-library "eglot") (locate-library "yaml-mode")) 0 1))' 2>/dev/null ||
  fail "this Emacs has no eglot or no yaml-mode (Debian: apt-get install elpa-eglot elpa-yaml-mode)"

mkdir "$WORK/plans"
write_framework_missing_baseline "$WORK/plans/plan.framework.yaml"
cd "$WORK/plans" && git init -q
# `--batch' alone skips the init file and package activation (so yaml-mode's autoloads);
# `-u ""' starts as the user of $HOME does: packages activated, then ~/.emacs.d/init.el.
YARDSTICK_EMACS_OUT="$WORK/out.txt" timeout 90 emacs --batch -u '' plan.framework.yaml \
  -l "$ROOT/test/emacs/check.el" >"$WORK/emacs.log" 2>&1 || fail "emacs exited with an error"
[ -s "$WORK/out.txt" ] || fail "emacs wrote nothing"
grep -q '^mode yardstick-mode$' "$WORK/out.txt" || fail "the framework file did not open in yardstick-mode"
grep -q '^server yardstick' "$WORK/out.txt" || fail "eglot did not connect to the Yardstick server"
grep -q '^diagnostic [0-9]*:[0-9]* yardstick \[YS101\]: ' "$WORK/out.txt" || fail "Flymake shows no YS101 diagnostic for the removed baseline"
grep -q '^hover `baseline` / .' "$WORK/out.txt" || fail "no hover text on baseline"
expect_docs_page_named "$WORK/out.txt"
cat "$WORK/out.txt"
echo "test-emacs: Emacs $(emacs --batch --eval '(princ emacs-version)' 2>/dev/null) with the README snippet shows $(grep -c '^diagnostic' "$WORK/out.txt") diagnostic(s) in Flymake, YS101 among them, a hover, and Show documentation names the installed page"
