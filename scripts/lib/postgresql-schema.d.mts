export const POSTGRESQL_SCHEMA: string;
export function derivePostgresqlSchema(sqliteSchema: string): string;
export function writePostgresqlSchema(root: string): boolean;
