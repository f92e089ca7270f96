"use client";

import { useEffect } from "react";
import { useStartNewChat } from "./use-start-new-chat";

/** Ctrl+Shift+O (⌘+Shift+O on a Mac) starts a new chat from anywhere. */
export function KeyboardShortcuts() {
  const startNewChat = useStartNewChat();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && event.shiftKey && event.key.toLowerCase() === "o") {
        event.preventDefault();
        startNewChat();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [startNewChat]);
  return null;
}
