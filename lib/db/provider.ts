// Which database a DATABASE_URL names, and how to reach it. Shared by the
// app's client, the migrator and the scripts, so that all three read a URL
// the same way.

export const databaseProviders = ["sqlite", "postgresql"] as const;
export type DatabaseProvider = (typeof databaseProviders)[number];

const POSTGRESQL_SCHEME = /^postgres(ql)?:\/\//;
// Quoted nowhere: the name goes into search_path and CREATE SCHEMA, so it
// is held to a plain identifier instead.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function providerForUrl(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (POSTGRESQL_SCHEME.test(databaseUrl)) return "postgresql";
  const scheme = databaseUrl.split(":")[0];
  throw new Error(`DATABASE_URL: unsupported database "${scheme}:"`);
}

export type PostgresqlConnection = {
  /** The URL without Prisma's `schema` parameter, which `pg` ignores. */
  connectionString: string;
  /** `?schema=` as in Prisma's URLs; `public` when absent. */
  schema: string;
};

/**
 * Splits a PostgreSQL URL into what `pg` understands and the schema Prisma
 * keeps its tables in. Every connection gets that schema as its
 * search_path too, so raw SQL (search, migrations) lands beside the tables.
 */
export function postgresqlConnection(
  databaseUrl: string,
): PostgresqlConnection {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `DATABASE_URL: schema "${schema}" must be letters, digits and _`,
    );
  }
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}

/** `pg` pool settings for a PostgreSQL URL. */
export function postgresqlPoolConfig(databaseUrl: string) {
  const { connectionString, schema } = postgresqlConnection(databaseUrl);
  return {
    connectionString,
    options: `-c search_path=${schema}`,
    // Fail a request fast when the server is down rather than hang it.
    connectionTimeoutMillis: 5_000,
  };
}
