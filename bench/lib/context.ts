import type { Figure } from "./results";
import type { App, Fake, ServerProcess } from "./servers";

/** What every benchmark gets: one app instance and its references. */
export type BenchContext = {
  app: App;
  fake: Fake;
  /** The bare byte pipe in front of the fake. */
  pipe: ServerProcess & { baseURL: string };
  quick: boolean;
  log: (message: string) => void;
};

export type Benchmark = {
  id: string;
  title: string;
  run: (context: BenchContext) => Promise<{
    figures: Figure[];
    details: Record<string, unknown>;
  }>;
};
