#!/bin/sh
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d): the role
# the replica streams as, and the application role the APIs connect as. The migrations grant that
# role what it may do on the tables; a clinic's DBA may create it beforehand instead.
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v replication_password="$REPLICATION_PASSWORD" -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD %L', :'replication_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'replicator') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SQL

# The image's pg_hba.conf lets "all" databases in by password, which does not cover replication.
grep -q '^host replication replicator all' "$PGDATA/pg_hba.conf" || printf '\nhost replication replicator all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
