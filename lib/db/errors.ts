import { ParleyError } from "@/lib/errors";

/**
 * Runs a database call and turns a failure into a ParleyError that keeps the
 * original as `cause`: an outage is a 503, never a 400.
 */
export async function withDatabase<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ParleyError) throw error;
    // Only failures of the database itself are outages; anything else is a
    // bug and must surface as one, not as "try again later".
    if (!isDatabaseError(error)) throw error;
    if (isUniqueViolation(error)) {
      throw new ParleyError(
        "conflict:message",
        "A message with this id already exists.",
        { cause: error },
      );
    }
    throw new ParleyError(
      "database:api",
      "The database could not be reached. Try again in a moment.",
      { cause: error },
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "P2002"
  );
}

function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name.startsWith("PrismaClient") ||
    error.name === "DriverAdapterError" ||
    error.name === "SqliteError" ||
    (typeof code === "string" && /^(P\d{4}|SQLITE_)/.test(code))
  );
}
