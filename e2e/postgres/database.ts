// PostgreSQL for tests: each run works in schemas of its own
// (`parley_<label>_<random>`), created by the migrator and dropped after,
// so runs in parallel on one server never see each other's rows. Nothing
// here touches `public` or a schema it did not make.

import { randomBytes } from "node:crypto";
import pg from "pg";
import { missingService, TEST_POSTGRESQL_URL } from "../support/services";

let reachability: Promise<string | undefined> | undefined;

/**
 * Why PostgreSQL tests cannot run ("PostgreSQL not reachable at
 * 127.0.0.1:5432"), or undefined. Under CI=true it rejects instead.
 */
export function postgresqlSkipReason(): Promise<string | undefined> {
  reachability ??= missingService("PostgreSQL", TEST_POSTGRESQL_URL);
  return reachability;
}

/** A DATABASE_URL for a schema no other run uses; it does not exist yet. */
export function freshSchemaUrl(label: string): string {
  const url = new URL(TEST_POSTGRESQL_URL);
  const suffix = randomBytes(4).toString("hex");
  url.searchParams.set("schema", `parley_${label}_${suffix}`);
  return url.toString();
}

function schemaOf(databaseUrl: string): string {
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? "";
  // Only ever a schema made by freshSchemaUrl.
  if (!/^parley_\w+_[0-9a-f]{8}$/.test(schema)) {
    throw new Error(`not a test schema: ${schema}`);
  }
  return schema;
}

/** Runs one job on a client whose search_path is the URL's schema. */
export async function withClient<T>(
  databaseUrl: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const url = new URL(databaseUrl);
  url.searchParams.delete("schema");
  const client = new pg.Client({
    connectionString: url.toString(),
    options: `-c search_path=${schemaOf(databaseUrl)}`,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function queryRows<T>(
  databaseUrl: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query(sql, values);
    return result.rows as T[];
  });
}

export async function dropSchema(databaseUrl: string): Promise<void> {
  const schema = schemaOf(databaseUrl);
  await withClient(databaseUrl, (client) =>
    client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
  );
}
