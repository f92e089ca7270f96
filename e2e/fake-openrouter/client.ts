import type { FakeResponse, Scenario } from "./scenarios";
import type { FakeConfig, RecordedRequest, RequestKind } from "./store";

/** Drives a fake running in another process through `/__fake/`. */
export class FakeOpenRouterClient {
  readonly #url: string;

  /** `url` is the fake's root, e.g. `http://127.0.0.1:4010`. */
  constructor(url: string) {
    this.#url = url.replace(/\/+$/, "");
  }

  /** Answers requests whose last user text contains `match`, in order. */
  script(match: string, ...responses: FakeResponse[]): Promise<void> {
    return this.register({ match, responses });
  }

  async register(scenario: Scenario): Promise<void> {
    await this.#call("POST", "/__fake/scenarios", scenario);
  }

  /** Streamed requests only, unless `kind` says otherwise. */
  async requests(
    match?: string,
    kind: RequestKind = "streams",
  ): Promise<RecordedRequest[]> {
    const query = new URLSearchParams({ kind });
    if (match !== undefined) query.set("match", match);
    const body = await this.#call("GET", `/__fake/requests?${query}`);
    return (body as { requests: RecordedRequest[] }).requests;
  }

  async configure(config: Partial<FakeConfig>): Promise<FakeConfig> {
    const body = await this.#call("POST", "/__fake/config", config);
    return (body as { config: FakeConfig }).config;
  }

  /** A new key the fake accepts, as if made on openrouter.ai/keys. */
  async issueKey(): Promise<string> {
    const body = await this.#call("POST", "/__fake/keys");
    return (body as { key: string }).key;
  }

  async reset(): Promise<void> {
    await this.#call("POST", "/__fake/reset");
  }

  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.#url}${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`fake OpenRouter ${method} ${path}: ${text}`);
    }
    return JSON.parse(text);
  }
}
