"use client";

import type { ShareMode } from "@/lib/share/link";

const EXPIRIES = [
  { label: "Never", ms: null },
  { label: "1 hour", ms: 3_600_000 },
  { label: "1 day", ms: 86_400_000 },
  { label: "7 days", ms: 7 * 86_400_000 },
  { label: "30 days", ms: 30 * 86_400_000 },
] as const;

export type ShareOptions = {
  mode: ShareMode;
  /** Index into EXPIRIES. */
  expiry: number;
  includeSystemPrompt: boolean;
  indexable: boolean;
};

export const DEFAULT_SHARE_OPTIONS: ShareOptions = {
  mode: "snapshot",
  expiry: 0,
  includeSystemPrompt: false,
  indexable: false,
};

/** The body of `POST /api/conversations/<id>/shares`; expiry from now. */
export function toRequest(options: ShareOptions) {
  const ms = EXPIRIES[options.expiry]?.ms ?? null;
  return {
    mode: options.mode,
    expiresAt: ms === null ? null : new Date(Date.now() + ms).toISOString(),
    includeSystemPrompt: options.includeSystemPrompt,
    indexable: options.indexable,
  };
}

/** Snapshot or live, expiry, system prompt and indexing choices. */
export function ShareOptionFields({
  options,
  onChange,
}: {
  options: ShareOptions;
  onChange: (options: ShareOptions) => void;
}) {
  return (
    <>
      <fieldset className="mb-3 flex gap-4 text-sm">
        <legend className="mb-1 text-xs text-zinc-500">Kind of link</legend>
        {(["snapshot", "live"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1.5">
            <input
              type="radio"
              name="share-mode"
              checked={options.mode === value}
              onChange={() => onChange({ ...options, mode: value })}
            />
            {value === "snapshot" ? "Snapshot" : "Live"}
          </label>
        ))}
      </fieldset>
      <label className="mb-3 flex items-center gap-2 text-sm">
        Expires
        <select
          value={options.expiry}
          onChange={(event) =>
            onChange({ ...options, expiry: Number(event.target.value) })
          }
          className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-800"
        >
          {EXPIRIES.map((option, index) => (
            <option key={option.label} value={index}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="mb-1 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={options.includeSystemPrompt}
          onChange={(event) =>
            onChange({ ...options, includeSystemPrompt: event.target.checked })
          }
        />
        Include system prompt
      </label>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={options.indexable}
          onChange={(event) =>
            onChange({ ...options, indexable: event.target.checked })
          }
        />
        Let search engines index it
      </label>
    </>
  );
}
