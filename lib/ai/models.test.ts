import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type FakeOpenRouterServer,
  startFakeOpenRouter,
} from "@/e2e/fake-openrouter/server";

let fake: FakeOpenRouterServer;
let closed = false;

beforeAll(async () => {
  fake = await startFakeOpenRouter({ port: 0 });
  process.env.OPENROUTER_BASE_URL = fake.baseURL;
  process.env.OPENROUTER_API_KEY = fake.apiKey;
});

afterAll(async () => {
  vi.useRealTimers();
  if (!closed) await fake.close();
});

describe("the model catalog", () => {
  it("lists OpenRouter's models with prices per million and context", async () => {
    const { listModels } = await import("./models");
    const { models, stale } = await listModels();
    expect(stale).toBe(false);
    const gpt4o = models.find((model) => model.id === "openai/gpt-4o");
    expect(gpt4o).toMatchObject({
      name: "OpenAI: GPT-4o",
      contextLength: 128_000,
      promptPrice: 2.5,
      completionPrice: 10,
    });
    expect(gpt4o?.supportedParameters).toContain("logit_bias");
    const flash = models.find(
      (model) => model.id === "deepseek/deepseek-v4-flash",
    );
    expect(flash).toMatchObject({ promptPrice: 0.1, completionPrice: 0.2 });
  });

  it("keeps serving the last copy, marked stale, when OpenRouter is gone", async () => {
    const { listModels } = await import("./models");
    const before = await listModels();
    await fake.close();
    closed = true;
    vi.useFakeTimers({ now: Date.now() + 11 * 60 * 1000 });
    const after = await listModels();
    expect(after.stale).toBe(true);
    expect(after.models.map((model) => model.id)).toEqual(
      before.models.map((model) => model.id),
    );
  });
});
