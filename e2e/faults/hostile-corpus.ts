// A generated corpus of malformed, oversized and hostile requests to every
// API route, each with the answer it must get. Every case carries exactly
// one defect on top of a request that would otherwise be accepted, so that
// a check that goes missing turns into a 2xx, not into another refusal.

import { randomUUID } from "node:crypto";

export type Expected =
  /** A JSON `{error:{code,message}}` refusal with one of these statuses. */
  | { kind: "error"; status: number[] }
  /** A method the route does not serve. Next answers 405 itself, before
   * any of Parley's code runs, with an empty body and no Allow header. */
  | { kind: "method" }
  /** A CORS preflight from another site: Next answers 204 with an Allow
   * header; without Access-Control-Allow-* the browser refuses to go on. */
  | { kind: "preflight" };

export type HostileCase = {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** A function for bodies that can be read only once (streams). */
  body?: string | Uint8Array<ArrayBuffer> | (() => ReadableStream<Uint8Array>);
  /** Bytes the server has to read before it can refuse the body. */
  readBytes?: number;
  expected: Expected;
};

/** What the corpus aims at: one conversation and one of its messages. */
export type Target = {
  port: number;
  conversationId: string;
  userMessageId: string;
  /** Put in every text the app could forward to the model. */
  marker: string;
};

const JSON_TYPE = { "Content-Type": "application/json" };
const MAX_BODY = 1024 * 1024;

/** A value as a case name shows it, cut short. */
const show = (value: unknown) => String(JSON.stringify(value)).slice(0, 40);

const refused = (...status: number[]): Expected => ({ kind: "error", status });
const BAD = refused(400);

// Well-formed but never issued: share routes answer it 404.
const UNKNOWN_TOKEN = "A".repeat(43);

type Body = Record<string, unknown>;

/** A route that reads a JSON body, and a body it would accept. */
type JsonRoute = {
  label: string;
  method: string;
  path: string;
  valid: () => Body;
};

function jsonRoutes(target: Target): JsonRoute[] {
  const { conversationId, userMessageId, marker } = target;
  return [
    {
      label: "chat",
      method: "POST",
      path: "/api/chat",
      valid: () => chatBody(marker),
    },
    {
      label: "rename",
      method: "PATCH",
      path: `/api/conversations/${conversationId}`,
      valid: () => ({ title: `Renamed ${marker}` }),
    },
    {
      label: "branch",
      method: "POST",
      path: `/api/conversations/${conversationId}/branch`,
      valid: () => ({ messageId: userMessageId, siblingId: userMessageId }),
    },
    {
      label: "share",
      method: "POST",
      path: `/api/conversations/${conversationId}/shares`,
      valid: () => ({ mode: "snapshot" }),
    },
    {
      label: "openrouter key",
      method: "PUT",
      path: "/api/openrouter-key",
      valid: () => ({ key: `sk-or-v1-${marker}` }),
    },
    {
      label: "settings",
      method: "PUT",
      path: "/api/settings",
      valid: () => ({
        model: "evil/model",
        settings: { systemPrompt: marker, params: {} },
      }),
    },
  ];
}

export function chatBody(text: string, conversationId = randomUUID()): Body {
  return {
    trigger: "submit-message",
    id: conversationId,
    message: {
      id: `m-${randomUUID()}`,
      role: "user",
      parts: [{ type: "text", text }],
    },
  };
}

function jsonCase(
  route: JsonRoute,
  name: string,
  body: string | Uint8Array<ArrayBuffer>,
  expected: Expected,
  headers: Record<string, string> = JSON_TYPE,
): HostileCase {
  const size = typeof body === "string" ? Buffer.byteLength(body) : body.length;
  return {
    name: `${route.label}: ${name}`,
    method: route.method,
    path: route.path,
    headers,
    body,
    // A declared length over the limit is refused unread.
    readBytes: size > MAX_BODY ? 0 : size,
    expected,
  };
}

