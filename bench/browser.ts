import { type Browser, chromium, type Page } from "@playwright/test";
import { tokenize } from "../e2e/fake-openrouter/reply";
import { serveBarePages } from "./lib/bare-pages";
import type { BenchContext, Benchmark } from "./lib/context";
import { firstLoadJavaScript } from "./lib/first-load";
import {
  LONG_TASK_OBSERVER,
  type MainThread,
  mainThreadBetween,
  pageNow,
  type ScrollRun,
  scriptedScroll,
} from "./lib/page-metrics";
import { figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { round } from "./lib/stats";
import { replyText } from "./lib/text";
import { alternate, sleep, uniqueMarker } from "./lib/timing";

// The reply streams at about 400 tokens/s: four tokens every 10 ms.
const TOKENS_PER_CHUNK = 4;
const TOKEN_DELAY_MS = 10;
const SCROLL_MESSAGES = 1_000;

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * What the chat page costs a browser: its JavaScript, its main thread while
 * a long reply streams in, and its frame rate while a long conversation
 * scrolls; each beside a bare page doing the same in the same run.
 */
export const browser: Benchmark = {
  id: "browser",
  title: "Browser",
  async run(context) {
    const { quick, log } = context;
    const tokens = quick ? 1_000 : 4_000;
    const rounds = quick ? 1 : 2;
    const text = replyText(tokens);
    const pieces = group(tokenize(text), TOKENS_PER_CHUNK);
    const bare = await serveBarePages({
      pieces,
      delayMs: TOKEN_DELAY_MS,
      messages: SCROLL_MESSAGES,
    });
    const instance = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    try {
      const javascript = await firstLoadJavaScript(instance, context.app.url);
      log(
        `first load: ${javascript.files} JS files, ${kB(javascript.gzipBytes)} kB gzipped`,
      );

      const streams = await alternate(
        rounds,
        () => streamInApp(instance, context, text),
        () =>
          onPage(instance, `${bare.url}/stream`, async (page) => {
            const from = await pageNow(page);
            await page.evaluate(() =>
              (
                window as unknown as { benchStream: () => Promise<void> }
              ).benchStream(),
            );
            return mainThreadBetween(page, from, await pageNow(page));
          }),
      );
      log(
        `streaming: app ${describeRuns(streams.a)}; bare ${describeRuns(streams.b)}`,
      );

      const [long] = seedConversations(context.app.databaseFile, {
        count: 1,
        messages: SCROLL_MESSAGES,
      });
      if (!long) throw new Error("seeding failed");
      const scroll = {
        durationMs: quick ? 2_000 : 4_000,
        pixelsPerSecond: 3_000,
      };
      const scrolls = await alternate(
        rounds,
        () =>
          onPage(instance, `${context.app.url}/c/${long.id}`, async (page) => {
            await page
              .locator('[data-testid="message"]')
              .nth(SCROLL_MESSAGES - 1)
              .waitFor({ timeout: 60_000 });
            return scrollWhenIdle(page, scroll);
          }),
        () =>
          onPage(instance, `${bare.url}/scroll`, (page) =>
            scrollWhenIdle(page, scroll),
          ),
      );
      log(
        `scrolling: app ${fpsOf(scrolls.a)} fps; bare ${fpsOf(scrolls.b)} fps`,
      );

      const worst = (runs: MainThread[]) => ({
        longestTaskMs: Math.max(...runs.map((run) => run.longestTaskMs)),
        totalBlockingMs: Math.max(...runs.map((run) => run.totalBlockingMs)),
      });
      const appStream = worst(streams.a);
      const bareStream = worst(streams.b);
      const appFps = Math.min(...scrolls.a.map((run) => run.fps));
      const bareFps = Math.min(...scrolls.b.map((run) => run.fps));
      return {
        figures: [
          figure({
            name: "gzipped JavaScript of a fresh load of /",
            value: javascript.gzipBytes / 1000,
            unit: "kB",
            target: { comparison: "<", value: 250 },
            note: `${kB(javascript.htmlGzipBytes)} kB of it named in the HTML, the rest fetched once the page runs`,
          }),
          figure({
            name: `longest main-thread task while ${tokens.toLocaleString("en-US")} tokens stream (worst of ${rounds})`,
            value: appStream.longestTaskMs,
            unit: "ms",
            reference: { label: "bare page", value: bareStream.longestTaskMs },
            target: { comparison: "<=", value: 50 },
          }),
          figure({
            name: `total blocking time while ${tokens.toLocaleString("en-US")} tokens stream (worst of ${rounds})`,
            value: appStream.totalBlockingMs,
            unit: "ms",
            reference: {
              label: "bare page",
              value: bareStream.totalBlockingMs,
            },
            target: {
              comparison: "<=",
              value: 0,
              label: "0 (no task > 50 ms)",
            },
          }),
          figure({
            name: `frame rate scrolling ${SCROLL_MESSAGES.toLocaleString("en-US")} messages, app / bare page (worst of ${rounds})`,
            value: appFps / bareFps,
            unit: "×",
            target: { comparison: ">=", value: 0.9 },
          }),
          figure({
            name: "frame rate while scrolling",
            value: appFps,
            unit: "fps",
            reference: { label: "bare page", value: bareFps },
          }),
        ],
        details: {
          tokens,
          tokensPerChunk: TOKENS_PER_CHUNK,
          tokenDelayMs: TOKEN_DELAY_MS,
          javascript,
          streaming: { app: streams.a, bare: streams.b },
          scroll: { ...scroll, app: scrolls.a, bare: scrolls.b },
        },
      };
    } finally {
      await instance.close();
      await bare.close();
    }
  },
};

/** Opens `url` in a fresh context (an empty cache) and runs `use` on it. */
async function onPage<T>(
  instance: Browser,
  url: string,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await instance.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(LONG_TASK_OBSERVER);
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    return await use(page);
  } finally {
    await context.close();
  }
}

