#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data volume: creates the role the app connects as
# (DATABASE_URL). The schema owner (POSTGRES_USER) runs the migrations; the app's start then grants this role
# read/write on the data and read/append on the audit log only (docs/security.md, "Production checklist").
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$JIXIAO_APP_PASSWORD" <<'SQL'
CREATE ROLE jixiao_app LOGIN PASSWORD :'app_password';
SQL
