import { z } from "zod";
import { messageIdSchema } from "../../../chat/schema";

/** Show `siblingId` where `messageId`, another version of it, is shown. */
export const versionSwitchSchema = z.strictObject({
  messageId: messageIdSchema,
  siblingId: messageIdSchema,
});
