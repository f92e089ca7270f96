"use client";

import { useState } from "react";
import { ActionIcon } from "./action-icons";

const buttonClass =
  "rounded p-0.5 hover:bg-zinc-100 disabled:opacity-30 disabled:hover:bg-transparent dark:hover:bg-zinc-800";

/** `‹ 2 / 3 ›`: steps through the versions of one message. */
export function VersionSwitch({
  messageId,
  versions,
  disabled,
  onSwitch,
}: {
  messageId: string;
  /** Every version's id, oldest first, `messageId` among them. */
  versions: string[];
  disabled: boolean;
  onSwitch: (siblingId: string) => Promise<void>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const index = versions.indexOf(messageId);
  if (index === -1) return null;
  const previous = versions[index - 1];
  const next = versions[index + 1];

  const go = async (siblingId: string) => {
    setPending(true);
    setError(undefined);
    try {
      await onSwitch(siblingId);
    } catch (caught) {
      setError(
        caught instanceof Error ? caught.message : "Could not switch versions.",
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <fieldset aria-label="Versions" className="flex items-center">
      <button
        type="button"
        aria-label="Previous version"
        disabled={disabled || pending || !previous}
        onClick={() => previous && go(previous)}
        className={buttonClass}
      >
        <ActionIcon name="previous" />
      </button>
      <span className="px-0.5 text-xs tabular-nums">
        {index + 1} / {versions.length}
      </span>
      <button
        type="button"
        aria-label="Next version"
        disabled={disabled || pending || !next}
        onClick={() => next && go(next)}
        className={buttonClass}
      >
        <ActionIcon name="next" />
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
