import { z } from "zod";

export const shareCreateSchema = z.strictObject({
  mode: z.enum(["snapshot", "live"]),
  expiresAt: z.iso
    .datetime({ offset: true, message: "must be an ISO date and time" })
    .refine((value) => Date.parse(value) > Date.now(), {
      message: "the expiry must be in the future",
    })
    .nullable()
    .optional(),
  includeSystemPrompt: z.boolean().optional(),
  indexable: z.boolean().optional(),
});
