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

// P2002 from Prisma; 23505 is PostgreSQL's own code, seen when `pg` is
// reached without Prisma's mapping (raw queries).
function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === "P2002" || code === "23505";
}

// Node's socket errors are what `pg` throws when PostgreSQL is down or
// unreachable; SQLite has no network, so they only ever mean PostgreSQL.
const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/;

function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  return (
    error.name.startsWith("PrismaClient") ||
    error.name === "DriverAdapterError" ||
    error.name === "SqliteError" ||
    // pg's server errors carry a five-character SQLSTATE.
    (error.name === "error" && typeof code === "string") ||
    (typeof code === "string" &&
      (/^(P\d{4}|SQLITE_)/.test(code) || NETWORK_CODES.test(code)))
  );
}

function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error
    ? error.code
    : undefined;
}
