import type { Page } from "@playwright/test";

/** Long tasks the page sees, collected from before its first script. */
export const LONG_TASK_OBSERVER = `
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.benchLongTasks.push({
        start: entry.startTime,
        duration: entry.duration,
      });
    }
  }).observe({ type: "longtask", buffered: true });
`;

export type MainThread = {
  seconds: number;
  longTasks: number;
  longestTaskMs: number;
  /** The sum of every long task's time past 50 ms. */
  totalBlockingMs: number;
};

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** What the main thread went through between two `pageNow` readings. */
export async function mainThreadBetween(
  page: Page,
  from: number,
  to: number,
): Promise<MainThread> {
  const tasks = await page.evaluate(
    () =>
      (
        window as unknown as {
          benchLongTasks: { start: number; duration: number }[];
        }
      ).benchLongTasks,
  );
  const inside = tasks.filter((task) => task.start >= from && task.start <= to);
  return {
    seconds: (to - from) / 1000,
    longTasks: inside.length,
    longestTaskMs: Math.max(0, ...inside.map((task) => task.duration)),
    totalBlockingMs: inside.reduce(
      (total, task) => total + Math.max(0, task.duration - 50),
      0,
    ),
  };
}

export type ScrollRun = {
  frames: number;
  seconds: number;
  fps: number;
  longestFrameMs: number;
  pixels: number;
};

// Kept as source text: the TypeScript loader adds helpers to functions it
// compiles, and those helpers do not exist inside the page.
const SCROLL = `({ durationMs, pixelsPerSecond }) => new Promise((resolve, reject) => {
  const message = document.querySelector('[data-testid="message"]');
  let list = message ? message.parentElement : null;
  while (list && !(list.scrollHeight > list.clientHeight &&
      /auto|scroll/.test(getComputedStyle(list).overflowY))) {
    list = list.parentElement;
  }
  if (!list) return reject(new Error("no scrolling list found"));
  list.scrollTop = list.scrollHeight;
  const bottom = list.scrollTop;
  let frames = 0;
  let longest = 0;
  let started = 0;
  let previous = 0;
  const frame = (now) => {
    if (started === 0) started = now;
    else longest = Math.max(longest, now - previous);
    previous = now;
    const elapsed = now - started;
    if (elapsed >= durationMs) {
      resolve({
        frames,
        seconds: elapsed / 1000,
        fps: frames / (elapsed / 1000),
        longestFrameMs: longest,
        pixels: bottom - list.scrollTop,
      });
      return;
    }
    frames++;
    list.scrollTop = bottom - (elapsed / 1000) * pixelsPerSecond;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/**
 * Scrolls the message list up from the bottom at a steady speed, one step
 * per animation frame, and counts the frames the page managed to draw.
 */
export function scriptedScroll(
  page: Page,
  options: { durationMs: number; pixelsPerSecond: number },
): Promise<ScrollRun> {
  return page.evaluate<ScrollRun>(`(${SCROLL})(${JSON.stringify(options)})`);
}
