// For vitest files that need PostgreSQL: every test of the file is skipped
// with the reason when the server cannot be reached (the reason is kept in
// the test's meta, where `npm test`'s summary finds it), and fails under
// CI=true.

import { beforeEach } from "vitest";
import { postgresqlSkipReason } from "./database";

declare module "vitest" {
  interface TaskMeta {
    skipReason?: string;
  }
}

/** Call at the top of a file; resolves to the reason, if any. */
export async function skipWithoutPostgresql(): Promise<string | undefined> {
  const reason = await postgresqlSkipReason();
  beforeEach((context) => {
    if (reason === undefined) return;
    context.task.meta.skipReason = reason;
    context.skip(reason);
  });
  return reason;
}
