import { z } from "zod";
import { generationSettingsSchema, modelIdSchema } from "@/lib/settings/schema";

export const appSettingsSchema = z.strictObject({
  model: modelIdSchema,
  settings: generationSettingsSchema,
});
