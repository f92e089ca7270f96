import { type NumberParam, numberFields, parseNumberField } from "./fields";
import {
  type GenerationSettings,
  generationSettingsSchema,
  modelIdSchema,
  type OpenRouterParams,
} from "./schema";

type Choice<T extends string> = T | "";

/** The settings form as typed: every field a string until it is saved. */
export type SettingsDraft = {
  model: string;
  systemPrompt: string;
  numbers: Partial<Record<NumberParam, string>>;
  reasoningEffort: Choice<
    NonNullable<NonNullable<OpenRouterParams["reasoning"]>["effort"]>
  >;
  reasoningBudget: string;
  reasoningExclude: boolean;
  stop: string;
  responseFormat: Choice<"text" | "json_object" | "json_schema">;
  jsonSchemaName: string;
  jsonSchema: string;
  logitBias: string;
  toolChoice: string;
  disabledTools: string[];
  webSearch: boolean;
  parallelToolCalls: Choice<"true" | "false">;
  providerOrder: string;
  allowFallbacks: Choice<"true" | "false">;
  providerSort: Choice<"price" | "throughput" | "latency">;
  dataCollection: Choice<"allow" | "deny">;
  fallbackModels: string;
};

export type DraftErrors = Partial<Record<string, string>>;

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");

export function toDraft(
  model: string,
  settings: GenerationSettings,
): SettingsDraft {
  const params = settings.params;
  const numbers: SettingsDraft["numbers"] = {};
  for (const field of numberFields) {
    const value = params[field.param];
    if (value !== undefined) numbers[field.param] = String(value);
  }
  const format = params.response_format;
  const toolChoice = params.tool_choice;
  return {
    model,
    systemPrompt: settings.systemPrompt ?? "",
    numbers,
    reasoningEffort: params.reasoning?.effort ?? "",
    reasoningBudget: params.reasoning?.max_tokens?.toString() ?? "",
    reasoningExclude: params.reasoning?.exclude ?? false,
    stop: (params.stop ?? []).join("\n"),
    responseFormat: format?.type ?? "",
    jsonSchemaName:
      format?.type === "json_schema" ? format.json_schema.name : "",
    jsonSchema:
      format?.type === "json_schema"
        ? JSON.stringify(format.json_schema.schema, null, 2)
        : "",
    logitBias: params.logit_bias ? JSON.stringify(params.logit_bias) : "",
    toolChoice:
      typeof toolChoice === "object"
        ? `function:${toolChoice.function.name}`
        : (toolChoice ?? ""),
    parallelToolCalls: booleanChoice(params.parallel_tool_calls),
    disabledTools: settings.disabledTools ?? [],
    webSearch: params.plugins?.some((plugin) => plugin.id === "web") ?? false,
    providerOrder: (params.provider?.order ?? []).join(", "),
    allowFallbacks: booleanChoice(params.provider?.allow_fallbacks),
    providerSort: params.provider?.sort ?? "",
    dataCollection: params.provider?.data_collection ?? "",
    fallbackModels: (params.models ?? []).join(", "),
  };
}

function booleanChoice(value: boolean | undefined): Choice<"true" | "false"> {
  return value === undefined ? "" : value ? "true" : "false";
}

/**
 * Turns the form into settings, or into one message per field that is
 * wrong. Only fields the person filled in end up in the settings.
 */
