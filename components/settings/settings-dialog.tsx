"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { fromDraft, toDraft } from "@/lib/settings/draft";
import type { GenerationSettings } from "@/lib/settings/schema";
import { SettingsForm } from "./settings-form";
import { useModels } from "./use-models";

export type SettingsChoice = { model: string; settings: GenerationSettings };

/** The per-conversation settings, in a modal dialog with Save and Cancel. */
export function SettingsDialog({
  initial,
  toolNames,
  onSave,
  onClose,
}: {
  initial: SettingsChoice;
  toolNames: string[];
  onSave: (choice: SettingsChoice) => Promise<void>;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { models, stale } = useModels();
  const [draft, setDraft] = useState(() =>
    toDraft(initial.model, initial.settings),
  );
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const result = useMemo(() => fromDraft(draft), [draft]);
  const errors = "errors" in result ? result.errors : {};

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const save = async () => {
    if ("errors" in result) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      await onSave(result);
      onClose();
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-label="Settings"
      onClose={onClose}
      className="m-auto max-h-[90dvh] w-[min(40rem,95vw)] overflow-y-auto rounded-xl bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 className="mb-4 text-lg font-semibold">Settings</h2>
      {stale ? (
        <p className="mb-3 text-sm text-amber-700 dark:text-amber-400">
          OpenRouter's model list could not be fetched; showing the last known
          list.
        </p>
      ) : null}
      <SettingsForm
        draft={draft}
        onChange={setDraft}
        errors={errors}
        models={models}
        toolNames={toolNames}
      />
      {saveError ? (
        <p className="mt-3 text-sm text-red-600 dark:text-red-400">
          {saveError}
        </p>
      ) : null}
      <div className="sticky bottom-0 mt-5 flex justify-end gap-2 bg-inherit pt-2">
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={save}
          disabled={saving || "errors" in result}
          className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
        >
          Save
        </button>
      </div>
    </dialog>
  );
}
