import type { BenchContext, Benchmark } from "./lib/context";
import { figure } from "./lib/results";
import { seedConversations } from "./lib/seed";
import { median, p95, round } from "./lib/stats";
import { alternate } from "./lib/timing";

const SIZES = [10, 1_000];
const MODES = ["snapshot", "live"] as const;
type Mode = (typeof MODES)[number];

/**
 * A stranger opening a share link, `GET /share/<token>`, beside the owner
 * opening the same conversation, `GET /c/<id>`, in alternating order on the
 * same instance: the shared page is rendered on the server from the same
 * rows (live) or from a stored copy (snapshot), and counts the view.
 */
export const share: Benchmark = {
  id: "share",
  title: "Shared pages",
  async run(context) {
    const rounds = context.quick ? 6 : 30;
    const results = [];
    for (const size of SIZES) {
      const [seeded] = seedConversations(context.app.databaseFile, {
        count: 1,
        messages: size,
      });
      if (!seeded) throw new Error("seeding failed");
      for (const mode of MODES) {
        const token = await createLink(context, seeded.id, mode);
        // One untimed open each: the first compiles and warms caches.
        await open(context, `/share/${token}`);
        await open(context, `/c/${seeded.id}`);
        const samples = await alternate(
          rounds,
          () => open(context, `/share/${token}`),
          () => open(context, `/c/${seeded.id}`),
        );
        const shared = samples.a.map((sample) => sample.ms);
        const owner = samples.b.map((sample) => sample.ms);
        results.push({
          size,
          mode,
          shared: { median: median(shared), p95: p95(shared) },
          owner: { median: median(owner), p95: p95(owner) },
          bytes: { shared: samples.a[0]?.bytes, owner: samples.b[0]?.bytes },
          samplesMs: {
            shared: shared.map((value) => round(value, 1)),
            owner: owner.map((value) => round(value, 1)),
          },
        });
        context.log(
          `${mode}, ${size} messages: shared ${round(median(shared), 1)} ms, ` +
            `owner ${round(median(owner), 1)} ms (medians)`,
        );
      }
    }
    return {
      figures: results.flatMap((result) => [
        figure({
          name: `GET /share/<token>, ${result.mode}, ${result.size.toLocaleString("en-US")} messages (median)`,
          value: result.shared.median,
          unit: "ms",
          reference: {
            label: "GET /c/<id> of the same conversation",
            value: result.owner.median,
          },
          note: `p95 ${round(result.shared.p95, 1)} ms, owner's p95 ${round(result.owner.p95, 1)} ms`,
        }),
        figure({
          name: `shared page / owner's page, ${result.mode}, ${result.size.toLocaleString("en-US")} messages`,
          value: result.shared.median / result.owner.median,
          unit: "×",
          target: { comparison: "<=", value: 1.2 },
        }),
      ]),
      details: { rounds, results },
    };
  },
};

async function createLink(
  { app }: BenchContext,
  conversationId: string,
  mode: Mode,
): Promise<string> {
  const response = await fetch(
    `${app.url}/api/conversations/${conversationId}/shares`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode }),
    },
  );
  if (response.status !== 201) {
    throw new Error(`creating a ${mode} link: ${response.status}`);
  }
  const { link } = (await response.json()) as { link: { token: string } };
  return link.token;
}

async function open(
  { app }: BenchContext,
  path: string,
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${app.url}${path}`);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return { ms, bytes: body.byteLength };
}
