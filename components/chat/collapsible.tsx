import type { HTMLAttributes, ReactNode } from "react";

/**
 * A bordered block whose header button folds its body away: reasoning and
 * tool calls both read this way. Extra attributes (test ids, data-*) go on
 * the outer block.
 */
export function Collapsible({
  summary,
  open,
  onToggle,
  bodyClassName = "",
  children,
  ...attributes
}: {
  summary: ReactNode;
  open: boolean;
  onToggle: () => void;
  bodyClassName?: string;
  children: ReactNode;
} & HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      {...attributes}
      className="rounded-lg border border-zinc-200 text-sm dark:border-zinc-800"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={onToggle}
        className="flex w-full items-center gap-2 px-3 py-2 text-left"
      >
        {summary}
        <span aria-hidden className="ml-auto">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open ? (
        <div
          className={`border-t border-zinc-200 px-3 py-2 dark:border-zinc-800 ${bodyClassName}`}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
