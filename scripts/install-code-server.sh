#!/bin/sh
# Installs code-server (VS Code's server build, from npm) into a git-ignored cache folder for the
# offline integration runner. Idempotent: does nothing when the pinned version is already there.
# Needs Debian's ripgrep, libkrb5-dev and build tools (see .ci/run); never downloads a browser.
set -eu
VERSION=4.100.3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CLAIM_TAGGER_CACHE:-$ROOT/.cache}/code-server-$VERSION
ENTRY=$CACHE/node_modules/code-server/out/node/entry.js
if [ -f "$ENTRY" ] && [ -f "$CACHE/.installed" ]; then
  exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }
mkdir -p "$CACHE/tmp/vscode-ripgrep-cache-1.15.11"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds this archive: give it Debian's rg.
tar czf "$CACHE/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
cd "$CACHE"
[ -f package.json ] || echo '{"name":"claim-tagger-code-server-cache","private":true}' > package.json
echo "install-code-server: installing code-server@$VERSION into $CACHE (about 90 s, once)" >&2
# unsafe_perm: its postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp` and would wait for a prompt.
TMPDIR="$CACHE/tmp" npm_config_dangerously_allow_all_scripts=true npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
  npm install --no-audit --no-fund --no-save code-server@$VERSION >&2
test -f "$ENTRY"
touch "$CACHE/.installed"
