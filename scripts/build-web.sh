#!/usr/bin/env bash
# Builds the console (web/) into src/Lianxin/wwwroot, skipping the work when nothing changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f web/package.json ] || { echo "no web/ folder"; exit 1; }
stamp=src/Lianxin/wwwroot/.build-stamp
# The console's API types are generated from docs/openapi.json, so a contract change must rebuild (and re-check) it.
sum=$( (find web -path web/node_modules -prune -o -type f -print; echo docs/openapi.json) | LC_ALL=C sort | xargs sha1sum | sha1sum | cut -c1-40)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f src/Lianxin/wwwroot/index.html ]; then
  echo "console is up to date"; exit 0
fi
cd web
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run build --silent
cd ..
echo "$sum" > "$stamp"