const INVALID_JSON = [
  "",
  " ",
  "{",
  "}",
  '{"trigger":',
  "{'trigger':'submit-message'}",
  "{trigger:1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '/* comment */ {"a":1}',
  '{"a":1}{"b":2}',
  '{"a":1,}',
  '{"a":"\u0001"}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '["unterminated',
  '{"a":01}',
  '{"a":.5}',
  '{"a":+1}',
  '{"a":0x10}',
  "\u0000",
  "tru",
  "[".repeat(1000),
  `${"{".repeat(5)}"deep"`,
  '{"a":"line\nbreak"}',
  "<xml/>",
];

const NOT_AN_OBJECT = ["null", "[]", '"text"', "1", "true", "1e999", "{}"];

/** Content types a JSON route must refuse, with a body it would accept. */
const WRONG_TYPES = [
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jso",
  "application/json5",
  "application/jsonp",
  "text/json",
  "application/xml",
  "application/javascript",
  "xapplication/json",
];

/** Origins a browser would send from a page Parley does not serve. */
function foreignOrigins(port: number): string[] {
  return [
    "https://evil.example",
    "null",
    `http://127.0.0.1:${port}.evil.example`,
    `http://localhost:${port}`,
    "http://127.0.0.1",
    `http://127.0.0.1:${port + 1}`,
    "https://attacker.test:443",
    "file://",
  ];
}

/** Body mutations that hold for every JSON route. */
function bodyCases(route: JsonRoute, target: Target): HostileCase[] {
  const valid = JSON.stringify(route.valid());
  const cases: HostileCase[] = [];
  for (const [index, text] of INVALID_JSON.entries()) {
    cases.push(jsonCase(route, `invalid JSON #${index}`, text, BAD));
  }
  cases.push(
    jsonCase(route, "valid JSON cut short", valid.slice(0, -1), BAD),
    jsonCase(route, "valid JSON, then junk", `${valid}junk`, BAD),
    jsonCase(
      route,
      "bytes that are not UTF-8",
      new Uint8Array([0x7b, 0xc0, 0xaf, 0xff, 0xfe, 0x7d]),
      BAD,
    ),
  );
  for (const text of NOT_AN_OBJECT) {
    cases.push(jsonCase(route, `not an object: ${text}`, text, BAD));
  }
  cases.push(jsonCase(route, "the body inside an array", `[${valid}]`, BAD));
  for (const type of WRONG_TYPES) {
    cases.push(
      jsonCase(route, `Content-Type ${type}`, valid, refused(415), {
        "Content-Type": type,
      }),
    );
  }
  cases.push(
    jsonCase(
      route,
      "no Content-Type",
      new TextEncoder().encode(valid),
      refused(415),
      {},
    ),
  );
  for (const origin of foreignOrigins(target.port)) {
    for (const type of ["application/json", "text/plain"]) {
      cases.push(
        jsonCase(
          route,
          `Origin ${origin}, ${type}`,
          valid,
          type === "application/json" ? refused(403) : refused(403, 415),
          { "Content-Type": type, Origin: origin },
        ),
      );
    }
    cases.push(
      jsonCase(
        route,
        `form post from ${origin}`,
        new URLSearchParams({ payload: valid }).toString(),
        refused(403, 415),
        {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: origin,
        },
      ),
    );
  }
  cases.push(
    jsonCase(route, "Sec-Fetch-Site: cross-site", valid, refused(403), {
      ...JSON_TYPE,
      "Sec-Fetch-Site": "cross-site",
    }),
    jsonCase(
      route,
      "Sec-Fetch-Site: cross-site, text/plain, no Origin",
      valid,
      refused(403, 415),
      { "Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site" },
    ),
  );
  const unterminated = `{"a":"${"x".repeat(MAX_BODY - 16)}`;
  const padded = (size: number) =>
    JSON.stringify({ ...route.valid(), padding: "x".repeat(size) });
  cases.push(
    jsonCase(route, "a body over 1 MiB", padded(MAX_BODY), refused(413)),
    {
      name: `${route.label}: a body over 1 MiB, chunked, no length`,
      method: route.method,
      path: route.path,
      headers: JSON_TYPE,
      body: () => streamOf(padded(MAX_BODY)),
      readBytes: MAX_BODY,
      expected: refused(413),
    },
    jsonCase(route, "a body of 4 MiB", padded(4 * MAX_BODY), refused(413)),
    jsonCase(route, "nearly 1 MiB, unterminated", unterminated, BAD),
    {
      name: `${route.label}: nearly 1 MiB, unterminated, chunked`,
      method: route.method,
      path: route.path,
      headers: JSON_TYPE,
      body: () => streamOf(unterminated),
      readBytes: unterminated.length,
      expected: BAD,
    },
  );
  return cases;
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const piece = 64 * 1024;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + piece));
      offset += piece;
    },
  });
}