export function fromDraft(
  draft: SettingsDraft,
): { settings: GenerationSettings; model: string } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const params: Record<string, unknown> = {};
  for (const field of numberFields) {
    const parsed = parseNumberField(field, draft.numbers[field.param] ?? "");
    if ("error" in parsed) errors[field.param] = parsed.error;
    else if (parsed.value !== undefined) params[field.param] = parsed.value;
  }
  const reasoning = readReasoning(draft, errors);
  if (reasoning) params.reasoning = reasoning;
  const stop = list(draft.stop, /\n/);
  if (stop.length > 4) errors.stop = "At most 4 stop sequences.";
  else if (stop.length > 0) params.stop = stop;
  const format = readResponseFormat(draft, errors);
  if (format) params.response_format = format;
  const bias = readJsonObject(draft.logitBias, "logit_bias", errors);
  if (bias) params.logit_bias = bias;
  if (draft.toolChoice.startsWith("function:")) {
    const name = draft.toolChoice.slice("function:".length);
    params.tool_choice = { type: "function", function: { name } };
  } else if (draft.toolChoice) {
    params.tool_choice = draft.toolChoice;
  }
  if (draft.parallelToolCalls) {
    params.parallel_tool_calls = draft.parallelToolCalls === "true";
  }
  const provider = readProvider(draft);
  if (provider) params.provider = provider;
  if (draft.webSearch) params.plugins = [{ id: "web" }];
  const fallbacks = list(draft.fallbackModels, /[,\s]+/);
  if (fallbacks.length > 0) params.models = fallbacks;

  if (Object.keys(errors).length > 0) return { errors };
  const settings = generationSettingsSchema.safeParse({
    systemPrompt:
      draft.systemPrompt.trim() === "" ? undefined : draft.systemPrompt,
    disabledTools:
      draft.disabledTools.length > 0 ? draft.disabledTools : undefined,
    params,
  });
  if (!settings.success) {
    for (const issue of settings.error.issues) {
      const key = String(issue.path[1] ?? issue.path[0] ?? "form");
      errors[key] ??=
        `${issue.message[0]?.toUpperCase()}${issue.message.slice(1)}.`;
    }
    return { errors };
  }
  if (!modelIdSchema.safeParse(draft.model).success) {
    return { errors: { model: "Choose a model from the list." } };
  }
  return { settings: settings.data, model: draft.model };
}

function readReasoning(draft: SettingsDraft, errors: DraftErrors) {
  const reasoning: Record<string, unknown> = {};
  if (draft.reasoningEffort) reasoning.effort = draft.reasoningEffort;
  const budget = draft.reasoningBudget.trim();
  if (budget !== "") {
    const tokens = Number(budget);
    if (!Number.isInteger(tokens) || tokens < 1) {
      errors.reasoning_budget = "Enter a whole number of tokens from 1.";
    } else if (draft.reasoningEffort) {
      errors.reasoning_budget = "Set an effort or a token budget, not both.";
    } else {
      reasoning.max_tokens = tokens;
    }
  }
  if (draft.reasoningExclude) reasoning.exclude = true;
  return Object.keys(reasoning).length > 0 ? reasoning : undefined;
}

function readResponseFormat(draft: SettingsDraft, errors: DraftErrors) {
  if (draft.responseFormat !== "json_schema") {
    return draft.responseFormat ? { type: draft.responseFormat } : undefined;
  }
  const schema = readJsonObject(draft.jsonSchema, "json_schema", errors);
  if (!schema) {
    errors.json_schema ??= "Enter the JSON schema the reply must follow.";
    return undefined;
  }
  const name = draft.jsonSchemaName.trim() || "response";
  return { type: "json_schema", json_schema: { name, schema, strict: true } };
}

function readJsonObject(text: string, key: string, errors: DraftErrors) {
  if (text.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below like any other non-object.
  }
  errors[key] =
    key === "logit_bias"
      ? 'Enter a JSON object of token ids and biases, such as {"50256": -100}.'
      : "Enter a JSON object.";
  return undefined;
}

function readProvider(draft: SettingsDraft) {
  const provider: Record<string, unknown> = {};
  const order = list(draft.providerOrder, /[,\s]+/);
  if (order.length > 0) provider.order = order;
  if (draft.allowFallbacks) {
    provider.allow_fallbacks = draft.allowFallbacks === "true";
  }
  if (draft.providerSort) provider.sort = draft.providerSort;
  if (draft.dataCollection) provider.data_collection = draft.dataCollection;
  return Object.keys(provider).length > 0 ? provider : undefined;
}
