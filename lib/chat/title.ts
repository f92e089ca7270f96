import "server-only";
import { generateText } from "ai";
import { findModel } from "@/lib/ai/models";
import { getChatModel } from "@/lib/ai/provider";
import {
  type Conversation,
  getConversationById,
  saveGeneratedTitle,
} from "@/lib/db/conversations";
import { getMessagesByConversationId } from "@/lib/db/messages";
import { recordSpend } from "@/lib/db/spend";
import { resolveApiKey } from "@/lib/keys";
import { describeError, log } from "@/lib/log";
import { readSettings } from "@/lib/settings/schema";
import type { StoredMessage } from "@/lib/types";
import { toProviderOptions } from "./conversation-setup";
import { activePath } from "./thread";

const MAX_TITLE_CHARACTERS = 60;
// Six are asked for. A longer answer is the model answering the question,
// or repeating the prompt, rather than naming the conversation.
const MAX_TITLE_WORDS = 12;
/** How much of the first message and of the reply the model is shown. */
const EXCERPT_CHARACTERS = 1_500;
const TIMEOUT_MS = 15_000;

/**
 * Replaces the first-words title of a conversation with a short generated
 * one, once its first reply is complete. Any failure keeps the first-words
 * title, which is the fallback; a rename in the meantime always wins.
 */
export async function generateTitleIfNeeded({
  conversationId,
  userId,
}: {
  conversationId: string;
  /** The owner, who asked for the reply: their key, their spend. */
  userId: string;
}): Promise<void> {
  try {
    const conversation = await getConversationById({
      id: conversationId,
      userId,
    });
    if (conversation?.titleSource !== "message") return;
    const messages = await getMessagesByConversationId({ conversationId });
    const path = activePath(messages);
    const [question, answer] = path;
    // Only the first exchange: a title that survived it stays for good.
    if (!question || answer?.status !== "complete" || path.length !== 2) {
      return;
    }
    const raw = await askForTitle({ conversation, question, answer, userId });
    const title = cleanTitle(raw);
    if (!title) throw new Error("The model answered without a usable title.");
    await saveGeneratedTitle({ id: conversationId, title });
  } catch (error) {
    log.warn("title not generated", {
      conversationId,
      ...describeError(error),
    });
  }
}

async function askForTitle({
  conversation,
  question,
  answer,
  userId,
}: {
  conversation: Conversation;
  question: StoredMessage;
  answer: StoredMessage;
  userId: string;
}): Promise<string> {
  const { params } = readSettings(conversation.settings);
  const efforts = (await findModel(conversation.model))?.reasoningEfforts;
  // Thinking would spend the few output tokens a title gets.
  const effort = (["none", "minimal"] as const).find((value) =>
    efforts?.includes(value),
  );
  const apiKey = await resolveApiKey(userId);
  if (!apiKey) throw new Error("No OpenRouter key to ask for a title with.");
  const result = await generateText({
    model: getChatModel(conversation.model, apiKey),
    prompt: titlePrompt({
      question: textOf(question),
      answer: textOf(answer),
    }),
    maxOutputTokens: 30,
    maxRetries: 0,
    timeout: TIMEOUT_MS,
    // The person's routing choices (data collection, provider order,
    // fallback models) hold for this call too.
    providerOptions: toProviderOptions({
      params: {
        provider: params.provider,
        models: params.models,
        reasoning: effort ? { effort } : undefined,
      },
    }),
  });
  // Titles cost little, but they count towards the spending caps too.
  const openrouter = result.providerMetadata?.openrouter as
    | { usage?: { cost?: number } }
    | undefined;
  const cost = openrouter?.usage?.cost;
  if (typeof cost === "number") {
    await recordSpend({
      userId,
      kind: "title",
      model: result.response.modelId || conversation.model,
      cost,
      promptTokens: result.usage.inputTokens ?? null,
      completionTokens: result.usage.outputTokens ?? null,
    });
  }
  return result.text;
}

/** The one user message of the title request; it quotes the first message. */
export function titlePrompt({
  question,
  answer,
}: {
  question: string;
  answer: string;
}): string {
  return [
    "Give a title of at most 6 words for the conversation below, in the " +
      "language of its first message. Answer with the title only: no " +
      "quotes, no final punctuation.",
    "",
    `First message:\n${excerpt(question)}`,
    "",
    `Reply:\n${excerpt(answer)}`,
  ].join("\n");
}

/**
 * A title as the sidebar shows it: one line, without reasoning tags, labels,
 * Markdown, quotes or final punctuation, at most 60 characters. Empty when
 * nothing usable is left, or when the answer is too long to be a title.
 */
export function cleanTitle(raw: string): string {
  const line =
    raw
      .replace(/<think>[\s\S]*?(<\/think>|$)/gi, "")
      .split("\n")
      .map((text) => text.trim())
      .find((text) => text !== "") ?? "";
  const title = line
    .replace(/\*\*|__|`/g, "")
    .replace(/^(#+|[-*>])\s+/, "")
    .replace(/^title\s*:/i, "")
    .replace(/^[\s"'“”‘’«»*_]+/, "")
    .replace(/[\s"'“”‘’«»*_.,;:!…]+$/, "")
    .replace(/\s+/g, " ");
  if (title.split(" ").length > MAX_TITLE_WORDS) return "";
  return truncate(title);
}

function truncate(title: string): string {
  if (title.length <= MAX_TITLE_CHARACTERS) return title;
  const cut = title.slice(0, MAX_TITLE_CHARACTERS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function textOf(message: StoredMessage): string {
  return message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("\n")
    .trim();
}

function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARACTERS) return text;
  return `${text.slice(0, EXCERPT_CHARACTERS)}…`;
}
