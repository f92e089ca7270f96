// The setup steps `npm start` and `npm test` share. Each is a fast no-op when
// there is nothing to do, so both commands work on a fresh clone and stay
// quick on the second run.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Next.js would otherwise report anonymous usage; a self-hosted app keeps
// quiet unless its operator says otherwise.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);

/** Runs a command in the project root; exits the process if it fails. */
export function run(command, args, { env = {}, label = command } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(
      `\n${label} failed (exit ${result.status ?? result.signal}).`,
    );
    process.exit(result.status ?? 1);
  }
}

export function bin(name) {
  return path.join(root, "node_modules/.bin", name);
}

/** Loads .env into process.env without overriding what is already set. */
export function loadDotEnv() {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const installed = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (
    existsSync(installed) &&
    statSync(installed).mtimeMs >= statSync(lock).mtimeMs
  ) {
    return;
  }
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"], { label: "npm ci" });
}

export function generateClient() {
  run(process.execPath, ["scripts/prisma-generate.mjs"], {
    label: "Prisma client generation",
  });
}

export function migrate(env = {}) {
  run(bin("tsx"), ["scripts/migrate.ts"], { env, label: "Database migration" });
}

const buildInputs = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function hashInputs() {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) {
        if (entry === "generated" || entry.endsWith(".test.ts")) continue;
        visit(path.join(relative, entry));
      }
      return;
    }
    hash.update(`${relative}\0`);
    hash.update(readFileSync(full));
  };
  for (const input of buildInputs) visit(input);
  return hash.digest("hex");
}

/** `next build` unless the last build was made from the same sources. */
export function buildIfStale() {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  const stamp = path.join(distDir, "parley-build-hash");
  const expected = hashInputs();
  if (
    existsSync(path.join(distDir, "BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === expected
  ) {
    console.log("build: up to date");
    return;
  }
  console.log("Building Parley (next build)…");
  run(bin("next"), ["build"], { label: "next build" });
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, expected);
}

/**
 * The address `npm start` listens on: HOST, else every interface, else
 * (single-user mode) 127.0.0.1. Single-user mode on any other address is
 * refused with the reason; the server checks again itself
 * (lib/auth/bind-address.ts, which this mirrors).
 */
export function listenHost() {
  const host = process.env.HOST?.trim() || undefined;
  if (process.env.PARLEY_ACCOUNTS !== "off") return host;
  if (!host) return "127.0.0.1";
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  const loopback =
    bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
  if (!loopback) {
    console.error(
      "PARLEY_ACCOUNTS=off turns sign-in off, so anyone who can reach the " +
        "server could read every conversation and use your OpenRouter key. " +
        `It is only allowed on localhost, but the server would listen on ${host}. ` +
        "Set HOST=127.0.0.1 (or remove PARLEY_ACCOUNTS=off to use accounts).",
    );
    process.exit(1);
  }
  return host;
}
