/** An exact rational number: `d` is positive and shares no factor with `n`. */
export type Rational = { readonly n: bigint; readonly d: bigint };

/**
 * About 1,000 decimal digits. Euclid's gcd is quadratic in the size of its
 * operands; this bound keeps any one operation near a millisecond.
 */
export const MAX_BITS = 3322;
export const MAX_DIGITS = 1000;

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export function bitLength(value: bigint): number {
  return value === 0n ? 0 : (value < 0n ? -value : value).toString(2).length;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new Error("Division by zero.");
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d);
  return checked({ n: (sign * n) / divisor, d: (sign * d) / divisor });
}

function checked(result: Rational): Rational {
  if (bitLength(result.n) > MAX_BITS || bitLength(result.d) > MAX_BITS) {
    throw new Error(
      `A number in the calculation grew beyond ${MAX_DIGITS} digits; ` +
        "simplify the expression or split it into smaller steps.",
    );
  }
  return result;
}

// The sum and product below reduce by gcds of single operands rather than
// of the double-size results (Knuth, TAOCP 4.5.1), which is ~4x cheaper.
export function add(a: Rational, b: Rational): Rational {
  const g = gcd(a.d, b.d);
  const sum = a.n * (b.d / g) + b.n * (a.d / g);
  const h = g === 1n ? 1n : gcd(sum, g);
  return checked({ n: sum / h, d: (a.d / g) * (b.d / h) });
}

export const negate = (a: Rational): Rational => ({ n: -a.n, d: a.d });

export const subtract = (a: Rational, b: Rational) => add(a, negate(b));

export function multiply(a: Rational, b: Rational): Rational {
  const g = gcd(a.n, b.d);
  const h = gcd(b.n, a.d);
  return checked({ n: (a.n / g) * (b.n / h), d: (a.d / h) * (b.d / g) });
}

export function divide(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new Error("Division by zero.");
  const sign = b.n < 0n ? -1n : 1n;
  return multiply(a, { n: sign * b.d, d: sign * b.n });
}

export const abs = (a: Rational): Rational => (a.n < 0n ? negate(a) : a);

export const isInteger = (a: Rational) => a.d === 1n;

export const compare = (a: Rational, b: Rational) => {
  const difference = a.n * b.d - b.n * a.d;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
};

export const floor = (a: Rational): Rational => ({
  n: scaledFloor(a, 0),
  d: 1n,
});

export const ceil = (a: Rational) => negate(floor(negate(a)));

/** Halves round away from zero, as people do by hand. */
export function round(a: Rational): Rational {
  const half = { n: 1n, d: 2n };
  return a.n < 0n ? negate(floor(add(negate(a), half))) : floor(add(a, half));
}

/** Floored modulo: the result takes the sign of the divisor. */
export function modulo(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new Error("Modulo by zero.");
  return subtract(a, multiply(b, floor(divide(a, b))));
}

/** Exact power with an integer exponent; the caller bounds the exponent. */
export function power(base: Rational, exponent: bigint): Rational {
  if (exponent < 0n) {
    if (base.n === 0n) throw new Error("Division by zero: 0 to a power < 0.");
    const sign = base.n < 0n ? -1n : 1n;
    return power({ n: sign * base.d, d: sign * base.n }, -exponent);
  }
  const largest = Math.max(bitLength(base.n), bitLength(base.d));
  // n^k has at least (bits(n) - 1) * k + 1 bits: refuse before computing.
  if ((largest - 1) * Number(exponent) > MAX_BITS) {
    throw new Error(
      `The power has more than ${MAX_DIGITS} digits, which is beyond this ` +
        "calculator's limit.",
    );
  }
  // Powers of coprime numbers stay coprime, so no gcd is needed.
  return checked({ n: base.n ** exponent, d: base.d ** exponent });
}

/** floor(a * 10^shift), for any integer shift. */
export function scaledFloor(a: Rational, shift: number): bigint {
  const scale = 10n ** BigInt(Math.abs(shift));
  const numerator = shift >= 0 ? a.n * scale : a.n;
  const denominator = shift >= 0 ? a.d : a.d * scale;
  const quotient = numerator / denominator;
  // BigInt division truncates toward zero; floor differs for negatives.
  return numerator < 0n && quotient * denominator !== numerator
    ? quotient - 1n
    : quotient;
}
