import "server-only";
import type { Conversation } from "@/lib/db/conversations";
import { getMessagesByConversationId } from "@/lib/db/messages";
import { ParleyError } from "@/lib/errors";
import type { GenerationSettings } from "@/lib/settings/schema";
import type { ParleyMessage, StoredMessage } from "@/lib/types";
import { activePath, pathTo } from "./thread";

/** What the browser asks for: a new message, or another reply to one. */
export type TurnRequest =
  | {
      kind: "send";
      conversationId: string;
      message: { id: string; parts: ParleyMessage["parts"] };
      /** The browser's choice for a conversation that doesn't exist yet. */
      setup?: { model?: string; settings?: GenerationSettings };
    }
  | { kind: "retry"; conversationId: string; parentId: string };

export type Turn = {
  title: string;
  /** The user's new message, when there is one to save. */
  userMessage?: {
    id: string;
    parentId: string | null;
    parts: ParleyMessage["parts"];
  };
  /** The message the reply answers. */
  parentId: string;
  /** Everything the model is sent, oldest first, ending with the question. */
  history: StoredMessage[];
};

const TITLE_LENGTH = 60;

export async function prepareTurn({
  request,
  conversation,
}: {
  request: TurnRequest;
  conversation: Conversation | null;
}): Promise<Turn> {
  const stored = conversation
    ? await getMessagesByConversationId({ conversationId: conversation.id })
    : [];

  if (request.kind === "send") {
    const path = activePath(stored);
    const parentId = path.at(-1)?.id ?? null;
    const userMessage = {
      id: request.message.id,
      parentId,
      parts: request.message.parts,
    };
    const asStored: StoredMessage = {
      ...userMessage,
      conversationId: request.conversationId,
      role: "user",
      status: "complete",
      model: null,
      finishReason: null,
      error: null,
      usage: null,
      cost: null,
      steps: [],
      createdAt: new Date(),
    };
    return {
      title: conversation?.title ?? titleFrom(request.message.parts),
      userMessage,
      parentId: userMessage.id,
      history: [...path, asStored],
    };
  }

  if (!conversation) {
    throw new ParleyError(
      "not_found:conversation",
      "This conversation does not exist.",
    );
  }
  const parent = stored.find((message) => message.id === request.parentId);
  if (parent?.role !== "user") {
    throw new ParleyError(
      "not_found:message",
      "The message to answer again is not part of this conversation.",
    );
  }
  return {
    title: conversation.title,
    parentId: parent.id,
    history: pathTo(stored, parent.id),
  };
}

function titleFrom(parts: ParleyMessage["parts"]): string {
  const text = parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= TITLE_LENGTH) return text || "New chat";
  return `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}
