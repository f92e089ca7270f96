import { z } from "zod";
import { decodeCursor } from "@/lib/history/cursor";

export const MAX_PAGE_SIZE = 100;

/** `GET /api/conversations?cursor=&limit=`: one page of the sidebar's list. */
export const conversationPageSchema = z.strictObject({
  cursor: z
    .string()
    .transform((value, context) => {
      const cursor = decodeCursor(value);
      if (cursor) return cursor;
      context.addIssue({
        code: "custom",
        message: "it is not a cursor this list handed out",
      });
      return z.NEVER;
    })
    .optional(),
  limit: z.coerce
    .number({ message: "it must be a whole number" })
    .int({ message: "it must be a whole number" })
    .min(1, { message: "it must be at least 1" })
    .max(MAX_PAGE_SIZE, { message: `it must be at most ${MAX_PAGE_SIZE}` })
    .default(50),
});
