import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { databaseFile } from "../api/helpers";
import { expect, test } from "../support/fixtures";
import { ownInstance } from "../support/own-instance";

// An instance of its own: these tests empty its list and write dates
// straight into its file, which the shared instance's tests must not see.
// Its port is whatever is free: APP_PORT + 20..23 belong to specs that may
// run at the same time.
const DATABASE_URL = "file:./data/test/history-sidebar.db";
const DAY = 24 * 60 * 60 * 1000;

test.describe.configure({ mode: "serial", timeout: 90_000 });

const app = ownInstance({ databaseUrl: DATABASE_URL });

type Row = { title: string; updatedAt: number; pinned?: boolean };

/** Replaces every conversation with `rows`, as Prisma would store them. */
function seed(rows: Row[]): void {
  const db = new Database(databaseFile(DATABASE_URL));
  db.pragma("busy_timeout = 5000");
  try {
    const insert = db.prepare(
      `INSERT INTO "Conversation" ("id", "title", "model", "titleSource",
         "pinned", "createdAt", "updatedAt", "userId")
       VALUES (?, ?, 'openai/gpt-5-mini', 'user', ?, ?, ?, 'local')`,
    );
    db.transaction(() => {
      db.exec('DELETE FROM "Conversation"');
      for (const row of rows) {
        const at = new Date(row.updatedAt).toISOString().replace("Z", "+00:00");
        insert.run(randomUUID(), row.title, row.pinned ? 1 : 0, at, at);
      }
    })();
  } finally {
    db.close();
  }
}

test("headings group the list: Pinned, Today, Previous 7 days, Older", async ({
  page,
}) => {
  const now = Date.now();
  seed([
    { title: "Pinned long ago", updatedAt: now - 400 * DAY, pinned: true },
    { title: "Asked just now", updatedAt: now - 1_000 },
    { title: "Three days back", updatedAt: now - 3 * DAY },
    { title: "A month old", updatedAt: now - 30 * DAY },
    { title: "Last year", updatedAt: now - 300 * DAY },
  ]);
  await page.goto(`${app().url}/`);
  const list = page.getByRole("navigation", { name: "Conversations" });
  await expect(list.getByRole("heading")).toHaveText([
    "Pinned",
    "Today",
    "Previous 7 days",
    "Older",
  ]);
  const group = (name: string) =>
    list.getByRole("region", { name }).getByRole("link");
  await expect(group("Pinned")).toHaveText(["Pinned long ago"]);
  await expect(group("Today")).toHaveText(["Asked just now"]);
  await expect(group("Previous 7 days")).toHaveText(["Three days back"]);
  await expect(group("Older")).toHaveText(["A month old", "Last year"]);
});

test("the list loads 50 at first, the rest on scroll, in order, without duplicates", async ({
  page,
}) => {
  const now = Date.now();
  const titles = Array.from(
    { length: 120 },
    (_, index) => `Paged ${String(index).padStart(3, "0")}`,
  );
  // Paged 000 is the newest; two share a time, so the id decides.
  seed(
    titles.map((title, index) => ({
      title,
      updatedAt: now - Math.min(index, 118) * 60_000,
    })),
  );
  const expected = [...titles.slice(0, 118)];
  await page.goto(`${app().url}/`);
  const list = page.getByRole("navigation", { name: "Conversations" });
  const links = list.getByRole("link");
  await expect(links).toHaveCount(50);
  // Still 50 a moment later: nothing loads before the end is in view.
  await page.waitForTimeout(500);
  await expect(links).toHaveCount(50);

  await expect(async () => {
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    expect(await links.count()).toBe(120);
  }).toPass({ timeout: 20_000 });
  await expect(list.getByTestId("load-more")).toHaveCount(0);

  const shown = await links.allTextContents();
  expect(new Set(shown).size).toBe(120);
  expect(shown.slice(0, 118)).toEqual(expected);
  expect(shown.slice(118).toSorted()).toEqual(titles.slice(118).toSorted());
});

test("a change after scrolling keeps every loaded row", async ({ page }) => {
  const now = Date.now();
  const titles = Array.from({ length: 80 }, (_, index) => `Row ${index}`);
  seed(
    titles.map((title, index) => ({ title, updatedAt: now - index * 1000 })),
  );
  await page.goto(`${app().url}/`);
  const list = page.getByRole("navigation", { name: "Conversations" });
  const links = list.getByRole("link");
  await expect(async () => {
    await list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    expect(await links.count()).toBe(80);
  }).toPass({ timeout: 20_000 });

  const last = list.getByRole("listitem").filter({
    has: page.getByRole("link", { name: "Row 79", exact: true }),
  });
  await last.getByRole("button", { name: "Conversation actions" }).click();
  await page.getByRole("menuitem", { name: "Pin" }).click();
  await expect(
    list.getByRole("region", { name: "Pinned" }).getByRole("link"),
  ).toHaveText(["Row 79"]);
  await expect(links).toHaveCount(80);
  expect(new Set(await links.allTextContents()).size).toBe(80);
});

test("GET /api/conversations pages by cursor and refuses a bad cursor or limit", async () => {
  const now = Date.now();
  seed([
    { title: "E", updatedAt: now - 4_000 },
    { title: "Pinned", updatedAt: now - 9_000, pinned: true },
    { title: "C", updatedAt: now - 2_000 },
    { title: "D", updatedAt: now - 3_000 },
    { title: "B", updatedAt: now - 1_000 },
  ]);
  type Page = { conversations: { title: string }[]; nextCursor: string | null };
  const get = (query: string) =>
    fetch(`${app().url}/api/conversations${query}`);
  const titles: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
    const response = await get(query);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    titles.push(page.conversations.map((item) => item.title));
    cursor = page.nextCursor;
  } while (cursor);
  expect(titles).toEqual([["Pinned", "B"], ["C", "D"], ["E"]]);

  const forged = Buffer.from('[false,"soon","x"]').toString("base64url");
  for (const query of [
    "?limit=0",
    "?limit=101",
    "?limit=ten",
    "?limit=1.5",
    "?cursor=not-a-cursor",
    `?cursor=${forged}`,
    "?page=2",
  ]) {
    const response = await get(query);
    expect(response.status, query).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "bad_request:api",
        message: expect.any(String),
        status: 400,
      },
    });
  }
});
