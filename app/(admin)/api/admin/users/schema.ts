import { z } from "zod";

export const inviteSchema = z.strictObject({
  email: z.email({ message: "must be an email address" }).max(254),
});

/** One change at a time: disable or enable, or allow the server's key. */
export const userUpdateSchema = z.union([
  z.strictObject({ disabled: z.boolean() }),
  z.strictObject({ serverKeyAllowed: z.boolean() }),
]);

/** better-auth's ids: letters, digits, - and _. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
