// prisma/postgresql/schema.prisma is prisma/schema.prisma with another
// datasource provider and client output: the models are written once.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const POSTGRESQL_SCHEMA = "prisma/postgresql/schema.prisma";

const header =
  "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs " +
  "(npm run db:generate).\n// Edit prisma/schema.prisma instead; " +
  "lib/db/provider.test.ts fails when this file differs.\n\n";

const replacements = [
  [/(\n\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"'],
  [
    /(\n\s*output\s*=\s*)"\.\.\/lib\/db\/generated"/,
    '$1"../../lib/db/generated-postgresql"',
  ],
];

/** The PostgreSQL schema text for a given SQLite schema text. */
export function derivePostgresqlSchema(sqliteSchema) {
  let text = sqliteSchema;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(text)) {
      throw new Error(
        `prisma/schema.prisma: cannot derive the PostgreSQL schema, ` +
          `${pattern} not found`,
      );
    }
    text = text.replace(pattern, replacement);
  }
  return header + text;
}

/** Writes the derived schema; returns whether it changed. */
export function writePostgresqlSchema(root) {
  const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  const target = path.join(root, POSTGRESQL_SCHEMA);
  const next = derivePostgresqlSchema(source);
  let current = null;
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // First run: the file is written below.
  }
  if (current === next) return false;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, next);
  return true;
}
