"use client";

import { type KeyboardEvent, useEffect, useRef, useState } from "react";

export type MenuAction = "rename" | "pin" | "unpin" | "delete";

const labels: Record<MenuAction, string> = {
  rename: "Rename",
  pin: "Pin",
  unpin: "Unpin",
  delete: "Delete",
};

const itemClass =
  "block w-full px-3 py-1.5 text-left hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800";

const downloads = [
  { label: "Export as Markdown", format: "markdown" },
  { label: "Export as JSON", format: "json" },
] as const;

/** The "Conversation actions" button and the menu it opens. */
export function ConversationMenu({
  conversationId,
  pinned,
  onAction,
}: {
  conversationId: string;
  pinned: boolean;
  onAction: (action: MenuAction) => void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const actions: MenuAction[] = ["rename", pinned ? "unpin" : "pin"];

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const item = (action: MenuAction) => (
    <button
      key={action}
      type="button"
      role="menuitem"
      onClick={() => {
        setOpen(false);
        onAction(action);
      }}
      className={`${itemClass} ${action === "delete" ? "text-red-600 dark:text-red-400" : ""}`}
    >
      {labels[action]}
    </button>
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [
      ...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ??
        []),
    ];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      // Kept from the window: there, Escape stops a running reply.
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items.at((index + step) % items.length)?.focus();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys of the menu inside
    <div ref={root} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-label="Conversation actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className={`rounded px-1.5 py-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus:opacity-100 max-md:opacity-100 dark:hover:bg-zinc-700 dark:hover:text-zinc-100 ${open ? "opacity-100" : "opacity-0 group-hover:opacity-100"}`}
      >
        ⋯
      </button>
      {open ? (
        <div
          role="menu"
          aria-label="Conversation actions"
          className="absolute top-full right-0 z-30 mt-1 w-44 rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {actions.map((action) => item(action))}
          {downloads.map(({ label, format }) => (
            <a
              key={format}
              role="menuitem"
              href={`/api/conversations/${conversationId}/export?format=${format}`}
              download
              onClick={() => setOpen(false)}
              className={itemClass}
            >
              {label}
            </a>
          ))}
          {item("delete")}
        </div>
      ) : null}
    </div>
  );
}
