import type { Benchmark } from "./lib/context";
import { figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { median, p95, round } from "./lib/stats";
import {
  type TimedReply,
  timeAppReply,
  timeUpstreamReply,
} from "./lib/streams";
import { replyText } from "./lib/text";
import { alternate, uniqueMarker } from "./lib/timing";

const UPSTREAM_LATENCY_MS = 50;

/**
 * Time to first token through `POST /api/chat` against the same request
 * sent straight to the fake, which waits 50 ms before its first byte.
 * One request at a time, in turns.
 */
export const ttft: Benchmark = {
  id: "ttft",
  title: "Time to first token",
  async run({ app, fake, quick, log }) {
    const requests = quick ? 8 : 30;
    const warmUp = quick ? 2 : 4;
    const marker = uniqueMarker("bench-ttft");
    const text = replyText(20);
    await fake.control.script(marker, {
      kind: "stream",
      text,
      firstByteDelayMs: UPSTREAM_LATENCY_MS,
    });
    // A conversation per request, each one exchange old: the usual turn,
    // and one that never sets off the title request.
    const conversations = seedConversations(app.databaseFile, {
      count: requests + warmUp,
      messages: 2,
    });
    let used = 0;
    const viaApp = () => {
      const conversation = conversations[used++];
      if (!conversation) throw new Error("ran out of seeded conversations");
      const prompt = `${marker} how do deltas form?`;
      return timeAppReply(
        app.url,
        { conversationId: conversation.id, prompt },
        { expected: text },
      );
    };
    const direct = () =>
      timeUpstreamReply(fake.baseURL, `${marker} how do deltas form?`, {
        expected: text,
      });

    await alternate(warmUp, viaApp, direct);
    log(`${requests} requests each way, alternating`);
    const { a: appReplies, b: directReplies } = await alternate(
      requests,
      viaApp,
      direct,
    );

    const ratios = appReplies.flatMap((reply, index) => {
      const other = directReplies[index];
      return reply.ok && other?.ok ? [reply.ttftMs / other.ttftMs] : [];
    });
    const appTimes = okTimes(appReplies);
    const directTimes = okTimes(directReplies);
    const errors =
      appReplies.length -
      appTimes.length +
      directReplies.length -
      directTimes.length;
    const upstream = { label: "upstream", value: median(directTimes) };
    return {
      figures: [
        figure({
          name: `median TTFT ratio, app / upstream (${UPSTREAM_LATENCY_MS} ms latency, ${requests} pairs)`,
          value: median(ratios),
          unit: "×",
          target: { comparison: "<=", value: 1.1 },
          note:
            errors > 0
              ? `${errors} request(s) failed and were left out`
              : undefined,
        }),
        figure({
          name: "median TTFT through the app",
          value: median(appTimes),
          unit: "ms",
          reference: upstream,
        }),
        figure({
          name: "p95 TTFT through the app",
          value: p95(appTimes),
          unit: "ms",
          reference: { label: "upstream", value: p95(directTimes) },
        }),
      ],
      details: {
        requests,
        warmUp,
        upstreamLatencyMs: UPSTREAM_LATENCY_MS,
        ratioOfMedians: round(median(appTimes) / median(directTimes), 3),
        appTtftMs: appTimes.map((value) => round(value, 1)),
        upstreamTtftMs: directTimes.map((value) => round(value, 1)),
        errors: [...appReplies, ...directReplies]
          .filter((reply) => !reply.ok)
          .map((reply) => reply.error),
      },
    };
  },
};

function okTimes(replies: TimedReply[]): number[] {
  return replies.filter((reply) => reply.ok).map((reply) => reply.ttftMs);
}
