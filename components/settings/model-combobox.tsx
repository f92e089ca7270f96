"use client";

import { useId, useMemo, useState } from "react";
import { formatPrice, formatTokenCount } from "@/lib/format";
import type { ModelInfo } from "@/lib/types";

const MAX_SHOWN = 50;

export function describeModel(model: ModelInfo): string {
  return (
    `${formatTokenCount(model.contextLength)} context · ` +
    `${formatPrice(model.promptPrice)} in / ` +
    `${formatPrice(model.completionPrice)} out per M tokens`
  );
}

/** Searchable by name and id; shows context length and prices. */
export function ModelCombobox({
  models,
  value,
  onChange,
  error,
}: {
  models: ModelInfo[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const selected = models.find((model) => model.id === value);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return models
      .filter((model) => {
        const haystack = `${model.name} ${model.id}`.toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .slice(0, MAX_SHOWN);
  }, [models, query]);

  return (
    <div className="space-y-1">
      <label htmlFor={`${listId}-input`} className="block text-sm font-medium">
        Model
      </label>
      <input
        id={`${listId}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        placeholder={selected ? selected.name : value}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        className="w-full rounded-md border border-zinc-300 bg-transparent px-2 py-1.5 text-sm dark:border-zinc-700"
      />
      <p data-testid="selected-model" className="text-xs text-zinc-500">
        {selected
          ? `${selected.name} (${selected.id}) · ${describeModel(selected)}`
          : value}
      </p>
      {error ? <p className="text-xs text-red-600">{error}</p> : null}
      {open ? (
        <div
          id={listId}
          role="listbox"
          aria-label="Models"
          className="max-h-64 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800"
        >
          {matches.length === 0 ? (
            <p className="px-2 py-1.5 text-sm text-zinc-500">
              No model matches.
            </p>
          ) : null}
          {matches.map((model) => (
            <div
              key={model.id}
              role="option"
              aria-selected={model.id === value}
              tabIndex={0}
              onClick={() => {
                onChange(model.id);
                setQuery("");
                setOpen(false);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  onChange(model.id);
                  setOpen(false);
                }
              }}
              className="cursor-pointer px-2 py-1.5 text-sm hover:bg-zinc-100 aria-selected:bg-blue-50 dark:hover:bg-zinc-800 dark:aria-selected:bg-blue-950"
            >
              <div className="font-medium">{model.name}</div>
              <div className="text-xs text-zinc-500">
                {model.id} · {describeModel(model)}
              </div>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
