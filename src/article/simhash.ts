/**
 * Near-duplicate detection: the same press release syndicated by several sites (baochinhphu.vn, chinhphu.vn,
 * a ministry's portal) differs in its chrome, its lead and a sentence or two, and must be linked, not counted
 * twice in trends. SimHash (Charikar) over shingles of two accent-folded words gives each text a 64-bit
 * fingerprint; texts that share most shingles differ in a few bits. Two words, not three: a press release is
 * a few hundred words, and on texts that short a changed word moves three-word shingles' fingerprints by 7
 * bits where two-word ones move by 3 (unrelated texts stay 25 or more bits apart either way).
 */
import { foldKey } from '../text/normalize.js';

/** Fingerprints this many bits apart or fewer are the same story. */
export const NEAR_DUPLICATE_BITS = 3;
/** Words per shingle. */
const SHINGLE = 2;

/** 32-bit FNV-1a of a string, from a given offset basis (two bases give two independent halves). */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The 64-bit SimHash of a text, as 16 hex digits; null for a text too short to fingerprint (fewer than 2 words). */
export function simhash(text: string): string | null {
  const words = foldKey(text).split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length < SHINGLE) return null;
  const weights = new Int32Array(64);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ');
    const hi = fnv1a(shingle, 0x811c9dc5);
    const lo = fnv1a(shingle, 0x050c5d1f);
    for (let b = 0; b < 32; b++) {
      weights[b]! += (hi >>> b) & 1 ? 1 : -1;
      weights[32 + b]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (weights[b]! > 0) hi |= 1 << b;
    if (weights[32 + b]! > 0) lo |= 1 << b;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Bits that differ between two fingerprints. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 16; i += 8) {
    let x = (Number.parseInt(a.slice(i, i + 8), 16) ^ Number.parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

/**
 * The fingerprint cut into four 16-bit bands: two fingerprints within NEAR_DUPLICATE_BITS bits share at
 * least one band exactly (pigeonhole), so candidates are found by an indexed lookup of the bands.
 */
export function bands(fingerprint: string): number[] {
  return [0, 4, 8, 12].map((i) => Number.parseInt(fingerprint.slice(i, i + 4), 16));
}
