"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { CONVERSATIONS_CHANGED } from "@/lib/client-events";
import type { ConversationSummary } from "@/lib/types";

export function Sidebar({
  initialConversations,
}: {
  initialConversations: ConversationSummary[];
}) {
  const [conversations, setConversations] = useState(initialConversations);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const router = useRouter();

  useEffect(() => {
    const refresh = async () => {
      const response = await fetch("/api/conversations", { cache: "no-store" });
      if (!response.ok) return;
      const body = (await response.json()) as {
        conversations: ConversationSummary[];
      };
      setConversations(body.conversations);
    };
    window.addEventListener(CONVERSATIONS_CHANGED, refresh);
    return () => window.removeEventListener(CONVERSATIONS_CHANGED, refresh);
  }, []);

  return (
    <>
      <SidebarToggle open={open} onToggle={() => setOpen(!open)} />
      <aside
        className={`${open ? "flex" : "hidden"} absolute inset-y-0 left-0 z-20 w-64 flex-col border-r border-zinc-200 bg-zinc-50 md:static md:flex dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex items-center gap-2 p-3">
          <span className="flex-1 font-semibold">Parley</span>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              // The address may already read "/" to the router; refresh makes
              // the page hand out a new conversation id either way.
              router.push("/");
              router.refresh();
            }}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            New chat
          </button>
        </div>
        <nav
          aria-label="Conversations"
          className="flex-1 overflow-y-auto px-2 pb-3"
        >
          {conversations.length === 0 ? (
            <p className="px-2 text-sm text-zinc-500">No conversations yet.</p>
          ) : (
            <ul className="space-y-0.5">
              {conversations.map((conversation) => {
                const href = `/c/${conversation.id}`;
                const current = pathname === href;
                return (
                  <li key={conversation.id}>
                    <Link
                      href={href}
                      aria-current={current ? "page" : undefined}
                      onClick={() => setOpen(false)}
                      className={`block truncate rounded-md px-2 py-1.5 text-sm ${current ? "bg-zinc-200 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"}`}
                    >
                      {conversation.title}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </nav>
        <Link
          href="/settings"
          onClick={() => setOpen(false)}
          className="border-t border-zinc-200 px-4 py-3 text-sm hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800"
        >
          Default settings
        </Link>
      </aside>
    </>
  );
}

function SidebarToggle({
  open,
  onToggle,
}: {
  open: boolean;
  onToggle: () => void;
}) {
  // On narrow screens the sidebar is an overlay; this button sits outside it.
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-label={open ? "Hide conversations" : "Show conversations"}
      onClick={onToggle}
      className="fixed top-2 left-2 z-30 flex rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm md:hidden dark:border-zinc-700 dark:bg-zinc-900"
    >
      ☰
    </button>
  );
}
