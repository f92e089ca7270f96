import { z } from "zod";
import type { TurnRequest } from "@/lib/chat/turn";
import { generationSettingsSchema, modelIdSchema } from "@/lib/settings/schema";

export const MAX_MESSAGE_CHARACTERS = 100_000;

export const conversationIdSchema = z.uuid({
  message: "must be a conversation id (a UUID)",
});

export const messageIdSchema = z
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
    /** Makes the message another version of this earlier user message. */
    editOf: messageIdSchema.optional(),
  }),
  z.object({
    trigger: z.literal("regenerate-message"),
    id: conversationIdSchema,
    parentId: messageIdSchema,
  }),
  /** A new version of a stopped, failed or interrupted reply, carried on. */
  z.object({
    trigger: z.literal("continue-message"),
    id: conversationIdSchema,
    messageId: messageIdSchema,
  }),
]);

export type ChatRequest = z.infer<typeof chatRequestSchema>;

export function toTurnRequest(body: ChatRequest): TurnRequest {
  const conversationId = body.id;
  switch (body.trigger) {
    case "submit-message": {
      const { message, setup, editOf } = body;
      return { kind: "send", conversationId, message, setup, editOf };
    }
    case "regenerate-message":
      return { kind: "retry", conversationId, parentId: body.parentId };
    case "continue-message":
      return { kind: "continue", conversationId, messageId: body.messageId };
  }
}
