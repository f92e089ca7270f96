import { z } from "zod";

export const inviteSchema = z.strictObject({
  email: z.email({ message: "must be an email address" }).max(254),
});

export const userUpdateSchema = z.strictObject({
  disabled: z.boolean(),
});

/** better-auth's ids: letters, digits, - and _. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
