#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database. Stop the platform first.
#   deploy/restore.sh BACKUP_DIR DATABASE [DATA_DIR]
# DATABASE: postgres://…/db (an existing, empty database) or sqlite:/path/lianxin.db (must not exist yet).
set -euo pipefail
IN=${1:?backup folder}; DB=${2:?database}; DATA=${3:-data}
export PATH="$PATH:/usr/lib/postgresql/15/bin"
case "$DB" in
  postgres://*|postgresql://*) pg_restore --no-owner --exit-on-error --dbname="$DB" "$IN/lianxin.dump" ;;
  *) FILE=${DB#sqlite:}
     [ -e "$FILE" ] && { echo "$FILE exists: restore into a new file"; exit 1; }
     mkdir -p "$(dirname "$FILE")"; cp "$IN/lianxin.db" "$FILE" ;;
esac
if [ -d "$IN/keys" ]; then mkdir -p "$DATA/keys"; cp -p "$IN/keys/"* "$DATA/keys/"; fi
echo "restored $(cat "$IN/created-at" 2>/dev/null) backup into $DB"
