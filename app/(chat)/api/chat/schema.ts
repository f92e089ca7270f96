import { z } from "zod";
import { generationSettingsSchema, modelIdSchema } from "@/lib/settings/schema";

export const MAX_MESSAGE_CHARACTERS = 100_000;

export const conversationIdSchema = z.uuid({
  message: "must be a conversation id (a UUID)",
});

const messageIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be a message id" });

const textPartSchema = z.object({
  type: z.literal("text"),
  text: z.string().max(MAX_MESSAGE_CHARACTERS, {
    message: `a message holds at most ${MAX_MESSAGE_CHARACTERS} characters`,
  }),
});

/** The browser sends only what is new; the server holds the history. */
export const chatRequestSchema = z.discriminatedUnion("trigger", [
  z.object({
    trigger: z.literal("submit-message"),
    id: conversationIdSchema,
    message: z.object({
      id: messageIdSchema,
      role: z.literal("user"),
      parts: z
        .array(textPartSchema)
        .min(1)
        .max(20)
        .refine((parts) => parts.some((part) => part.text.trim() !== ""), {
          message: "the message is empty",
        }),
    }),
    /** Used only when this message creates the conversation. */
    setup: z
      .object({
        model: modelIdSchema.optional(),
        settings: generationSettingsSchema.optional(),
      })
      .optional(),
  }),
  z.object({
    trigger: z.literal("regenerate-message"),
    id: conversationIdSchema,
    parentId: messageIdSchema,
  }),
]);

export type ChatRequest = z.infer<typeof chatRequestSchema>;
