import { tool } from "ai";
import { z } from "zod";

export const currentTime = tool({
  description:
    "Get the current date and time, optionally in a given time zone. " +
    "Use it whenever the answer depends on today's date or the time now.",
  inputSchema: z.object({
    timeZone: z
      .string()
      .max(64)
      .optional()
      .describe(
        "An IANA time zone such as Europe/Paris or America/New_York; " +
          "UTC when omitted.",
      ),
  }),
  execute: async ({ timeZone = "UTC" }) => {
    let formatter: Intl.DateTimeFormat;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        dateStyle: "full",
        timeStyle: "long",
      });
    } catch {
      throw new Error(`Unknown time zone "${timeZone}".`);
    }
    const now = new Date();
    return { timeZone, iso: now.toISOString(), local: formatter.format(now) };
  },
});
