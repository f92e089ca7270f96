// What a person sees when OpenRouter refuses or goes quiet: the refusal in
// words, the message kept, the reply marked failed, a Retry that works, and
// a server that is still up. The route-level side of the same faults is in
// e2e/api/upstream-faults.spec.ts.

import type { Locator } from "@playwright/test";
import type { FakeResponse } from "../fake-openrouter/scenarios";
import { APP_URL } from "../support/config";
import { type ChatPage, expect, test } from "../support/fixtures";
import { appUrl, FAULT_PORTS, type FaultApp, startFaultApp } from "./support";

/** What no message to a person should hold: internals and placeholders. */
const NOT_FOR_PEOPLE = [
  /undefined/,
  /\bnull\b/,
  /\[object \w+\]/,
  /^\s*at \S+/m,
  /\(\S+:\d+:\d+\)/,
  /AI_\w+Error/,
  /APICallError/,
  /node_modules/,
  /\.(ts|js|tsx):\d+/,
];

async function expectPlainWords(alert: Locator) {
  const text = (await alert.textContent()) ?? "";
  for (const pattern of NOT_FOR_PEOPLE) expect(text).not.toMatch(pattern);
}

type Refusal = {
  name: string;
  response: Extract<FakeResponse, { kind: "error" }>;
  /** Besides OpenRouter's own message, which is always expected. */
  alsoSays: RegExp[];
};

const refusals: Refusal[] = [
  {
    name: "400 bad request",
    response: {
      kind: "error",
      status: 400,
      message: "deepseek/deepseek-v4-flash does not support top_a.",
    },
    alsoSays: [],
  },
  {
    name: "403 moderation",
    response: {
      kind: "error",
      status: 403,
      message:
        "deepseek/deepseek-v4-flash requires moderation on OpenAI. Your " +
        'input was flagged for "violence". No credits were charged.',
      metadata: {
        reasons: ["violence"],
        flagged_input: "how do I…ld I do it",
        provider_name: "OpenAI",
        model_slug: "deepseek/deepseek-v4-flash",
      },
    },
    alsoSays: [/violence/],
  },
  {
    name: "408 timeout",
    response: { kind: "error", status: 408, message: "Request timed out" },
    alsoSays: [/too long/],
  },
  {
    name: "429 with Retry-After",
    response: {
      kind: "error",
      status: 429,
      message: "Rate limit exceeded: limit_rpm/deepseek/deepseek-v4-flash",
      headers: { "Retry-After": "12" },
    },
    alsoSays: [/rate limit/i, /12 s/],
  },
  {
    name: "500 internal",
    response: { kind: "error", status: 500, message: "Internal Server Error" },
    alsoSays: [],
  },
];

