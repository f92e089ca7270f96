import { activePath } from "@/lib/chat/thread";
import { readSettings } from "@/lib/settings/schema";
import type { ExportedConversation, ExportedMessage } from "./format";

type Part = ExportedMessage["parts"][number];

/**
 * A conversation as a person would read it: the branch it shows, with the
 * model, the system prompt, each message's reasoning, tool calls and usage.
 * The JSON export is the complete one; this is for reading and sharing.
 */
export function conversationToMarkdown(
  conversation: ExportedConversation,
): string {
  const lines: string[] = [
    `# ${oneLine(conversation.title) || "Untitled"}`,
    "",
  ];
  lines.push(
    `Model: \`${conversation.model}\` · Started ${day(conversation.createdAt)}` +
      ` · Exported from Parley`,
    "",
  );
  const { systemPrompt } = readSettings(conversation.settings);
  if (systemPrompt) {
    lines.push("**System prompt**", "", quote(systemPrompt), "");
  }
  const path = activePath(conversation.messages, conversation.activeLeafId);
  for (const message of path) lines.push(...messageLines(message));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Several conversations in one file, separated by rules. */
export function conversationsToMarkdown(
  conversations: ExportedConversation[],
): string {
  return conversations.map(conversationToMarkdown).join("\n---\n\n");
}

function messageLines(message: ExportedMessage): string[] {
  const heading =
    message.role === "user" ? "## You" : `## ${message.model ?? "Assistant"}`;
  const lines = [heading, ""];
  for (const part of message.parts) {
    const rendered = partLines(part);
    if (rendered.length) lines.push(...rendered, "");
  }
  if (message.role === "assistant") {
    const facts = [
      message.status === "complete" ? undefined : message.status,
      message.error?.message,
      message.usage
        ? `${(message.usage.prompt + message.usage.completion).toLocaleString("en-US")} tokens`
        : undefined,
      message.cost === null ? undefined : `$${message.cost.toFixed(6)}`,
    ].filter(Boolean);
    if (facts.length) lines.push(`_${facts.join(" · ")}_`, "");
  }
  return lines;
}

function partLines(part: Part): string[] {
  const text = typeof part.text === "string" ? part.text : "";
  if (part.type === "text") return text ? [text] : [];
  if (part.type === "reasoning") {
    if (!text.trim()) return [];
    return [
      "<details><summary>Reasoning</summary>",
      "",
      text,
      "",
      "</details>",
    ];
  }
  if (part.type === "source-url" && typeof part.url === "string") {
    const title = typeof part.title === "string" ? part.title : part.url;
    return [`Source: [${oneLine(title)}](<${part.url}>)`];
  }
  const tool = toolName(part);
  if (tool) {
    const lines = [`**Tool \`${tool}\`**`, "", fenced(part.input)];
    if (part.output !== undefined) {
      lines.push("", "Result:", "", fenced(part.output));
    }
    if (typeof part.errorText === "string") {
      lines.push("", `Error: ${oneLine(part.errorText)}`);
    }
    return lines;
  }
  return [];
}

function toolName(part: Part): string | undefined {
  if (part.type === "dynamic-tool" && typeof part.toolName === "string") {
    return part.toolName;
  }
  return part.type.startsWith("tool-") ? part.type.slice(5) : undefined;
}

/** A code block whose fence is longer than any run of backticks inside. */
function fenced(value: unknown): string {
  // Text (a fetched page, say) is shown as it is; anything else as JSON.
  const language = typeof value === "string" ? "" : "json";
  const body =
    typeof value === "string" ? value : JSON.stringify(value ?? null, null, 2);
  const longest = Math.max(
    2,
    ...[...body.matchAll(/`+/g)].map((run) => run[0].length),
  );
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
