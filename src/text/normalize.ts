/**
 * Vietnamese text normalization, done once at the door (decode → NFC → look-alikes), and the derived
 * keys used for matching. Keys are never stored instead of the original text.
 */
import { codeTest } from './regex.js';

/** Letters that look like Vietnamese letters but are not: Icelandic eth and African D for Đ/đ. */
const LOOKALIKES: Record<string, string> = {
  '\u00D0': '\u0110', // Ð (eth) → Đ
  '\u00F0': '\u0111', // ð (eth) → đ
  '\u0189': '\u0110', // Ɖ (African D) → Đ
  '\u0256': '\u0111', // ɖ → đ
};
/** Code ranges as data, and the regex character class that matches them. */
type Ranges = readonly (readonly [number, number])[];
const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
const charClass = (ranges: Ranges, flags: string) =>
  new RegExp(`[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`, flags);

const LOOKALIKE_CODES: Ranges = [[0xd0, 0xd0], [0xf0, 0xf0], [0x189, 0x189], [0x256, 0x256]];
/** Zero-width characters, soft hyphens and BOMs carry nothing a reader sees. */
const INVISIBLE_CODES: Ranges = [[0xad, 0xad], [0x200b, 0x200d], [0x2060, 0x2060], [0xfeff, 0xfeff]];
/** Every space-like character becomes a plain space (tab, form feed, vertical tab included); line breaks are kept. */
const SPACE_CODES: Ranges = [[0x9, 0x9], [0xb, 0xc], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]];
const LOOKALIKE_RE = charClass(LOOKALIKE_CODES, 'g');
const INVISIBLE_RE = charClass(INVISIBLE_CODES, 'g');
const SPACES_RE = charClass(SPACE_CODES, 'g');

/** What normalization may change in a text, by code unit: the steps of normalizeText that have work to do. */
const CR = 1;
const INVISIBLE = 2;
const LOOKALIKE = 4;
const SPACE = 8;
const COMPOSE = 16;
const CHANGES = (() => {
  const t = new Uint8Array(65536);
  const mark = (ranges: Ranges, flag: number) => { for (const [a, b] of ranges) for (let c = a; c <= b; c++) t[c]! |= flag; };
  t[13] = CR;
  mark(INVISIBLE_CODES, INVISIBLE);
  mark(LOOKALIKE_CODES, LOOKALIKE);
  mark(SPACE_CODES, SPACE);
  // NFC leaves alone every code below U+0300 (no combining marks, no singletons there), the precomposed
  // letters of Latin Extended Additional (all of Vietnamese's ạ…ỹ) and punctuation and currency
  // (U+2002–U+20CF: "–", "…", "₫"). Anything else may compose or decompose: NFC runs.
  for (let c = 0x300; c < 65536; c++) if (!(c >= 0x1e00 && c <= 0x1eff) && !(c >= 0x2002 && c <= 0x20cf)) t[c]! |= COMPOSE;
  return t;
})();

/**
 * The one normalization applied to every text that enters the pipeline. Offsets into its result are
 * the offsets stored in the database. One scan finds which steps have work to do; most texts need one or
 * none, and a text normalized already costs only the scan.
 */
export function normalizeText(input: string): string {
  let flags = 0;
  for (let i = 0; i < input.length; i++) flags |= CHANGES[input.charCodeAt(i)]!;
  if (flags === 0) return input;
  let s = input;
  if (flags & CR) s = s.replace(/\r\n?/g, '\n');
  // Invisible characters go before NFC: one between a letter and its combining mark ("e\u00AD\u0323")
  // would otherwise block composition and leave a decomposed letter in the "NFC" result.
  if (flags & INVISIBLE) s = s.replace(INVISIBLE_RE, '');
  if (flags & COMPOSE) s = s.normalize('NFC');
  if (flags & LOOKALIKE) s = s.replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c);
  if (flags & SPACE) s = s.replace(SPACES_RE, ' ');
  return s;
}

const ALL_MARKS = /\p{M}/gu;

/**
 * A key that ignores case, spacing and where the tone mark sits: "Hòa" (old style), "Hoà" (new style)
 * and the misplaced "Hoaà" variants share one key. Each syllable's tone mark is moved after its letters.
 */
export function canonicalKey(s: string): string {
  let t = s.normalize('NFD').toLowerCase();
  if (LOOKALIKE_TEST.test(t)) t = t.replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c);
  // One pass over the decomposed text: each syllable (a run of letters and marks) is written without its
  // tone marks, then its first tone mark; runs of white space become one space, and the ends are trimmed.
  // (A replace with a callback per syllable cost several times as much: names are keyed for every mention.)
  const out: number[] = [];
  let tone = -1;
  let inSyllable = false;
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (IS_SYLLABLE_CHAR(c)) {
      if (!inSyllable && space && out.length) out.push(32);
      space = false;
      inSyllable = true;
      // Tone marks in NFD: grave, acute, tilde, hook above, dot below (the vowel marks ˆ ˘ ơ are not tones).
      if (c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323) {
        if (tone < 0) tone = c;
      } else out.push(c);
      continue;
    }
    if (inSyllable && tone >= 0) out.push(tone);
    tone = -1;
    inSyllable = false;
    if (IS_WHITE(c)) { space = true; continue; }
    if (space && out.length) out.push(32);
    space = false;
    out.push(c);
  }
  if (inSyllable && tone >= 0) out.push(tone);
  return fromCodes(out).normalize('NFC');
}
const LOOKALIKE_TEST = charClass(LOOKALIKE_CODES, '');
/** Letters and marks: what a syllable is made of. */
const IS_SYLLABLE_CHAR = codeTest(/[\p{L}\p{M}]/u);
const IS_WHITE = codeTest(/\s/);

