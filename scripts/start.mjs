// `npm start`: brings Parley up from whatever state the checkout is in.
// Installs dependencies, generates the database client, migrates the
// database, builds when the sources changed, then runs the server.
// `npm run dev` does the same but runs the development server.

import { spawn } from "node:child_process";
import {
  bin,
  buildIfStale,
  ensureDependencies,
  generateClient,
  listenHost,
  loadDotEnv,
  migrate,
  root,
} from "./lib/setup.mjs";

const dev = process.argv.includes("--dev");

loadDotEnv();
// Before the slow steps: a refused setting should not wait for a build.
const host = listenHost();
ensureDependencies();
generateClient();
migrate();
if (!dev) buildIfStale();

const port = process.env.PORT ?? "3000";
const hostArgs = host ? ["-H", host] : [];
const server = spawn(
  bin("next"),
  [dev ? "dev" : "start", "-p", port, ...hostArgs],
  {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 0 : 1));
});
