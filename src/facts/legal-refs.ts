/**
 * Legal documents cited in an article: "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về …",
 * administrative numbers without a year ("06/QĐ-TTg"), Party documents ("57-NQ/TW"), old forms ("64-CP"),
 * numbers written alone after a type ("Quyết định 610"), and later short mentions ("Nghị định 42"), which
 * are linked to the full reference of the same article.
 */
import type { LegalRef, Span } from '../types.js';
import { DOC_TYPES, DOC_TYPE_NAMES, ISSUER_ALIASES, ISSUERS, NUMBER_ONLY_TYPES } from './data/legal.js';
import { alternation, codeTest, isSpaceCode, matchWords } from '../text/regex.js';
import { inferYear, isValidDate, parseDateTime } from '../text/dates.js';
import { ROMAN } from '../text/data/numbers.js';
import { matchOrganizationAt } from './organizations.js';
import { SpanSet } from '../text/spans.js';

// The skeleton from the domain notes, with two widenings seen in real text: numbers with a letter
// ("30a/2008/NQ-CP") and spaces around the dash ("NQ- CP", "TTLT- BLĐTBXH").
const NUM = String.raw`\d{1,4}[a-z]?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const SEG = String.raw`\p{Lu}[\p{L}&]*`;
const ISS = String.raw`\p{Lu}[\p{L}&]*\d*`;
// Both start at a word start that is not inside a path or a longer code: checked by matchWords (a leading
// lookbehind is run at every position of the text).
const STATE_RE = new RegExp(
  String.raw`(${NUM})\s?/\s?(?:(${YEAR})\s?/\s?)?(${SEG}\d*(?:\s?-\s?${ISS})*)(?![\p{L}\p{N}])`,
  'gu',
);
const NOT_BEFORE_STATE = /[\p{L}\p{N}\p{M}/]/u;
const PARTY_RE = new RegExp(String.raw`(${NUM})-(${SEG})/(${ISS}(?:-${ISS})?)(?![\p{L}\p{N}])`, 'gu');
const NOT_BEFORE_PARTY = /[\p{L}\p{N}\p{M}/-]/u;
const OLD_RE = new RegExp(String.raw`(?:Nghị định|Quyết định|Chỉ thị|Thông tư)(?:\s+số)?\s+(${NUM})-(${ISS})(?![\p{L}\p{N}/])`, 'gu');

const TYPE_BY_CODE = new Map(DOC_TYPES.map((t) => [t.code, t.name]));
const TYPE_NAMES_RE = alternation(DOC_TYPE_NAMES);
/** "Nghị định số", "Quyết định", "Thông tư liên tịch số" right before a number. */
const TYPE_BEFORE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${TYPE_NAMES_RE})(?:\s+số)?\s*:?\s*$`, 'iu');
const SHORT_RE = new RegExp(
  String.raw`(${alternation(NUMBER_ONLY_TYPES)})(\s+số)?\s+(\d{1,5}[a-z]?)(?![\p{L}\p{N}]|\s?[/\-]\s?\p{L}|[/.,]\d)`,
  'gu',
);
/** The last word of every type name ("định", "tư", "tịch"): a window ending in none of them names no type. */
const TYPE_LAST_WORDS = new Set(DOC_TYPE_NAMES.map((n) => n.toLowerCase().split(/\s+/).pop()!));
const IS_LETTER = codeTest(/\p{L}/u);

/**
 * Whether `window` may end in a type name as TYPE_BEFORE_RE reads it (then "số", ":" and spaces): its last
 * word, past those, is the last word of a type name. The pattern is run only then: it ends at the window's
 * end and is tried at every position of it, once for every document number in the text.
 */
function endsInTypeWord(window: string): boolean {
  let end = window.length;
  const skipSpaces = () => { while (end > 0 && isSpaceCode(window.charCodeAt(end - 1))) end--; };
  skipSpaces();
  if (end > 0 && window.charCodeAt(end - 1) === 58) end--; // ":"
  skipSpaces();
  let start = end;
  while (start > 0 && IS_LETTER(window.charCodeAt(start - 1))) start--;
  let word = window.slice(start, end).toLowerCase();
  if (word === 'số' && start > 0 && isSpaceCode(window.charCodeAt(start - 1))) {
    end = start;
    skipSpaces();
    start = end;
    while (start > 0 && IS_LETTER(window.charCodeAt(start - 1))) start--;
    word = window.slice(start, end).toLowerCase();
  }
  return TYPE_LAST_WORDS.has(word);
}

