// Every route of app/ tried as the owner of a conversation, as another
// signed-in user and as an anonymous client, on an instance with accounts
// on. Another user's conversation answers exactly as a missing one (404),
// an anonymous client gets 401 unauthorized:auth, and pages send it to
// sign in. The last test fails when a route is added without a row here.

import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { AppServer } from "../support/app-server";
import { expect, test } from "../support/fixtures";
import {
  client,
  createMember,
  exportFileOf,
  signUp,
  startAccountsApp,
} from "./support";

let app: AppServer;
let owner: APIRequestContext;
let other: APIRequestContext;
let anonymous: APIRequestContext;

const conversationId = randomUUID();
const missingId = randomUUID();
const word = `matrix${randomUUID().slice(0, 8)}`;
let token = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  app = await startAccountsApp("matrix");
  owner = await client(app);
  other = await client(app);
  anonymous = await client(app);
  expect((await signUp(owner, "owner@example.com")).status()).toBe(200);
  await createMember(owner, other, "other@example.com");

  const imported = await owner.post("/api/import", {
    data: matrixExport(conversationId),
  });
  expect(imported.status()).toBe(200);
  const share = await owner.post(
    `/api/conversations/${conversationId}/shares`,
    {
      data: { mode: "live" },
    },
  );
  expect(share.status()).toBe(201);
  token = (await share.json()).link.token;
});

test.afterAll(async () => {
  await Promise.all([owner, other, anonymous].map((api) => api?.dispose()));
  await app?.stop();
});

async function expectCode(response: APIResponse, status: number, code: string) {
  expect(response.status(), await response.text()).toBe(status);
  expect((await response.json()).error.code).toBe(code);
}

type Call = (api: APIRequestContext) => Promise<APIResponse>;

/** Routes about one conversation: the owner's id, as each client. */
const conversationRoutes: [string, Call][] = [
  [
    "GET branch",
    (api) => api.get(`/api/conversations/${conversationId}/branch`),
  ],
  [
    "POST branch",
    (api) =>
      api.post(`/api/conversations/${conversationId}/branch`, {
        data: { messageId: "m2", siblingId: "m1" },
      }),
  ],
  [
    "GET export",
    (api) => api.get(`/api/conversations/${conversationId}/export?format=json`),
  ],
  [
    "PATCH conversation",
    (api) =>
      api.patch(`/api/conversations/${conversationId}`, {
        data: { title: "Renamed" },
      }),
  ],
  [
    "GET shares",
    (api) => api.get(`/api/conversations/${conversationId}/shares`),
  ],
  [
    "POST shares",
    (api) =>
      api.post(`/api/conversations/${conversationId}/shares`, {
        data: { mode: "snapshot" },
      }),
  ],
  ["POST stop", (api) => api.post(`/api/chat/${conversationId}/stop`)],
  ["GET stream", (api) => api.get(`/api/chat/${conversationId}/stream`)],
  [
    "POST chat (regenerate)",
    (api) =>
      api.post("/api/chat", {
        data: {
          trigger: "regenerate-message",
          id: conversationId,
          parentId: "m1",
        },
      }),
  ],
  [
    "POST chat (new message into that id)",
    (api) =>
      api.post("/api/chat", {
        data: {
          trigger: "submit-message",
          id: conversationId,
          message: {
            id: `intruder-${randomUUID()}`,
            role: "user",
            parts: [{ type: "text", text: "hello" }],
          },
        },
      }),
  ],
];

for (const [name, call] of conversationRoutes) {
  test(`${name}: another user gets 404, anonymous 401`, async () => {
    await expectCode(await call(anonymous), 401, "unauthorized:auth");
    await expectCode(await call(other), 404, "not_found:conversation");
  });
}

test("the owner reaches the conversation through those routes", async () => {
  expect(
    (await owner.get(`/api/conversations/${conversationId}/branch`)).status(),
  ).toBe(200);
  expect(
    (
      await owner.get(`/api/conversations/${conversationId}/export?format=json`)
    ).status(),
  ).toBe(200);
  expect(
    (await owner.get(`/api/conversations/${conversationId}/shares`)).status(),
  ).toBe(200);
  expect((await owner.post(`/api/chat/${conversationId}/stop`)).status()).toBe(
    200,
  );
  expect((await owner.get(`/api/chat/${conversationId}/stream`)).status()).toBe(
    204,
  );
  // A missing conversation answers the owner as another's answers the other.
  await expectCode(
    await owner.get(`/api/conversations/${missingId}/branch`),
    404,
    "not_found:conversation",
  );
});

