import pg from 'pg';

/**
 * The group role (NOLOGIN) whose members may read and write the clinic's rows and nothing more:
 * the API connects as one of them. Created, and given its rights, by the migration
 * `20261201060437_create_application_role`; an operator makes the API's login a member
 * (`CREATE ROLE clinic_api LOGIN PASSWORD '…' IN ROLE clinic_app`).
 */
export const APPLICATION_ROLE = 'clinic_app';

/** A role name for SQL, quoted as PostgreSQL quotes identifiers. */
export function quoteRole(role: string): string {
  return `"${role.replaceAll('"', '""')}"`;
}

export interface ConnectionPrivileges {
  /** The role a connection to the URL acts as. */
  role: string;
  superuser: boolean;
  /** Has the rights of the owner of a table in the public schema: may alter or drop it, and switch its triggers off. */
  ownsTables: boolean;
  /** Has the rights of APPLICATION_ROLE. */
  applicationRole: boolean;
}

/** What a connection to `databaseUrl` may do beyond rows: how the API checks its own login. */
export async function connectionPrivileges(databaseUrl: string): Promise<ConnectionPrivileges> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<ConnectionPrivileges>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              EXISTS (SELECT FROM pg_tables t WHERE t.schemaname = 'public' AND pg_has_role(t.tableowner, 'USAGE')) AS "ownsTables",
              CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1) THEN pg_has_role($1, 'USAGE') ELSE false END AS "applicationRole"
         FROM pg_roles r WHERE r.rolname = current_user`,
      [APPLICATION_ROLE],
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}
