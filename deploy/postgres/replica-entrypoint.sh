#!/bin/sh
# The streaming replica: on its first start, a copy of the primary (pg_basebackup -R writes
# standby.signal and the connection to follow); afterwards PostgreSQL resumes streaming on its own.
set -eu

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -U replicator -q; do sleep 1; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -U replicator -D "$PGDATA" -R -X stream --checkpoint=fast
  chmod 0700 "$PGDATA"
fi

exec postgres -c hot_standby=on
