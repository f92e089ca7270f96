// Where the test servers listen: off the ports `npm start` uses. The
// E2E_* variables move a second run (say, one engineer's spec while the full
// suite runs) out of the first one's way.
const env = process.env;

export const FAKE_OPENROUTER_PORT = Number(env.E2E_FAKE_PORT ?? 4010);
export const FAKE_OPENROUTER_URL = `http://127.0.0.1:${FAKE_OPENROUTER_PORT}`;
export const APP_PORT = Number(env.E2E_APP_PORT ?? 3100);
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const TEST_API_KEY = "sk-or-test-key";
export const E2E_DATABASE_URL =
  env.E2E_DATABASE_URL ?? "file:./data/test/e2e.db";
