import { z } from "zod";

export const serverSettingsSchema = z.strictObject({
  allowSignUp: z.boolean(),
});
