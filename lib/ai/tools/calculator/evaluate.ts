import { parseDecimal } from "./format";
import { CONSTANTS, FUNCTIONS, type Inexact, raise } from "./functions";
import type { Rational } from "./rational";
import * as q from "./rational";
import { type Operator, syntaxError, type Token, tokenize } from "./tokenize";

export const MAX_LENGTH = 1000;
export const MAX_DEPTH = 64;

export type Evaluation = { value: Rational; inexact: string[] };

const quote = (token: Token) =>
  token.kind === "end" ? "the end of the expression" : `"${token.text}"`;

class Parser {
  private index = 0;
  readonly inexact: Inexact = new Set();

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    const token = this.tokens[this.index] ?? this.tokens.at(-1);
    if (!token) throw new Error("The expression is empty.");
    return token;
  }

  private take(operator: Operator): boolean {
    const token = this.peek();
    if (token.kind !== "operator" || token.text !== operator) return false;
    this.index++;
    return true;
  }

  private expect(operator: Operator, after: string): void {
    if (this.take(operator)) return;
    const token = this.peek();
    throw syntaxError(
      token.position,
      `expected "${operator}" ${after} but found ${quote(token)}.`,
    );
  }

  expression(depth: number): Rational {
    let value = this.term(depth);
    for (;;) {
      if (this.take("+")) value = q.add(value, this.term(depth));
      else if (this.take("-")) value = q.subtract(value, this.term(depth));
      else return value;
    }
  }

  private term(depth: number): Rational {
    let value = this.unary(depth);
    for (;;) {
      const token = this.peek();
      if (this.take("*")) value = q.multiply(value, this.unary(depth));
      else if (this.take("/") || this.take("%")) {
        const divisor = this.unary(depth);
        if (divisor.n === 0n) {
          throw new Error(
            `Division by zero at position ${token.position + 1}.`,
          );
        }
        value =
          token.text === "/"
            ? q.divide(value, divisor)
            : q.modulo(value, divisor);
      } else return value;
    }
  }

  /** Unary minus binds looser than ^, so -2^2 is -4. */
  private unary(depth: number): Rational {
    if (depth > MAX_DEPTH) {
      throw syntaxError(
        this.peek().position,
        `nesting deeper than ${MAX_DEPTH} levels.`,
      );
    }
    if (this.take("-")) return q.negate(this.unary(depth + 1));
    if (this.take("+")) return this.unary(depth + 1);
    const base = this.primary(depth);
    if (!this.take("^")) return base;
    // Right-associative: 2^3^2 is 2^(3^2).
    return raise(base, this.unary(depth + 1), this.inexact);
  }

  private primary(depth: number): Rational {
    const token = this.peek();
    if (token.kind === "number") {
      this.index++;
      return parseDecimal(token.text);
    }
    if (token.kind === "name") {
      this.index++;
      return this.named(token, depth);
    }
    if (this.take("(")) {
      const value = this.expression(depth + 1);
      this.expect(")", `to close the "(" at position ${token.position + 1}`);
      return value;
    }
    throw syntaxError(
      token.position,
      `expected a number, a name or "(" but found ${quote(token)}.`,
    );
  }

  private named(token: Token, depth: number): Rational {
    const name = token.text.toLowerCase();
    const constant = CONSTANTS.get(name);
    if (constant) {
      this.inexact.add(`${name} is rounded to 40 decimals`);
      return constant;
    }
    const fn = FUNCTIONS.get(name);
    if (!fn) {
      throw new Error(
        `Unknown name "${token.text}" at position ${token.position + 1}. ` +
          `Functions: ${[...FUNCTIONS.keys()].join(", ")}; constants: ` +
          `${[...CONSTANTS.keys()].join(", ")}. There are no variables.`,
      );
    }
    this.expect("(", `after ${name}`);
    const args = [this.expression(depth + 1)];
    while (this.take(",")) args.push(this.expression(depth + 1));
    this.expect(")", `to close the arguments of ${name}`);
    const [min, max] = fn.arity;
    if (args.length < min || args.length > max) {
      const count = min === max ? `${min}` : `${min} to ${max}`;
      throw new Error(
        `${name} at position ${token.position + 1} takes ${count} ` +
          `argument(s), not ${args.length}.`,
      );
    }
    return fn.apply(args, this.inexact);
  }

  finish(): void {
    const token = this.peek();
    if (token.kind !== "end") {
      throw syntaxError(token.position, `unexpected ${quote(token)}.`);
    }
  }
}

/** Evaluates without eval or Function, within fixed size and depth limits. */
export function evaluate(expression: string): Evaluation {
  if (expression.length > MAX_LENGTH) {
    throw new Error(
      `The expression is longer than ${MAX_LENGTH} characters; split it.`,
    );
  }
  const parser = new Parser(tokenize(expression));
  const value = parser.expression(0);
  parser.finish();
  return { value, inexact: [...parser.inexact] };
}
