"use client";

import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
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
  onSetCaps,
  onPasswordLink,
  onDelete,
}: {
  user: AdminUser;
  isSelf: boolean;
  busy: boolean;
  onSetDisabled: (disabled: boolean) => void;
  onSetServerKey: (allowed: boolean) => void;
  onSetCaps: (caps: AdminUser["spendCaps"]) => void;
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
      <CapsEditor user={user} busy={busy} onSave={onSetCaps} />
    </li>
  );
}

/** The person's own daily and monthly caps; empty means the server's. */
function CapsEditor({
  user,
  busy,
  onSave,
}: {
  user: AdminUser;
  busy: boolean;
  onSave: (caps: AdminUser["spendCaps"]) => void;
}) {
  const hydrated = useHydrated();
  return (
    <form
      aria-label={`Spending caps of ${user.email}`}
      className="flex w-full flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        onSave({
          day: capOf(form.get("day")),
          month: capOf(form.get("month")),
        });
      }}
    >
      <CapField label="Daily cap $" name="day" value={user.spendCaps.day} />
      <CapField
        label="Monthly cap $"
        name="month"
        value={user.spendCaps.month}
      />
      <button
        type="submit"
        disabled={busy || !hydrated}
        className={buttonClass}
      >
        Save caps
      </button>
    </form>
  );
}

function CapField({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: number | null;
}) {
  return (
    <label className="flex items-center gap-1">
      {label}
      <input
        type="number"
        name={name}
        min={0}
        step="any"
        defaultValue={value ?? ""}
        placeholder="server's"
        className="w-20 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </label>
  );
}

/** An empty field gives the server's cap back. */
function capOf(field: FormDataEntryValue | null): number | null {
  const text = typeof field === "string" ? field.trim() : "";
  return text === "" ? null : Number(text);
}
