import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createFetchUrlTool,
  type FetchUrlOptions,
  fetchUrl,
} from "./fetch-url";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>Parley &amp; friends</title><style>p { color: red }</style>
<script>window.secret = "do not show";</script></head>
<body><h1>Hello</h1><p>Plain <b>text</b> &lt;here&gt; &#8364;5</p>
<script>document.write("<p>injected</p>")</script>
<ul><li>one</li><li>two</li></ul><noscript>Enable JS</noscript></body></html>`;

const routes: Record<string, Handler> = {
  "/page": (_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(PAGE);
  },
  "/json": (_, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"answer":42}');
  },
  "/latin1": (_, response) => {
    response.writeHead(200, { "content-type": "text/plain; charset=latin1" });
    response.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  },
  "/gzip": (_, response) => {
    response.writeHead(200, {
      "content-type": "text/plain",
      "content-encoding": "gzip",
    });
    response.end(gzipSync("unzipped text"));
  },
  "/big": (_, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("x".repeat(3_000_000));
  },
  "/long-html": (_, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<p>${"word ".repeat(10_000)}</p>`);
  },
  "/image": (_, response) => {
    response.writeHead(200, { "content-type": "image/png" });
    response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  },
  "/stall": () => {},
  "/stall-body": (_, response) => {
    response.writeHead(200, { "content-type": "text/plain" });
    response.write("first bytes, then nothing");
  },
  "/to-private": (_, response) => {
    response.writeHead(302, { location: "http://10.0.0.1/admin" });
    response.end();
  },
  "/to-localhost": (_, response) => {
    response.writeHead(301, { location: `http://localhost:${port}/page` });
    response.end();
  },
  "/to-file": (_, response) => {
    response.writeHead(302, { location: "file:///etc/passwd" });
    response.end();
  },
};

let server: Server;
let port = 0;
let requests: string[] = [];
let connections = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push(`${request.headers.host} ${path}`);
    const hops = /^\/hop\/(\d+)$/.exec(path)?.[1];
    if (hops !== undefined) {
      const next = Number(hops) - 1;
      response.writeHead(302, {
        location: next === 0 ? "/page" : `/hop/${next}`,
      });
      response.end();
      return;
    }
    const handler = routes[path];
    if (handler) return handler(request, response);
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
  });
  server.on("connection", () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  connections = 0;
});

const local: FetchUrlOptions = { allowPrivateAddresses: true };
const at = (path: string) => `http://127.0.0.1:${port}${path}`;

async function failure(url: string, options: FetchUrlOptions) {
  try {
    await fetchUrl(url, options);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${url} was fetched`);
}

describe("fetch_url: the default policy", () => {
  const lookups: string[] = [];
  const strict: FetchUrlOptions = {
    allowPrivateAddresses: false,
    resolveHost: async (hostname) => {
      lookups.push(hostname);
      if (hostname === "intranet.example") {
        return [
          { address: "93.184.215.14", family: 4 },
          { address: "10.0.0.5", family: 4 },
        ];
      }
      return [{ address: "127.0.0.1", family: 4 }];
    },
  };

  it.each([
    ["127.0.0.1", "127.0.0.1 is not a public address"],
    ["0x7f000001", "127.0.0.1 is not a public address"],
    ["2130706433", "127.0.0.1 is not a public address"],
    ["127.1", "127.0.0.1 is not a public address"],
    ["0.0.0.0", "0.0.0.0 is not a public address"],
    ["[::1]", "::1 is not a public address"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1 is not a public address"],
    ["[::ffff:7f00:1]", "::ffff:7f00:1 is not a public address"],
    ["[::]", ":: is not a public address"],
    ["10.0.0.1", "10.0.0.1 is not a public address"],
    ["169.254.169.254", "169.254.169.254 is not a public address"],
    ["100.64.0.1", "100.64.0.1 is not a public address"],
    ["192.168.1.1", "192.168.1.1 is not a public address"],
    ["[fd00::1]", "fd00::1 is not a public address"],
    ["[fe80::1]", "fe80::1 is not a public address"],
    ["localhost", '"localhost" names this machine'],
    ["LOCALHOST.", '"localhost." names this machine'],
    ["app.localhost", '"app.localhost" names this machine'],
    ["rebind.example", "rebind.example resolves to 127.0.0.1"],
    ["intranet.example", "intranet.example resolves to 10.0.0.5"],
  ])("refuses %s without connecting", async (host, reason) => {
    const message = await failure(`http://${host}:${port}/page`, strict);
    expect(message).toContain(reason);
    expect(message).toContain("Only public internet addresses are fetched.");
    expect(requests).toEqual([]);
    expect(connections).toBe(0);
  });

  it("does not even resolve localhost names", async () => {
    lookups.length = 0;
    await failure(`http://db.localhost:${port}/`, strict);
    expect(lookups).toEqual([]);
  });

  it("connects to the vetted address, keeping the name in Host", async () => {
    const page = await fetchUrl(`http://site.example:${port}/json`, {
      allowPrivateAddresses: false,
      isAllowedAddress: (address) => address === "127.0.0.1",
      resolveHost: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    expect(page.text).toBe('{"answer":42}');
    expect(requests).toEqual([`site.example:${port} /json`]);
  });

  it("is the registered tool's when the variable is unset", async () => {
    const { tools } = await import("./index");
    await expect(
      tools.fetch_url.execute(
        { url: at("/page") },
        { toolCallId: "call-1", messages: [], context: {} },
      ),
    ).rejects.toThrow("127.0.0.1 is not a public address");
    expect(connections).toBe(0);
  });
});

