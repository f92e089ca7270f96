// `npm run bench`: Parley's performance against the fake OpenRouter on
// loopback, each figure beside a reference measured in the same run. Writes
// bench/results/latest.md and a dated JSON (bench/results/tmp/ for --quick
// and --only runs).
// Not part of `npm test`.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { browser } from "./browser";
import { concurrency } from "./concurrency";
import { buildIfStale } from "./lib/build";
import type { BenchContext, Benchmark } from "./lib/context";
import { describeMachine, loadAverage } from "./lib/machine";
import {
  type BenchmarkResult,
  formatJson,
  markdownTable,
  type RunReport,
  summary,
  writeReport,
} from "./lib/results";
import { clearConversations } from "./lib/seed";
import {
  type App,
  type Fake,
  root,
  type ServerProcess,
  startBenchApp,
  startFake,
  startPipe,
} from "./lib/servers";
import { sleep, withTimeLimit } from "./lib/timing";
import { persistence } from "./persistence";
import { search } from "./search";
import { share } from "./share";
import { throughput } from "./throughput";
import { ttft } from "./ttft";

const BENCHMARKS: Benchmark[] = [
  ttft,
  throughput,
  concurrency,
  persistence,
  browser,
  search,
  share,
];
const TIME_LIMIT_MS = 5 * 60_000;

const USAGE = `Usage: npm run bench -- [--quick] [--only ${BENCHMARKS.map((b) => b.id).join(",")}]
  --quick  small counts, a smoke run
  --only   run these benchmarks only
Only a complete run writes bench/results/; the others bench/results/tmp/.
The app is built first if its sources changed (NEXT_DIST_DIR picks the
build directory, .next by default).`;

function parseArgs(args: string[]): { quick: boolean; only: Benchmark[] } {
  let quick = false;
  let only = BENCHMARKS;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === "--quick") quick = true;
    else if (arg === "--only" || arg?.startsWith("--only=")) {
      const value = arg === "--only" ? args[++index] : arg.slice(7);
      const ids = (value ?? "").split(",").filter(Boolean);
      const unknown = ids.filter((id) => !BENCHMARKS.some((b) => b.id === id));
      if (ids.length === 0 || unknown.length > 0) {
        fail(`unknown benchmark: ${unknown.join(", ") || "(none)"}`);
      }
      only = BENCHMARKS.filter((benchmark) => ids.includes(benchmark.id));
    } else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option: ${arg}`);
  }
  return { quick, only };
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

async function runBenchmark(
  benchmark: Benchmark,
  context: BenchContext,
): Promise<BenchmarkResult> {
  const started = Date.now();
  const before = loadAverage();
  console.log(`\n== ${benchmark.title} (load ${before})`);
  const base = {
    id: benchmark.id,
    title: benchmark.title,
  };
  try {
    const { figures, details } = await withTimeLimit(
      benchmark.run(context),
      TIME_LIMIT_MS,
    );
    const seconds = (Date.now() - started) / 1000;
    return {
      ...base,
      figures,
      details,
      seconds,
      load: { before, after: loadAverage() },
    };
  } catch (error) {
    console.error(`${benchmark.id} failed:`, error);
    console.error(`The app's last lines:\n${context.app.recentOutput()}`);
    return {
      ...base,
      figures: [],
      details: {},
      seconds: (Date.now() - started) / 1000,
      load: { before, after: loadAverage() },
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function main(): Promise<void> {
  const { quick, only } = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  const date = new Date().toISOString();
  buildIfStale();

  mkdirSync(path.join(root, "bench/results/tmp"), { recursive: true });
  let fake: Fake | undefined;
  let pipe: ServerProcess | undefined;
  let app: App | undefined;
  const stopAll = async () => {
    await app?.stop();
    await pipe?.stop();
    await fake?.stop();
    if (app) {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) {
        rmSync(`${app.databaseFile}${suffix}`, { force: true });
      }
    }
  };
  process.once("SIGINT", () => {
    void stopAll().finally(() => process.exit(130));
  });

  const results: BenchmarkResult[] = [];
  try {
    fake = await startFake();
    pipe = await startPipe(fake.url);
    app = await startBenchApp(fake);
    console.log(
      `app ${app.url} (pid ${app.pid}), fake ${fake.url}, pipe ${pipe.url}`,
    );
    const context: BenchContext = {
      app,
      fake,
      pipe: { ...pipe, baseURL: `${pipe.url}/api/v1` },
      quick,
      log: () => {},
    };
    for (const benchmark of only) {
      // Replies of the previous benchmark are saved just after they end.
      await sleep(1_000);
      clearConversations(app.databaseFile);
      const log = (message: string) =>
        console.log(`[${benchmark.id}] ${message}`);
      results.push(await runBenchmark(benchmark, { ...context, log }));
    }
  } finally {
    await stopAll();
  }

  machine.loadAtEnd = loadAverage();
  const report: RunReport = {
    date,
    command: [
      "npm run bench",
      ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : []),
    ].join(" "),
    quick,
    machine,
    results,
  };
  // Only a complete run replaces the committed results.
  const complete = !quick && only.length === BENCHMARKS.length;
  const directory = path.join(
    root,
    complete ? "bench/results" : "bench/results/tmp",
  );
  const [jsonFile, markdownFile] = writeReport(report, directory);
  if (complete && jsonFile) formatJson(jsonFile, root);

  console.log(`\n${markdownTable(results)}\n\n${summary(results)}.`);
  console.log(
    `Machine: ${machine.cores} × ${machine.model}, Node ${machine.node}; ` +
      `load ${machine.loadAtStart} → ${machine.loadAtEnd}.`,
  );
  console.log(
    `Written: ${path.relative(root, markdownFile ?? "")}, ${path.relative(root, jsonFile ?? "")}`,
  );
  process.exit(results.some((result) => result.error) ? 1 : 0);
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
