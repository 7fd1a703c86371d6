/**
 * The tokens SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer makes of a text, in JavaScript, so that the
 * ranking index (src/store/rank-index.ts) holds the same terms, counted the same way, as the FTS5 tables it
 * ranks for. unicode61's rules: a token is a run of token characters, which are the letters, numbers and
 * private-use characters (categories L*, N*, Co); a combining diacritical mark (U+0300–U+036F) inside a
 * token continues it and folds to nothing, while other marks (Hebrew points, Devanagari signs) separate; each
 * character is case-folded, and Latin letters lose their diacritics.
 *
 * The texts given to FTS5 are already folded by foldKey (lower case, no tones, đ→d), so almost every token is
 * ASCII and takes the fast path below; the rest is folded the long way.
 */

const TOKEN_START = /[\p{L}\p{N}\p{Co}]/u;
const TOKEN_PART = /[\p{L}\p{N}\p{Co}\u0300-\u036f]/u;
const MARKS = /\p{Mn}/gu;
const LATIN = /\p{Script=Latin}/u;
/** The combining diacritical marks, which unicode61 drops wherever they are. */
const COMBINING = /[\u0300-\u036f]/u;

/** Per BMP code unit above ASCII: 0 unknown, 1 separator, 2 token start, 3 token part only (a mark). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = bmpClass[cp]!;
    if (c === 0) {
      const ch = String.fromCharCode(cp);
      c = bmpClass[cp] = TOKEN_START.test(ch) ? 2 : TOKEN_PART.test(ch) ? 3 : 1;
    }
    return c;
  }
  let c = astralClass.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = TOKEN_START.test(ch) ? 2 : TOKEN_PART.test(ch) ? 3 : 1;
    astralClass.set(cp, c);
  }
  return c;
}

const isAsciiToken = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/**
 * unicode61's fold of a token with characters beyond ASCII, character by character (so no context rule such
 * as Greek final sigma applies): lower case; Latin letters lose their diacritics (other scripts keep theirs:
 * Greek accents stay, Hangul is not decomposed); combining diacritical marks are dropped.
 */
function foldToken(t: string): string {
  let out = '';
  for (const ch of t) {
    if (COMBINING.test(ch)) continue;
    const lower = ch.toLowerCase();
    out += LATIN.test(ch) ? lower.normalize('NFD').replace(MARKS, '') : lower;
  }
  return out;
}

/**
 * Calls `emit` with each token of `text`, in order. A token made only of ASCII letters and digits is cut from
 * the text as it is (lower-cased when it has a capital); any other is folded.
 */
export function forEachToken(text: string, emit: (token: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Skip separators (and marks, which cannot start a token).
    let c = text.charCodeAt(i);
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) { if (isAsciiToken(c)) break; i++; continue; }
      const cp = c >= 0xd800 && c < 0xdc00 && i + 1 < n ? text.codePointAt(i)! : c;
      if (classOf(cp) === 2) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i >= n) return;
    const start = i;
    let plain = true;
    let upper = false;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (!isAsciiToken(c)) break;
        if (c <= 90 && c >= 65) upper = true;
        i++;
        continue;
      }
      const cp = c >= 0xd800 && c < 0xdc00 && i + 1 < n ? text.codePointAt(i)! : c;
      if (classOf(cp) === 1) break;
      plain = false;
      i += cp > 0xffff ? 2 : 1;
    }
    const raw = text.slice(start, i);
    const token = plain ? (upper ? raw.toLowerCase() : raw) : foldToken(raw);
    // A token of marks alone after folding (cannot happen for a token that starts with a letter) is skipped.
    if (token) emit(token);
  }
}

/** The tokens of `text`, in order (for tests and small texts; the index uses forEachToken). */
export function ftsTokens(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (t) => out.push(t));
  return out;
}
