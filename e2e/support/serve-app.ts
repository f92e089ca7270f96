// The long-lived app server Playwright starts for the whole run: a fresh
// database, the fake OpenRouter as upstream, the production build.

import { startApp } from "./app-server";
import { APP_PORT, E2E_DATABASE_URL } from "./config";

const server = await startApp({
  port: APP_PORT,
  databaseUrl: E2E_DATABASE_URL,
  fresh: true,
  inheritOutput: true,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.stop(signal).then(() => process.exit(0));
  });
}
server.process.on("exit", (code) => process.exit(code ?? 0));
