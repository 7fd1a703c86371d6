/**
 * Bytes → text. The charset comes from the BOM, the Content-Type header, or a <meta> in the first bytes,
 * in that order. Old Vietnamese pages written in the font-based encodings (TCVN3, VNI) hide behind a Latin
 * declaration (iso-8859-1, windows-1252) or none at all, so where that is what the page declares, the bytes
 * are sniffed: font names in the markup first, then which reading of the words gives Vietnamese syllables.
 * Windows-1258, VISCII and TCVN VN1 decode through iconv-lite; TCVN3 and VNI through the tables in
 * text/data/legacy-charsets. The result is normalized once (NFC, look-alike letters) so that every later
 * offset refers to it.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { normalizeText } from '../text/normalize.js';
import { TCVN3_LETTERS, VNI_LETTERS } from '../text/data/legacy-charsets.js';

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from; 'sniffed' when the bytes overruled a Latin, missing or false declaration. */
  via: 'bom' | 'header' | 'meta' | 'default' | 'sniffed';
  /**
   * The legacy Vietnamese encoding converted to Unicode ('tcvn3', 'vni', 'viscii', 'windows1258', or 'tcvn'
   * for TCVN 5712 VN1); null for UTF-8 and Latin pages.
   */
  convertedFrom: string | null;
}

const ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'cp1258': 'windows1258', 'windows-1258': 'windows1258', 'x-viet-vps': 'windows1258',
  'iso-8859-1': 'windows1252', 'latin1': 'windows1252',
  // TCVN3 (VN3, the ABC fonts) is what pages mean by these names; "tcvn5712" is the standard's full VN1 table.
  'tcvn3': 'tcvn3', 'tcvn-3': 'tcvn3', 'tcvn5712-3': 'tcvn3', 'abc': 'tcvn3', 'vn3': 'tcvn3', 'x-viet-tcvn5712': 'tcvn3',
  'tcvn5712': 'tcvn',
  'vni': 'vni', 'vni-windows': 'vni', 'x-viet-vni': 'vni',
};

/** Charsets that convert a legacy Vietnamese encoding, by the name `convertedFrom` gives them. */
const LEGACY: Record<string, string> = { tcvn3: 'tcvn3', vni: 'vni', viscii: 'viscii', windows1258: 'windows1258', tcvn: 'tcvn' };

/** Latin declarations (compared without case or punctuation): what TCVN3 and VNI pages were served as. */
const LATIN = new Set(['windows1252', 'cp1252', 'xcp1252', 'iso88591', 'iso885915', 'latin1', 'l1', 'usascii', 'ascii']);

