import { getToolName, isToolUIPart } from "ai";
import type { ReactNode } from "react";
import { Markdown } from "@/components/markdown/markdown";
import { safeUrl } from "@/components/markdown/safe-url";
import type {
  MessageMetadata,
  MessageStatus,
  ParleyMessage,
} from "@/lib/types";
import { ErrorAlert } from "./error-alert";
import { ReasoningBlock } from "./reasoning-block";
import { ToolCallBlock } from "./tool-call-block";
import { UsageLine } from "./usage-line";

type Part = ParleyMessage["parts"][number];

const statusNotes: Partial<Record<MessageStatus, string>> = {
  stopped: "Stopped",
  interrupted: "Interrupted: the server stopped before this reply finished.",
};

export function MessageItem({
  message,
  status,
  error,
  onRetry,
  actions,
}: {
  message: ParleyMessage;
  status: MessageStatus | undefined;
  error: { code: string; message: string } | undefined;
  onRetry: (() => void) | undefined;
  /** Copy, edit, regenerate and version controls, under the message. */
  actions?: ReactNode;
}) {
  const isUser = message.role === "user";
  const note = status ? statusNotes[status] : undefined;
  const canRetry =
    status === "stopped" || status === "interrupted" || status === "failed";
  return (
    <li
      data-testid="message"
      data-role={message.role}
      data-status={status}
      className={
        isUser ? "flex flex-col items-end gap-1" : "flex flex-col gap-2"
      }
    >
      {isUser ? (
        <div className="max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 whitespace-pre-wrap dark:bg-zinc-800">
          <Parts parts={message.parts} streaming={false} markdown={false} />
        </div>
      ) : (
        <>
          <Parts
            parts={message.parts}
            streaming={status === "streaming"}
            markdown
            reasoningNote={describeReasoning(message.metadata)}
          />
          {status === "streaming" && message.parts.length === 0 ? (
            <p className="text-sm text-zinc-500">Waiting for the model…</p>
          ) : null}
          {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
          <div className="flex items-center gap-3 text-xs text-zinc-500">
            {note ? <span>{note}</span> : null}
            <UsageLine metadata={message.metadata} />
            {!error && canRetry && onRetry ? (
              <button type="button" onClick={onRetry} className="underline">
                Retry
              </button>
            ) : null}
          </div>
        </>
      )}
      {actions}
    </li>
  );
}

type PartsProps = {
  streaming: boolean;
  /** Assistant text is Markdown; what people type stays as typed. */
  markdown: boolean;
  /** How long and how many tokens the model reasoned, once known. */
  reasoningNote?: string;
};

function describeReasoning(metadata: MessageMetadata | undefined) {
  const pieces: string[] = [];
  if (metadata?.reasoningMs !== undefined) {
    pieces.push(`${(metadata.reasoningMs / 1000).toFixed(1)} s`);
  }
  if (metadata?.usage?.reasoning) {
    pieces.push(`${metadata.usage.reasoning} tokens`);
  }
  return pieces.length > 0 ? pieces.join(" · ") : undefined;
}

function Parts({ parts, ...props }: PartsProps & { parts: Part[] }) {
  // Parts only ever grow at the end, so their position is a stable key.
  return parts.map((part, index) => (
    <PartView key={partKey(part, index)} part={part} {...props} />
  ));
}

function partKey(part: Part, index: number): string {
  return isToolUIPart(part) ? part.toolCallId : `${part.type}:${index}`;
}

function PartView({
  part,
  streaming,
  markdown,
  reasoningNote,
}: PartsProps & { part: Part }) {
  if (isToolUIPart(part)) {
    return <ToolCallBlock part={part} name={getToolName(part)} />;
  }
  switch (part.type) {
    case "text":
      return markdown ? (
        <Markdown
          text={part.text}
          streaming={streaming && part.state === "streaming"}
        />
      ) : (
        <div className="leading-relaxed whitespace-pre-wrap">{part.text}</div>
      );
    case "reasoning":
      return (
        <ReasoningBlock
          text={part.text}
          streaming={streaming && part.state === "streaming"}
          note={reasoningNote}
        />
      );
    case "source-url":
      return <SourceLink url={part.url} title={part.title} />;
    case "step-start":
      return null;
    default:
      // Files, documents and custom data parts are not produced by Parley's
      // requests yet; they are kept in storage but not drawn.
      return null;
  }
}

/** A citation; one whose address isn't a web page is shown as text. */
function SourceLink({ url, title }: { url: string; title?: string }) {
  const href = safeUrl(url);
  if (!href) {
    return <span className="text-sm text-zinc-500">{title ?? url}</span>;
  }
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-sm text-blue-600 underline dark:text-blue-400"
    >
      {title ?? url}
    </a>
  );
}
