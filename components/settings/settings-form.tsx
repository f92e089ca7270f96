"use client";

import type { DraftErrors, SettingsDraft } from "@/lib/settings/draft";
import { describeRange, numberFields } from "@/lib/settings/fields";
import { reasoningEfforts } from "@/lib/settings/schema";
import type { ModelInfo } from "@/lib/types";
import { Choices, defaultChoice, Field, inputClass } from "./field";
import { ModelCombobox } from "./model-combobox";
import { OutputFields, ToolFields } from "./output-fields";
import { RoutingFields } from "./routing-fields";

type Props = {
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  errors: DraftErrors;
  models: ModelInfo[];
  toolNames: string[];
};

export function SettingsForm({
  draft,
  onChange,
  errors,
  models,
  toolNames,
}: Props) {
  const model = models.find((entry) => entry.id === draft.model);
  const supports = (param: string) =>
    !model ||
    model.supportedParameters.length === 0 ||
    model.supportedParameters.includes(param);
  const set = (patch: Partial<SettingsDraft>) =>
    onChange({ ...draft, ...patch });

  return (
    <div className="space-y-5">
      <ModelCombobox
        models={models}
        value={draft.model}
        onChange={(id) => set({ model: id })}
        error={errors.model}
      />
      <Field
        label="System prompt"
        hint="Sent before the conversation; empty for none."
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={draft.systemPrompt}
            className={inputClass}
            onChange={(event) => set({ systemPrompt: event.target.value })}
          />
        )}
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Reasoning</legend>
        <Field
          label="Reasoning effort"
          hint="Default: the model's own."
          unsupported={!supports("reasoning")}
        >
          {(props) => (
            <Choices
              {...props}
              value={draft.reasoningEffort}
              options={
                [
                  defaultChoice,
                  ...reasoningEfforts.map((effort): [string, string] => [
                    effort,
                    effort,
                  ]),
                ] as [typeof draft.reasoningEffort, string][]
              }
              onChange={(value) => set({ reasoningEffort: value })}
            />
          )}
        </Field>
        <Field
          label="Reasoning budget (tokens)"
          hint="Instead of an effort: a whole number from 1."
          error={errors.reasoning_budget}
          unsupported={!supports("reasoning")}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={draft.reasoningBudget}
              className={inputClass}
              onChange={(event) => set({ reasoningBudget: event.target.value })}
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.reasoningExclude}
            onChange={(event) =>
              set({ reasoningExclude: event.target.checked })
            }
          />
          Hide reasoning (the model still reasons; nothing is sent back)
        </label>
      </fieldset>

      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Sampling</legend>
        {numberFields.map((field) => (
          <Field
            key={field.param}
            label={field.label}
            hint={`${describeRange(field)} · default ${field.defaultLabel}`}
            error={errors[field.param]}
            unsupported={!supports(field.param)}
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={draft.numbers[field.param] ?? ""}
                className={inputClass}
                onChange={(event) =>
                  set({
                    numbers: {
                      ...draft.numbers,
                      [field.param]: event.target.value,
                    },
                  })
                }
              />
            )}
          </Field>
        ))}
      </fieldset>

      <OutputFields
        draft={draft}
        set={set}
        errors={errors}
        supports={supports}
      />
      <ToolFields
        draft={draft}
        set={set}
        supports={supports}
        toolNames={toolNames}
      />
      <RoutingFields draft={draft} set={set} />
    </div>
  );
}
