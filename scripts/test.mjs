// `npm test`: the whole suite from any state of the checkout, as CI runs it.
// Sets up what it needs (dependencies, Debian's Chromium, the database
// client, a build), runs lint, type check, unit tests and the Playwright
// suite, and ends with one summary line. Every stage runs even when an
// earlier one failed, except the browser suite, which needs a build.
// PostgreSQL and Redis tests are skipped, with the reason in the summary,
// when those servers cannot be reached; with CI=true they fail instead.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  bin,
  buildIfStale,
  ensureDependencies,
  generateClient,
  root,
  run,
} from "./lib/setup.mjs";

const results = [];

function stage(name, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = result.status === 0;
  console.log(`\n${ok ? "✓" : "✗"} ${name} (${seconds} s)\n`);
  return ok;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${chromium}. Install Debian's package ` +
        "(sudo apt-get install -y chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
  console.log("Installing Debian's Chromium (apt-get)…");
  run("apt-get", ["update", "-qq"], { label: "apt-get update" });
  run("apt-get", ["install", "-y", "-qq", "chromium"], {
    label: "apt-get install chromium",
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(root, file), "utf8"));
  } catch {
    return undefined;
  }
}

// Reasons given by skipped tests: vitest keeps them in the test's meta
// (e2e/postgres/vitest.ts), Playwright in a "skip" annotation.
function unitSkipReasons(report) {
  const reasons = (report?.testResults ?? []).flatMap((file) =>
    file.assertionResults.map((test) => test.meta?.skipReason),
  );
  return [...new Set(reasons.filter(Boolean))];
}

function e2eSkipReasons(report) {
  const reasons = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== "skipped") continue;
        for (const annotation of test.annotations ?? []) {
          if (annotation.type === "skip" && annotation.description) {
            reasons.push(annotation.description);
          }
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return [...new Set(reasons)];
}

ensureDependencies();
ensureChromium();
generateClient();
mkdirSync(path.join(root, "test-results"), { recursive: true });
for (const file of ["test-results/unit.json", "test-results/e2e.json"]) {
  rmSync(path.join(root, file), { force: true });
}

const lint = stage("lint and format (biome)", bin("biome"), ["ci", "."]);
results.push({ name: "lint", passed: lint ? 1 : 0, failed: lint ? 0 : 1 });

const types = stage("type check (tsc)", bin("tsc"), ["--noEmit"]);
results.push({
  name: "type check",
  passed: types ? 1 : 0,
  failed: types ? 0 : 1,
});

const unitOk = stage("unit and contract tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile=test-results/unit.json",
]);
const unit = readJson("test-results/unit.json");
results.push({
  name: "vitest",
  passed: unit?.numPassedTests ?? 0,
  failed: unit ? unit.numFailedTests : 1,
  skipped: unit?.numPendingTests ?? 0,
  reasons: unitSkipReasons(unit),
  ok: unitOk,
});

buildIfStale();
const e2eOk = stage("browser and route tests (playwright)", bin("playwright"), [
  "test",
]);
const e2eReport = readJson("test-results/e2e.json");
const e2e = e2eReport?.stats;
results.push({
  name: "playwright",
  passed: (e2e?.expected ?? 0) + (e2e?.flaky ?? 0),
  failed: e2e ? e2e.unexpected : 1,
  skipped: e2e?.skipped ?? 0,
  reasons: e2eSkipReasons(e2eReport),
  ok: e2eOk,
});

let passed = 0;
let failed = 0;
let skipped = 0;
console.log("Summary");
for (const result of results) {
  // A runner that failed without reporting a failing test still fails.
  const stageFailed = result.failed || (result.ok === false ? 1 : 0);
  passed += result.passed;
  failed += stageFailed;
  skipped += result.skipped ?? 0;
  // Tests skipped for a missing service (PostgreSQL, Redis) say why.
  const why = result.reasons?.length ? ` (${result.reasons.join("; ")})` : "";
  const extra = result.skipped ? `, ${result.skipped} skipped${why}` : "";
  console.log(
    `  ${result.name.padEnd(12)} ${result.passed} passed, ${stageFailed} failed${extra}`,
  );
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
