"use client";

import { useEffect, useState } from "react";

/**
 * False in the server's HTML and until React has attached its handlers,
 * then true. Controls that only work with JavaScript stay disabled till
 * then, rather than swallow a click or lose what was typed into a page
 * still loading.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
