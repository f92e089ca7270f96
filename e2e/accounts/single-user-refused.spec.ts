// PARLEY_ACCOUNTS=off is for a Parley only this machine can reach: started
// to listen on every interface, it refuses to run and says why.

import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "../support/fixtures";
import { freePort } from "../support/ports";

const root = path.resolve(import.meta.dirname, "../..");

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += String(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += String(chunk);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("npm start refuses single-user mode on 0.0.0.0, before any setup", async () => {
  const { code, output } = await run(process.execPath, ["scripts/start.mjs"], {
    PARLEY_ACCOUNTS: "off",
    HOST: "0.0.0.0",
    PORT: "1",
  });
  expect(code).toBe(1);
  expect(output).toContain("PARLEY_ACCOUNTS=off");
  expect(output).toContain("only allowed on localhost");
  expect(output).toContain("on 0.0.0.0");
  expect(output).not.toContain("Building");
});

test("the server itself refuses it when bound to every interface", async () => {
  const port = await freePort();
  const { code, output } = await run(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "0.0.0.0"],
    {
      PARLEY_ACCOUNTS: "off",
      DATABASE_URL: `file:./data/test/refused-${port}.db`,
    },
  );
  expect(code).toBe(1);
  expect(output).toContain("only allowed on localhost");
});
