import type { ParleyMessage, StoredMessage } from "@/lib/types";

/**
 * The other versions of each shown message that has some: its id maps to
 * the ids of all messages sharing its parent, itself included, oldest first.
 */
export type Versions = Record<string, string[]>;

/** What a conversation page shows: one branch of the tree. */
export type ThreadView = { messages: ParleyMessage[]; versions: Versions };

/**
 * The messages a conversation shows: the chain down to `activeLeafId` when
 * that leads back to a first message, then the newest child at each fork
 * below it. Without a usable leaf, the newest branch from the top. Messages
 * arrive ordered by creation time, so the last child seen is the newest.
 */
/** What the branch functions need of a message. */
type TreeNode = { id: string; parentId: string | null };

export function activePath<Message extends TreeNode>(
  messages: Message[],
  activeLeafId?: string | null,
): Message[] {
  const chosen = activeLeafId ? pathTo(messages, activeLeafId) : [];
  const start = chosen[0]?.parentId === null ? chosen : [];
  return descend(messages, start);
}

/** The chain from the root to `id`, inclusive; empty if `id` is unknown. */
export function pathTo<Message extends TreeNode>(
  messages: Message[],
  id: string,
): Message[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  const path: Message[] = [];
  let current = byId.get(id);
  while (current && path.length < messages.length) {
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

/** The path through `id` and on down its newest replies. */
export function branchThrough(
  messages: StoredMessage[],
  id: string,
): StoredMessage[] {
  return descend(messages, pathTo(messages, id));
}

/** The version lists of the messages on `path` that have more than one. */
export function versionsOf(
  messages: StoredMessage[],
  path: StoredMessage[],
): Versions {
  const children = childrenByParent(messages);
  const versions: Versions = {};
  for (const message of path) {
    const siblings = children.get(message.parentId) ?? [];
    if (siblings.length > 1) {
      versions[message.id] = siblings.map((sibling) => sibling.id);
    }
  }
  return versions;
}

export function toThreadView(
  messages: StoredMessage[],
  path: StoredMessage[],
): ThreadView {
  return {
    messages: path.map(toUIMessage),
    versions: versionsOf(messages, path),
  };
}

export function toUIMessage(message: StoredMessage): ParleyMessage {
  return {
    id: message.id,
    role: message.role,
    parts: message.parts,
    metadata: {
      status: message.status,
      model: message.model ?? undefined,
      finishReason: message.finishReason ?? undefined,
      usage: message.usage ?? undefined,
      cost: message.cost ?? undefined,
      reasoningMs: message.reasoningMs ?? undefined,
      error: message.error ?? undefined,
    },
  };
}

/** The visible text of a message: its text parts, reasoning left out. */
export function textOf(parts: ParleyMessage["parts"]): string {
  return parts
    .flatMap((part) => (part.type === "text" ? [part.text] : []))
    .join("\n\n");
}

/** Extends `path` (from the root) by the newest child at every fork. */
function descend<Message extends TreeNode>(
  messages: Message[],
  path: Message[],
): Message[] {
  const children = childrenByParent(messages);
  const result = [...path];
  const seen = new Set(result.map((message) => message.id));
  let next = children.get(result.at(-1)?.id ?? null)?.at(-1);
  // `seen` ends a parent loop in damaged data instead of spinning.
  while (next && !seen.has(next.id)) {
    result.push(next);
    seen.add(next.id);
    next = children.get(next.id)?.at(-1);
  }
  return result;
}

function childrenByParent<Message extends TreeNode>(
  messages: Message[],
): Map<string | null, Message[]> {
  const children = new Map<string | null, Message[]>();
  for (const message of messages) {
    const list = children.get(message.parentId);
    if (list) list.push(message);
    else children.set(message.parentId, [message]);
  }
  return children;
}
