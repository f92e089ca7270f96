"use client";

import { useEffect, useState } from "react";
import type { ModelInfo } from "@/lib/types";

type ModelsState = { models: ModelInfo[]; stale: boolean; loading: boolean };

let request: Promise<{ models: ModelInfo[]; stale: boolean }> | undefined;

function loadModels() {
  request ??= fetch("/api/models")
    .then((response) => {
      if (!response.ok) throw new Error(`models: ${response.status}`);
      return response.json() as Promise<{
        models: ModelInfo[];
        stale: boolean;
      }>;
    })
    .catch((error: unknown) => {
      request = undefined;
      throw error;
    });
  return request;
}

/** The model catalog, fetched once per page load and shared. */
export function useModels(): ModelsState {
  const [state, setState] = useState<ModelsState>({
    models: [],
    stale: false,
    loading: true,
  });
  useEffect(() => {
    let live = true;
    loadModels()
      .then((list) => live && setState({ ...list, loading: false }))
      .catch(
        () => live && setState({ models: [], stale: true, loading: false }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