test("lists, search and export hold only one's own conversations", async () => {
  const ownList = await (await owner.get("/api/conversations")).json();
  expect(ownList.conversations.map((item: { id: string }) => item.id)).toEqual([
    conversationId,
  ]);
  const otherList = await (await other.get("/api/conversations")).json();
  expect(otherList.conversations).toEqual([]);

  const found = await (await owner.get(`/api/search?q=${word}`)).json();
  expect(found.results).toHaveLength(1);
  const notFound = await (await other.get(`/api/search?q=${word}`)).json();
  expect(notFound.results).toEqual([]);

  const ownExport = await (await owner.get("/api/export?format=json")).json();
  expect(ownExport.conversations).toHaveLength(1);
  const otherExport = await (await other.get("/api/export?format=json")).json();
  expect(otherExport.conversations).toEqual([]);

  const ownLinks = await (await owner.get("/api/shares")).json();
  expect(ownLinks.links.length).toBeGreaterThan(0);
  const otherLinks = await (await other.get("/api/shares")).json();
  expect(otherLinks.links).toEqual([]);

  for (const url of [
    "/api/conversations",
    `/api/search?q=${word}`,
    "/api/export?format=json",
    "/api/shares",
    "/api/settings",
    "/api/models",
  ]) {
    await expectCode(await anonymous.get(url), 401, "unauthorized:auth");
  }
});

