"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Ctrl+Shift+O (⌘+Shift+O on a Mac) starts a new chat from anywhere. */
export function KeyboardShortcuts() {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = event.ctrlKey || event.metaKey;
      if (modifier && event.shiftKey && event.key.toLowerCase() === "o") {
        event.preventDefault();
        router.push("/");
        router.refresh();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router]);
  return null;
}
