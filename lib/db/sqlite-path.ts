import path from "node:path";

/**
 * Turns `file:./data/parley.db` into an absolute file path. Relative paths
 * are taken from the working directory, which is the project root for every
 * entry point (npm scripts, `next start`, the test runner).
 */
export function sqliteFilePath(databaseUrl: string): string {
  const withoutScheme = databaseUrl.replace(/^file:/, "").split("?")[0] ?? "";
  if (withoutScheme === "") {
    throw new Error(`DATABASE_URL has no file path: ${databaseUrl}`);
  }
  // The database lives outside the build; keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), withoutScheme);
}
