#!/usr/bin/env bash
# The pre-commit hook as a user meets it: Debian's pre-commit, this repository cloned as the
# hook source (at HEAD: the hook definition must be committed), the CLI installed from the
# `npm pack` tarball into a temporary prefix. A defective framework blocks the commit; once
# fixed, it passes. Installs pre-commit (apt) when it is missing, as the e2e installer does.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/lib/packed-cli.sh
apt_install_if_missing pre-commit pre-commit
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
install_packed_cli "$WORK"
export PRE_COMMIT_HOME="$WORK/cache"

git clone -q "$ROOT" "$WORK/hook-source"
REV=$(git -C "$WORK/hook-source" rev-parse HEAD)
mkdir "$WORK/plans" && cd "$WORK/plans"
git init -q && git config user.email test@example.invalid && git config user.name test
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $WORK/hook-source
    rev: $REV
    hooks:
      - id: yardstick
YAML
cp "$ROOT/samples/uk-psa-2008.framework.yaml" good.framework.yaml
sed 's/^yardstick: 1/yardstick: 1\nunknown_section: true/' good.framework.yaml > bad.framework.yaml
git add . && git commit -qm start --no-verify

fail() { echo "test-pre-commit: $1" >&2; echo "$out" >&2; exit 1; }
set +e
out=$(pre-commit run --all-files 2>&1); code=$?
set -e
[ $code -ne 0 ] || fail "a defective framework passed the hook"
echo "$out" | grep -q 'bad.framework.yaml' || fail "the hook output does not name the defective file"
echo "$out" | grep -q 'YS002' || fail "the hook output lacks the YS002 finding"
echo "$out" | grep -q 'Unknown key "unknown_section"' || fail "the hook output lacks the finding's message"
cp good.framework.yaml bad.framework.yaml
out=$(pre-commit run --all-files 2>&1) || fail "the fixed framework still fails the hook"
echo "$out" | grep -q '^yardstick check\.*Passed' || fail "the hook did not report Passed"

# The README's example (a local hook running the installed yardstick), copied as it is written:
# the first yaml block after the line naming .pre-commit-config.yaml.
awk '/in `.pre-commit-config.yaml`:/ { want = 1 } want && /^```yaml$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' \
  "$ROOT/README.md" > .pre-commit-config.yaml
grep -q 'repo: local' .pre-commit-config.yaml || fail "the README's pre-commit example was not found"
sed 's/^yardstick: 1/yardstick: 1\nunknown_section: true/' good.framework.yaml > bad.framework.yaml
set +e
out=$(pre-commit run --all-files 2>&1); code=$?
set -e
[ $code -ne 0 ] || fail "the README's hook let a defective framework pass"
echo "$out" | grep -q 'Unknown key "unknown_section"' || fail "the README's hook output lacks the finding"
cp good.framework.yaml bad.framework.yaml
out=$(pre-commit run --all-files 2>&1) || fail "the README's hook fails a fixed framework"
echo "$out" | grep -q '^yardstick check\.*Passed' || fail "the README's hook did not report Passed"
echo "test-pre-commit: the hook (from a clone, and as the README's local hook) blocks a defective framework and passes a fixed one"