/** Deeply nested arrays, inside the 1 MiB limit. */
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Field-level defects of `POST /api/chat`, one per case. */
function chatCases(target: Target): HostileCase[] {
  const route = jsonRoutes(target)[0] as JsonRoute;
  const { marker } = target;
  const base = () => chatBody(marker);
  const message = (change: Body) => ({
    ...base(),
    message: { ...(base().message as Body), ...change },
  });
  const withText = (text: unknown) =>
    message({ parts: [{ type: "text", text }] });
  const setup = (value: unknown) => ({ ...base(), setup: value });
  const settings = (value: unknown) => setup({ settings: value });
  const bodies: [string, string, Expected][] = [];
  const add = (name: string, body: unknown, expected = BAD) =>
    bodies.push([name, JSON.stringify(body), expected]);

  for (const trigger of [
    undefined,
    null,
    1,
    [],
    {},
    "SUBMIT-MESSAGE",
    "submit-message ",
    "submit\u2010message",
    "submit-message\u200b",
    "resume",
    "__proto__",
  ]) {
    add(`trigger ${show(trigger)}`, { ...base(), trigger });
  }
  for (const id of [
    undefined,
    null,
    1,
    "",
    "not-a-uuid",
    `${randomUUID()}x`,
    ` ${randomUUID()}`,
    "../../etc/passwd",
    "%00",
    `${randomUUID().slice(0, -1)}\u0000`,
    randomUUID().replace(/[0-9]/g, (digit) =>
      String.fromCharCode(0xff10 + Number(digit)),
    ),
    `\u0430${randomUUID().slice(1)}`,
    `\u202e${randomUUID().slice(1)}`,
    '\'; DROP TABLE "Message";--',
    "x".repeat(500_000),
    { $ne: null },
    ["a", "b"],
  ]) {
    add(`conversation id ${show(id)}`, {
      ...base(),
      id,
    });
  }
  for (const id of [
    undefined,
    null,
    "",
    1,
    "a/b",
    "../x",
    "a".repeat(65),
    "\u0000",
    "💥",
    "id with space",
    "\ud800",
    "a".repeat(100_000),
    { toString: "x" },
  ]) {
    add(`message id ${show(id)}`, message({ id }));
  }
  for (const role of [
    "assistant",
    "system",
    "tool",
    "USER",
    "user ",
    null,
    1,
  ]) {
    add(`role ${show(role)}`, message({ role }));
  }
  for (const [name, parts] of [
    ["no parts", []],
    ["parts a string", "hello"],
    ["parts null", null],
    ["parts an object", { 0: { type: "text", text: marker } }],
    [
      "21 parts",
      Array.from({ length: 21 }, () => ({ type: "text", text: marker })),
    ],
    ["an image part", [{ type: "image", image: "data:," }]],
    ["a file part", [{ type: "file", url: "file:///etc/passwd" }]],
    ["a part without text", [{ type: "text" }]],
    ["a part without type", [{ text: marker }]],
  ] as const) {
    add(name, message({ parts }));
  }
  for (const text of [1, null, [marker], { text: marker }, " \n\t "]) {
    add(`text ${show(text)}`, withText(text));
  }
  add("text of 100,001 characters", withText("x".repeat(100_001)));
  add("message nested 1,000 deep", {
    ...base(),
    message: JSON.parse(deepArray(1000)),
  });
  bodies.push([
    "parts nested 150,000 deep",
    JSON.stringify(base()).replace(
      /"parts":\[.*?\]\}/,
      `"parts":${deepArray(150_000)}}`,
    ),
    BAD,
  ]);
  bodies.push([
    "temperature nested 100,000 deep",
    JSON.stringify(settings({ params: { temperature: 0 } })).replace(
      '"temperature":0',
      `"temperature":${deepArray(100_000)}`,
    ),
    BAD,
  ]);
  for (const model of [
    "no-slash",
    "a/b c",
    "../../etc/passwd",
    "a/".padEnd(201, "b"),
    1,
    "<script>/x",
  ]) {
    add(`setup model ${show(model)}`, setup({ model }));
  }
  add("setup not an object", setup("fast"));
  add("settings with an unknown key", settings({ params: {}, admin: true }));
  add("temperature 5", settings({ params: { temperature: 5 } }));
  add(
    "system prompt of 50,001",
    settings({ systemPrompt: "x".repeat(50_001) }),
  );
  add(
    "51 disabled tools",
    settings({ disabledTools: Array.from({ length: 51 }, () => "calculator") }),
  );
  add("editOf with a slash", { ...base(), editOf: "../../etc" });
  add("an edit in no conversation", { ...base(), editOf: "m-1" }, refused(404));
  add(
    "a retry in no conversation",
    { trigger: "regenerate-message", id: randomUUID(), parentId: "m-1" },
    refused(404),
  );
  add("a retry without parentId", {
    trigger: "regenerate-message",
    id: randomUUID(),
  });
  add(
    "a continue in no conversation",
    { trigger: "continue-message", id: randomUUID(), messageId: "m-1" },
    refused(404),
  );
  add("a continue with a bad id", {
    trigger: "continue-message",
    id: randomUUID(),
    messageId: "a b",
  });
  // Prototype pollution: each case works only if the key did pollute.
  const { trigger: _trigger, ...noTrigger } = base();
  add("trigger only on __proto__", {
    ...noTrigger,
    ["__proto__"]: { trigger: "submit-message" },
  });
  add("trigger only on constructor.prototype", {
    ...noTrigger,
    constructor: { prototype: { trigger: "submit-message" } },
  });
  const { role: _role, ...noRole } = base().message as Body;
  add("role only on __proto__", {
    ...base(),
    message: { ...noRole, ["__proto__"]: { role: "user" } },
  });
  add("part type only on __proto__", {
    ...base(),
    message: {
      ...(base().message as Body),
      parts: [{ text: marker, ["__proto__"]: { type: "text" } }],
    },
  });
  const cases = bodies.map(([name, body, expected]) =>
    jsonCase(route, name, body, expected),
  );
  // The same, written by hand, as an attacker's client would send it.
  cases.push(
    jsonCase(
      route,
      "raw __proto__ carrying the trigger",
      JSON.stringify(noTrigger).replace(
        /^\{/,
        '{"__proto__":{"trigger":"submit-message"},',
      ),
      BAD,
    ),
  );
  return cases;
}

