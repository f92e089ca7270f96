import { describe, expect, it } from "vitest";
import type { ParleyMessage } from "@/lib/types";
import { formatCost, sumUsage } from "./usage-totals";

const reply = (prompt: number, completion: number, cost?: number) =>
  ({
    id: `a${prompt}`,
    role: "assistant",
    parts: [],
    metadata: {
      usage: { prompt, completion, reasoning: 0, cached: 0 },
      cost,
    },
  }) satisfies ParleyMessage;

describe("conversation totals", () => {
  it("adds up the replies' tokens and costs, skipping what has none", () => {
    const messages: ParleyMessage[] = [
      { id: "u1", role: "user", parts: [] },
      reply(100, 20, 0.0001),
      { id: "a-failed", role: "assistant", parts: [], metadata: {} },
      reply(300, 50, 0.0003),
      reply(10, 5),
    ];
    const totals = sumUsage(messages);
    expect(totals.tokens).toBe(485);
    expect(totals.replies).toBe(3);
    expect(totals.cost).toBeCloseTo(0.0004, 10);
  });

  it("formats costs the way a bill would", () => {
    expect(formatCost(0)).toBe("$0");
    expect(formatCost(0.00004)).toBe("<$0.0001");
    expect(formatCost(0.0042)).toBe("$0.0042");
    expect(formatCost(3.456)).toBe("$3.46");
  });
});
