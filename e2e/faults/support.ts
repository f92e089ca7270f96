// Shared by the fault specs: extra app instances with their output kept,
// their memory read from /proc, and their database checked on disk.

import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseFile } from "../api/helpers";
import { type AppServer, startApp } from "../support/app-server";

/** One port per spec, inside the 3700–3799 range kept for these tests. */
export const FAULT_PORTS = {
  upstreamIdle: 3701,
  serverKill: 3702,
  hostileInput: 3703,
  hostileContent: 3704,
  load: 3705,
  shutdown: 3706,
  redisDown: 3708,
} as const;

/** Where an instance on `port` answers; what `startApp` reports too. */
export function appUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export function faultDatabase(name: string): string {
  return `file:./data/test/faults-${name}.db`;
}

export type FaultApp = AppServer & {
  databaseUrl: string;
  /** Everything the server wrote to stdout and stderr since it answered. */
  output: () => string;
};

/**
 * Starts an instance of the built app and keeps its output. `startApp`
 * pipes stdout and stderr when it does not inherit them; the lines written
 * before the first health check are not needed by any fault spec.
 */
export async function startFaultApp({
  port,
  name,
  fresh = true,
  env,
}: {
  port: number;
  name: string;
  fresh?: boolean;
  env?: Record<string, string>;
}): Promise<FaultApp> {
  const databaseUrl = faultDatabase(name);
  const server = await startApp({ port, databaseUrl, fresh, env });
  const chunks: string[] = [];
  for (const stream of [server.process.stdout, server.process.stderr]) {
    stream?.on("data", (chunk: Buffer) => chunks.push(String(chunk)));
  }
  return { ...server, databaseUrl, output: () => chunks.join("") };
}

/**
 * Resident memory of a process in bytes, from `VmRSS` in
 * `/proc/<pid>/status`. `next start` serves from the process it was
 * started as (it only renames itself `next-server`), so the pid of the
 * spawned child is the server's.
 */
export function residentBytes(pid: number | undefined): number {
  if (pid === undefined) throw new Error("the process has no pid");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) * 1024;
}

/** `PRAGMA integrity_check` on the file, read-only. */
export function integrityCheck(databaseUrl: string): unknown {
  const db = new Database(databaseFile(databaseUrl), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.pragma("integrity_check", { simple: true });
  } finally {
    db.close();
  }
}
