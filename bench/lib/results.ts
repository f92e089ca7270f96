import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Machine } from "./machine";
import { round } from "./stats";

export type Comparison = "<=" | "<" | ">=" | "==";

export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** The reference's figure from the same run (the pipe, the bare page). */
  reference?: { label: string; value: number };
  /** Absent for figures that are recorded without a goal. */
  target?: { comparison: Comparison; value: number; label?: string };
  met?: boolean;
  note?: string;
};

export type BenchmarkResult = {
  id: string;
  title: string;
  figures: Figure[];
  /** Raw samples and settings, for the JSON only. */
  details: Record<string, unknown>;
  seconds: number;
  /** 1-minute load average before and after: the machine is shared. */
  load: { before: number; after: number };
  error?: string;
};

export type RunReport = {
  date: string;
  command: string;
  quick: boolean;
  machine: Machine;
  results: BenchmarkResult[];
};

/** A figure with its target checked; NaN (nothing measured) never meets. */
export function figure(input: Omit<Figure, "met">): Figure {
  const { target } = input;
  const value = round(input.value, 3);
  const reference = input.reference && {
    ...input.reference,
    value: round(input.reference.value, 3),
  };
  if (!target) return { ...input, value, reference };
  const met =
    Number.isFinite(value) &&
    {
      "<=": value <= target.value,
      "<": value < target.value,
      ">=": value >= target.value,
      "==": value === target.value,
    }[target.comparison];
  return { ...input, value, reference, met };
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = round(value, digits).toLocaleString("en-US");
  if (unit === "") return text;
  return unit === "×" || unit === "%" ? `${text}${unit}` : `${text} ${unit}`;
}

const symbols: Record<Comparison, string> = {
  "<=": "≤",
  "<": "<",
  ">=": "≥",
  "==": "=",
};

function targetText(item: Figure): string {
  if (!item.target) return "(recorded)";
  const { comparison, value, label } = item.target;
  return label ?? `${symbols[comparison]} ${formatValue(value, item.unit)}`;
}

function verdict(item: Figure): string {
  if (item.met === undefined) return "";
  return item.met ? "met" : "**MISSED**";
}

export function markdownTable(results: BenchmarkResult[]): string {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const rows = [
    row([
      "Benchmark",
      "Figure",
      "Value",
      "Reference, same run",
      "Target",
      "Result",
    ]),
    row(["---", "---", "---:", "---", "---", "---"]),
  ];
  for (const result of results) {
    if (result.error) {
      const failure = `failed: ${oneLine(result.error)}`;
      rows.push(row([result.title, failure, "", "", "", "**FAILED**"]));
    }
    for (const item of result.figures) {
      const reference = item.reference
        ? `${item.reference.label}: ${formatValue(item.reference.value, item.unit)}`
        : "";
      rows.push(
        row([
          result.title,
          item.name,
          formatValue(item.value, item.unit),
          reference,
          targetText(item),
          verdict(item),
        ]),
      );
    }
  }
  return rows.join("\n");
}

export function summary(results: BenchmarkResult[]): string {
  const checked = results.flatMap((result) =>
    result.figures.filter((item) => item.met !== undefined),
  );
  const met = checked.filter((item) => item.met).length;
  const failed = results.filter((result) => result.error).length;
  const failures = failed > 0 ? `; ${failed} benchmark(s) failed to run` : "";
  return `${met} of ${checked.length} targets met${failures}`;
}

function markdownReport(report: RunReport, jsonName: string): string {
  const { machine } = report;
  const notes = report.results.flatMap((result) =>
    result.figures
      .filter((item) => item.note)
      .map((item) => `- ${result.title}, ${item.name}: ${item.note}`),
  );
  const loads = report.results
    .map((result) => `${result.id} ${result.load.before}→${result.load.after}`)
    .join(", ");
  return [
    "# Parley benchmarks",
    "",
    `${report.date}${report.quick ? " — **quick run** (small counts, a smoke test)" : ""}, \`${report.command}\`.`,
    "",
    `Machine: ${machine.cores} × ${machine.model}, ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, Linux ${machine.kernel}. Commit ${machine.commit}` +
      `${machine.dirty ? " with uncommitted changes" : ""}.`,
    `Load average (1 min): ${machine.loadAtStart} at the start, ` +
      `${machine.loadAtEnd ?? "?"} at the end; per benchmark ${loads}.`,
    "",
    "Every figure is measured against a reference in the same run (the fake",
    "OpenRouter directly, a bare byte pipe, a bare page), with requests",
    "alternating between the two, so that a busy machine slows both.",
    "",
    markdownTable(report.results),
    "",
    `${summary(report.results)}.`,
    "",
    ...(notes.length > 0 ? ["Notes:", "", ...notes, ""] : []),
    `Raw samples: [${jsonName}](./${jsonName}).`,
    "",
  ].join("\n");
}

/** Writes `<dir>/<date>.json` and `<dir>/latest.md`; returns their paths. */
export function writeReport(report: RunReport, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  const stamp = report.date.replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const jsonName = `${stamp}.json`;
  const jsonFile = path.join(directory, jsonName);
  const markdownFile = path.join(directory, "latest.md");
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdownFile, markdownReport(report, jsonName));
  return [jsonFile, markdownFile];
}

/** Lays the JSON out as the project's formatter would (`npm test` lints). */
export function formatJson(file: string, root: string): void {
  spawnSync(
    path.join(root, "node_modules/.bin/biome"),
    ["format", "--write", file],
    {
      cwd: root,
      stdio: "ignore",
    },
  );
}

function oneLine(text: string): string {
  return text.split("\n")[0]?.replace(/\|/g, "/").slice(0, 160) ?? "";
}
