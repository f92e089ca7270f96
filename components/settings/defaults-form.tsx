"use client";

import { useMemo, useState } from "react";
import { parseErrorBody } from "@/lib/errors";
import { fromDraft, toDraft } from "@/lib/settings/draft";
import type { SettingsChoice } from "./settings-dialog";
import { SettingsForm } from "./settings-form";
import { useModels } from "./use-models";

/** App-wide defaults: the starting point of every new conversation. */
export function DefaultsForm({
  initial,
  toolNames,
}: {
  initial: SettingsChoice;
  toolNames: string[];
}) {
  const { models } = useModels();
  const [draft, setDraft] = useState(() =>
    toDraft(initial.model, initial.settings),
  );
  const [status, setStatus] = useState<string>();
  const result = useMemo(() => fromDraft(draft), [draft]);

  const save = async () => {
    if ("errors" in result) return;
    setStatus("Saving…");
    const response = await fetch("/api/settings", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(result),
    });
    setStatus(
      response.ok
        ? "Saved. New conversations start with these settings."
        : (parseErrorBody(await response.text())?.message ??
            "The settings could not be saved."),
    );
  };

  return (
    <div className="space-y-4">
      <SettingsForm
        draft={draft}
        onChange={setDraft}
        errors={"errors" in result ? result.errors : {}}
        models={models}
        toolNames={toolNames}
      />
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={save}
          disabled={"errors" in result}
          className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
        >
          Save defaults
        </button>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
      </div>
    </div>
  );
}
