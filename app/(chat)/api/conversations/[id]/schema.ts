import { z } from "zod";
import { generationSettingsSchema, modelIdSchema } from "@/lib/settings/schema";

export const MAX_TITLE_CHARACTERS = 200;

export const conversationTitleSchema = z
  .string()
  .trim()
  .min(1, { message: "the title is empty" })
  .max(MAX_TITLE_CHARACTERS, {
    message: `a title holds at most ${MAX_TITLE_CHARACTERS} characters`,
  });

export const conversationUpdateSchema = z
  .strictObject({
    model: modelIdSchema.optional(),
    settings: generationSettingsSchema.optional(),
    title: conversationTitleSchema.optional(),
    pinned: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "nothing to change: send model, settings, title or pinned",
  });
