import { countGenerations, stopGenerations } from "@/lib/chat/generations";
import { log } from "@/lib/log";
import { beginShutdown, isShuttingDown } from "@/lib/shutdown";

/**
 * Takes over SIGTERM and SIGINT from Next, whose own handler waits for open
 * connections with no deadline. Parley stops taking requests (the proxy
 * answers 503), lets replies in flight run for `graceSeconds`, then stops
 * the rest, which the reply recorder saves as interrupted, and exits.
 */
export function handleShutdownSignals({
  graceSeconds,
}: {
  graceSeconds: number;
}): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (isShuttingDown()) return;
      void drain({ signal, graceSeconds }).then(() => process.exit(0));
    });
  }
}

async function drain({
  signal,
  graceSeconds,
}: {
  signal: NodeJS.Signals;
  graceSeconds: number;
}): Promise<void> {
  const since = beginShutdown();
  const inFlight = countGenerations();
  log.info("shutting down", { signal, replies: inFlight, graceSeconds });
  const finished = await waitForReplies(graceSeconds * 1000);
  if (!finished) {
    const stopped = stopGenerations({ reason: "shutdown" });
    // A stopped reply ends its stream and is saved a moment later.
    const saved = await waitForReplies(5_000);
    log.warn("replies interrupted by shutdown", { count: stopped, saved });
  }
  log.info("shut down", { durationMs: Date.now() - since });
}

async function waitForReplies(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (countGenerations() > 0) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
