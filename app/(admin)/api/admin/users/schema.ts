import { z } from "zod";

export const inviteSchema = z.strictObject({
  email: z.email({ message: "must be an email address" }).max(254),
});

/** Dollars, or null for the server's cap (SPEND_CAP_*_USD). */
const capDollars = z
  .number()
  .min(0, { message: "a cap cannot be negative" })
  .max(1_000_000)
  .nullable();

/**
 * One change at a time: disable or enable, allow the server's key, or set
 * the person's own spending caps.
 */
export const userUpdateSchema = z.union([
  z.strictObject({ disabled: z.boolean() }),
  z.strictObject({ serverKeyAllowed: z.boolean() }),
  z.strictObject({
    spendCaps: z.strictObject({ day: capDollars, month: capDollars }),
  }),
]);

/** better-auth's ids: letters, digits, - and _. */
export const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
