"use client";

import { useEffect, useState } from "react";
import { lazyModule, useLazyModule } from "./lazy-module";

const highlighterModule = lazyModule(() => import("./highlighter"));

/** Highlighted HTML of `code` once the highlighter and grammar arrive. */
export function useHighlighted(
  code: string,
  language: string | undefined,
): string | undefined {
  const highlighter = useLazyModule(highlighterModule, Boolean(language));
  // Re-renders once a grammar is registered; the block memo above keeps
  // highlighting to blocks whose text changed.
  const [, setGrammarsLoaded] = useState(0);
  const html =
    highlighter && language ? highlighter.highlight(code, language) : undefined;
  const missing = Boolean(highlighter && language && html === undefined);
  useEffect(() => {
    if (!missing || !highlighter || !language) return;
    let mounted = true;
    highlighter.loadLanguage(language).then(
      (known) => {
        if (known && mounted) setGrammarsLoaded((count) => count + 1);
      },
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [missing, highlighter, language]);
  return html;
}
