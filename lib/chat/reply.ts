import "server-only";
import { randomUUID } from "node:crypto";
import {
  createUIMessageStreamResponse,
  stepCountIs,
  streamText,
  toUIMessageStream,
  type UIMessageChunk,
} from "ai";
import { getChatModel } from "@/lib/ai/provider";
import { type ToolName, tools } from "@/lib/ai/tools";
import {
  conversationIdExists,
  getConversationById,
} from "@/lib/db/conversations";
import { beginReply, finishReply } from "@/lib/db/messages";
import { getEnv } from "@/lib/env";
import { ParleyError } from "@/lib/errors";
import { missingKeyError, resolveApiKey } from "@/lib/keys";
import { describeError, log } from "@/lib/log";
import type { GenerationSettings } from "@/lib/settings/schema";
import { assertWithinSpendCaps } from "@/lib/spend/server";
import type { ParleyMessage } from "@/lib/types";
import { conversationNotFound } from "./branch";
import { prependText } from "./continuation";
import { resolveSetup, toProviderOptions } from "./conversation-setup";
import { registerGeneration, releaseGeneration } from "./generations";
import {
  attachReasoningDetails,
  stepReasoningDetails,
  toModelMessages,
} from "./model-messages";
import { ReplyRecorder } from "./reply-recorder";
import { getReplyStreams, type ReplyStreamWriter } from "./reply-streams";
import { generateTitleIfNeeded } from "./title";
import { prepareTurn, type TurnRequest } from "./turn";
import { toUpstreamError } from "./upstream-error";

/** Upper bound on model calls in one reply's tool loop. */
const MAX_STEPS = 6;

/**
 * Answers one turn: saves the user's message, streams the model's reply to
 * the browser, and saves the reply however it ends. The reply runs to its
 * end on the server even if the browser goes away.
 */
export async function streamReply(
  request: TurnRequest,
  { requestId, userId }: { requestId: string; userId: string },
): Promise<Response> {
  const apiKey = await resolveApiKey(userId);
  if (!apiKey) throw missingKeyError();
  await assertWithinSpendCaps(userId);
  const env = getEnv();
  const startedAt = Date.now();
  const conversation = await getConversationById({
    id: request.conversationId,
    userId,
  });
  // The browser picks a new conversation's id: one that another user has
  // is refused as missing, never written into.
  if (
    !conversation &&
    (await conversationIdExists({ id: request.conversationId }))
  ) {
    throw conversationNotFound();
  }
  const turn = await prepareTurn({ request, conversation });
  const { model, settings } = await resolveSetup({
    userId,
    conversation,
    requested: request.kind === "send" ? request.setup : undefined,
  });
  const assistantId = randomUUID();
  // Converted before anything is saved: a history that cannot be sent
  // fails the request without leaving a half-made turn behind.
  const messages = await toModelMessages(turn.history);

  await beginReply({
    conversation: {
      id: request.conversationId,
      userId,
      title: turn.title,
      model,
      settings,
    },
    userMessage: turn.userMessage,
    assistantMessage: { id: assistantId, parentId: turn.parentId, model },
  });

  const generation = registerGeneration({
    conversationId: request.conversationId,
    messageId: assistantId,
  });
  const shared = await shareReply({
    conversationId: request.conversationId,
    messageId: assistantId,
  });
  const idleSeconds = env.UPSTREAM_IDLE_TIMEOUT_SECONDS;
  const recorder = new ReplyRecorder(
    model,
    generation,
    () =>
      new ParleyError(
        "upstream:openrouter",
        `OpenRouter sent nothing for ${idleSeconds} seconds, so Parley ` +
          "gave up on this reply. Retry, or pick another model.",
      ),
  );

  const result = streamText({
    model: getChatModel(model, apiKey),
    instructions: settings.systemPrompt || undefined,
    messages,
    providerOptions: toProviderOptions(settings),
    tools,
    activeTools: activeToolNames(settings),
    stopWhen: stepCountIs(MAX_STEPS),
    // A failed reply is shown at once with a Retry button rather than
    // retried silently behind a spinner.
    maxRetries: 0,
    abortSignal: generation.controller.signal,
    prepareStep: ({ initialMessages, responseMessages, steps }) => ({
      messages: [
        ...initialMessages,
        ...attachReasoningDetails(
          responseMessages,
          steps.map((step) => stepReasoningDetails(step.providerMetadata)),
        ),
      ],
    }),
    onError: ({ error }) => {
      // Reported to the browser and logged once the reply ends; this only
      // keeps the SDK from printing the raw error a second time.
      void error;
    },
    timeout: { firstChunkMs: idleSeconds * 1000, chunkMs: idleSeconds * 1000 },
  });

  const stream = toUIMessageStream<typeof tools, ParleyMessage>({
    stream: prependText(result.stream, turn.prefix),
    tools,
    sendReasoning: true,
    sendSources: true,
    generateMessageId: () => assistantId,
    messageMetadata: ({ part }) => recorder.observe(part),
    onError: (error) =>
      JSON.stringify((recorder.failure() ?? toUpstreamError(error)).toBody()),
    redactToolErrors: false,
    onEnd: async ({ responseMessage }) => {
      const outcome = recorder.outcome(responseMessage.parts);
      try {
        await finishReply({ id: assistantId, userId, outcome });
        void generateTitleIfNeeded({
          conversationId: request.conversationId,
          userId,
        });
      } catch (error) {
        log.error("reply not saved", {
          messageId: assistantId,
          ...describeError(error),
        });
      } finally {
        releaseGeneration(assistantId);
      }
      log.info("chat reply", {
        requestId,
        userId,
        conversationId: request.conversationId,
        messageId: assistantId,
        model: outcome.model,
        status: outcome.status,
        errorCode: outcome.error?.code,
        promptTokens: outcome.usage?.prompt,
        completionTokens: outcome.usage?.completion,
        reasoningTokens: outcome.usage?.reasoning,
        cost: outcome.cost,
        durationMs: Date.now() - startedAt,
      });
    },
  });

  // One branch goes to the browser, the other is read here to the end, so
  // a closed tab neither stops the reply nor loses it, and is shared with
  // tabs that join later (a reload, another instance).
  const [toBrowser, toServer] = stream.tee();
  void drain(toServer, shared);
  return createUIMessageStreamResponse({
    stream: toBrowser,
    // Next would gzip the event stream, flushing after every token; the
    // tokens are small and the cost per chunk is not (see bench/README.md).
    headers: { "cache-control": "no-cache, no-transform" },
  });
}

function activeToolNames(settings: GenerationSettings): ToolName[] {
  const disabled = new Set(settings.disabledTools ?? []);
  return (Object.keys(tools) as ToolName[]).filter(
    (name) => !disabled.has(name),
  );
}

/** Reads a reply to its end (which runs onEnd), sharing every chunk. */
async function drain(
  stream: ReadableStream<UIMessageChunk>,
  shared: ReplyStreamWriter | undefined,
): Promise<void> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      shared?.append(value);
    }
  } catch (error) {
    log.error("reply stream failed", describeError(error));
  } finally {
    shared?.close();
  }
}

/**
 * Opens the reply to later joiners. Without the store (Redis down) the
 * reply still streams to this tab and is saved; only joining is lost.
 */
async function shareReply(reply: {
  conversationId: string;
  messageId: string;
}): Promise<ReplyStreamWriter | undefined> {
  try {
    return (await getReplyStreams()).publish(reply);
  } catch (error) {
    log.warn("reply not shared", { ...reply, ...describeError(error) });
    return undefined;
  }
}
