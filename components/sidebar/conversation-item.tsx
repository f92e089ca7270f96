"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { ConversationSummary } from "@/lib/types";
import { ConversationMenu, type MenuAction } from "./conversation-menu";
import { DeleteDialog } from "./delete-dialog";

const MAX_TITLE_CHARACTERS = 200;

/** One conversation of the sidebar: its link, or its title being edited. */
export function ConversationItem({
  conversation,
  current,
  onOpen,
  onRename,
  onSetPinned,
  onDelete,
}: {
  conversation: ConversationSummary;
  current: boolean;
  onOpen: () => void;
  onRename: (title: string) => Promise<void>;
  onSetPinned: (pinned: boolean) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const act = (action: MenuAction) => {
    if (action === "rename") setEditing(true);
    else if (action === "delete") setConfirming(true);
    else void onSetPinned(action === "pin");
  };

  return (
    <li
      className={`group flex items-center gap-1 rounded-md pr-1 ${current ? "bg-zinc-200 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"}`}
    >
      {editing ? (
        <TitleInput
          initial={conversation.title}
          onDone={(title) => {
            setEditing(false);
            if (title !== undefined && title !== conversation.title) {
              void onRename(title);
            }
          }}
        />
      ) : (
        <Link
          href={`/c/${conversation.id}`}
          aria-current={current ? "page" : undefined}
          onClick={onOpen}
          className="min-w-0 flex-1 truncate px-2 py-1.5 text-sm"
        >
          {conversation.title}
        </Link>
      )}
      <ConversationMenu
        conversationId={conversation.id}
        pinned={conversation.pinned}
        onAction={act}
      />
      {confirming ? (
        <DeleteDialog
          title={conversation.title}
          onConfirm={onDelete}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </li>
  );
}

/** Enter saves, Escape cancels, leaving the field saves. */
function TitleInput({
  initial,
  onDone,
}: {
  initial: string;
  onDone: (title: string | undefined) => void;
}) {
  const [value, setValue] = useState(initial);
  const finished = useRef(false);
  const finish = (title: string | undefined) => {
    if (finished.current) return;
    finished.current = true;
    // An empty title is no title: the old one stays.
    onDone(title?.trim() || undefined);
  };

  return (
    <input
      aria-label="Conversation title"
      value={value}
      maxLength={MAX_TITLE_CHARACTERS}
      // biome-ignore lint/a11y/noAutofocus: the field appears on request
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(event) => {
        if (event.key === "Enter" && !event.nativeEvent.isComposing) {
          event.preventDefault();
          finish(value);
        } else if (event.key === "Escape") {
          // Kept from the window: there, Escape stops a running reply.
          event.stopPropagation();
          finish(undefined);
        }
      }}
      className="min-w-0 flex-1 rounded border border-blue-500 bg-white px-2 py-1 text-sm outline-none dark:bg-zinc-900"
    />
  );
}
