import { z } from "zod";

export const storeKeySchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(8, { message: "an OpenRouter key is longer than that" })
    .max(300)
    .regex(/^\S+$/, { message: "a key has no spaces" }),
});
