/**
 * Where the server listens, as far as the process can tell: `next start`
 * and `next dev` take `-H`/`--hostname`, the standalone server.js reads
 * HOSTNAME. Without either, Next listens on every interface.
 */
export function boundHost({
  argv,
  hostnameVariable,
}: {
  argv: readonly string[];
  hostnameVariable: string | undefined;
}): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === "-H" || arg === "--hostname") return argv[index + 1];
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
  }
  return hostnameVariable || undefined;
}

/** Whether only this machine can reach a server bound to `host`. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    bare === "localhost" ||
    bare === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    bare === "::ffff:127.0.0.1"
  );
}

/**
 * Why single-user mode may not run here, in words for the operator; null
 * when it may.
 */
export function singleUserRefusal(host: string | undefined): string | null {
  if (isLoopbackHost(host)) return null;
  const where = host ? `on ${host}` : "on every network interface";
  return (
    `PARLEY_ACCOUNTS=off turns sign-in off, so anyone who can reach the ` +
    `server could read every conversation and use your OpenRouter key. ` +
    `It is only allowed on localhost, but the server would listen ${where}. ` +
    `Set HOST=127.0.0.1 (or remove PARLEY_ACCOUNTS=off to use accounts).`
  );
}
