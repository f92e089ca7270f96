// Generates the Prisma client into lib/db/generated.
//
// The Prisma 7 CLI downloads a native schema engine before `generate` even
// though generation never uses it, and that download fails offline. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips it.
//
// Usage: node scripts/prisma-generate.mjs [--force]

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const outputDir = path.join(root, "lib/db/generated");
const hashPath = path.join(outputDir, ".schema-hash");
const require = createRequire(import.meta.url);

function fingerprint() {
  const hash = createHash("sha256");
  hash.update(readFileSync(schemaPath));
  for (const name of ["prisma", "@prisma/client"]) {
    hash.update(`\n${name}@${require(`${name}/package.json`).version}`);
  }
  return hash.digest("hex");
}

function isUpToDate(expected) {
  return (
    existsSync(path.join(outputDir, "client.ts")) &&
    existsSync(hashPath) &&
    readFileSync(hashPath, "utf8").trim() === expected
  );
}

const expected = fingerprint();
if (!process.argv.includes("--force") && isUpToDate(expected)) {
  console.log("prisma client: up to date");
  process.exit(0);
}

const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  cwd: root,
  encoding: "utf8",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});

if (result.status !== 0) {
  process.stderr.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  const reason = result.error?.message ?? `exit code ${result.status}`;
  console.error(`prisma client: generation failed (${reason})`);
  process.exit(1);
}

writeFileSync(hashPath, `${expected}\n`);
console.log("prisma client: generated");
