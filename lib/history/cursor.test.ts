import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const key = {
  pinned: true,
  updatedAt: "2026-12-04T10:53:24.123Z",
  id: "4f6c1d2e-0000-4000-8000-000000000000",
};

describe("list cursors", () => {
  it("round-trips a row's sort key through an opaque base64url string", () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it("refuses what is not a cursor of ours", () => {
    const encode = (value: unknown) =>
      Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const bad of [
      "",
      "not a cursor!",
      "x".repeat(500),
      Buffer.from("{").toString("base64url"),
      encode({ pinned: true }),
      encode([true, "yesterday", "id"]),
      encode(["true", key.updatedAt, key.id]),
      encode([false, key.updatedAt, ""]),
    ]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});
