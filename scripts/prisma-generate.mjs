// Generates the Prisma clients: lib/db/generated (SQLite) and
// lib/db/generated-postgresql. Prisma 7's query compiler is per provider,
// so each database needs its own client.
//
// prisma/schema.prisma is the one source of the models; the PostgreSQL
// schema is derived from it (see scripts/lib/postgresql-schema.mjs) and
// written first, so that the two never drift.
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
import { writePostgresqlSchema } from "./lib/postgresql-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const clients = [
  { schema: "prisma/schema.prisma", output: "lib/db/generated" },
  {
    schema: "prisma/postgresql/schema.prisma",
    output: "lib/db/generated-postgresql",
  },
];

function fingerprint(schemaPath) {
  const hash = createHash("sha256");
  hash.update(readFileSync(schemaPath));
  for (const name of ["prisma", "@prisma/client"]) {
    hash.update(`\n${name}@${require(`${name}/package.json`).version}`);
  }
  return hash.digest("hex");
}

function isUpToDate(outputDir, expected) {
  const hashPath = path.join(outputDir, ".schema-hash");
  return (
    existsSync(path.join(outputDir, "client.ts")) &&
    existsSync(hashPath) &&
    readFileSync(hashPath, "utf8").trim() === expected
  );
}

function generate(schema, outputDir, expected) {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(
    process.execPath,
    [cli, "generate", "--schema", schema],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    const reason = result.error?.message ?? `exit code ${result.status}`;
    console.error(`prisma client (${schema}): generation failed (${reason})`);
    process.exit(1);
  }
  writeFileSync(path.join(outputDir, ".schema-hash"), `${expected}\n`);
}

writePostgresqlSchema(root);
const force = process.argv.includes("--force");
for (const { schema, output } of clients) {
  const outputDir = path.join(root, output);
  const expected = fingerprint(path.join(root, schema));
  if (!force && isUpToDate(outputDir, expected)) {
    console.log(`prisma client (${output}): up to date`);
    continue;
  }
  generate(schema, outputDir, expected);
  console.log(`prisma client (${output}): generated`);
}
