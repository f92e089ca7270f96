import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { FAKE_OPENROUTER_URL, TEST_API_KEY } from "./config";

const root = path.resolve(import.meta.dirname, "../..");

export type AppServer = {
  url: string;
  process: ChildProcess;
  /** Sends a signal and waits for the process to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type AppOptions = {
  port: number;
  databaseUrl: string;
  /** Start from an empty database file. */
  fresh?: boolean;
  env?: Record<string, string | undefined>;
  /** Inherit stdout/stderr (for the long-lived server). */
  inheritOutput?: boolean;
};

export function appEnv({
  port,
  databaseUrl,
  env = {},
}: AppOptions): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    OPENROUTER_API_KEY: TEST_API_KEY,
    OPENROUTER_BASE_URL: `${FAKE_OPENROUTER_URL}/api/v1`,
    OPENROUTER_AUTH_URL: `${FAKE_OPENROUTER_URL}/auth`,
    APP_URL: `http://127.0.0.1:${port}`,
    // Every spec chats from 127.0.0.1, far more often than a person would;
    // e2e/limits/ turns the limit on for its own instances.
    RATE_LIMIT_CHAT_PER_MINUTE: "0",
    RATE_LIMIT_SIGN_IN_PER_MINUTE: "0",
    // The suite runs single-user on loopback (the server listens on
    // 127.0.0.1, see startApp); e2e/accounts/ starts instances with
    // PARLEY_ACCOUNTS=on.
    PARLEY_ACCOUNTS: "off",
    ...env,
  };
  // An explicit undefined removes the variable (e.g. no API key).
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
  }
  return merged;
}

export function prepareDatabase(options: AppOptions): void {
  if (options.fresh) {
    const file = path.resolve(root, options.databaseUrl.replace(/^file:/, ""));
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      rmSync(`${file}${suffix}`, { force: true });
    }
  }
  const result = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["scripts/migrate.ts"],
    { cwd: root, env: appEnv(options), encoding: "utf8" },
  );
  if (result.status !== 0) {
    throw new Error(`migration failed: ${result.stderr || result.stdout}`);
  }
}

/** Starts the built app (`next start`) and waits until it answers. */
export async function startApp(options: AppOptions): Promise<AppServer> {
  prepareDatabase(options);
  const child: ChildProcess = spawn(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: appEnv(options),
      stdio: options.inheritOutput ? "inherit" : "pipe",
    },
  );
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHealth(url, child, output);
  return {
    url,
    process: child,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: string[],
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`app exited early:\n${output.join("")}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`app did not become healthy:\n${output.join("")}`);
}
