import type { CSSProperties } from "react";

// Drawn as CSS masks, not <svg> elements: a message holds no svg, img or
// script of its own, so any that appears can only come from a reply's
// markup (e2e/chat/markdown.spec.ts checks for exactly that).
function mask(shapes: string): CSSProperties {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" ' +
    'fill="none" stroke="black" stroke-width="2" stroke-linecap="round" ' +
    `stroke-linejoin="round">${shapes}</svg>`;
  const image = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
  return {
    maskImage: image,
    WebkitMaskImage: image,
    maskSize: "contain",
    WebkitMaskSize: "contain",
    maskRepeat: "no-repeat",
    WebkitMaskRepeat: "no-repeat",
    maskPosition: "center",
    WebkitMaskPosition: "center",
  };
}

const icons = {
  copy: mask(
    '<rect x="9" y="9" width="12" height="12" rx="2"/>' +
      '<path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/>',
  ),
  check: mask('<path d="M20 6 9 17l-5-5"/>'),
  edit: mask(
    '<path d="M12 20h9"/><path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z"/>',
  ),
  regenerate: mask(
    '<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>',
  ),
  previous: mask('<path d="m15 18-6-6 6-6"/>'),
  next: mask('<path d="m9 18 6-6-6-6"/>'),
} satisfies Record<string, CSSProperties>;

export type IconName = keyof typeof icons;

/** A 16 px icon in the current text colour; the button carries the name. */
export function ActionIcon({ name }: { name: IconName }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-4 bg-current align-middle"
      style={icons[name]}
    />
  );
}
