"use client";

import type { SettingsDraft } from "@/lib/settings/draft";
import { Choices, Field, inputClass, yesNo } from "./field";

export function RoutingFields({
  draft,
  set,
}: {
  draft: SettingsDraft;
  set: (patch: Partial<SettingsDraft>) => void;
}) {
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Provider routing</legend>
      <Field
        label="Provider order"
        hint="Providers to try first, comma-separated."
      >
        {(props) => (
          <input
            {...props}
            value={draft.providerOrder}
            className={inputClass}
            onChange={(event) => set({ providerOrder: event.target.value })}
          />
        )}
      </Field>
      <Field label="Allow fallbacks" hint="Default: on.">
        {(props) => (
          <Choices
            {...props}
            value={draft.allowFallbacks}
            options={yesNo as [typeof draft.allowFallbacks, string][]}
            onChange={(value) => set({ allowFallbacks: value })}
          />
        )}
      </Field>
      <Field label="Provider sort" hint="Default: OpenRouter's load balancing.">
        {(props) => (
          <Choices
            {...props}
            value={draft.providerSort}
            options={[
              ["", "Model default"],
              ["price", "Price"],
              ["throughput", "Throughput"],
              ["latency", "Latency"],
            ]}
            onChange={(value) => set({ providerSort: value })}
          />
        )}
      </Field>
      <Field label="Data collection" hint="Default: allow.">
        {(props) => (
          <Choices
            {...props}
            value={draft.dataCollection}
            options={[
              ["", "Model default"],
              ["allow", "Allow"],
              ["deny", "Deny"],
            ]}
            onChange={(value) => set({ dataCollection: value })}
          />
        )}
      </Field>
      <Field
        label="Fallback models"
        hint="Tried in order if the model fails; up to 5 ids."
      >
        {(props) => (
          <input
            {...props}
            value={draft.fallbackModels}
            className={inputClass}
            onChange={(event) => set({ fallbackModels: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