/** `PATCH /api/conversations/<id>` on a conversation that exists. */
function renameCases(target: Target): HostileCase[] {
  const route = jsonRoutes(target)[1] as JsonRoute;
  const settings = (params: unknown) => ({ settings: { params } });
  const bodies: [string, unknown][] = [
    ["nothing to change", {}],
    ["an empty title", { title: "" }],
    ["a blank title", { title: " \t\n " }],
    ["a title of 201", { title: "t".repeat(201) }],
    ["a title of 100,000", { title: "t".repeat(100_000) }],
    ["a numeric title", { title: 1 }],
    ["a null title", { title: null }],
    ["a title array", { title: ["a"] }],
    ["pinned as a string", { pinned: "true" }],
    ["pinned as 1", { pinned: 1 }],
    ["a model without a slash", { model: "gpt" }],
    ["a model with a space", { model: "a/b c" }],
    ["a model with traversal", { model: "../../etc/passwd" }],
    ["a numeric model", { model: 201 }],
    ["temperature 3", settings({ temperature: 3 })],
    ["a seed past 2^53", settings({ seed: 1e20 })],
    ["max_tokens 0", settings({ max_tokens: 0 })],
    [
      "effort and budget",
      settings({ reasoning: { effort: "high", max_tokens: 5 } }),
    ],
    [
      "a logit_bias key that is not a token",
      settings({ logit_bias: { a: 1 } }),
    ],
    ["five stop sequences", settings({ stop: ["a", "b", "c", "d", "e"] })],
    ["a plugin that is not web", settings({ plugins: [{ id: "exec" }] })],
    ["an empty provider name", settings({ provider: { order: [""] } })],
    [
      "six fallback models",
      settings({ models: ["a/b", "a/b", "a/b", "a/b", "a/b", "a/b"] }),
    ],
    ["settings null", { settings: null }],
    ["settings with an unknown key", { settings: { params: {}, root: true } }],
    ["an unknown field", { title: "ok", owner: "admin" }],
    ["conversation id in the body", { title: "ok", id: randomUUID() }],
    [
      "constructor.prototype.title",
      { constructor: { prototype: { title: "x" } } },
    ],
  ];
  const cases = bodies.map(([name, body]) =>
    jsonCase(route, name, JSON.stringify(body), BAD),
  );
  cases.push(
    jsonCase(route, "raw __proto__ key", '{"__proto__":{"title":"x"}}', BAD),
    jsonCase(
      route,
      "raw __proto__ beside a title",
      '{"title":"ok","__proto__":{"pinned":true}}',
      BAD,
    ),
  );
  for (const id of [randomUUID(), randomUUID().toUpperCase()]) {
    cases.push({
      ...jsonCase(route, `rename unknown ${id}`, '{"title":"x"}', refused(404)),
      path: `/api/conversations/${id}`,
    });
  }
  return cases;
}