test("settings are per user", async () => {
  const saved = await owner.put("/api/settings", {
    data: { model: "openai/gpt-test", settings: { params: {} } },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  expect((await (await owner.get("/api/settings")).json()).model).toBe(
    "openai/gpt-test",
  );
  expect((await (await other.get("/api/settings")).json()).model).not.toBe(
    "openai/gpt-test",
  );
  await expectCode(
    await anonymous.put("/api/settings", {
      data: { model: "openai/gpt-test", settings: { params: {} } },
    }),
    401,
    "unauthorized:auth",
  );
});

test("import: anonymous 401; the owner's conversation is never merged into", async () => {
  await expectCode(
    await anonymous.post("/api/import", { data: matrixExport(randomUUID()) }),
    401,
    "unauthorized:auth",
  );
  const clash = await other.post("/api/import", {
    data: matrixExport(conversationId),
  });
  await expectCode(clash, 409, "conflict:import");
  const branch = await (
    await owner.get(`/api/conversations/${conversationId}/branch`)
  ).json();
  expect(branch.messages.length).toBeGreaterThan(0);
});

test("share links: public page, continue needs a session, revoke only by the owner", async () => {
  expect((await anonymous.get(`/share/${token}`)).status()).toBe(200);
  await expectCode(
    await anonymous.post(`/api/shares/${token}/continue`),
    401,
    "unauthorized:auth",
  );
  const copied = await other.post(`/api/shares/${token}/continue`);
  expect(copied.status()).toBe(201);
  const copyId = (await copied.json()).conversationId;
  // The copy is the viewer's own, not the owner's.
  expect(
    (await other.get(`/api/conversations/${copyId}/branch`)).status(),
  ).toBe(200);
  await expectCode(
    await owner.get(`/api/conversations/${copyId}/branch`),
    404,
    "not_found:conversation",
  );

  await expectCode(
    await anonymous.delete(`/api/shares/${token}`),
    401,
    "unauthorized:auth",
  );
  await expectCode(
    await other.delete(`/api/shares/${token}`),
    404,
    "not_found:share",
  );
  expect((await anonymous.get(`/share/${token}`)).status()).toBe(200);
  expect((await owner.delete(`/api/shares/${token}`)).status()).toBe(200);
  expect((await anonymous.get(`/share/${token}`)).status()).toBe(404);
});

test("pages: anonymous is sent to sign in; another user's conversation is a 404 page", async () => {
  for (const page of ["/", "/settings", `/c/${conversationId}`]) {
    const response = await anonymous.get(page, { maxRedirects: 0 });
    expect(response.status(), page).toBe(307);
    const expected =
      page === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(page)}`;
    expect(new URL(response.headers().location ?? "", app.url).href).toBe(
      new URL(expected, app.url).href,
    );
  }
  // A forged cookie gets past proxy.ts's shortcut, not past the page.
  const forged = await anonymous.get(`/c/${conversationId}`, {
    maxRedirects: 0,
    headers: { cookie: "better-auth.session_token=forged.value" },
  });
  expect(forged.status()).toBe(307);
  expect((await other.get(`/c/${conversationId}`)).status()).toBe(404);
  expect((await other.get(`/c/${missingId}`)).status()).toBe(404);
  expect((await owner.get(`/c/${conversationId}`)).status()).toBe(200);
  expect((await anonymous.get("/api/health")).status()).toBe(200);
  expect((await anonymous.get("/sign-in")).status()).toBe(200);
});

test("admin routes: anonymous 401, a user who is not the administrator 403", async () => {
  const calls: Call[] = [
    (api) => api.get("/api/admin/users"),
    (api) => api.post("/api/admin/users", { data: { email: "x@example.com" } }),
    (api) => api.get("/api/admin/settings"),
    (api) => api.put("/api/admin/settings", { data: { allowSignUp: true } }),
    (api) =>
      api.patch("/api/admin/users/someone", { data: { disabled: true } }),
    (api) => api.delete("/api/admin/users/someone"),
    (api) => api.post("/api/admin/users/someone/password-link"),
    (api) =>
      api.post("/api/auth/admin/ban-user", { data: { userId: "someone" } }),
  ];
  for (const call of calls) {
    const response = await call(anonymous);
    expect(response.status()).toBe(401);
    const denied = await call(other);
    expect(denied.status(), await denied.text()).toBe(403);
  }
  expect(
    (await anonymous.get("/admin/users", { maxRedirects: 0 })).status(),
  ).toBe(307);
  expect((await other.get("/admin/users")).status()).toBe(404);
  expect((await owner.get("/admin/users")).status()).toBe(200);
  expect((await anonymous.get("/invite/unknown-token")).status()).toBe(200);
});

test("delete: another user gets 404 and the conversation stays", async () => {
  await expectCode(
    await anonymous.delete(`/api/conversations/${conversationId}`),
    401,
    "unauthorized:auth",
  );
  await expectCode(
    await other.delete(`/api/conversations/${conversationId}`),
    404,
    "not_found:conversation",
  );
  expect(
    (await owner.get(`/api/conversations/${conversationId}/branch`)).status(),
  ).toBe(200);
  expect(
    (await owner.delete(`/api/conversations/${conversationId}`)).status(),
  ).toBe(200);
});

/** Every route handler and page under app/, as a URL pattern. */
function appRoutes(): string[] {
  const root = path.resolve(import.meta.dirname, "../../app");
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/^(route|page)\.tsx?$/.test(entry.name)) {
        const url = path
          .relative(root, dir)
          .split(path.sep)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .join("/");
        found.push(`/${url}`);
      }
    }
  };
  visit(root);
  return found.sort();
}

test("every route of app/ is in this matrix", () => {
  const covered = [
    "/",
    "/admin/users",
    "/api/admin/settings",
    // per-person.spec.ts tries these as each kind of client:
    "/api/admin/spend",
    "/api/openrouter-key",
    "/api/openrouter-key/check",
    "/api/openrouter-key/oauth",
    "/api/openrouter-key/oauth/callback",
    "/api/spend",
    "/api/admin/users",
    "/api/admin/users/[id]",
    "/api/admin/users/[id]/password-link",
    "/api/auth/[...all]",
    "/api/chat",
    "/api/chat/[id]/stop",
    "/api/chat/[id]/stream",
    "/api/conversations",
    "/api/conversations/[id]",
    "/api/conversations/[id]/branch",
    "/api/conversations/[id]/export",
    "/api/conversations/[id]/shares",
    "/api/export",
    "/api/health",
    "/api/import",
    "/api/models",
    "/api/search",
    "/api/settings",
    "/api/shares",
    "/api/shares/[token]",
    "/api/shares/[token]/continue",
    "/c/[id]",
    "/invite/[token]",
    "/settings",
    "/share/[token]",
    "/sign-in",
    "/sign-up",
  ];
  expect(appRoutes()).toEqual(covered.sort());
});

function matrixExport(id: string) {
  return exportFileOf({
    id,
    title: `Matrix ${word}`,
    messages: [
      { id: "m1", parentId: null, role: "user", text: `Question ${word}` },
      { id: "a1", parentId: "m1", role: "assistant", text: "An answer" },
      { id: "m2", parentId: null, role: "user", text: "Another version" },
    ],
  });
}