/** Sends a message in a seeded conversation and watches the reply stream. */
async function streamInApp(
  instance: Browser,
  { app, fake }: BenchContext,
  text: string,
): Promise<MainThread> {
  const marker = uniqueMarker("bench-browser");
  await fake.control.script(marker, {
    kind: "stream",
    text,
    tokensPerChunk: TOKENS_PER_CHUNK,
    tokenDelayMs: TOKEN_DELAY_MS,
  });
  const [conversation] = seedConversations(app.databaseFile, {
    count: 1,
    messages: 2,
  });
  if (!conversation) throw new Error("seeding failed");
  return onPage(instance, `${app.url}/c/${conversation.id}`, async (page) => {
    const composer = page.getByRole("textbox", { name: "Message" });
    await composer.fill(`${marker} tell me about deltas`);
    await sleep(500);
    const from = await pageNow(page);
    await composer.press("Enter");
    // React may replace the reply's element as it streams: ask the page.
    await page.waitForFunction(
      () => {
        const replies = document.querySelectorAll(
          '[data-testid="message"][data-role="assistant"]',
        );
        const last = replies[replies.length - 1];
        return (
          replies.length >= 2 &&
          last?.getAttribute("data-status") === "complete"
        );
      },
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    return mainThreadBetween(page, from, await pageNow(page));
  });
}

async function scrollWhenIdle(
  page: Page,
  options: { durationMs: number; pixelsPerSecond: number },
): Promise<ScrollRun> {
  // Let hydration and lazy chunks settle before the frames are counted.
  await sleep(1_000);
  return scriptedScroll(page, options);
}

function group(tokens: string[], size: number): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < tokens.length; index += size) {
    pieces.push(tokens.slice(index, index + size).join(""));
  }
  return pieces;
}

function kB(bytes: number): number {
  return round(bytes / 1000, 1);
}

function describeRuns(runs: MainThread[]): string {
  return runs
    .map(
      (run) =>
        `longest ${round(run.longestTaskMs, 0)} ms, TBT ${round(run.totalBlockingMs, 0)} ms in ${round(run.seconds, 1)} s`,
    )
    .join(" / ");
}

function fpsOf(runs: ScrollRun[]): string {
  return runs.map((run) => round(run.fps, 1)).join(" / ");
}
