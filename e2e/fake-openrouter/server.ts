import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { handleChat } from "./chat";
import { createControl, type FakeControl, handleControl } from "./control";
import { errorBody, unauthorizedBody } from "./errors";
import { sendJson } from "./http";
import { KeyRing } from "./keys";
import { keyBody, loadModelsBody } from "./models";
import { FakeStore } from "./store";

export const DEFAULT_API_KEY = "sk-or-test-key";

export interface FakeOpenRouterOptions {
  /** 0 picks a free port (the default). */
  port?: number;
  /**
   * The key accepted as `Authorization: Bearer <key>` from the start; keys
   * issued through OAuth or `POST /__fake/keys` are accepted too.
   */
  apiKey?: string;
  host?: string;
  /** DeepSeek V4 history check for scenarios that do not set it. */
  deepseekStrict?: boolean;
}

export interface FakeOpenRouterServer extends FakeControl {
  /** e.g. `http://127.0.0.1:4010`; the control API lives under it. */
  url: string;
  /** `${url}/api/v1`, for `createOpenRouter({ baseURL })`. */
  baseURL: string;
  apiKey: string;
  close(): Promise<void>;
}

export async function startFakeOpenRouter(
  options: FakeOpenRouterOptions = {},
): Promise<FakeOpenRouterServer> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const host = options.host ?? "127.0.0.1";
  const store = new FakeStore({
    deepseekStrict: options.deepseekStrict ?? true,
  });
  const keys = new KeyRing(apiKey);
  const control = createControl(store, keys);
  const models = loadModelsBody();

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://fake");
    const path = `${request.method} ${url.pathname}`;
    if (url.pathname.startsWith("/__fake/")) {
      return handleControl(request, response, url, control);
    }
    switch (path) {
      case "GET /health":
        return sendJson(response, 200, { status: "ok" });
      case "POST /api/v1/chat/completions":
        return handleChat(request, response, { store, keys });
      case "GET /api/v1/models":
        // Public on the real API: the listing needs no key.
        return sendJson(response, 200, models, {
          "Cache-Control": "public, max-age=300",
        });
      case "GET /api/v1/key": {
        const key = keys.bearer(request);
        return key
          ? sendJson(response, 200, keyBody(key))
          : sendJson(response, 401, unauthorizedBody);
      }
      // OpenRouter's OAuth page lives on the site, not under /api/v1.
      case "GET /auth":
        return keys.authPage(url, response);
      case "POST /api/v1/auth/keys":
        return keys.exchange(request, response);
      default:
        sendJson(response, 404, errorBody(404, `No route for ${path}`));
    }
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      sendJson(response, 500, errorBody(500, String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;

  return {
    ...control,
    url,
    baseURL: `${url}/api/v1`,
    apiKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Stalled streams and idle keep-alive sockets would hold close().
        server.closeAllConnections();
      }),
  };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
