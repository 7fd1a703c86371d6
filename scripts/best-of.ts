/** Timing for the benchmarks: the best of a few runs, in milliseconds (the first run also warms the JIT). */
import { performance } from 'node:perf_hooks';

export function bestMs(fn: () => void, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
