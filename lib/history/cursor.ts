import { z } from "zod";

/** Where a page of the conversation list ends: its last row's sort key. */
export type ListCursor = { pinned: boolean; updatedAt: string; id: string };

const cursorSchema = z.tuple([
  z.boolean(),
  z.iso.datetime({ offset: true }),
  z.string().min(1).max(100),
]);

/** Opaque to clients: base64url of the key, so its shape may change. */
export function encodeCursor({ pinned, updatedAt, id }: ListCursor): string {
  return Buffer.from(JSON.stringify([pinned, updatedAt, id])).toString(
    "base64url",
  );
}

/** The key a cursor carries, or null if it is not one of ours. */
export function decodeCursor(cursor: string): ListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  try {
    const json: unknown = JSON.parse(
      Buffer.from(cursor, "base64url").toString("utf8"),
    );
    const parsed = cursorSchema.safeParse(json);
    if (!parsed.success) return null;
    const [pinned, updatedAt, id] = parsed.data;
    return { pinned, updatedAt, id };
  } catch {
    return null;
  }
}
