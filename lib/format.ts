/** "1M", "128K", "8K" — context lengths the way model pages show them. */
export function formatTokenCount(tokens: number | null): string {
  if (tokens === null) return "unknown";
  if (tokens >= 1_000_000) {
    // 1,048,576 and 1,000,000 are both "1M"; one decimal at most.
    const millions = Math.round(tokens / 100_000) / 10;
    return `${millions}M`;
  }
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
  return String(tokens);
}

/** A price per million tokens: "$0.10", "$15", "$0.075", "free". */
export function formatPrice(perMillion: number | null): string {
  if (perMillion === null) return "unknown";
  if (perMillion === 0) return "free";
  if (perMillion >= 10) return `$${perMillion.toFixed(perMillion % 1 ? 2 : 0)}`;
  const digits = perMillion < 0.1 ? 3 : 2;
  return `$${perMillion.toFixed(digits).replace(/(\.\d\d)0$/, "$1")}`;
}