/** `POST /api/conversations/<id>/branch` on a conversation that exists. */
function branchCases(target: Target): HostileCase[] {
  const route = jsonRoutes(target)[2] as JsonRoute;
  const { userMessageId } = target;
  const bodies: [string, unknown, Expected][] = [
    ["nothing", {}, BAD],
    ["no sibling", { messageId: userMessageId }, BAD],
    ["ids with slashes", { messageId: "a/b", siblingId: "../c" }, BAD],
    ["numeric ids", { messageId: 1, siblingId: 2 }, BAD],
    ["an unknown field", { ...route.valid(), extra: 1 }, BAD],
    ["ids of 65", { messageId: "a".repeat(65), siblingId: "b" }, BAD],
    [
      "unknown messages",
      { messageId: "m-x", siblingId: "m-y" },
      refused(400, 404),
    ],
    [
      "a sibling that is not a version",
      { messageId: userMessageId, siblingId: "m-unknown" },
      refused(400, 404),
    ],
  ];
  const cases = bodies.map(([name, body, expected]) =>
    jsonCase(route, name, JSON.stringify(body), expected),
  );
  cases.push(
    jsonCase(
      route,
      "raw __proto__ carrying the ids",
      `{"__proto__":${JSON.stringify(route.valid())}}`,
      BAD,
    ),
  );
  return cases;
}

