#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit, rule, CLI and protocol tests (mocha), then the
# end-to-end test in a real VS Code (code-server + Chromium), which installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm test
if [ -f scripts/e2e/install.sh ] && [ -f test/e2e/run.mjs ] && [ "${YARDSTICK_SKIP_E2E:-}" != 1 ]; then
  bash scripts/e2e/test.sh
fi
