"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";

/** Opens a fresh conversation, from the sidebar or the keyboard. */
export function useStartNewChat(): () => void {
  const router = useRouter();
  return useCallback(() => {
    // The address may already read "/" to the router; refresh makes the
    // page hand out a new conversation id either way.
    router.push("/");
    router.refresh();
  }, [router]);
}
