/**
 * Legal documents cited in an article: "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về …",
 * administrative numbers without a year ("06/QĐ-TTg"), Party documents ("57-NQ/TW"), old forms ("64-CP"),
 * numbers written alone after a type ("Quyết định 610"), and later short mentions ("Nghị định 42"), which
 * are linked to the full reference of the same article.
 */
import type { LegalRef, Span } from '../types.js';
import { DOC_TYPES, DOC_TYPE_NAMES, ISSUER_ALIASES, ISSUERS, NUMBER_ONLY_TYPES } from './data/legal.js';
import { alternation } from '../text/regex.js';
import { parseDateTime } from '../text/dates.js';
import { ROMAN } from '../text/data/numbers.js';
import { matchOrganizationAt } from './organizations.js';

// The skeleton from the domain notes, with two widenings seen in real text: numbers with a letter
// ("30a/2008/NQ-CP") and spaces around the dash ("NQ- CP", "TTLT- BLĐTBXH").
const NUM = String.raw`\d{1,4}[a-z]?`;
const YEAR = String.raw`(?:19|20)\d{2}`;
const SEG = String.raw`\p{Lu}[\p{L}&]*`;
const ISS = String.raw`\p{Lu}[\p{L}&]*\d*`;
const STATE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/])(${NUM})\s?/\s?(?:(${YEAR})\s?/\s?)?(${SEG}\d*(?:\s?-\s?${ISS})*)(?![\p{L}\p{N}])`,
  'gu',
);
const PARTY_RE = new RegExp(String.raw`(?<![\p{L}\p{N}/-])(${NUM})-(${SEG})/(${ISS}(?:-${ISS})?)(?![\p{L}\p{N}])`, 'gu');
const OLD_RE = new RegExp(String.raw`(?:Nghị định|Quyết định|Chỉ thị|Thông tư)(?:\s+số)?\s+(${NUM})-(${ISS})(?![\p{L}\p{N}/])`, 'gu');

const TYPE_BY_CODE = new Map(DOC_TYPES.map((t) => [t.code, t.name]));
const TYPE_NAMES_RE = alternation(DOC_TYPE_NAMES);
/** "Nghị định số", "Quyết định", "Thông tư liên tịch số" right before a number. */
const TYPE_BEFORE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${TYPE_NAMES_RE})(?:\s+số)?\s*:?\s*$`, 'iu');
const SHORT_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${alternation(NUMBER_ONLY_TYPES)})(\s+số)?\s+(\d{1,5}[a-z]?)(?![\p{L}\p{N}]|\s?[/\-]\s?\p{L}|[/.,]\d)`,
  'gu',
);
function isLawIssuer(code: string): boolean {
  return /^(?:QH|UBTVQH)\d{2}$/.test(code);
}

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

const DATE_AFTER_RE = /^\s*,?\s*(?:được\s+)?(?:ban\s+hành\s+|ký\s+)?(?:ngày|ngay)\s+(\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;
const ISSUER_AFTER_RE = /^\s*,?\s*(?:của|do)\s+/iu;
const SUBJECT_AFTER_RE = /^\s*,?\s*((?:quy\s+định|hướng\s+dẫn|về|sửa\s+đổi|bổ\s+sung|ban\s+hành|phê\s+duyệt|thành\s+lập|ban\s+hành)[^.;()\n]{3,220}?)(?=\s*(?:[.;()\n]|,\s+(?:theo|trong|đồng thời|trong đó|qua đó|từ đó|nhằm|đã|và\s+(?:Nghị|Quyết|Thông|Chỉ))|$))/iu;

function findAll(text: string): Found[] {
  const found: Found[] = [];
  const typeBefore = (at: number) => {
    const m = TYPE_BEFORE_RE.exec(text.slice(Math.max(0, at - 40), at));
    return m ? canonicalTypeName(m[1]!) : null;
  };
  const startBefore = (at: number) => {
    const window = text.slice(Math.max(0, at - 40), at);
    const m = TYPE_BEFORE_RE.exec(window);
    return m ? at - window.length + m.index : at;
  };
  for (const m of text.matchAll(STATE_RE)) {
    const [, num, year, rawCode] = m;
    const code = normalizeDocNumber(rawCode!);
    if (!plausibleCode(code, year)) continue;
    const number = normalizeDocNumber(`${num}/${year ? `${year}/` : ''}${code}`);
    const written = typeBefore(m.index);
    found.push({ number, type: written ?? typeFromCode(code), typeWritten: Boolean(written), span: [startBefore(m.index), m.index + m[0].length], end: m.index + m[0].length, short: false, code });
  }
  for (const m of text.matchAll(PARTY_RE)) {
    const [, num, seg, iss] = m;
    if (!TYPE_BY_CODE.has(seg!) || !/^(?:TW|TU|ĐU|HU|QU|BCS|ĐĐ|VPTW|BTCTW|BTGTW|BKTTW|UBKTTW|BCĐ)/.test(iss!)) continue;
    const written = typeBefore(m.index);
    found.push({ number: `${num}-${seg}/${iss}`, type: written ?? TYPE_BY_CODE.get(seg!) ?? null, typeWritten: Boolean(written), span: [startBefore(m.index), m.index + m[0].length], end: m.index + m[0].length, short: false, code: iss! });
  }
  for (const m of text.matchAll(OLD_RE)) {
    const [, num, iss] = m;
    if (!/^(?:CP|HĐBT|TTg|HĐNN|CT)/.test(iss!)) continue;
    const type = canonicalTypeName(m[0].split(/\s+(?:số\s+)?\d/)[0]!);
    found.push({ number: `${num}-${iss}`, type, typeWritten: true, span: [m.index, m.index + m[0].length], end: m.index + m[0].length, short: false, code: iss! });
  }
  const taken = (s: Span) => found.some((f) => f.span[0] < s[1] && s[0] < f.span[1]);
  for (const m of text.matchAll(SHORT_RE)) {
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

/** Reads "của Chính phủ", "của Thủ tướng Chính phủ", "do Bộ Y tế …" right after a number. */
function issuerAfter(text: string, at: number): { name: string; end: number } | null {
  const m = ISSUER_AFTER_RE.exec(text.slice(at, at + 20));
  if (!m) return null;
  const org = matchOrganizationAt(text, at + m[0].length);
  return org ? { name: org.name, end: org.end } : null;
}

/** Legal references of an article, one per distinct document, first (fullest) mention first. */
export function extractLegalRefs(text: string): LegalRef[] {
  const found = findAll(text);
  const refs = new Map<string, LegalRef>();
  const order: string[] = [];
  for (const f of found) {
    let key = docKey(f.number);
    if (f.short) {
      // "Nghị định 42" after "Nghị định số 42/2022/NĐ-CP": the same document.
      const full = [...refs.values()].find((r) => r.type === f.type && r.number.split(/[/-]/)[0] === f.number && r.number !== f.number);
      if (full) {
        full.mentions.push(f.span);
        continue;
      }
      // With nothing to link to, a number after a type still names a document ("Đề án 06", "Quyết định 610").
      key = `${f.type}:${key}`;
    }
    let issuedOn: string | null = null;
    let issuer: string | null = null;
    let subject: string | null = null;
    let cursor = f.end;
    const d = DATE_AFTER_RE.exec(text.slice(cursor, cursor + 60));
    if (d) {
      issuedOn = parseDateTime(d[1]!)?.slice(0, 10) ?? null;
      cursor += d[0].length;
    }
    const iss = issuerAfter(text, cursor);
    if (iss) {
      issuer = iss.name;
      cursor = iss.end;
    }
    const subj = SUBJECT_AFTER_RE.exec(text.slice(cursor, cursor + 260));
    if (subj) subject = subj[1]!.replace(/\s+/g, ' ').trim();
    if (!issuer && f.code) issuer = issuerFromCode(f.code);
    const existing = refs.get(key);
    if (existing) {
      existing.mentions.push(f.span);
      existing.issuedOn ??= issuedOn;
      if (issuer && (!existing.issuer || (iss && !existing.issuer.includes(issuer)))) existing.issuer = existing.issuer && !iss ? existing.issuer : issuer;
      existing.subject ??= subject;
      if (f.typeWritten && existing.type !== f.type && f.type) existing.type = f.type;
      continue;
    }
    refs.set(key, { type: f.type, number: f.number, issuedOn, issuer, subject, mentions: [f.span], span: f.span });
    order.push(key);
  }
  return order.map((k) => refs.get(k)!);
}

/** Every span where a document is mentioned: claims must not read numbers inside them. */
export function legalRefSpans(refs: readonly LegalRef[]): Span[] {
  return refs.flatMap((r) => r.mentions);
}
