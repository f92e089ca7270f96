import type { TextStreamPart, ToolSet } from "ai";
import type { ReplyOutcome } from "@/lib/db/messages";
import type { ParleyError } from "@/lib/errors";
import type {
  MessageMetadata,
  ParleyMessage,
  StepProviderData,
  TokenUsage,
} from "@/lib/types";
import type { Generation } from "./generations";
import { stepReasoningDetails } from "./model-messages";
import { toUpstreamError } from "./upstream-error";

type OpenRouterStepMetadata = { usage?: { cost?: number } };

/**
 * Watches the parts of one streamed reply and keeps what the database and the
 * browser need to know about it: status, served model, usage, cost, errors
 * and the per-step OpenRouter data. Its `observe` is the stream's
 * `messageMetadata` callback, so the browser sees the same facts as the
 * database, as they happen.
 */
export class ReplyRecorder {
  private model: string;
  private readonly steps: StepProviderData[] = [];
  private cost: number | null = null;
  private usage: TokenUsage | null = null;
  private finishReason: string | null = null;
  private error: ParleyError | null = null;
  private aborted = false;
  private finished = false;
  private reasoningMs = 0;
  private reasoningSince: number | null = null;
  private openReasoningParts = 0;

  constructor(
    model: string,
    private readonly generation: Generation,
    private readonly describeAbort: () => ParleyError,
    private readonly now: () => number = Date.now,
  ) {
    this.model = model;
  }

  observe(part: TextStreamPart<ToolSet>): MessageMetadata | undefined {
    switch (part.type) {
      case "start":
        return { status: "streaming", model: this.model };
      case "reasoning-start":
        this.openReasoningParts += 1;
        this.reasoningSince ??= this.now();
        return undefined;
      case "reasoning-end":
        this.openReasoningParts = Math.max(0, this.openReasoningParts - 1);
        if (this.openReasoningParts === 0) this.stopReasoningClock();
        return undefined;
      case "finish-step":
        this.recordStep(part.response.modelId, part.providerMetadata);
        return undefined;
      case "error":
        this.error ??= toUpstreamError(part.error);
        return this.snapshot();
      case "abort":
        this.aborted = true;
        this.stopReasoningClock();
        if (this.generation.stopReason === undefined) {
          this.error ??= this.describeAbort();
        }
        return this.snapshot();
      case "finish":
        this.finished = true;
        this.stopReasoningClock();
        this.finishReason = part.rawFinishReason ?? part.finishReason;
        this.usage = toTokenUsage(part.totalUsage);
        return this.snapshot();
      default:
        return undefined;
    }
  }

  outcome(parts: ParleyMessage["parts"]): ReplyOutcome {
    const metadata = this.snapshot();
    return {
      parts: settleParts(parts),
      status:
        metadata.status === "streaming"
          ? "interrupted"
          : (metadata.status ?? "complete"),
      model: this.model,
      finishReason: this.finishReason,
      error: metadata.error ?? null,
      usage: this.usage,
      cost: this.cost,
      reasoningMs: metadata.reasoningMs ?? null,
      steps: this.steps,
    };
  }

  failure(): ParleyError | null {
    return this.error;
  }

  private snapshot(): MessageMetadata {
    return {
      status: this.status(),
      model: this.model,
      finishReason: this.finishReason ?? undefined,
      usage: this.usage ?? undefined,
      cost: this.cost ?? undefined,
      reasoningMs:
        this.reasoningMs > 0 && this.reasoningSince === null
          ? this.reasoningMs
          : undefined,
      error: this.error
        ? { code: this.error.code, message: this.error.message }
        : undefined,
    };
  }

  private status(): MessageMetadata["status"] {
    if (this.error) return "failed";
    if (this.aborted) {
      return this.generation.stopReason === "user" ? "stopped" : "interrupted";
    }
    return this.finished ? "complete" : "streaming";
  }

  /** Reasoning time is measured here, on the server, not in the browser. */
  private stopReasoningClock(): void {
    if (this.reasoningSince === null) return;
    this.reasoningMs += this.now() - this.reasoningSince;
    this.reasoningSince = null;
    this.openReasoningParts = 0;
  }

  private recordStep(modelId: string, metadata: unknown): void {
    // The served model can differ from the requested one (fallbacks, dated
    // slugs); keep what actually answered.
    if (modelId) this.model = modelId;
    const details = stepReasoningDetails(metadata);
    this.steps.push(details ? { reasoningDetails: details } : {});
    const openrouter = (metadata as { openrouter?: OpenRouterStepMetadata })
      ?.openrouter;
    const cost = openrouter?.usage?.cost;
    if (typeof cost === "number") this.cost = (this.cost ?? 0) + cost;
  }
}

function toTokenUsage(usage: {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  inputTokenDetails: { cacheReadTokens: number | undefined };
  outputTokenDetails: { reasoningTokens: number | undefined };
}): TokenUsage | null {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) {
    return null;
  }
  return {
    prompt: usage.inputTokens ?? 0,
    completion: usage.outputTokens ?? 0,
    reasoning: usage.outputTokenDetails.reasoningTokens ?? 0,
    cached: usage.inputTokenDetails.cacheReadTokens ?? 0,
  };
}

/**
 * A reply cut short leaves its last text or reasoning part marked as still
 * streaming; what is saved is final, so it is marked done.
 */
export function settleParts(
  parts: ParleyMessage["parts"],
): ParleyMessage["parts"] {
  return parts.map((part) =>
    (part.type === "text" || part.type === "reasoning") &&
    part.state === "streaming"
      ? { ...part, state: "done" }
      : part,
  );
}
