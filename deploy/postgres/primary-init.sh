#!/bin/sh
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d), after
# 01-clinic-roles.sql: the role the replica streams as, allowed to replicate. The clinic's own
# roles (owner, application role, the API's login) come from that file.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v replication_password="$REPLICATION_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD %L', :'replication_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replicator') \gexec
SQL

# The image's pg_hba.conf lets "all" databases in by password, which does not cover replication.
grep -q '^host replication replicator all' "$PGDATA/pg_hba.conf" || printf '\nhost replication replicator all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
