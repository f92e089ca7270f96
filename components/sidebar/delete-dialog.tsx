"use client";

import { useEffect, useId, useRef, useState } from "react";

/** Asks before a conversation and all its messages are deleted. */
export function DeleteDialog({
  title,
  onConfirm,
  onClose,
}: {
  title: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [deleting, setDeleting] = useState(false);
  const headingId = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const confirm = async () => {
    setDeleting(true);
    try {
      await onConfirm();
    } finally {
      dialog.current?.close();
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={onClose}
      onKeyDown={(event) => {
        // Escape cancels the dialog; it must not also stop a running reply.
        if (event.key === "Escape") event.stopPropagation();
      }}
      className="m-auto w-[min(26rem,92vw)] rounded-xl bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Delete conversation?
      </h2>
      <p className="mt-2 text-sm break-words text-zinc-600 dark:text-zinc-400">
        “{title}” and all its messages will be deleted. This cannot be undone.
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={confirm}
          disabled={deleting}
          className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
        >
          Delete
        </button>
      </div>
    </dialog>
  );
}
