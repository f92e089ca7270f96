"use client";

import { useState } from "react";
import type { AdminUser } from "./admin-api";

const buttonClass =
  "rounded-md border border-zinc-300 px-2 py-1 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * One account, with Disable/Enable, Password link and Delete (never on
 * one's own).
 */
export function UserRow({
  user,
  isSelf,
  busy,
  onSetDisabled,
  onSetServerKey,
  onPasswordLink,
  onDelete,
}: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onSetDisabled: (disabled: boolean) => void;
  onSetServerKey: (allowed: boolean) => void;
  onPasswordLink: () => void;
  onDelete: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li
      data-testid="user-row"
      data-email={user.email}
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 py-2 text-sm dark:border-zinc-800"
    >
      <span className="min-w-0 flex-1 truncate">
        {user.email}
        {user.role === "admin" ? " (administrator)" : ""}
        {isSelf ? " (you)" : ""}
      </span>
      {user.disabled ? (
        <span className="rounded bg-zinc-200 px-1.5 text-xs dark:bg-zinc-700">
          Disabled
        </span>
      ) : null}
      <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        <input
          type="checkbox"
          checked={user.serverKeyAllowed}
          disabled={busy}
          onChange={(event) => onSetServerKey(event.target.checked)}
        />
        Server key
      </label>
      {isSelf ? null : confirming ? (
        <>
          <span>Delete this account and all its conversations?</span>
          <button
            type="button"
            disabled={busy}
            onClick={onDelete}
            className={`${buttonClass} text-red-700 dark:text-red-400`}
          >
            Confirm delete
          </button>
          <button
            type="button"
            onClick={() => setConfirming(false)}
            className={buttonClass}
          >
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => onSetDisabled(!user.disabled)}
            className={buttonClass}
          >
            {user.disabled ? "Enable" : "Disable"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={onPasswordLink}
            className={buttonClass}
          >
            Password link
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setConfirming(true)}
            className={buttonClass}
          >
            Delete
          </button>
        </>
      )}
    </li>
  );
}
