#!/usr/bin/env bash
# End-to-end test in a real VS Code: installs code-server + Chromium (cached outside the
# project), packages the extension, runs test/e2e/scenario.mjs against a copy of samples/.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
bash scripts/e2e/install.sh
npm run package
VSIX="$PWD/yardstick.vsix" WORKSPACE="$PWD/samples" node test/e2e/run.mjs
echo "e2e: passed in $(( $(date +%s) - start )) s (install + package + run)"
