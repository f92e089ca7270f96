import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { errorBody } from "./errors";
import { fixtureExists } from "./fixtures";
import { parseJson, readBody, sendJson } from "./http";
import type { KeyRing } from "./keys";
import { type FakeResponse, type Scenario, scenarioSchema } from "./scenarios";
import type {
  FakeConfig,
  FakeStore,
  RecordedRequest,
  RequestKind,
} from "./store";

/** What tests can do to a running fake, in process or over HTTP. */
export interface FakeControl {
  /** Adds a scenario, or replaces the one with the same `match`. */
  register(scenario: Scenario): void;
  script(match: string, ...responses: FakeResponse[]): void;
  /** Streamed requests only, unless `kind` says otherwise. */
  requests(match?: string, kind?: RequestKind): RecordedRequest[];
  configure(config: Partial<FakeConfig>): FakeConfig;
  /** A new key the fake accepts, as if made on openrouter.ai/keys. */
  issueKey(): string;
  /** Forgets scenarios, requests and issued keys; restores the options. */
  reset(): void;
}

const requestKindSchema = z.enum(["streams", "non-streams", "all"]).optional();

const configSchema = z.strictObject({ deepseekStrict: z.boolean() }).partial();

export function createControl(store: FakeStore, keys: KeyRing): FakeControl {
  const register = (input: Scenario) => {
    const scenario = scenarioSchema.parse(input);
    for (const response of scenario.responses) {
      if (response.kind === "fixture" && !fixtureExists(response.file)) {
        throw new Error(`No fixture named ${response.file}`);
      }
    }
    store.register(scenario);
  };
  return {
    register,
    script: (match, ...responses) => register({ match, responses }),
    requests: (match, kind) => store.requests(match, kind),
    configure(config) {
      store.config = { ...store.config, ...configSchema.parse(config) };
      return store.config;
    },
    issueKey: () => keys.issue(),
    reset: () => {
      store.reset();
      keys.reset();
    },
  };
}

/** The same operations under `/__fake/`, for tests in another process. */
export async function handleControl(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  control: FakeControl,
): Promise<void> {
  const route = `${request.method} ${url.pathname}`;
  try {
    if (route === "GET /__fake/requests") {
      const match = url.searchParams.get("match") ?? undefined;
      const kind = requestKindSchema.parse(
        url.searchParams.get("kind") ?? undefined,
      );
      return sendJson(response, 200, {
        requests: control.requests(match, kind),
      });
    }
    if (route === "POST /__fake/keys") {
      return sendJson(response, 201, { key: control.issueKey() });
    }
    if (route === "POST /__fake/reset") {
      control.reset();
      return sendJson(response, 200, { ok: true });
    }
    const body = parseJson(await readBody(request));
    if (route === "POST /__fake/scenarios") {
      control.register(body as Scenario);
      return sendJson(response, 201, { ok: true });
    }
    if (route === "POST /__fake/config") {
      const config = control.configure(body as Partial<FakeConfig>);
      return sendJson(response, 200, { config });
    }
    sendJson(response, 404, errorBody(404, `No control route ${route}`));
  } catch (error) {
    const message =
      error instanceof z.ZodError ? z.prettifyError(error) : String(error);
    sendJson(response, 400, errorBody(400, message));
  }
}