for (const refusal of refusals) {
  test(`OpenRouter ${refusal.name}: shown in words, message kept, retry works`, async ({
    chat,
    fake,
    page,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt(`Refused ${refusal.name}`);
    await fake.script(prompt, refusal.response, {
      kind: "stream",
      text: "Second time lucky.",
    });
    await chat.open();
    await chat.send(prompt);

    await expect(chat.alert).toContainText(refusal.response.message);
    for (const words of refusal.alsoSays) {
      await expect(chat.alert).toContainText(words);
    }
    await expectPlainWords(chat.alert);
    await expect(chat.userMessages()).toHaveText([prompt]);
    await expect(chat.lastAssistant()).toHaveAttribute("data-status", "failed");

    // What was saved says the same after a reload.
    await page.reload();
    await expect(chat.userMessages()).toHaveText([prompt]);
    const saved = chat.lastAssistant();
    await expect(saved).toHaveAttribute("data-status", "failed");
    await expect(saved.getByRole("alert")).toContainText(
      refusal.response.message,
    );

    await saved
      .getByRole("alert")
      .getByRole("button", { name: "Retry" })
      .click();
    await expect(chat.lastAssistant()).toContainText("Second time lucky.");
    await expect(chat.lastAssistant()).toHaveAttribute(
      "data-status",
      "complete",
    );
    await expect(chat.alert).toHaveCount(0);
    await expect(chat.userMessages()).toHaveText([prompt]);
    await expect(chat.assistantMessages()).toHaveCount(1);

    const health = await fetch(`${APP_URL}/api/health`);
    expect(health.status).toBe(200);
  });
}

test.describe("an upstream that goes quiet", () => {
  // One instance for these tests, so they share a worker.
  test.describe.configure({ mode: "default" });
  test.use({ baseURL: appUrl(FAULT_PORTS.upstreamIdle) });
  const IDLE_SECONDS = 2;
  let app: FaultApp | undefined;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    app = await startFaultApp({
      port: FAULT_PORTS.upstreamIdle,
      name: "upstream-idle",
      env: { UPSTREAM_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS) },
    });
  });

  test.afterAll(async () => {
    await app?.stop();
  });

  async function sendAndTime(chat: ChatPage, prompt: string) {
    await chat.open();
    const started = Date.now();
    await chat.send(prompt);
    // Failed within a few seconds of the timeout, or not at all.
    await expect(chat.lastAssistant()).toHaveAttribute(
      "data-status",
      "failed",
      { timeout: (IDLE_SECONDS + 6) * 1000 },
    );
    return (Date.now() - started) / 1000;
  }

  const silences: {
    name: string;
    response: FakeResponse;
    /** Names the app bug that makes this case fail today. */
  }[] = [
    {
      name: "no response headers at all",
      // The idle timer (`timeout.firstChunkMs` in lib/chat/reply.ts) only
      // starts once fetch has the response headers, so a silent upstream is
      // waited out for as long as it stays silent (undici's own limit is
      // 300 s). The reply below completes after 14 s although the timeout
      // is 2 s.
      response: {
        kind: "stream",
        text: "Never this late.",
        firstByteDelayMs: 14_000,
      },
    },
    {
      name: "headers, then not a byte",
      response: {
        kind: "stream",
        text: "Never sent.",
        keepAlives: 0,
        stallAfter: { chunks: 0 },
      },
    },
  ];

  for (const silence of silences) {
    test(`${silence.name}: Parley gives up after the idle timeout and says so`, async ({
      chat,
      fake,
      uniquePrompt,
    }) => {
      const prompt = uniquePrompt(`Silence ${silence.name}`);
      await fake.script(prompt, silence.response, {
        kind: "stream",
        text: "Awake again.",
      });
      const seconds = await sendAndTime(chat, prompt);

      // The idle timer, not an immediate failure nor the default 120 s.
      expect(seconds).toBeGreaterThanOrEqual(IDLE_SECONDS - 0.5);
      await expect(chat.alert).toContainText(`${IDLE_SECONDS} seconds`);
      await expectPlainWords(chat.alert);
      await expect(chat.userMessages()).toHaveText([prompt]);

      await chat.alert.getByRole("button", { name: "Retry" }).click();
      await expect(chat.lastAssistant()).toContainText("Awake again.");
      await expect(chat.lastAssistant()).toHaveAttribute(
        "data-status",
        "complete",
      );
      const health = await fetch(`${app?.url}/api/health`);
      expect(health.status).toBe(200);
    });
  }

  test("a stall after a few words keeps them, marked failed", async ({
    chat,
    fake,
    page,
    uniquePrompt,
  }) => {
    const prompt = uniquePrompt("Stall midway");
    // Chunk 1 is the opening delta: three chunks show two words.
    await fake.script(prompt, {
      kind: "stream",
      text: "Alpha beta gamma delta epsilon",
      stallAfter: { chunks: 3 },
    });
    await sendAndTime(chat, prompt);

    const reply = chat.lastAssistant();
    await expect(reply).toContainText("Alpha beta");
    await expect(reply).not.toContainText("gamma");
    await expect(chat.alert).toContainText(`${IDLE_SECONDS} seconds`);
    await expectPlainWords(chat.alert);

    await page.reload();
    const saved = chat.lastAssistant();
    await expect(saved).toHaveAttribute("data-status", "failed");
    await expect(saved).toContainText("Alpha beta");
    await expect(saved).not.toContainText("gamma");
    await expect(saved.getByRole("alert")).toContainText(
      `${IDLE_SECONDS} seconds`,
    );
    await expect(chat.userMessages()).toHaveText([prompt]);
  });
});
