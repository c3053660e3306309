#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit, rule, CLI and protocol tests (mocha), the
# pre-commit hook through Debian's pre-commit, the README's Neovim 0.7 set-up in headless
# Neovim and its Emacs set-up in batch Emacs, then the end-to-end test in a real VS Code
# (code-server + Chromium). Each installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm test
bash scripts/test-pre-commit.sh
bash scripts/test-neovim.sh
bash scripts/test-emacs.sh
if [ -f scripts/e2e/install.sh ] && [ -f test/e2e/run.mjs ] && [ "${YARDSTICK_SKIP_E2E:-}" != 1 ]; then
  bash scripts/e2e/test.sh
fi
