/**
 * Runs once when a server process starts. A reply still marked `streaming`
 * belonged to a process that is gone (crash, kill, restart), so it can never
 * finish: mark it interrupted so the page says so.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { markStreamingAsInterrupted } = await import("@/lib/db/messages");
  const { log, describeError } = await import("@/lib/log");
  try {
    const count = await markStreamingAsInterrupted();
    if (count > 0) log.warn("replies interrupted by a restart", { count });
  } catch (error) {
    log.error("startup check failed", describeError(error));
  }
}