/**
 * Each character's folded form (no marks, đ→d, lowercase), computed once per character: folding is on the
 * hot path of search indexing and metric keys, and NFD plus a regex per call cost more than a table lookup.
 */
const FOLD_CACHE = new Map<string, string>();
function foldChar(ch: string): string {
  let f = FOLD_CACHE.get(ch);
  if (f === undefined) {
    const real = LOOKALIKES[ch] ?? ch;
    f = real === 'đ' || real === 'Đ' ? 'd' : real.normalize('NFD').replace(ALL_MARKS, '').toLowerCase();
    FOLD_CACHE.set(ch, f);
  }
  return f;
}

/**
 * The folded form of each UTF-16 code unit, when it is a single code unit (0: not looked up yet; FOLD_MANY:
 * folds to several characters, rare). Filled on first use; a typed array indexed by char code is the
 * cheapest lookup there is, and foldKey runs over every metric and every indexed text.
 */
const FOLD_TABLE = new Uint16Array(65536);
const FOLD_MANY = 0xffff;
function foldCode(code: number): number {
  let f = FOLD_TABLE[code]!;
  if (f === 0) {
    const folded = foldChar(String.fromCharCode(code));
    f = folded.length === 1 ? folded.charCodeAt(0) : FOLD_MANY;
    FOLD_TABLE[code] = f;
  }
  return f;
}

/** A search key without any diacritics: "Nghị định" → "nghi dinh". `đ` is folded explicitly (it does not decompose). */
export function foldKey(s: string): string {
  const t = needsComposition(s) ? s.normalize('NFC') : s;
  const codes: number[] = [];
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0) {
      space = codes.length > 0;
      continue;
    }
    if (space) { codes.push(32); space = false; }
    const f = code < 128 ? (code >= 65 && code <= 90 ? code + 32 : code) : foldCode(code);
    if (f !== FOLD_MANY) codes.push(f);
    else for (const c of foldChar(t[i]!)) codes.push(c.charCodeAt(0));
  }
  return fromCodes(codes);
}

/**
 * Whether NFC could change how `s` folds. Folding drops every mark, so composing a Latin letter with its
 * marks changes nothing; only other scripts (Hangul jamo, for one) compose into letters of their own. Text
 * in Vietnamese and Latin letters, digits and punctuation skips the normalization, which cost more than
 * the folding itself.
 */
function needsComposition(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x0300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f)) continue;
    // Anything else, combining marks included (the letter before them may be of a script that composes).
    return true;
  }
  return false;
}

/** A string from char codes, in chunks (spreading a very long array into one call overflows the stack). */
function fromCodes(codes: readonly number[] | Uint16Array): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes as number[]);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/**
 * Folds diacritics while keeping the string's length and offsets: every character maps to exactly one
 * character. Used to run accent-insensitive patterns and then cut the original text at the same offsets.
 * Character by character through a table filled as characters are first met (normalizing each character of
 * every article anew was 7 ms of a 20 ms search: snippets fold the whole text of each hit).
 */
export function foldSameLength(s: string): string {
  const n = s.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // ASCII is itself; an astral character's two halves are kept as they are.
    if (c < 0x80 || (c >= 0xd800 && c < 0xe000)) { out[i] = c; continue; }
    let f = FOLDED[c]!;
    if (f === 0) FOLDED[c] = f = foldUnit(c);
    out[i] = f;
  }
  return fromCodes(out);
}
/** Per code unit outside ASCII: its folded unit, 0 until first met. */
const FOLDED = new Uint16Array(0x10000);
function foldUnit(code: number): number {
  const ch = String.fromCharCode(code);
  // Look-alikes first (they do not decompose), so this agrees with foldKey letter for letter.
  const c = LOOKALIKES[ch] ?? ch;
  const base = c === 'đ' ? 'd' : c === 'Đ' ? 'D' : c.normalize('NFD').replace(ALL_MARKS, '');
  return base.length === 1 ? base.charCodeAt(0) : code;
}

/**
 * Every run of white space (line breaks included) as one space, trimmed: a paragraph or a field read from
 * markup. The regex runs only where there is such a run; most short pieces have none.
 */
export function oneLine(s: string): string {
  return MULTI_SPACE_RE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}
const MULTI_SPACE_RE = /\s\s|[^\S ]/;

/**
 * Collapses runs of spaces and trims: for display strings cut out of running text. Most strings have no
 * run to collapse: one test, and only a trim.
 */
export function tidy(s: string): string {
  return TIDY_WORK_RE.test(s) ? s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim() : s.trim();
}
/** What tidy's replacements would change: a tab, two spaces, a space beside a line break. */
const TIDY_WORK_RE = /\t| {2}| \n|\n /;
