#!/bin/sh
# Run by the postgres image once, when it initialises an empty data volume: Qinglang's and Keycloak's roles and
# databases from qinglang-roles.sql, with the passwords compose passes in from .env. A later change of a password in
# .env does not reach an existing volume: run qinglang-roles.sql again (docs/deployment.md says how).
set -eu
: "${QINGLANG_DB_OWNER_PASSWORD:?}" "${QINGLANG_DB_APP_PASSWORD:?}" "${KEYCLOAK_DB_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$QINGLANG_DB_OWNER_PASSWORD" \
  -v app_password="$QINGLANG_DB_APP_PASSWORD" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" \
  -f /qinglang/qinglang-roles.sql
