"use client";

import type { DraftErrors, SettingsDraft } from "@/lib/settings/draft";
import { Choices, defaultChoice, Field, inputClass, yesNo } from "./field";

type SetDraft = (patch: Partial<SettingsDraft>) => void;

export function OutputFields({
  draft,
  set,
  errors,
  supports,
}: {
  draft: SettingsDraft;
  set: SetDraft;
  errors: DraftErrors;
  supports: (param: string) => boolean;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Output</legend>
      <Field
        label="Stop sequences"
        hint="Up to 4, one per line."
        error={errors.stop}
        unsupported={!supports("stop")}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={draft.stop}
            className={inputClass}
            onChange={(event) => set({ stop: event.target.value })}
          />
        )}
      </Field>
      <Field
        label="Response format"
        hint="Default: text."
        error={errors.response_format}
        unsupported={!supports("response_format")}
      >
        {(props) => (
          <Choices
            {...props}
            value={draft.responseFormat}
            options={[
              ["", "Model default"],
              ["text", "Text"],
              ["json_object", "JSON object"],
              ["json_schema", "JSON schema"],
            ]}
            onChange={(value) => set({ responseFormat: value })}
          />
        )}
      </Field>
      {draft.responseFormat === "json_schema" ? (
        <>
          <Field
            label="JSON schema name"
            hint="Letters, digits, _ or -; default response."
          >
            {(props) => (
              <input
                {...props}
                value={draft.jsonSchemaName}
                className={inputClass}
                onChange={(event) =>
                  set({ jsonSchemaName: event.target.value })
                }
              />
            )}
          </Field>
          <Field
            label="JSON schema"
            hint="The schema replies must follow."
            error={errors.json_schema}
          >
            {(props) => (
              <textarea
                {...props}
                rows={5}
                value={draft.jsonSchema}
                className={`${inputClass} font-mono`}
                onChange={(event) => set({ jsonSchema: event.target.value })}
              />
            )}
          </Field>
        </>
      ) : null}
      <Field
        label="Logit bias"
        hint='JSON: token id to bias, -100 to 100, e.g. {"50256": -100}.'
        error={errors.logit_bias}
        unsupported={!supports("logit_bias")}
      >
        {(props) => (
          <input
            {...props}
            value={draft.logitBias}
            className={`${inputClass} font-mono`}
            onChange={(event) => set({ logitBias: event.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

export function ToolFields({
  draft,
  set,
  supports,
  toolNames,
}: {
  draft: SettingsDraft;
  set: SetDraft;
  supports: (param: string) => boolean;
  toolNames: string[];
}) {
  return (
    <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Tools</legend>
      <div className="space-y-1 sm:col-span-2">
        {toolNames.map((name) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={!draft.disabledTools.includes(name)}
              onChange={(event) =>
                set({
                  disabledTools: event.target.checked
                    ? draft.disabledTools.filter((tool) => tool !== name)
                    : [...draft.disabledTools, name],
                })
              }
            />
            Use <code>{name}</code>
          </label>
        ))}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.webSearch}
            onChange={(event) => set({ webSearch: event.target.checked })}
          />
          Web search (OpenRouter searches the web; extra cost per request)
        </label>
      </div>
      <Field
        label="Tool choice"
        hint="Default: the model decides."
        unsupported={!supports("tool_choice")}
      >
        {(props) => (
          <Choices
            {...props}
            value={draft.toolChoice}
            options={[
              defaultChoice,
              ["auto", "Auto"],
              ["none", "None"],
              ["required", "Required"],
              ...toolNames.map((name): [string, string] => [
                `function:${name}`,
                `Always ${name}`,
              ]),
            ]}
            onChange={(value) => set({ toolChoice: value })}
          />
        )}
      </Field>
      <Field label="Parallel tool calls" hint="Default: on.">
        {(props) => (
          <Choices
            {...props}
            value={draft.parallelToolCalls}
            options={yesNo as [typeof draft.parallelToolCalls, string][]}
            onChange={(value) => set({ parallelToolCalls: value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
