import "server-only";
import { getMessageTreeByConversationId } from "@/lib/db/branches";
import type { Conversation } from "@/lib/db/conversations";
import { ParleyError } from "@/lib/errors";
import type { GenerationSettings } from "@/lib/settings/schema";
import type { ParleyMessage, StoredMessage } from "@/lib/types";
import { activePath, pathTo, textOf } from "./thread";

/**
 * What the browser asks for: a new message (after the shown branch, or as
 * another version of `editOf`), another reply to a message, or a reply
 * that carries on from where an unfinished one ended.
 */
export type TurnRequest =
  | {
      kind: "send";
      conversationId: string;
      message: { id: string; parts: ParleyMessage["parts"] };
      /** The browser's choice for a conversation that doesn't exist yet. */
      setup?: { model?: string; settings?: GenerationSettings };
      /** The user message this one is an edited version of. */
      editOf?: string;
    }
  | { kind: "retry"; conversationId: string; parentId: string }
  | { kind: "continue"; conversationId: string; messageId: string };

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
  /** Everything the model is sent, oldest first. */
  history: StoredMessage[];
  /** Text the reply starts with: the unfinished reply it continues. */
  prefix?: string;
};

const TITLE_LENGTH = 60;
const CONTINUABLE = new Set(["stopped", "failed", "interrupted"]);

export async function prepareTurn({
  request,
  conversation,
}: {
  request: TurnRequest;
  conversation: Conversation | null;
}): Promise<Turn> {
  const tree = conversation
    ? await getMessageTreeByConversationId({
        conversationId: conversation.id,
        // Found as the requester's own by streamReply.
        userId: conversation.userId,
      })
    : null;
  if (request.kind === "send" && !request.editOf) {
    const path = activePath(tree?.messages ?? [], tree?.activeLeafId);
    return sendTurn(request, conversation?.title, path);
  }
  if (!conversation || !tree) {
    throw new ParleyError(
      "not_found:conversation",
      "This conversation does not exist.",
    );
  }
  const stored = tree.messages;
  const find = (id: string) => stored.find((message) => message.id === id);
  const title = conversation.title;

  if (request.kind === "send") {
    const original = find(request.editOf ?? "");
    if (original?.role !== "user") throw notInConversation("to edit");
    const before = original.parentId ? pathTo(stored, original.parentId) : [];
    return sendTurn(request, title, before);
  }
  if (request.kind === "retry") {
    const parent = find(request.parentId);
    if (parent?.role !== "user") throw notInConversation("to answer again");
    return { title, parentId: parent.id, history: pathTo(stored, parent.id) };
  }
  const unfinished = find(request.messageId);
  if (unfinished?.role !== "assistant" || !unfinished.parentId) {
    throw notInConversation("to continue");
  }
  if (!CONTINUABLE.has(unfinished.status)) {
    throw new ParleyError(
      "bad_request:message",
      "Only a reply that stopped, failed or was interrupted can be continued.",
    );
  }
  // The unfinished reply goes last: OpenRouter takes a trailing assistant
  // message as the start of the answer and carries on from its end.
  return {
    title,
    parentId: unfinished.parentId,
    history: pathTo(stored, unfinished.id),
    prefix: textOf(unfinished.parts),
  };
}

function sendTurn(
  request: Extract<TurnRequest, { kind: "send" }>,
  title: string | undefined,
  before: StoredMessage[],
): Turn {
  const userMessage = {
    id: request.message.id,
    parentId: before.at(-1)?.id ?? null,
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
    title: title ?? titleFrom(request.message.parts),
    userMessage,
    parentId: userMessage.id,
    history: [...before, asStored],
  };
}

function notInConversation(purpose: string): ParleyError {
  return new ParleyError(
    "not_found:message",
    `The message ${purpose} is not part of this conversation.`,
  );
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
