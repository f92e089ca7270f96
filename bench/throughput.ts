import type { Benchmark } from "./lib/context";
import { figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { median, round } from "./lib/stats";
import {
  type TimedReply,
  timeAppReply,
  timeUpstreamReply,
} from "./lib/streams";
import { replyText } from "./lib/text";
import { alternate, uniqueMarker } from "./lib/timing";

const TOKENS = 4000;

/**
 * Relay throughput: a 4,000-token reply the fake sends as fast as it can,
 * through the app and through the bare pipe, in turns. Tokens per second
 * over the whole request, from sending it to the last byte.
 */
export const throughput: Benchmark = {
  id: "throughput",
  title: "Relay throughput",
  async run({ app, fake, pipe, quick, log }) {
    const rounds = quick ? 2 : 6;
    const warmUp = 1;
    const marker = uniqueMarker("bench-throughput");
    const text = replyText(TOKENS);
    await fake.control.script(marker, { kind: "stream", text });
    const conversations = seedConversations(app.databaseFile, {
      count: rounds + warmUp,
      messages: 2,
    });
    let used = 0;
    const viaApp = () => {
      const conversation = conversations[used++];
      if (!conversation) throw new Error("ran out of seeded conversations");
      return timeAppReply(
        app.url,
        { conversationId: conversation.id, prompt: `${marker} tell me more` },
        { expected: text },
      );
    };
    const viaPipe = () =>
      timeUpstreamReply(pipe.baseURL, `${marker} tell me more`, {
        expected: text,
      });

    await alternate(warmUp, viaApp, viaPipe);
    log(`${rounds} replies of ${TOKENS} tokens each way, alternating`);
    const { a: appReplies, b: pipeReplies } = await alternate(
      rounds,
      viaApp,
      viaPipe,
    );
    const appRate = median(rates(appReplies));
    const pipeRate = median(rates(pipeReplies));
    const failed = [...appReplies, ...pipeReplies].filter((reply) => !reply.ok);
    return {
      figures: [
        figure({
          name: `tokens/s of a ${TOKENS}-token reply, app / pipe`,
          value: appRate / pipeRate,
          unit: "×",
          target: { comparison: ">=", value: 0.3 },
          note:
            failed.length > 0
              ? `${failed.length} reply(ies) failed and were left out`
              : undefined,
        }),
        figure({
          name: "tokens/s through the app (median)",
          value: appRate,
          unit: "tok/s",
          reference: { label: "pipe", value: pipeRate },
        }),
        figure({
          name: "time to the last token through the app (median)",
          value: median(okTotals(appReplies)),
          unit: "ms",
          reference: { label: "pipe", value: median(okTotals(pipeReplies)) },
        }),
      ],
      details: {
        tokens: TOKENS,
        rounds,
        appTotalMs: okTotals(appReplies).map((value) => round(value, 1)),
        pipeTotalMs: okTotals(pipeReplies).map((value) => round(value, 1)),
        appTtftMs: appReplies.map((reply) => round(reply.ttftMs, 1)),
        pipeTtftMs: pipeReplies.map((reply) => round(reply.ttftMs, 1)),
        errors: failed.map((reply) => reply.error),
      },
    };
  },
};

function okTotals(replies: TimedReply[]): number[] {
  return replies.filter((reply) => reply.ok).map((reply) => reply.totalMs);
}

function rates(replies: TimedReply[]): number[] {
  return okTotals(replies).map((totalMs) => TOKENS / (totalMs / 1000));
}
