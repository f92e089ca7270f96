import { describe, expect, it } from "vitest";
import { fromDraft, toDraft } from "./draft";
import { emptySettings, type GenerationSettings } from "./schema";

const model = "deepseek/deepseek-v4-flash";

function draftWith(patch: Partial<ReturnType<typeof toDraft>>) {
  return { ...toDraft(model, emptySettings), ...patch };
}

describe("settings drafts", () => {
  it("sends nothing for an untouched form", () => {
    expect(fromDraft(toDraft(model, emptySettings))).toEqual({
      model,
      settings: { params: {} },
    });
  });

  it("turns typed values into OpenRouter parameters under their API names", () => {
    const result = fromDraft(
      draftWith({
        systemPrompt: "Be brief.",
        numbers: { temperature: "0.2", top_k: "40", seed: "-7" },
        reasoningEffort: "xhigh",
        stop: "END\n\n  STOP  ",
        logitBias: '{"50256": -100}',
        toolChoice: "function:calculator",
        parallelToolCalls: "false",
        providerOrder: "deepseek, novita",
        allowFallbacks: "false",
        dataCollection: "deny",
        fallbackModels: "openai/gpt-4o anthropic/claude-sonnet-4",
      }),
    );
    expect(result).toEqual({
      model,
      settings: {
        systemPrompt: "Be brief.",
        params: {
          temperature: 0.2,
          top_k: 40,
          seed: -7,
          reasoning: { effort: "xhigh" },
          stop: ["END", "STOP"],
          logit_bias: { "50256": -100 },
          tool_choice: { type: "function", function: { name: "calculator" } },
          parallel_tool_calls: false,
          provider: {
            order: ["deepseek", "novita"],
            allow_fallbacks: false,
            data_collection: "deny",
          },
          models: ["openai/gpt-4o", "anthropic/claude-sonnet-4"],
        },
      },
    });
  });

  it("round-trips settings through the form unchanged", () => {
    const settings: GenerationSettings = {
      systemPrompt: "Hi",
      params: {
        top_p: 0.5,
        reasoning: { max_tokens: 2048, exclude: true },
        response_format: {
          type: "json_schema",
          json_schema: {
            name: "answer",
            schema: { type: "object" },
            strict: true,
          },
        },
      },
    };
    expect(fromDraft(toDraft(model, settings))).toEqual({ model, settings });
  });

  it("names each field that is out of range", () => {
    const result = fromDraft(
      draftWith({
        numbers: { temperature: "2.5", top_p: "0", max_tokens: "1.5" },
        stop: "a\nb\nc\nd\ne",
        logitBias: "[1, 2]",
        reasoningEffort: "high",
        reasoningBudget: "1000",
      }),
    );
    expect(result).toEqual({
      errors: {
        temperature: "Must be 0 to 2.",
        top_p: "Must be above 0 to 1.",
        max_tokens: "Enter a whole number.",
        stop: "At most 4 stop sequences.",
        logit_bias:
          'Enter a JSON object of token ids and biases, such as {"50256": -100}.',
        reasoning_budget: "Set an effort or a token budget, not both.",
      },
    });
  });

  it("refuses a bias outside -100 to 100 through the schema", () => {
    const result = fromDraft(draftWith({ logitBias: '{"1": 500}' }));
    expect(result).toMatchObject({
      errors: { logit_bias: expect.any(String) },
    });
  });
});
