import { describe, expect, it } from "vitest";
import { parentsFirst } from "./order";

const m = (id: string, parentId: string | null = null) => ({ id, parentId });
const ids = (list: { id: string }[]) => list.map((item) => item.id);

describe("parentsFirst", () => {
  it("keeps an order that is already parents first", () => {
    const list = [m("a"), m("b", "a"), m("c", "a"), m("d", "b")];
    expect(ids(parentsFirst(list))).toEqual(["a", "b", "c", "d"]);
  });

  it("moves a child that came before its parent to just after it", () => {
    const list = [m("b", "a"), m("c", "b"), m("x"), m("a")];
    expect(ids(parentsFirst(list))).toEqual(["x", "a", "b", "c"]);
  });

  it("treats a message whose parent is missing as a root", () => {
    expect(ids(parentsFirst([m("b", "gone"), m("c", "b")]))).toEqual([
      "b",
      "c",
    ]);
  });

  it("keeps messages caught in a parent loop, at the end", () => {
    const looped = [m("a", "b"), m("b", "a"), m("c")];
    expect(ids(parentsFirst(looped)).sort()).toEqual(["a", "b", "c"]);
    expect(ids(parentsFirst(looped))[0]).toBe("c");
  });
});
