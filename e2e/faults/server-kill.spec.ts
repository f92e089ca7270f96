// The server dies with SIGKILL in the middle of a reply (no shutdown hook
// runs) and starts again on the same database file.

import { readMessages, storedText } from "../api/helpers";
import { expect, test } from "../support/fixtures";
import {
  appUrl,
  FAULT_PORTS,
  type FaultApp,
  integrityCheck,
  startFaultApp,
} from "./support";

const port = FAULT_PORTS.serverKill;
const name = "server-kill";
let app: FaultApp | undefined;

test.use({ baseURL: appUrl(port) });

test.afterAll(async () => {
  await app?.stop();
});

test("a reply cut by SIGKILL is interrupted after the restart, nothing else", async ({
  chat,
  fake,
  page,
  uniquePrompt,
}) => {
  test.setTimeout(90_000);
  app = await startFaultApp({ port, name });
  const prompt = uniquePrompt("Tell a long story");
  const after = uniquePrompt("Are you back?");
  await fake.script(prompt, {
    kind: "stream",
    text: Array.from({ length: 60 }, (_, index) => `s${index}`).join(" "),
    tokenDelayMs: 150,
  });
  await fake.script(after, { kind: "stream", text: "Back and well." });
  await chat.open();
  await chat.send(prompt);
  await expect(chat.lastAssistant()).toContainText("s3");
  const conversationId = chat.conversationId();
  expect(
    readMessages(conversationId, app.databaseUrl).map((row) => row.status),
  ).toEqual(["complete", "streaming"]);

  const killed = app;
  const exited = new Promise((resolve) => killed.process.once("exit", resolve));
  expect(killed.process.kill("SIGKILL")).toBe(true);
  await exited;
  expect(killed.process.signalCode).toBe("SIGKILL");
  // The file as the dead process left it, WAL included.
  expect(integrityCheck(killed.databaseUrl)).toBe("ok");

  app = await startFaultApp({ port, name, fresh: false });

  const rows = readMessages(conversationId, app.databaseUrl);
  expect(rows.map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "interrupted"],
  ]);
  expect(storedText(rows[0])).toBe(prompt);
  expect(rows[1]?.parentId).toBe(rows[0]?.id);
  expect(integrityCheck(app.databaseUrl)).toBe("ok");

  await page.reload();
  await expect(chat.userMessages()).toHaveText([prompt]);
  const interrupted = chat.lastAssistant();
  await expect(interrupted).toHaveAttribute("data-status", "interrupted");
  await expect(interrupted).toContainText(/interrupted/i);

  // The conversation goes on from there.
  await chat.send(after);
  await expect(chat.lastAssistant()).toContainText("Back and well.");
  await expect(chat.lastAssistant()).toHaveAttribute("data-status", "complete");
  await expect(chat.userMessages()).toHaveText([prompt, after]);
  await expect(chat.assistantMessages().first()).toHaveAttribute(
    "data-status",
    "interrupted",
  );
  const final = readMessages(conversationId, app.databaseUrl);
  expect(final.map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "interrupted"],
    ["user", "complete"],
    ["assistant", "complete"],
  ]);
  expect(integrityCheck(app.databaseUrl)).toBe("ok");
});
