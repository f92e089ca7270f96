import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { prose } from "./text";

// The browser references: pages that do the least the same job can take,
// served by the benchmark on loopback.

export type BarePages = { url: string; close: () => Promise<void> };

export async function serveBarePages({
  pieces,
  delayMs,
  messages,
}: {
  /** What the stream page appends, one piece per step. */
  pieces: string[];
  delayMs: number;
  /** How many messages the scroll page lists. */
  messages: number;
}): Promise<BarePages> {
  const pages: Record<string, string> = {
    "/stream": streamPage(pieces, delayMs),
    "/scroll": scrollPage(messages),
  };
  const server: Server = createServer((request, response) => {
    const page = pages[request.url ?? ""];
    response.writeHead(page ? 200 : 404, {
      "Content-Type": "text/html; charset=utf-8",
    });
    response.end(page ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function streamPage(pieces: string[], delayMs: number): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bare stream</title></head>
<body><main style="max-width:48rem;margin:auto;font:16px/1.6 sans-serif">
<p id="reply" style="white-space:pre-wrap"></p></main>
<script>
const pieces = ${scriptJson(pieces)};
window.benchStream = () => new Promise((resolve) => {
  const node = document.createTextNode("");
  document.getElementById("reply").appendChild(node);
  const started = performance.now();
  let index = 0;
  // On the clock rather than per timer: a late timer catches up, so the
  // rate holds on a busy machine.
  const step = () => {
    const due = Math.floor((performance.now() - started) / ${delayMs}) + 1;
    let text = "";
    while (index < Math.min(due, pieces.length)) text += pieces[index++];
    if (text !== "") node.appendData(text);
    if (index < pieces.length) setTimeout(step, ${delayMs});
    else resolve();
  };
  step();
});
</script></body></html>`;
}

function scrollPage(count: number): string {
  const items = Array.from({ length: count }, (_, index) => {
    const text =
      index % 2 === 0
        ? prose(16, index)
        : `${prose(50, index)}</p><p>${prose(40, index + 7)}`;
    return `<li data-testid="message"><p>${text}</p></li>`;
  }).join("\n");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bare scroll</title></head>
<body style="margin:0">
<div style="height:100vh;overflow-y:auto">
<ol style="max-width:48rem;margin:auto;font:16px/1.6 sans-serif;list-style:none">
${items}
</ol></div></body></html>`;
}
