import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Linux only: everything here reads /proc.

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const parsed = Number(result.stdout);
    ticksPerSecond = Number.isFinite(parsed) && parsed > 0 ? parsed : 100;
  }
  return ticksPerSecond;
}

/** The pid and its descendants, found through /proc/<pid>/task/children. */
export function processTree(pid: number): number[] {
  const found = [pid];
  for (let index = 0; index < found.length; index++) {
    const current = found[index] as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue; // Gone in the meantime.
    }
    for (const task of tasks) {
      const children = readOrEmpty(`/proc/${current}/task/${task}/children`);
      for (const child of children.split(/\s+/)) {
        if (child !== "") found.push(Number(child));
      }
    }
  }
  return found;
}

/** User plus system CPU time of the processes, in milliseconds. */
export function cpuTimeMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    // The command name may hold spaces and parentheses: split after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat(5); the slice starts at field 3.
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return (ticks * 1000) / clockTicks();
}

/** Resident memory of the processes, in KiB. */
export function residentKiB(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(
      readOrEmpty(`/proc/${pid}/status`),
    );
    total += Number(match?.[1] ?? 0);
  }
  return total;
}

export function commandLine(pid: number): string {
  return readOrEmpty(`/proc/${pid}/cmdline`).split("\0").join(" ").trim();
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