/** `PUT /api/settings`: every field out of its range, one at a time. */
function settingsCases(target: Target): HostileCase[] {
  const route = jsonRoutes(target)[3] as JsonRoute;
  const params = (value: Body) => ({
    model: "evil/model",
    settings: { params: value },
  });
  const bodies: [string, unknown][] = [
    ["no settings", { model: "evil/model" }],
    ["no model", { settings: { params: {} } }],
    ["a model without a slash", { model: "x", settings: { params: {} } }],
    ["settings a string", { model: "evil/model", settings: "{}" }],
    ["an unknown top-level key", { ...route.valid(), admin: true }],
    [
      "system prompt of 50,001",
      {
        model: "evil/model",
        settings: { systemPrompt: "x".repeat(50_001), params: {} },
      },
    ],
    [
      "51 disabled tools",
      {
        model: "evil/model",
        settings: {
          disabledTools: Array.from({ length: 51 }, (_, index) => `t${index}`),
          params: {},
        },
      },
    ],
    [
      "a disabled tool of 65",
      {
        model: "evil/model",
        settings: { disabledTools: ["t".repeat(65)], params: {} },
      },
    ],
  ];
  const outOfRange: [string, unknown][] = [
    ["temperature", -0.1],
    ["temperature", 2.1],
    ["temperature", "1"],
    ["temperature", null],
    ["top_p", 0],
    ["top_p", 1.1],
    ["top_k", -1],
    ["top_k", 1.5],
    ["min_p", 2],
    ["top_a", -1],
    ["frequency_penalty", 3],
    ["presence_penalty", -3],
    ["repetition_penalty", 0],
    ["repetition_penalty", 3],
    ["max_tokens", 0],
    ["max_tokens", -5],
    ["max_tokens", 1.5],
    ["max_tokens", 1e20],
    ["seed", 1.5],
    ["seed", "x"],
    ["stop", ["a", "b", "c", "d", "e"]],
    ["stop", [""]],
    ["stop", ["s".repeat(101)]],
    ["stop", "stop"],
    ["response_format", { type: "xml" }],
    ["response_format", { type: "json_schema" }],
    [
      "response_format",
      { type: "json_schema", json_schema: { name: "bad name!", schema: {} } },
    ],
    ["logit_bias", { x: 1 }],
    ["logit_bias", { 1: 101 }],
    ["tool_choice", "always"],
    ["tool_choice", { type: "function", function: { name: "" } }],
    ["parallel_tool_calls", "yes"],
    ["reasoning", { effort: "extreme" }],
    ["reasoning", { effort: "high", max_tokens: 10 }],
    ["reasoning", { unknown: 1 }],
    ["provider", { sort: "cheapest" }],
    ["provider", { order: Array.from({ length: 21 }, () => "p") }],
    ["provider", { data_collection: "maybe" }],
    ["provider", { unknown: 1 }],
    ["models", ["a", "b", "c", "d", "e", "f"]],
    ["models", [""]],
    ["plugins", [{ id: "web" }, { id: "web" }]],
    ["plugins", [{ id: "exec" }]],
    ["plugins", [{ id: "web", max_results: 11 }]],
    ["an unknown parameter", true],
  ];
  for (const [name, value] of outOfRange) {
    const key = name === "an unknown parameter" ? "admin" : name;
    bodies.push([`${name} ${show(value)}`, params({ [key]: value })]);
  }
  // JSON.parse turns 1e309 into Infinity, which no number field takes.
  const cases = bodies.map(([name, body]) =>
    jsonCase(route, name, JSON.stringify(body), BAD),
  );
  cases.push(
    jsonCase(
      route,
      "temperature 1e309",
      JSON.stringify(params({ temperature: 0 })).replace(
        '"temperature":0',
        '"temperature":1e309',
      ),
      BAD,
    ),
    jsonCase(
      route,
      "raw __proto__ carrying the model",
      '{"__proto__":{"model":"evil/model"},"settings":{"params":{}}}',
      BAD,
    ),
  );
  return cases;
}

