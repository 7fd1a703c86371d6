/** Timing for the benchmarks: the best of a few runs, in milliseconds (the first run also warms the JIT). */
import { performance } from 'node:perf_hooks';

function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function bestMs(fn: () => void, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) best = Math.min(best, timeMs(fn));
  return best;
}

/**
 * The best time of each contender, their runs taken in turn (a, b, c, a, b, c, …) rather than one after the
 * other: on a shared machine the load drifts over a minute, and a ratio is only fair when both sides saw
 * the same drift.
 */
export function bestMsInTurn(fns: readonly (() => void)[], repeat = 5): number[] {
  const best = fns.map(() => Infinity);
  for (let i = 0; i < repeat; i++) fns.forEach((fn, k) => { best[k] = Math.min(best[k]!, timeMs(fn)); });
  return best;
}