function isLawIssuer(code: string): boolean {
  return /^(?:QH|UBTVQH)\d{2}$/.test(code);
}

/** Programs and plans known by the number of the decision that approved them ("Đề án 06"). */
const NAMED_BY_DECISION = new Set(['Đề án', 'Chương trình', 'Kế hoạch', 'Chiến lược', 'Quy hoạch']);

/** Tidies a document number to its official spelling: no spaces, ASCII dashes, known issuer spellings. */
export function normalizeDocNumber(raw: string): string {
  const compact = raw.replace(/\s+/g, '').replace(/[–—‑]/g, '-');
  return compact
    .split(/([/-])/)
    .map((part) => ISSUER_ALIASES[part] ?? part)
    .join('');
}

/** The key two numbers share when they are the same document. */
export function docKey(number: string): string {
  return normalizeDocNumber(number).toUpperCase().replace(/^SỐ:?/, '');
}

function romanOf(n: number): string {
  return Object.entries(ROMAN).find(([, v]) => v === n)?.[0] ?? String(n);
}

/** The issuer implied by the code: "NĐ-CP" Chính phủ, "QH14" Quốc hội khóa XIV, "TTLT-BYT-BTC" Bộ Y tế và Bộ Tài chính. */
export function issuerFromCode(code: string): string | null {
  const parts = code.split('-').filter(Boolean);
  const names: string[] = [];
  for (const p of parts) {
    const canon = ISSUER_ALIASES[p] ?? p;
    const law = /^(UBTVQH|QH)(\d{2})$/.exec(canon);
    if (law) names.push(`${ISSUERS[law[1]!]} khóa ${romanOf(Number(law[2]))}`);
    else if (ISSUERS[canon]) names.push(ISSUERS[canon]!);
    else if (/^UBND/.test(canon)) names.push('Ủy ban nhân dân');
    else if (/^HĐND/.test(canon)) names.push('Hội đồng nhân dân');
  }
  if (!names.length) return null;
  return names.join(' và ');
}

/** The type implied by the code's first part, or by the issuer shape for laws and correspondence. */
function typeFromCode(code: string): string | null {
  const first = code.split('-')[0]!;
  if (TYPE_BY_CODE.has(first) && first !== 'L') return TYPE_BY_CODE.get(first)!;
  if (isLawIssuer(first)) return first.startsWith('UBTVQH') ? 'Pháp lệnh' : 'Luật';
  if (ISSUERS[ISSUER_ALIASES[first] ?? first] || /^UBND|^HĐND/.test(first)) return 'Công văn';
  return null;
}

/** Whether a code looks like a document code rather than a stray "A/B" (km/h, TP/HCM). */
function plausibleCode(code: string, year: string | undefined): boolean {
  const first = code.split('-')[0]!;
  if (TYPE_BY_CODE.has(first)) return true;
  if (isLawIssuer(first)) return Boolean(year);
  const canon = ISSUER_ALIASES[first] ?? first;
  return Boolean(ISSUERS[canon]) || /^(?:UBND|HĐND|TU|BCĐ)/.test(canon);
}

interface Found {
  number: string;
  type: string | null;
  typeWritten: boolean;
  span: Span;
  /** The end of the number, where "ngày …", "của …" and the subject follow. */
  end: number;
  short: boolean;
  code: string | null;
}

