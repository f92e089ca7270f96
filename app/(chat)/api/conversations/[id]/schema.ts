import { z } from "zod";
import { generationSettingsSchema, modelIdSchema } from "@/lib/settings/schema";

export const conversationUpdateSchema = z
  .strictObject({
    model: modelIdSchema.optional(),
    settings: generationSettingsSchema.optional(),
  })
  .refine((body) => body.model !== undefined || body.settings !== undefined, {
    message: "nothing to change: send model or settings",
  });
