import { z } from "zod";
import { modelIdSchema } from "@/lib/env";

/**
 * Parley's export file, version 1: every conversation with every message of
 * every branch, as stored. Messages come parents first, so a file can be
 * imported in one pass. Share links are not part of it: they belong to the
 * deployment that made them.
 */
export const EXPORT_FORMAT = "parley-export";
export const EXPORT_VERSION = 1;

const id = z.string().min(1).max(200);
const isoDate = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const jsonValue = z.json();

export const exportedMessageSchema = z.strictObject({
  id,
  parentId: id.nullable(),
  role: z.enum(["user", "assistant"]),
  /** AI SDK UI message parts, as streamed and stored. */
  parts: z.array(z.looseObject({ type: z.string().min(1).max(100) })),
  status: z.enum(["streaming", "complete", "stopped", "failed", "interrupted"]),
  model: z.string().max(200).nullable(),
  finishReason: z.string().max(100).nullable(),
  error: z
    .strictObject({ code: z.string().max(100), message: z.string() })
    .nullable(),
  usage: z
    .strictObject({
      prompt: count,
      completion: count,
      reasoning: count,
      cached: count,
    })
    .nullable(),
  cost: z.number().min(0).nullable(),
  reasoningMs: count.nullable(),
  /** OpenRouter's per-step data (reasoning_details), verbatim. */
  providerMetadata: jsonValue.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const exportedConversationSchema = z.strictObject({
  id,
  title: z.string().max(500),
  titleSource: z.enum(["message", "generated", "user"]),
  model: modelIdSchema,
  settings: jsonValue.nullable(),
  pinned: z.boolean(),
  activeLeafId: id.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  messages: z.array(exportedMessageSchema),
});

export type ExportedMessage = z.infer<typeof exportedMessageSchema>;
export type ExportedConversation = z.infer<typeof exportedConversationSchema>;

export type ExportFile = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  conversations: ExportedConversation[];
};

export function toExportFile(
  conversations: ExportedConversation[],
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    conversations,
  };
}
