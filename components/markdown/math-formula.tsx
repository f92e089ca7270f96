"use client";

import { useMemo } from "react";
import { lazyModule, useLazyModule } from "./lazy-module";

const katexModule = lazyModule(() => import("./katex-renderer"));

/** TeX typeset by KaTeX once it has loaded; the raw TeX until then. */
export function MathFormula({
  tex,
  display,
}: {
  tex: string;
  display: boolean;
}) {
  const katex = useLazyModule(katexModule, true);
  const html = useMemo(
    () => katex?.renderTex(tex, display),
    [katex, tex, display],
  );
  const Tag = display ? "div" : "span";
  if (html === undefined) {
    return display ? (
      <pre data-testid="math" className="my-3 overflow-x-auto text-sm">
        <code>{tex}</code>
      </pre>
    ) : (
      <code data-testid="math">{tex}</code>
    );
  }
  return (
    <Tag
      data-testid="math"
      className={display ? "my-3 overflow-x-auto" : undefined}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX escapes TeX and, untrusted, emits no links or scripts
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
