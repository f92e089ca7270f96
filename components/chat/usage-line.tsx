import type { MessageMetadata } from "@/lib/types";

export function UsageLine({
  metadata,
}: {
  metadata: MessageMetadata | undefined;
}) {
  const usage = metadata?.usage;
  if (!usage && metadata?.cost === undefined) return null;
  const pieces: string[] = [];
  if (metadata?.model) pieces.push(metadata.model);
  if (usage) {
    pieces.push(`${usage.prompt} in · ${usage.completion} out`);
    if (usage.reasoning > 0) pieces.push(`${usage.reasoning} reasoning`);
    if (usage.cached > 0) pieces.push(`${usage.cached} cached`);
  }
  if (metadata?.cost !== undefined) pieces.push(`$${metadata.cost.toFixed(6)}`);
  return <span data-testid="usage">{pieces.join(" · ")}</span>;
}
