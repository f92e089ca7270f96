import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { FakeOpenRouterClient } from "../../e2e/fake-openrouter/client";
import { startApp } from "../../e2e/support/app-server";
import { commandLine, processTree } from "./process-stats";

export const root = path.resolve(import.meta.dirname, "../..");

/** A server in a process of its own, so its CPU and memory can be read. */
export type ServerProcess = {
  url: string;
  pid: number;
  stop: () => Promise<void>;
};

export type Fake = ServerProcess & {
  baseURL: string;
  control: FakeOpenRouterClient;
};

export type App = ServerProcess & {
  databaseFile: string;
  /** The server's last log lines, for a benchmark that fails. */
  recentOutput: () => string;
};

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The fake OpenRouter, run as `node --import tsx` (one process, no CLI). */
export async function startFake(): Promise<Fake> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await spawnServer(
    ["e2e/fake-openrouter/main.ts"],
    { FAKE_OPENROUTER_PORT: String(port) },
    `${url}/health`,
  );
  return {
    ...server,
    url,
    baseURL: `${url}/api/v1`,
    control: new FakeOpenRouterClient(url),
  };
}

/** The reference: a bare HTTP proxy that pipes the fake's responses. */
export async function startPipe(upstream: string): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await spawnServer(
    ["bench/lib/pipe-proxy.ts"],
    { PIPE_PORT: String(port), PIPE_UPSTREAM: upstream },
    `${url}/health`,
  );
  return { ...server, url };
}

/**
 * The built app (`next start`, honouring NEXT_DIST_DIR) on a database file
 * of its own under bench/results/tmp, talking to the fake.
 */
export async function startBenchApp(fake: Fake): Promise<App> {
  const port = await freePort();
  const relative = `bench/results/tmp/bench-${port}.db`;
  const app = await startApp({
    port,
    databaseUrl: `file:./${relative}`,
    fresh: true,
    env: { OPENROUTER_BASE_URL: fake.baseURL },
  });
  const pid = app.process.pid;
  if (pid === undefined) throw new Error("next start has no pid");
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...String(chunk).trimEnd().split("\n"));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  app.process.stdout?.on("data", keep);
  app.process.stderr?.on("data", keep);
  return {
    url: app.url,
    pid: serverPid(pid),
    databaseFile: path.join(root, relative),
    recentOutput: () => lines.join("\n"),
    stop: () => app.stop(),
  };
}

/** The process that serves requests: `next-server` if `next start` forked. */
function serverPid(startPid: number): number {
  const tree = processTree(startPid);
  return (
    tree.find((pid) => commandLine(pid).includes("next-server")) ?? startPid
  );
}

async function spawnServer(
  args: string[],
  env: Record<string, string>,
  healthUrl: string,
): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const errors: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => errors.push(String(chunk)));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answers(healthUrl)) {
      return { pid: child.pid as number, stop: () => stopChild(child) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopChild(child);
  throw new Error(`${args.join(" ")} did not start:\n${errors.join("")}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
