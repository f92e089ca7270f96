/**
 * Runs `a` and `b` in turns, swapping which goes first every round (a b,
 * b a, a b...), so that a machine getting busier or quieter during the run
 * weighs on both the same.
 */
export async function alternate<A, B>(
  rounds: number,
  a: (round: number) => Promise<A>,
  b: (round: number) => Promise<B>,
): Promise<{ a: A[]; b: B[] }> {
  const results: { a: A[]; b: B[] } = { a: [], b: [] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      results.a.push(await a(round));
      results.b.push(await b(round));
    } else {
      results.b.push(await b(round));
      results.a.push(await a(round));
    }
  }
  return results;
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A prompt of its own per benchmark run, so scripted replies never cross. */
export function uniqueMarker(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Rejects once `ms` have passed, so that one benchmark cannot hang the run. */
export async function withTimeLimit<T>(
  work: Promise<T>,
  ms: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`over ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
