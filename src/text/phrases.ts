/**
 * Known phrases found word by word. A catalog of a few hundred phrases compiled into one regex alternation
 * makes V8 try every alternative at every position of the text; looking each word up in a map of the
 * phrases that start with it costs one hash lookup per word instead. The words are hashed from their char
 * codes as the text is read: making a string of every word (or a keyed copy of the text) cost more than
 * the lookups themselves.
 *
 * Words are runs of letters and digits; every other non-space character is a word of its own, so
 * "xuất, nhập khẩu" and "tổng sản phẩm trong nước (GDP)" match as written, and a phrase never matches the
 * middle of a word ("cpi" is not found in "cpix").
 */
import { isSpaceCode } from './regex.js';

export interface PhraseHit<T> {
  /** Offsets of the phrase in the searched text. */
  start: number;
  end: number;
  phrase: string;
  value: T;
}

interface Entry<T> {
  words: readonly string[];
  hashes: readonly number[];
  phrase: string;
  value: T;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Letters, digits and combining marks, by char code (a regex with \p classes costs more per call here). */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Latin-1 letters and everything up to the general punctuation block are letters or marks, but for × and ÷;
  // from there to the CJK symbols are punctuation and symbols.
  if (c < 0x2000) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return c >= 0x3040 && !(c >= 0xfe30 && c <= 0xfe4f) && !(c >= 0xff00 && c <= 0xff0f);
}


/** The words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { i++; continue; }
    let j = i + 1;
    if (isWordCode(c)) while (j < n && isWordCode(text.charCodeAt(j))) j++;
    out.push({ word: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/**
 * A word's hash from its keyed char codes (31-multiplier, as Java's String.hashCode), kept to 30 bits: V8
 * stores such integers unboxed, and a Map looks them up several times faster than boxed ones.
 */
function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) & 0x3fffffff;
}

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** Char code → keyed char code: -2 not looked up yet, -1 keys to more or fewer than one char. */
const UNKNOWN = -2;
const COMPLEX = -1;

export class PhraseIndex<T> {
  /** Entries by the hash of their first keyed word, longest first. */
  private readonly byFirst = new Map<number, Entry<T>[]>();
  private readonly codeKeys = new Int32Array(65536).fill(UNKNOWN);
  /** The words of the text being searched: offsets and hashes, reused from call to call. */
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private hashes = new Int32Array(256);

  /**
   * `key` turns a phrase, and the searched text, into the form they are compared in (lowercase by default;
   * an accent-folding key for accent-insensitive lookups). The text is keyed char by char as it is read, so
   * no keyed copy of it is made: `key` must key a char the same alone as within a word (lowercasing and
   * accent folding do). A text with a char that keys to more or fewer than one char is keyed whole first.
   */
  constructor(entries: Iterable<readonly [string, T]>, private readonly key: (s: string) => string = (s) => s.toLowerCase()) {
    for (const [phrase, value] of entries) {
      const words = tokenize(key(phrase)).map((t) => t.word);
      if (!words.length) continue;
      const h = hashOf(words[0]!);
      const list = this.byFirst.get(h) ?? [];
      list.push({ words, hashes: words.map(hashOf), phrase, value });
      this.byFirst.set(h, list);
    }
    // Longest first, so the first entry that matches at a position is the longest one there.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.phrase.length - a.phrase.length);
  }

  /** A char's key; in a text keyed whole already, a char whose key is not one char stands for itself. */
  private keyOf(code: number, keyed: boolean): number {
    const k = this.codeKey(code);
    return k === COMPLEX && keyed ? code : k;
  }

  private codeKey(code: number): number {
    let k = this.codeKeys[code]!;
    if (k === UNKNOWN) {
      const keyed = this.key(String.fromCharCode(code));
      k = keyed.length === 1 ? keyed.charCodeAt(0) : COMPLEX;
      this.codeKeys[code] = k;
    }
    return k;
  }

  /**
   * Every occurrence, longest at each position, in text order; occurrences may overlap. Offsets are in
   * `text` (in its keyed form, for a text with a char that keys to more or fewer than one char).
   */
  findAll(text: string, keyed = false): PhraseHit<T>[] {
    const count = this.readWords(text, keyed);
    if (count < 0) return this.findAll(this.key(text), true);
    const { starts, ends, hashes } = this;
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < count; i++) {
      const list = this.byFirst.get(hashes[i]!);
      if (!list) continue;
      for (const e of list) {
        const n = e.words.length;
        if (i + n > count) continue;
        let k = 0;
        while (k < n && e.hashes[k] === hashes[i + k] && this.sameWord(text, starts[i + k]!, ends[i + k]!, e.words[k]!, keyed)) k++;
        if (k === n) {
          hits.push({ start: starts[i]!, end: ends[i + n - 1]!, phrase: e.phrase, value: e.value });
          break;
        }
      }
    }
    return hits;
  }

  /** Whether text[start, end), keyed, is `word` (a hash match is checked, not trusted). */
  private sameWord(text: string, start: number, end: number, word: string, keyed: boolean): boolean {
    if (end - start !== word.length) return false;
    for (let k = start; k < end; k++) if (this.keyOf(text.charCodeAt(k), keyed) !== word.charCodeAt(k - start)) return false;
    return true;
  }

  /**
   * Splits the text into words as tokenize does its keyed form, recording each word's offsets and hash;
   * returns the number of words, or -1 when a char keys to more or fewer than one char.
   */
  private readWords(text: string, keyed: boolean): number {
    const n = text.length;
    let count = 0;
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      // Spaces are looked at as written (a key may drop them: foldKey(" ") is "").
      if (isSpaceCode(raw)) { i++; continue; }
      const c = this.keyOf(raw, keyed);
      if (c === COMPLEX) return -1;
      let h = hashStep(0, c);
      let j = i + 1;
      if (isWordCode(c)) {
        for (; j < n; j++) {
          const rawNext = text.charCodeAt(j);
          if (isSpaceCode(rawNext)) break;
          const d = this.keyOf(rawNext, keyed);
          if (d === COMPLEX) return -1;
          if (!isWordCode(d)) break;
          h = hashStep(h, d);
        }
      }
      if (count === this.starts.length) this.grow();
      this.starts[count] = i;
      this.ends[count] = j;
      this.hashes[count] = h;
      count++;
      i = j;
    }
    return count;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const copy = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.starts = copy(this.starts);
    this.ends = copy(this.ends);
    this.hashes = copy(this.hashes);
  }
}