/** "ngày 24/6/2022", "ban hành ngày 24 tháng 6 năm 2022", "vào ngày 3/11" (year from the document or the article). */
const DATE_AFTER_RE = /^\s*,?\s*(?:được\s+|đã\s+)?(?:ban\s+hành\s+|ký\s+|có\s+hiệu\s+lực\s+từ\s+)?(?:vào\s+)?(?:ngày|ngay)\s+(\d{1,2}\s?[/.\-]\s?\d{1,2}(?:\s?[/.\-]\s?\d{4})?(?![\d/])|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)/iu;
/** "năm 2019" right after a number ("Quyết định 1768 năm 2019 của …"). */
const YEAR_AFTER_RE = /^\s+năm\s+(?:19|20)\d{2}(?![\p{N}])/u;
const ISSUER_AFTER_RE = /^\s*,?\s*(?:của|do)\s+/iu;
/** Between a date and an issuer named without "của": "ngày 03/6/2017 Hội nghị lần thứ năm Ban Chấp hành …". */
const MEETING_BEFORE_ISSUER_RE = /^\s*,?\s*(?:tại\s+)?(?:Hội\s+nghị|Kỳ\s+họp|Phiên\s+họp)(?:\s+lần)?(?:\s+thứ\s+\p{L}+|\s+\d+)?\s*,?\s*/u;
const SUBJECT_AFTER_RE = /^\s*,?\s*((?:quy\s+định|hướng\s+dẫn|về|sửa\s+đổi|bổ\s+sung|ban\s+hành|phê\s+duyệt|thành\s+lập)[^.;()\n]{3,220}?)(?=\s*(?:[.;()\n]|,\s+(?:theo|trong|đồng thời|trong đó|qua đó|từ đó|nhằm|đã|và\s+(?:Nghị|Quyết|Thông|Chỉ))|$))/iu;
/**
 * What comes before a document in the same clause: "Ngày 31/8/2018, Chính phủ ban hành Nghị quyết …",
 * "Văn phòng Chính phủ có Thông báo 368 …", "Thủ tướng Chính phủ đã ký Quyết định số …".
 */
const ISSUED_BEFORE_RE = /(?:(?:^|[\s(,;])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]rưa|[Tt]ối|[Hh]ôm)\s+(\d{1,2}\s?[/\-]\s?\d{1,2}(?:\s?[/\-]\s?\d{4})?)\s*,?\s*)?((?:\p{Lu}[\p{L}&]*)(?:\s+[\p{L}&-]+){0,10}?)\s+(?:đã\s+|vừa\s+|chính\s+thức\s+|mới\s+)?(?:ký\s+ban\s+hành|ban\s+hành|ký|có|ra|gửi|phát\s+hành)\s*$/u;
const ISSUED_VERB_END_RE = /(?:ký|hành|có|ra|gửi)\s*$/u;
/** People who issue documents, as the issuer is then written. */
const PERSON_ISSUERS: Readonly<Record<string, string>> = {
  'Thủ tướng Chính phủ': 'Thủ tướng Chính phủ', 'Thủ tướng': 'Thủ tướng Chính phủ', 'Chủ tịch nước': 'Chủ tịch nước',
  'Tổng Bí thư': 'Tổng Bí thư', 'Chủ tịch Quốc hội': 'Chủ tịch Quốc hội',
};

