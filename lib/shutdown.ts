// Shared through globalThis: the proxy, which refuses requests while the
// process drains, is bundled apart from the route handlers but runs in the
// same process. This module imports nothing so that the proxy can use it.
const state = globalThis as unknown as { parleyShutdownSince?: number };

/** True once SIGTERM or SIGINT arrived: no new work is taken. */
export function isShuttingDown(): boolean {
  return state.parleyShutdownSince !== undefined;
}

/** Marks the process as draining; returns when that began. */
export function beginShutdown(): number {
  state.parleyShutdownSince ??= Date.now();
  return state.parleyShutdownSince;
}
