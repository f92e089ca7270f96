import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { sum } from "./stats";
import { sleep } from "./timing";

/**
 * The JavaScript a fresh visit to the chat page downloads (an empty cache,
 * until the network is idle), each file gzipped at level 9.
 */
export async function firstLoadJavaScript(instance: Browser, appUrl: string) {
  const context = await instance.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<{ url: string; gzip: number }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      bodies.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          gzip: gzipSync(body, { level: 9 }).length,
        })),
      );
    });
    const document = await page.goto(`${appUrl}/`);
    const html = (await document?.text()) ?? "";
    await page.waitForLoadState("networkidle");
    // Chunks the page imports once it runs may start after the first idle;
    // their bodies are awaited below.
    await sleep(2_000);
    const files = await Promise.all(bodies);
    const inHtml = files.filter((file) => html.includes(file.url));
    return {
      files: files.length,
      gzipBytes: sum(files.map((file) => file.gzip)),
      htmlGzipBytes: sum(inHtml.map((file) => file.gzip)),
      perFile: files,
    };
  } finally {
    await context.close();
  }
}
