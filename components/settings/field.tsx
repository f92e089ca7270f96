import { type ReactNode, useId } from "react";

/**
 * One labelled control with its hint (range, default, support) and its
 * inline error. The control gets the id, description and invalid state.
 */
export function Field({
  label,
  hint,
  error,
  unsupported,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  unsupported?: boolean;
  children: (props: {
    id: string;
    "aria-describedby": string;
    "aria-invalid": true | undefined;
  }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1" data-unsupported={unsupported || undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        "aria-describedby": `${id}-hint`,
        "aria-invalid": error ? true : undefined,
      })}
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        {error ? (
          <span className="text-red-600 dark:text-red-400">{error} </span>
        ) : null}
        {hint}
        {unsupported ? (
          <span className="text-amber-700 dark:text-amber-400">
            {" "}
            Not supported by this model: it will be ignored.
          </span>
        ) : null}
      </p>
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-zinc-300 bg-transparent px-2 py-1.5 text-sm aria-invalid:border-red-500 dark:border-zinc-700";

export function Choices<Value extends string>({
  options,
  ...props
}: {
  options: [Value, string][];
  value: Value;
  onChange: (value: Value) => void;
  id: string;
  "aria-describedby": string;
}) {
  return (
    <select
      id={props.id}
      aria-describedby={props["aria-describedby"]}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value as Value)}
      className={inputClass}
    >
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

export const defaultChoice: [string, string] = ["", "Model default"];
export const yesNo: [string, string][] = [
  defaultChoice,
  ["true", "On"],
  ["false", "Off"],
];
