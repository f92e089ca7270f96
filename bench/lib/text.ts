// Replies shaped like a model's: paragraphs, a list, inline code and now and
// then a fenced block. Deterministic, so every run streams the same bytes.

const VOCABULARY = (
  "the river carries sediment from the upper valley toward a wide delta " +
  "where slower water lets heavier grains settle first while fine clay " +
  "drifts further out and each flood season rebuilds the banks with a new " +
  "layer that farmers have read for centuries as a calendar of wet years"
).split(" ");

const CODE_LINES = [
  "const depth = readGauge(station);",
  "if (depth > threshold) alert(station, depth);",
  "for (const reading of history) total += reading.flow;",
  "return total / history.length;",
];

/**
 * A reply of exactly `tokens` word-sized tokens as the fake OpenRouter
 * counts them: every piece is whitespace and then one run of non-space.
 */
export function replyText(tokens: number): string {
  const pieces: string[] = [];
  let word = 0;
  const next = () => VOCABULARY[word++ % VOCABULARY.length] as string;
  for (let section = 0; pieces.length < tokens; section++) {
    if (section % 8 === 7) {
      pieces.push(...codeBlock());
      continue;
    }
    if (section % 4 === 3) {
      for (let item = 0; item < 4; item++) {
        pieces.push("\n-", ` ${next()}`, ` \`${next()}\``, ` ${next()};`);
      }
      continue;
    }
    pieces.push(`${section === 0 ? "" : "\n\n"}**${next()}**`);
    for (let index = 1; index < 50; index++) pieces.push(` ${next()}`);
  }
  return pieces.slice(0, tokens).join("");
}

function codeBlock(): string[] {
  const pieces = ["\n\n```ts"];
  for (const line of CODE_LINES) {
    const [first, ...rest] = line.split(" ");
    pieces.push(`\n${first}`, ...rest.map((piece) => ` ${piece}`));
  }
  pieces.push("\n```");
  return pieces;
}

/** `count` words of prose, for prompts and seeded messages. */
export function prose(count: number, offset = 0): string {
  return Array.from(
    { length: count },
    (_, index) => VOCABULARY[(index + offset) % VOCABULARY.length],
  ).join(" ");
}
