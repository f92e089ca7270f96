import type { z } from "zod";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedConversation,
  exportedConversationSchema,
} from "./format";

export type ValidationResult =
  | { ok: true; conversations: ExportedConversation[] }
  | { ok: false; message: string };

const MAX_CONVERSATIONS = 100_000;

/**
 * Checks a parsed file completely before anything is written, and says in
 * words where the first problem is: which conversation (number and title),
 * which message, which field.
 */
export function validateExportFile(file: unknown): ValidationResult {
  const fail = (message: string): ValidationResult => ({ ok: false, message });
  if (typeof file !== "object" || file === null || Array.isArray(file)) {
    return fail("This is not a Parley export: the file is not a JSON object.");
  }
  const envelope = file as Record<string, unknown>;
  if (envelope.format !== EXPORT_FORMAT) {
    return fail(
      `This is not a Parley export: "format" should be "${EXPORT_FORMAT}".`,
    );
  }
  const version = envelope.version;
  if (typeof version !== "number" || !Number.isInteger(version)) {
    return fail('The export has no valid "version".');
  }
  if (version > EXPORT_VERSION) {
    return fail(
      `Export version ${version} is newer than this Parley understands ` +
        `(${EXPORT_VERSION}). Update Parley, then import again.`,
    );
  }
  if (version < 1) return fail(`Export version ${version} does not exist.`);
  const list = envelope.conversations;
  if (!Array.isArray(list)) {
    return fail('The export has no "conversations" list.');
  }
  if (list.length > MAX_CONVERSATIONS) {
    return fail(
      `The export holds ${list.length} conversations; at most ` +
        `${MAX_CONVERSATIONS} can be imported at once.`,
    );
  }

  const conversations: ExportedConversation[] = [];
  const seenConversations = new Set<string>();
  const messageOwner = new Map<string, number>();
  for (const [index, raw] of list.entries()) {
    const parsed = exportedConversationSchema.safeParse(raw);
    const where = describeConversation(index, raw);
    if (!parsed.success)
      return fail(`${where}: ${describeIssue(parsed.error)}`);
    const conversation = parsed.data;
    if (seenConversations.has(conversation.id)) {
      return fail(`${where}: its id appears twice in the file.`);
    }
    seenConversations.add(conversation.id);

    const ids = new Set<string>();
    for (const [position, message] of conversation.messages.entries()) {
      const at = `${where}, message ${position + 1}`;
      const owner = messageOwner.get(message.id);
      if (ids.has(message.id) || owner !== undefined) {
        return fail(`${at}: the id ${message.id} appears twice in the file.`);
      }
      // Parents come first, which also rules out cycles.
      if (message.parentId !== null && !ids.has(message.parentId)) {
        return fail(
          `${at}: its parent ${message.parentId} is not among the messages ` +
            "before it in this conversation.",
        );
      }
      ids.add(message.id);
      messageOwner.set(message.id, index);
    }
    if (conversation.activeLeafId && !ids.has(conversation.activeLeafId)) {
      return fail(
        `${where}: the message it shows (${conversation.activeLeafId}) is ` +
          "not in the file.",
      );
    }
    conversations.push(conversation);
  }
  return { ok: true, conversations };
}

function describeConversation(index: number, raw: unknown): string {
  const title =
    typeof raw === "object" && raw !== null && "title" in raw
      ? (raw as { title: unknown }).title
      : undefined;
  const label =
    typeof title === "string" && title.length > 0
      ? ` ("${title.length > 60 ? `${title.slice(0, 57)}...` : title}")`
      : "";
  return `Conversation ${index + 1}${label}`;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "it is not valid.";
  const [first, second, ...rest] = issue.path;
  if (first === "messages" && typeof second === "number") {
    const field = rest.length ? ` "${rest.join(".")}"` : "";
    return `message ${second + 1}${field}: ${issue.message}`;
  }
  const field = issue.path.length ? `"${issue.path.join(".")}"` : "it";
  return `${field}: ${issue.message}`;
}
