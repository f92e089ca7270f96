import { boundHost, singleUserRefusal } from "@/lib/auth/bind-address";
import { ensureLocalUser } from "@/lib/auth/session";
import { markStreamingAsInterrupted } from "@/lib/db/messages";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { handleShutdownSignals } from "@/lib/server-shutdown";

export async function onServerStart(): Promise<void> {
  // A bad setting stops the server here, with the variable named, rather
  // than surfacing as a failed request later.
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (env.PARLEY_ACCOUNTS === "off") {
    const refusal = singleUserRefusal(
      boundHost({
        argv: process.argv,
        hostnameVariable: process.env.HOSTNAME,
      }),
    );
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }
  handleShutdownSignals({ graceSeconds: env.SHUTDOWN_GRACE_SECONDS });

  // A reply still marked `streaming` belonged to a process that is gone
  // (crash, kill, restart), so it can never finish: mark it interrupted so
  // the page says so.
  try {
    const count = await markStreamingAsInterrupted();
    if (count > 0) log.warn("replies interrupted by a restart", { count });
    // Single-user mode: the local user exists and owns rows made before.
    if (env.PARLEY_ACCOUNTS === "off") await ensureLocalUser();
  } catch (error) {
    log.error("startup check failed", describeError(error));
  }
}