function findAll(text: string): Found[] {
  const found: Found[] = [];
  /** The type written right before a number ("Nghị định số"), and where the mention starts with it. */
  const writtenBefore = (at: number): { type: string | null; start: number } => {
    const window = text.slice(Math.max(0, at - 40), at);
    const m = endsInTypeWord(window) ? TYPE_BEFORE_RE.exec(window) : null;
    return m ? { type: canonicalTypeName(m[1]!), start: at - window.length + m.index } : { type: null, start: at };
  };
  for (const m of matchWords(STATE_RE, text, NOT_BEFORE_STATE)) {
    const [, num, year, rawCode] = m;
    const code = normalizeDocNumber(rawCode!);
    if (!plausibleCode(code, year)) continue;
    const number = normalizeDocNumber(`${num}/${year ? `${year}/` : ''}${code}`);
    const { type: written, start } = writtenBefore(m.index);
    const coded = typeFromCode(code);
    // "văn bản số 991/TTg-ĐMDN": a code without a type part is correspondence, a công văn.
    const type = written === 'Văn bản' && coded === 'Công văn' ? coded : written ?? coded;
    found.push({ number, type, typeWritten: Boolean(written), span: [start, m.index + m[0].length], end: m.index + m[0].length, short: false, code });
  }
  for (const m of matchWords(PARTY_RE, text, NOT_BEFORE_PARTY)) {
    const [, num, seg, iss] = m;
    if (!TYPE_BY_CODE.has(seg!) || !/^(?:TW|TU|ĐU|HU|QU|BCS|ĐĐ|VPTW|BTCTW|BTGTW|BKTTW|UBKTTW|BCĐ)/.test(iss!)) continue;
    const { type: written, start } = writtenBefore(m.index);
    found.push({ number: `${num}-${seg}/${iss}`, type: written ?? TYPE_BY_CODE.get(seg!) ?? null, typeWritten: Boolean(written), span: [start, m.index + m[0].length], end: m.index + m[0].length, short: false, code: iss! });
  }
  for (const m of text.matchAll(OLD_RE)) {
    const [, num, iss] = m;
    if (!/^(?:CP|HĐBT|TTg|HĐNN|CT)/.test(iss!)) continue;
    const type = canonicalTypeName(m[0].split(/\s+(?:số\s+)?\d/)[0]!);
    found.push({ number: `${num}-${iss}`, type, typeWritten: true, span: [m.index, m.index + m[0].length], end: m.index + m[0].length, short: false, code: iss! });
  }
  const takenSpans = new SpanSet();
  for (const f of found) takenSpans.add(f.span[0], f.span[1]);
  const taken = (s: Span) => takenSpans.overlaps(s[0], s[1]);
  for (const m of matchWords(SHORT_RE, text)) {
    const span: Span = [m.index, m.index + m[0].length];
    if (taken(span)) continue;
    const n = m[3]!;
    const value = Number.parseInt(n, 10);
    // "Kế hoạch 2022" or "Chương trình 2030" name a year, not a number; "số" makes it a number again.
    if (!m[2] && value >= 1945 && value <= 2100) continue;
    found.push({ number: n, type: canonicalTypeName(m[1]!), typeWritten: true, span, end: span[1], short: true, code: null });
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

function canonicalTypeName(written: string): string {
  const w = written.replace(/\s+/g, ' ').trim().toLowerCase();
  return DOC_TYPE_NAMES.find((n) => n.toLowerCase() === w) ?? written.trim();
}

/** Reads "của Chính phủ", "của Thủ tướng Chính phủ", "do Bộ Y tế …", "của Bộ Y tế và Bộ Tài chính" after a number. */
function issuerAfter(text: string, at: number, requireLink = true): { name: string; end: number } | null {
  const link = ISSUER_AFTER_RE.exec(text.slice(at, at + 20));
  if (!link && requireLink) return null;
  const start = at + (link ? link[0].length : 0);
  const person = Object.keys(PERSON_ISSUERS).find((p) => text.startsWith(p, start) && !/[\p{L}]/u.test(text[start + p.length] ?? ''));
  if (person && link) return { name: PERSON_ISSUERS[person]!, end: start + person.length };
  const org = matchOrganizationAt(text, start);
  if (!org || (!link && !org.known)) return null;
  // Joint issuers: "của Bộ Y tế và Bộ Tài chính".
  const and = /^\s+và\s+/u.exec(text.slice(org.end, org.end + 8));
  const second = and ? matchOrganizationAt(text, org.end + and[0].length) : null;
  return second ? { name: `${org.name} và ${second.name}`, end: second.end } : { name: org.name, end: org.end };
}

/** A day written in a citation, with the year from the text, else the document's year, else the article's. */
function citationDate(written: string, docYear: string | null, publishedOn: string | null): string | null {
  const full = parseDateTime(written);
  if (full) return full.slice(0, 10);
  const m = /^(\d{1,2})\s?[/.\-]\s?(\d{1,2})$|^(\d{1,2})\s+tháng\s+(\d{1,2})$/u.exec(written.trim());
  if (!m) return null;
  const d = Number(m[1] ?? m[3]);
  const mo = Number(m[2] ?? m[4]);
  const year = docYear ? Number(docYear) : inferYear(publishedOn, mo, d);
  return year && isValidDate(year, mo, d) ? `${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

interface Attributes {
  issuedOn: string | null;
  issuer: string | null;
  /** Whether the issuer was written in the text (rather than read from the code). */
  issuerWritten: boolean;
  subject: string | null;
}

/** Date, issuer and subject written around one mention. */
function readAttributes(text: string, f: Found, publishedOn: string | null): Attributes {
  const docYear = /\/((?:19|20)\d{2})\//.exec(f.number)?.[1] ?? null;
  let issuedOn: string | null = null;
  let issuer: string | null = null;
  let subject: string | null = null;
  let cursor = f.end;
  const year = YEAR_AFTER_RE.exec(text.slice(cursor, cursor + 12));
  if (year) cursor += year[0].length;
  const d = DATE_AFTER_RE.exec(text.slice(cursor, cursor + 60));
  if (d) {
    issuedOn = citationDate(d[1]!, docYear, publishedOn);
    cursor += d[0].length;
  }
  let iss = issuerAfter(text, cursor);
  if (!iss && d) {
    const meeting = MEETING_BEFORE_ISSUER_RE.exec(text.slice(cursor, cursor + 60));
    iss = issuerAfter(text, cursor + (meeting ? meeting[0].length : 0), false);
  }
  if (iss) {
    issuer = iss.name;
    cursor = iss.end;
  }
  const subj = SUBJECT_AFTER_RE.exec(text.slice(cursor, cursor + 260));
  if (subj) subject = subj[1]!.replace(/\s+/g, ' ').trim();
  // Before the mention, in the same clause: "Ngày 31/8/2018, Chính phủ ban hành Nghị quyết …".
  // The clause before the mention, at most 160 characters back (a bounded window keeps long texts linear).
  const window = text.slice(Math.max(0, f.span[0] - 160), f.span[0]);
  const cut = Math.max(window.lastIndexOf('.'), window.lastIndexOf(';'), window.lastIndexOf('\n'));
  const clause = window.slice(cut + 1);
  // The pattern ends in the verb: look for its last word first (an end-anchored pattern is tried at every
  // position of its window).
  const before = ISSUED_VERB_END_RE.test(clause) ? ISSUED_BEFORE_RE.exec(clause) : null;
  if (before) {
    if (!issuedOn && before[1]) issuedOn = citationDate(before[1], docYear, publishedOn);
    if (!issuer) {
      const who = before[2]!.trim();
      const person = Object.keys(PERSON_ISSUERS).find((p) => who === p || who.endsWith(` ${p}`));
      const org = person ? null : matchOrganizationAt(who, 0);
      if (person) issuer = PERSON_ISSUERS[person]!;
      else if (org && org.end >= who.length - 1) issuer = org.name;
    }
  }
  const issuerWritten = issuer !== null;
  if (!issuer && f.code) issuer = issuerFromCode(f.code);
  return { issuedOn, issuer, issuerWritten, subject };
}

/** Legal references of an article, one per distinct document, first (fullest) mention first. */
export function extractLegalRefs(text: string, options: { publishedOn?: string | null } = {}): LegalRef[] {
  const publishedOn = options.publishedOn?.slice(0, 10) ?? null;
  const found = findAll(text);
  const refs = new Map<string, LegalRef & { issuerWritten: boolean }>();
  const order: string[] = [];
  for (const f of found) {
    let key = docKey(f.number);
    if (f.short) {
      // "Nghị định 42" after "Nghị định số 42/2022/NĐ-CP": the same document.
      // "Đề án 06" after "Quyết định số 06/QĐ-TTg … phê duyệt Đề án …": the decision that approved it.
      const full = [...refs.values()].find((r) => r.number.split(/[/-]/)[0] === f.number && r.number !== f.number
        && (r.type === f.type || (NAMED_BY_DECISION.has(f.type ?? '') && r.type === 'Quyết định')));
      if (full) {
        full.mentions.push(f.span);
        continue;
      }
      // With nothing to link to, a number after a type still names a document ("Đề án 06", "Quyết định 610").
      key = `${f.type}:${key}`;
    }
    const a = readAttributes(text, f, publishedOn);
    const existing = refs.get(key);
    if (existing) {
      existing.mentions.push(f.span);
      existing.issuedOn ??= a.issuedOn;
      // An issuer written in the text beats one read from the code.
      if (a.issuer && (!existing.issuer || (a.issuerWritten && !existing.issuerWritten))) {
        existing.issuer = a.issuer;
        existing.issuerWritten = a.issuerWritten;
      }
      existing.subject ??= a.subject;
      if (f.typeWritten && existing.type !== f.type && f.type) existing.type = f.type;
      continue;
    }
    refs.set(key, { type: f.type, number: f.number, issuedOn: a.issuedOn, issuer: a.issuer, subject: a.subject, mentions: [f.span], span: f.span, issuerWritten: a.issuerWritten });
    order.push(key);
  }
  return order.map((k) => {
    const { issuerWritten: _written, ...ref } = refs.get(k)!;
    return ref;
  });
}

/** Every span where a document is mentioned: claims must not read numbers inside them. */
export function legalRefSpans(refs: readonly LegalRef[]): Span[] {
  return refs.flatMap((r) => r.mentions);
}