/** Ids no route may take, in the path. None is badly percent-encoded:
 * those answer 500 (see the known-bug test in hostile-input.spec.ts). */
const BAD_PATH_IDS = [
  "not-a-uuid",
  "x",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%5C..%5Cwindows%5Cwin.ini",
  "%00",
  "%0d%0aSet-Cookie:%20pwned=1",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%20OR%201=1--",
  "%F0%9F%92%A9",
  "%E2%80%AE",
  "%20",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "{{7*7}}",
  "$%7B7*7%7D",
  "a".repeat(4000),
  "-1",
  "null",
  "undefined",
];

function pathIdCases(target: Target): HostileCase[] {
  const cases: HostileCase[] = [];
  const uuid = randomUUID();
  const ids = [
    ...BAD_PATH_IDS,
    `${uuid}x`,
    `${uuid}%00`,
    `%20${uuid}`,
    uuid.replace(/-/g, ""),
  ];
  const branch = JSON.stringify({
    messageId: target.userMessageId,
    siblingId: target.userMessageId,
  });
  for (const id of ids) {
    const short = id.length > 40 ? `${id.slice(0, 20)}…(${id.length})` : id;
    cases.push(
      {
        name: `stop ${short}`,
        method: "POST",
        path: `/api/chat/${id}/stop`,
        headers: {},
        expected: BAD,
      },
      {
        name: `export ${short}`,
        method: "GET",
        path: `/api/conversations/${id}/export?format=json`,
        headers: {},
        expected: BAD,
      },
      {
        name: `join reply ${short}`,
        method: "GET",
        path: `/api/chat/${id}/stream`,
        headers: {},
        expected: BAD,
      },
      {
        name: `rename ${short}`,
        method: "PATCH",
        path: `/api/conversations/${id}`,
        headers: JSON_TYPE,
        body: '{"title":"x"}',
        expected: BAD,
      },
      {
        name: `delete ${short}`,
        method: "DELETE",
        path: `/api/conversations/${id}`,
        headers: {},
        expected: BAD,
      },
      {
        name: `read branch ${short}`,
        method: "GET",
        path: `/api/conversations/${id}/branch`,
        headers: {},
        expected: BAD,
      },
      {
        name: `list shares ${short}`,
        method: "GET",
        path: `/api/conversations/${id}/shares`,
        headers: {},
        expected: BAD,
      },
      {
        // A token of the wrong shape is simply not found (or not routed).
        name: `revoke share ${short}`,
        method: "DELETE",
        path: `/api/shares/${id}`,
        headers: {},
        expected: refused(404, 400),
      },
      {
        name: `continue share ${short}`,
        method: "POST",
        path: `/api/shares/${id}/continue`,
        headers: {},
        expected: refused(404, 400),
      },
      {
        name: `switch branch ${short}`,
        method: "POST",
        path: `/api/conversations/${id}/branch`,
        headers: JSON_TYPE,
        body: branch,
        expected: BAD,
      },
    );
  }
  for (const id of [randomUUID(), "00000000-0000-0000-0000-000000000000"]) {
    cases.push(
      {
        name: `delete unknown ${id}`,
        method: "DELETE",
        path: `/api/conversations/${id}`,
        headers: {},
        expected: refused(400, 404),
      },
      {
        name: `read branch of unknown ${id}`,
        method: "GET",
        path: `/api/conversations/${id}/branch?__proto__[polluted]=1`,
        headers: {},
        expected: refused(400, 404),
      },
    );
  }
  return cases;
}

