import type { ChatStatus } from "ai";
import type { MessageStatus, ParleyMessage } from "@/lib/types";

/**
 * The status the page shows for a message. The live chat state wins for the
 * last message; otherwise what the server recorded.
 */
export function displayStatus(
  message: ParleyMessage,
  { isLast, chatStatus }: { isLast: boolean; chatStatus: ChatStatus },
): MessageStatus | undefined {
  if (message.role !== "assistant") return undefined;
  if (isLast && (chatStatus === "submitted" || chatStatus === "streaming")) {
    return "streaming";
  }
  if (isLast && chatStatus === "error") return "failed";
  return message.metadata?.status ?? "complete";
}
