import type { BenchContext } from "./context";
import { residentKiB } from "./process-stats";
import { seedConversations } from "./seed";
import { median } from "./stats";
import { timeAppReply, timeUpstreamReply } from "./streams";
import { sleep } from "./timing";

export type Held = {
  streams: number;
  /** Streams that had their first token when memory was read. */
  held: number;
  idleKiB: number;
  openKiB: number;
  kiBPerStream: number;
};

/**
 * Resident memory per open stream: `streams` replies the fake leaves
 * hanging mid-reply (its `stallAfter`), so that no token traffic makes
 * garbage while memory is read, against the same process idle just before.
 * `prompt` must match a scenario that stalls.
 */
export async function heldStreamMemory(
  { app, pipe }: BenchContext,
  target: "app" | "pipe",
  streams: number,
  prompt: string,
): Promise<Held> {
  const pids = [target === "app" ? app.pid : pipe.pid];
  const conversations =
    target === "app"
      ? seedConversations(app.databaseFile, { count: streams, messages: 2 })
      : [];
  await sleep(500);
  const idleKiB = await steadyKiB(pids);

  let started = 0;
  let everyoneIn = () => {};
  const allStarted = new Promise<void>((resolve) => {
    everyoneIn = resolve;
  });
  const onFirstToken = () => {
    started++;
    if (started === streams) everyoneIn();
  };
  const controllers = Array.from({ length: streams }, () => {
    return new AbortController();
  });
  const replies = controllers.map((controller, index) => {
    const options = { onFirstToken, signal: controller.signal };
    const conversation = conversations[index];
    return conversation
      ? timeAppReply(
          app.url,
          { conversationId: conversation.id, prompt },
          options,
        )
      : timeUpstreamReply(pipe.baseURL, prompt, options);
  });
  await Promise.race([allStarted, sleep(60_000)]);
  await sleep(300);
  const openKiB = await steadyKiB(pids);
  const held = started;

  // The app keeps a reply going when its client leaves: stop it, and its
  // stream then ends. The pipe's clients just leave.
  await Promise.all(
    conversations.map(async (conversation) => {
      const response = await fetch(
        `${app.url}/api/chat/${conversation.id}/stop`,
        { method: "POST", signal: AbortSignal.timeout(30_000) },
      );
      await response.text();
    }),
  );
  if (target === "pipe") {
    for (const controller of controllers) controller.abort();
  }
  // A reply that registered after its stop came would hang on: let go of
  // it after a while.
  await Promise.race([Promise.all(replies), sleep(20_000)]);
  for (const controller of controllers) controller.abort();
  await Promise.all(replies);
  return {
    streams,
    held,
    idleKiB,
    openKiB,
    kiBPerStream: (openKiB - idleKiB) / held,
  };
}

/** The median of five readings 100 ms apart. */
async function steadyKiB(pids: number[]): Promise<number> {
  const readings: number[] = [];
  for (let index = 0; index < 5; index++) {
    readings.push(residentKiB(pids));
    await sleep(100);
  }
  return median(readings);
}
