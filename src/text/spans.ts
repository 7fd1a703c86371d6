/**
 * A set of non-overlapping spans kept sorted by start, with overlap checks in O(log n): the extractors
 * resolve competing matches with it, so long texts (a 200 KB decree) stay linear-logarithmic, not quadratic.
 */
import type { Span } from '../types.js';

export class SpanSet {
  private readonly spans: Span[] = [];

  /** Index of the first span whose end is after `at`. */
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![1] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether [start, end) overlaps a span of the set. */
  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.spans.length && this.spans[i]![0] < end;
  }

  /** Whether `at` lies inside a span of the set. */
  contains(at: number): boolean {
    return this.overlaps(at, at + 1);
  }

  /** Adds a span that overlaps none already in the set; returns false (and adds nothing) otherwise. */
  add(start: number, end: number): boolean {
    if (this.overlaps(start, end)) return false;
    this.spans.splice(this.firstEndingAfter(start), 0, [start, end]);
    return true;
  }

  /** A set covering the union of possibly overlapping spans (overlapping ones are merged). */
  static union(spans: Iterable<readonly [number, number]>): SpanSet {
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    const set = new SpanSet();
    for (const [a, b] of sorted) {
      const last = set.spans[set.spans.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else set.spans.push([a, b]);
    }
    return set;
  }

  get size(): number {
    return this.spans.length;
  }
}

/**
 * The text of s[from, to) with the given spans cut out (spans sorted by start, overlaps allowed): what a
 * piece of a sentence says without its date mentions. Pieces are joined as they are, with no space added.
 */
export function textOutside(s: string, from: number, to: number, spans: readonly { span: Span }[]): string {
  let out = '';
  let at = from;
  for (const { span } of spans) {
    if (span[1] <= at || span[0] >= to) continue;
    out += s.slice(at, Math.max(at, span[0]));
    at = Math.max(at, span[1]);
  }
  return out + s.slice(at, to);
}

