import { MAX_DIGITS, type Rational, rational, scaledFloor } from "./rational";

/** Longest decimal expansion shown as the exact result; beyond it, p/q. */
const MAX_EXACT_DECIMALS = 100;

/** Reads `12`, `0.5`, `.5`, `1.5e3`, `2E-4` exactly. */
export function parseDecimal(literal: string): Rational {
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) throw new Error(`"${literal}" is not a number.`);
  const [, whole = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = (whole + fraction).replace(/^0+/, "");
  if (digits.length + Math.abs(exponent) > MAX_DIGITS + 1) {
    if (digits === "") return rational(0n);
    throw new Error(`The number ${literal} has too many digits.`);
  }
  const mantissa = BigInt(digits === "" ? "0" : digits);
  const scale = 10n ** BigInt(Math.abs(exponent));
  return exponent >= 0 ? rational(mantissa * scale) : rational(mantissa, scale);
}

/** Decimal places needed to write `a` exactly, or undefined if infinite. */
function terminatingPlaces(a: Rational): number | undefined {
  let rest = a.d;
  let twos = 0;
  let fives = 0;
  for (; rest % 2n === 0n; rest /= 2n) twos++;
  for (; rest % 5n === 0n; rest /= 5n) fives++;
  return rest === 1n ? Math.max(twos, fives) : undefined;
}

function placePoint(sign: string, digits: string, places: number): string {
  const padded = digits.padStart(places + 1, "0");
  const point = padded.length - places;
  const fraction = padded.slice(point).replace(/0+$/, "");
  return `${sign}${padded.slice(0, point)}${fraction ? `.${fraction}` : ""}`;
}

/** The exact value: an integer, a terminating decimal, or `p/q`. */
export function formatExact(a: Rational): string {
  if (a.d === 1n) return a.n.toString();
  const places = terminatingPlaces(a);
  if (places === undefined || places > MAX_EXACT_DECIMALS) {
    return `${a.n}/${a.d}`;
  }
  const scaled = (a.n * 10n ** BigInt(places)) / a.d;
  const sign = scaled < 0n ? "-" : "";
  return placePoint(sign, (scaled < 0n ? -scaled : scaled).toString(), places);
}

/**
 * `a` rounded to `significant` digits, in plain notation for ordinary
 * magnitudes and in scientific notation (`1.5e+60`) otherwise.
 */
export function formatApproximation(a: Rational, significant: number): string {
  if (a.n === 0n) return "0";
  const sign = a.n < 0n ? "-" : "";
  const magnitude = { n: a.n < 0n ? -a.n : a.n, d: a.d };
  // floor(log10(magnitude)) is the digit-count difference or one less.
  let exponent = magnitude.n.toString().length - magnitude.d.toString().length;
  if (scaledFloor(magnitude, -exponent) === 0n) exponent--;
  const shift = significant - 1 - exponent;
  const twice = scaledFloor({ n: magnitude.n * 2n, d: magnitude.d }, shift);
  let mantissa = (twice + 1n) / 2n;
  if (mantissa.toString().length > significant) {
    mantissa /= 10n;
    exponent++;
  }
  const digits = mantissa.toString();
  if (exponent >= -7 && exponent < 21) {
    if (exponent >= significant - 1) {
      return sign + digits.padEnd(exponent + 1, "0");
    }
    return placePoint(sign, digits, significant - 1 - exponent);
  }
  const tail = digits.slice(1).replace(/0+$/, "");
  const mantissaText = `${digits[0]}${tail ? `.${tail}` : ""}`;
  const power = `e${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
  return `${sign}${mantissaText}${power}`;
}
