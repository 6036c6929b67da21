-- The roles and database Qinglang needs in PostgreSQL (and Keycloak's, when asked), as dev mode makes them
-- (infra.dev.DatabaseProvisioning). Run it once with psql as a superuser, or your provider's administrator:
--
--   psql "host=db.example.org user=postgres dbname=postgres" \
--     -v owner_password="$QINGLANG_DB_OWNER_PASSWORD" -v app_password="$QINGLANG_DB_APP_PASSWORD" \
--     -f qinglang-roles.sql
--
-- Add -v keycloak_password=... to make Keycloak's role and database in the same server, and -v owner_user=...,
-- -v app_user=..., -v database=... to change the names (then set QINGLANG_DB_* to match). Running it again sets
-- the passwords again and changes nothing else. Qinglang's migrations make the tables at its first start.

\set ON_ERROR_STOP on

SELECT :{?owner_password} AND :{?app_password} AS passwords_given \gset
\if :passwords_given
\else
  DO $$ BEGIN RAISE EXCEPTION 'qinglang-roles.sql needs -v owner_password=... and -v app_password=...'; END $$;
\endif
\if :{?owner_user}
\else
  \set owner_user qinglang_owner
\endif
\if :{?app_user}
\else
  \set app_user qinglang_app
\endif
\if :{?database}
\else
  \set database qinglang
\endif

-- The owner owns the schema and runs the migrations at start-up; the application never connects as it.
-- Row-level security is forced on the tenant tables, also for their owner: BYPASSRLS lets a migration that changes
-- existing rows see every tenant's, as in dev mode, where the owner is the superuser. It gives the owner nothing it
-- could not take anyway (an owner may switch the forcing off on its own tables).
SELECT format('CREATE ROLE %I', :'owner_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner_user') \gexec
ALTER ROLE :"owner_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS PASSWORD :'owner_password';

-- The application's role is deliberately weak: row-level security is the second wall between tenants, and a
-- superuser or a BYPASSRLS role would walk straight through it. The migrations grant it what it needs.
SELECT format('CREATE ROLE %I', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
ALTER ROLE :"app_user" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner_user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app_user";

\if :{?keycloak_password}
  \if :{?keycloak_user}
  \else
    \set keycloak_user keycloak
  \endif
  SELECT format('CREATE ROLE %I', :'keycloak_user')
   WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'keycloak_user') \gexec
  ALTER ROLE :"keycloak_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'keycloak_password';
  SELECT format('CREATE DATABASE %I OWNER %I', 'keycloak', :'keycloak_user')
   WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'keycloak') \gexec
  -- Keycloak's tables are none of Qinglang's business
  REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
\endif
