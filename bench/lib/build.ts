import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./servers";

/**
 * scripts/lib/setup.mjs's buildIfStale, in a child process: it exits on a
 * failed build. `next build` rewrites tsconfig.json; put it back as it was.
 */
export function buildIfStale(): void {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig);
  const result = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'import("./scripts/lib/setup.mjs").then((setup) => setup.buildIfStale())',
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (!readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
  if (result.status !== 0) {
    console.error("The build failed; fix it (or run `npx next build`) first.");
    process.exit(1);
  }
}
