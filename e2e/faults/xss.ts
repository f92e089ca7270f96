// Script-injection payloads and the checks that none of them ran. Every
// payload sets `window.__pwned` to its own number and opens an alert, so a
// payload that runs shows up either way.

import { expect, type Page } from "@playwright/test";

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const run = (id: number) => `window.__pwned=${id};alert(${id})`;

/** HTML that would run script if it reached the DOM as markup. */
export const HTML_PAYLOADS = [
  `<img src=x onerror="${run(1)}">`,
  `<script>${run(2)}</script>`,
  `<svg onload="${run(3)}"><circle r="1"/></svg>`,
  `<iframe src="javascript:${run(4)}"></iframe>`,
  `<iframe srcdoc="<script>top.__pwned=5</script>"></iframe>`,
  `<a href="javascript:${run(6)}">html link</a>`,
  `<div onmouseover="${run(7)}" style="position:fixed;inset:0">cover</div>`,
  `" autofocus onfocus="${run(8)}" x="`,
  `' onmouseover='${run(9)}' x='`,
  `</textarea><img src=x onerror="${run(10)}">`,
  `</title><script>${run(11)}</script>`,
  `<details open ontoggle="${run(12)}">`,
  `<object data="javascript:${run(13)}"></object>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run(14)}">`,
  `<input autofocus onfocus="${run(15)}">`,
  `<form><button formaction="javascript:${run(16)}">go</button></form>`,
  `<body onload="${run(17)}">`,
];

/** Markdown that would run script if links or math were trusted. */
export const MARKDOWN_PAYLOADS = [
  `[click me](javascript:${run(20)})`,
  `[click me too](JaVaScRiPt:${run(21)})`,
  `[entity link](javascript&#58;${run(22)})`,
  `<javascript:${run(23)}>`,
  `![image link](javascript:${run(24)})`,
  "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgyNSk8L3NjcmlwdD4=)",
  `[reference link][evil]\n\n[evil]: javascript:${run(26)}`,
  `$\\href{javascript:${run(27)}}{katex link}$`,
  "```html\n<img src=x onerror=window.__pwned=28>\n```",
  '```"><img src=x onerror=window.__pwned=29>\nfenced\n```',
];

/** Fits the 64 characters `current_time` takes as a time zone. */
export const SHORT_PAYLOAD = `<img src=x onerror="${run(30)}">`;

/** Collects the dialogs a page opens; none is expected. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/**
 * Elements and attributes that could run a payload: a script that mentions
 * it, an inline handler or a script URL that carries it, or an embedded
 * document. React sets no inline handlers and Parley draws no frames, so
 * any of these came from content. Next's own data scripts
 * (`self.__next_f.push(...)`) carry the page's text as escaped strings; a
 * payload that broke out of one would be a script of its own.
 */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const carriesPayload = (value: string) => /__pwned|alert\(/.test(value);
    for (const element of document.querySelectorAll("*")) {
      const tag = element.tagName.toLowerCase();
      if (["iframe", "object", "embed", "frame"].includes(tag)) {
        found.push(tag);
      }
      const code = element.textContent ?? "";
      const nextData = /^\s*\(?self\.__next_f/.test(code);
      if (tag === "script" && !nextData && carriesPayload(code)) {
        found.push(`script: ${code.slice(0, 60)}`);
      }
      for (const { name, value } of element.attributes) {
        const handler = /^on/i.test(name);
        const url = /^\s*(javascript|vbscript|data):/i.test(value);
        if ((handler || url || name === "srcdoc") && carriesPayload(value)) {
          found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
        }
      }
    }
    return found;
  });
}

/** Nothing ran: no dialog, no flag, and nothing left that could run. */
export async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await injectedElements(page)).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}
