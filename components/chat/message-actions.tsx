"use client";

import { type ReactNode, useState } from "react";
import { useCopy } from "@/components/use-copy";
import { textOf } from "@/lib/chat/thread";
import type { MessageStatus, ParleyMessage } from "@/lib/types";
import { ActionIcon } from "./action-icons";
import { MessageEditor } from "./message-editor";
import type { BranchControls } from "./use-branching";
import { VersionSwitch } from "./version-switch";

const CONTINUABLE = new Set<MessageStatus | undefined>([
  "stopped",
  "failed",
  "interrupted",
]);

/** Versions, copy, edit or regenerate, and continue, under one message. */
export function MessageActions({
  message,
  status,
  branch,
}: {
  message: ParleyMessage;
  status: MessageStatus | undefined;
  branch: BranchControls;
}) {
  const [editing, setEditing] = useState(false);
  if (status === "streaming") return null;
  const isUser = message.role === "user";
  const text = textOf(message.parts);
  const versions = branch.versions[message.id];

  if (editing) {
    return (
      <MessageEditor
        initialText={text}
        onCancel={() => setEditing(false)}
        onSave={(edited) => {
          setEditing(false);
          branch.edit(message.id, edited);
        }}
      />
    );
  }
  return (
    <div className="flex items-center gap-1 text-zinc-500">
      {versions ? (
        <VersionSwitch
          messageId={message.id}
          versions={versions}
          disabled={branch.busy}
          onSwitch={(siblingId) => branch.showVersion(message.id, siblingId)}
        />
      ) : null}
      <CopyButton text={text} />
      {isUser ? (
        <IconButton
          label="Edit message"
          disabled={branch.busy}
          onClick={() => setEditing(true)}
        >
          <ActionIcon name="edit" />
        </IconButton>
      ) : (
        <IconButton
          label="Regenerate"
          disabled={branch.busy}
          onClick={() => branch.regenerate(message.id)}
        >
          <ActionIcon name="regenerate" />
        </IconButton>
      )}
      {!isUser && CONTINUABLE.has(status) && text.trim() !== "" ? (
        <button
          type="button"
          disabled={branch.busy}
          onClick={() => branch.continueReply(message.id)}
          className="rounded px-2 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-30 dark:hover:bg-zinc-800"
        >
          Continue
        </button>
      ) : null}
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const { copied, copy } = useCopy();
  return (
    <>
      <IconButton label="Copy message" onClick={() => copy(text)}>
        <ActionIcon name={copied ? "check" : "copy"} />
      </IconButton>
      {/* The button keeps its name; this tells screen readers it worked. */}
      <span aria-live="polite" className="sr-only">
        {copied ? "Message copied" : ""}
      </span>
    </>
  );
}

function IconButton({
  label,
  disabled = false,
  onClick,
  children,
}: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="rounded p-1 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-30 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
    >
      {children}
    </button>
  );
}