describe("fetch_url: URLs it never fetches", () => {
  it.each([
    ["file:///etc/passwd", "Only http and https URLs are fetched, not file:"],
    [
      "ftp://example.com/a.txt",
      "Only http and https URLs are fetched, not ftp:",
    ],
    ["not a url", '"not a url" is not a valid URL.'],
  ])("%s", async (url, message) => {
    expect(await failure(url, local)).toContain(message);
  });

  it("refuses credentials in the URL, even for allowed hosts", async () => {
    const url = `http://user:secret@127.0.0.1:${port}/page`;
    expect(await failure(url, local)).toBe(
      "URLs with a user name or password are refused.",
    );
    expect(connections).toBe(0);
  });
});

describe("fetch_url: reading pages", () => {
  it("extracts an HTML page's title and text, not its scripts", async () => {
    const tool = createFetchUrlTool(local);
    const page = await tool.execute(
      { url: at("/page") },
      { toolCallId: "call-1", messages: [], context: {} },
    );
    expect(page).toEqual({
      url: at("/page"),
      status: 200,
      contentType: "text/html",
      title: "Parley & friends",
      text: "Hello\n\nPlain text <here> €5\n\n- one\n- two",
      truncated: false,
    });
    expect(requests).toEqual([`127.0.0.1:${port} /page`]);
  });

  it("returns JSON and plain text as they are", async () => {
    expect(await fetchUrl(at("/json"), local)).toEqual({
      url: at("/json"),
      status: 200,
      contentType: "application/json",
      text: '{"answer":42}',
      truncated: false,
    });
    expect((await fetchUrl(at("/latin1"), local)).text).toBe("café");
    expect((await fetchUrl(at("/gzip"), local)).text).toBe("unzipped text");
  });

  it("returns error pages with their status", async () => {
    const page = await fetchUrl(at("/missing"), local);
    expect(page.status).toBe(404);
    expect(page.text).toBe("not found");
  });

  it("refuses types that are not text, naming the type", async () => {
    expect(await failure(at("/image"), local)).toBe(
      `${at("/image")} is image/png; only HTML, text and JSON are read.`,
    );
  });

  it("stops reading at maxBytes and says the text is truncated", async () => {
    const page = await fetchUrl(at("/big"), { ...local, maxBytes: 1000 });
    expect(page.text).toBe("x".repeat(1000));
    expect(page.truncated).toBe(true);
  });

  it("cuts the text at 20,000 characters", async () => {
    const page = await fetchUrl(at("/long-html"), local);
    expect(page.text).toHaveLength(20_000);
    expect(page.text.startsWith("word word")).toBe(true);
    expect(page.truncated).toBe(true);
  });
});

describe("fetch_url: redirects", () => {
  it("follows 5 redirects", async () => {
    const page = await fetchUrl(at("/hop/5"), local);
    expect(page.url).toBe(at("/page"));
    expect(page.title).toBe("Parley & friends");
    expect(requests).toHaveLength(6);
  });

  it("refuses the 6th", async () => {
    expect(await failure(at("/hop/6"), local)).toBe(
      `Stopped after 5 redirects; the next one led to ${at("/page")}.`,
    );
    expect(requests).toHaveLength(6);
  });

  describe("re-checks every hop", () => {
    const onlyTheTestServer: FetchUrlOptions = {
      allowPrivateAddresses: false,
      isAllowedAddress: (address) => address === "127.0.0.1",
    };

    it.each([
      ["/to-private", "10.0.0.1 is not a public address"],
      ["/to-localhost", '"localhost" names this machine'],
      ["/to-file", "Only http and https URLs are fetched, not file:"],
    ])("%s", async (path, reason) => {
      expect(await failure(at(path), onlyTheTestServer)).toContain(reason);
      expect(requests).toEqual([`127.0.0.1:${port} ${path}`]);
    });
  });
});

describe("fetch_url: time limit", () => {
  it.each([
    ["/stall", "before the headers"],
    ["/stall-body", "in the middle of the body"],
  ])("gives up on a server stalling %s", async (path) => {
    const start = performance.now();
    const message = await failure(at(path), { ...local, timeoutMs: 300 });
    const elapsed = performance.now() - start;
    expect(message).toBe(
      `Gave up on ${at(path)} after 0.3 s without a full answer.`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });
});
