// The production build a server or an image runs: `npm run build:standalone`
// into its own dist dir, the database migrated by `npm run db:migrate`, then
// `node server.js` from the standalone folder, with nothing else of the
// checkout beside it (its working directory is the standalone folder).

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { databaseFile, readMessages, storedText } from "../api/helpers";
import { FAKE_OPENROUTER_URL, TEST_API_KEY } from "../support/config";
import { expect, test } from "../support/fixtures";

const root = path.resolve(import.meta.dirname, "../..");
const distDir = ".next-standalone";
const port = 3707;
const url = `http://127.0.0.1:${port}`;
const databaseUrl = "file:./data/test/standalone.db";
let server: ChildProcess | undefined;
let output = "";

test.use({ baseURL: url });

function runStep(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  expect(result.status, `${args.join(" ")}\n${result.stderr}`).toBe(0);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  runStep(["scripts/build-standalone.mjs"], { NEXT_DIST_DIR: distDir });
  const file = databaseFile(databaseUrl);
  spawnSync("rm", ["-f", file, `${file}-wal`, `${file}-shm`]);
  runStep(["node_modules/tsx/dist/cli.mjs", "scripts/migrate.ts"], {
    DATABASE_URL: databaseUrl,
  });

  server = spawn(process.execPath, ["server.js"], {
    cwd: path.join(root, distDir, "standalone"),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      PARLEY_ACCOUNTS: "off",
      DATABASE_URL: `file:${file}`,
      OPENROUTER_API_KEY: TEST_API_KEY,
      OPENROUTER_BASE_URL: `${FAKE_OPENROUTER_URL}/api/v1`,
      APP_URL: url,
      SHUTDOWN_GRACE_SECONDS: "5",
    },
    stdio: "pipe",
  });
  for (const stream of [server.stdout, server.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      output += String(chunk);
    });
  }
  await expect
    .poll(
      () =>
        fetch(`${url}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe(200);
});

test.afterAll(() => {
  server?.kill("SIGKILL");
});

test("the standalone server serves the app and stops cleanly", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  const prompt = uniquePrompt("Hello from production");
  await fake.script(prompt, { kind: "stream", text: "Served standalone." });

  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("nonce-");
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("Served standalone.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  const conversationId = chat.conversationId();
  const rows = readMessages(conversationId, databaseUrl);
  expect(rows.map((row) => row.status)).toEqual(["complete", "complete"]);
  expect(storedText(rows[1])).toBe("Served standalone.");

  const running = server;
  if (!running) throw new Error("the server did not start");
  const exited = new Promise<number | null>((resolve) =>
    running.once("exit", (code) => resolve(code)),
  );
  running.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(output).toContain('"msg":"shut down"');
});
