#!/usr/bin/env bash
# `npm run mutate [-- sla text summary ...] [-- Stryker options]`: StrykerJS with its jest runner on the pure domain modules, one run
# per module folder (default: all five below), each judged by that module's own tests; reports land in
# reports/mutation/<module>.json. Example: `npm run mutate -- triage-learning --concurrency 1`; `text/mask` mutates one
# file of a module (report reports/mutation/text/mask.json).
# Stryker needs Node >= 22, so this script runs it on the Node 24 that scripts/node24.sh keeps in the git-ignored
# .tools/ folder, and installs Stryker itself there on first use. Nothing here runs in CI or
# `npm test`; the project's package-lock.json is untouched (Stryker has its own package.json beside this script).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
tools="$root/.tools"
node_dir="$(bash "$root/scripts/node24.sh")"

stryker_dir="$tools/stryker"
if ! cmp -s "$root/scripts/mutate/package.json" "$stryker_dir/package.json" 2>/dev/null; then
  echo "mutate: installing StrykerJS into .tools/stryker (once)"
  mkdir -p "$stryker_dir"
  cp "$root/scripts/mutate/package.json" "$stryker_dir/package.json"
  (cd "$stryker_dir" && PATH="$node_dir/bin:$PATH" npm install --no-audit --no-fund --no-package-lock --silent)
fi

# The domain tests never load a native module, so the project's node_modules (built for Node 20) serve Node 24 as is.
export PATH="$node_dir/bin:$PATH"
# Module names first; anything from the first option on goes to Stryker (e.g. --mutate 'src/domain/sla/ladder.ts').
modules=()
while [ $# -gt 0 ] && [[ "$1" != -* ]]; do modules+=("$1"); shift; done
[ ${#modules[@]} -eq 0 ] && modules=(sla text summary recommendation triage-learning)
for module in "${modules[@]}"; do
  echo "mutate: src/domain/$module against test/domain/${module%%/*}"
  HANDOFF_MUTATE_MODULE="$module" node "$stryker_dir/node_modules/@stryker-mutator/core/bin/stryker.js" run \
    "$root/scripts/mutate/stryker.config.mjs" "$@"
done
node "$root/scripts/mutate/scores.mjs" "${modules[@]}"
