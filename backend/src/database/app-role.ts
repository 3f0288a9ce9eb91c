/**
 * The rights of the role the app connects as in production (DATABASE_URL) when migrations run as the schema
 * owner (MIGRATION_DATABASE_URL): read and write the data, append to the audit log, nothing more. It cannot
 * create, alter or drop tables, nor disable the audit log's append-only triggers (only the owner could), and the
 * audit log refuses it UPDATE, DELETE and TRUNCATE by privilege as well as by trigger (docs/security.md).
 */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function appRoleGrants(role: string, schema = 'public'): string[] {
  if (!ROLE_NAME.test(role)) throw new Error(`Not a plain role name: ${role}`);
  if (!ROLE_NAME.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
  const all = `ALL TABLES IN SCHEMA "${schema}"`;
  return [
    `GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`,
    `REVOKE CREATE ON SCHEMA "${schema}" FROM "${role}"`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${all} TO "${role}"`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON "${schema}"."audit_log" FROM "${role}"`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "${schema}"."schema_migrations" FROM "${role}"`,
    // Tables that later migrations create get the same rights; the audit log is never recreated.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${role}"`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA "${schema}" GRANT USAGE, SELECT ON SEQUENCES TO "${role}"`,
  ];
}
