-- The local stack's database roles, created once, when the postgres container first initialises
-- its data directory (docker-entrypoint-initdb.d). They are the roles the README's "Database roles"
-- section asks an operator to create; the passwords are for this local stack only.
--   clinic_owner  owns the clinic database and its tables: migrations and seeds (MIGRATION_DATABASE_URL)
--   clinic_app    the group the migration gives row rights to (it would create it, but the owner
--                 here may not create roles)
--   clinic_api    the API's login, a member of clinic_app (DATABASE_URL)
CREATE ROLE clinic_owner LOGIN PASSWORD 'owner-local-only';
CREATE DATABASE clinic OWNER clinic_owner;
CREATE ROLE clinic_app NOLOGIN;
CREATE ROLE clinic_api LOGIN PASSWORD 'api-local-only' IN ROLE clinic_app;
