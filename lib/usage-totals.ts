import type { ParleyMessage } from "@/lib/types";

export type UsageTotals = { tokens: number; cost: number; replies: number };

/** What the replies shown so far used, from OpenRouter's own figures. */
export function sumUsage(messages: ParleyMessage[]): UsageTotals {
  const totals: UsageTotals = { tokens: 0, cost: 0, replies: 0 };
  for (const message of messages) {
    const metadata = message.metadata;
    if (message.role !== "assistant" || !metadata?.usage) continue;
    totals.replies += 1;
    totals.tokens += metadata.usage.prompt + metadata.usage.completion;
    totals.cost += metadata.cost ?? 0;
  }
  return totals;
}

/** "$0.0042", or "<$0.0001" for what would round to nothing. */
export function formatCost(cost: number): string {
  if (cost === 0) return "$0";
  if (cost < 0.0001) return "<$0.0001";
  return `$${cost < 1 ? cost.toFixed(4) : cost.toFixed(2)}`;
}
