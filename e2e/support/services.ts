// The services some tests need besides the app: Redis (and PostgreSQL).
// Where one cannot be reached its tests are skipped with the reason, except
// under CI=true, where every service must be there and its absence fails.

import net from "node:net";

export const TEST_REDIS_URL =
  process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether something accepts TCP connections at a service URL's address. */
export function isReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Undefined when the service is there; otherwise the reason to skip. Under
 * CI=true an unreachable service throws instead, failing the run.
 */
export async function missingService(
  name: string,
  url: string,
): Promise<string | undefined> {
  if (await isReachable(url)) return undefined;
  const reason = `${name} not reachable at ${new URL(url).host}`;
  if (process.env.CI === "true") {
    throw new Error(`${reason}; CI=true requires it`);
  }
  return reason;
}

/** A database on the standard local PostgreSQL; tests add `?schema=`. */
export const TEST_POSTGRESQL_URL =
  process.env.E2E_POSTGRESQL_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
