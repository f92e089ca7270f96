import { z } from "zod";
import { MAX_QUERY_CHARACTERS } from "@/lib/history/query";

/** `GET /api/search?q=`: what a person typed into the sidebar's search. */
export const searchQuerySchema = z.strictObject({
  q: z
    .string({ message: "it is required" })
    .trim()
    .min(1, { message: "it is empty" })
    .max(MAX_QUERY_CHARACTERS, {
      message: `it holds at most ${MAX_QUERY_CHARACTERS} characters`,
    }),
});
