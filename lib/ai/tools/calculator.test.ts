import { describe, expect, it } from "vitest";
import { calculate, calculator } from "./calculator";

function failure(expression: string): string {
  try {
    calculate(expression);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`"${expression}" did not fail`);
}

const nested = (depth: number) => `${"(".repeat(depth)}1${")".repeat(depth)}`;

const HOSTILE: Record<string, string> = {
  "100 nested parentheses": nested(100),
  "200 unary minuses": `${"-".repeat(200)}1`,
  "10,000 nested parentheses": nested(10_000),
  "1+1+... with 599 tokens": Array.from({ length: 300 }, () => "1").join("+"),
};

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("calculate: exact arithmetic", () => {
  it.each([
    ["0.1 + 0.2", "0.3"],
    ["1/3*3", "1"],
    ["10/4", "2.5"],
    ["(2^64 - 1) / 3", "6148914691236517205"],
    ["1.5e3 + .5", "1500.5"],
    ["2E-3", "0.002"],
    ["7 % 3", "1"],
    ["-7 % 3", "2"],
    ["7 % -3", "-2"],
    ["7.5 % 2", "1.5"],
    ["sqrt(16/9)", "4/3"],
    ["abs(-3/4)", "0.75"],
    ["floor(-7/2)", "-4"],
    ["ceil(7/2)", "4"],
    ["round(2.5)", "3"],
    ["round(-2.5)", "-3"],
    ["round(2/3, 3)", "0.667"],
    ["min(3, 1/2, -4)", "-4"],
    ["max(3, 1/2, -4)", "3"],
    ["(-1)^100001", "-1"],
    ["0^0", "1"],
  ])("%s = %s", (expression, result) => {
    expect(calculate(expression)).toMatchObject({ result, exact: true });
  });

  it("keeps 2^200 exact and adds an approximation", () => {
    expect(calculate("2^200")).toEqual({
      expression: "2^200",
      result: "1606938044258990275541962092341162602522202993782792835301376",
      exact: true,
      approximation: "1.6069380442589902755e+60",
    });
  });

  it("gives 10/4 as a decimal and as the fraction 5/2", () => {
    expect(calculate("10/4")).toEqual({
      expression: "10/4",
      result: "2.5",
      exact: true,
      fraction: "5/2",
    });
  });

  it("writes a non-terminating value as p/q with 20 digits", () => {
    expect(calculate("2/3 - 1")).toEqual({
      expression: "2/3 - 1",
      result: "-1/3",
      exact: true,
      fraction: "-1/3",
      approximation: "-0.33333333333333333333",
    });
  });
});

describe("calculate: precedence and associativity", () => {
  it.each([
    ["2 + 3 * 4", "14"],
    ["(2 + 3) * 4", "20"],
    ["10 - 4 - 3", "3"],
    ["64 / 4 / 2", "8"],
    ["2^3^2", "512"],
    ["2**3**2", "512"],
    ["-2^2", "-4"],
    ["(-2)^2", "4"],
    ["2^-1", "0.5"],
    ["-3 * -2", "6"],
    ["2 * 3 % 4", "2"],
    ["1 - -1", "2"],
  ])("%s = %s", (expression, result) => {
    expect(calculate(expression).result).toBe(result);
  });
});

describe("calculate: inexact values", () => {
  it("flags pi and e as approximations", () => {
    expect(calculate("pi")).toEqual({
      expression: "pi",
      result: "3.14159265358979",
      exact: false,
      note:
        "Approximate, to about 15 significant digits: pi is rounded to " +
        "40 decimals.",
    });
    expect(calculate("2 * e")).toMatchObject({
      result: "5.43656365691809",
      exact: false,
    });
  });

  it("flags roots of non-squares and fractional powers", () => {
    expect(calculate("sqrt(2)")).toMatchObject({
      result: "1.4142135623731",
      exact: false,
    });
    expect(calculate("1.05^(1/12)")).toMatchObject({
      result: "1.00407412378365",
      exact: false,
    });
  });
});

describe("calculate: errors the model can act on", () => {
  it.each([
    ["1/0", "Division by zero at position 2."],
    ["5 % (2 - 2)", "Division by zero at position 3."],
    [
      "(1 + 2",
      'Syntax error at position 7: expected ")" to close the "(" at ' +
        "position 1 but found the end of the expression.",
    ],
    [
      "1 +",
      'Syntax error at position 4: expected a number, a name or "(" but ' +
        "found the end of the expression.",
    ],
    ["3 4", 'Syntax error at position 3: unexpected "4".'],
    ["2 $ 3", 'Syntax error at position 3: unexpected character "$".'],
    [
      "sqrt 4",
      'Syntax error at position 6: expected "(" after sqrt but found "4".',
    ],
    ["round(1, 2, 3)", "round at position 1 takes 1 to 2 argument(s), not 3."],
    ["sqrt(-1)", "sqrt of a negative number has no real value."],
    [
      "(-8)^(1/3)",
      "A negative number to a fractional power has no real value.",
    ],
  ])("%s", (expression, message) => {
    expect(failure(expression)).toBe(message);
  });

  it("names the unknown function and lists the known ones", () => {
    expect(failure("2 * sin(1)")).toBe(
      'Unknown name "sin" at position 5. Functions: sqrt, abs, floor, ceil, ' +
        "round, min, max; constants: pi, e. There are no variables.",
    );
  });

  it("is thrown by the tool, for the SDK to report", async () => {
    await expect(
      calculator.execute(
        { expression: "1/0" },
        { toolCallId: "call-1", messages: [], context: {} },
      ),
    ).rejects.toThrow("Division by zero at position 2.");
  });
});

describe("calculate: hostile input fails fast", () => {
  it.each([
    ["9^9^9^9", "The exponent 387420489 is beyond the limit of 10000."],
    ["2^10000", "The power has more than 1000 digits"],
    ["(10^999)^2", "The power has more than 1000 digits"],
    ["3^2000 * 3^2000", "grew beyond 1000 digits"],
    ["1e5000", "The number 1e5000 has too many digits."],
    ["1e-99999999999", "too many digits"],
    ["100 nested parentheses", "Syntax error at position 66: nesting deeper"],
    ["200 unary minuses", "nesting deeper than 64 levels"],
    ["10,000 nested parentheses", "longer than 1000 characters"],
    ["1+1+... with 599 tokens", "more than 500 tokens"],
  ])("%s", (label, message) => {
    const expression = HOSTILE[label] ?? label;
    let error = "";
    const elapsed = timed(() => {
      error = failure(expression);
    });
    expect(error).toContain(message);
    expect(elapsed).toBeLessThan(50);
  });

  it("bounds the costliest valid input the limits allow", () => {
    // 60 sums of ~1,000-digit fractions, each needing a full-size gcd.
    const expression = Array.from(
      { length: 60 },
      (_, i) => `3^${1990 + i}/7^1150`,
    ).join("+");
    expect(expression.length).toBeLessThanOrEqual(1000);
    expect(calculate(expression).result).toMatch(/^\d{900,}\/\d{900,}$/);
    // Timed once warm: about 60 ms on an idle machine. The margin is for
    // loaded CI runners; unbounded growth would take minutes, not 500 ms.
    expect(timed(() => calculate(expression))).toBeLessThan(500);
  });
});
