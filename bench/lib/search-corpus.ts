import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

// A corpus shaped like chat history for the search benchmark: English
// function words at their usual share, then a long tail of invented words
// (Zipf-like), so that common words, rare words and short prefixes each
// behave as they would in real text.

const COMMON = (
  "the of and to a in is that it for you on with as this be are or can " +
  "not have if at by from an your will more use but what which when so"
).split(" ");
const SYLLABLES = (
  "ka ro mi te sa lu ne vo ri pa do gu he fi zo ba ce ma ti lo na pe qua " +
  "sel tor vin dar mel cor ath ist ung ber"
).split(" ");

/** Planted in a few conversations only. */
export const RARE_WORD = "zephyrine";
export const RARE_CONVERSATIONS = 5;

export type Corpus = { next: () => number; word: () => string };

/** Deterministic, so that every run searches the same text. */
export function corpus(seed = 7): Corpus {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const tail = Array.from({ length: 8_000 }, (_, index) => {
    const parts: string[] = [];
    let rest = index;
    do {
      parts.push(SYLLABLES[rest % SYLLABLES.length] as string);
      rest = Math.floor(rest / SYLLABLES.length);
    } while (rest > 0);
    return `${parts.join("")}${SYLLABLES[index % 7]}`;
  });
  const word = () => {
    if (next() < 0.45) {
      return COMMON[Math.floor(next() * COMMON.length)] as string;
    }
    return tail[Math.floor(next() ** 3 * tail.length)] as string;
  };
  return { next, word };
}

const iso = (milliseconds: number) =>
  new Date(milliseconds).toISOString().replace("Z", "+00:00");

/**
 * `count` conversations of `messages` messages (a short question, a longer
 * answer, in turn), written straight into the file with the app's triggers
 * in place, as the app would write them. Returns the time it took.
 */
export function seedSearchCorpus(
  databaseFile: string,
  { count, messages }: { count: number; messages: number },
): number {
  const { word } = corpus();
  const text = (words: number) => Array.from({ length: words }, word).join(" ");
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  const insertConversation = db.prepare(
    `INSERT INTO "Conversation" ("id", "title", "model", "titleSource",
       "createdAt", "updatedAt", "userId")
     VALUES (?, ?, 'bench/model', 'generated', ?, ?, 'local')`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO "Message" ("id", "conversationId", "parentId", "role",
       "parts", "status", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?)`,
  );
  const started = performance.now();
  const now = Date.now();
  db.transaction(() => {
    for (let index = 0; index < count; index++) {
      const id = randomUUID();
      const at = iso(now - index * 60_000);
      insertConversation.run(id, text(5), at, at);
      let parentId: string | null = null;
      for (let position = 0; position < messages; position++) {
        const messageId = randomUUID();
        const user = position % 2 === 0;
        let body = text(user ? 25 : 140);
        if (
          position === messages - 1 &&
          index % (count / RARE_CONVERSATIONS) === 0
        ) {
          body += ` ${RARE_WORD}`;
        }
        const parts = user
          ? [{ type: "text", text: body }]
          : [
              { type: "step-start" },
              { type: "text", text: body, state: "done" },
            ];
        insertMessage.run(
          messageId,
          id,
          parentId,
          user ? "user" : "assistant",
          JSON.stringify(parts),
          at,
          at,
        );
        parentId = messageId;
      }
    }
  })();
  db.close();
  return performance.now() - started;
}
