export type Token =
  | { kind: "number"; text: string; position: number }
  | { kind: "name"; text: string; position: number }
  | { kind: "operator"; text: Operator; position: number }
  | { kind: "end"; text: ""; position: number };

export type Operator = "+" | "-" | "*" | "/" | "%" | "^" | "(" | ")" | ",";

export const MAX_TOKENS = 500;

const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS: readonly string[] = [
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "(",
  ")",
  ",",
];

const isOperator = (char: string): char is Operator => OPERATORS.includes(char);

/** Positions in errors are 1-based columns, as people count them. */
export function syntaxError(position: number, message: string): Error {
  return new Error(`Syntax error at position ${position + 1}: ${message}`);
}

function matchAt(pattern: RegExp, input: string, index: number) {
  pattern.lastIndex = index;
  return pattern.exec(input)?.[0];
}

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < input.length) {
    const char = input.charAt(index);
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (tokens.length >= MAX_TOKENS) {
      throw new Error(
        `The expression has more than ${MAX_TOKENS} tokens; split it into ` +
          "smaller calculations.",
      );
    }
    const number = matchAt(NUMBER, input, index);
    const name = number ? undefined : matchAt(NAME, input, index);
    if (number) {
      tokens.push({ kind: "number", text: number, position: index });
      index += number.length;
    } else if (name) {
      tokens.push({ kind: "name", text: name, position: index });
      index += name.length;
    } else if (input.startsWith("**", index)) {
      tokens.push({ kind: "operator", text: "^", position: index });
      index += 2;
    } else if (isOperator(char)) {
      tokens.push({ kind: "operator", text: char, position: index });
      index++;
    } else {
      throw syntaxError(index, `unexpected character "${char}".`);
    }
  }
  tokens.push({ kind: "end", text: "", position: input.length });
  return tokens;
}
