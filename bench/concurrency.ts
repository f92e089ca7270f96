import type { BenchContext, Benchmark } from "./lib/context";
import { type Held, heldStreamMemory } from "./lib/held-streams";
import { cpuTimeMs } from "./lib/process-stats";
import { type Figure, figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { median, p95, round } from "./lib/stats";
import {
  type TimedReply,
  timeAppReply,
  timeUpstreamReply,
} from "./lib/streams";
import { replyText } from "./lib/text";
import { alternate, sleep, uniqueMarker } from "./lib/timing";

// A short reply, about one second long, so that a batch's replies stream
// at the same time.
const REPLY = { tokens: 50, firstByteDelayMs: 50, tokenDelayMs: 20 };
const replyTiming = {
  firstByteDelayMs: REPLY.firstByteDelayMs,
  tokenDelayMs: REPLY.tokenDelayMs,
};
/** Where the held replies stop: the opening chunk and five tokens. */
const HOLD_AFTER_CHUNKS = 6;

type Target = "app" | "pipe";

type Burst = {
  streams: number;
  errors: number;
  p95TtftMs: number;
  cpuMsPerReply: number;
  errorMessages: string[];
};

type Memory = {
  /** The median over the holds: a collection during one skews it alone. */
  kiBPerStream: number;
  /** The fewest streams any hold had open when memory was read. */
  held: number;
  holds: Held[];
};

type Level = Record<Target, Burst & { memory: Memory }>;

/**
 * 10, 50 and 100 replies streaming at once on one instance, and the same
 * through the bare pipe, batch after batch in turns. Each batch runs
 * twice: complete replies for time to first token, errors and CPU time,
 * then replies held open mid-way for memory (three times: resident size
 * moves with every garbage collection).
 */
export const concurrency: Benchmark = {
  id: "concurrency",
  title: "Concurrency",
  async run(context) {
    const { quick, log } = context;
    const levels = quick ? [10, 100] : [10, 50, 100];
    const marker = uniqueMarker("bench-concurrency");
    const text = replyText(REPLY.tokens);
    const { control } = context.fake;
    await control.script(marker, { kind: "stream", text, ...replyTiming });
    await control.script(`${marker}-held`, {
      kind: "stream",
      text,
      ...replyTiming,
      stallAfter: { chunks: HOLD_AFTER_CHUNKS },
    });
    const send = sender(context, `${marker} what happens in a flood?`, text);

    const singles = quick ? 4 : 10;
    const one = (target: Target) => () => send(target);
    await alternate(2, one("app"), one("pipe"));
    const single = await alternate(singles, one("app"), one("pipe"));
    const singleMedian = {
      app: median(okTtfts(single.a)),
      pipe: median(okTtfts(single.b)),
    };
    log(
      `one at a time: app ${round(singleMedian.app, 1)} ms, ` +
        `pipe ${round(singleMedian.pipe, 1)} ms`,
    );

    const results: Level[] = [];
    for (const [index, streams] of levels.entries()) {
      const order: Target[] =
        index % 2 === 0 ? ["app", "pipe"] : ["pipe", "app"];
      const level = {} as Level;
      for (const target of order) {
        const burstResult = await burst(context, target, streams, send);
        const holds: Held[] = [];
        for (let hold = 0; hold < (quick ? 1 : 3); hold++) {
          const prompt = `${marker}-held hold this one`;
          holds.push(await heldStreamMemory(context, target, streams, prompt));
        }
        const memory = {
          kiBPerStream: median(holds.map((hold) => hold.kiBPerStream)),
          held: Math.min(...holds.map((hold) => hold.held)),
          holds,
        };
        level[target] = { ...burstResult, memory };
        log(`${streams} at once via ${target}: ${summarize(level[target])}`);
      }
      results.push(level);
    }

    return {
      figures: results.flatMap((level) =>
        levelFigures(level, singleMedian, level.app.streams === 100),
      ),
      details: {
        reply: REPLY,
        holdAfterChunks: HOLD_AFTER_CHUNKS,
        singles,
        singleTtftMs: {
          app: single.a.map((reply) => round(reply.ttftMs, 1)),
          pipe: single.b.map((reply) => round(reply.ttftMs, 1)),
        },
        levels: results,
      },
    };
  },
};

type Send = (
  target: Target,
  conversationId?: string,
  onFirstToken?: () => void,
) => Promise<TimedReply>;

function sender(context: BenchContext, prompt: string, text: string): Send {
  return async (target, conversationId, onFirstToken) => {
    const options = { expected: text, onFirstToken };
    if (target === "pipe") {
      return timeUpstreamReply(context.pipe.baseURL, prompt, options);
    }
    const id =
      conversationId ??
      seedConversations(context.app.databaseFile, { count: 1, messages: 2 })[0]
        ?.id;
    if (!id) throw new Error("seeding failed");
    return timeAppReply(
      context.app.url,
      { conversationId: id, prompt },
      options,
    );
  };
}

async function burst(
  context: BenchContext,
  target: Target,
  streams: number,
  send: Send,
): Promise<Burst> {
  const pids = [target === "app" ? context.app.pid : context.pipe.pid];
  const conversations =
    target === "app"
      ? seedConversations(context.app.databaseFile, {
          count: streams,
          messages: 2,
        })
      : [];
  await sleep(500);
  const cpuBefore = cpuTimeMs(pids);
  const replies = await Promise.all(
    Array.from({ length: streams }, (_, index) =>
      send(target, conversations[index]?.id),
    ),
  );
  // The app saves each reply once its stream has ended; count that too.
  await sleep(700);
  const cpuMs = cpuTimeMs(pids) - cpuBefore;
  const failed = replies.filter((reply) => !reply.ok);
  return {
    streams,
    errors: failed.length,
    p95TtftMs: p95(okTtfts(replies)),
    cpuMsPerReply: cpuMs / streams,
    errorMessages: [...new Set(failed.map((reply) => String(reply.error)))],
  };
}

function levelFigures(
  level: Level,
  single: Record<Target, number>,
  withTargets: boolean,
): Figure[] {
  const { app, pipe } = level;
  const n = app.streams;
  const appRatio = app.p95TtftMs / single.app;
  const pipeRatio = pipe.p95TtftMs / single.pipe;
  const partial = [app, pipe]
    .filter((target) => target.memory.held < n)
    .map((target) => `${target.memory.held} of ${n} held`)
    .join(", ");
  return [
    figure({
      name: `${n} at once: errors`,
      value: app.errors,
      unit: "",
      reference: { label: "pipe", value: pipe.errors },
      target: withTargets ? { comparison: "==", value: 0 } : undefined,
      note: app.errorMessages.slice(0, 3).join("; ") || undefined,
    }),
    figure({
      name: `${n} at once: p95 TTFT / single-request median`,
      value: appRatio,
      unit: "×",
      reference: { label: "pipe", value: pipeRatio },
      target: withTargets
        ? {
            comparison: "<=",
            value: 1.5 * pipeRatio,
            label: `≤ 1.5 × pipe's (${round(1.5 * pipeRatio, 2)}×)`,
          }
        : undefined,
    }),
    figure({
      name: `${n} at once: server CPU time per short reply`,
      value: app.cpuMsPerReply,
      unit: "ms",
      reference: { label: "pipe", value: pipe.cpuMsPerReply },
      target: withTargets
        ? {
            comparison: "<=",
            value: 2 * pipe.cpuMsPerReply,
            label: `≤ 2 × pipe's (${round(2 * pipe.cpuMsPerReply, 2)} ms)`,
          }
        : undefined,
    }),
    figure({
      name: `${n} held open mid-reply: resident memory per stream`,
      value: app.memory.kiBPerStream,
      unit: "KiB",
      reference: { label: "pipe", value: pipe.memory.kiBPerStream },
      target: withTargets ? { comparison: "<", value: 100 } : undefined,
      note: [
        `app's holds: ${app.memory.holds
          .map((hold) => round(hold.kiBPerStream, 1))
          .join(", ")} KiB`,
        partial === "" ? "" : `memory read with ${partial}`,
      ]
        .filter(Boolean)
        .join("; "),
    }),
  ];
}

function okTtfts(replies: TimedReply[]): number[] {
  return replies.filter((reply) => reply.ok).map((reply) => reply.ttftMs);
}

function summarize(result: Burst & { memory: Memory }): string {
  return (
    `p95 TTFT ${round(result.p95TtftMs, 1)} ms, ` +
    `${round(result.cpuMsPerReply, 2)} ms CPU/reply, ${result.errors} errors; ` +
    `${round(result.memory.kiBPerStream, 1)} KiB/stream held`
  );
}