/** Cross-site requests to the routes that change state without a body. */
function crossSiteCases(target: Target): HostileCase[] {
  const cases: HostileCase[] = [];
  const { conversationId } = target;
  const headerSets = [
    ...foreignOrigins(target.port).map((origin) => ({ Origin: origin })),
    { "Sec-Fetch-Site": "cross-site" },
  ];
  for (const headers of headerSets) {
    const label = Object.values(headers)[0];
    cases.push(
      {
        name: `stop from ${label}`,
        method: "POST",
        path: `/api/chat/${conversationId}/stop`,
        headers,
        expected: refused(403),
      },
      {
        name: `revoke share from ${label}`,
        method: "DELETE",
        path: `/api/shares/${UNKNOWN_TOKEN}`,
        headers,
        expected: refused(403),
      },
      {
        name: `continue share from ${label}`,
        method: "POST",
        path: `/api/shares/${UNKNOWN_TOKEN}/continue`,
        headers,
        expected: refused(403),
      },
      {
        name: `delete from ${label}`,
        method: "DELETE",
        path: `/api/conversations/${conversationId}`,
        headers,
        expected: refused(403),
      },
      {
        name: `remove the OpenRouter key from ${label}`,
        method: "DELETE",
        path: "/api/openrouter-key",
        headers,
        expected: refused(403),
      },
      {
        name: `test the OpenRouter key from ${label}`,
        method: "POST",
        path: "/api/openrouter-key/check",
        headers,
        expected: refused(403),
      },
    );
  }
  return cases;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every method a route does not serve, and a CORS preflight per route. */
function methodCases(target: Target): HostileCase[] {
  const id = target.conversationId;
  const served: Record<string, string[]> = {
    "/api/chat": ["POST"],
    [`/api/chat/${id}/stop`]: ["POST"],
    [`/api/chat/${id}/stream`]: ["GET"],
    "/api/conversations": ["GET"],
    "/api/search": ["GET"],
    "/api/export": ["GET"],
    [`/api/conversations/${id}/export`]: ["GET"],
    "/api/import": ["POST"],
    [`/api/conversations/${id}`]: ["PATCH", "DELETE"],
    [`/api/conversations/${id}/branch`]: ["GET", "POST"],
    [`/api/conversations/${id}/shares`]: ["GET", "POST"],
    "/api/shares": ["GET"],
    [`/api/shares/${UNKNOWN_TOKEN}`]: ["DELETE"],
    [`/api/shares/${UNKNOWN_TOKEN}/continue`]: ["POST"],
    "/api/models": ["GET"],
    "/api/spend": ["GET"],
    "/api/openrouter-key": ["GET", "PUT", "DELETE"],
    "/api/openrouter-key/check": ["POST"],
    "/api/openrouter-key/oauth": ["GET"],
    "/api/openrouter-key/oauth/callback": ["GET"],
    "/api/settings": ["GET", "PUT"],
    "/api/health": ["GET"],
  };
  const cases: HostileCase[] = [];
  for (const [path, methods] of Object.entries(served)) {
    for (const method of METHODS.filter((name) => !methods.includes(name))) {
      cases.push({
        name: `${method} ${path}`,
        method,
        path,
        headers: method === "GET" ? {} : JSON_TYPE,
        body: method === "GET" ? undefined : "{}",
        expected: { kind: "method" },
      });
    }
    cases.push({
      name: `preflight ${path}`,
      method: "OPTIONS",
      path,
      headers: {
        Origin: "https://evil.example",
        "Access-Control-Request-Method": methods[0] ?? "POST",
        "Access-Control-Request-Headers": "content-type",
      },
      expected: { kind: "preflight" },
    });
  }
  return cases;
}

export function hostileCorpus(target: Target): HostileCase[] {
  return [
    ...jsonRoutes(target).flatMap((route) => bodyCases(route, target)),
    ...chatCases(target),
    ...renameCases(target),
    ...branchCases(target),
    ...settingsCases(target),
    ...pathIdCases(target),
    ...crossSiteCases(target),
    ...methodCases(target),
  ];
}
