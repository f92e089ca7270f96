"use client";

import { useEffect, useSyncExternalStore } from "react";

/** A module fetched with `import()` the first time a component needs it. */
export type LazyModule<T> = {
  get: () => T | undefined;
  load: () => void;
  subscribe: (listener: () => void) => () => void;
};

export function lazyModule<T>(loader: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let loading = false;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    load() {
      if (value !== undefined || loading) return;
      loading = true;
      loader().then(
        (module) => {
          value = module;
          for (const listener of listeners) listener();
        },
        // A failed chunk leaves the plain fallback; the next block retries.
        () => {
          loading = false;
        },
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const nothing = () => undefined;

/** The module once loaded; starts loading it when `wanted`. */
export function useLazyModule<T>(
  module: LazyModule<T>,
  wanted: boolean,
): T | undefined {
  // The server and hydration render the fallback, so their HTML agrees.
  const value = useSyncExternalStore(module.subscribe, module.get, nothing);
  useEffect(() => {
    if (wanted) module.load();
  }, [module, wanted]);
  return value;
}
