import type { IncomingHttpHeaders } from "node:http";
import type { FakeResponse, Scenario } from "./scenarios";

export interface RecordedRequest {
  /** Increases by one per request, from 1. */
  id: number;
  method: string;
  path: string;
  /** Lower-case names; Authorization keeps only its last 4 characters. */
  headers: Record<string, string>;
  /** Parsed JSON body; null when it was not JSON. */
  body: unknown;
  lastUserText: string;
  /** `stream: true` in the body: a chat turn, not a side request. */
  stream: boolean;
  /** ISO time of arrival. */
  receivedAt: string;
  /** `match` of the scenario that answered; null for the default reply and
   * for requests rejected before a scenario was chosen. */
  scenario: string | null;
  /** HTTP status sent; null until the headers are written. */
  status: number | null;
  /** The client went away before the response was complete. */
  aborted: boolean;
}

export type RequestKind = "streams" | "non-streams" | "all";

export interface FakeConfig {
  /** DeepSeek V4 history check (§6.3) for scenarios that do not set it. */
  deepseekStrict: boolean;
}

export type ScenarioEntry = {
  scenario: Scenario;
  /** The next response, consumed in order; the last one then repeats. */
  take(): FakeResponse;
};

/** Scenarios, recorded requests and switches of one fake server. */
export class FakeStore {
  config: FakeConfig;
  readonly #initialConfig: FakeConfig;
  readonly #scenarios = new Map<string, ScenarioEntry>();
  #requests: RecordedRequest[] = [];

  constructor(config: FakeConfig) {
    this.#initialConfig = { ...config };
    this.config = { ...config };
  }

  /** Registering a `match` again replaces it and restarts its responses. */
  register(scenario: Scenario): void {
    let served = 0;
    const { responses } = scenario;
    this.#scenarios.set(scenario.match, {
      scenario,
      take: () => {
        const response = responses[Math.min(served, responses.length - 1)];
        served++;
        if (!response) throw new Error("A scenario needs a response");
        return response;
      },
    });
  }

  /**
   * The scenario for a last user text; the longest match wins. A scenario
   * answers streamed requests unless it says otherwise, so an app's side
   * requests that quote the conversation (a title, a summary) don't take
   * the replies scripted for the conversation itself.
   */
  find(text: string, stream: boolean): ScenarioEntry | undefined {
    let found: ScenarioEntry | undefined;
    for (const entry of this.#scenarios.values()) {
      const { match, answers = "streams" } = entry.scenario;
      if (!text.includes(match)) continue;
      if (answers !== "all" && (answers === "streams") !== stream) continue;
      if (!found || match.length > found.scenario.match.length) found = entry;
    }
    return found;
  }

  record(request: {
    method: string;
    path: string;
    headers: IncomingHttpHeaders;
    body: unknown;
    lastUserText: string;
    stream: boolean;
  }): RecordedRequest {
    const recorded: RecordedRequest = {
      id: this.#requests.length + 1,
      method: request.method,
      path: request.path,
      headers: redactHeaders(request.headers),
      body: request.body,
      lastUserText: request.lastUserText,
      stream: request.stream,
      receivedAt: new Date().toISOString(),
      scenario: null,
      status: null,
      aborted: false,
    };
    this.#requests.push(recorded);
    return recorded;
  }

  /**
   * Requests whose last user text contains `match` (all without it).
   * Streamed ones only, unless `kind` asks for the others too.
   */
  requests(match?: string, kind: RequestKind = "streams"): RecordedRequest[] {
    return this.#requests
      .filter(
        (request) =>
          (match === undefined || request.lastUserText.includes(match)) &&
          (kind === "all" || (kind === "streams") === request.stream),
      )
      .map((request) => ({ ...request }));
  }

  reset(): void {
    this.#scenarios.clear();
    this.#requests = [];
    this.config = { ...this.#initialConfig };
  }
}

function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    result[name] = name === "authorization" ? `***${text.slice(-4)}` : text;
  }
  return result;
}
