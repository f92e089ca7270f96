import { tool } from "ai";
import { z } from "zod";
import { evaluate, MAX_LENGTH } from "./calculator/evaluate";
import { formatApproximation, formatExact } from "./calculator/format";

export type Calculation = {
  expression: string;
  /** Exact: an integer, a terminating decimal or p/q. Else an estimate. */
  result: string;
  exact: boolean;
  /** p/q when an exact result is not an integer. */
  fraction?: string;
  /** About 20 significant digits, when `result` is a fraction or long. */
  approximation?: string;
  note?: string;
};

/** Significant digits shown for results that went through an estimate. */
const INEXACT_DIGITS = 15;

export function calculate(expression: string): Calculation {
  const { value, inexact } = evaluate(expression);
  if (inexact.length > 0) {
    return {
      expression,
      result: formatApproximation(value, INEXACT_DIGITS),
      exact: false,
      note:
        `Approximate, to about ${INEXACT_DIGITS} significant digits: ` +
        `${inexact.join("; ")}.`,
    };
  }
  const result = formatExact(value);
  const calculation: Calculation = { expression, result, exact: true };
  if (value.d !== 1n) calculation.fraction = `${value.n}/${value.d}`;
  if (result.includes("/") || result.replace(/^-/, "").length > 21) {
    calculation.approximation = formatApproximation(value, 20);
  }
  return calculation;
}

export const calculator = tool({
  description:
    "Evaluate an arithmetic expression exactly, with rational numbers " +
    "(0.1 + 0.2 is exactly 0.3). Supports + - * / % (modulo, sign of " +
    "the divisor), ^ (power, right-associative; -2^2 is -4), parentheses, " +
    "decimals and 1.5e3 notation, sqrt, abs, round(x) or round(x, places), " +
    "floor, ceil, min, max, and the constants pi and e. Use it for any " +
    "arithmetic instead of computing in your head.",
  inputSchema: z.object({
    expression: z
      .string()
      .min(1)
      .max(MAX_LENGTH)
      .describe(
        "The expression, e.g. (2^64 - 1) / 3 or sqrt(2) * round(pi, 4). " +
          "No variables, no units, no thousands separators.",
      ),
  }),
  execute: async ({ expression }) => calculate(expression),
});
