import { describe, expect, it } from "vitest";
import { groupConversations, startOfLocalDay } from "./groups";

const at = (date: Date, pinned = false) => ({
  id: date.toISOString(),
  pinned,
  updatedAt: date.toISOString(),
});

// Local times, so the test holds in any time zone the machine runs in.
const now = new Date(2026, 2, 15, 9, 30);
const midnight = new Date(2026, 2, 15);
const weekAgo = new Date(2026, 2, 8);
const labels = (items: ReturnType<typeof at>[]) =>
  groupConversations(items, now).map((group) => [
    group.label,
    group.items.map((item) => item.id),
  ]);

describe("groupConversations", () => {
  it("puts midnight itself in Today and the moment before it in Previous 7 days", () => {
    const first = at(midnight);
    const before = at(new Date(midnight.getTime() - 1));
    expect(labels([first, before])).toEqual([
      ["Today", [first.id]],
      ["Previous 7 days", [before.id]],
    ]);
  });

  it("keeps exactly 7 days before midnight in Previous 7 days, older is Older", () => {
    const edge = at(weekAgo);
    const older = at(new Date(weekAgo.getTime() - 1));
    expect(labels([edge, older])).toEqual([
      ["Previous 7 days", [edge.id]],
      ["Older", [older.id]],
    ]);
  });

  it("shows pinned first whatever their age, and keeps the order within groups", () => {
    const pinnedOld = at(new Date(2020, 0, 1), true);
    const a = at(new Date(2026, 2, 15, 9));
    const b = at(new Date(2026, 2, 15, 1));
    const old = at(new Date(2025, 0, 1));
    expect(labels([pinnedOld, a, b, old])).toEqual([
      ["Pinned", [pinnedOld.id]],
      ["Today", [a.id, b.id]],
      ["Older", [old.id]],
    ]);
  });

  it("counts a future date as today and leaves out empty groups", () => {
    const future = at(new Date(2026, 2, 16, 12));
    expect(labels([future])).toEqual([["Today", [future.id]]]);
    expect(labels([])).toEqual([]);
  });

  it("takes the local day, not the UTC one", () => {
    expect(startOfLocalDay(now)).toEqual(midnight);
    expect(startOfLocalDay(midnight)).toEqual(midnight);
  });
});
