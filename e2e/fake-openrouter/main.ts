// Runs the fake as its own process: `tsx e2e/fake-openrouter/main.ts`.
import { DEFAULT_API_KEY, startFakeOpenRouter } from "./server";

const port = Number(process.env.FAKE_OPENROUTER_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`FAKE_OPENROUTER_PORT is not a port: ${port}`);
}
const apiKey = process.env.FAKE_OPENROUTER_API_KEY || DEFAULT_API_KEY;

const fake = await startFakeOpenRouter({ port, apiKey });
console.log(`fake OpenRouter listening on ${fake.url} (base ${fake.baseURL})`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("fake OpenRouter failed to close", error);
        process.exit(1);
      },
    );
  });
}
