import Database from "better-sqlite3";
import type { BenchContext, Benchmark } from "./lib/context";
import { figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { median, round } from "./lib/stats";
import { timeAppReply } from "./lib/streams";
import { replyText } from "./lib/text";
import { sleep, uniqueMarker } from "./lib/timing";

const TABLES = ["Conversation", "Message"] as const;

// Every row write on the two tables, whoever makes it. Installed in the
// instance's file while this benchmark runs, removed after.
const INSTALL = `
  CREATE TABLE IF NOT EXISTS bench_write_log (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    write TEXT NOT NULL
  );
  ${TABLES.flatMap((table) => {
    const key = table === "Message" ? "conversationId" : "id";
    return (["INSERT", "UPDATE", "DELETE"] as const).map((operation) => {
      const row = operation === "DELETE" ? "OLD" : "NEW";
      return `
        CREATE TRIGGER IF NOT EXISTS bench_log_${table}_${operation}
        AFTER ${operation} ON "${table}" FOR EACH ROW BEGIN
          INSERT INTO bench_write_log (conversation_id, write)
          VALUES (${row}."${key}", '${operation} ${table}');
        END;`;
    });
  }).join("\n")}
`;

const UNINSTALL = `
  ${TABLES.flatMap((table) =>
    ["INSERT", "UPDATE", "DELETE"].map(
      (operation) => `DROP TRIGGER IF EXISTS bench_log_${table}_${operation};`,
    ),
  ).join("\n")}
  DROP TABLE IF EXISTS bench_write_log;
`;

const SIZES = [10, 1_000, 10_000];

/**
 * Database writes per reply (a short and a long one must make as many),
 * and the server render of a conversation of 1,000 and 10,000 messages
 * against one of 10.
 */
export const persistence: Benchmark = {
  id: "persistence",
  title: "Persistence",
  async run(context) {
    const writes = await countWrites(context);
    const opens = await timeOpens(context);
    const [small, ...large] = SIZES;
    const base = opens.medians[String(small)] ?? Number.NaN;
    return {
      figures: [
        figure({
          name: "database writes, long reply − short reply",
          value: writes.long.length - writes.short.length,
          unit: "",
          reference: { label: "short reply", value: writes.short.length },
          target: { comparison: "==", value: 0 },
          note: `short: ${writes.short.join(", ")}; long: ${writes.long.length} writes`,
        }),
        ...large.map((size) =>
          figure({
            name: `open a ${size.toLocaleString("en-US")}-message conversation, relative to ${small}`,
            value: (opens.medians[String(size)] ?? Number.NaN) / base,
            unit: "×",
            reference: { label: `${small} messages`, value: 1 },
          }),
        ),
        ...SIZES.map((size) =>
          figure({
            name: `GET /c/<id>, ${size.toLocaleString("en-US")} messages (median)`,
            value: opens.medians[String(size)] ?? Number.NaN,
            unit: "ms",
          }),
        ),
      ],
      details: { writes, opens },
    };
  },
};

async function countWrites({ app, fake, log }: BenchContext) {
  const marker = uniqueMarker("bench-writes");
  const replies = { short: replyText(5), long: replyText(4_000) };
  // Seeded before the triggers go in: only the app's writes are counted.
  const [short, long] = seedConversations(app.databaseFile, {
    count: 2,
    messages: 2,
  });
  if (!short || !long) throw new Error("seeding failed");
  const db = new Database(app.databaseFile);
  db.pragma("busy_timeout = 5000");
  db.exec(INSTALL);
  try {
    const reply = async (label: "short" | "long", conversationId: string) => {
      const text = replies[label];
      const prompt = `${marker}-${label}`;
      await fake.control.script(prompt, { kind: "stream", text });
      const result = await timeAppReply(
        app.url,
        { conversationId, prompt },
        { expected: text },
      );
      if (!result.ok) throw new Error(`${label} reply: ${result.error}`);
      return settledWrites(db, conversationId);
    };
    const writes = {
      short: await reply("short", short.id),
      long: await reply("long", long.id),
    };
    log(`writes: short ${writes.short.length}, long ${writes.long.length}`);
    return writes;
  } finally {
    db.exec(UNINSTALL);
    db.close();
  }
}

/** The writes logged for a conversation, once no new one came for 500 ms. */
async function settledWrites(
  db: Database.Database,
  conversationId: string,
): Promise<string[]> {
  const read = () =>
    (
      db
        .prepare(
          "SELECT write FROM bench_write_log WHERE conversation_id = ? ORDER BY id",
        )
        .all(conversationId) as { write: string }[]
    ).map((row) => row.write);
  let last = read();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await sleep(500);
    const now = read();
    if (now.length === last.length) return now;
    last = now;
  }
  return last;
}

async function timeOpens({ app, quick, log }: BenchContext) {
  const rounds = quick ? 2 : 4;
  const conversations = SIZES.map((size) => {
    const [seeded] = seedConversations(app.databaseFile, {
      count: 1,
      messages: size,
    });
    if (!seeded) throw new Error("seeding failed");
    return { size, id: seeded.id };
  });
  const samples: Record<string, number[]> = {};
  const bytes: Record<string, number> = {};
  const open = async ({ size, id }: { size: number; id: string }) => {
    const started = performance.now();
    const response = await fetch(`${app.url}/c/${id}`);
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (!response.ok)
      throw new Error(`GET /c/<id> of ${size}: ${response.status}`);
    bytes[size] = body.byteLength;
    return elapsed;
  };
  // One untimed open each, then rounds in a rotating order.
  for (const conversation of conversations) await open(conversation);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < conversations.length; index++) {
      const conversation =
        conversations[(index + round) % conversations.length];
      if (!conversation) continue;
      const elapsed = await open(conversation);
      const list = samples[conversation.size] ?? [];
      list.push(elapsed);
      samples[conversation.size] = list;
    }
  }
  const medians = Object.fromEntries(
    Object.entries(samples).map(([size, values]) => [size, median(values)]),
  );
  log(
    `open: ${Object.entries(medians)
      .map(([size, ms]) => `${size} msgs ${round(ms, 1)} ms`)
      .join(", ")}`,
  );
  return {
    rounds,
    medians,
    samplesMs: Object.fromEntries(
      Object.entries(samples).map(([size, values]) => [
        size,
        values.map((value) => round(value, 1)),
      ]),
    ),
    htmlBytes: bytes,
  };
}
