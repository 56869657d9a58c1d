#!/usr/bin/env bash
# Backs up a Lianxin database, consistently, while the platform runs.
#   deploy/backup.sh DATABASE OUT_DIR [DATA_DIR]
# DATABASE: postgres://user[:pass]@host[:port]/db  → pg_dump (custom format) into OUT_DIR/lianxin.dump
#           sqlite:/path/lianxin.db or /path/lianxin.db → SQLite online backup into OUT_DIR/lianxin.db
# DATA_DIR (default: data): its keys/ folder is copied too — without the privacy keys the encrypted
# ID and phone numbers in a backup cannot be read. Keep backups as safe as the keys.
set -euo pipefail
DB=${1:?database}; OUT=${2:?output folder}; DATA=${3:-data}
export PATH="$PATH:/usr/lib/postgresql/15/bin"
mkdir -p "$OUT"
case "$DB" in
  postgres://*|postgresql://*) pg_dump --format=custom --no-owner --file="$OUT/lianxin.dump" "$DB" ;;
  *) FILE=${DB#sqlite:}; sqlite3 "$FILE" ".backup '$OUT/lianxin.db'" ;;
esac
if [ -d "$DATA/keys" ]; then mkdir -p "$OUT/keys"; cp -p "$DATA/keys/"* "$OUT/keys/"; fi
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/created-at"
echo "backup written to $OUT"
