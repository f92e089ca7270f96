import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect } from "@playwright/test";
import Database from "better-sqlite3";
import { APP_URL, E2E_DATABASE_URL } from "../support/config";

const root = path.resolve(import.meta.dirname, "../..");

/** The file behind a `file:` database URL, from the project root. */
export function databaseFile(databaseUrl = E2E_DATABASE_URL): string {
  return path.resolve(root, databaseUrl.replace(/^file:/, ""));
}

/** A `Message` row as SQLite holds it; JSON columns parsed. */
export type MessageRow = {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: string;
  parts: { type: string; [key: string]: unknown }[];
  status: string;
  model: string | null;
  finishReason: string | null;
  error: { code: string; message: string } | null;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  cachedTokens: number | null;
  cost: number | null;
  providerMetadata: { steps: { reasoningDetails?: unknown[] }[] } | null;
};

type RawRow = Record<string, unknown>;

function parseJsonColumn(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/**
 * A conversation's messages, oldest first, read straight from the file the
 * app writes (read-only, one short connection per call).
 */
export function readMessages(
  conversationId: string,
  databaseUrl = E2E_DATABASE_URL,
): MessageRow[] {
  const db = new Database(databaseFile(databaseUrl), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const rows = db
      .prepare(
        'SELECT * FROM "Message" WHERE "conversationId" = ? ' +
          'ORDER BY "createdAt", "id"',
      )
      .all(conversationId) as RawRow[];
    return rows.map(
      (row) =>
        ({
          ...row,
          parts: parseJsonColumn(row.parts),
          error: parseJsonColumn(row.error),
          providerMetadata: parseJsonColumn(row.providerMetadata),
        }) as MessageRow,
    );
  } finally {
    db.close();
  }
}

export function conversationExists(
  conversationId: string,
  databaseUrl = E2E_DATABASE_URL,
): boolean {
  const db = new Database(databaseFile(databaseUrl), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const row = db
      .prepare('SELECT 1 FROM "Conversation" WHERE "id" = ?')
      .get(conversationId);
    return row !== undefined;
  } finally {
    db.close();
  }
}

/** The text parts of a stored message, joined. */
export function storedText(message: MessageRow | undefined): string {
  return (message?.parts ?? [])
    .map((part) => (part.type === "text" ? String(part.text) : ""))
    .join("");
}

export type Turn = { conversationId: string; messageId: string };

export function newTurn(conversationId: string = randomUUID()): Turn {
  return { conversationId, messageId: randomUUID() };
}

/** `POST /api/chat` with a new user message, as the browser sends it. */
export function sendMessage(
  { conversationId, messageId }: Turn,
  text: string,
  {
    baseUrl = APP_URL,
    signal,
  }: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  return postChat(
    {
      trigger: "submit-message",
      id: conversationId,
      message: { id: messageId, role: "user", parts: [{ type: "text", text }] },
    },
    { baseUrl, signal },
  );
}

/** `POST /api/chat` asking for another reply to a user message. */
export function regenerate(
  conversationId: string,
  parentId: string,
): Promise<Response> {
  return postChat({
    trigger: "regenerate-message",
    id: conversationId,
    parentId,
  });
}

export function postChat(
  body: unknown,
  {
    baseUrl = APP_URL,
    signal,
  }: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/** An OpenRouter chat request as the fake recorded it. */
export type UpstreamBody = {
  model: string;
  stream: boolean;
  messages: {
    role: string;
    content?: unknown;
    reasoning_details?: unknown[];
    tool_calls?: unknown[];
    tool_call_id?: string;
    [key: string]: unknown;
  }[];
};

/** Waits until the conversation has replies and none is `streaming`. */
export async function settledMessages(
  conversationId: string,
  databaseUrl = E2E_DATABASE_URL,
): Promise<MessageRow[]> {
  await expect
    .poll(
      () => {
        const statuses = readMessages(conversationId, databaseUrl)
          .filter((message) => message.role === "assistant")
          .map((message) => message.status);
        return statuses.length > 0 && !statuses.includes("streaming");
      },
      { message: `replies of ${conversationId} settle` },
    )
    .toBe(true);
  return readMessages(conversationId, databaseUrl);
}
