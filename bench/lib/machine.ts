import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { round } from "./stats";

export type Machine = {
  cores: number;
  model: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** 1-minute load average when the run started and when it ended. */
  loadAtStart: number;
  loadAtEnd?: number;
  commit: string;
  /** Uncommitted changes in the checkout the app was built from. */
  dirty: boolean;
};

export function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
  const git = (args: string[]) =>
    spawnSync("git", args, { encoding: "utf8" }).stdout?.trim() ?? "";
  return {
    cores: os.cpus().length,
    model: model ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    kernel: os.release(),
    loadAtStart: loadAverage(),
    commit: git(["rev-parse", "--short", "HEAD"]) || "unknown",
    dirty: git(["status", "--porcelain", "--", ".", ":!bench"]) !== "",
  };
}

export function loadAverage(): number {
  return round(os.loadavg()[0] ?? 0, 2);
}
