import { type AppServer, startApp } from "./app-server";
import { test } from "./fixtures";
import { freePort } from "./ports";

/**
 * For a spec that needs an instance of its own (its own database, its
 * output, or other settings): the built app, started on a free port with a
 * fresh database before the spec's tests and stopped after them. Call it
 * at the top of the spec; the function it returns gives the running
 * instance, and says so when it did not start. A `test.beforeAll` declared
 * after the call runs once the instance answers.
 */
export function ownInstance(options: {
  databaseUrl: string;
  env?: Record<string, string | undefined>;
}): () => AppServer {
  let app: AppServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(60_000);
    app = await startApp({ port: await freePort(), fresh: true, ...options });
  });
  test.afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app)
      throw new Error(`the instance for ${options.databaseUrl} did not start`);
    return app;
  };
}
