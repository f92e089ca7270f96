import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, providerPaths } from "./migrate";

/**
 * For tests of a data migration: an SQLite database in `dir` migrated up to,
 * not including, the migration whose name ends in `_<suffix>`, as an install
 * from before it had it. Returns its URL and that migration's full name;
 * `migrateDatabase({ databaseUrl })` then applies it and what follows.
 */
export async function olderInstall({
  dir,
  suffix,
}: {
  dir: string;
  suffix: string;
}): Promise<{ databaseUrl: string; migration: string }> {
  const { migrationsDir } = providerPaths("sqlite");
  const migration = readdirSync(migrationsDir).find((name) =>
    name.endsWith(`_${suffix}`),
  );
  if (!migration) throw new Error(`no migration named *_${suffix}`);
  const before = path.join(dir, `migrations-before-${suffix}`);
  cpSync(migrationsDir, before, {
    recursive: true,
    filter: (source) => {
      const [folder = ""] = path
        .relative(migrationsDir, source)
        .split(path.sep);
      return !/^\d{14}_/.test(folder) || folder < migration;
    },
  });
  const databaseUrl = `file:${path.join(dir, `before-${suffix}.db`)}`;
  await migrateDatabase({ databaseUrl, migrationsDir: before });
  return { databaseUrl, migration };
}
