import { formatApproximation, parseDecimal } from "./format";
import type { Rational } from "./rational";
import * as q from "./rational";

/** Reasons a result is not exact, as shown to the model. */
export type Inexact = Set<string>;

export const MAX_EXPONENT = 10_000;

/** 40 decimals: more than the 15 significant digits inexact results show. */
export const CONSTANTS = new Map<string, Rational>([
  ["pi", parseDecimal("3.1415926535897932384626433832795028841972")],
  ["e", parseDecimal("2.7182818284590452353602874713526624977572")],
]);

function integerSqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let guess = 1n << BigInt(Math.ceil(q.bitLength(value) / 2));
  for (;;) {
    const next = (guess + value / guess) / 2n;
    if (next >= guess) return guess;
    guess = next;
  }
}

function sqrt(x: Rational, inexact: Inexact): Rational {
  if (x.n < 0n) throw new Error("sqrt of a negative number has no real value.");
  const [n, d] = [integerSqrt(x.n), integerSqrt(x.d)];
  if (n * n === x.n && d * d === x.d) return q.rational(n, d);
  inexact.add("sqrt of a non-square, computed to 40 digits");
  // Scale x to about 80 digits so its root has about 40.
  const magnitude = x.n.toString().length - x.d.toString().length;
  const half = Math.floor((80 - magnitude) / 2);
  const root = integerSqrt(q.scaledFloor(x, 2 * half));
  const scale = 10n ** BigInt(Math.abs(half));
  return half >= 0 ? q.rational(root, scale) : q.rational(root * scale);
}

/** `base ^ exponent`: exact for integer exponents, else through doubles. */
export function raise(
  base: Rational,
  exponent: Rational,
  inexact: Inexact,
): Rational {
  if (q.isInteger(exponent)) {
    const size = exponent.n < 0n ? -exponent.n : exponent.n;
    if (size <= BigInt(MAX_EXPONENT)) return q.power(base, exponent.n);
    if (base.d !== 1n || base.n < -1n || base.n > 1n) {
      throw new Error(
        `The exponent ${exponent.n} is beyond the limit of ${MAX_EXPONENT}.`,
      );
    }
    // -1, 0 and 1 only need the exponent's sign and parity.
    const small = exponent.n % 2n === 0n ? 2n : 1n;
    return q.power(base, exponent.n < 0n ? -small : small);
  }
  if (base.n < 0n) {
    throw new Error(
      "A negative number to a fractional power has no real value.",
    );
  }
  if (base.n === 0n) return exponent.n > 0n ? q.ZERO : q.power(base, -1n);
  inexact.add("non-integer power, computed in double precision");
  const result =
    Number(formatApproximation(base, 17)) **
    Number(formatApproximation(exponent, 17));
  if (!Number.isFinite(result) || result === 0) {
    throw new Error("The power is out of the range of a double.");
  }
  return parseDecimal(result.toPrecision(17));
}

type MathFunction = {
  arity: readonly [min: number, max: number];
  apply: (args: Rational[], inexact: Inexact) => Rational;
};

const one = (
  apply: (x: Rational, inexact: Inexact) => Rational,
): MathFunction => ({
  arity: [1, 1],
  apply: ([x = q.ZERO], inexact) => apply(x, inexact),
});

const extreme = (sign: 1 | -1): MathFunction => ({
  arity: [1, 100],
  apply: (args) =>
    args.reduce((best, x) => (q.compare(x, best) === sign ? x : best)),
});

function round([x = q.ZERO, places = q.ZERO]: Rational[]): Rational {
  if (!q.isInteger(places) || places.n < 0n || places.n > 100n) {
    throw new Error("round(x, places) takes places from 0 to 100.");
  }
  const scale = q.rational(10n ** places.n);
  return q.divide(q.round(q.multiply(x, scale)), scale);
}

export const FUNCTIONS = new Map<string, MathFunction>([
  ["sqrt", one(sqrt)],
  ["abs", one(q.abs)],
  ["floor", one(q.floor)],
  ["ceil", one(q.ceil)],
  ["round", { arity: [1, 2], apply: round }],
  ["min", extreme(-1)],
  ["max", extreme(1)],
]);
