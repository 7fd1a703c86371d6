/**
 * Numeric claims: each quantity an article asserts about the world, with its metric (the noun phrase the
 * number is about), value in base units, unit, qualifier ("hơn", "gần"), period, direction of change and the
 * sentence it came from. Dates, document numbers, ordinals and numbers inside names are masked first.
 */
import type { Approx, Claim, Span } from '../types.js';
import { COUNT_NOUNS, CHANGE_WORDS, LINK_VERBS, NOT_UNIT_WORDS, QUALIFIERS, TIME_UNITS, UNIT_WORDS } from './data/claims.js';
import { findNumbers, type NumberMention } from '../text/numbers.js';
import { findDates, periodOf, type DateMention, type RefDate } from '../text/dates.js';
import { splitSentences } from '../text/sentences.js';
import { alternation, escapeRe } from '../text/regex.js';
import { foldKey } from '../text/normalize.js';

export interface ClaimContext {
  publishedOn?: RefDate;
  /** Spans of legal-document mentions (numbers inside them are not claims). */
  masked?: readonly Span[];
}

const UNIT_RE = new RegExp(String.raw`^\s*(${UNIT_WORDS.map((u) => escapeRe(u.written)).join('|')})(?![\p{L}\p{N}])`, 'u');
const UNIT_BY_WRITTEN = new Map(UNIT_WORDS.map((u) => [u.written, u.unit]));
const COUNT_NOUN_RE = new RegExp(String.raw`^\s*(${alternation(COUNT_NOUNS)})(?![\p{L}\p{N}])`, 'iu');
const QUALIFIER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternation(QUALIFIERS.map((q) => q.phrase))})\s*$`, 'iu');
const QUALIFIER_BY_PHRASE = new Map(QUALIFIERS.map((q) => [q.phrase, q.approx]));
const CHANGE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternation(CHANGE_WORDS.map((c) => c.phrase))})\s*$`, 'iu');
const LINK_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(LINK_VERBS)})\s*$`, 'iu');
const RANK_BEFORE_RE = /(?:xếp\s+hạng|xếp|đứng|vị\s+trí|hạng)(?:\s+thứ)?\s*$/iu;
/** Things that carry numbers but are not quantities: articles of law, ordinals, routes, congresses. */
const MASK_RES: RegExp[] = [
  /(?<![\p{L}])(?:Điều|khoản|Khoản|điểm|Chương|mục|Mục|Phụ lục|Quốc lộ|QL|tuyến số|số hiệu|Tổ|tổ|phòng|Phòng|Khu|khu|lô|Lô|đường số|Đường số|Tầng|tầng)\s+\d+[a-zA-Z]?(?![\p{N}])/gu,
  /(?<![\p{L}])(?:lần\s+thứ|thứ)\s+\d+(?![\p{N}])/gu,
  /(?<![\p{L}])(?:Top|top|nhóm|Nhóm)\s+\d+(?![\p{N}])/gu,
  /(?<![\p{L}])(?:số|Số)\s+\d+(?:[/.\-]\d+)*(?![\p{N}%])(?!\s*(?:%|phần trăm|tỷ|triệu|nghìn|ngàn|doanh|người|lượt|hộ))/gu,
  /\(\d{1,2}\)|\b\d{2,4}[.\s]\d{3,4}[.\s]\d{3,4}\b/gu,
  /(?<![\p{L}\p{N}])\d{1,2}\s?-\s?\d{1,2}(?=\s*,?\s*(?:tại|ở|Hà Nội|Thủ tướng))/gu,
];
/** Verbs after a bare number that show it is not counting anything ("có 2 nội dung" still counts). */
const STOP_AT = /[,.;:!?()"“”\n]/u;

function approxBefore(before: string): { approx: Approx; length: number } {
  const m = QUALIFIER_RE.exec(before);
  if (!m) return { approx: 'exact', length: 0 };
  return { approx: QUALIFIER_BY_PHRASE.get(m[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? 'exact', length: m[0].length };
}

interface UnitRead {
  unit: string;
  end: number;
}

/** The unit after a number: a unit word, a counted noun, or the first word of a noun phrase. */
function unitAfter(s: string, at: number): UnitRead | null {
  const rest = s.slice(at, at + 60);
  const u = UNIT_RE.exec(rest);
  if (u) {
    const unit = UNIT_BY_WRITTEN.get(u[1]!) ?? u[1]!;
    return { unit, end: at + u[0].length };
  }
  const c = COUNT_NOUN_RE.exec(rest);
  if (c) return { unit: c[1]!.toLowerCase(), end: at + c[0].length };
  const w = /^\s+(\p{Ll}[\p{L}\p{M}]*)(?:\s+(\p{Ll}[\p{L}\p{M}]*))?/u.exec(rest);
  if (!w) return null;
  const first = w[1]!;
  if (NOT_UNIT_WORDS.has(first) || TIME_UNITS.has(first)) return null;
  return { unit: first, end: at + w[0].indexOf(first) + first.length };
}

/** The metric: the noun phrase before a linking verb ("tỷ lệ … đạt 100%"), else the unit and what follows it. */
function metricOf(s: string, numStart: number, qualLen: number, unit: UnitRead): string {
  const beforeAll = s.slice(0, numStart - qualLen);
  const link = LINK_RE.exec(beforeAll);
  const clauseStart = Math.max(beforeAll.lastIndexOf(','), beforeAll.lastIndexOf(';'), beforeAll.lastIndexOf(':'), beforeAll.lastIndexOf('('));
  if (link) {
    let left = beforeAll.slice(clauseStart + 1, link.index).trim();
    left = left.replace(/^(?:và|trong đó|theo đó|còn|riêng|với|trong|tổng|cụ thể|đồng thời|ngoài ra|bên cạnh đó)\s+/iu, '').trim();
    const words = left.split(/\s+/).filter(Boolean);
    if (words.length >= 2 && words.length <= 16) return words.join(' ');
  }
  const after = s.slice(unit.end);
  const stop = after.search(STOP_AT);
  const tail = (stop >= 0 ? after.slice(0, stop) : after).split(/\s+/).filter(Boolean);
  // Cut at words that open a new clause.
  const cut = tail.findIndex((w) => /^(?:so|để|nhằm|khi|nhưng|song|tuy|đạt|tăng|giảm|với|theo|trong|vào|từ|đến|tới)$/iu.test(w));
  const kept = (cut >= 0 ? tail.slice(0, cut) : tail).slice(0, 10);
  const unitWords = unit.unit === '%' || UNIT_BY_WRITTEN.has(unit.unit) ? [] : [unit.unit];
  const metric = [...unitWords, ...kept].join(' ').trim();
  if (metric) return metric;
  // Nothing after the number: take the words before it.
  const left = beforeAll.slice(clauseStart + 1).trim().split(/\s+/).slice(-8).join(' ');
  return left || unit.unit;
}

/** The period a number is about: the nearest period in the same clause (";"-separated), not a comparison base. */
function periodFor(s: string, dates: readonly DateMention[], numSpan: Span): string | null {
  const clauseStart = s.lastIndexOf(';', numSpan[0]) + 1;
  const nextSemi = s.indexOf(';', numSpan[1]);
  const clauseEnd = nextSemi < 0 ? s.length : nextSemi;
  let best: string | null = null;
  let bestDist = Infinity;
  for (const d of dates) {
    if (d.span[0] < clauseStart || d.span[1] > clauseEnd) continue;
    const p = periodOf(d);
    if (!p) continue;
    if (/so\s+với(?:\s+cùng\s+kỳ)?(?:\s+\p{L}+){0,2}\s*$/iu.test(s.slice(Math.max(0, d.span[0] - 30), d.span[0]))) continue;
    const dist = d.span[0] >= numSpan[1] ? d.span[0] - numSpan[1] : numSpan[0] - d.span[1];
    if (dist < bestDist) { best = p; bestDist = dist; }
  }
  return best;
}

/** Who the sentence attributes the figure to: "Theo Tổng cục Thống kê, …", "…, Bộ trưởng cho biết". */
function sourceOf(s: string): string | null {
  const theo = /^(?:Theo\s+)((?:báo cáo|số liệu|thống kê)\s+của\s+)?([^,]{3,80}),/u.exec(s);
  if (theo) return theo[2]!.trim();
  return null;
}

export function metricKey(metric: string, unit: string): string {
  return `${foldKey(metric).replace(/[^a-z0-9 ]/g, '').split(' ').filter(Boolean).slice(0, 8).join('-')}|${foldKey(unit)}`;
}

export function extractClaims(text: string, ctx: ClaimContext = {}): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    if (!/\d/.test(s) && !/(?:triệu|tỷ|nghìn|mươi|trăm)/u.test(s)) continue;
    const offset = sentence.span[0];
    const dates = findDates(s, ctx.publishedOn);
    const mask: Span[] = dates.map((d) => d.span);
    for (const sp of ctx.masked ?? []) {
      if (sp[1] > offset && sp[0] < sentence.span[1]) mask.push([sp[0] - offset, sp[1] - offset]);
    }
    for (const re of MASK_RES) for (const m of s.matchAll(re)) {
      // A ranking ("xếp thứ 7", "đứng thứ 2") is a claim; other "thứ N" are ordinals.
      if (/^(?:lần\s+)?thứ/u.test(m[0]) && RANK_BEFORE_RE.test(s.slice(0, m.index).replace(/\s*$/, ' ').trimEnd() + ' ')) continue;
      mask.push([m.index, m.index + m[0].length]);
    }
    const numbers = findNumbers(s, { mask, words: true }).filter((n) => !n.words || n.value >= 10 || n.factor > 1 || /(?:mươi|trăm|nghìn|triệu|tỷ)/u.test(n.raw));
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      const claim = readClaim(s, n, numbers[i + 1], dates);
      if (!claim) continue;
      claims.push({ ...claim, sentence: s, span: [offset + claim.span[0], offset + claim.span[1]] });
    }
  }
  return claims;
}

function readClaim(s: string, n: NumberMention, next: NumberMention | undefined, dates: readonly DateMention[]): Omit<Claim, 'sentence'> | null {
  const before = s.slice(0, n.span[0]);
  // A rank: "xếp hạng thứ 7", "đứng thứ 2".
  const rank = /(?:xếp\s+hạng|xếp|đứng|vị\s+trí|hạng)(?:\s+thứ)\s*$/iu.exec(before);
  let unit: UnitRead | null;
  if (rank) unit = { unit: 'hạng', end: n.span[1] };
  else {
    // "66,1-66,9 triệu đồng": the lower bound takes the unit of the upper bound.
    const joined = next && /^\s*(?:[-–]|đến|tới)\s*$/u.test(s.slice(n.span[1], next.span[0]));
    unit = unitAfter(s, joined ? next!.span[1] : n.span[1]);
  }
  if (!unit) return null;
  if (TIME_UNITS.has(unit.unit)) return null;
  if (!n.words && n.factor === 1 && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && unit.unit !== '%' && !COUNT_NOUN_RE.test(s.slice(n.span[1]))) return null;
  const q = approxBefore(before);
  let approx = q.approx;
  const beforeQ = before.slice(0, before.length - q.length);
  const change = CHANGE_RE.exec(beforeQ) ?? CHANGE_RE.exec(before);
  let direction: 'up' | 'down' | null = null;
  if (change) direction = CHANGE_WORDS.find((c) => c.phrase === change[1]!.toLowerCase())?.change ?? null;
  // Range bounds: "từ 3 đến 5 tỷ đồng".
  if (/(?<![\p{L}])từ\s*$/iu.test(beforeQ) && next && /^\s*(?:đến|tới|-|–)\s*$/u.test(s.slice(n.span[1], next.span[0]))) approx = 'at_least';
  const metric = rank ? metricForRank(s, n) : metricOf(s, n.span[0], q.length, unit);
  const period = periodFor(s, dates, n.span);
  return {
    metric, metricKey: metricKey(metric, unit.unit), value: n.value, unit: unit.unit, approx, period,
    change: direction, source: sourceOf(s), span: n.span,
  };
}

function metricForRank(s: string, n: NumberMention): string {
  const after = s.slice(n.span[1]);
  const stop = after.search(STOP_AT);
  const words = (stop >= 0 ? after.slice(0, stop) : after).trim().split(/\s+/).slice(0, 10);
  return ['xếp hạng', ...words].join(' ').trim();
}
