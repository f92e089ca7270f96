import { config } from "zod/v4/core";

// Runs in the browser before the app's own code. zod compiles parsers with
// `new Function` and probes for it when the first object schema is built
// (the `ai` package builds some as it loads); under the pages' policy, which
// has no 'unsafe-eval', Chromium reports that probe as a violation even
// though zod catches it. Interpreted parsing is fast enough for the few
// objects the browser validates.
config({ jitless: true });
