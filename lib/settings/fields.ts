import type { OpenRouterParams } from "./schema";

export type NumberParam = {
  [Key in keyof OpenRouterParams]-?: NonNullable<
    OpenRouterParams[Key]
  > extends number
    ? Key
    : never;
}[keyof OpenRouterParams];

export type NumberField = {
  param: NumberParam;
  label: string;
  min?: number;
  max?: number;
  /** The minimum itself is not allowed. */
  minExclusive?: boolean;
  integer?: boolean;
  step: number;
  /** What the model does when the field is left empty. */
  defaultLabel: string;
};

/** The sampling fields of the settings panel, in display order. */
export const numberFields: NumberField[] = [
  {
    param: "temperature",
    label: "Temperature",
    min: 0,
    max: 2,
    step: 0.1,
    defaultLabel: "1",
  },
  {
    param: "top_p",
    label: "Top P",
    min: 0,
    max: 1,
    minExclusive: true,
    step: 0.05,
    defaultLabel: "1",
  },
  {
    param: "top_k",
    label: "Top K",
    min: 0,
    integer: true,
    step: 1,
    defaultLabel: "0 (off)",
  },
  {
    param: "min_p",
    label: "Min P",
    min: 0,
    max: 1,
    step: 0.01,
    defaultLabel: "0",
  },
  {
    param: "top_a",
    label: "Top A",
    min: 0,
    max: 1,
    step: 0.01,
    defaultLabel: "0",
  },
  {
    param: "frequency_penalty",
    label: "Frequency penalty",
    min: -2,
    max: 2,
    step: 0.1,
    defaultLabel: "0",
  },
  {
    param: "presence_penalty",
    label: "Presence penalty",
    min: -2,
    max: 2,
    step: 0.1,
    defaultLabel: "0",
  },
  {
    param: "repetition_penalty",
    label: "Repetition penalty",
    min: 0,
    max: 2,
    minExclusive: true,
    step: 0.05,
    defaultLabel: "1",
  },
  {
    param: "max_tokens",
    label: "Max tokens",
    min: 1,
    integer: true,
    step: 1,
    defaultLabel: "the model's limit",
  },
  {
    param: "seed",
    label: "Seed",
    integer: true,
    step: 1,
    defaultLabel: "random",
  },
];

/** The range a field accepts, in words, e.g. "0 to 2". */
export function describeRange(field: NumberField): string {
  const kind = field.integer ? "a whole number" : "a number";
  if (field.min !== undefined && field.max !== undefined) {
    const low = field.minExclusive ? `above ${field.min}` : `${field.min}`;
    return `${low} to ${field.max}`;
  }
  if (field.min !== undefined) {
    return field.minExclusive
      ? `${kind} above ${field.min}`
      : `${kind} from ${field.min}`;
  }
  return kind;
}

/**
 * Parses what a person typed. Empty means "not set"; anything out of range
 * comes back as a message instead of a value.
 */
export function parseNumberField(
  field: NumberField,
  text: string,
): { value: number | undefined } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { value: undefined };
  const value = Number(trimmed);
  const range = describeRange(field);
  if (!Number.isFinite(value)) return { error: `Enter ${range}.` };
  if (field.integer && !Number.isInteger(value)) {
    return { error: "Enter a whole number." };
  }
  const belowMin =
    field.min !== undefined &&
    (field.minExclusive ? value <= field.min : value < field.min);
  const aboveMax = field.max !== undefined && value > field.max;
  if (belowMin || aboveMax) return { error: `Must be ${range}.` };
  return { value };
}