export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = asBuffer(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function canonicalCharset(name: string): string {
  const n = name.toLowerCase();
  return ALIASES[n] ?? n;
}

export function decodeBody(bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodedAs(bytes, 'utf-8', 'bom');
  const fromHeader = charsetFromContentType(contentType);
  const fromMeta = fromHeader ? null : charsetFromMeta(bytes);
  let charset = canonicalCharset(fromHeader ?? fromMeta ?? 'utf-8');
  const via: Decoded['via'] = fromHeader ? 'header' : fromMeta ? 'meta' : 'default';
  if (!isKnownCharset(charset)) charset = 'utf-8';
  // No declaration and bytes that are not UTF-8, or a Latin declaration: what legacy Vietnamese pages look like.
  const sniffable = (via === 'default' && !isUtf8(bytes)) || LATIN.has(charset.replace(/[^a-z0-9]/g, ''));
  if (sniffable) {
    const sniffed = sniffLegacyCharset(bytes);
    if (sniffed) return decodedAs(bytes, sniffed, 'sniffed');
  }
  let text = decodeAs(bytes, charset);
  // A page that says UTF-8 but is not: replacement characters everywhere. The bytes say which legacy
  // encoding it is when they can (a server's default charset over old TCVN3 files); else Windows-1258,
  // the usual truth.
  if (charset === 'utf-8' && countReplacement(text) > 20) {
    const sniffed = sniffable ? null : sniffLegacyCharset(bytes);
    if (sniffed) return decodedAs(bytes, sniffed, 'sniffed');
    charset = 'windows1258';
    text = decodeAs(bytes, charset);
  }
  return { text: normalizeText(text), charset, via, convertedFrom: LEGACY[charset] ?? null };
}

function decodedAs(bytes: Uint8Array, charset: string, via: Decoded['via']): Decoded {
  return { text: normalizeText(decodeAs(bytes, charset)), charset, via, convertedFrom: LEGACY[charset] ?? null };
}

function isKnownCharset(charset: string): boolean {
  return charset === 'tcvn3' || charset === 'vni' || iconv.encodingExists(charset);
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  // UTF-8, nearly every page: Node's own decoder, three times faster than going through iconv-lite. A BOM is
  // dropped, as iconv-lite does.
  if (charset === 'utf-8' || charset === 'utf8') {
    const b = asBuffer(bytes);
    return b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
  }
  if (charset === 'tcvn3') return decodeTcvn3(bytes);
  if (charset === 'vni') return decodeVni(bytes);
  return iconv.decode(asBuffer(bytes), charset);
}

/** A Buffer over the same memory (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0 && n < 100; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// TCVN3 and VNI decoders

/**
 * Windows-1252 for every byte: TCVN3 and VNI were fonts over the Windows code page, so a byte their tables
 * leave alone (Word's curly quotes and dashes at 0x80–0x9F, for one) is the Windows-1252 character.
 */
const CP1252: readonly string[] = [...iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows1252')];

/** TCVN3 byte → UTF-16 code: every TCVN3 letter and Windows-1252 character is one code unit. */
const TCVN3_CODES: Uint16Array = (() => {
  const t = Uint16Array.from(CP1252, (c) => c.charCodeAt(0));
  for (const [letter, byte] of TCVN3_LETTERS) t[byte] = letter.charCodeAt(0);
  return t;
})();

function decodeTcvn3(bytes: Uint8Array): string {
  const out = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = TCVN3_CODES[bytes[i]!]!;
  return fromCodes(out);
}

/** VNI letters of two bytes, keyed by (first << 8 | second): a base letter and its mark byte. */
const VNI_PAIRS = new Map<number, number>();
/** VNI letters of one high byte (Ơ Ư Đ, the toned I's, Ỵ), as UTF-16 codes (0: none). */
const VNI_SINGLE = new Uint16Array(256);
/** A mark byte after a letter that does not take it: its marks as combining characters, as the font draws it. */
const VNI_MARK: (string | undefined)[] = new Array(256);
for (const [letter, first, second] of VNI_LETTERS) if (second === undefined && first! >= 0x80) VNI_SINGLE[first!] = letter.charCodeAt(0);
for (const [letter, first, second] of VNI_LETTERS) {
  if (second === undefined) continue;
  VNI_PAIRS.set((first! << 8) | second, letter.charCodeAt(0));
  // "ấ" is "a" + 0xE1, so 0xE1 alone is what "ấ" has beyond "a" (circumflex and acute).
  const base = String.fromCharCode(first! < 0x80 ? first! : VNI_SINGLE[first!]!);
  VNI_MARK[second] ??= letter.normalize('NFD').slice(base.normalize('NFD').length);
}
// A mark byte of the other case ("Aù" for "Á") still lands on its letter in the font: read it the same way.
for (const [key, letter] of [...VNI_PAIRS]) if (!VNI_PAIRS.has(key ^ 0x20)) VNI_PAIRS.set(key ^ 0x20, letter);

/**
 * Longest match: a letter and the mark byte after it are one letter; then single-byte letters, lone marks,
 * and Windows-1252. No byte yields more than two code units (a lone mark is at most two combining marks).
 */
function decodeVni(bytes: Uint8Array): string {
  const out = new Uint16Array(bytes.length * 2);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    const pair = next !== undefined && next >= 0x80 ? VNI_PAIRS.get((b << 8) | next) : undefined;
    if (pair !== undefined) {
      out[n++] = pair;
      i++;
    } else if (b < 0x80) out[n++] = b;
    else if (VNI_SINGLE[b]) out[n++] = VNI_SINGLE[b]!;
    else for (const c of VNI_MARK[b] ?? CP1252[b]!) out[n++] = c.charCodeAt(0);
  }
  return fromCodes(out.subarray(0, n));
}

/**
 * A string from UTF-16 codes, in chunks (one call with a huge argument list overflows the stack). `apply`
 * takes the typed array as it is; spreading it runs the iterator and cost ten times as much.
 */
function fromCodes(codes: Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------------------
// Sniffing

type Sniffed = 'tcvn3' | 'vni' | 'windows1258';
/** The readings compared: the legacy encodings a Latin-labelled page may really be in, and Latin itself. */
const READINGS = ['tcvn3', 'vni', 'windows1258', 'windows1252'] as const;
type Reading = (typeof READINGS)[number];

/**
 * Fewer words than this that read differently in the candidate encodings is no evidence: a lone "©" or
 * "½" reads as a Vietnamese letter in TCVN3.
 */
const MIN_WORDS = 3;
/**
 * The share of those words that must be well-formed Vietnamese syllables in the winning reading. Vietnamese
 * in its own encoding scores above 0.9 (abbreviations like "NĐ" and foreign names fail); French, German or
 * Spanish read as TCVN3 or VNI stay far below ("Café" → "Cafộ", "naïve" → "naùve").
 */
const MIN_SHARE = 0.6;
/** And the winner must lead every other reading by this much: text that reads about as well either way keeps its declaration. */
const MIN_LEAD = 0.25;
/** Enough words to decide; a long page is not read to the end. */
const MAX_WORDS = 2000;

/**
 * Which legacy encoding the bytes are really in, or null to keep what the page declares.
 *
 * 1. A font of one encoding named in the markup (`.VnTime`, `.VnArial` … for TCVN3; `VNI-Times`,
 *    `VNI-Helve` … for VNI) decides, as long as at least one word reads as Vietnamese in it and no other
 *    reading does better: pages set those fonts precisely because the bytes are in their encoding, but a
 *    stylesheet copied onto a Latin page must not convert it.
 * 2. Otherwise the words decide: each word with a high byte is read in TCVN3, VNI, Windows-1258 and
 *    Windows-1252, and a reading scores the share of words that come out as Vietnamese syllables (words
 *    that read the same in all four are skipped). A legacy reading wins with at least MIN_WORDS words, a
 *    share of MIN_SHARE, and a lead of MIN_LEAD over the next reading.
 */
function sniffLegacyCharset(bytes: Uint8Array): Sniffed | null {
  const latin = asBuffer(bytes).toString('latin1');
  const { words, valid } = wordEvidence(latin);
  const share = (r: Reading) => (words ? valid[r] / words : 0);
  const bestOther = (r: Reading) => Math.max(...READINGS.filter((o) => o !== r).map(share));
  const hinted = [...fontHints(latin)].filter((h) => valid[h] > 0 && share(h) >= bestOther(h));
  if (hinted.length) return hinted.sort((a, b) => share(b) - share(a))[0]!;
  if (words < MIN_WORDS) return null;
  const [best, second] = [...READINGS].sort((a, b) => share(b) - share(a)) as [Reading, Reading];
  if (best === 'windows1252' || share(best) < MIN_SHARE || share(best) - share(second) < MIN_LEAD) return null;
  return best;
}

/** Where a font is named: a `face=` attribute or a CSS `font-family:` / `font:` declaration. */
const FONT_DECLARATION_RE = /\bface\s*=|font(?:-family)?\s*:/gi;
/** The ABC fonts of TCVN3 all start with ".Vn": .VnTime, .VnTimeH, .VnArial, .VnCentury Schoolbook … */
const TCVN3_FONT_RE = /(?:^|[\s"',:])\.vn[a-z]/i;
/** VNI's fonts start with "VNI-": VNI-Times, VNI-Helve, VNI-Aptima … */
const VNI_FONT_RE = /(?:^|[\s"',:])vni[-\s]?[a-z]/i;

function fontHints(latin: string): Set<'tcvn3' | 'vni'> {
  const hints = new Set<'tcvn3' | 'vni'>();
  for (const m of latin.matchAll(FONT_DECLARATION_RE)) {
    const from = m.index + m[0].length;
    // Word writes font-family:&quot;.VnTime&quot; in attributes: the entity's ";" must not end the value.
    let value = latin.slice(from, from + 160).replace(/&quot;|&#0*34;|&#x0*22;|&apos;|&#0*39;/gi, '"');
    const end = value.search(/[;>}]/);
    if (end >= 0) value = value.slice(0, end);
    if (TCVN3_FONT_RE.test(value)) hints.add('tcvn3');
    if (VNI_FONT_RE.test(value)) hints.add('vni');
    if (hints.size === 2) break;
  }
  return hints;
}

/**
 * A word as bytes: ASCII letters and the high bytes from 0xA1 (letters in TCVN3 and VNI, symbols such as
 * "µ" and "©" in Windows-1252), with at least one high byte. 0x80–0x9F are punctuation in all readings.
 */
const WORD_RE = /[A-Za-z\xA1-\xFF]*[\xA1-\xFF][A-Za-z\xA1-\xFF]*/g;

function wordEvidence(latin: string): { words: number; valid: Record<Reading, number> } {
  const valid: Record<Reading, number> = { tcvn3: 0, vni: 0, windows1258: 0, windows1252: 0 };
  const verdicts = new Map<string, readonly Reading[] | null>();
  let words = 0;
  for (const m of latin.matchAll(WORD_RE)) {
    const word = m[0];
    // A single byte is too weak a sign either way ("ở" in TCVN3 is "ë"; "£" would be "ê").
    if (word.length < 2) continue;
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      const bytes = Buffer.from(word, 'latin1');
      const readings = READINGS.map((r) => decodeAs(bytes, r).normalize('NFC'));
      verdict = readings.every((s) => s === readings[0]) ? null : READINGS.filter((_, i) => isVietnameseSyllable(readings[i]!));
      verdicts.set(word, verdict);
    }
    if (verdict === null) continue;
    words++;
    for (const r of verdict) valid[r]++;
    if (words >= MAX_WORDS) break;
  }
  return { words, valid };
}

/*
 * The shape of a Vietnamese syllable without its tone: an initial consonant, a vowel nucleus (with its
 * closing glide, if any), a final consonant. Nuclei are grouped by whether they may end the syllable, take
 * a final consonant, or both: "ă", "â", "iê", "uô", "ươ" never end one ("ăn", "tiên"), "ai", "ia", "ưa"
 * never take a final. Permissive on purpose: it has only to tell Vietnamese from Latin text read wrongly.
 */
const INITIAL = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?';
const FINAL = '(?:ch|ng|nh|[cmnpt])';
const OPEN_OR_CLOSED = '(?:[aeêioôơuưy]|oa|oe|uê|uy)';
const OPEN_ONLY = '(?:oai|oay|oao|oeo|uây|uya|uyu|uôi|ươi|ươu|iêu|yêu|ia|ua|ưa|uơ|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu)';
const CLOSED_ONLY = '(?:uyê|oă|uâ|iê|yê|uô|ươ|oo|ă|â)';
const SYLLABLE_RE = new RegExp(`^${INITIAL}(?:${OPEN_OR_CLOSED}${FINAL}?|${OPEN_ONLY}|${CLOSED_ONLY}${FINAL})$`);
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** A tone mark sits on a vowel (after its circumflex, breve or horn, in NFD): one on a consonant is garbage. */
const TONE_ON_CONSONANT_RE = /(?:^|[^aeiouy\u0302\u0306\u031b])[\u0300\u0301\u0303\u0309\u0323]/;

function isVietnameseSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize('NFD');
  const tones = d.match(TONE_RE);
  if ((tones && tones.length > 1) || TONE_ON_CONSONANT_RE.test(d)) return false;
  return SYLLABLE_RE.test(d.replace(TONE_RE, '').normalize('NFC'));
}
